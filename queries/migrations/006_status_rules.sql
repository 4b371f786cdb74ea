-- Status rules: what the plan's status rules need beyond quarters and completion.
--   * months beside quarters ("hằng tháng, Quý"): a period row per month;
--   * the list of statuses (codes, order, urgency, tone), filled from nq57/labels.py
--     whenever the catalogue loads, so SQL reads the same list the pages do;
--   * tasks judged by their own KPI: its comparator, what it measures and whether it
--     needs last year's value; deadlines the scan lost, flagged as assumed;
--   * targets whose figures come from a unit other than the lead; 2030 thresholds the
--     scan could not read, flagged.

INSERT INTO periods
SELECT printf('%d-%02d', y, m), y, 'month', m,
       make_date(y, m, 1),
       CAST(make_date(y, m, 1) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE)
FROM range(2020, 2036) AS years(y), range(1, 13) AS months(m);

CREATE TABLE statuses (
    code       VARCHAR PRIMARY KEY,
    sort_order INTEGER NOT NULL,   -- best first: the order of counts and charts
    urgency    INTEGER NOT NULL,   -- most urgent first: lists and the weakest part
    tone       VARCHAR NOT NULL CHECK (tone IN ('good', 'watch', 'alarm', 'missing')),
    verified_only BOOLEAN NOT NULL  -- only verified_status gives it, never the official status
);

ALTER TABLE tasks ADD COLUMN kpi_comparator VARCHAR DEFAULT 'qualitative';
ALTER TABLE tasks ADD COLUMN kpi_kind VARCHAR DEFAULT 'completion';
ALTER TABLE tasks ADD COLUMN kpi_baseline BOOLEAN DEFAULT FALSE;
ALTER TABLE tasks ADD COLUMN deadline_assumed BOOLEAN DEFAULT FALSE;

ALTER TABLE targets ADD COLUMN data_unit VARCHAR;

ALTER TABLE targets_2030 ADD COLUMN threshold_assumed BOOLEAN DEFAULT FALSE;
