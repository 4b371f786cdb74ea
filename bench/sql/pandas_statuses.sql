SELECT * FROM statuses;
