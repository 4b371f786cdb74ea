-- Sessions not ended, newest first (the accounts page shows who is signed in).
SELECT id, account_name, method, client, created_at, last_seen_at
FROM sessions WHERE ended_at IS NULL ORDER BY created_at DESC;
