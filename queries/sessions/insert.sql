INSERT INTO sessions (token_sha256, account_name, method, client, created_at, last_seen_at)
VALUES ($token_sha256, $account_name, $method, $client, $created_at, $created_at)
RETURNING id;
