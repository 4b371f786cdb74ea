INSERT INTO evidence (item_code, unit_code, period_code, actual_id, kind, sha256, file_type,
                      size_bytes, original_name, url, source, upload_id, added_by, added_at)
VALUES ($item, $unit, $period, $actual_id, $kind, $sha256, $file_type, $size_bytes,
        $original_name, $url, $source, $upload_id, $added_by, $added_at)
RETURNING id;
