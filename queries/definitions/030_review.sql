-- The plan's reporting regime on top of the status engine (020_status.sql): reporting
-- a target met or a task complete needs evidence, the secretariat reviews it, and
-- evidence sent back puts the item in "Chờ hoàn thiện" where it scores nothing.
--
-- nq57_gaps() says how an item stands by the numbers the unit reported; this layer
-- adds what review says, in three columns:
--   reported_status  the engine's status, as the unit's numbers give it
--   status           the official status every page, export and CLI count reads
--   verified_status  as status, but only accepted evidence makes an item achieved
-- and review_state: missing | pending | accepted | sent_back (NULL: nothing reported).

-- Each (item, unit, period)'s newest evidence, and the newest decision on it.
CREATE OR REPLACE VIEW v_evidence_state AS
WITH newest AS (
    SELECT *
    FROM evidence
    QUALIFY row_number() OVER (
        PARTITION BY item_code, unit_code, period_code ORDER BY id DESC) = 1
),
decided AS (
    SELECT *
    FROM evidence_reviews
    QUALIFY row_number() OVER (PARTITION BY evidence_id ORDER BY id DESC) = 1
)
SELECT
    e.item_code,
    e.unit_code,
    e.period_code,
    e.id                                  AS evidence_id,
    e.kind                                AS evidence_kind,
    e.file_type                           AS evidence_file_type,
    e.added_at                            AS evidence_added_at,
    d.id                                  AS review_id,
    d.decision,
    d.value                               AS decided_value,
    d.reason                              AS review_reason,
    coalesce(d.insufficient_quality, FALSE) AS insufficient_quality,
    d.decided_by                          AS reviewed_by,
    d.decided_at                          AS reviewed_at
FROM newest e
LEFT JOIN decided d ON d.evidence_id = e.id;

-- Where review stands for a reported value. A decision holds for the value it was
-- made on: when the unit reports a different value, the evidence goes back to the
-- queue. Nothing reported: NULL (there is nothing to review).
CREATE OR REPLACE MACRO nq57_review_state(actual, evidence_id, decision, decided_value) AS
    CASE
        WHEN actual IS NULL                                 THEN NULL
        WHEN evidence_id IS NULL                            THEN 'missing'
        WHEN decision IS NULL                               THEN 'pending'
        WHEN decided_value IS NULL
             OR abs(decided_value - actual) > 1e-9          THEN 'pending'
        ELSE decision
    END;

-- The official status. First match wins:
--   evidence sent back as of insufficient quality   -> red (the plan's third red warning)
--   evidence sent back, item red by its numbers      -> red
--   evidence sent back                               -> awaiting_completion ("Chờ hoàn thiện")
--   achieved by its numbers, no evidence             -> awaiting_evidence ("Chờ minh chứng")
--   otherwise                                        -> the engine's status (achieved with
--                                                       evidence awaiting review stays
--                                                       achieved, flagged by review_state)
CREATE OR REPLACE MACRO nq57_official_status(reported_status, review_state, insufficient) AS
    CASE
        WHEN review_state = 'sent_back' AND insufficient    THEN 'red'
        WHEN review_state = 'sent_back' AND reported_status = 'red' THEN 'red'
        WHEN review_state = 'sent_back'                     THEN 'awaiting_completion'
        WHEN review_state = 'missing' AND reported_status = 'achieved' THEN 'awaiting_evidence'
        ELSE reported_status
    END;

-- Why the official status is what it is: review's reason where review decided it,
-- the engine's otherwise.
CREATE OR REPLACE MACRO nq57_official_reason(reported_status, reported_reason, review_state,
                                             insufficient) AS
    CASE
        WHEN review_state = 'sent_back' AND insufficient    THEN 'evidence_rejected'
        WHEN review_state = 'sent_back' AND reported_status = 'red' THEN reported_reason
        WHEN review_state = 'sent_back'                     THEN 'evidence_sent_back'
        WHEN review_state = 'missing' AND reported_status = 'achieved' THEN 'evidence_missing'
        WHEN review_state = 'pending' AND reported_status = 'achieved'
                                                            THEN 'achieved_pending_review'
        ELSE reported_reason
    END;

-- As verified: an item is achieved only once its evidence is accepted.
CREATE OR REPLACE MACRO nq57_verified_status(official_status, review_state) AS
    CASE WHEN official_status = 'achieved' AND review_state = 'pending' THEN 'awaiting_review'
         ELSE official_status END;

-- nq57_gaps() with the review regime applied: the same rows and columns, status and
-- status_reason made official, the engine's kept as reported_status and
-- reported_status_reason, plus verified_status, review_state and the evidence and
-- decision behind it. Evidence goes with the report the value in force comes from
-- (value_period): a value carried forward keeps the evidence it was reported with.
CREATE OR REPLACE MACRO nq57_gaps_reviewed(wanted_period, as_of) AS TABLE
WITH g AS (
    SELECT * FROM nq57_gaps(wanted_period, as_of)
),
judged AS (
    SELECT
        g.*,
        s.evidence_id,
        s.evidence_kind,
        s.evidence_file_type,
        s.evidence_added_at,
        s.review_id,
        s.review_reason,
        s.reviewed_by,
        s.reviewed_at,
        coalesce(s.insufficient_quality, FALSE)             AS insufficient_quality,
        nq57_review_state(g.actual, s.evidence_id, s.decision, s.decided_value)
                                                            AS review_state
    FROM g
    LEFT JOIN v_evidence_state s
        ON s.item_code = g.code AND s.unit_code = g.reporting_unit
       AND s.period_code = coalesce(g.value_period, g.period)
),
official AS (
    SELECT
        j.* EXCLUDE (status, status_reason),
        j.status                                            AS reported_status,
        j.status_reason                                     AS reported_status_reason,
        nq57_listed(nq57_official_status(j.status, j.review_state, j.insufficient_quality))
                                                            AS status,
        nq57_official_reason(j.status, j.status_reason, j.review_state,
                             j.insufficient_quality)        AS status_reason
    FROM judged j
)
SELECT *, nq57_listed(nq57_verified_status(status, review_state)) AS verified_status
FROM official;

-- nq57_gaps_reviewed() narrowed the way the dashboard and the CLI filter: by item
-- type, by lead unit(s) (NULL: all) and by group (NULL: all); then one row added per
-- parent task, rolled up from its parts in view: met when every part is met,
-- otherwise the status of its most urgent part (labels.STATUS_LIST's urgency), the
-- reason naming that part — official, reported and verified statuses alike.
-- plan_item marks the plan's numbered items (targets, tasks without a parent, parent
-- tasks): counts count these, each once. Aggregating queries read this, so a filter —
-- and the review regime — mean the same thing on every page.
-- (It lives here, not in 020, because DuckDB binds a macro's body when the macro is
-- created: it can only name macros created before it.)
CREATE OR REPLACE MACRO nq57_gaps_for(wanted_period, as_of, wanted_type, wanted_units, wanted_group)
AS TABLE
WITH leaves AS (
    SELECT g.*, u.name AS lead_unit_name, u.short_name AS lead_unit_short,
           FALSE AS is_parent, g.parent_code IS NULL AS plan_item
    FROM nq57_gaps_reviewed(wanted_period, as_of) g
    LEFT JOIN units u ON u.code = g.lead_unit
    WHERE g.item_type = wanted_type
      AND (wanted_units IS NULL OR list_contains(wanted_units, g.lead_unit))
      AND (wanted_group IS NULL OR g.group_code = wanted_group)
),
urgencies AS (
    SELECT map(list(code), list(urgency)) AS urgency FROM main.statuses
),
parts AS (
    SELECT l.*, u.urgency[l.status] AS urgency,
           u.urgency[l.reported_status] AS reported_urgency,
           u.urgency[l.verified_status] AS verified_urgency
    FROM leaves l CROSS JOIN urgencies u
    WHERE l.parent_code IS NOT NULL
),
parents AS (
    SELECT
        parent_code                                             AS code,
        any_value(item_type)                                    AS item_type,
        any_value(year)                                         AS year,
        any_value(year_start)                                   AS year_start,
        any_value(group_code)                                   AS group_code,
        any_value(group_order)                                  AS group_order,
        nq57_task_sort_key(any_value(group_order), parent_code) AS sort_key,
        any_value(parent_name)                                  AS name,
        'parts'                                                 AS measure,
        CASE WHEN count(DISTINCT lead_unit) = 1 THEN any_value(lead_unit) END AS lead_unit,
        CASE WHEN count(DISTINCT lead_unit) = 1 THEN any_value(lead_unit_name) END
                                                                AS lead_unit_name,
        string_agg(DISTINCT lead_unit_short, ', ' ORDER BY lead_unit_short)
                                                                AS lead_unit_short,
        list_sort(list_distinct(flatten(list(coord_units))))   AS coord_units,
        max(deadline)                                           AS deadline,
        arg_max(deadline_text, deadline)                        AS deadline_text,
        arg_max(deadline_assumed, deadline)                     AS deadline_assumed,
        any_value(period)                                       AS period,
        any_value(report_deadline)                              AS report_deadline,
        CASE WHEN count(completion) > 0 THEN avg(coalesce(completion, 0.0)) END
                                                                AS completion,
        count(*)                                                AS parts,
        count(*) FILTER (WHERE status = 'achieved')             AS parts_achieved,
        arg_min(code, (urgency, sort_key))                      AS weakest_part,
        arg_min(status, (urgency, sort_key))                    AS weakest_status,
        bool_and(reported_status = 'achieved')                  AS all_reported,
        arg_min(reported_status, (reported_urgency, sort_key))  AS weakest_reported,
        bool_and(verified_status = 'achieved')                  AS all_verified,
        arg_min(verified_status, (verified_urgency, sort_key))  AS weakest_verified
    FROM parts
    GROUP BY parent_code
),
rolled AS (
    SELECT
        * EXCLUDE (all_reported, weakest_reported, all_verified, weakest_verified),
        CASE WHEN parts_achieved = parts THEN 'all_parts_achieved' ELSE 'weakest_part' END
                                                                AS status_reason,
        nq57_listed(CASE WHEN parts_achieved = parts THEN 'achieved'
                         ELSE weakest_status END)               AS status,
        CASE WHEN all_reported THEN 'achieved' ELSE weakest_reported END AS reported_status,
        CASE WHEN all_reported THEN 'all_parts_achieved' ELSE 'weakest_part' END
                                                                AS reported_status_reason,
        CASE WHEN all_verified THEN 'achieved' ELSE weakest_verified END AS verified_status,
        TRUE                                                    AS is_parent,
        TRUE                                                    AS plan_item
    FROM parents
)
SELECT * FROM leaves
UNION ALL BY NAME
SELECT * FROM rolled;

-- Whether each period is locked: its latest lock or unlock.
CREATE OR REPLACE VIEW v_period_locks AS
SELECT period_code, locked, changed_by, changed_at, reason, demo
FROM period_locks
QUALIFY row_number() OVER (PARTITION BY period_code ORDER BY id DESC) = 1;
