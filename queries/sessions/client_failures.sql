-- When sign-ins from one client failed within the window, oldest first. A success does
-- not reset it: one valid account must not let a client keep guessing at others.
SELECT coalesce(list(attempted_at ORDER BY attempted_at), []) AS failures
FROM sign_in_attempts
WHERE client = $client AND NOT succeeded AND attempted_at > $since;
