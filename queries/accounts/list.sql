-- Every account, for the admin page and `user list`; never a password hash.
SELECT name, display_name, role, units, email, password_hash IS NOT NULL AS has_password,
       disabled, demo, created_by, created_at, changed_by, changed_at
FROM accounts
ORDER BY CASE role WHEN 'admin' THEN 1 WHEN 'reviewer' THEN 2 WHEN 'staff' THEN 3 ELSE 4 END,
         name;
