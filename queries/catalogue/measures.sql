INSERT INTO measures
SELECT unit_of_measure, CAST(max_value AS DOUBLE), basis
FROM read_csv($path, header = true, all_varchar = true);
