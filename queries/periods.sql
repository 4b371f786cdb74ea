-- Reporting periods of the years that have targets or tasks: months and quarters,
-- by their end (a quarter after its months).
SELECT code, year, granularity, number, start_date, end_date, report_deadline, baseline_period
FROM v_periods
WHERE year IN (SELECT DISTINCT year FROM v_items)
ORDER BY sort_key;
