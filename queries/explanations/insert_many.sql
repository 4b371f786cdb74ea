-- Appends the rows of `incoming_explanations` (a data frame registered by the caller:
-- item_code, upload_id, status, cause, explanation, support_requested) as explanations
-- of one unit and period.
INSERT INTO explanations (item_code, unit_code, period_code, upload_id, status, cause,
                          explanation, support_requested, recorded_at, recorded_by)
SELECT item_code, $unit, $period, upload_id, status, cause, explanation, support_requested,
       $recorded_at, $recorded_by
FROM incoming_explanations;
