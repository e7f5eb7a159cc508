-- JV Studio's deal database, schema 2: market presets.
-- One row per country. The shipped copy is what this JV Studio build embeds (jv-markets); the
-- user's copy, when there is one, is the one in use, and a newer shipped version never
-- replaces it: it is offered instead (offered_version) until the user accepts it. Deals keep
-- their own copy of the values they used, so nothing here changes a saved version.

CREATE TABLE market_presets (
    -- ISO 3166-1 alpha-2, upper case.
    country          TEXT PRIMARY KEY NOT NULL CHECK (country = upper(country)),
    -- The newest shipped preset seen for this country (JSON of jv_markets::MarketPreset);
    -- none for a country only the user has a preset for.
    shipped_version  TEXT,
    shipped_json     TEXT,
    -- The user's edited (or created) preset, in use instead of the shipped one.
    user_version     TEXT,
    user_json        TEXT,
    user_saved_at    TEXT,
    -- A shipped version newer than the one the user's copy was made from, not yet accepted.
    offered_version  TEXT,
    CHECK ((shipped_version IS NULL) = (shipped_json IS NULL)),
    CHECK ((user_json IS NULL) = (user_version IS NULL)
           AND (user_json IS NULL) = (user_saved_at IS NULL)),
    CHECK (shipped_json IS NOT NULL OR user_json IS NOT NULL),
    CHECK (offered_version IS NULL OR user_json IS NOT NULL)
) STRICT;
