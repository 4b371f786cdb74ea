-- Explanations of the values that count, and each unit's current contact.

-- The explanation in force for each (item, unit, period): the newest explanation of
-- the revision that is current now or, where the item has no current value for the
-- period, the newest explanation given without a value. A value reported again by a
-- later upload needs its own explanation; a revoked upload takes its explanations
-- with it. Optionally only for some periods (NULL: all).
CREATE OR REPLACE MACRO nq57_current_explanations(wanted_periods) AS TABLE
SELECT e.*
FROM explanations e
LEFT JOIN nq57_current_actuals(wanted_periods, NULL) a
  ON a.item_code = e.item_code AND a.unit_code = e.unit_code
 AND a.period_code = e.period_code
WHERE (wanted_periods IS NULL OR list_contains(wanted_periods, e.period_code))
  AND ((a.upload_id IS NOT NULL AND e.upload_id = a.upload_id)
       OR (a.item_code IS NULL AND e.upload_id IS NULL))
QUALIFY row_number() OVER (
    PARTITION BY e.item_code, e.unit_code, e.period_code ORDER BY e.id DESC) = 1;

-- Each unit's contact for reminders: its latest entry.
CREATE OR REPLACE VIEW v_unit_contacts AS
SELECT unit_code, contact_name, email, phone, source, updated_by, updated_at
FROM unit_contacts
QUALIFY row_number() OVER (PARTITION BY unit_code ORDER BY id DESC) = 1;

-- Every target and task of a period as nq57_gaps_for() judges it, with the
-- explanation in force given by its reporting unit (NULL columns: none). Filtered the
-- way the dashboard filters: lead unit(s) and target group; tasks belong to no target
-- group, so a chosen group leaves them out.
CREATE OR REPLACE MACRO nq57_items_explained(the_period, the_as_of, the_units, the_group)
AS TABLE
WITH g AS (
    SELECT * FROM nq57_gaps_for(the_period, the_as_of, 'target', the_units, the_group)
    UNION ALL BY NAME
    SELECT * FROM nq57_gaps_for(the_period, the_as_of, 'task', the_units, NULL)
    WHERE the_group IS NULL
)
SELECT
    g.*,
    ru.name             AS reporting_unit_name,
    ru.short_name       AS reporting_unit_short,
    e.id                AS explanation_id,
    e.cause,
    e.explanation,
    e.support_requested,
    e.status            AS explained_status,
    e.upload_id         AS explained_upload_id,
    e.recorded_at       AS explained_at,
    e.recorded_by       AS explained_by
FROM g
LEFT JOIN units ru ON ru.code = g.reporting_unit
LEFT JOIN nq57_current_explanations([the_period]) e
  ON e.item_code = g.code AND e.unit_code = g.reporting_unit
-- A parent task is its parts rolled up: the parts are reported, and explained.
WHERE NOT coalesce(g.is_parent, FALSE);
