INSERT INTO target_groups
SELECT code, name, short_name, CAST(sort_order AS INTEGER)
FROM read_csv($path, header = true, all_varchar = true);
