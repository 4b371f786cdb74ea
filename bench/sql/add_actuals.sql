-- Every item of every synthetic upload, with a value spread around its target. The
-- real reporting units leave about one (item, period) in five unreported, in every
-- revision: values then carry forward and some baselines are estimated.
INSERT INTO actuals (id, item_code, unit_code, period_code, value, note, evidence, upload_id,
                     recorded_at, recorded_by)
SELECT (SELECT coalesce(max(id), 0) FROM actuals)
           + row_number() OVER (ORDER BY u.id, i.code),
       i.code, u.unit_code, u.period_code,
       round((hash(i.code, u.file_name) % 1000) / 1000.0 * 1.4
             * coalesce(nullif(nq57_reference(i.comparator, i.threshold_low), 0), 100), 2),
       NULL, NULL, u.id, u.uploaded_at, u.uploaded_by
FROM uploads u
JOIN units n ON n.code = u.unit_code
JOIN v_items i ON n.note = 'bench'
               OR (i.reporting_unit = u.unit_code AND hash(i.code, u.period_code) % 5 <> 0)
WHERE u.uploaded_by = 'Thử tải';
