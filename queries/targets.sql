-- The targets of a year (or all years), with the lead unit in force.
SELECT
    t.code,
    t.group_code AS "group",
    t.name,
    t.unit_of_measure,
    t.comparator,
    t.threshold_low,
    t.threshold_high,
    t.kind,
    i.lead_unit,
    u.name AS lead_unit_name,
    t.coord_units,
    i.lead_assumed,
    t.lead_basis,
    i.reporting_unit,
    t.year,
    t.source_doc,
    t.source_text,
    t.note,
    t.data_unit,
    du.name AS data_unit_name
FROM targets t
JOIN v_items i ON i.code = t.code
LEFT JOIN units u ON u.code = i.lead_unit
LEFT JOIN units du ON du.code = t.data_unit
WHERE $year IS NULL OR t.year = $year
ORDER BY i.sort_key;
