-- The appendix tasks with their reported progress and status for a period, with what
-- the plan asks of them (output, KPI) and their section.
SELECT
    g.code,
    g.group_code AS section,
    s.name       AS section_name,
    g.group_order AS section_order,
    g.name       AS title,
    k.task       AS parent_task,
    k.output,
    k.kpi,
    g.lead_unit,
    g.lead_unit_name,
    g.lead_unit_short,
    g.reporting_unit,
    g.deadline,
    g.deadline_text,
    g.year_start,
    g.actual,
    g.completion,
    g.expected,
    g.elapsed,
    g.status,
    g.status_reason,
    g.report_deadline,
    g.deadline_passed,
    g.note,
    g.evidence,
    g.sort_key
FROM nq57_gaps_for($period, $as_of, 'task', $units, NULL) g
JOIN tasks k ON k.code = g.code
JOIN task_sections s ON s.code = g.group_code
ORDER BY g.sort_key;
