-- Values reported by people (demo values excepted): what a restore would replace.
SELECT count(*) AS reported
FROM actuals a JOIN uploads u ON u.id = a.upload_id
WHERE u.source <> 'demo';
