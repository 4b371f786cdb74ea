-- Every evidence file the database refers to (what a backup must carry).
SELECT DISTINCT sha256, size_bytes
FROM evidence
WHERE kind = 'file'
ORDER BY sha256;
