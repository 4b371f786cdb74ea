-- An item that can be explained for a period (a tracked period, not a baseline), with
-- the unit that reports it.
SELECT i.code, i.item_type, i.reporting_unit
FROM v_items i
JOIN v_reporting_periods rp ON rp.items_year = i.year AND NOT rp.baseline_only
WHERE i.code = $item AND rp.code = $period;
