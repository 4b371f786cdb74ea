-- Who has reported for a period. The units expected to report are the reporting units
-- of the items in view (targets of the chosen group; tasks too when no group is chosen,
-- since tasks belong to no target group; parts, not the parent rolled up from them). A
-- unit has reported when it has any current value for a period ending the day the
-- period ends (a June report counts for Q2 and Q2's for June); a value carried from an
-- earlier period does not. Days late: after the reporting deadline with nothing
-- reported, as_of minus the deadline; reported after the deadline, first report minus
-- deadline.
WITH items AS (
    SELECT reporting_unit, code, reported_now, report_deadline, period_end
    FROM nq57_gaps_for($period, $as_of, 'target', $units, $group)
    UNION ALL
    SELECT reporting_unit, code, reported_now, report_deadline, period_end
    FROM nq57_gaps_for($period, $as_of, 'task', $units, NULL)
    WHERE $group IS NULL AND NOT is_parent
),
same_day AS (
    SELECT code FROM v_periods
    WHERE end_date = (SELECT end_date FROM v_periods WHERE code = $period)
),
first_report AS (
    SELECT a.unit_code, min(a.recorded_at) AS first_reported_at
    FROM actuals a
    ANTI JOIN upload_revocations r ON r.upload_id = a.upload_id
    SEMI JOIN items i ON i.reporting_unit = a.unit_code AND i.code = a.item_code
    WHERE a.period_code IN (SELECT code FROM same_day)
    GROUP BY a.unit_code
),
per_unit AS (
    SELECT
        reporting_unit          AS unit,
        count(*)                AS items,
        count(*) FILTER (WHERE reported_now) AS reported_items,
        any_value(report_deadline) AS report_deadline
    FROM items
    GROUP BY reporting_unit
),
judged AS (
    SELECT
        p.*,
        p.reported_items / p.items AS reported_share,
        CASE WHEN p.reported_items > 0 THEN f.first_reported_at END AS first_reported_at,
        CASE
            WHEN p.reported_items > 0
                 AND CAST(f.first_reported_at AS DATE) > p.report_deadline THEN 'late'
            WHEN p.reported_items > 0                                     THEN 'on_time'
            WHEN CAST($as_of AS DATE) > p.report_deadline                 THEN 'missing'
            ELSE 'not_due'
        END AS reporting_status
    FROM per_unit p
    LEFT JOIN first_report f ON f.unit_code = p.unit
)
SELECT
    j.unit,
    u.name       AS unit_name,
    u.short_name AS unit_short,
    j.items,
    j.reported_items,
    j.reported_share,
    j.report_deadline,
    j.first_reported_at,
    j.reporting_status,
    CASE j.reporting_status
        WHEN 'late'    THEN date_diff('day', j.report_deadline, CAST(j.first_reported_at AS DATE))
        WHEN 'missing' THEN date_diff('day', j.report_deadline, CAST($as_of AS DATE))
        ELSE 0
    END AS days_late
FROM judged j
LEFT JOIN units u ON u.code = j.unit
ORDER BY
    CASE j.reporting_status WHEN 'missing' THEN 1 WHEN 'late' THEN 2 WHEN 'not_due' THEN 3
                            ELSE 4 END,
    days_late DESC, j.unit;
