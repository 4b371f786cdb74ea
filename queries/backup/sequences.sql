-- Where each sequence stands (NULL: never used), so restored ids never collide.
SELECT sequence_name, last_value
FROM duckdb_sequences()
WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY sequence_name;
