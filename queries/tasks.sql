-- The plan's appendix: one row per task or sub-task, with the lead unit in force.
SELECT
    k.code,
    k.section,
    s.name AS section_name,
    k.parent_code,
    k.subtask AS title,
    k.task AS parent_task,
    k.output,
    k.kpi,
    k.kpi_comparator,
    k.kpi_kind,
    k.kpi_threshold,
    k.kpi_unit,
    k.kpi_baseline,
    i.lead_unit,
    u.name AS lead_unit_name,
    k.coord_units,
    k.deadline_text,
    k.deadline,
    k.deadline_assumed,
    i.reporting_unit,
    k.year,
    k.note
FROM tasks k
JOIN v_items i ON i.code = k.code
JOIN task_sections s ON s.code = k.section
LEFT JOIN units u ON u.code = i.lead_unit
WHERE $year IS NULL OR k.year = $year
ORDER BY i.sort_key;
