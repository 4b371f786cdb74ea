-- Explanations of demo values go with the demo (before its uploads are deleted): those
-- of demo uploads, and those the demo wrote itself (for values carried from an earlier
-- period or never reported, which have no upload of their own).
DELETE FROM explanations
WHERE upload_id IN (SELECT id FROM uploads WHERE source = 'demo')
   OR recorded_by = $demo_author;
