-- Every target and task of the tracked years as the import checks them, one row per
-- item (nq57.excel.check.ReportableItems works out which period takes which).
SELECT
    i.code,
    i.item_type,
    i.name,
    i.unit_of_measure,
    i.comparator,
    i.kind,
    i.year,
    i.reporting_unit,
    coalesce(u.name, i.reporting_unit) AS reporting_unit_name,
    i.needs_baseline,
    m.max_value,                 -- the plausibility ceiling of its unit of measure
    m.basis AS max_basis
FROM v_items i
LEFT JOIN units u ON u.code = i.reporting_unit
LEFT JOIN measures m ON m.unit_of_measure = i.unit_of_measure
ORDER BY i.year, i.item_type, i.sort_key;
