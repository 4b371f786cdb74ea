-- Periods an upload or a template can be for, oldest first.
SELECT code, items_year, baseline_only, start_date, end_date, report_deadline
FROM v_reporting_periods
ORDER BY start_date;
