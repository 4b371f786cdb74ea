-- Periods an upload or a template can be for, oldest first (a quarter after its
-- months).
SELECT code, items_year, baseline_only, granularity, start_date, end_date, report_deadline
FROM v_reporting_periods
ORDER BY sort_key;
