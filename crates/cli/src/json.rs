//! The evaluation as JSON for tools.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Value, json};

use crate::failure::Failure;
use crate::market::MarketData;

/// Decimal places kept in the JSON output.
const PLACES: u32 = 6;

/// Keys whose string values are names or codes, never amounts, even when they look like
/// numbers (a party with the id `"2"` keeps it).
const TEXT_KEYS: &[&str] = &[
    "id",
    "name",
    "party",
    "code",
    "path",
    "message",
    "milestone",
    "source",
    "field",
    "as_of",
    "country",
    "version",
];

/// The evaluation as pretty-printed JSON, decimals rounded for tools, with the market data's
/// age (`data_age`) and, after `--market`, the preset applied (`market_preset`).
pub fn render(evaluation: &jv_engine::Evaluation, market: &MarketData) -> Result<String, Failure> {
    let mut value = serde_json::to_value(evaluation)
        .map_err(|error| Failure::Output(format!("cannot write the evaluation: {error}")))?;
    if let Value::Object(top) = &mut value {
        let stale: Vec<Value> = market
            .stale
            .iter()
            .map(|s| json!({ "field": s.field, "as_of": s.as_of, "months_old": s.months_old }))
            .collect();
        top.insert("data_age".to_owned(), Value::Array(stale));
        if let Some(preset) = &market.preset {
            let unknown: Vec<&str> = preset.unknown.iter().map(|(f, _)| f.as_str()).collect();
            top.insert(
                "market_preset".to_owned(),
                json!({
                    "country": preset.country,
                    "version": preset.version,
                    "unknown": unknown,
                    "cleared": preset.cleared,
                    "moved": preset.moved,
                    "rebased": preset.rebased,
                }),
            );
        }
    }
    round_decimals(&mut value);
    serde_json::to_string_pretty(&value)
        .map_err(|error| Failure::Output(format!("cannot write the evaluation: {error}")))
}

/// Rounds every decimal in `value` for tools.
///
/// The engine serialises each `Decimal` as a string with up to 28 places (e.g. an IRR of
/// `"0.1834129876543210987654321"`). Tools want stable, short numbers, so every string
/// written the way a `Decimal` is (an optional `-`, digits, optionally `.` and digits) is
/// rounded half away from zero to at most 6 places and stripped of trailing zeros
/// (`"1200000.000000"` → `"1200000"`, `"-0.0000001"` → `"0"`). Every other string (names,
/// codes, paths, notes, statuses) is left alone, and so are strings under the keys in
/// `TEXT_KEYS`, which hold names even when they look like numbers. Amounts stay strings, as
/// in the engine's own output: no precision is lost to binary floating point.
pub fn round_decimals(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let Some(rounded) = round_text(text) {
                *text = rounded;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(round_decimals),
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if !(TEXT_KEYS.contains(&key.as_str()) && item.is_string()) {
                    round_decimals(item);
                }
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// `text` rounded, when it is a decimal numeral.
fn round_text(text: &str) -> Option<String> {
    if !is_decimal_numeral(text) {
        return None;
    }
    let value: Decimal = text.parse().ok()?;
    let rounded = value.round_dp_with_strategy(PLACES, RoundingStrategy::MidpointAwayFromZero);
    let normal = if rounded.is_zero() {
        Decimal::ZERO
    } else {
        rounded.normalize()
    };
    Some(normal.to_string())
}

/// Whether `text` is written as `rust_decimal` writes a `Decimal`: `-?digits(.digits)?`.
fn is_decimal_numeral(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_rounded_to_six_places_and_normalised() {
        let mut value = json!({
            "irr": "0.1834129876543210987654321",
            "npv": "-1234.5000000",
            "tiny": "-0.0000001",
            "half": "0.0000005",
            "whole": "1200000",
            "list": ["1.10", "2"],
        });
        round_decimals(&mut value);
        assert_eq!(
            value,
            json!({
                "irr": "0.183413",
                "npv": "-1234.5",
                "tiny": "0",
                "half": "0.000001",
                "whole": "1200000",
                "list": ["1.1", "2"],
            })
        );
    }

    #[test]
    fn text_is_left_alone() {
        let mut value = json!({
            "id": "007",
            "party": "2.50",
            "name": "1.0",
            "irr_note": "no cash invested",
            "currency": "KES",
            "year": 3,
            "moic": null,
            "odd": ["1e5", "NaN", "+1", ".5", "1.", "1,000"],
        });
        let before = value.clone();
        round_decimals(&mut value);
        assert_eq!(value, before);
    }
}
