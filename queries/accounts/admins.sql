-- Enabled administrators that are not demo accounts: while there are none, the first
-- real administrator may be created from the command line without signing in.
SELECT name FROM accounts WHERE role = 'admin' AND NOT disabled AND NOT demo ORDER BY name;
