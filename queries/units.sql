SELECT code, name, short_name, kind, parent_code, named_in_docs, note
FROM units
ORDER BY CASE kind WHEN 'collective' THEN 2 ELSE 1 END, code;
