-- Targets and tasks of a year as the Excel template and import see them: how each
-- is measured and which unit reports it.
SELECT
    i.code,
    i.item_type,
    i.group_code,
    i.name,
    i.unit_of_measure,
    i.comparator,
    i.threshold_low,
    i.threshold_high,
    i.kind,
    i.year,
    i.deadline_text,
    i.reporting_unit,
    u.name AS reporting_unit_name
FROM v_items i
LEFT JOIN units u ON u.code = i.reporting_unit
WHERE $year IS NULL OR i.year = $year
ORDER BY i.item_type, i.sort_key;
