SELECT id, item_code, unit_code, period_code, value, note, evidence, upload_id, recorded_at,
       recorded_by
FROM actuals;
