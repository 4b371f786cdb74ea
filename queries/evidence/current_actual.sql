-- The current revision of one reported value (none when nothing is reported or the
-- upload holding it was revoked).
SELECT id AS actual_id, value
FROM nq57_current_actuals([$period], [$unit])
WHERE item_code = $item;
