-- What a unit has on record for a period now: the values an upload is compared with.
SELECT item_code, value, note, evidence, upload_id, recorded_at, recorded_by
FROM current_actuals
WHERE unit_code = $unit AND period_code = $period;
