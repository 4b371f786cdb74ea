-- 003: evidence for reported values, the secretariat's review decisions and period
-- locks. All three are append-only: a newer row supersedes an older one, nothing is
-- updated or deleted (demo rows excepted).

-- A file or an http(s) link a unit gives in support of its report of an item for a
-- period. Files live outside the database, content-addressed by their SHA-256 in the
-- evidence folder beside the database file; the row says what they are.
CREATE SEQUENCE evidence_id START 1;
CREATE TABLE evidence (
    id            BIGINT PRIMARY KEY DEFAULT nextval('evidence_id'),
    item_code     VARCHAR NOT NULL,
    unit_code     VARCHAR NOT NULL,
    period_code   VARCHAR NOT NULL,
    actual_id     BIGINT,                -- the revision current when it was attached
    kind          VARCHAR NOT NULL CHECK (kind IN ('file', 'link')),
    sha256        VARCHAR,               -- file: its content address
    file_type     VARCHAR,               -- file: detected from its content (pdf, png, …)
    size_bytes    BIGINT,
    original_name VARCHAR,               -- file: the name it arrived with (data, not a path)
    url           VARCHAR,               -- link: http or https only
    source        VARCHAR NOT NULL CHECK (source IN ('excel', 'page', 'cli', 'demo')),
    upload_id     BIGINT,                -- the Excel upload it arrived with, if any
    added_by      VARCHAR NOT NULL,
    added_at      TIMESTAMP NOT NULL,
    CHECK ((kind = 'file' AND sha256 IS NOT NULL AND url IS NULL)
        OR (kind = 'link' AND url IS NOT NULL AND sha256 IS NULL))
);

-- A reviewer's decision on one piece of evidence, for the value it was judged with.
CREATE SEQUENCE evidence_review_id START 1;
CREATE TABLE evidence_reviews (
    id                   BIGINT PRIMARY KEY DEFAULT nextval('evidence_review_id'),
    evidence_id          BIGINT NOT NULL,
    actual_id            BIGINT,         -- the revision judged
    value                DOUBLE,         -- its value: a later, different value needs a new look
    decision             VARCHAR NOT NULL CHECK (decision IN ('accepted', 'sent_back')),
    reason               VARCHAR,
    insufficient_quality BOOLEAN NOT NULL DEFAULT FALSE,
    decided_by           VARCHAR NOT NULL,
    decided_role         VARCHAR,
    decided_at           TIMESTAMP NOT NULL,
    CHECK (decision = 'accepted' OR coalesce(trim(reason), '') <> ''),
    CHECK (decision = 'sent_back' OR NOT insufficient_quality)
);

-- Locking and unlocking a period; the latest row for a period says whether it is locked.
CREATE SEQUENCE period_lock_id START 1;
CREATE TABLE period_locks (
    id          BIGINT PRIMARY KEY DEFAULT nextval('period_lock_id'),
    period_code VARCHAR NOT NULL,
    locked      BOOLEAN NOT NULL,
    changed_by  VARCHAR NOT NULL,
    changed_at  TIMESTAMP NOT NULL,
    reason      VARCHAR,
    demo        BOOLEAN NOT NULL DEFAULT FALSE
);
