SELECT code, item_type FROM v_items ORDER BY sort_key;
