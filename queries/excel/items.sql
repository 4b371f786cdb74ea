-- Targets and tasks as the Excel template and import see them, per period they can
-- be reported for: how each is measured and which unit reports it. A baseline period
-- takes only the items measured from a baseline (rates and stocks, targets or task
-- KPIs; not counts or completion). Parent tasks are not reported: their parts are.
SELECT
    rp.code AS period_code,
    rp.baseline_only,
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
    i.kpi,
    i.needs_baseline,
    i.reporting_unit,
    u.name AS reporting_unit_name,
    m.max_value,
    m.basis AS max_basis
FROM v_reporting_periods rp
JOIN v_items i ON i.year = rp.items_year
LEFT JOIN units u ON u.code = i.reporting_unit
LEFT JOIN measures m ON m.unit_of_measure = i.unit_of_measure
WHERE ($period IS NULL OR rp.code = $period)
  AND (NOT rp.baseline_only OR i.needs_baseline)
ORDER BY rp.sort_key, i.item_type, i.sort_key;
