-- Everything said about the evidence of one item (by one reporting unit, or all): each
-- piece of evidence sent and each decision on it, newest first.
SELECT *
FROM (
    SELECT e.id AS evidence_id, e.period_code AS period, e.unit_code AS unit, 'added' AS event,
           e.added_at AS happened_at, e.added_by AS done_by, e.kind, e.file_type, e.original_name, e.url,
           e.size_bytes, a.value, NULL AS reason, FALSE AS insufficient_quality, e.id AS seq,
           0 AS step
    FROM evidence e
    LEFT JOIN actuals a ON a.id = e.actual_id
    WHERE e.item_code = $item AND ($unit IS NULL OR e.unit_code = $unit)
    UNION ALL
    SELECT e.id, e.period_code, e.unit_code, r.decision, r.decided_at, r.decided_by, e.kind,
           e.file_type, e.original_name, e.url, e.size_bytes, r.value, r.reason,
           r.insufficient_quality, e.id, r.id
    FROM evidence_reviews r
    JOIN evidence e ON e.id = r.evidence_id
    WHERE e.item_code = $item AND ($unit IS NULL OR e.unit_code = $unit)
)
ORDER BY happened_at DESC, seq DESC, step DESC;
