SELECT name FROM accounts WHERE demo ORDER BY name;
