UPDATE sessions SET ended_at = $ended_at, end_reason = $end_reason,
                    last_seen_at = greatest(last_seen_at, $last_seen_at)
WHERE id = $session_id AND ended_at IS NULL;
