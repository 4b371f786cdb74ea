-- The list of statuses (labels.STATUS_LIST), as SQL reads it: order, urgency, tone,
-- and whether only the verified view gives it.
INSERT INTO statuses
SELECT unnest($codes), unnest($sort_orders), unnest($urgencies), unnest($tones),
       unnest($verified_only);
