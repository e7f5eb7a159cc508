-- JV Studio's deal database, schema 1.
-- STRICT tables so a wrong type is refused instead of silently stored; decimals are canonical
-- TEXT (see src/decimal_text.rs) because SQLite has no exact decimal type.

CREATE TABLE deals (
    id          TEXT PRIMARY KEY NOT NULL,
    -- name and market mirror the newest version, so the list needs no JSON parsing.
    name        TEXT NOT NULL,
    market      TEXT NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE versions (
    deal_id     TEXT NOT NULL REFERENCES deals (id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    saved_at    TEXT NOT NULL,
    note        TEXT,
    deal_json   TEXT NOT NULL,
    evaluated   INTEGER NOT NULL CHECK (evaluated IN (0, 1)),
    PRIMARY KEY (deal_id, number)
) STRICT;

-- Key figures as the engine computed them when the version was saved; none when it did not
-- evaluate.
CREATE TABLE version_figures (
    deal_id       TEXT NOT NULL,
    number        INTEGER NOT NULL,
    ordinal       INTEGER NOT NULL CHECK (ordinal >= 0),
    party_id      TEXT NOT NULL,
    party_name    TEXT NOT NULL,
    share_percent TEXT,
    npv_cash      TEXT,
    irr_cash      TEXT,
    npv_economic  TEXT,
    irr_economic  TEXT,
    PRIMARY KEY (deal_id, number, ordinal),
    FOREIGN KEY (deal_id, number) REFERENCES versions (deal_id, number)
) STRICT;

-- A saved version is a record of what was on the table; nothing may rewrite it.
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;

CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;

CREATE TRIGGER version_figures_no_update BEFORE UPDATE ON version_figures
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;

CREATE TRIGGER version_figures_no_delete BEFORE DELETE ON version_figures
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;

-- Unsaved work: one slot per deal, '' for a deal that was never saved. The JSON is whatever
-- the editor held, valid or not.
CREATE TABLE drafts (
    slot        TEXT PRIMARY KEY NOT NULL,
    deal_id     TEXT REFERENCES deals (id),
    saved_at    TEXT NOT NULL,
    deal_json   TEXT NOT NULL,
    CHECK ((slot = '' AND deal_id IS NULL) OR slot = deal_id)
) STRICT;

CREATE TABLE settings (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT NOT NULL
) STRICT;
