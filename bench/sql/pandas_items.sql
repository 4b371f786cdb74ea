SELECT * FROM v_items;
