-- The status rules applied to one set of numbers; used to explain and test them.
WITH reference AS (
    SELECT nq57_reference($comparator, $threshold) AS ref
),
measured AS (
    SELECT ref,
           nq57_achieved($comparator, ref, $actual) AS achieved,
           nq57_completion($comparator, ref, $baseline, $actual) AS completion
    FROM reference
),
reasoned AS (
    SELECT *,
           nq57_status_reason($actual, achieved, completion, $elapsed, $red_factor,
                              $deadline_passed, $report_overdue) AS reason
    FROM measured
)
SELECT nq57_status(reason) AS status, reason, completion, achieved FROM reasoned;
