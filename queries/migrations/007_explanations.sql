-- Explanations when behind (giải trình) and the contacts reminders are sent to.
--
-- An explanation belongs to one reported revision: the value of (item, unit, period)
-- stored by upload `upload_id` (NULL: the item has no value for the period, e.g. a
-- task past its deadline never reported). Append-only: a newer explanation of the
-- same revision supersedes the older one, which stays as history; revoking the
-- upload takes its explanations with it. `status` is the status the explanation was
-- given for (NULL where the period has no status, e.g. a baseline).
CREATE SEQUENCE explanation_id START 1;
CREATE TABLE explanations (
    id                BIGINT PRIMARY KEY DEFAULT nextval('explanation_id'),
    item_code         VARCHAR NOT NULL,
    unit_code         VARCHAR NOT NULL,
    period_code       VARCHAR NOT NULL,
    upload_id         BIGINT,
    status            VARCHAR,
    cause             VARCHAR NOT NULL CHECK (cause IN (
        'funding', 'staffing', 'policy', 'awaiting_guidance', 'objective', 'other')),
    explanation       VARCHAR NOT NULL,
    support_requested VARCHAR,
    recorded_at       TIMESTAMP NOT NULL,
    recorded_by       VARCHAR NOT NULL
);

-- Who to write to about a unit's reports. Kept apart from the transcribed catalogue
-- (data/units.csv); changed by an admin, the latest row per unit wins. Demo contacts
-- are marked so that removing the demo removes them.
CREATE SEQUENCE unit_contact_id START 1;
CREATE TABLE unit_contacts (
    id           BIGINT PRIMARY KEY DEFAULT nextval('unit_contact_id'),
    unit_code    VARCHAR NOT NULL,
    contact_name VARCHAR,
    email        VARCHAR,
    phone        VARCHAR,
    source       VARCHAR NOT NULL CHECK (source IN ('admin', 'demo')),
    updated_by   VARCHAR NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
