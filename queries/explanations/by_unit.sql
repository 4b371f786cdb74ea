-- Per reporting unit: its items behind or in red, how many of them are explained and
-- how many are not, the support it asks for, and the cause it gives most often (ties:
-- the first cause in alphabetical order of its code).
WITH items AS (
    SELECT * FROM nq57_items_explained($period, $as_of, $units, $group)
),
causes AS (
    SELECT reporting_unit, cause, count(*) AS n
    FROM items
    WHERE explanation_id IS NOT NULL
    GROUP BY ALL
),
main_cause AS (
    SELECT reporting_unit, first(cause ORDER BY n DESC, cause) AS main_cause
    FROM causes
    GROUP BY reporting_unit
),
per_unit AS (
    SELECT
        reporting_unit                                                    AS unit_code,
        any_value(reporting_unit_name)                                    AS unit_name,
        any_value(reporting_unit_short)                                   AS unit_short,
        count(*) FILTER (WHERE status IN ('behind', 'red'))               AS behind_or_red,
        count(*) FILTER (WHERE status IN ('behind', 'red')
                           AND explanation_id IS NOT NULL)                AS explained,
        count(*) FILTER (WHERE status IN ('behind', 'red')
                           AND explanation_id IS NULL)                    AS unexplained,
        count(explanation_id)                                             AS explanations,
        count(support_requested)                                          AS support_requests
    FROM items
    GROUP BY reporting_unit
)
SELECT p.*, m.main_cause
FROM per_unit p
LEFT JOIN main_cause m ON m.reporting_unit = p.unit_code
WHERE p.explanations > 0 OR p.behind_or_red > 0
ORDER BY p.unexplained DESC, p.behind_or_red DESC, p.unit_code;
