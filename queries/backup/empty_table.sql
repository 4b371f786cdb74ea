-- Rows a migration seeded (settings, periods) make way for the backup's own.
DELETE FROM {table};
