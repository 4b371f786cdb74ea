SELECT count(*) > 0 AS present FROM uploads WHERE source = 'demo';
