-- The explanations in force for a unit's items in a period, and which revision each
-- explains: what a new upload or explanation is compared with.
SELECT item_code, upload_id, status, cause, explanation, support_requested, recorded_at,
       recorded_by
FROM nq57_current_explanations([$period])
WHERE unit_code = $unit;
