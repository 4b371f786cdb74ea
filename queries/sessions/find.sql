-- A session by its token's digest, with the state of its account.
SELECT s.id, s.account_name, s.method, s.client, s.created_at, s.last_seen_at, s.ended_at,
       s.end_reason, a.name IS NOT NULL AS account_exists, coalesce(a.disabled, TRUE) AS disabled
FROM sessions s
LEFT JOIN accounts a ON a.name = s.account_name
WHERE s.token_sha256 = $token_sha256;
