-- Appends the rows of `incoming` (a data frame registered by the caller) as new
-- revisions of one upload.
INSERT INTO actuals (item_code, unit_code, period_code, value, note, evidence, upload_id,
                     recorded_at, recorded_by)
SELECT item_code, $unit, $period, value, note, evidence, $upload_id, $recorded_at, $recorded_by
FROM incoming;
