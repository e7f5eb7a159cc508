//! Checks a raw JSON value against the generated schema and lists every structural problem.
//!
//! Implements exactly the subset of JSON Schema that schemars emits for the model types
//! (`$ref`/`$defs`, `type`, `properties`, `required`, `additionalProperties`, `items`,
//! `const`, `enum`, `oneOf`/`anyOf`, the decimal `pattern`, `minimum` and the unsigned
//! `format`s), so the schema stays the single source of truth and every message can be
//! written for people rather than for schema experts. A schema test guards the subset.
//!
//! Besides the errors it records a *repair* for each: the unknown field to drop, or a
//! placeholder (the field's default, or a neutral value) for a missing or broken one. The
//! reader applies them to a copy so that the rest of the deal can still be checked for
//! meaning, and ignores what the meaning checks say about the repaired fields.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::schema::DECIMAL_PATTERN;
use super::suggest::closest;
use crate::problem::FieldError;

/// What a decimal field says when it holds anything but a decimal string.
pub(crate) const DECIMAL_MESSAGE: &str =
    "must be a decimal number written as a string, like \"0.25\"";

/// Deeper than any path the schema describes; a guard against a self-referencing schema.
const MAX_DEPTH: usize = 64;

const OBJECT: &str = "a group of fields in braces { … }";

/// One step of a path into the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// A field of an object.
    Key(String),
    /// An element of a list.
    Index(usize),
}

/// A path as people read it: `parties[1].contributions[0].valuation.value`.
pub(crate) fn render(path: &[Seg]) -> String {
    let mut text = String::new();
    for seg in path {
        match seg {
            Seg::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Seg::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// How to make a broken spot of the file structurally valid.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    /// Drop the (unknown) field.
    Remove,
    /// Put this value there (replacing or adding it).
    Set(Value),
}

/// A repair at one path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Repair {
    /// Where.
    pub path: Vec<Seg>,
    /// What.
    pub action: Action,
}

/// What the structural check found.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// Every structural problem.
    pub errors: Vec<FieldError>,
    /// How to make the file structurally valid.
    pub repairs: Vec<Repair>,
    /// Paths (rendered) whose content after repair is a placeholder, so meaning checks at,
    /// above or below them say nothing about the user's file. For an enum value this is the
    /// object holding it, since its siblings are read in the light of it.
    pub unreliable: Vec<String>,
}

/// Every structural problem of `value` against `schema` (whose `$defs` resolve `$ref`s).
pub(crate) fn check(schema: &Value, value: &Value) -> Findings {
    let mut walker = Walker {
        root: schema,
        found: Findings::default(),
    };
    walker.walk(schema, value, &[], 0);
    walker.found
}

/// Applies `repairs` to `value`; a repair whose path no longer exists is skipped.
pub(crate) fn apply(value: &mut Value, repairs: &[Repair]) {
    for repair in repairs {
        let Some((last, parents)) = repair.path.split_last() else {
            if let Action::Set(placeholder) = &repair.action {
                *value = placeholder.clone();
            }
            continue;
        };
        let mut target = Some(&mut *value);
        for seg in parents {
            target = match (target, seg) {
                (Some(Value::Object(map)), Seg::Key(key)) => map.get_mut(key),
                (Some(Value::Array(items)), Seg::Index(index)) => items.get_mut(*index),
                _ => None,
            };
        }
        match (target, last, &repair.action) {
            (Some(Value::Object(map)), Seg::Key(key), Action::Remove) => {
                map.remove(key);
            }
            (Some(Value::Object(map)), Seg::Key(key), Action::Set(placeholder)) => {
                map.insert(key.clone(), placeholder.clone());
            }
            (Some(Value::Array(items)), Seg::Index(index), Action::Set(placeholder)) => {
                if let Some(slot) = items.get_mut(*index) {
                    *slot = placeholder.clone();
                }
            }
            _ => {}
        }
    }
}

struct Walker<'s> {
    root: &'s Value,
    found: Findings,
}

fn child(path: &[Seg], seg: Seg) -> Vec<Seg> {
    let mut path = path.to_vec();
    path.push(seg);
    path
}

fn parent(path: &[Seg]) -> &[Seg] {
    path.split_last().map_or(path, |(_, parent)| parent)
}

impl<'s> Walker<'s> {
    /// An error at `path`, repaired with `placeholder`; `unreliable` is what the repair taints.
    fn fail(
        &mut self,
        path: &[Seg],
        message: impl Into<String>,
        placeholder: Value,
        unreliable: &[Seg],
    ) {
        self.found
            .errors
            .push(FieldError::new(render(path), message));
        self.found.repairs.push(Repair {
            path: path.to_vec(),
            action: Action::Set(placeholder),
        });
        self.found.unreliable.push(render(unreliable));
    }

    /// Follows `$ref`s to the schema that says something; `None` if one dangles.
    fn resolve(&self, mut schema: &'s Value) -> Option<&'s Value> {
        for _ in 0..MAX_DEPTH {
            let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
                return Some(schema);
            };
            let name = reference.strip_prefix("#/$defs/")?;
            schema = self.root.get("$defs")?.get(name)?;
        }
        None
    }

    fn walk(&mut self, original: &'s Value, value: &Value, path: &[Seg], depth: usize) {
        if depth > MAX_DEPTH {
            self.fail(path, "is nested too deeply", Value::Null, path);
            return;
        }
        let Some(schema) = self.resolve(original) else {
            // A bug in the schema, not in the file; still refuse rather than let it through.
            let message = "cannot be checked: JV Studio's description of the file is incomplete";
            self.fail(path, message, Value::Null, path);
            return;
        };
        let Value::Object(rules) = schema else {
            if schema == &Value::Bool(false) {
                self.fail(path, "is not allowed here", Value::Null, path);
            }
            return;
        };
        if let Some(branches) = rules.get("oneOf").or_else(|| rules.get("anyOf")) {
            if let Value::Array(branches) = branches {
                self.alternatives(original, branches, value, path, depth);
            }
            return;
        }
        if let Some(types) = rules.get("type")
            && !type_matches(types, value)
        {
            let message = format!("must be {}", self.describe(schema));
            let placeholder = self.placeholder(original, depth);
            self.fail(path, message, placeholder, path);
            return;
        }
        if let Some(expected) = rules.get("const") {
            if value != expected {
                self.fail(
                    path,
                    format!("must be {expected}"),
                    expected.clone(),
                    parent(path),
                );
            }
            return;
        }
        if let Some(Value::Array(allowed)) = rules.get("enum") {
            if !allowed.contains(value) {
                let placeholder = self.placeholder(original, depth);
                self.fail(path, one_of(allowed, value), placeholder, parent(path));
            }
            return;
        }
        let problem = match value {
            Value::String(text) => string_problem(rules, text),
            Value::Number(number) => number_problem(rules, number),
            Value::Array(items) => {
                if let Some(item_schema) = rules.get("items") {
                    for (index, item) in items.iter().enumerate() {
                        self.walk(
                            item_schema,
                            item,
                            &child(path, Seg::Index(index)),
                            depth + 1,
                        );
                    }
                }
                None
            }
            Value::Object(fields) => {
                self.object(rules, fields, path, depth);
                None
            }
            Value::Null | Value::Bool(_) => None,
        };
        if let Some(message) = problem {
            let placeholder = self.placeholder(original, depth);
            self.fail(path, message, placeholder, path);
        }
    }

    fn object(
        &mut self,
        rules: &'s Map<String, Value>,
        fields: &Map<String, Value>,
        path: &[Seg],
        depth: usize,
    ) {
        let properties = rules.get("properties").and_then(Value::as_object);
        let extra = rules.get("additionalProperties");
        let allowed: Vec<&str> = properties
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        // A required field that a typo seems to stand for: "did you mean" says it already.
        let mut meant: Vec<&str> = Vec::new();
        for (name, field) in fields {
            let field_path = child(path, Seg::Key(name.clone()));
            if let Some(field_schema) = properties.and_then(|p| p.get(name)) {
                self.walk(field_schema, field, &field_path, depth + 1);
            } else if extra == Some(&Value::Bool(false)) {
                let message = match closest(name, allowed.iter().copied()) {
                    Some(near) => {
                        meant.push(near);
                        format!("unknown field \"{name}\"; did you mean \"{near}\"?")
                    }
                    None if allowed.is_empty() => {
                        format!("unknown field \"{name}\"; no fields are allowed here")
                    }
                    None => format!(
                        "unknown field \"{name}\"; the fields allowed here are {}",
                        allowed.join(", ")
                    ),
                };
                self.found
                    .errors
                    .push(FieldError::new(render(&field_path), message));
                self.found.repairs.push(Repair {
                    path: field_path,
                    action: Action::Remove,
                });
            } else if let Some(extra_schema @ Value::Object(_)) = extra {
                self.walk(extra_schema, field, &field_path, depth + 1);
            }
        }
        let Some(Value::Array(required)) = rules.get("required") else {
            return;
        };
        for name in required.iter().filter_map(Value::as_str) {
            if fields.contains_key(name) {
                continue;
            }
            let field_path = child(path, Seg::Key(name.to_owned()));
            let placeholder = match properties.and_then(|p| p.get(name)) {
                Some(field_schema) => self.placeholder(field_schema, depth),
                None => Value::Null,
            };
            if meant.contains(&name) {
                self.found.repairs.push(Repair {
                    path: field_path.clone(),
                    action: Action::Set(placeholder),
                });
                self.found.unreliable.push(render(&field_path));
            } else {
                self.fail(&field_path, "is required", placeholder, &field_path);
            }
        }
    }

    /// `oneOf`/`anyOf`: a list of names, a tagged enum, or an optional value.
    fn alternatives(
        &mut self,
        original: &'s Value,
        branches: &'s [Value],
        value: &Value,
        path: &[Seg],
        depth: usize,
    ) {
        let branches: Vec<&'s Value> = branches.iter().filter_map(|b| self.resolve(b)).collect();
        // A plain enum: every branch is one constant name.
        let constants: Option<Vec<&Value>> = branches.iter().map(|b| b.get("const")).collect();
        if let Some(constants) = constants {
            if !constants.contains(&value) {
                let placeholder = self.placeholder(original, depth);
                self.fail(path, one_of(constants, value), placeholder, parent(path));
            }
            return;
        }
        // A tagged enum: check against the one variant its tag names, so errors are about it.
        if let Some(tag) = discriminator(&branches) {
            let names: Vec<&Value> = branches.iter().filter_map(|b| tag_value(b, tag)).collect();
            let Value::Object(fields) = value else {
                let placeholder = self.placeholder(original, depth);
                self.fail(path, format!("must be {OBJECT}"), placeholder, path);
                return;
            };
            let tag_path = child(path, Seg::Key(tag.to_owned()));
            let message = match fields.get(tag) {
                None => format!("is required: one of {}", list(names)),
                Some(given) => match branches.iter().find(|b| tag_value(b, tag) == Some(given)) {
                    Some(branch) => return self.variant(branch, value, path, depth, tag, given),
                    None => one_of(names, given),
                },
            };
            self.found
                .errors
                .push(FieldError::new(render(&tag_path), message));
            let placeholder = self.placeholder(original, depth);
            self.found.repairs.push(Repair {
                path: path.to_vec(),
                action: Action::Set(placeholder),
            });
            self.found.unreliable.push(render(path));
            return;
        }
        // Anything else (in practice `Option<T>`: T or null): the first branch that fits wins;
        // otherwise the findings of the branch of the right JSON type, or one type message.
        let mut fitting: Option<Findings> = None;
        for branch in &branches {
            let mut trial = Walker {
                root: self.root,
                found: Findings::default(),
            };
            trial.walk(branch, value, path, depth + 1);
            if trial.found.errors.is_empty() {
                return;
            }
            if fitting.is_none() && self.accepts_kind(branch, value, depth) {
                fitting = Some(trial.found);
            }
        }
        match fitting {
            Some(found) => {
                self.found.errors.extend(found.errors);
                self.found.repairs.extend(found.repairs);
                self.found.unreliable.extend(found.unreliable);
            }
            None => {
                let kinds: Vec<String> = branches.iter().map(|b| self.describe(b)).collect();
                let placeholder = self.placeholder(original, depth);
                self.fail(
                    path,
                    format!("must be {}", kinds.join(", or ")),
                    placeholder,
                    path,
                );
            }
        }
    }

    /// Walks one variant of a tagged enum. A field the variant requires says which variant
    /// requires it, since the same field is optional or unknown in the others.
    fn variant(
        &mut self,
        branch: &'s Value,
        value: &Value,
        path: &[Seg],
        depth: usize,
        tag: &str,
        given: &Value,
    ) {
        let before = self.found.errors.len();
        self.walk(branch, value, path, depth + 1);
        let own = render(path);
        let name = list([given]);
        for error in &mut self.found.errors[before..] {
            let direct = error
                .path
                .strip_prefix(own.as_str())
                .and_then(|rest| {
                    if own.is_empty() {
                        Some(rest)
                    } else {
                        rest.strip_prefix('.')
                    }
                })
                .is_some_and(|field| !field.contains(['.', '[']));
            if direct && error.message == "is required" {
                error.message = format!("is required when {tag} is \"{name}\"");
            }
        }
    }

    /// Whether `value` is of a JSON kind `schema` could accept (to choose which branch to blame).
    fn accepts_kind(&self, schema: &'s Value, value: &Value, depth: usize) -> bool {
        let Some(schema) = self.resolve(schema) else {
            return false;
        };
        if let Some(types) = schema.get("type") {
            return type_matches(types, value);
        }
        if let Some(Value::Array(branches)) = schema.get("oneOf").or_else(|| schema.get("anyOf")) {
            return depth < MAX_DEPTH
                && branches
                    .iter()
                    .any(|b| self.accepts_kind(b, value, depth + 1));
        }
        match schema.get("const") {
            Some(constant) => std::mem::discriminant(constant) == std::mem::discriminant(value),
            None => true,
        }
    }

    /// What a schema accepts, as the end of "must be …".
    fn describe(&self, schema: &'s Value) -> String {
        let Some(schema) = self.resolve(schema) else {
            return "something else".to_owned();
        };
        if let Some(Value::Array(branches)) = schema.get("oneOf").or_else(|| schema.get("anyOf")) {
            let resolved: Vec<&'s Value> =
                branches.iter().filter_map(|b| self.resolve(b)).collect();
            let constants: Option<Vec<&Value>> = resolved.iter().map(|b| b.get("const")).collect();
            if let Some(constants) = constants {
                return format!("one of {}", list(constants));
            }
            if discriminator(&resolved).is_some() {
                return OBJECT.to_owned();
            }
            // Only `Option<T>` reaches here, one level deep: no unbounded recursion.
            let kinds: Vec<String> = resolved
                .iter()
                .map(|b| {
                    if b.get("anyOf").or_else(|| b.get("oneOf")).is_some() {
                        OBJECT.to_owned()
                    } else {
                        self.describe(b)
                    }
                })
                .collect();
            return kinds.join(", or ");
        }
        let decimal = schema.get("pattern").and_then(Value::as_str) == Some(DECIMAL_PATTERN);
        let names: Vec<&str> = match schema.get("type") {
            Some(Value::String(name)) => vec![name.as_str()],
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let kinds: Vec<&str> = names
            .iter()
            .filter(|name| **name != "null")
            .map(|name| match *name {
                "string" if decimal => DECIMAL_MESSAGE.trim_start_matches("must be "),
                "string" => "text in quotes",
                "integer" => "a whole number",
                "number" => "a number",
                "boolean" => "true or false",
                "array" => "a list in square brackets [ … ]",
                "object" => OBJECT,
                _ => "something else",
            })
            .collect();
        let text = kinds.join(" or ");
        match (names.contains(&"null"), text.is_empty()) {
            (true, true) => "null".to_owned(),
            (true, false) => format!("{text}, or null"),
            (false, _) => text,
        }
    }

    /// A structurally valid stand-in for a broken or missing value: the field's default if
    /// it has one (so meaning checks see what serde would use), else the most neutral value.
    fn placeholder(&self, original: &'s Value, depth: usize) -> Value {
        if let Some(default) = original.get("default") {
            return default.clone();
        }
        let Some(schema) = self.resolve(original) else {
            return Value::Null;
        };
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        if let Some(constant) = schema.get("const") {
            return constant.clone();
        }
        if let Some(Value::Array(branches)) = schema.get("oneOf").or_else(|| schema.get("anyOf")) {
            let resolved: Vec<&'s Value> =
                branches.iter().filter_map(|b| self.resolve(b)).collect();
            if resolved
                .iter()
                .any(|b| b.get("type").is_some_and(|t| type_matches(t, &Value::Null)))
            {
                return Value::Null;
            }
            return resolved
                .first()
                .map_or(Value::Null, |b| self.placeholder(b, depth + 1));
        }
        let names: Vec<&str> = match schema.get("type") {
            Some(Value::String(name)) => vec![name.as_str()],
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if names.contains(&"null") {
            return Value::Null;
        }
        match names.first().copied() {
            Some("string")
                if schema.get("pattern").and_then(Value::as_str) == Some(DECIMAL_PATTERN) =>
            {
                Value::String("0".to_owned())
            }
            Some("string") => Value::String(String::new()),
            Some("integer") => schema
                .get("minimum")
                .cloned()
                .unwrap_or_else(|| Value::from(0)),
            Some("number") => Value::from(0),
            Some("boolean") => Value::Bool(false),
            Some("array") => Value::Array(Vec::new()),
            Some("object") => {
                let mut object = Map::new();
                let properties = schema.get("properties");
                if let Some(Value::Array(required)) = schema.get("required") {
                    for name in required.iter().filter_map(Value::as_str) {
                        if let Some(field_schema) = properties.and_then(|p| p.get(name)) {
                            object
                                .insert(name.to_owned(), self.placeholder(field_schema, depth + 1));
                        }
                    }
                }
                Value::Object(object)
            }
            _ => Value::Null,
        }
    }
}

fn string_problem(rules: &Map<String, Value>, text: &str) -> Option<String> {
    let pattern = rules.get("pattern").and_then(Value::as_str)?;
    // The decimal pattern is the only one the schema uses (a schema test checks it).
    if pattern != DECIMAL_PATTERN {
        return None;
    }
    if !is_decimal_text(text) {
        Some(DECIMAL_MESSAGE.to_owned())
    } else if Decimal::from_str(text).is_err() {
        Some("is too large a number: at most 28 digits fit in a decimal".to_owned())
    } else {
        None
    }
}

fn number_problem(rules: &Map<String, Value>, number: &serde_json::Number) -> Option<String> {
    if let Some(minimum) = rules.get("minimum").and_then(Value::as_i64)
        && number.as_i64().is_some_and(|n| n < minimum)
    {
        return Some(if minimum == 0 {
            "must not be negative".to_owned()
        } else {
            format!("must be {minimum} or more")
        });
    }
    let largest = match rules.get("format").and_then(Value::as_str) {
        Some("uint8") => u64::from(u8::MAX),
        Some("uint16") => u64::from(u16::MAX),
        Some("uint32") => u64::from(u32::MAX),
        _ => return None,
    };
    number
        .as_u64()
        .is_some_and(|n| n > largest)
        .then(|| format!("is too large: the largest whole number allowed here is {largest}"))
}

/// The names of a list of constants, for "must be one of …".
fn list<'a>(values: impl IntoIterator<Item = &'a Value>) -> String {
    let names: Vec<String> = values
        .into_iter()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    names.join(", ")
}

/// "must be one of …" for a name that is not allowed, with the closest allowed name when the
/// given one looks like a slip of it.
fn one_of<'a>(allowed: impl IntoIterator<Item = &'a Value> + Clone, given: &Value) -> String {
    let names = list(allowed.clone());
    let near = given.as_str().and_then(|word| {
        let candidates: Vec<&str> = allowed.into_iter().filter_map(Value::as_str).collect();
        closest(word, candidates)
    });
    match near {
        Some(near) => format!("must be one of {names}; did you mean \"{near}\"?"),
        None => format!("must be one of {names}"),
    }
}

/// The property every branch fixes with a `const`: the tag of an internally tagged enum.
fn discriminator<'s>(branches: &[&'s Value]) -> Option<&'s str> {
    let first = branches.first()?.get("properties")?.as_object()?;
    first
        .iter()
        .filter(|(_, rule)| rule.get("const").is_some())
        .map(|(name, _)| name.as_str())
        .find(|name| branches.iter().all(|b| tag_value(b, name).is_some()))
}

fn tag_value<'s>(branch: &'s Value, tag: &str) -> Option<&'s Value> {
    branch.get("properties")?.get(tag)?.get("const")
}

fn type_matches(types: &Value, value: &Value) -> bool {
    match types {
        Value::String(name) => type_is(name, value),
        Value::Array(names) => names
            .iter()
            .filter_map(Value::as_str)
            .any(|name| type_is(name, value)),
        _ => true,
    }
}

fn type_is(name: &str, value: &Value) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        // serde refuses 1.0 for an integer field, so the check does too.
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    }
}

/// Whether `text` matches [`DECIMAL_PATTERN`]: `-?[0-9]+(\.[0-9]+)?`.
fn is_decimal_text(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_follows_the_pattern() {
        for good in ["0", "-0", "0.25", "-12.5", "1000000", "007"] {
            assert!(is_decimal_text(good), "{good}");
        }
        for bad in [
            "", "-", ".5", "5.", "1e3", "+1", "1,000", "0.2.5", " 1", "abc", "1.-2",
        ] {
            assert!(!is_decimal_text(bad), "{bad}");
        }
    }

    #[test]
    fn paths_render_like_the_rest_of_the_engine() {
        let path = [
            Seg::Key("parties".into()),
            Seg::Index(1),
            Seg::Key("id".into()),
        ];
        assert_eq!(render(&path), "parties[1].id");
        assert_eq!(render(&[]), "");
    }
}
