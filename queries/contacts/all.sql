-- Every unit with its current contact (NULL columns: none recorded).
SELECT u.code AS unit_code, u.name AS unit_name, u.kind, c.contact_name, c.email, c.phone,
       c.source, c.updated_by, c.updated_at
FROM units u
LEFT JOIN v_unit_contacts c ON c.unit_code = u.code
ORDER BY u.code;
