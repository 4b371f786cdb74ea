INSERT INTO accounts (name, display_name, role, units, email, password_hash, disabled, demo,
                      created_by, created_at, changed_by, changed_at)
VALUES ($account, $display_name, $role, $unit_codes, $email, $password_hash, FALSE, $demo,
        $changed_by, $changed_at, $changed_by, $changed_at);
