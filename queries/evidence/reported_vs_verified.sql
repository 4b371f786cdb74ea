-- Per lead unit: the items it reports as achieved, and what review made of them —
-- verified achieved, awaiting review, awaiting evidence, sent back (to complete, or
-- as of insufficient quality). The gap between the first two shows who reports
-- optimistically.
WITH g AS (
    SELECT * FROM nq57_gaps_for($period, $as_of, 'target', $units, $group)
    UNION ALL BY NAME
    SELECT * FROM nq57_gaps_for($period, $as_of, 'task', $units, NULL)
    WHERE $group IS NULL
)
SELECT
    lead_unit                                                           AS unit,
    any_value(lead_unit_short)                                          AS unit_short,
    count(*)                                                            AS items,
    count(*) FILTER (WHERE reported_status = 'achieved')                AS claimed,
    count(*) FILTER (WHERE verified_status = 'achieved')                AS verified,
    count(*) FILTER (WHERE reported_status = 'achieved'
                     AND verified_status = 'awaiting_review')           AS awaiting_review,
    count(*) FILTER (WHERE reported_status = 'achieved'
                     AND status = 'awaiting_evidence')                  AS awaiting_evidence,
    count(*) FILTER (WHERE reported_status = 'achieved'
                     AND review_state = 'sent_back')                    AS sent_back,
    count(*) FILTER (WHERE reported_status = 'achieved')
        - count(*) FILTER (WHERE verified_status = 'achieved')          AS optimism
FROM g
WHERE NOT is_parent  -- a unit answers for its own items: parts, not their parent
GROUP BY lead_unit
HAVING count(*) FILTER (WHERE reported_status = 'achieved') > 0
ORDER BY optimism DESC, claimed DESC, unit;
