INSERT INTO catalogue_corrections (object_type, code, field, value, corrected_by, corrected_at,
                                   reason)
VALUES ($object_type, $code, $field, $value, $corrected_by, $corrected_at, $reason);
