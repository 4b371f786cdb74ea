-- The status engine. Every rule of the plan about progress lives here, once, and
-- every page, export and CLI command reads status through nq57_gaps() (by way of
-- nq57_gaps_for() in 030_review.sql, which adds the review regime, the filters and the
-- parent tasks' roll-up).
-- ARCHITECTURE.md states each rule in a sentence; tests/test_status_rules.py pins them.

-- The number a target is measured against: the lower bound of a range, the
-- threshold otherwise, and 100 (% complete) for qualitative targets and tasks.
CREATE OR REPLACE MACRO nq57_reference(comparator, threshold_low) AS
    CASE WHEN comparator = 'qualitative' THEN coalesce(threshold_low, 100.0)
         ELSE threshold_low END;

CREATE OR REPLACE MACRO nq57_lower_is_better(comparator) AS comparator IN ('<', '<=');

-- Does the actual meet the target? (A range is met at its lower bound; "> 80" is not
-- met at 80.)
CREATE OR REPLACE MACRO nq57_achieved(comparator, reference, actual) AS
    CASE comparator
        WHEN '>='          THEN actual >= reference - 1e-9
        WHEN '>'           THEN actual >  reference + 1e-9
        WHEN '<='          THEN actual <= reference + 1e-9
        WHEN '<'           THEN actual <  reference - 1e-9
        WHEN '='           THEN abs(actual - reference) <= 1e-9
        WHEN 'between'     THEN actual >= reference - 1e-9
        WHEN 'qualitative' THEN actual >= reference - 1e-9
    END;

-- A target to be held rather than reached: its baseline already meets it (a rate of
-- 88% against "≥ 80%", a range whose baseline is inside it) or stands exactly at its
-- reference. The straight line from baseline to reference would run backwards or
-- stand still, so such a target is measured against the reference itself.
CREATE OR REPLACE MACRO nq57_maintained(comparator, reference, baseline) AS
    coalesce(comparator <> 'qualitative'
             AND (nq57_achieved(comparator, reference, baseline)
                  OR abs(reference - baseline) <= 1e-9), FALSE);

-- Share of the way covered by the actual: from the baseline to the reference, or, for
-- a maintained target, the actual against the reference from zero (the reference
-- against the actual when lower is better). NULL when the baseline is unknown.
CREATE OR REPLACE MACRO nq57_raw_completion(comparator, reference, baseline, actual,
                                            maintained) AS
    CASE
        WHEN actual IS NULL OR reference IS NULL THEN NULL
        WHEN maintained AND comparator IN ('<', '<=') THEN
            CASE WHEN actual <= 1e-9 THEN 1.0 ELSE reference / actual END
        WHEN maintained THEN actual / nullif(reference, 0)
        WHEN baseline IS NULL THEN NULL
        ELSE (actual - baseline) / (reference - baseline)
    END;

-- Completion never reads 100% or more unless the target is met: an unmet item is
-- capped at 99%, so that no rounding shows it complete ("> 80" at exactly 80).
-- (Not least(): it would turn an unknown completion into 0.99, skipping NULLs.)
CREATE OR REPLACE MACRO nq57_capped(raw_completion, achieved) AS
    CASE WHEN NOT coalesce(achieved, FALSE) AND raw_completion > 0.99 THEN 0.99
         ELSE raw_completion END;

-- Where the item should stand at the end of the period: on the straight line from the
-- baseline (at the year's start) to the reference (at the deadline); for a maintained
-- target the reference itself, at every period. NULL when the baseline is unknown.
CREATE OR REPLACE MACRO nq57_expected(reference, baseline, elapsed, maintained) AS
    CASE WHEN maintained THEN reference
         WHEN baseline IS NULL THEN NULL
         ELSE baseline + (reference - baseline) * elapsed END;

-- Share of the time to the deadline passed at the period's end, in whole months:
-- a target due at the year's end is 0.25 through at the end of Q1, 5/12 at the end
-- of May.
CREATE OR REPLACE MACRO nq57_elapsed(year_start, period_end, horizon_end) AS
    least(1.0, greatest(0.0,
        date_diff('month', year_start, period_end + 1)
        / greatest(1, date_diff('month', year_start, horizon_end + 1))));

-- Shortfall against the reference in the target's own unit (negative: exceeded).
CREATE OR REPLACE MACRO nq57_gap(comparator, reference, actual) AS
    CASE WHEN nq57_lower_is_better(comparator) THEN actual - reference
         ELSE reference - actual END;

-- Why an item has its status. Exactly one reason applies, first match wins.
-- expected_completion: the completion the item should have by now (the elapsed time
-- share; 1 for a maintained target). The red factor is the plan's 50% rule.
CREATE OR REPLACE MACRO nq57_status_reason(
        actual, achieved, completion, expected_completion, red_factor, deadline_passed,
        report_overdue, maintained) AS
    CASE
        WHEN actual IS NULL AND deadline_passed                  THEN 'deadline_passed_unreported'
        WHEN actual IS NULL AND report_overdue                   THEN 'report_overdue'
        WHEN actual IS NULL                                      THEN 'not_reported'
        WHEN achieved                                            THEN 'achieved'
        WHEN deadline_passed                                     THEN 'deadline_passed'
        WHEN maintained AND completion >= red_factor - 1e-9      THEN 'below_threshold'
        WHEN maintained                                          THEN 'below_half_threshold'
        WHEN completion IS NULL                                  THEN 'no_baseline'
        WHEN completion >= expected_completion - 1e-9            THEN 'on_trajectory'
        WHEN completion >= red_factor * expected_completion - 1e-9 THEN 'below_trajectory'
        ELSE 'below_half_trajectory'
    END;

-- The status each reason gives. Every status must be in labels.STATUS_LIST (the
-- `statuses` table): tests/test_status_list.py reads these lines.
CREATE OR REPLACE MACRO nq57_status(reason) AS
    CASE reason
        WHEN 'deadline_passed_unreported' THEN 'red'
        WHEN 'report_overdue'             THEN 'overdue_report'
        WHEN 'not_reported'               THEN 'no_data'
        WHEN 'achieved'                   THEN 'achieved'
        WHEN 'deadline_passed'            THEN 'red'
        WHEN 'below_threshold'            THEN 'behind'
        WHEN 'below_half_threshold'       THEN 'red'
        WHEN 'no_baseline'                THEN 'no_basis'
        WHEN 'on_trajectory'              THEN 'on_track'
        WHEN 'below_trajectory'           THEN 'behind'
        WHEN 'below_half_trajectory'      THEN 'red'
        WHEN 'all_parts_achieved'         THEN 'achieved'
    END;

-- A status leaves the engine only if it is one of the list; anything else (a rule
-- added without its row in labels.STATUS_LIST) stops the query instead of reaching a
-- page as a blank.
CREATE OR REPLACE MACRO nq57_listed(status) AS
    CASE WHEN status IN (SELECT code FROM main.statuses) THEN status
         ELSE error('status not in labels.STATUS_LIST: ' || coalesce(status, 'NULL')) END;

-- One row per item of the period's year: its actual (reported for the period, or
-- carried from the latest earlier period of the year), baseline, trajectory and status.
CREATE OR REPLACE MACRO nq57_gaps(period_code, as_of) AS TABLE
WITH p AS (
    SELECT * FROM v_periods WHERE code = period_code
),
items AS (
    SELECT i.* FROM v_items i JOIN p ON i.year = p.year
),
candidates AS (
    -- Every current value that can stand for the period: its own, those of the year's
    -- earlier months and quarters (a value not re-reported carries forward; monthly
    -- reports count for their quarter), and the previous year's closing value, reported
    -- for Q4 or for December (for_baseline). The current value of (item, unit, period)
    -- as nq57_current_actuals defines it (its newest revision not revoked), taken only
    -- for the units that report these items, which are filtered first: (item, unit,
    -- period) is the ranking's partition, so this changes no result and ranks a few
    -- thousand rows instead of the whole history. The period codes are constants (a
    -- range for the year, two codes for its baseline), so the scan reads only their row
    -- groups; the filter on units (one column) reaches the scan too.
    -- (Columns named like the macro's parameters read as the parameter: hence the
    -- qualified names, and `from_period` for the period a value belongs to.)
    SELECT a.item_code, a.unit_code, a.period_code AS from_period, a.value, a.note, a.evidence,
           a.upload_id, a.recorded_at, a.recorded_by, a.id, v.end_date,
           v.year < p.year AS for_baseline
    FROM (
        SELECT x.* FROM actuals x
        WHERE x.period_code BETWEEN left(period_code, 4) || '-01'
                                AND nq57_last_value_code(period_code)
        UNION ALL
        SELECT x.* FROM actuals x
        WHERE x.period_code IN (nq57_baseline_period(left(period_code, 4) || '-Q1'),
                                nq57_baseline_period(left(period_code, 4) || '-01'))
    ) a
    SEMI JOIN (SELECT DISTINCT reporting_unit FROM items) i ON i.reporting_unit = a.unit_code
    ANTI JOIN upload_revocations r ON r.upload_id = a.upload_id
    JOIN v_periods v ON v.code = a.period_code
    CROSS JOIN p
    WHERE v.end_date <= p.end_date
    QUALIFY row_number() OVER (
        PARTITION BY a.item_code, a.unit_code, a.period_code ORDER BY a.id DESC) = 1
),
per_item AS (
    -- Per item and unit (only the reporting unit's values count, joined below): the
    -- value in force is the one of the latest period end (among periods ending the same
    -- day, such as June and Q2, the one recorded last); the earliest value of the year
    -- stands in for a missing baseline.
    SELECT
        item_code,
        unit_code,
        arg_max({'value': value, 'from_period': from_period, 'end_date': end_date,
                 'note': note, 'evidence': evidence, 'upload_id': upload_id,
                 'recorded_at': recorded_at, 'recorded_by': recorded_by},
                (end_date, id)) FILTER (WHERE NOT for_baseline)            AS cur,
        arg_min(value, (end_date, -id)) FILTER (WHERE NOT for_baseline)    AS first_value,
        arg_min(from_period, (end_date, -id)) FILTER (WHERE NOT for_baseline)
                                                                            AS first_period,
        min(end_date) FILTER (WHERE NOT for_baseline)                       AS first_end,
        max(end_date) FILTER (WHERE NOT for_baseline)                       AS last_end,
        arg_max(value, id) FILTER (WHERE for_baseline)                      AS base_value,
        arg_max(from_period, id) FILTER (WHERE for_baseline)                AS base_period
    FROM candidates
    GROUP BY item_code, unit_code
),
joined AS (
    SELECT
        i.*,
        p.code                                                AS period,
        p.end_date                                            AS period_end,
        p.report_deadline,
        c.cur.value                                           AS actual,
        c.cur.note                                            AS note,
        c.cur.evidence                                        AS evidence,
        c.cur.upload_id                                       AS upload_id,
        c.cur.recorded_at                                     AS recorded_at,
        c.cur.recorded_by                                     AS recorded_by,
        c.cur.from_period                                     AS value_period,
        -- Recorded before its own period ended: an estimate ("ước thực hiện").
        nq57_estimate(c.cur.recorded_at, c.cur.end_date)      AS estimate,
        coalesce(c.cur.end_date < p.end_date, FALSE)          AS value_carried,
        coalesce(c.cur.end_date = p.end_date, FALSE)          AS reported_now,
        c.base_value                                          AS baseline_reported,
        CASE WHEN NOT i.needs_baseline THEN 0.0
             ELSE coalesce(c.base_value, c.first_value) END   AS baseline,
        CASE WHEN NOT i.needs_baseline      THEN 'zero'
             WHEN c.base_value IS NOT NULL  THEN 'reported'
             WHEN c.first_value IS NOT NULL THEN 'estimated'
             ELSE 'none' END                                  AS baseline_source,
        CASE WHEN i.needs_baseline
             THEN coalesce(c.base_period, c.first_period) END AS baseline_from,
        -- An estimate from the only value of the year (one period end reported) is that
        -- value itself: no way to place it on a trajectory yet.
        i.needs_baseline AND c.base_value IS NULL
            AND coalesce(c.first_end = c.last_end, TRUE)      AS baseline_unknown,
        nq57_reference(i.comparator, i.threshold_low)         AS reference,
        nq57_elapsed(i.year_start, p.end_date, i.horizon_end) AS elapsed,
        coalesce(CAST(as_of AS DATE) > i.deadline AND p.end_date >= i.deadline, FALSE)
                                                              AS deadline_passed,
        CAST(as_of AS DATE) > p.report_deadline               AS report_overdue,
        s.red_factor
    FROM items i
    CROSS JOIN p
    CROSS JOIN v_settings s
    LEFT JOIN per_item c ON c.item_code = i.code AND c.unit_code = i.reporting_unit
),
judged AS (
    SELECT
        *,
        nq57_achieved(comparator, reference, actual)                 AS achieved,
        nq57_maintained(comparator, reference,
                        CASE WHEN NOT baseline_unknown THEN baseline END) AS maintained,
        CASE WHEN NOT baseline_unknown THEN baseline END             AS trajectory_baseline
    FROM joined
),
measured AS (
    SELECT
        *,
        nq57_capped(nq57_raw_completion(comparator, reference, trajectory_baseline, actual,
                                        maintained), achieved)       AS completion,
        nq57_expected(reference, trajectory_baseline, elapsed, maintained) AS expected,
        CASE WHEN maintained THEN 1.0 ELSE elapsed END               AS expected_completion,
        nq57_gap(comparator, reference, actual)                      AS gap,
        report_overdue AND NOT reported_now                          AS report_missing
    FROM judged
),
reasoned AS (
    SELECT
        * EXCLUDE (trajectory_baseline),
        gap / nullif(abs(reference), 0)                              AS gap_share,
        nq57_status_reason(actual, achieved, completion, expected_completion, red_factor,
                           deadline_passed, report_overdue, maintained) AS status_reason
    FROM measured
)
-- (The status leaves here as the reason gives it; 030_review.sql passes the official
-- and verified statuses every page reads through nq57_listed.)
SELECT *, nq57_status(status_reason) AS status
FROM reasoned;

-- nq57_gaps_for(), the narrowed door every page, export and CLI count reads (with the
-- roll-up of parent tasks), is in 030_review.sql: it reads nq57_gaps() through the
-- review regime.
