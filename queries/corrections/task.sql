-- One task's correctable fields as they stand (corrections applied).
SELECT code, subtask AS name, deadline, deadline_text, deadline_assumed FROM tasks WHERE code = $code;
