-- When a typed name failed, since its last success and within the window, oldest first.
WITH last_success AS (
    SELECT max(attempted_at) AS last_at FROM sign_in_attempts
    WHERE name_sha256 = $name_sha256 AND succeeded
)
SELECT coalesce(list(a.attempted_at ORDER BY a.attempted_at), []) AS failures
FROM sign_in_attempts a, last_success s
WHERE a.name_sha256 = $name_sha256 AND NOT a.succeeded AND a.attempted_at > $since
  AND (s.last_at IS NULL OR a.attempted_at > s.last_at);
