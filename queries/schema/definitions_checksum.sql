SELECT checksum FROM schema_definitions ORDER BY applied_at DESC LIMIT 1;
