SELECT key, value, description FROM settings WHERE key <> 'catalogue_checksum' ORDER BY key;
