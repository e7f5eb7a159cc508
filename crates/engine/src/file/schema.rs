//! The JSON Schema of the `.jvdeal` file, generated from the model types so that the types
//! stay the single source of truth: the reader checks files against this same schema.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::model::{Deal, SCHEMA_VERSION};

/// The title (and name in editors) of the schema.
const TITLE: &str = "JV Studio deal file (.jvdeal)";

/// Said once, at the top, instead of on every field.
const CONVENTIONS: &str =
    "Amounts and rates are decimal strings. Rates are fractions: \"0.25\" means 25 %.";

/// How a decimal is written in a `.jvdeal` file: an optional minus, digits, an optional fraction.
///
/// No exponent and no `+`: what the app writes, and what a person can read at a glance.
pub(crate) const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

/// The pattern schemars emits for `rust_decimal::Decimal`; it is replaced by [`DECIMAL_PATTERN`].
const SCHEMARS_DECIMAL_PATTERN: &str = r"^-?\d+(\.\d+)?([eE]\d+)?$";

/// The JSON Schema (draft 2020-12) of a `.jvdeal` file: the shape of [`Deal`].
///
/// Decimals are strings only. schemars also allows JSON numbers for `Decimal`, but a JSON
/// number goes through `f64` on the way in and can silently lose digits of an amount, so the
/// file format (and the reader, which checks against this schema) refuses them.
pub fn deal_schema() -> Value {
    cached().clone()
}

/// The schema, built once per process: the reader consults it for every file.
pub(crate) fn cached() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(build)
}

fn build() -> Value {
    file_schema(
        schemars::schema_for!(Deal).to_value(),
        &format!("urn:jv-studio:jvdeal:{SCHEMA_VERSION}"),
        TITLE,
        CONVENTIONS,
    )
}

/// Shapes a schemars schema into a file schema of JV Studio: decimals as strings only, and
/// `$schema`, `$id`, `title` and a `description` ending with `conventions` first. The deal
/// file and the market preset files share it.
pub fn file_schema(mut schema: Value, id: &str, title: &str, conventions: &str) -> Value {
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
    top.insert("$id".to_owned(), Value::String(id.to_owned()));
    top.insert("title".to_owned(), Value::String(title.to_owned()));
    let about = match generated.get("description").and_then(Value::as_str) {
        Some(about) => format!("{about} {conventions}"),
        None => conventions.to_owned(),
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
/// [`DECIMAL_PATTERN`], keeping `null` where the field is optional.
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    /// Every keyword the generated schema uses, so that the reader's validator
    /// (which implements exactly these) cannot silently skip a new one.
    const KNOWN_KEYWORDS: &[&str] = &[
        "$schema",
        "$id",
        "$ref",
        "$defs",
        "title",
        "description",
        "default",
        "type",
        "format",
        "minimum",
        "pattern",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "oneOf",
        "anyOf",
        "const",
    ];

    fn keywords(schema: &Value, found: &mut Vec<String>) {
        let Value::Object(map) = schema else { return };
        for (key, value) in map {
            if !found.contains(key) {
                found.push(key.clone());
            }
            match key.as_str() {
                "properties" | "$defs" => {
                    value
                        .as_object()
                        .unwrap()
                        .values()
                        .for_each(|s| keywords(s, found));
                }
                "oneOf" | "anyOf" => value
                    .as_array()
                    .unwrap()
                    .iter()
                    .for_each(|s| keywords(s, found)),
                "items" | "additionalProperties" => keywords(value, found),
                _ => {}
            }
        }
    }

    #[test]
    fn names_itself_and_states_the_conventions_once() {
        let schema = deal_schema();
        assert_eq!(schema["title"], TITLE);
        assert_eq!(schema["$id"], "urn:jv-studio:jvdeal:1");
        let text = schema.to_string();
        assert_eq!(text.matches("Rates are fractions").count(), 1);
        assert!(
            schema["description"]
                .as_str()
                .unwrap()
                .ends_with(CONVENTIONS)
        );
    }

    #[test]
    fn uses_only_keywords_the_reader_implements() {
        let mut found = Vec::new();
        keywords(&deal_schema(), &mut found);
        for keyword in &found {
            assert!(
                KNOWN_KEYWORDS.contains(&keyword.as_str()),
                "unexpected keyword {keyword}"
            );
        }
    }

    #[test]
    fn decimals_are_strings_only() {
        let schema = deal_schema();
        let text = schema.to_string();
        assert!(
            !text.contains("[eE]"),
            "a schemars decimal pattern was left"
        );
        assert!(
            !text.contains("\"number\""),
            "a decimal still accepts JSON numbers"
        );
        let price = &schema["$defs"]["Plan"]["properties"]["retail_price"];
        assert_eq!(price["type"], "string");
        assert_eq!(price["pattern"], DECIMAL_PATTERN);
        let growth = &schema["$defs"]["Plan"]["properties"]["price_growth"];
        assert_eq!(growth["type"], serde_json::json!(["string", "null"]));
    }

    #[test]
    fn tagged_enums_are_one_of_with_a_const_method() {
        let schema = deal_schema();
        let branches = schema["$defs"]["Exit"]["oneOf"].as_array().unwrap();
        let methods: Vec<&str> = branches
            .iter()
            .map(|b| b["properties"]["method"]["const"].as_str().unwrap())
            .collect();
        assert_eq!(
            methods,
            ["none", "book_value", "ebitda_multiple", "perpetuity"]
        );
        assert!(branches.iter().all(|b| b["additionalProperties"] == false));
    }

    /// The schema is the file format: any change to it shows up here for review.
    #[test]
    fn schema_snapshot() {
        insta::assert_json_snapshot!("deal_schema", deal_schema());
    }

    #[test]
    fn every_ref_resolves() {
        let schema = deal_schema();
        let text = schema.to_string();
        for piece in text.split("\"$ref\":\"#/$defs/").skip(1) {
            let name = piece.split('"').next().unwrap();
            assert!(
                schema["$defs"].get(name).is_some(),
                "dangling $ref to {name}"
            );
        }
    }
}
