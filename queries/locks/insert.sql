INSERT INTO period_locks (period_code, locked, changed_by, changed_at, reason, demo)
VALUES ($period, $locked, $changed_by, $changed_at, $reason, $demo)
RETURNING id;
