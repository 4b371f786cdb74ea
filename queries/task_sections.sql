SELECT code, name, sort_order FROM task_sections ORDER BY sort_order;
