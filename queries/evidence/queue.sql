-- Reported values of a period with the review state of their evidence, targets and
-- tasks together, narrowed like every page ($units: lead units; $group: a target
-- group, which tasks do not have) and to the wanted review states. Items reported
-- achieved come first: they are what review decides.
WITH rows AS (
    SELECT * FROM nq57_gaps_for($period, $as_of, 'target', $units, $group)
    UNION ALL BY NAME
    SELECT * FROM nq57_gaps_for($period, $as_of, 'task', $units, NULL)
    WHERE $group IS NULL
)
SELECT
    r.evidence_id, r.code, r.name, r.item_type, r.reporting_unit, u.short_name AS unit_short,
    r.period, r.actual, r.unit_of_measure, r.reported_status, r.status, r.verified_status,
    r.review_state, r.evidence_kind, r.evidence_file_type, r.evidence_added_at,
    r.review_reason, r.insufficient_quality, r.reviewed_by, r.reviewed_at, r.sort_key
FROM rows r
LEFT JOIN units u ON u.code = r.reporting_unit
WHERE r.review_state IS NOT NULL
  AND list_contains($states, r.review_state)
ORDER BY r.reported_status <> 'achieved', r.evidence_added_at NULLS LAST, r.sort_key;
