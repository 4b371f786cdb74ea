-- Every period that was ever locked, with its current state, and the history of it.
SELECT l.period_code, l.locked, l.changed_by, l.changed_at, l.reason
FROM period_locks l
ORDER BY l.period_code, l.id DESC;
