INSERT INTO task_sections
SELECT code, name, CAST(sort_order AS INTEGER)
FROM read_csv($path, header = true, all_varchar = true);
