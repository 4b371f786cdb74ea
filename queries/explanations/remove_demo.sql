-- Explanations of demo values go with the demo (before its uploads are deleted).
DELETE FROM explanations WHERE upload_id IN (SELECT id FROM uploads WHERE source = 'demo');
