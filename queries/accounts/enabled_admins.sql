-- Every enabled administrator (demo ones included): the last one cannot be disabled.
SELECT name FROM accounts WHERE role = 'admin' AND NOT disabled ORDER BY name;
