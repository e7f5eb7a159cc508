//! Comparing two versions: which inputs changed, and how each party's figures moved.

use jv_engine::Deal;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::types::{InputChange, PartyFigures, PartyMove, VersionDiff, VersionMeta};
use crate::{Store, StoreError, figures};

#[derive(sqlx::FromRow)]
struct Side {
    #[sqlx(flatten)]
    meta: VersionMeta,
    deal_json: String,
}

impl Store {
    /// The changed inputs and the parties' figures of version `from` against version `to`.
    pub async fn compare_versions(
        &self,
        deal_id: &str,
        from: u32,
        to: u32,
    ) -> Result<VersionDiff, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let mut sides = Vec::with_capacity(2);
        for number in [from, to] {
            let side = sqlx::query_as::<_, Side>(
                "SELECT deal_id, number, saved_at, note, evaluated, deal_json FROM versions \
                 WHERE deal_id = ? AND number = ?",
            )
            .bind(deal_id)
            .bind(number)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| StoreError::not_found(format!("version {number} of deal {deal_id}")))?;
            // Versions are immutable, so reading the figures outside one transaction is safe.
            let figures = figures::of_version(&mut conn, deal_id, number).await?;
            let value: Value =
                serde_json::from_str(&side.deal_json).map_err(|e| StoreError::InvalidDeal {
                    message: format!(
                        "version {number} of deal {deal_id} can no longer be read as a deal: {e}"
                    ),
                })?;
            sides.push((side.meta, value, figures));
        }
        let (after, before) = match (sides.pop(), sides.pop()) {
            (Some(after), Some(before)) => (after, before),
            _ => return Err(StoreError::not_found(format!("deal {deal_id}"))),
        };
        Ok(VersionDiff {
            deal_id: deal_id.to_owned(),
            from,
            to,
            inputs: changes(&before.1, &after.1),
            parties: party_moves(&before.1, &before.2, &after.1, &after.2),
        })
    }
}

/// Every changed input between two deals, in file order (e.g. what applying a preset changed).
pub fn diff_deals(before: &Deal, after: &Deal) -> Vec<InputChange> {
    // A deal is plain data with string decimals and always serializes; null stands in for a
    // failure that cannot happen rather than a panic.
    let tree = |deal: &Deal| serde_json::to_value(deal).unwrap_or(Value::Null);
    changes(&tree(before), &tree(after))
}

/// Every difference between two JSON trees, in the order of `before` then what `after` adds.
pub(crate) fn changes(before: &Value, after: &Value) -> Vec<InputChange> {
    let mut out = Vec::new();
    walk(String::new(), Some(before), Some(after), &mut out);
    out
}

fn walk(path: String, before: Option<&Value>, after: Option<&Value>, out: &mut Vec<InputChange>) {
    match (before, after) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => objects(&path, a, b, out),
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                walk(format!("{path}[{i}]"), a.get(i), b.get(i), out);
            }
        }
        (a, b) => {
            if same_number(a, b) {
                return;
            }
            let (a, b) = (a.and_then(text), b.and_then(text));
            if a != b {
                out.push(InputChange {
                    path,
                    before: a,
                    after: b,
                });
            }
        }
    }
}

fn objects(path: &str, a: &Map<String, Value>, b: &Map<String, Value>, out: &mut Vec<InputChange>) {
    let child = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    for (key, value) in a {
        walk(child(key), Some(value), b.get(key), out);
    }
    for (key, value) in b {
        if !a.contains_key(key) {
            walk(child(key), None, Some(value), out);
        }
    }
}

/// Whether both are decimals written differently but equal ("0.30" and "0.3"): a preset or
/// a re-typed field that only changes how a number is written changes nothing.
fn same_number(a: Option<&Value>, b: Option<&Value>) -> bool {
    let number = |value: Option<&Value>| match value {
        Some(Value::String(s)) => Decimal::from_str_exact(s).ok(),
        _ => None,
    };
    matches!((number(a), number(b)), (Some(a), Some(b)) if a == b)
}

/// How a value is shown: strings without quotes, subtrees as compact JSON, null as absent.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Parties of both versions by id: the older version's order, then the ones added.
fn party_moves(
    before: &Value,
    before_figures: &[PartyFigures],
    after: &Value,
    after_figures: &[PartyFigures],
) -> Vec<PartyMove> {
    let (old, new) = (parties(before), parties(after));
    let mut ids: Vec<&str> = old.iter().map(|(id, _)| *id).collect();
    ids.extend(
        new.iter()
            .map(|(id, _)| *id)
            .filter(|id| !old.iter().any(|(o, _)| o == id)),
    );
    let name_in = |list: &[(&str, &str)], id: &str| {
        list.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| (*n).to_owned())
    };
    let figures_in =
        |list: &[PartyFigures], id: &str| list.iter().find(|f| f.party_id == id).cloned();
    ids.into_iter()
        .map(|id| PartyMove {
            party_id: id.to_owned(),
            name: name_in(&new, id)
                .or_else(|| name_in(&old, id))
                .unwrap_or_default(),
            before: figures_in(before_figures, id),
            after: figures_in(after_figures, id),
        })
        .collect()
}

/// (id, name) of each party in a stored deal, skipping entries without an id.
fn parties(deal: &Value) -> Vec<(&str, &str)> {
    deal.get("parties")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|p| {
                    let id = p.get("id")?.as_str()?;
                    Some((id, p.get("name").and_then(Value::as_str).unwrap_or(id)))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use serde_json::json;

    use super::*;

    fn change(path: &str, before: Option<&str>, after: Option<&str>) -> InputChange {
        InputChange {
            path: path.to_owned(),
            before: before.map(str::to_owned),
            after: after.map(str::to_owned),
        }
    }

    #[test]
    fn equal_trees_have_no_changes() {
        let deal = json!({"name": "x", "parties": [{"id": "a"}], "plan": {"rate": "0.1"}});
        assert!(changes(&deal, &deal).is_empty());
    }

    #[test]
    fn paths_use_dots_and_indexes() {
        let before = json!({
            "name": "JV",
            "parties": [{"id": "a", "contributions": [{"valuation": {"value": "100"}}]},
                        {"id": "b", "contributions": [{"valuation": {"value": "200"}}]}],
            "horizon_years": 10,
            "flag": true
        });
        let after = json!({
            "name": "JV 2",
            "parties": [{"id": "a", "contributions": [{"valuation": {"value": "100"}}]},
                        {"id": "b", "contributions": [{"valuation": {"value": "250"}}]}],
            "horizon_years": 12,
            "flag": false
        });
        assert_eq!(
            changes(&before, &after),
            [
                change("name", Some("JV"), Some("JV 2")),
                change(
                    "parties[1].contributions[0].valuation.value",
                    Some("200"),
                    Some("250")
                ),
                change("horizon_years", Some("10"), Some("12")),
                change("flag", Some("true"), Some("false")),
            ]
        );
    }

    #[test]
    fn added_and_removed_subtrees_are_one_change_each() {
        let before =
            json!({"capex": [{"name": "line", "amount": "5"}], "loan": null, "gone": {"a": 1}});
        let after = json!({
            "capex": [{"name": "line", "amount": "5"}, {"name": "fit-out", "amount": "2"}],
            "loan": {"amount": "50", "rate": "0.14"},
            "new": [1, 2]
        });
        assert_eq!(
            changes(&before, &after),
            [
                change("capex[1]", None, Some(r#"{"name":"fit-out","amount":"2"}"#)),
                change("loan", None, Some(r#"{"amount":"50","rate":"0.14"}"#)),
                change("gone", Some(r#"{"a":1}"#), None),
                change("new", None, Some("[1,2]")),
            ]
        );
    }

    #[test]
    fn a_change_of_kind_shows_both_sides() {
        let before = json!({"units": {"method": "ramp", "first_year": "600"}});
        let after = json!({"units": {"method": "explicit", "units": ["1", "2"]}});
        assert_eq!(
            changes(&before, &after),
            [
                change("units.method", Some("ramp"), Some("explicit")),
                change("units.first_year", Some("600"), None),
                change("units.units", None, Some(r#"["1","2"]"#)),
            ]
        );
    }

    #[test]
    fn a_number_written_another_way_is_not_a_change() {
        let before = json!({"rate": "0.30", "fx": "129", "name": "0.5"});
        let after = json!({"rate": "0.3", "fx": "129.00", "name": "0.50 "});
        assert_eq!(
            changes(&before, &after),
            [change("name", Some("0.5"), Some("0.50 "))]
        );
    }

    #[test]
    fn parties_are_matched_by_id() {
        let before = json!({"parties": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]});
        let after = json!({"parties": [{"id": "c", "name": "C"}, {"id": "a", "name": "A2"}]});
        let moves = party_moves(&before, &[], &after, &[]);
        let summary: Vec<(&str, &str)> = moves
            .iter()
            .map(|m| (m.party_id.as_str(), m.name.as_str()))
            .collect();
        assert_eq!(summary, [("a", "A2"), ("b", "B"), ("c", "C")]);
    }
}
