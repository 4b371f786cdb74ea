INSERT INTO sign_in_attempts (name_sha256, client, attempted_at, succeeded)
VALUES ($name_sha256, $client, $at, $succeeded);
