-- A tighter floor: only the rows of the period and of its baseline period.
SELECT count(*), sum(value), max(id), max(upload_id), max(item_code), max(unit_code)
FROM actuals
WHERE period_code IN ($period, $baseline_period);
