-- A base table of this database's main schema, by name.
SELECT 1
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
  AND table_name = $table;
