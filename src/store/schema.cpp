#include "schema.h"

namespace moudesk::store {

// Each entry moves the schema from version i to i + 1. Never edit a released entry: add one.
// Dates are ISO 8601 text (YYYY-MM-DD) so they sort and compare as text; durations are ISO 8601
// ("P5Y"). Columns named computed_* are derived by moudesk::tracking on every write so that
// deadline queries are index range scans.
const std::vector<std::string_view>& migrations() {
    static const std::vector<std::string_view> scripts = {
        // 1: the register.
        R"sql(
CREATE TABLE agreement (
    id                        INTEGER PRIMARY KEY,
    reference                 TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    title                     TEXT NOT NULL CHECK (length(trim(title)) > 0),
    instrument                TEXT NOT NULL CHECK (instrument IN ('mou', 'moa', 'addendum', 'exchange-of-letters')),
    related_id                INTEGER REFERENCES agreement(id),
    relation                  TEXT CHECK (relation IN ('amends', 'supersedes')),
    level                     TEXT,
    languages                 TEXT NOT NULL DEFAULT 'en',
    status                    TEXT NOT NULL DEFAULT 'draft',
    signature_date            TEXT,
    entry_into_force          TEXT,
    days_after_notification   INTEGER CHECK (days_after_notification >= 0),
    last_notification         TEXT,
    duration                  TEXT,
    indefinite                INTEGER NOT NULL DEFAULT 0,
    expiry                    TEXT,
    tacit_renewal             TEXT,
    notice_period             TEXT,
    next_review               TEXT,
    computed_entry_into_force TEXT,
    computed_expiry           TEXT,
    computed_notice_deadline  TEXT,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    CHECK ((related_id IS NULL) = (relation IS NULL))
);
CREATE INDEX agreement_status_review ON agreement(status, next_review);
CREATE INDEX agreement_status_expiry ON agreement(status, computed_expiry);
CREATE INDEX agreement_status_notice ON agreement(status, computed_notice_deadline);
CREATE INDEX agreement_instrument ON agreement(instrument);
CREATE INDEX agreement_review ON agreement(next_review);
CREATE INDEX agreement_expiry ON agreement(computed_expiry);
CREATE INDEX agreement_related ON agreement(related_id);

CREATE TABLE party (
    id              INTEGER PRIMARY KEY,
    agreement_id    INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name      TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT 'other',
    country         TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL DEFAULT 'party',
    signatory_name  TEXT NOT NULL DEFAULT '',
    signatory_title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX party_agreement ON party(agreement_id, position);
CREATE INDEX party_name ON party(name);

CREATE TABLE contact (
    id        INTEGER PRIMARY KEY,
    party_id  INTEGER NOT NULL REFERENCES party(id) ON DELETE CASCADE,
    role      TEXT NOT NULL DEFAULT 'focal-point' CHECK (role IN ('focal-point', 'contact')),
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    function  TEXT NOT NULL DEFAULT '',
    email     TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_party ON contact(party_id);

CREATE TABLE agreement_element (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    element      TEXT NOT NULL,
    source       TEXT NOT NULL CHECK (source IN ('draft', 'detected', 'manual')),
    confidence   REAL,
    PRIMARY KEY (agreement_id, element)
) WITHOUT ROWID;
CREATE INDEX agreement_element_element ON agreement_element(element, agreement_id);

CREATE TABLE document_version (
    id            INTEGER PRIMARY KEY,
    agreement_id  INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    saved_at      TEXT NOT NULL,
    saved_by      TEXT NOT NULL,
    label         TEXT NOT NULL DEFAULT '',
    draft         TEXT NOT NULL,
    rendered_text TEXT NOT NULL,
    UNIQUE (agreement_id, version)
);

CREATE TABLE transition (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    from_status  TEXT NOT NULL,
    to_status    TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    by_user      TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL
);
CREATE INDEX transition_agreement ON transition(agreement_id, id);

CREATE TABLE action (
    id             INTEGER PRIMARY KEY,
    agreement_id   INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    commitment     TEXT NOT NULL DEFAULT '',
    clause         TEXT NOT NULL DEFAULT '',
    element        TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner_party_id INTEGER REFERENCES party(id) ON DELETE SET NULL,
    owner_person   TEXT NOT NULL DEFAULT '',
    due_date       TEXT,
    recurrence     TEXT,
    series_start   TEXT,
    occurrence     INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL DEFAULT 'not-started'
                   CHECK (status IN ('not-started', 'in-progress', 'done', 'blocked', 'not-applicable')),
    notes          TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '',
    completed_on   TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX action_agreement ON action(agreement_id);
CREATE INDEX action_open_due ON action(due_date) WHERE status IN ('not-started', 'in-progress', 'blocked');
CREATE INDEX action_status_due ON action(status, due_date);
CREATE INDEX action_element ON action(element, agreement_id);

CREATE TABLE evidence_file (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    added_at    TEXT NOT NULL
);
CREATE INDEX evidence_file_action ON evidence_file(action_id);

-- How many agreements and actions are in each status, kept by triggers so that the dashboard
-- reads a handful of rows instead of counting a million.
CREATE TABLE status_count (
    entity TEXT NOT NULL,
    status TEXT NOT NULL,
    n      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, status)
) WITHOUT ROWID;
CREATE TRIGGER agreement_count_insert AFTER INSERT ON agreement BEGIN
    INSERT INTO status_count(entity, status, n) VALUES ('agreement', new.status, 1)
        ON CONFLICT(entity, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agreement_count_update AFTER UPDATE OF status ON agreement WHEN old.status != new.status BEGIN
    UPDATE status_count SET n = n - 1 WHERE entity = 'agreement' AND status = old.status;
    INSERT INTO status_count(entity, status, n) VALUES ('agreement', new.status, 1)
        ON CONFLICT(entity, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agreement_count_delete AFTER DELETE ON agreement BEGIN
    UPDATE status_count SET n = n - 1 WHERE entity = 'agreement' AND status = old.status;
END;
CREATE TRIGGER action_count_insert AFTER INSERT ON action BEGIN
    INSERT INTO status_count(entity, status, n) VALUES ('action', new.status, 1)
        ON CONFLICT(entity, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER action_count_update AFTER UPDATE OF status ON action WHEN old.status != new.status BEGIN
    UPDATE status_count SET n = n - 1 WHERE entity = 'action' AND status = old.status;
    INSERT INTO status_count(entity, status, n) VALUES ('action', new.status, 1)
        ON CONFLICT(entity, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER action_count_delete AFTER DELETE ON action BEGIN
    UPDATE status_count SET n = n - 1 WHERE entity = 'action' AND status = old.status;
END;

-- The audit trail is append-only: the triggers below refuse any change to a row once written.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user      TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    agreement INTEGER,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
CREATE INDEX audit_agreement ON audit(agreement, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: its rows cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: its rows cannot be deleted'); END;

-- Full-text search over agreements, their texts, actions and notes. The rowid says what a hit is:
-- rowid = id * 4 + kind (0 agreement, 1 party, 2 document version, 3 action), so the triggers that
-- keep the index in step with the tables reach a row directly instead of scanning.
CREATE VIRTUAL TABLE search_index USING fts5(
    agreement UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER agreement_fts_insert AFTER INSERT ON agreement BEGIN
    INSERT INTO search_index(rowid, agreement, title, body)
    VALUES (new.id * 4 + 0, new.id, new.title, new.reference);
END;
CREATE TRIGGER agreement_fts_update AFTER UPDATE OF title, reference ON agreement BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 0;
    INSERT INTO search_index(rowid, agreement, title, body)
    VALUES (new.id * 4 + 0, new.id, new.title, new.reference);
END;
CREATE TRIGGER agreement_fts_delete AFTER DELETE ON agreement BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 0;
END;
CREATE TRIGGER party_fts_insert AFTER INSERT ON party BEGIN
    INSERT INTO search_index(rowid, agreement, title, body)
    VALUES (new.id * 4 + 1, new.agreement_id, new.name, new.short_name || ' ' || new.country);
END;
CREATE TRIGGER party_fts_update AFTER UPDATE OF name, short_name, country ON party BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index(rowid, agreement, title, body)
    VALUES (new.id * 4 + 1, new.agreement_id, new.name, new.short_name || ' ' || new.country);
END;
CREATE TRIGGER party_fts_delete AFTER DELETE ON party BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER document_version_fts_insert AFTER INSERT ON document_version BEGIN
    INSERT INTO search_index(rowid, agreement, title, body)
    VALUES (new.id * 4 + 2, new.agreement_id, new.label, new.rendered_text);
END;
CREATE TRIGGER document_version_fts_delete AFTER DELETE ON document_version BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER action_fts_insert AFTER INSERT ON action BEGIN
    INSERT INTO search_index(rowid, agreement, title, body)
    VALUES (new.id * 4 + 3, new.agreement_id, new.title, new.notes || ' ' || new.evidence);
END;
CREATE TRIGGER action_fts_update AFTER UPDATE OF title, notes, evidence ON action BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
    INSERT INTO search_index(rowid, agreement, title, body)
    VALUES (new.id * 4 + 3, new.agreement_id, new.title, new.notes || ' ' || new.evidence);
END;
CREATE TRIGGER action_fts_delete AFTER DELETE ON action BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;
)sql",
        // 2: INSERT OR REPLACE deletes the row it replaces without firing delete triggers (unless
        // recursive triggers are on), so the audit trail also refuses an insert over an existing id.
        R"sql(
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN new.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = new.id)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: its rows cannot be replaced'); END;
)sql",
        // 3: assessments of the diagnostic tool.
        R"sql(
CREATE TABLE assessment (
    id                    INTEGER PRIMARY KEY,
    title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
    country               TEXT NOT NULL DEFAULT '',
    agencies              TEXT NOT NULL DEFAULT '',
    assessors             TEXT NOT NULL DEFAULT '',
    assessed_on           TEXT NOT NULL,
    questionnaire_version TEXT NOT NULL DEFAULT '',
    previous_id           INTEGER REFERENCES assessment(id) ON DELETE SET NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE TABLE answer (
    assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    question      TEXT NOT NULL,
    answer        TEXT NOT NULL
                  CHECK (answer IN ('yes', 'partly', 'no', 'not-applicable', 'not-assessed')),
    notes         TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, question)
) WITHOUT ROWID;
-- Coverage of key elements. Each element slug gets a bit; agreement.element_mask holds the bits
-- of the elements an agreement covers, kept by triggers, so the coverage matrix of a large
-- register is one scan of the agreements instead of a million element rows.
CREATE TABLE element_bit (
    slug TEXT PRIMARY KEY,
    bit  INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;
INSERT INTO element_bit(slug, bit)
    SELECT element, row_number() OVER (ORDER BY element) - 1 FROM (SELECT DISTINCT element FROM agreement_element);
ALTER TABLE agreement ADD COLUMN element_mask INTEGER NOT NULL DEFAULT 0;
UPDATE agreement SET element_mask = coalesce((SELECT sum(1 << b.bit) FROM agreement_element e
    JOIN element_bit b ON b.slug = e.element WHERE e.agreement_id = agreement.id AND b.bit < 63), 0);
CREATE TRIGGER element_mask_insert AFTER INSERT ON agreement_element BEGIN
    -- No conflict clause: the outer statement's OR REPLACE would override it and renumber bits.
    INSERT INTO element_bit(slug, bit) SELECT new.element, (SELECT count(*) FROM element_bit)
        WHERE NOT EXISTS (SELECT 1 FROM element_bit WHERE slug = new.element);
    UPDATE agreement SET element_mask = element_mask | (1 << (SELECT bit FROM element_bit WHERE slug = new.element))
        WHERE id = new.agreement_id AND (SELECT bit FROM element_bit WHERE slug = new.element) < 63;
END;
CREATE TRIGGER element_mask_delete AFTER DELETE ON agreement_element BEGIN
    UPDATE agreement SET element_mask = element_mask & ~(1 << (SELECT bit FROM element_bit WHERE slug = old.element))
        WHERE id = old.agreement_id AND (SELECT bit FROM element_bit WHERE slug = old.element) < 63;
END;
CREATE INDEX action_element_status ON action(element, status, agreement_id, due_date);
DROP INDEX action_element;
)sql",
        // 4: indexes for the everyday queries on a large register (bench/register_bench.cpp).
        R"sql(
-- The tacit renewals that may have rolled over (Agreements::refresh_computed_dates, run at every
-- open): a handful of index entries instead of walking every past expiry.
CREATE INDEX agreement_renewal_expiry ON agreement(computed_expiry) WHERE tacit_renewal IS NOT NULL;
-- The count of a filtered agreements list (status, instrument, key element) read from the index
-- alone.
CREATE INDEX agreement_status_instrument_mask ON agreement(status, instrument, element_mask);
-- The coverage matrix: the agreements of a status by reference, with their element bits, from
-- the index alone and already in order.
CREATE INDEX agreement_status_reference_mask ON agreement(status, reference, element_mask);
-- Reviews, expiries and notice deadlines only matter for agreements signed, in force or
-- suspended; the deadline and dashboard queries repeat this WHERE clause word for word so that
-- SQLite uses these indexes.
CREATE INDEX agreement_active_review ON agreement(next_review) WHERE status IN ('signed', 'in-force', 'suspended');
CREATE INDEX agreement_active_expiry ON agreement(computed_expiry) WHERE status IN ('signed', 'in-force', 'suspended');
CREATE INDEX agreement_active_notice ON agreement(computed_notice_deadline)
    WHERE status IN ('signed', 'in-force', 'suspended');
-- Which open actions are overdue, with their agreement and element (the coverage matrix), from
-- the index alone (SQLite counts the status of the WHERE clause as a column the query reads).
CREATE INDEX action_open_due_element ON action(due_date, agreement_id, element, status)
    WHERE status IN ('not-started', 'in-progress', 'blocked');
-- Statistics for the new indexes: without them SQLite weighs indexes it has statistics for against
-- ones it has none for, and picks the old ones.
ANALYZE agreement;
ANALYZE action;
)sql",
    };
    return scripts;
}

}  // namespace moudesk::store
