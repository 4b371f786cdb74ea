-- End every open session of an account (disabled, password reset, demo removed).
UPDATE sessions SET ended_at = $ended_at, end_reason = $end_reason
WHERE account_name = $account AND ended_at IS NULL;
