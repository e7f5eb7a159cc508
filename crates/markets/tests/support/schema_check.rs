//! A JSON Schema check for exactly the keywords and patterns the preset schema uses: an
//! unknown keyword or pattern fails the test rather than being skipped, so the check cannot
//! silently weaken when the schema grows.

use jv_markets::patterns::{
    AS_OF_PATTERN, COUNTRY_PATTERN, CURRENCY_PATTERN, DECIMAL_PATTERN, RATING_PATTERN,
    SOURCE_PATTERN, VALUE_PATTERN, VERSION_PATTERN,
};
use serde_json::Value;

/// Every place where `value` breaks `schema`, as "path: problem".
pub fn violations(schema: &Value, value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    walk(schema, schema, value, "", &mut found);
    found
}

fn walk(root: &Value, schema: &Value, value: &Value, path: &str, found: &mut Vec<String>) {
    let Value::Object(rules) = schema else {
        if schema == &Value::Bool(false) {
            found.push(format!("{path}: is not allowed"));
        }
        return;
    };
    for (keyword, rule) in rules {
        match keyword.as_str() {
            "$schema" | "$id" | "title" | "description" | "$defs" | "default" => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .unwrap()
                    .strip_prefix("#/$defs/")
                    .expect("local $ref");
                walk(root, &root["$defs"][name], value, path, found);
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("type {rule}"),
                };
                if !types.iter().any(|t| is_type(t, value)) {
                    found.push(format!("{path}: is not of type {types:?}: {value}"));
                }
            }
            "properties" => {
                if let Value::Object(object) = value {
                    for (name, sub) in rule.as_object().unwrap() {
                        if let Some(item) = object.get(name) {
                            walk(root, sub, item, &format!("{path}.{name}"), found);
                        }
                    }
                }
            }
            "required" => {
                if let Value::Object(object) = value {
                    for name in rule.as_array().unwrap() {
                        if !object.contains_key(name.as_str().unwrap()) {
                            found.push(format!("{path}: misses {name}"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Value::Object(object) = value {
                    let known = rules.get("properties").and_then(Value::as_object);
                    for (name, item) in object {
                        if known.is_some_and(|k| k.contains_key(name)) {
                            continue;
                        }
                        match rule {
                            Value::Bool(false) => {
                                found.push(format!("{path}: unknown key {name}"));
                            }
                            Value::Bool(true) => {}
                            sub => walk(root, sub, item, &format!("{path}.{name}"), found),
                        }
                    }
                }
            }
            "items" => {
                if let Value::Array(items) = value {
                    for (k, item) in items.iter().enumerate() {
                        walk(root, rule, item, &format!("{path}[{k}]"), found);
                    }
                }
            }
            "pattern" => {
                if let Value::String(text) = value
                    && !matches_pattern(rule.as_str().unwrap(), text)
                {
                    found.push(format!("{path}: \"{text}\" does not match {rule}"));
                }
            }
            "minLength" => {
                if let Value::String(text) = value
                    && (text.chars().count() as u64) < rule.as_u64().unwrap()
                {
                    found.push(format!("{path}: is too short"));
                }
            }
            "minimum" => {
                if let Some(number) = value.as_f64()
                    && number < rule.as_f64().unwrap()
                {
                    found.push(format!("{path}: is below {rule}"));
                }
            }
            "format" => {
                let ok = match rule.as_str().unwrap() {
                    "uint32" => value.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)),
                    other => panic!("format {other} is not checked"),
                };
                if !ok && !value.is_null() {
                    found.push(format!("{path}: is not a {rule}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    found.push(format!("{path}: {value} is not one of {rule}"));
                }
            }
            "const" => {
                if rule != value {
                    found.push(format!("{path}: {value} is not {rule}"));
                }
            }
            "oneOf" | "anyOf" => {
                let passing = rule
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|branch| {
                        let mut inner = Vec::new();
                        walk(root, branch, value, path, &mut inner);
                        inner.is_empty()
                    })
                    .count();
                let ok = if keyword == "oneOf" {
                    passing == 1
                } else {
                    passing >= 1
                };
                if !ok {
                    found.push(format!(
                        "{path}: {passing} branches of {keyword} match {value}"
                    ));
                }
            }
            other => panic!("the schema uses {other}, which this check does not implement"),
        }
    }
}

fn is_type(name: &str, value: &Value) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "null" => value.is_null(),
        other => panic!("type {other}"),
    }
}

/// The schema's patterns, each checked by hand (the crate has no regex engine).
fn matches_pattern(pattern: &str, text: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let upper = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase());
    let decimal = |s: &str| {
        let s = s.strip_prefix('-').unwrap_or(s);
        let (whole, fraction) = s.split_once('.').unwrap_or((s, "1"));
        let all = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        all(whole) && all(fraction)
    };
    match pattern {
        p if p == COUNTRY_PATTERN => upper(text, 2),
        p if p == CURRENCY_PATTERN => upper(text, 3),
        p if p == VERSION_PATTERN => {
            text.len() == 7 && digits(&text[..4], 4) && &text[4..5] == "-" && digits(&text[5..], 2)
        }
        p if p == AS_OF_PATTERN => {
            let parts: Vec<&str> = text.split('-').collect();
            match parts.as_slice() {
                [y] => digits(y, 4),
                [y, m] => digits(y, 4) && digits(m, 2),
                [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
                _ => false,
            }
        }
        p if p == SOURCE_PATTERN => {
            let rest = text
                .strip_prefix("https://")
                .or_else(|| text.strip_prefix("http://"));
            rest.is_some_and(|r| !r.is_empty() && !r.chars().any(char::is_whitespace))
        }
        p if p == VALUE_PATTERN => {
            matches!(text, "unknown" | "none" | "true" | "false") || decimal(text)
        }
        p if p == RATING_PATTERN => {
            !text.is_empty()
                && text
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-')
        }
        p if p == DECIMAL_PATTERN => decimal(text),
        other => panic!("pattern {other} is not checked"),
    }
}
