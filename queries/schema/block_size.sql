-- The size of one storage block of this database file.
SELECT block_size FROM pragma_database_size() WHERE database_name = current_database();
