SELECT (SELECT max(id) FROM uploads) AS uploads, (SELECT max(id) FROM actuals) AS actuals;
