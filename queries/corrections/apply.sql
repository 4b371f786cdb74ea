-- The admin's corrections over the freshly loaded catalogue: for each corrected field,
-- the newest correction wins. Run after every load of data/*.csv and after each new
-- correction, so views and pages need to know nothing about corrections.
INSERT INTO units (code, name, short_name, kind, parent_code, named_in_docs, note)
SELECT c.code, json_extract_string(c.value, '$.name'), json_extract_string(c.value, '$.short_name'),
       json_extract_string(c.value, '$.kind'), json_extract_string(c.value, '$.parent_code'),
       FALSE, json_extract_string(c.value, '$.note')
FROM catalogue_corrections c
WHERE c.object_type = 'unit' AND c.field = 'added'
  AND c.code NOT IN (SELECT code FROM units)
QUALIFY row_number() OVER (PARTITION BY c.code ORDER BY c.id DESC) = 1;

UPDATE units SET name = c.value
FROM (SELECT code, arg_max(value, id) AS value FROM catalogue_corrections
      WHERE object_type = 'unit' AND field = 'name' GROUP BY code) c
WHERE units.code = c.code;

UPDATE units SET short_name = c.value
FROM (SELECT code, arg_max(value, id) AS value FROM catalogue_corrections
      WHERE object_type = 'unit' AND field = 'short_name' GROUP BY code) c
WHERE units.code = c.code;

UPDATE targets SET comparator = c.value
FROM (SELECT code, arg_max(value, id) AS value FROM catalogue_corrections
      WHERE object_type = 'target' AND field = 'comparator' GROUP BY code) c
WHERE targets.code = c.code;

UPDATE targets SET threshold_low = CAST(c.value AS DOUBLE)
FROM (SELECT code, arg_max(value, id) AS value FROM catalogue_corrections
      WHERE object_type = 'target' AND field = 'threshold_low' GROUP BY code) c
WHERE targets.code = c.code;

UPDATE targets SET threshold_high = CAST(c.value AS DOUBLE)
FROM (SELECT code, arg_max(value, id) AS value FROM catalogue_corrections
      WHERE object_type = 'target' AND field = 'threshold_high' GROUP BY code) c
WHERE targets.code = c.code;

-- A corrected deadline is a decided one: its text becomes the date, and a deadline the
-- scan lost (marked assumed) is assumed no longer.
UPDATE tasks SET deadline = CAST(c.value AS DATE),
                 deadline_text = strftime(CAST(c.value AS DATE), '%d/%m/%Y'),
                 deadline_assumed = FALSE
FROM (SELECT code, arg_max(value, id) AS value FROM catalogue_corrections
      WHERE object_type = 'task' AND field = 'deadline' GROUP BY code) c
WHERE tasks.code = c.code;
