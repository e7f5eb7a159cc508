//! The drivers: named inputs of a deal that a scenario, a tornado or a goal seek may move,
//! each addressed by its field path in the deal file (e.g. `parties[1].discount_rate`).
//!
//! An [`Override`] sets or scales one field of a *clone* of the deal; [`apply`] never edits
//! the deal it is given.

use std::str::FromStr as _;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Deal, Role, SplitMode, Units};
use crate::timeline::Timeline;

/// One change to one field of the deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The field, as errors name it: e.g. `market.import_duty_kits` or
    /// `parties[1].joins_capital_calls`.
    pub path: String,
    /// What is done to it.
    pub op: Op,
}

/// What an override does to its field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Replace the number (also fills an empty optional number).
    Set(Decimal),
    /// Multiply the number, or every number of a list, by this factor.
    Scale(Decimal),
    /// Add this to the number (e.g. `0.15` for "+15 points" on a rate).
    Add(Decimal),
    /// Replace a yes/no field.
    SetBool(bool),
    /// Replace a list of numbers (e.g. `market.fx_path`).
    SetList(Vec<Decimal>),
}

impl Override {
    /// Sets the field at `path` to `value`.
    pub fn set(path: impl Into<String>, value: Decimal) -> Self {
        Self {
            path: path.into(),
            op: Op::Set(value),
        }
    }

    /// Scales the field at `path` by `factor`.
    pub fn scale(path: impl Into<String>, factor: Decimal) -> Self {
        Self {
            path: path.into(),
            op: Op::Scale(factor),
        }
    }
}

/// Why an override cannot be applied; each names the path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    /// The path does not name a field of this deal.
    #[error("`{path}` is not a field of this deal")]
    NoSuchField {
        /// The path as given.
        path: String,
    },
    /// The field holds something other than what the operation needs.
    #[error("`{path}` is {found}, not {expected}")]
    WrongKind {
        /// The path as given.
        path: String,
        /// What the field holds, in words.
        found: String,
        /// What the operation needs, in words.
        expected: &'static str,
    },
    /// The field is empty in this deal, so there is nothing to scale or add to.
    #[error("`{path}` is empty in this deal, so it cannot be scaled or added to; set it")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// The result leaves the range of numbers.
    #[error("the override of `{path}` gives a number too large to compute")]
    Overflow {
        /// The path as given.
        path: String,
    },
    /// The changed deal no longer has the file's shape.
    #[error("after the override of `{path}` the deal cannot be read: {message}")]
    Rejected {
        /// The path of the last override applied.
        path: String,
        /// What the reader said.
        message: String,
    },
}

impl OverrideError {
    /// The path the error concerns.
    pub fn path(&self) -> &str {
        match self {
            Self::NoSuchField { path }
            | Self::WrongKind { path, .. }
            | Self::Empty { path }
            | Self::Overflow { path }
            | Self::Rejected { path, .. } => path,
        }
    }
}

/// A clone of `deal` with every override applied in order; `deal` itself is untouched.
pub fn apply(deal: &Deal, overrides: &[Override]) -> Result<Deal, OverrideError> {
    let Some(last) = overrides.last() else {
        return Ok(deal.clone());
    };
    let mut value = serde_json::to_value(deal).map_err(|error| OverrideError::Rejected {
        path: last.path.clone(),
        message: error.to_string(),
    })?;
    for o in overrides {
        apply_one(&mut value, o)?;
    }
    serde_json::from_value(value).map_err(|error| OverrideError::Rejected {
        path: last.path.clone(),
        message: error.to_string(),
    })
}

/// The number at `path` in `deal` (none when the field is empty).
pub fn get(deal: &Deal, path: &str) -> Result<Option<Decimal>, OverrideError> {
    let value = serde_json::to_value(deal).map_err(|error| OverrideError::Rejected {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    let mut slot = &value;
    for segment in segments(path)? {
        slot = match segment {
            Segment::Key(key) => slot.get(key.as_str()),
            Segment::Index(i) => slot.get(i),
        }
        .ok_or_else(|| no_such(path))?;
    }
    match slot {
        Value::Null => Ok(None),
        other => number(path, other).map(Some),
    }
}

enum Segment {
    Key(String),
    Index(usize),
}

fn no_such(path: &str) -> OverrideError {
    OverrideError::NoSuchField {
        path: path.to_owned(),
    }
}

/// `a.b[2].c` → `a`, `b`, `2`, `c`.
fn segments(path: &str) -> Result<Vec<Segment>, OverrideError> {
    let mut out = Vec::new();
    if path.is_empty() {
        return Err(no_such(path));
    }
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(at) => part.split_at(at),
            None => (part, ""),
        };
        if name.is_empty() {
            return Err(no_such(path));
        }
        out.push(Segment::Key(name.to_owned()));
        while !rest.is_empty() {
            let close = rest.find(']').ok_or_else(|| no_such(path))?;
            let index = rest
                .get(1..close)
                .and_then(|digits| digits.parse::<usize>().ok())
                .ok_or_else(|| no_such(path))?;
            out.push(Segment::Index(index));
            rest = rest.get(close + 1..).unwrap_or("");
            if !rest.is_empty() && !rest.starts_with('[') {
                return Err(no_such(path));
            }
        }
    }
    Ok(out)
}

fn locate<'v>(root: &'v mut Value, path: &str) -> Result<&'v mut Value, OverrideError> {
    let mut slot = root;
    for segment in segments(path)? {
        slot = match segment {
            Segment::Key(key) => slot.as_object_mut().and_then(|map| map.get_mut(&key)),
            Segment::Index(i) => slot.as_array_mut().and_then(|list| list.get_mut(i)),
        }
        .ok_or_else(|| no_such(path))?;
    }
    Ok(slot)
}

fn kind(value: &Value) -> String {
    match value {
        Value::Null => "empty".to_owned(),
        Value::Bool(_) => "a yes/no value".to_owned(),
        Value::Number(_) => "a number".to_owned(),
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a group of fields".to_owned(),
    }
}

fn number(path: &str, value: &Value) -> Result<Decimal, OverrideError> {
    let parsed = match value {
        Value::String(s) => Decimal::from_str(s).ok(),
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    };
    parsed.ok_or_else(|| OverrideError::WrongKind {
        path: path.to_owned(),
        found: kind(value),
        expected: "a number",
    })
}

fn decimal_value(d: Decimal) -> Value {
    Value::String(d.normalize().to_string())
}

fn apply_one(root: &mut Value, o: &Override) -> Result<(), OverrideError> {
    let path = o.path.as_str();
    let slot = locate(root, path)?;
    let wrong = |found: &Value, expected| OverrideError::WrongKind {
        path: path.to_owned(),
        found: kind(found),
        expected,
    };
    let overflow = || OverrideError::Overflow {
        path: path.to_owned(),
    };
    match &o.op {
        Op::Set(v) => match slot {
            Value::Null | Value::String(_) | Value::Number(_) => {
                if !matches!(slot, Value::Null) {
                    number(path, slot)?;
                }
                *slot = decimal_value(*v);
            }
            other => return Err(wrong(other, "a number")),
        },
        Op::Scale(factor) | Op::Add(factor) => {
            let combine = |base: Decimal| match o.op {
                Op::Scale(_) => base.checked_mul(*factor),
                _ => base.checked_add(*factor),
            };
            // Units are whole numbers: a scaled list of units is rounded half-up.
            let whole = path == "plan.units.units";
            match slot {
                Value::Null => {
                    return Err(OverrideError::Empty {
                        path: path.to_owned(),
                    });
                }
                Value::Array(items) => {
                    for item in items.iter_mut() {
                        let mut next = combine(number(path, item)?).ok_or_else(overflow)?;
                        if whole {
                            next = next.round_dp_with_strategy(
                                0,
                                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                            );
                        }
                        *item = decimal_value(next);
                    }
                }
                other => {
                    let next = combine(number(path, other)?).ok_or_else(overflow)?;
                    *other = decimal_value(next);
                }
            }
        }
        Op::SetBool(b) => match slot {
            Value::Bool(_) => *slot = Value::Bool(*b),
            other => return Err(wrong(other, "a yes/no value")),
        },
        Op::SetList(list) => match slot {
            Value::Null | Value::Array(_) => {
                *slot = Value::Array(list.iter().copied().map(decimal_value).collect());
            }
            other => return Err(wrong(other, "a list of numbers")),
        },
    }
    Ok(())
}

/// What a driver's number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A fraction (0.03 = 3 %).
    Rate,
    /// Money, in the field's currency.
    Amount,
    /// Units of product.
    Count,
    /// Years.
    Years,
    /// A factor applied to the whole FX path (1 = the base path).
    Factor,
}

/// A named input of the deal that analyses move.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Driver {
    /// Stable id, e.g. `royalty_rate` or `discount_rate.dealer`.
    pub id: String,
    /// As shown to people.
    pub label: String,
    /// What its number measures.
    pub unit: Unit,
    /// The fields it moves (one, or several moved together such as every capex item).
    pub paths: Vec<String>,
    /// Its base value (the first field's; 1 for the FX level).
    pub base: Decimal,
    /// For the FX level: the base rates of years 0..N, of which years 1..N are scaled.
    #[serde(skip)]
    fx_base: Option<Vec<Decimal>>,
    /// For the negotiated share: which entry of `equity.shares` moves, and every entry's
    /// base share (the others follow pro rata).
    #[serde(skip)]
    share_base: Option<(usize, Vec<Decimal>)>,
}

impl Driver {
    /// The overrides that scale the driver by `factor` (1 = base).
    pub fn scaled(&self, factor: Decimal) -> Vec<Override> {
        if self.share_base.is_some() {
            return self.set(self.base * factor);
        }
        match &self.fx_base {
            Some(base) => vec![Override {
                path: "market.fx_path".to_owned(),
                op: Op::SetList(scale_fx(base, factor)),
            }],
            None => self
                .paths
                .iter()
                .map(|path| Override::scale(path.clone(), factor))
                .collect(),
        }
    }

    /// The overrides that set the driver to `value` (every field it moves; for the FX level
    /// `value` is the factor on the base path).
    pub fn set(&self, value: Decimal) -> Vec<Override> {
        if let Some((index, base)) = &self.share_base {
            return pro_rata_shares(*index, base, value)
                .into_iter()
                .enumerate()
                .map(|(k, share)| Override::set(format!("equity.shares[{k}].share"), share))
                .collect();
        }
        match &self.fx_base {
            Some(_) => self.scaled(value),
            None => self
                .paths
                .iter()
                .map(|path| Override::set(path.clone(), value))
                .collect(),
        }
    }
}

/// Rates of years 1..N multiplied by `factor` (a level shift of the local currency; >1 is a
/// weaker currency); the spot rate at closing stays. Exact: a factor of 1 gives the base.
pub fn scale_fx(base: &[Decimal], factor: Decimal) -> Vec<Decimal> {
    base.iter()
        .enumerate()
        .map(|(t, rate)| if t == 0 { *rate } else { *rate * factor })
        .collect()
}

/// Negotiated shares with entry `index` at `share` and the others pro rata to `base`; the
/// last other entry takes the remainder so the shares still sum to exactly 1.
fn pro_rata_shares(index: usize, base: &[Decimal], share: Decimal) -> Vec<Decimal> {
    let others: Decimal = base
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != index)
        .map(|(_, b)| *b)
        .sum();
    let count = Decimal::from(base.len().saturating_sub(1).max(1));
    let last_other = (0..base.len()).rev().find(|k| *k != index);
    let rest = Decimal::ONE - share;
    let mut out: Vec<Decimal> = base
        .iter()
        .enumerate()
        .map(|(k, b)| {
            if k == index {
                share
            } else if others.is_zero() {
                (rest / count).round_dp(14)
            } else {
                (rest * *b / others).round_dp(14)
            }
        })
        .collect();
    if let Some(last) = last_other {
        let given: Decimal = out
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != last)
            .map(|(_, v)| *v)
            .sum();
        if let Some(slot) = out.get_mut(last) {
            *slot = Decimal::ONE - given;
        }
    }
    out
}

/// The FX rates of years 0..N the engine uses for a validated deal.
pub fn fx_rates(deal: &Deal) -> Vec<Decimal> {
    Timeline::new(deal).fx
}

fn driver(id: &str, label: &str, unit: Unit, path: &str, base: Decimal) -> Driver {
    Driver {
        id: id.to_owned(),
        label: label.to_owned(),
        unit,
        paths: vec![path.to_owned()],
        base,
        fx_base: None,
        share_base: None,
    }
}

/// The drivers that exist in `deal` (a validated deal), in a fixed order.
pub fn drivers(deal: &Deal) -> Vec<Driver> {
    catalogue(deal, fx_rates(deal))
}

/// The ids of the drivers of `deal`, in the order of [`drivers`]. Unlike [`drivers`] it
/// needs no valid timeline, so validation can name the ids of a deal with other problems.
pub fn driver_ids(deal: &Deal) -> Vec<String> {
    catalogue(deal, Vec::new())
        .into_iter()
        .map(|d| d.id)
        .collect()
}

/// The id of the negotiated-share driver.
pub const NEGOTIATED_SHARE: &str = "negotiated_share";

/// The technology partner's negotiated share, when the equity is negotiated and it has one:
/// the entry of `equity.shares` that moves and every entry's base.
fn negotiated_share(deal: &Deal) -> Option<(usize, String, Vec<Decimal>)> {
    if deal.equity.mode != SplitMode::Negotiated || deal.equity.shares.len() < 2 {
        return None;
    }
    let partner = deal
        .parties
        .iter()
        .find(|p| p.role == Role::TechnologyPartner)?;
    let index = deal
        .equity
        .shares
        .iter()
        .position(|s| s.party == partner.id)?;
    let base = deal.equity.shares.iter().map(|s| s.share).collect();
    Some((index, shown_name(partner).to_owned(), base))
}

/// A party as a label names it: its name, or its id when it has none.
fn shown_name(party: &crate::model::Party) -> &str {
    if party.name.trim().is_empty() {
        &party.id
    } else {
        &party.name
    }
}

fn catalogue(deal: &Deal, fx_base: Vec<Decimal>) -> Vec<Driver> {
    use Unit::{Amount, Count, Factor, Rate};
    let mut out = Vec::new();
    let plan = &deal.plan;
    out.push(driver(
        "retail_price",
        "Retail price",
        Amount,
        "plan.retail_price",
        plan.retail_price,
    ));
    match &plan.units {
        Units::Ramp {
            first_year, growth, ..
        } => {
            out.push(driver(
                "units",
                "Units, first year",
                Count,
                "plan.units.first_year",
                *first_year,
            ));
            out.push(driver(
                "unit_growth",
                "Unit growth",
                Rate,
                "plan.units.growth",
                *growth,
            ));
        }
        Units::Explicit { units } => out.push(driver(
            "units",
            "Units, every year",
            Count,
            "plan.units.units",
            units.first().copied().unwrap_or_default(),
        )),
    }
    let kits = &deal.agreements.kit_supply;
    out.push(driver(
        "kit_fob_price",
        "Kit FOB price",
        Amount,
        "agreements.kit_supply.kit_fob_price",
        kits.kit_fob_price,
    ));
    out.push(driver(
        "kit_margin",
        "Kit margin",
        Rate,
        "agreements.kit_supply.kit_margin",
        kits.kit_margin,
    ));
    if let Some(licence) = &deal.agreements.licence {
        out.push(driver(
            "royalty_rate",
            "Royalty rate",
            Rate,
            "agreements.licence.royalty_rate",
            licence.royalty_rate,
        ));
        out.push(driver(
            "technical_fee",
            "Technical fee",
            Amount,
            "agreements.licence.technical_fee",
            licence.technical_fee,
        ));
    }
    if let Some(distribution) = &deal.agreements.distribution {
        out.push(driver(
            "dealer_margin",
            "Dealer margin",
            Rate,
            "agreements.distribution.dealer_margin",
            distribution.dealer_margin,
        ));
    }
    let market = &deal.market;
    out.push(Driver {
        id: "fx_level".to_owned(),
        label: "FX rate level (years 1..N)".to_owned(),
        unit: Factor,
        paths: vec!["market.fx_path".to_owned()],
        base: Decimal::ONE,
        fx_base: Some(fx_base),
        share_base: None,
    });
    out.push(driver(
        "inflation",
        "Local inflation",
        Rate,
        "market.inflation",
        market.inflation,
    ));
    out.push(driver(
        "corporate_tax_rate",
        "Corporate tax rate",
        Rate,
        "market.corporate_tax_rate",
        market.corporate_tax_rate,
    ));
    out.push(driver(
        "import_duty_kits",
        "Import duty on kits",
        Rate,
        "market.import_duty_kits",
        market.import_duty_kits,
    ));
    out.push(driver(
        "other_import_levies",
        "Other import levies",
        Rate,
        "market.other_import_levies",
        market.other_import_levies,
    ));
    out.push(driver(
        "local_parts",
        "Local parts per unit",
        Amount,
        "plan.local_parts_per_unit",
        plan.local_parts_per_unit,
    ));
    out.push(driver(
        "wage_per_hour",
        "Wage per hour",
        Amount,
        "plan.wage_per_hour",
        plan.wage_per_hour,
    ));
    out.push(driver(
        "fixed_overhead",
        "Fixed overhead",
        Amount,
        "plan.fixed_overhead",
        plan.fixed_overhead,
    ));
    if !plan.capex.is_empty() {
        out.push(Driver {
            id: "capex".to_owned(),
            label: "Capex (every item)".to_owned(),
            unit: Amount,
            paths: (0..plan.capex.len())
                .map(|i| format!("plan.capex[{i}].amount"))
                .collect(),
            base: plan.capex.iter().map(|c| c.amount).sum(),
            fx_base: None,
            share_base: None,
        });
    }
    out.push(driver(
        "maintenance_capex",
        "Maintenance capex",
        Amount,
        "plan.maintenance_capex",
        plan.maintenance_capex,
    ));
    out.push(driver(
        "payout_ratio",
        "Payout ratio",
        Rate,
        "plan.payout_ratio",
        plan.payout_ratio,
    ));
    for (i, party) in deal.parties.iter().enumerate() {
        out.push(driver(
            &format!("discount_rate.{}", party.id),
            &format!("Discount rate of {}", shown_name(party)),
            Rate,
            &format!("parties[{i}].discount_rate"),
            party.discount_rate,
        ));
    }
    if let Some((index, party, base)) = negotiated_share(deal) {
        out.push(Driver {
            id: NEGOTIATED_SHARE.to_owned(),
            label: format!("Negotiated share of {party}"),
            unit: Rate,
            paths: (0..base.len())
                .map(|k| format!("equity.shares[{k}].share"))
                .collect(),
            base: base.get(index).copied().unwrap_or_default(),
            fx_base: None,
            share_base: Some((index, base)),
        });
    }
    out
}
