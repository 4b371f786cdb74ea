-- One item through the periods of its year, each judged as gaps() judges it: the
-- actual, the trajectory (expected), the status. The periods are of the same
-- granularity as $period (quarters, or months) and end no later than it.
WITH item AS (
    SELECT code, item_type, year FROM v_items WHERE code = $code
),
chosen AS (
    SELECT granularity, end_date FROM v_periods WHERE code = $period
),
series AS (
    SELECT p.code AS period, p.number
    FROM v_periods p JOIN item i ON p.year = i.year
    JOIN chosen c ON p.granularity = c.granularity AND p.end_date <= c.end_date
)
SELECT
    q.period, q.number, g.period_end, g.year_start, g.horizon_end, g.elapsed,
    g.actual, g.baseline, g.baseline_reported, g.baseline_source, g.reference, g.expected,
    g.completion, g.gap, g.status, g.status_reason, g.report_deadline, g.deadline, g.note,
    g.evidence, g.recorded_at, g.recorded_by, g.upload_id, g.value_period, g.value_carried,
    g.reported_now, g.report_missing, g.maintained, g.baseline_from, g.year, g.red_factor,
    g.estimate
FROM series q
JOIN item i ON TRUE,
LATERAL (
    SELECT * FROM nq57_gaps_for(q.period, $as_of, i.item_type, NULL, NULL) x
    WHERE x.code = i.code
) g
ORDER BY q.number;
