-- One explanation, appended (never updated).
INSERT INTO explanations (item_code, unit_code, period_code, upload_id, status, cause,
                          explanation, support_requested, recorded_at, recorded_by)
VALUES ($item, $unit, $period, $upload_id, $status, $cause, $explanation, $support,
        $recorded_at, $recorded_by)
RETURNING id;
