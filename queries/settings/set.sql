UPDATE settings SET value = $value WHERE key = $key;
