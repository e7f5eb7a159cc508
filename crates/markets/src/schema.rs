//! The JSON Schema of a preset file, generated from the types; committed as
//! `markets/preset.schema.json` so editors can check a preset while it is written.

use std::sync::OnceLock;

use serde_json::Value;

use crate::preset::{MarketPreset, PRESET_SCHEMA_VERSION};

/// The title (and name in editors) of the schema.
const TITLE: &str = "JV Studio market preset (markets/XX.toml)";

/// Said once, at the top.
const CONVENTIONS: &str = "Rates are fractions written as strings: \"0.30\" means 30 %. Every \
    value has its own source (a web address) and as_of date (YYYY-MM-DD, YYYY-MM or YYYY); a \
    value the sources do not give is \"unknown\", never a guess.";

/// The JSON Schema (draft 2020-12) of a preset file, read as JSON (TOML maps onto it).
pub fn preset_schema() -> Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(build).clone()
}

fn build() -> Value {
    jv_engine::file::file_schema(
        schemars::schema_for!(MarketPreset).to_value(),
        &format!("urn:jv-studio:market-preset:{PRESET_SCHEMA_VERSION}"),
        TITLE,
        CONVENTIONS,
    )
}
