-- Demo data are the only rows ever deleted: they were never reported by anyone.
DELETE FROM upload_revocations WHERE upload_id IN (SELECT id FROM uploads WHERE source = 'demo');
DELETE FROM actuals WHERE upload_id IN (SELECT id FROM uploads WHERE source = 'demo');
DELETE FROM uploads WHERE source = 'demo';
