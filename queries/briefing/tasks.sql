-- The plan's appendix for a briefing: every task or sub-task in scope with the seven
-- columns of the plan (code, sub-task, mandatory output, KPI, lead, coordinating
-- units, deadline) and its status for the period, judged as gaps() judges it.
-- Coordinating units are given by name, in the order the plan lists them.
SELECT
    g.code,
    g.group_code                AS section,
    s.name                      AS section_name,
    k.task                      AS parent_task,
    g.name                      AS title,
    k.output,
    k.kpi,
    g.lead_unit,
    g.lead_unit_name,
    coalesce((
        SELECT string_agg(coalesce(u.name, c.unit), '; ' ORDER BY c.position)
        FROM (SELECT unnest(k.coord_units) AS unit,
                     generate_subscripts(k.coord_units, 1) AS position) c
        LEFT JOIN units u ON u.code = c.unit
    ), '')                      AS coordinating,
    g.deadline,
    g.deadline_text,
    g.actual,
    g.completion,
    g.expected,
    g.elapsed,
    g.status,
    g.status_reason,
    g.report_deadline,
    g.sort_key
FROM nq57_gaps_for($period, $as_of, 'task', $units, NULL) g
JOIN tasks k ON k.code = g.code
JOIN task_sections s ON s.code = g.group_code
ORDER BY g.sort_key;
