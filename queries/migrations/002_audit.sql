-- 002: the audit log. Append-only: who did what, when, to which object, with the
-- state before and after (JSON text). Never a password or a password hash.

CREATE SEQUENCE audit_id START 1;
CREATE TABLE audit_log (
    id          BIGINT PRIMARY KEY DEFAULT nextval('audit_id'),
    happened_at TIMESTAMP NOT NULL,
    actor       VARCHAR NOT NULL,
    role        VARCHAR,
    action      VARCHAR NOT NULL,
    object_type VARCHAR,
    object_id   VARCHAR,
    before      VARCHAR,
    after       VARCHAR,
    note        VARCHAR
);
