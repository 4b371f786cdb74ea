-- Empty the catalogue tables before a reload. Actuals, uploads and lead
-- reassignments are not catalogue and are never touched.
DELETE FROM targets_2030;
DELETE FROM tasks;
DELETE FROM task_sections;
DELETE FROM targets;
DELETE FROM target_groups;
DELETE FROM units;
DELETE FROM statuses;
DELETE FROM measures;
