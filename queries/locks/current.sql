-- Whether one period is locked, by whom and since when (no row: never locked).
SELECT period_code, locked, changed_by, changed_at, reason
FROM v_period_locks
WHERE period_code = $period;
