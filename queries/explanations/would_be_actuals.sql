-- The trial values (the data frame `incoming`) as the newest revisions, inside the
-- transaction of would_be_upload, which is always rolled back.
INSERT INTO actuals (id, item_code, unit_code, period_code, value, note, evidence,
                     upload_id, recorded_at, recorded_by)
SELECT (SELECT coalesce(max(id), 0) FROM actuals) + row_number() OVER (),
       item_code, $unit, $period, value, note, evidence, $upload_id, $recorded_at, 'trial'
FROM incoming;
