-- Demo evidence, its decisions and demo period locks go with the demo data.
DELETE FROM evidence_reviews WHERE evidence_id IN (SELECT id FROM evidence WHERE source = 'demo');
DELETE FROM evidence WHERE source = 'demo';
DELETE FROM period_locks WHERE demo;
