-- One item through the quarters of its year, each judged as gaps() judges it: the
-- actual, the trajectory (expected), the status. Quarters after $period are left out.
WITH item AS (
    SELECT code, item_type, year FROM v_items WHERE code = $code
),
quarters AS (
    SELECT p.code AS period, p.number
    FROM v_periods p JOIN item i ON p.year = i.year
    WHERE p.granularity = 'quarter'
      AND p.start_date <= (SELECT start_date FROM v_periods WHERE code = $period)
)
SELECT
    q.period, q.number, g.period_end, g.year_start, g.horizon_end, g.elapsed,
    g.actual, g.baseline, g.baseline_reported, g.reference, g.expected, g.completion,
    g.gap, g.status, g.status_reason, g.report_deadline, g.deadline, g.note, g.evidence,
    g.recorded_at, g.recorded_by, g.upload_id, g.estimate
FROM quarters q
JOIN item i ON TRUE,
LATERAL (
    SELECT * FROM nq57_gaps_for(q.period, $as_of, i.item_type, NULL, NULL) x
    WHERE x.code = i.code
) g
ORDER BY q.number;
