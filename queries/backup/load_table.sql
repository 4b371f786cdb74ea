INSERT INTO {table} BY NAME SELECT * FROM read_parquet($file);
