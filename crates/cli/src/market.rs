//! `--market`: the deal re-evaluated on a shipped market preset, the plan unchanged.

use jv_engine::Deal;
use serde_json::Value;

use crate::failure::Failure;

/// The preset swapped into the deal, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetUse {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// The country's name.
    pub name: String,
    /// The preset's version.
    pub version: String,
    /// The market fields the preset has no value for, each with the deal's own value that
    /// stays in use (`None` when the deal has none either).
    pub unknown: Vec<(String, Option<String>)>,
    /// Per-year market inputs dropped because they described the deal's former market.
    pub cleared: Vec<String>,
    /// The deal's own currency when the preset's differs: a kept exchange rate is in it.
    pub former_currency: Option<String>,
    /// Parties moved to the new market (local partners are resident where the JV is).
    pub moved: Vec<String>,
    /// Local-currency amounts converted to the new currency.
    pub rebased: Vec<String>,
    /// The spot rate given with `--fx-spot`.
    pub fx_spot: Option<rust_decimal::Decimal>,
}

/// A market value older than 12 months, for "Data age".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The field inside `market`.
    pub field: String,
    /// When its source stated it.
    pub as_of: String,
    /// Whole months between then and today.
    pub months_old: u32,
}

/// What the report says about the market's data besides the evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarketData {
    /// The day the data's age is measured on, `YYYY-MM-DD`.
    pub today: String,
    /// Whether the market has any dated value at all.
    pub dated: bool,
    /// The values older than 12 months.
    pub stale: Vec<Stale>,
    /// The preset swapped in with `--market`, if any.
    pub preset: Option<PresetUse>,
}

impl MarketData {
    /// The age of `deal`'s market values on `today`, and the preset applied, if any.
    pub fn of(deal: &Deal, today: String, preset: Option<PresetUse>) -> Self {
        let stale = jv_markets::stale_values(&deal.market, &today)
            .into_iter()
            .map(|value| Stale {
                field: value.field,
                as_of: value.as_of,
                months_old: value.months_old,
            })
            .collect();
        Self {
            today,
            dated: !deal.market.provenance.is_empty(),
            stale,
            preset,
        }
    }
}

/// Replaces the deal's market values with those of the shipped preset for `country`.
///
/// An unknown country is a usage error that lists the codes there are; so is a change of
/// currency without a spot rate (from the preset or `--fx-spot`).
pub fn swap(
    deal: &mut Deal,
    country: &str,
    fx_spot: Option<rust_decimal::Decimal>,
) -> Result<PresetUse, Failure> {
    let Some(preset) = jv_markets::shipped_preset(country) else {
        let codes: Vec<String> = jv_markets::shipped()
            .into_iter()
            .map(|p| p.country)
            .collect();
        return Err(Failure::Usage(format!(
            "there is no market preset for \"{country}\"; the presets are {}",
            codes.join(", ")
        )));
    };
    let former_currency =
        (deal.market.currency != preset.currency).then(|| deal.market.currency.clone());
    let options = jv_markets::ApplyOptions { fx_spot };
    let applied = jv_markets::apply_preset_with(deal, &preset, &options).map_err(|error| {
        let hint = if matches!(error, jv_markets::ApplyError::NeedsFxSpot { .. }) {
            " (give it with --fx-spot RATE)"
        } else {
            ""
        };
        Failure::Usage(format!("{error}{hint}"))
    })?;
    // What the deal keeps where the preset says "unknown", read after the swap.
    let market = serde_json::to_value(&deal.market).unwrap_or(Value::Null);
    let unknown = applied
        .unknown
        .into_iter()
        .map(|field| {
            let kept = lookup(&market, &field).and_then(shown);
            (field, kept)
        })
        .collect();
    Ok(PresetUse {
        country: preset.country,
        name: preset.name,
        version: preset.version,
        unknown,
        cleared: applied.cleared,
        former_currency,
        moved: applied.moved,
        rebased: applied.rebased,
        fx_spot,
    })
}

/// The value at a dotted path such as `royalty_withholding.non_resident`; a list is searched
/// by its items' `country` (`dividend_withholding.treaties.CN`).
fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |here, key| match here {
        Value::Object(map) => map.get(key),
        Value::Array(items) => items
            .iter()
            .find(|item| item.get("country").and_then(Value::as_str) == Some(key)),
        _ => None,
    })
}

/// A value as the report shows it: a decimal or text as written, an object by its `rate`.
fn shown(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Object(map) => map.get("rate").and_then(shown),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use serde_json::json;

    use super::*;

    #[test]
    fn dotted_paths_find_fields_and_treaties() {
        let market = json!({
            "fx_spot": "129",
            "royalty_withholding": {
                "non_resident": "0.2",
                "treaties": [{ "country": "CN", "rate": "0.1" }]
            },
            "tax_incentive": { "rate": "0.15", "years": 5 },
            "loss_carry_forward_years": null,
        });
        let at = |path: &str| lookup(&market, path).and_then(shown);
        assert_eq!(at("fx_spot").as_deref(), Some("129"));
        assert_eq!(
            at("royalty_withholding.non_resident").as_deref(),
            Some("0.2")
        );
        assert_eq!(
            at("royalty_withholding.treaties.CN").as_deref(),
            Some("0.1")
        );
        assert_eq!(at("tax_incentive").as_deref(), Some("0.15"));
        assert_eq!(at("loss_carry_forward_years"), None);
        assert_eq!(at("royalty_withholding.treaties.ZA"), None);
        assert_eq!(at("nothing.here"), None);
    }
}
