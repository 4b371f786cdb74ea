-- An admin's decision on who leads an item; the newest assignment is in force.
INSERT INTO lead_assignments (item_code, unit_code, assigned_by, assigned_at, reason)
VALUES ($item, $unit, $assigned_by, $assigned_at, $reason);
