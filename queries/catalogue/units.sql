INSERT INTO units
SELECT
    code,
    name,
    short_name,
    kind,
    nullif(parent_code, ''),
    CAST(named_in_docs AS BOOLEAN),
    nullif(note, '')
FROM read_csv($path, header = true, all_varchar = true);
