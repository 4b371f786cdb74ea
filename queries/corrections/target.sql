-- One target's correctable fields as they stand (corrections applied).
SELECT code, name, unit_of_measure, comparator, threshold_low, threshold_high
FROM targets WHERE code = $code;
