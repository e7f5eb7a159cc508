//! The JSON Schema of a preset file, generated from the types; committed as
//! `markets/preset.schema.json` so editors can check a preset while it is written.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::patterns::DECIMAL_PATTERN;
use crate::preset::{MarketPreset, PRESET_SCHEMA_VERSION};

/// The title (and name in editors) of the schema.
const TITLE: &str = "JV Studio market preset (markets/XX.toml)";

/// Said once, at the top.
const CONVENTIONS: &str = "Rates are fractions written as strings: \"0.30\" means 30 %. Every \
    value has its own source (a web address) and as_of date (YYYY-MM-DD, YYYY-MM or YYYY); a \
    value the sources do not give is \"unknown\", never a guess.";

/// The pattern schemars gives `rust_decimal::Decimal`; replaced by [`DECIMAL_PATTERN`].
const SCHEMARS_DECIMAL_PATTERN: &str = r"^-?\d+(\.\d+)?([eE]\d+)?$";

/// The JSON Schema (draft 2020-12) of a preset file, read as JSON (TOML maps onto it).
pub fn preset_schema() -> Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(build).clone()
}

fn build() -> Value {
    let mut schema = schemars::schema_for!(MarketPreset).to_value();
    strings_only_for_decimals(&mut schema);
    let Value::Object(generated) = schema else {
        // schema_for! of a struct is always an object; keep whatever it is rather than panic.
        return schema;
    };
    // Rebuilt so that the identifying keywords come first when the schema is printed.
    let mut top = Map::new();
    if let Some(dialect) = generated.get("$schema") {
        top.insert("$schema".to_owned(), dialect.clone());
    }
    top.insert(
        "$id".to_owned(),
        Value::String(format!(
            "urn:jv-studio:market-preset:{PRESET_SCHEMA_VERSION}"
        )),
    );
    top.insert("title".to_owned(), Value::String(TITLE.to_owned()));
    let about = match generated.get("description").and_then(Value::as_str) {
        Some(about) => format!("{about} {CONVENTIONS}"),
        None => CONVENTIONS.to_owned(),
    };
    top.insert("description".to_owned(), Value::String(about));
    for (key, value) in generated {
        if !matches!(key.as_str(), "$schema" | "title" | "description") {
            top.insert(key, value);
        }
    }
    Value::Object(top)
}

/// Rewrites every `Decimal` subschema (recognised by schemars' pattern) to a string with
/// [`DECIMAL_PATTERN`]: a number in a file would go through `f64` and could lose digits.
fn strings_only_for_decimals(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.get("pattern").and_then(Value::as_str) == Some(SCHEMARS_DECIMAL_PATTERN) {
                let nullable = match map.get("type") {
                    Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
                    _ => false,
                };
                let types = if nullable {
                    Value::Array(vec!["string".into(), "null".into()])
                } else {
                    Value::String("string".to_owned())
                };
                map.insert("type".to_owned(), types);
                map.insert(
                    "pattern".to_owned(),
                    Value::String(DECIMAL_PATTERN.to_owned()),
                );
            }
            map.values_mut().for_each(strings_only_for_decimals);
        }
        Value::Array(items) => items.iter_mut().for_each(strings_only_for_decimals),
        _ => {}
    }
}
