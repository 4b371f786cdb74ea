UPDATE sessions SET ended_at = $ended_at, end_reason = $end_reason
WHERE ended_at IS NULL AND account_name IN (SELECT name FROM accounts WHERE demo);
