SELECT upload_id FROM upload_revocations;
