-- The stored hash of one account, for checking a password and nothing else.
SELECT password_hash FROM accounts WHERE name = $account;
