SELECT code, year, granularity, number, start_date, end_date, report_deadline, baseline_period
FROM v_periods
WHERE code = $period;
