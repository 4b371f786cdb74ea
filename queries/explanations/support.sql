-- What units ask of the province, item by item, for a period.
SELECT
    reporting_unit       AS unit_code,
    reporting_unit_name  AS unit_name,
    item_type,
    code,
    name,
    status,
    cause,
    support_requested,
    explanation,
    explained_at         AS recorded_at,
    explained_by         AS recorded_by
FROM nq57_items_explained($period, $as_of, $units, $group)
WHERE support_requested IS NOT NULL
ORDER BY reporting_unit, item_type, sort_key;
