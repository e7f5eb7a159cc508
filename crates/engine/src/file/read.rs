//! Reading a `.jvdeal` file: syntax, then the format version, then its structure against the
//! schema, then the deal's meaning; every problem of the last two is listed at once.

use serde_json::Value;

use super::schema;
use super::structure::{self, Findings};
use crate::model::{Deal, SCHEMA_VERSION};
use crate::problem::{DealError, FieldError};
use crate::validate::{is_party_reference, validate};

/// Reads a deal from the text of a `.jvdeal` file, or says everything that is wrong with it.
///
/// - not JSON: [`DealError::Syntax`] with the line and column;
/// - written by a newer JV Studio: [`DealError::NewerSchema`] and nothing else, since the
///   rest of the file follows rules this build does not know;
/// - otherwise [`DealError::Invalid`] with every structural problem (unknown, missing or
///   mistyped fields) and every problem of meaning ([`validate`]) at once. With structural
///   problems, the meaning is checked on a copy with the broken fields repaired (dropped,
///   defaulted or given a neutral placeholder), and what that check says about the repaired
///   fields is left out, so a typo does not hide a negative price elsewhere.
pub fn read_deal(text: &str) -> Result<Deal, DealError> {
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
    let version_error = if value.is_object() {
        check_version(&value)?
    } else {
        None
    };
    let mut findings = structure::check(schema::cached(), &value);
    let mut errors = Vec::new();
    if let Some(error) = version_error {
        // Checked first with its own message; the schema walk would repeat it.
        findings.errors.retain(|e| e.path != "schema_version");
        findings.unreliable.push("schema_version".to_owned());
        errors.push(error);
    }
    errors.append(&mut findings.errors);
    if errors.is_empty() {
        let deal = strict(value)?;
        let errors = validate(&deal);
        return if errors.is_empty() {
            Ok(deal)
        } else {
            Err(DealError::Invalid(errors))
        };
    }
    errors.extend(meaning_of_the_rest(value, &findings));
    Err(DealError::Invalid(errors))
}

/// Deserializes a structurally valid file.
fn strict(value: Value) -> Result<Deal, DealError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        // The schema check should have caught everything serde refuses; if not, say where.
        let path = path_text(e.path());
        DealError::Invalid(vec![FieldError::new(
            path,
            format!("could not be read: {}", e.inner()),
        )])
    })
}

/// The semantic errors of the repaired file that are not about what was repaired.
fn meaning_of_the_rest(mut value: Value, findings: &Findings) -> Vec<FieldError> {
    if !value.is_object() {
        return Vec::new();
    }
    structure::apply(&mut value, &findings.repairs);
    let Ok(mut deal) = serde_json::from_value::<Deal>(value) else {
        return Vec::new();
    };
    let unreliable = &findings.unreliable;
    if unreliable.iter().any(|u| u.is_empty()) {
        return Vec::new();
    }
    if unreliable.iter().any(|u| u == "horizon_years") {
        // No horizon: the rules that depend on it are skipped rather than run on a stand-in.
        deal.horizon_years = 0;
    }
    let ids_unreliable = unreliable.iter().any(|u| touches_party_ids(u));
    validate(&deal)
        .into_iter()
        .filter(|e| !unreliable.iter().any(|u| related(u, &e.path)))
        .filter(|e| !(ids_unreliable && is_party_reference(&e.path)))
        .collect()
}

/// Whether one path is the other or lies inside it.
fn related(a: &str, b: &str) -> bool {
    inside(a, b) || inside(b, a)
}

/// Whether `path` is `outer` or lies inside it.
fn inside(outer: &str, path: &str) -> bool {
    match path.strip_prefix(outer) {
        Some(rest) => {
            outer.is_empty() || rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
        }
        None => false,
    }
}

/// Whether a repair at `path` may have changed a party id (or the list of parties).
fn touches_party_ids(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("parties") else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let Some(after_index) = rest
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .map(|(_, after)| after)
    else {
        return false;
    };
    after_index.is_empty() || after_index == ".id"
}

fn syntax_error(error: &serde_json::Error) -> DealError {
    let (line, column) = (error.line(), error.column());
    let text = error.to_string();
    // serde_json ends its message with the position, which DealError shows on its own.
    let message = text
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&text)
        .to_owned();
    DealError::Syntax {
        message,
        line,
        column,
    }
}

/// The format version decides how to read everything else, so it is looked at before anything.
fn check_version(value: &Value) -> Result<Option<FieldError>, DealError> {
    let Some(version) = value.get("schema_version") else {
        return Ok(Some(FieldError::new("schema_version", "is required")));
    };
    match version.as_u64() {
        Some(found) if found > u64::from(SCHEMA_VERSION) => Err(DealError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        }),
        Some(0) | None => Ok(Some(FieldError::new(
            "schema_version",
            format!("must be a file-format version: a whole number from 1 to {SCHEMA_VERSION}"),
        ))),
        Some(_) => Ok(None),
    }
}

/// serde_path_to_error's path in the form used everywhere else: `parties[1].name`.
fn path_text(path: &serde_path_to_error::Path) -> String {
    let mut text = String::new();
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => text.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key }
            | serde_path_to_error::Segment::Enum { variant: key } => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_relate_by_segments() {
        assert!(related("plan", "plan.retail_price"));
        assert!(related("equity.shares", "equity.shares[0].share"));
        assert!(related("equity.shares[0].share", "equity.shares"));
        assert!(!related("plan.units", "plan.units_x"));
        assert!(related("", "anything"));
    }

    #[test]
    fn party_id_repairs_are_recognised() {
        assert!(touches_party_ids("parties"));
        assert!(touches_party_ids("parties[1]"));
        assert!(touches_party_ids("parties[1].id"));
        assert!(!touches_party_ids("parties[1].discount_rate"));
        assert!(!touches_party_ids("parties[1].contributions[0].id"));
    }
}
