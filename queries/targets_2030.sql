-- Longer-term targets, optionally only those continuing one 2026 target.
SELECT code, horizon_year, name, unit_of_measure, comparator, threshold_low, threshold_high,
       nq57_reference(comparator, threshold_low) AS reference,
       continues_target, lead_unit, source_doc, source_text, note, threshold_assumed
FROM targets_2030
WHERE $target IS NULL OR continues_target = $target
ORDER BY horizon_year, code;
