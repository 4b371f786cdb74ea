-- A unit's contact from now on (the latest row wins; older ones stay as history).
INSERT INTO unit_contacts (unit_code, contact_name, email, phone, source, updated_by,
                           updated_at)
VALUES ($unit, $contact_name, $email, $phone, $contact_source, $updated_by, $updated_at);
