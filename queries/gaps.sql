-- Gaps and status for one period: one row per target (or task), filtered.
SELECT *
FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group)
ORDER BY sort_key;
