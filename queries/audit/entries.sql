-- The audit log, newest first, optionally since a moment, for one account and/or
-- one action.
SELECT id, happened_at, actor, role, action, object_type, object_id, before, after, note
FROM audit_log
WHERE ($since IS NULL OR happened_at >= $since)
  AND ($actor IS NULL OR actor = $actor)
  AND ($action IS NULL OR action = $action)
ORDER BY id DESC;
