-- Every correction of the catalogue and every lead-unit assignment, newest first.
SELECT object_type, code, field, value, corrected_by, corrected_at, reason
FROM catalogue_corrections
UNION ALL
SELECT CASE WHEN a.item_code IN (SELECT code FROM tasks) THEN 'task' ELSE 'target' END,
       a.item_code, 'lead_unit', a.unit_code, a.assigned_by, a.assigned_at, a.reason
FROM lead_assignments a
ORDER BY corrected_at DESC;
