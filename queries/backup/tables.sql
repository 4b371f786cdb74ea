-- The tables a backup holds: every base table of the database, in creation order,
-- except schema_definitions (derived: views and macros are re-created from
-- queries/definitions on every upgrade).
SELECT table_name, estimated_size
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
  AND table_name <> 'schema_definitions'
ORDER BY table_oid;
