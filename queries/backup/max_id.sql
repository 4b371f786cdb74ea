-- The highest id a table holds (NULL: no rows).
SELECT max(id) AS max_id FROM {table};
