-- About one in fifty last revisions is revoked: its values fall back to revision 2.
INSERT INTO upload_revocations (upload_id, revoked_by, revoked_at, reason)
SELECT id, 'Thử tải', uploaded_at + INTERVAL 1 DAY, 'Thu hồi thử'
FROM uploads
WHERE uploaded_by = 'Thử tải' AND file_name LIKE '%-lan-' || $revisions || '.xlsx'
  AND hash(id) % 50 = 0;
