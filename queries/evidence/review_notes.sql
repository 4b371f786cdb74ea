-- For a unit's template of a period: per item, the reviewer's reason when the latest
-- evidence the unit sent for it this year (up to the period) was sent back and the
-- decision still stands.
WITH wanted AS (
    SELECT year, end_date FROM v_periods WHERE code = $period
),
latest AS (
    SELECT s.*, p.end_date
    FROM v_evidence_state s
    JOIN v_periods p ON p.code = s.period_code
    JOIN wanted w ON p.year = w.year AND p.end_date <= w.end_date
    WHERE s.unit_code = $unit
    QUALIFY row_number() OVER (PARTITION BY s.item_code ORDER BY p.end_date DESC) = 1
)
SELECT l.item_code, l.period_code, l.review_reason, l.insufficient_quality, l.reviewed_at
FROM latest l
JOIN nq57_current_actuals(NULL, [$unit]) c
    ON c.item_code = l.item_code AND c.unit_code = l.unit_code
   AND c.period_code = l.period_code
WHERE nq57_review_state(c.value, l.evidence_id, l.decision, l.decided_value) = 'sent_back';
