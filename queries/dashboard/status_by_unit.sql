-- Responsible units ranked by how their items stand: one row per lead unit with the
-- count of its items in each status (`counts`, a map; nq57.summary spreads it into a
-- column per status of labels.STATUS_LIST) and the shares the ranking uses, by the
-- statuses' tone. A unit answers for its own items, so parts count, not their parent.
-- Best first: the largest share good (achieved or on track), then the smallest share
-- in red, then the smallest share unreported.
WITH g AS (
    SELECT x.*, s.tone
    FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group) x
    JOIN main.statuses s ON s.code = x.status
    WHERE NOT x.is_parent
),
per_unit AS (
    SELECT
        lead_unit                                                   AS unit,
        any_value(lead_unit_name)                                   AS unit_name,
        any_value(lead_unit_short)                                  AS unit_short,
        count(*)                                                    AS items,
        histogram(status)                                           AS counts,
        count(*) FILTER (WHERE tone = 'good')                       AS good,
        count(*) FILTER (WHERE tone = 'alarm')                      AS alarm,
        count(*) FILTER (WHERE tone = 'missing')                    AS unreported
    FROM g
    GROUP BY lead_unit
),
shared AS (
    SELECT
        *,
        good / items                                                AS good_share,
        alarm / items                                               AS red_share,
        unreported / items                                          AS unreported_share
    FROM per_unit
)
SELECT
    rank() OVER (ORDER BY good_share DESC, red_share ASC, unreported_share ASC) AS rank,
    *
FROM shared
ORDER BY rank, unit;
