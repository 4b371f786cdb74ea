-- Reporting periods of the years that have targets or tasks.
SELECT code, year, granularity, number, start_date, end_date, report_deadline, baseline_period
FROM v_periods
WHERE year IN (SELECT DISTINCT year FROM v_items)
ORDER BY start_date;
