-- Inconsistencies in the loaded catalogue; a reload with any row here is refused.
WITH unit_refs AS (
    SELECT 'targets' AS source, code, lead_unit AS unit FROM targets
    UNION ALL SELECT 'targets', code, unnest(coord_units) FROM targets
    UNION ALL SELECT 'targets', code, data_unit FROM targets WHERE data_unit IS NOT NULL
    UNION ALL SELECT 'tasks', code, lead_unit FROM tasks
    UNION ALL SELECT 'tasks', code, unnest(coord_units) FROM tasks
    UNION ALL SELECT 'targets_2030', code, lead_unit FROM targets_2030 WHERE lead_unit IS NOT NULL
    UNION ALL SELECT 'units', code, parent_code FROM units WHERE parent_code IS NOT NULL
)
SELECT source, code, 'unknown unit ' || unit AS problem
FROM unit_refs WHERE unit NOT IN (SELECT code FROM units)
UNION ALL
SELECT 'targets', code, 'unknown group ' || group_code
FROM targets WHERE group_code NOT IN (SELECT code FROM target_groups)
UNION ALL
SELECT 'targets', code, 'code does not match group and item number'
FROM targets WHERE code <> group_code || '.' || item_no
UNION ALL
SELECT 'targets', code, 'numeric comparator without threshold'
FROM targets WHERE comparator <> 'qualitative' AND threshold_low IS NULL
UNION ALL
SELECT 'targets', code, 'range without upper bound above lower bound'
FROM targets WHERE comparator = 'between' AND NOT (threshold_high > threshold_low)
UNION ALL
SELECT 'tasks', code, 'unknown section ' || section
FROM tasks WHERE section NOT IN (SELECT code FROM task_sections)
UNION ALL
SELECT 'tasks', code, 'unknown KPI measure ' || kpi_kind
FROM tasks WHERE kpi_kind NOT IN ('completion', 'level', 'cumulative')
UNION ALL
SELECT 'tasks', code, 'KPI comparator does not fit its measure'
FROM tasks WHERE (kpi_kind = 'completion') <> (kpi_comparator = 'qualitative')
              OR kpi_comparator NOT IN ('>=', '>', '<=', '<', '=', 'qualitative')
UNION ALL
SELECT 'tasks', code, 'numeric KPI without threshold or unit'
FROM tasks WHERE kpi_kind <> 'completion' AND (kpi_threshold IS NULL OR kpi_unit IS NULL)
UNION ALL
SELECT 'tasks', code, 'unknown parent task ' || parent_code
FROM tasks WHERE parent_code IS NOT NULL
             AND NOT starts_with(code, parent_code || '.')
UNION ALL
SELECT 'targets_2030', code, 'continues unknown target ' || continues_target
FROM targets_2030 WHERE continues_target NOT IN (SELECT code FROM targets)
UNION ALL
SELECT 'units', code, 'unknown kind ' || kind
FROM units WHERE kind NOT IN ('department', 'center', 'office', 'party_body', 'armed_forces',
                              'front', 'government', 'board', 'commune', 'collective', 'other')
UNION ALL
SELECT 'targets', code, 'unit of measure without a ceiling in measures.csv: ' || unit_of_measure
FROM targets WHERE unit_of_measure NOT IN (SELECT unit_of_measure FROM measures)
UNION ALL
SELECT 'tasks', code, 'KPI unit without a ceiling in measures.csv: ' || kpi_unit
FROM tasks WHERE kpi_kind <> 'completion' AND kpi_unit NOT IN (SELECT unit_of_measure FROM measures)
ORDER BY 1, 2;
