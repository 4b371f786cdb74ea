-- Every target and task with its lead unit in force and whether it is assumed.
SELECT code, item_type, name, lead_unit, lead_assumed FROM v_items ORDER BY sort_key;
