INSERT INTO audit_log (happened_at, actor, role, action, object_type, object_id, before, after, note)
VALUES ($happened_at, $actor, $role, $action, $object_type, $object_id, $before, $after, $note)
RETURNING id;
