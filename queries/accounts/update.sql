-- Role, units, display name and e-mail of one account.
UPDATE accounts
SET role = $role, units = $unit_codes, display_name = $display_name, email = $email,
    changed_by = $changed_by, changed_at = $changed_at
WHERE name = $account;
