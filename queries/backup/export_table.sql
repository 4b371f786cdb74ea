-- One table, whole, to a Parquet file (types, lists and NULLs kept exactly).
COPY (SELECT * FROM query_table($table)) TO $file (FORMAT parquet, COMPRESSION zstd);
