-- Keeps one row: the checksum of the definitions now in force.
DELETE FROM schema_definitions;
INSERT INTO schema_definitions VALUES ('pending', current_localtimestamp());
