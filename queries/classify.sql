-- The status rules applied to one set of numbers; used to explain and test them.
-- $baseline NULL means unknown (no baseline and a single value in the year).
WITH reference AS (
    SELECT nq57_reference($comparator, $threshold) AS ref
),
judged AS (
    SELECT ref,
           nq57_achieved($comparator, ref, $actual) AS achieved,
           nq57_maintained($comparator, ref, $baseline) AS maintained
    FROM reference
),
measured AS (
    SELECT *,
           nq57_capped(nq57_raw_completion($comparator, ref, $baseline, $actual, maintained),
                       achieved) AS completion,
           nq57_expected(ref, $baseline, $elapsed, maintained) AS expected,
           CASE WHEN maintained THEN 1.0 ELSE $elapsed END AS expected_completion
    FROM judged
),
reasoned AS (
    SELECT *,
           nq57_status_reason($actual, achieved, completion, expected_completion,
                              $red_factor, $deadline_passed, $report_overdue, maintained)
               AS reason
    FROM measured
)
SELECT nq57_listed(nq57_status(reason)) AS status, reason, completion, achieved, expected,
       maintained
FROM reasoned;
