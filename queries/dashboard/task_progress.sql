-- The appendix tasks with their reported progress and status for a period, with what
-- the plan asks of them (output, KPI, coordinating units) and their section; a parent
-- task (rolled up from its parts) comes just before its parts.
SELECT
    g.*,
    g.group_code  AS section,
    s.name        AS section_name,
    g.group_order AS section_order,
    g.name        AS title,
    coalesce(g.parent_name, g.name) AS parent_task,
    (SELECT string_agg(u.short_name, ', ' ORDER BY u.short_name)
     FROM units u WHERE list_contains(g.coord_units, u.code)) AS coord_names,
    k.output
FROM nq57_gaps_for($period, $as_of, 'task', $units, NULL) g
LEFT JOIN tasks k ON k.code = g.code
JOIN task_sections s ON s.code = g.group_code
ORDER BY g.sort_key;
