INSERT INTO evidence_reviews (evidence_id, actual_id, value, decision, reason,
                              insufficient_quality, decided_by, decided_role, decided_at)
VALUES ($evidence_id, $actual_id, $value, $decision, $reason, $insufficient_quality,
        $decided_by, $decided_role, $decided_at)
RETURNING id;
