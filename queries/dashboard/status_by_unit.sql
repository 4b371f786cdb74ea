-- Responsible units ranked by how their items stand: one row per lead unit with the
-- count and share of items in each status. Best first: the largest share achieved or
-- on track, then the smallest share in red, then the smallest share unreported.
WITH g AS (
    SELECT * FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group)
),
per_unit AS (
    SELECT
        lead_unit                                                   AS unit,
        any_value(lead_unit_name)                                   AS unit_name,
        any_value(lead_unit_short)                                  AS unit_short,
        count(*)                                                    AS items,
        count(*) FILTER (WHERE status = 'achieved')                 AS achieved,
        count(*) FILTER (WHERE status = 'on_track')                 AS on_track,
        count(*) FILTER (WHERE status = 'awaiting_evidence')        AS awaiting_evidence,
        count(*) FILTER (WHERE status = 'behind')                   AS behind,
        count(*) FILTER (WHERE status = 'awaiting_completion')      AS awaiting_completion,
        count(*) FILTER (WHERE status = 'red')                      AS red,
        count(*) FILTER (WHERE status = 'overdue_report')           AS overdue_report,
        count(*) FILTER (WHERE status = 'no_data')                  AS no_data
    FROM g
    GROUP BY lead_unit
),
shared AS (
    SELECT
        *,
        overdue_report + no_data                                    AS unreported,
        achieved / items                                            AS achieved_share,
        on_track / items                                            AS on_track_share,
        behind / items                                              AS behind_share,
        red / items                                                 AS red_share,
        (overdue_report + no_data) / items                          AS unreported_share,
        (achieved + on_track) / items                               AS good_share
    FROM per_unit
)
SELECT
    rank() OVER (ORDER BY good_share DESC, red_share ASC, unreported_share ASC) AS rank,
    *
FROM shared
ORDER BY rank, unit;
