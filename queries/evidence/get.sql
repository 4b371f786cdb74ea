-- One piece of evidence, and the newest evidence for the same reported value.
SELECT e.*, s.evidence_id AS newest_id
FROM evidence e
JOIN v_evidence_state s
    ON s.item_code = e.item_code AND s.unit_code = e.unit_code
   AND s.period_code = e.period_code
WHERE e.id = $evidence_id;
