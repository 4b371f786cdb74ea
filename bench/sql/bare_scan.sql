-- The floor: read every row of actuals, in the columns the status query uses.
SELECT count(*), sum(value), max(id), max(upload_id), max(item_code), max(unit_code),
       max(period_code)
FROM actuals;
