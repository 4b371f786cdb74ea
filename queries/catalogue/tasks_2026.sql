INSERT INTO tasks
SELECT
    code,
    CAST(year AS INTEGER),
    section,
    nullif(parent_code, ''),
    task,
    subtask,
    output,
    kpi,
    CAST(nullif(kpi_threshold, '') AS DOUBLE),
    nullif(kpi_unit, ''),
    lead_unit,
    CASE WHEN coalesce(coord_units, '') = '' THEN []::VARCHAR[]
         ELSE string_split(coord_units, ';') END,
    deadline_text,
    CAST(nullif(deadline, '') AS DATE),
    source_doc,
    nullif(note, ''),
    kpi_comparator,
    kpi_kind,
    CAST(kpi_baseline AS BOOLEAN),
    CAST(deadline_assumed AS BOOLEAN)
FROM read_csv($path, header = true, all_varchar = true);
