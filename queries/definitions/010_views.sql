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
-- function of the code alone, so that a query for one period can name both periods
-- as constants and DuckDB reads only their rows.
CREATE OR REPLACE MACRO nq57_baseline_period(code) AS
    CASE WHEN code LIKE '____-Q_' THEN printf('%d-Q4', CAST(left(code, 4) AS INTEGER) - 1)
         ELSE printf('%d-12', CAST(left(code, 4) AS INTEGER) - 1) END;

-- Periods with their reporting deadline and the period that holds their baseline.
CREATE OR REPLACE VIEW v_periods AS
SELECT
    p.*,
    CAST(p.end_date + s.report_deadline_day AS DATE) AS report_deadline,
    nq57_baseline_period(p.code) AS baseline_period
FROM periods p CROSS JOIN v_settings s;

-- Targets and tasks as one list of items tracked the same way. A task, like a
-- qualitative target, is tracked by its reported completion (%).
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
        'Năm ' || t.year                     AS deadline_text
    FROM targets t JOIN target_groups g ON g.code = t.group_code
    UNION ALL
    SELECT
        'task',
        k.code,
        k.year,
        k.section,
        s.sort_order,
        printf('K%02d.', s.sort_order)
            || array_to_string(list_transform(string_split(k.code, '.')[2:], lambda x: lpad(x, 3, '0')), '.'),
        k.subtask,
        '% hoàn thành',
        'qualitative',
        NULL,
        NULL,
        'level',
        k.lead_unit,
        k.coord_units,
        FALSE,
        k.deadline,
        k.deadline_text
    FROM tasks k JOIN task_sections s ON s.code = k.section
)
SELECT
    i.* EXCLUDE (catalogue_lead_unit, lead_assumed),
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

-- Periods values can be reported for: every period of a tracked year, and, before
-- each tracked year, the period holding its baselines (e.g. 2025-Q4 for 2026), where
-- only targets measured from a baseline are reported.
CREATE OR REPLACE VIEW v_reporting_periods AS
WITH tracked AS (SELECT DISTINCT year FROM v_items)
SELECT p.code, p.year AS items_year, FALSE AS baseline_only, p.start_date, p.end_date,
       p.report_deadline
FROM v_periods p JOIN tracked t ON p.year = t.year
UNION ALL
SELECT b.code, t.year, TRUE, b.start_date, b.end_date, b.report_deadline
FROM tracked t
JOIN v_periods q1 ON q1.year = t.year AND q1.granularity = 'quarter' AND q1.number = 1
JOIN v_periods b ON b.code = q1.baseline_period
WHERE b.year NOT IN (SELECT year FROM tracked);

-- A value recorded on or before the last day of its period is an estimate ("ước thực
-- hiện"): the period was still running when it was reported (annual reports are often
-- due before the year ends). Derived from the dates, never from a flag someone set.
CREATE OR REPLACE MACRO nq57_estimate(recorded_at, period_end) AS
    CAST(recorded_at AS DATE) <= period_end;
