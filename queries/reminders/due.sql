-- Units to remind, one row per unit and period: the period's report is due within
-- $within days of $as_of (days_left 0 = due today) or overdue (days_left < 0), and the
-- unit has not reported every item it reports for that period. The items a unit
-- reports in a period are those its template lists (queries/excel/items.sql): in a
-- baseline period only the targets measured from a baseline.
WITH expected AS (
    SELECT rp.code AS period, rp.report_deadline, i.reporting_unit AS unit, i.code
    FROM v_reporting_periods rp
    JOIN v_items i ON i.year = rp.items_year
    WHERE rp.report_deadline <= CAST($as_of AS DATE) + CAST($within AS INTEGER)
      AND (NOT rp.baseline_only
           OR (i.item_type = 'target' AND i.kind = 'level' AND i.comparator <> 'qualitative'))
),
reported AS (
    SELECT item_code, unit_code, period_code
    FROM nq57_current_actuals((SELECT list(DISTINCT period) FROM expected), NULL)
),
per_unit AS (
    SELECT
        e.unit,
        e.period,
        any_value(e.report_deadline)                  AS report_deadline,
        count(*)                                      AS items,
        count(*) FILTER (WHERE r.item_code IS NULL)   AS items_missing
    FROM expected e
    LEFT JOIN reported r
        ON r.item_code = e.code AND r.unit_code = e.unit AND r.period_code = e.period
    GROUP BY e.unit, e.period
)
SELECT
    p.unit                                                  AS unit_code,
    u.name                                                  AS unit_name,
    c.contact_name,
    c.email,
    c.phone,
    p.period,
    p.report_deadline,
    date_diff('day', CAST($as_of AS DATE), p.report_deadline) AS days_left,
    p.items_missing,
    p.items
FROM per_unit p
JOIN units u ON u.code = p.unit
LEFT JOIN v_unit_contacts c ON c.unit_code = p.unit
WHERE p.items_missing > 0
ORDER BY days_left, p.unit, p.period;
