-- The explanations in force for a period, one row per explained item, with the item's
-- status now: what the briefing quotes and the warning page shows.
SELECT
    reporting_unit       AS unit_code,
    reporting_unit_name  AS unit_name,
    reporting_unit_short AS unit_short,
    item_type,
    code,
    name,
    status,
    status_reason,
    explained_status,
    cause,
    explanation,
    support_requested,
    explained_at         AS recorded_at,
    explained_by         AS recorded_by,
    sort_key
FROM nq57_items_explained($period, $as_of, $units, $group)
WHERE explanation_id IS NOT NULL
ORDER BY reporting_unit, item_type, sort_key;
