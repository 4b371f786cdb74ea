SELECT * FROM v_settings;
