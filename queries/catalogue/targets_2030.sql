INSERT INTO targets_2030
SELECT
    code,
    CAST(horizon_year AS INTEGER),
    name,
    unit_of_measure,
    comparator,
    CAST(nullif(threshold_low, '') AS DOUBLE),
    CAST(nullif(threshold_high, '') AS DOUBLE),
    nullif(continues_target, ''),
    nullif(lead_unit, ''),
    source_doc,
    source_text,
    nullif(note, ''),
    CAST(threshold_assumed AS BOOLEAN)
FROM read_csv($path, header = true, all_varchar = true);
