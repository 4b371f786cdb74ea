-- The status engine. Every rule of the plan about progress lives here, once, and
-- every page, export and CLI command reads status through nq57_gaps().

-- The number a target is measured against: the lower bound of a range, the
-- threshold otherwise, and 100 (% complete) for qualitative targets and tasks.
CREATE OR REPLACE MACRO nq57_reference(comparator, threshold_low) AS
    CASE WHEN comparator = 'qualitative' THEN coalesce(threshold_low, 100.0)
         ELSE threshold_low END;

CREATE OR REPLACE MACRO nq57_lower_is_better(comparator) AS comparator IN ('<', '<=');

-- Does the actual meet the target? (A range is met at its lower bound.)
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

-- Share of the way from the baseline to the reference covered by the actual.
-- With no baseline the way starts at zero, which says nothing for a target that
-- must go down: there completion is unknown (NULL).
CREATE OR REPLACE MACRO nq57_completion(comparator, reference, baseline, actual) AS
    CASE
        WHEN actual IS NULL OR reference IS NULL THEN NULL
        WHEN baseline IS NULL AND nq57_lower_is_better(comparator) THEN NULL
        WHEN abs(reference - coalesce(baseline, 0.0)) <= 1e-9 THEN
            CASE WHEN nq57_achieved(comparator, reference, actual) THEN 1.0 ELSE 0.0 END
        ELSE (actual - coalesce(baseline, 0.0)) / (reference - coalesce(baseline, 0.0))
    END;

-- Where the straight line from the baseline (at the year's start) to the reference
-- (at the deadline) stands at the end of a period.
CREATE OR REPLACE MACRO nq57_expected(comparator, reference, baseline, elapsed) AS
    CASE WHEN baseline IS NULL AND nq57_lower_is_better(comparator) THEN NULL
         ELSE coalesce(baseline, 0.0) + (reference - coalesce(baseline, 0.0)) * elapsed END;

-- Share of the time to the deadline passed at the period's end, in whole months:
-- a target due at the year's end is 0.25 through at the end of Q1.
CREATE OR REPLACE MACRO nq57_elapsed(year_start, period_end, horizon_end) AS
    least(1.0, greatest(0.0,
        date_diff('month', year_start, period_end + 1)
        / greatest(1, date_diff('month', year_start, horizon_end + 1))));

-- Shortfall against the reference in the target's own unit (negative: exceeded).
CREATE OR REPLACE MACRO nq57_gap(comparator, reference, actual) AS
    CASE WHEN nq57_lower_is_better(comparator) THEN actual - reference
         ELSE reference - actual END;

-- Why an item has its status. Exactly one reason applies, first match wins.
CREATE OR REPLACE MACRO nq57_status_reason(
        actual, achieved, completion, elapsed, red_factor, deadline_passed, report_overdue) AS
    CASE
        WHEN actual IS NULL AND report_overdue              THEN 'report_overdue'
        WHEN actual IS NULL                                  THEN 'not_reported'
        WHEN achieved                                        THEN 'achieved'
        WHEN deadline_passed                                 THEN 'deadline_passed'
        WHEN completion IS NULL                              THEN 'no_baseline'
        WHEN completion >= elapsed - 1e-9                    THEN 'on_trajectory'
        WHEN completion >= red_factor * elapsed - 1e-9       THEN 'below_trajectory'
        ELSE 'below_half_trajectory'
    END;

CREATE OR REPLACE MACRO nq57_status(reason) AS
    CASE reason
        WHEN 'report_overdue'   THEN 'overdue_report'
        WHEN 'not_reported'     THEN 'no_data'
        WHEN 'achieved'         THEN 'achieved'
        WHEN 'on_trajectory'    THEN 'on_track'
        WHEN 'no_baseline'      THEN 'behind'
        WHEN 'below_trajectory' THEN 'behind'
        ELSE 'red'
    END;

-- One row per item of the period's year: its actual, baseline, trajectory and status.
CREATE OR REPLACE MACRO nq57_gaps(period_code, as_of) AS TABLE
WITH p AS (
    SELECT * FROM v_periods WHERE code = period_code
),
items AS (
    SELECT i.* FROM v_items i JOIN p ON i.year = p.year
),
reported AS (
    -- Only the period, its baseline period and the units that report these items:
    -- the scan of actuals reads just these two periods' row groups (both are
    -- constants) and revisions are ranked only for rows a status can use.
    SELECT *
    FROM nq57_current_actuals([period_code, nq57_baseline_period(period_code)],
                              (SELECT list(DISTINCT reporting_unit) FROM items))
),
joined AS (
    SELECT
        i.*,
        p.code                                                AS period,
        p.end_date                                            AS period_end,
        p.report_deadline,
        cur.value                                             AS actual,
        cur.note,
        cur.evidence,
        cur.upload_id,
        cur.recorded_at,
        cur.recorded_by,
        nq57_estimate(cur.recorded_at, p.end_date)            AS estimate,
        base.value                                            AS baseline_reported,
        CASE WHEN i.kind = 'cumulative' OR i.comparator = 'qualitative' THEN 0.0
             ELSE base.value END                              AS baseline,
        nq57_reference(i.comparator, i.threshold_low)         AS reference,
        nq57_elapsed(i.year_start, p.end_date, i.horizon_end) AS elapsed,
        coalesce(CAST(as_of AS DATE) > i.deadline AND p.end_date >= i.deadline, FALSE)
                                                              AS deadline_passed,
        CAST(as_of AS DATE) > p.report_deadline               AS report_overdue,
        s.red_factor
    FROM items i
    CROSS JOIN p
    CROSS JOIN v_settings s
    LEFT JOIN reported cur
        ON cur.item_code = i.code AND cur.unit_code = i.reporting_unit
       AND cur.period_code = p.code
    LEFT JOIN reported base
        ON base.item_code = i.code AND base.unit_code = i.reporting_unit
       AND base.period_code = p.baseline_period
),
measured AS (
    SELECT
        *,
        nq57_achieved(comparator, reference, actual)                 AS achieved,
        nq57_completion(comparator, reference, baseline, actual)     AS completion,
        nq57_expected(comparator, reference, baseline, elapsed)      AS expected,
        nq57_gap(comparator, reference, actual)                      AS gap
    FROM joined
),
reasoned AS (
    SELECT
        *,
        gap / nullif(abs(reference), 0)                              AS gap_share,
        nq57_status_reason(actual, achieved, completion, elapsed, red_factor,
                           deadline_passed, report_overdue)          AS status_reason
    FROM measured
)
SELECT *, nq57_status(status_reason) AS status
FROM reasoned;

-- nq57_gaps_for(), the narrowed door every page, export and CLI count reads, is in
-- 030_review.sql: it reads nq57_gaps() through the review regime.
