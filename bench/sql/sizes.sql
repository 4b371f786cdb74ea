SELECT (SELECT count(*) FROM units WHERE note = 'bench') AS synthetic_units,
       (SELECT count(*) FROM uploads) AS uploads,
       (SELECT count(*) FROM upload_revocations) AS revoked_uploads,
       (SELECT count(*) FROM actuals) AS actuals,
       (SELECT count(DISTINCT period_code) FROM actuals) AS periods;
