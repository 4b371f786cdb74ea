-- Demo contacts go with the demo.
DELETE FROM unit_contacts WHERE source = 'demo';
