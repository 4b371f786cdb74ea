-- Every target and task of a period with its status, the explanation in force and when
-- its reporting unit last reported it (any period of the year up to this one). The
-- warning rules (nq57.alerts) pick the red warnings from these rows.
WITH items AS (
    SELECT * FROM nq57_items_explained($period, $as_of, $units, $group)
),
this_period AS (
    SELECT year, end_date FROM v_periods WHERE code = $period
),
year_so_far AS (
    SELECT list(p.code) AS codes
    FROM v_periods p JOIN this_period t ON p.end_date <= t.end_date
    WHERE p.year = t.year OR p.code = nq57_baseline_period($period)
),
last_reports AS (
    SELECT item_code, unit_code, max(recorded_at) AS last_update
    FROM nq57_current_actuals((SELECT codes FROM year_so_far), NULL)
    GROUP BY item_code, unit_code
)
SELECT i.*, l.last_update
FROM items i
LEFT JOIN last_reports l ON l.item_code = i.code AND l.unit_code = i.reporting_unit
ORDER BY i.item_type, i.sort_key;
