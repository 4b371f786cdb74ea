-- The newest evidence for one reported value, with the decision standing on it.
SELECT e.*, s.decision, s.review_reason, s.insufficient_quality
FROM evidence e
JOIN v_evidence_state s ON s.evidence_id = e.id
WHERE e.item_code = $item AND e.unit_code = $unit AND e.period_code = $period;
