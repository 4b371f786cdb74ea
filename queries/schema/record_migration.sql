INSERT INTO schema_migrations VALUES ($version, $file_name, current_localtimestamp());
