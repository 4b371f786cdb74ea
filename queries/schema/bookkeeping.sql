-- The tables that record which migrations and definitions a database has.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS schema_definitions (
    checksum   VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
