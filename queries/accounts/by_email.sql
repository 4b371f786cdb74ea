-- The account a single sign-on e-mail belongs to.
SELECT name FROM accounts WHERE email = $email;
