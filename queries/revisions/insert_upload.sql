INSERT INTO uploads (unit_code, period_code, file_name, sha256, source, rows_read, rows_stored,
                     uploaded_by, uploaded_at)
VALUES ($unit, $period, $file_name, $sha256, $source, $rows_read, $rows_stored,
        $uploaded_by, $uploaded_at)
RETURNING id;
