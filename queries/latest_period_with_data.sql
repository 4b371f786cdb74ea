-- The most recent period of a tracked year for which any current value exists.
SELECT max(p.code) AS period
FROM current_actuals c
JOIN v_periods p ON p.code = c.period_code
WHERE p.year IN (SELECT DISTINCT year FROM v_items)
  AND p.granularity = 'quarter';
