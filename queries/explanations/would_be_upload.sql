-- A trial upload inside a transaction that is always rolled back, so the status
-- engine can judge values before they are stored. Ids are given explicitly (one past
-- the highest) because a sequence would move on even when the transaction is rolled
-- back, and people read upload numbers.
INSERT INTO uploads (id, unit_code, period_code, file_name, sha256, source, rows_read,
                     rows_stored, uploaded_by, uploaded_at)
SELECT coalesce(max(id), 0) + 1, $unit, $period, 'trial', '', 'excel', 0, 0, 'trial',
       $uploaded_at
FROM uploads
RETURNING id;
