INSERT INTO targets
SELECT
    code,
    CAST(year AS INTEGER),
    group_code,
    CAST(item_no AS INTEGER),
    name,
    unit_of_measure,
    comparator,
    CAST(nullif(threshold_low, '') AS DOUBLE),
    CAST(nullif(threshold_high, '') AS DOUBLE),
    kind,
    lead_unit,
    CASE WHEN coalesce(coord_units, '') = '' THEN []::VARCHAR[]
         ELSE string_split(coord_units, ';') END,
    CAST(lead_assumed AS BOOLEAN),
    lead_basis,
    source_doc,
    source_text,
    nullif(note, ''),
    nullif(data_unit, '')
FROM read_csv($path, header = true, all_varchar = true);
