SELECT code, name, short_name, kind, parent_code FROM units WHERE code = $code;
