UPDATE accounts SET password_hash = $password_hash, changed_by = $changed_by,
                    changed_at = $changed_at
WHERE name = $account;
