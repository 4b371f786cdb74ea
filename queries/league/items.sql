-- Every target and task of a period with its status and lead unit, for the league
-- of units: how far each item is along its timeline (pace: completion over elapsed
-- time; above 1 ahead, below 1 behind).
SELECT
    *,
    completion / nullif(elapsed, 0) AS pace
FROM nq57_items_explained($period, $as_of, $units, $group)
ORDER BY lead_unit, item_type, sort_key;
