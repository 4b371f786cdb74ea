-- 001: the catalogue, the reporting periods and the append-only store of actuals.
-- Catalogue tables are reloaded from data/*.csv; actuals, uploads and revocations
-- are only ever appended to.

CREATE TABLE settings (
    key         VARCHAR PRIMARY KEY,
    value       VARCHAR NOT NULL,
    description VARCHAR NOT NULL
);

INSERT INTO settings VALUES
    ('red_factor', '0.5',
     'Cảnh báo đỏ khi mức hoàn thành thấp hơn hệ số này nhân với lộ trình thời gian'),
    ('report_deadline_day', '20',
     'Hạn báo cáo: ngày thứ mấy của tháng sau khi kết thúc kỳ báo cáo'),
    ('secretariat_unit', 'SKHCN',
     'Đơn vị báo cáo thay cho các mục do một nhóm đơn vị chung chủ trì'),
    ('catalogue_checksum', '',
     'Dấu kiểm của danh mục đã nạp từ data/');

CREATE TABLE units (
    code          VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    short_name    VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    parent_code   VARCHAR,
    named_in_docs BOOLEAN NOT NULL,
    note          VARCHAR
);

CREATE TABLE target_groups (
    code       VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    short_name VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE targets (
    code            VARCHAR PRIMARY KEY,
    year            INTEGER NOT NULL,
    group_code      VARCHAR NOT NULL,
    item_no         INTEGER NOT NULL,
    name            VARCHAR NOT NULL,
    unit_of_measure VARCHAR NOT NULL,
    comparator      VARCHAR NOT NULL
        CHECK (comparator IN ('>=', '>', '<=', '<', '=', 'between', 'qualitative')),
    threshold_low   DOUBLE,
    threshold_high  DOUBLE,
    kind            VARCHAR NOT NULL CHECK (kind IN ('level', 'cumulative')),
    lead_unit       VARCHAR NOT NULL,
    coord_units     VARCHAR[] NOT NULL,
    lead_assumed    BOOLEAN NOT NULL,
    lead_basis      VARCHAR NOT NULL,
    source_doc      VARCHAR NOT NULL,
    source_text     VARCHAR NOT NULL,
    note            VARCHAR
);

CREATE TABLE task_sections (
    code       VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE tasks (
    code          VARCHAR PRIMARY KEY,
    year          INTEGER NOT NULL,
    section       VARCHAR NOT NULL,
    parent_code   VARCHAR,
    task          VARCHAR NOT NULL,
    subtask       VARCHAR NOT NULL,
    output        VARCHAR NOT NULL,
    kpi           VARCHAR NOT NULL,
    kpi_threshold DOUBLE,
    kpi_unit      VARCHAR,
    lead_unit     VARCHAR NOT NULL,
    coord_units   VARCHAR[] NOT NULL,
    deadline_text VARCHAR NOT NULL,
    deadline      DATE,
    source_doc    VARCHAR NOT NULL,
    note          VARCHAR
);

CREATE TABLE targets_2030 (
    code              VARCHAR PRIMARY KEY,
    horizon_year      INTEGER NOT NULL,
    name              VARCHAR NOT NULL,
    unit_of_measure   VARCHAR NOT NULL,
    comparator        VARCHAR NOT NULL,
    threshold_low     DOUBLE,
    threshold_high    DOUBLE,
    continues_target  VARCHAR,
    lead_unit         VARCHAR,
    source_doc        VARCHAR NOT NULL,
    source_text       VARCHAR NOT NULL,
    note              VARCHAR
);

-- An admin's reassignment of a target's or task's lead unit; the latest one wins.
CREATE SEQUENCE lead_assignment_id START 1;
CREATE TABLE lead_assignments (
    id          BIGINT PRIMARY KEY DEFAULT nextval('lead_assignment_id'),
    item_code   VARCHAR NOT NULL,
    unit_code   VARCHAR NOT NULL,
    assigned_by VARCHAR NOT NULL,
    assigned_at TIMESTAMP NOT NULL,
    reason      VARCHAR
);

-- Reporting periods. Quarters now; months fit the same shape (granularity 'month').
CREATE TABLE periods (
    code        VARCHAR PRIMARY KEY,
    year        INTEGER NOT NULL,
    granularity VARCHAR NOT NULL CHECK (granularity IN ('quarter', 'month')),
    number      INTEGER NOT NULL,
    start_date  DATE NOT NULL,
    end_date    DATE NOT NULL
);

INSERT INTO periods
SELECT printf('%d-Q%d', y, q), y, 'quarter', q,
       make_date(y, 3 * q - 2, 1),
       CAST(make_date(y, 3 * q - 2, 1) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE)
FROM range(2020, 2036) AS years(y), range(1, 5) AS quarters(q);

-- One row per accepted file (or CLI/demo batch).
CREATE SEQUENCE upload_id START 1;
CREATE TABLE uploads (
    id            BIGINT PRIMARY KEY DEFAULT nextval('upload_id'),
    unit_code     VARCHAR NOT NULL,
    period_code   VARCHAR NOT NULL,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    source        VARCHAR NOT NULL CHECK (source IN ('excel', 'demo')),
    rows_read     INTEGER NOT NULL,
    rows_stored   INTEGER NOT NULL,
    uploaded_by   VARCHAR NOT NULL,
    uploaded_at   TIMESTAMP NOT NULL
);

-- Every reported value, forever. The current value of (item, unit, period) is the
-- newest row whose upload has not been revoked.
CREATE SEQUENCE actual_id START 1;
CREATE TABLE actuals (
    id          BIGINT PRIMARY KEY DEFAULT nextval('actual_id'),
    item_code   VARCHAR NOT NULL,
    unit_code   VARCHAR NOT NULL,
    period_code VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    note        VARCHAR,
    evidence    VARCHAR,
    upload_id   BIGINT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    recorded_by VARCHAR NOT NULL
);

CREATE TABLE upload_revocations (
    upload_id  BIGINT PRIMARY KEY,
    revoked_by VARCHAR NOT NULL,
    revoked_at TIMESTAMP NOT NULL,
    reason     VARCHAR NOT NULL
);
