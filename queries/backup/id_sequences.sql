-- Columns whose values come from a sequence (id columns), with the sequence's name.
SELECT table_name, column_name,
       regexp_extract(column_default, 'nextval\(''([^'']+)''\)', 1) AS sequence_name
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
  AND column_default LIKE 'nextval(%'
ORDER BY table_name;
