-- One account by its name (never the password hash: has_password says whether one is set).
SELECT name, display_name, role, units, email, password_hash IS NOT NULL AS has_password,
       disabled, demo, created_by, created_at, changed_by, changed_at
FROM accounts
WHERE name = $account;
