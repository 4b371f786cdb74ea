-- A session by its token's digest.
SELECT id, account_name, method, client, created_at, last_seen_at, ended_at, end_reason
FROM sessions
WHERE token_sha256 = $token_sha256;
