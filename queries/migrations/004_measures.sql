-- The plausibility ceiling of each unit of measure: no value reported in that unit
-- may exceed it (a percentage 100, the DTI score 1, a count of people the
-- province's population…). Catalogue: reloaded from data/measures.csv.

CREATE TABLE measures (
    unit_of_measure VARCHAR PRIMARY KEY,
    max_value       DOUBLE NOT NULL CHECK (max_value > 0 AND isfinite(max_value)),
    basis           VARCHAR NOT NULL
);
