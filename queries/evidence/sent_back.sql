-- A unit's values of a period whose evidence was sent back (the decision still
-- standing), with the reviewer's reason: what the unit must complete.
SELECT g.code, g.name, g.item_type, g.actual, g.unit_of_measure, g.status,
       g.evidence_id, g.review_reason, g.insufficient_quality, g.reviewed_by,
       g.reviewed_at, g.sort_key
FROM nq57_gaps_reviewed($period, $as_of) g
WHERE g.reporting_unit = $unit AND g.review_state = 'sent_back'
ORDER BY g.item_type DESC, g.sort_key;
