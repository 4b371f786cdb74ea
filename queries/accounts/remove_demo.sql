-- The demo accounts go with the demo data (their passwords are printed on the sign-in page).
DELETE FROM accounts WHERE demo;
