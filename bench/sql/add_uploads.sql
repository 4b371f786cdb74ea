-- One upload per reporting unit, quarter and revision, in the order they would have
-- arrived (quarter by quarter, revision by revision). Synthetic units report every
-- item; the real reporting units report their own items, so statuses are real ones.
-- About a third of the real reporting units also report month by month in the last
-- year (and its closing December), so quarters meet monthly values too.
INSERT INTO uploads (id, unit_code, period_code, file_name, sha256, source, rows_read,
                     rows_stored, uploaded_by, uploaded_at)
WITH reporters AS (
    SELECT code AS unit_code, TRUE AS everything FROM units WHERE note = 'bench'
    UNION ALL
    SELECT DISTINCT reporting_unit, FALSE FROM v_items
),
sizes AS (
    SELECT r.unit_code, r.everything,
           CASE WHEN r.everything THEN (SELECT count(*) FROM v_items)
                ELSE (SELECT count(*) FROM v_items i WHERE i.reporting_unit = r.unit_code)
           END AS items
    FROM reporters r
),
batches AS (
    SELECT s.unit_code, s.items, p.code AS period_code, p.end_date, rev
    FROM sizes s
    CROSS JOIN periods p
    CROSS JOIN range(1, $revisions + 1) AS t(rev)
    WHERE (p.granularity = 'quarter' AND p.code BETWEEN $first_period AND $last_period)
       OR (p.granularity = 'month' AND NOT s.everything AND hash(s.unit_code) % 3 = 0
           AND p.end_date BETWEEN make_date(CAST(left($last_period, 4) AS INTEGER) - 1, 12, 31)
                              AND (SELECT end_date FROM periods WHERE code = $last_period))
)
SELECT (SELECT coalesce(max(id), 0) FROM uploads)
           + row_number() OVER (ORDER BY period_code, rev, unit_code),
       unit_code, period_code,
       printf('tai-thu-%s-%s-lan-%d.xlsx', unit_code, period_code, rev),
       sha256(printf('%s|%s|%d', unit_code, period_code, rev)),
       'excel', items, items, 'Thử tải',
       CAST(end_date AS TIMESTAMP) + to_days(CAST(7 * rev AS INTEGER))
FROM batches;
