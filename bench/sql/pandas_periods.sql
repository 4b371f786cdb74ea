SELECT * FROM v_periods;
