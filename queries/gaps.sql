-- Gaps and status for one period: one row per target (or task), filtered.
SELECT
    g.*,
    u.name       AS lead_unit_name,
    u.short_name AS lead_unit_short
FROM nq57_gaps($period, $as_of) g
LEFT JOIN units u ON u.code = g.lead_unit
WHERE g.item_type = $item_type
  AND ($units IS NULL OR list_contains($units, g.lead_unit))
  AND ($group IS NULL OR g.group_code = $group)
ORDER BY g.sort_key;
