-- The newest current value a unit has for each item, up to and including a period:
-- what the template shows as "reported last".
SELECT
    c.item_code,
    arg_max(c.value, p.end_date)       AS value,
    arg_max(c.period_code, p.end_date) AS period_code
FROM current_actuals c
JOIN v_periods p ON p.code = c.period_code
WHERE c.unit_code = $unit
  AND p.end_date <= (SELECT end_date FROM v_periods WHERE code = $period)
GROUP BY c.item_code;
