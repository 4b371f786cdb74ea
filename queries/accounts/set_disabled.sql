UPDATE accounts SET disabled = $disabled, changed_by = $changed_by, changed_at = $changed_at
WHERE name = $account;
