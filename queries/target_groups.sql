SELECT code, name, short_name, sort_order FROM target_groups ORDER BY sort_order;
