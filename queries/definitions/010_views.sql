-- Views every query builds on. Re-created whenever this file changes.

-- The settings as typed columns (one row).
CREATE OR REPLACE VIEW v_settings AS
SELECT
    CAST(max(value) FILTER (WHERE key = 'red_factor') AS DOUBLE)           AS red_factor,
    CAST(max(value) FILTER (WHERE key = 'report_deadline_day') AS INTEGER) AS report_deadline_day,
    max(value) FILTER (WHERE key = 'secretariat_unit')                    AS secretariat_unit
FROM settings;

-- The period that holds a period's baseline: the last period of the previous year,
-- of the same granularity ('2026-Q2' -> '2025-Q4', '2026-05' -> '2025-12'). A
-- function of the code alone, so that a query for one period can name its periods
-- as constants and DuckDB reads only their rows.
CREATE OR REPLACE MACRO nq57_baseline_period(code) AS
    CASE WHEN code LIKE '____-Q_' THEN printf('%d-Q4', CAST(left(code, 4) AS INTEGER) - 1)
         ELSE printf('%d-12', CAST(left(code, 4) AS INTEGER) - 1) END;

-- The month a period ends in: 9 for '2026-Q3', 5 for '2026-05'.
CREATE OR REPLACE MACRO nq57_end_month(code) AS
    CASE WHEN code LIKE '____-Q_' THEN 3 * CAST(right(code, 1) AS INTEGER)
         ELSE CAST(right(code, 2) AS INTEGER) END;

-- The last code, in text order, among the periods of a period's year that end by its
-- end: a quarter code sorts after every month code of its year ('2026-12' <
-- '2026-Q1'), so the year's months and quarters up to '2026-Q3' (or '2026-05') lie
-- between '2026-01' and this code. A function of the code alone, like
-- nq57_baseline_period, so that a range on period codes reaches the scan as constants.
CREATE OR REPLACE MACRO nq57_last_value_code(code) AS
    CASE WHEN nq57_end_month(code) >= 3
         THEN printf('%s-Q%d', left(code, 4), nq57_end_month(code) // 3)
         ELSE printf('%s-%02d', left(code, 4), nq57_end_month(code)) END;

-- Periods with their reporting deadline and the period that holds their baseline.
-- Within a year they sort by end, a quarter after its months (01, 02, 03, Q1, 04 …).
CREATE OR REPLACE VIEW v_periods AS
SELECT
    p.*,
    CAST(p.end_date + s.report_deadline_day AS DATE) AS report_deadline,
    nq57_baseline_period(p.code) AS baseline_period,
    make_date(p.year - 1, 12, 31) AS baseline_end,
    printf('%s.%s', strftime(p.end_date, '%Y%m%d'),
           CASE p.granularity WHEN 'month' THEN '1' ELSE '2' END) AS sort_key
FROM periods p CROSS JOIN v_settings s;

-- A task's place in the appendix: 'V.1.3' in section 5 -> 'K05.001.003', so that a
-- parent task ('V.1' -> 'K05.001') sorts just before its parts.
CREATE OR REPLACE MACRO nq57_task_sort_key(section_order, code) AS
    printf('K%02d.', section_order)
    || array_to_string(list_transform(string_split(code, '.')[2:],
                                      lambda x: lpad(x, 3, '0')), '.');

-- Targets and tasks as one list of items tracked the same way. A qualitative target,
-- and a task whose KPI is a completion statement, is tracked by its reported
-- completion (%); a task with a numeric KPI ("80% cán bộ …", "84 nền tảng") by that
-- number, like a target. needs_baseline: measured from last year's closing value
-- (rates and stocks); the others start the year from zero.
CREATE OR REPLACE VIEW v_items AS
WITH latest_assignment AS (
    SELECT item_code, arg_max(unit_code, id) AS unit_code
    FROM lead_assignments
    GROUP BY item_code
),
items AS (
    SELECT
        'target'                             AS item_type,
        t.code,
        t.year,
        t.group_code,
        g.sort_order                         AS group_order,
        printf('T%02d.%03d', g.sort_order, t.item_no) AS sort_key,
        t.name,
        t.unit_of_measure,
        t.comparator,
        t.threshold_low,
        t.threshold_high,
        t.kind,
        t.lead_unit                          AS catalogue_lead_unit,
        t.coord_units,
        t.lead_assumed,
        make_date(t.year, 12, 31)            AS deadline,
        'Năm ' || t.year                     AS deadline_text,
        FALSE                                AS deadline_assumed,
        NULL::VARCHAR                        AS parent_code,
        NULL::VARCHAR                        AS parent_name,
        NULL::VARCHAR                        AS kpi,
        t.kind = 'level' AND t.comparator <> 'qualitative' AS needs_baseline,
        t.data_unit
    FROM targets t JOIN target_groups g ON g.code = t.group_code
    UNION ALL
    SELECT
        'task',
        k.code,
        k.year,
        k.section,
        s.sort_order,
        nq57_task_sort_key(s.sort_order, k.code),
        k.subtask,
        CASE WHEN k.kpi_kind = 'completion' THEN '% hoàn thành' ELSE k.kpi_unit END,
        k.kpi_comparator,
        CASE WHEN k.kpi_kind = 'completion' THEN NULL ELSE k.kpi_threshold END,
        NULL,
        CASE WHEN k.kpi_kind = 'cumulative' THEN 'cumulative' ELSE 'level' END,
        k.lead_unit,
        k.coord_units,
        FALSE,
        k.deadline,
        k.deadline_text,
        k.deadline_assumed,
        k.parent_code,
        CASE WHEN k.parent_code IS NOT NULL THEN k.task END,
        k.kpi,
        k.kpi_kind <> 'completion' AND k.kpi_baseline,
        NULL
    FROM tasks k JOIN task_sections s ON s.code = k.section
)
SELECT
    i.* EXCLUDE (catalogue_lead_unit, lead_assumed),
    CASE WHEN i.comparator = 'qualitative' THEN 'completion' ELSE i.kind END AS measure,
    coalesce(a.unit_code, i.catalogue_lead_unit)          AS lead_unit,
    i.lead_assumed AND a.unit_code IS NULL                AS lead_assumed,
    a.unit_code IS NOT NULL                               AS lead_reassigned,
    CASE WHEN u.kind = 'collective' THEN s.secretariat_unit
         ELSE coalesce(a.unit_code, i.catalogue_lead_unit) END AS reporting_unit,
    make_date(i.year, 1, 1)                               AS year_start,
    coalesce(i.deadline, make_date(i.year, 12, 31))       AS horizon_end
FROM items i
LEFT JOIN latest_assignment a ON a.item_code = i.code
LEFT JOIN units u ON u.code = coalesce(a.unit_code, i.catalogue_lead_unit)
CROSS JOIN v_settings s;

-- The current value of each (item, unit, period): its newest revision whose upload
-- has not been revoked. Older revisions stay in `actuals`.
--
-- Optionally only for some periods and/or units (NULL: all). They are partition
-- keys, so narrowing first gives the same current values; it lets a query about one
-- period rank the revisions of that period alone instead of the whole history.
CREATE OR REPLACE MACRO nq57_current_actuals(wanted_periods, wanted_units) AS TABLE
SELECT a.*
FROM actuals a
ANTI JOIN upload_revocations r ON r.upload_id = a.upload_id
WHERE (wanted_periods IS NULL OR list_contains(wanted_periods, a.period_code))
  AND (wanted_units IS NULL OR list_contains(wanted_units, a.unit_code))
QUALIFY row_number() OVER (
    PARTITION BY a.item_code, a.unit_code, a.period_code ORDER BY a.id DESC) = 1;

CREATE OR REPLACE VIEW current_actuals AS
SELECT * FROM nq57_current_actuals(NULL, NULL);

-- Periods values can be reported for: every period of a tracked year (months and
-- quarters), and, before each tracked year, the periods holding its baselines (e.g.
-- 2025-Q4 and 2025-12 for 2026), where only items measured from a baseline are
-- reported.
CREATE OR REPLACE VIEW v_reporting_periods AS
WITH tracked AS (SELECT DISTINCT year FROM v_items)
SELECT p.code, p.year AS items_year, FALSE AS baseline_only, p.start_date, p.end_date,
       p.report_deadline, p.granularity, p.sort_key
FROM v_periods p JOIN tracked t ON p.year = t.year
UNION ALL
SELECT b.code, t.year, TRUE, b.start_date, b.end_date, b.report_deadline, b.granularity,
       b.sort_key
FROM tracked t
JOIN v_periods b ON b.end_date = make_date(t.year - 1, 12, 31)
WHERE b.year NOT IN (SELECT year FROM tracked);

-- A value recorded on or before the last day of its period is an estimate ("ước thực
-- hiện"): the period was still running when it was reported (annual reports are often
-- due before the year ends). Derived from the dates, never from a flag someone set.
CREATE OR REPLACE MACRO nq57_estimate(recorded_at, period_end) AS
    CAST(recorded_at AS DATE) <= period_end;
