//! Goal seek: the value of one input that makes one party's metric hit a target, within
//! bounds. "No solution in range" is an answer ([`Outcome::NoSolution`]), not an error.
//!
//! The input is a driver of the catalogue (royalty rate, kit margin, retail price, units,
//! dealer margin, …), moved through its override paths, or `share.<party>`: that party's
//! negotiated share, the others moved pro rata so the shares still sum to 1. To make the
//! share continuous, a share input also issues [`MAX_SHARES_ISSUED`] shares (a resolution
//! of 1e−12 instead of the deal's whole shares); the split itself is unchanged by that.
//!
//! The root is bracketed (the two bounds, then a scan of eight inner points when both ends
//! lie on the same side of the target) and refined by Brent's method. The search runs in
//! `f64` on the input; every probe sets a `Decimal` input and reads the metric from the
//! deterministic engine, so the metric reported is the engine's own. Tolerance on the
//! metric: 1e−6 for an IRR, 1 reporting-currency unit for an NPV; at most 60 evaluations.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};
use serde::Serialize;

use super::drivers::{Driver, Unit, apply, drivers};
use super::tornado::{Metric, View};
use crate::evaluation::{Evaluation, evaluate};
use crate::model::{Deal, NegotiatedShare, SplitMode, Units};
use crate::problem::DealError;

/// Shares a share input issues: the most the validator allows, so a share moves in steps of
/// 1e−12.
pub const MAX_SHARES_ISSUED: u64 = 1_000_000_000_000;

/// The most engine evaluations one goal seek makes.
pub const MAX_EVALUATIONS: usize = 60;

/// The metric a goal seek aims at.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Target {
    /// The party's id.
    pub party: String,
    /// NPV or IRR.
    pub metric: Metric,
    /// Cash or economic.
    pub view: View,
    /// The value to hit (reporting currency for an NPV, a fraction for an IRR).
    pub value: Decimal,
}

/// What a goal seek found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// The input at `value` gives `metric`, within the tolerance of the target.
    Solved {
        /// The input's value.
        value: Decimal,
        /// The metric the engine gives there.
        metric: Decimal,
        /// Engine evaluations used.
        evaluations: usize,
    },
    /// No value within the bounds hits the target.
    NoSolution {
        /// Why, in a sentence.
        reason: String,
        /// The metric at the low bound (none when it has no value there).
        metric_at_low: Option<Decimal>,
        /// The metric at the high bound.
        metric_at_high: Option<Decimal>,
    },
}

/// A goal seek and its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GoalSeek {
    /// The input's id, e.g. `dealer_margin` or `share.maker`.
    pub input: String,
    /// The input as shown to people.
    pub label: String,
    /// What the input's number measures.
    pub unit: Unit,
    /// The input in the deal.
    pub base_input: Decimal,
    /// The target.
    pub target: Target,
    /// The metric in the deal as it is.
    pub base_metric: Option<Decimal>,
    /// The low bound searched.
    pub low: Decimal,
    /// The high bound searched.
    pub high: Decimal,
    /// The tolerance on the metric.
    pub tolerance: Decimal,
    /// The answer.
    pub outcome: Outcome,
    /// The fields of the deal the solved value sets, to write it into the deal (every field
    /// the input moves: for a share, the split mode, the shares issued and each party's
    /// share); empty when there is no solution.
    pub changes: Vec<FieldChange>,
}

/// One field of the deal and the value a solved goal seek gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldChange {
    /// The field's path, as errors name it, e.g. `agreements.licence.royalty_rate`.
    pub path: String,
    /// Its new value, as the deal file writes it.
    pub value: FieldValue,
}

/// A value a goal seek writes into the deal, in the deal file's own form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum FieldValue {
    /// A number (a decimal, written as a string).
    Number(Decimal),
    /// A list of numbers (the FX path, explicit units).
    Numbers(Vec<Decimal>),
    /// A whole count (shares issued).
    Whole(u64),
    /// A word (the split mode, a party's id).
    Text(String),
}

/// Why a goal seek cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoalSeekError {
    /// No party has that id.
    #[error("no party has the id \"{party}\"; the parties are {known}")]
    UnknownParty {
        /// The id asked for.
        party: String,
        /// The ids there are.
        known: String,
    },
    /// The input names no driver and no party's share.
    #[error("no input has the id \"{input}\"; the inputs are {known}")]
    UnknownInput {
        /// The id asked for.
        input: String,
        /// The ids there are.
        known: String,
    },
    /// The bounds are not a range.
    #[error("the low bound {low} must be below the high bound {high}")]
    BadBounds {
        /// The low bound.
        low: Decimal,
        /// The high bound.
        high: Decimal,
    },
    /// The deal has no technology partner (for the fair split's curve and hurdle solve).
    #[error("{0}")]
    NotApplicable(String),
    /// The base deal is invalid.
    #[error(transparent)]
    Deal(#[from] DealError),
}

/// The input a goal seek moves.
#[derive(Debug, Clone)]
pub(crate) enum Mover {
    /// A driver of the catalogue.
    Driver(Driver),
    /// One party's negotiated share; the others pro rata to their base shares.
    Share {
        /// The party's index.
        index: usize,
        /// Every party's base share, summing to 1.
        base: Vec<Decimal>,
    },
}

impl Mover {
    /// A clone of `deal` with the input at `value`.
    pub(crate) fn deal_at(&self, deal: &Deal, value: Decimal) -> Result<Deal, String> {
        match self {
            Self::Driver(driver) => {
                let overrides = if driver.paths.iter().any(|p| p == "plan.units.units") {
                    if driver.base.is_zero() {
                        return Err("the units are zero, so they cannot be scaled".to_owned());
                    }
                    driver.scaled(value / driver.base)
                } else {
                    driver.set(value)
                };
                apply(deal, &overrides).map_err(|e| e.to_string())
            }
            Self::Share { index, base } => {
                let mut changed = deal.clone();
                changed.equity.mode = SplitMode::Negotiated;
                changed.equity.shares_issued = MAX_SHARES_ISSUED;
                changed.equity.shares = pro_rata(&deal.parties, base, *index, value);
                Ok(changed)
            }
        }
    }
}

impl Mover {
    /// The fields of `deal` the input at `value` sets, with their new values.
    pub(crate) fn changes(&self, deal: &Deal, value: Decimal) -> Result<Vec<FieldChange>, String> {
        let changed = self.deal_at(deal, value)?;
        let change = |path: &str, value: FieldValue| FieldChange {
            path: path.to_owned(),
            value,
        };
        match self {
            Self::Driver(driver) => Ok(driver
                .paths
                .iter()
                .map(|path| {
                    let value = match (path.as_str(), &changed.plan.units) {
                        ("plan.units.units", Units::Explicit { units }) => {
                            FieldValue::Numbers(units.clone())
                        }
                        ("market.fx_path", _) => {
                            FieldValue::Numbers(changed.market.fx_path.clone().unwrap_or_default())
                        }
                        // A driver may move several fields by different amounts (the
                        // negotiated share moves the others pro rata): read each back.
                        _ => match super::drivers::get(&changed, path) {
                            Ok(Some(number)) => FieldValue::Number(number),
                            _ => FieldValue::Number(value),
                        },
                    };
                    change(path, value)
                })
                .collect()),
            Self::Share { .. } => {
                let mut out = vec![
                    change("equity.mode", FieldValue::Text("negotiated".to_owned())),
                    change(
                        "equity.shares_issued",
                        FieldValue::Whole(changed.equity.shares_issued),
                    ),
                ];
                for (i, share) in changed.equity.shares.iter().enumerate() {
                    out.push(change(
                        &format!("equity.shares[{i}].party"),
                        FieldValue::Text(share.party.clone()),
                    ));
                    out.push(change(
                        &format!("equity.shares[{i}].share"),
                        FieldValue::Number(share.share),
                    ));
                }
                Ok(out)
            }
        }
    }
}

/// Shares with party `index` at `share` and the others pro rata to `base`; the last other
/// party takes the remainder so the sum is exactly 1.
fn pro_rata(
    parties: &[crate::model::Party],
    base: &[Decimal],
    index: usize,
    share: Decimal,
) -> Vec<NegotiatedShare> {
    let others: Decimal = base
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, b)| *b)
        .sum();
    let count = parties.len().saturating_sub(1).max(1);
    let last_other = (0..parties.len()).rev().find(|i| *i != index);
    let rest = Decimal::ONE - share;
    let mut given = share;
    let mut out: Vec<NegotiatedShare> = parties
        .iter()
        .enumerate()
        .map(|(i, party)| {
            let value = if i == index {
                share
            } else if Some(i) == last_other {
                Decimal::ZERO
            } else {
                let part = if others.is_zero() {
                    rest / Decimal::from(count)
                } else {
                    rest * base.get(i).copied().unwrap_or_default() / others
                }
                .round_dp(14);
                given += part;
                part
            };
            NegotiatedShare {
                party: party.id.clone(),
                share: value,
            }
        })
        .collect();
    if let Some(entry) = last_other.and_then(|i| out.get_mut(i)) {
        entry.share = Decimal::ONE - given;
    }
    out
}

/// Every party's share in the deal as evaluated: its negotiated share, or its contributed
/// value over the total.
pub(crate) fn base_shares(deal: &Deal, evaluation: &Evaluation) -> Vec<Decimal> {
    match deal.equity.mode {
        SplitMode::Negotiated => deal
            .parties
            .iter()
            .map(|p| {
                deal.equity
                    .shares
                    .iter()
                    .find(|s| s.party == p.id)
                    .map_or(Decimal::ZERO, |s| s.share)
            })
            .collect(),
        SplitMode::ContributionBased => {
            let values: Vec<Decimal> = deal
                .parties
                .iter()
                .map(|p| {
                    evaluation
                        .equity
                        .parties
                        .iter()
                        .find(|row| row.id == p.id)
                        .map_or(Decimal::ZERO, |row| row.value_contributed)
                })
                .collect();
            let total: Decimal = values.iter().copied().sum();
            if total.is_zero() {
                return values;
            }
            values.iter().map(|v| *v / total).collect()
        }
    }
}

/// The id of every input of `deal`: the drivers', then `share.<party>` for each party.
pub fn inputs(deal: &Deal) -> Vec<String> {
    drivers(deal)
        .into_iter()
        .map(|d| d.id)
        .chain(deal.parties.iter().map(|p| format!("share.{}", p.id)))
        .collect()
}

pub(crate) fn party_index(deal: &Deal, party: &str) -> Result<usize, GoalSeekError> {
    deal.parties
        .iter()
        .position(|p| p.id == party)
        .ok_or_else(|| GoalSeekError::UnknownParty {
            party: party.to_owned(),
            known: deal
                .parties
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// An input resolved: how it is moved, its label, unit, base value and default bounds.
pub(crate) struct Resolved {
    mover: Mover,
    label: String,
    unit: Unit,
    base: Decimal,
    bounds: (Decimal, Decimal),
}

/// The input `input` of `deal`.
pub(crate) fn resolve(
    deal: &Deal,
    evaluation: &Evaluation,
    input: &str,
) -> Result<Resolved, GoalSeekError> {
    if let Some(party) = input.strip_prefix("share.") {
        let index = party_index(deal, party)?;
        let base = base_shares(deal, evaluation);
        let value = base.get(index).copied().unwrap_or_default();
        return Ok(Resolved {
            mover: Mover::Share { index, base },
            label: format!("Share of {party}"),
            unit: Unit::Rate,
            base: value,
            bounds: (Decimal::new(1, 2), Decimal::new(99, 2)),
        });
    }
    let driver = drivers(deal)
        .into_iter()
        .find(|d| d.id == input)
        .ok_or_else(|| GoalSeekError::UnknownInput {
            input: input.to_owned(),
            known: inputs(deal).join(", "),
        })?;
    let base = driver.base;
    let bounds = match driver.unit {
        Unit::Rate if input.starts_with("discount_rate") => (Decimal::new(1, 2), Decimal::ONE),
        Unit::Rate if input == "unit_growth" => (Decimal::ZERO, Decimal::ONE),
        Unit::Rate if input == super::drivers::NEGOTIATED_SHARE => {
            (Decimal::new(1, 2), Decimal::new(99, 2))
        }
        Unit::Rate => (Decimal::ZERO, Decimal::new(5, 1)),
        Unit::Factor => (Decimal::new(5, 1), Decimal::TWO),
        Unit::Count => (
            (base / Decimal::from(4)).ceil().max(Decimal::ONE),
            base * Decimal::from(4),
        ),
        Unit::Amount | Unit::Years => (base / Decimal::TWO, base * Decimal::TWO),
    };
    Ok(Resolved {
        mover: Mover::Driver(driver.clone()),
        label: driver.label,
        unit: driver.unit,
        base,
        bounds,
    })
}

/// The input value a probe at `x` sets: whole units for counts, cents for amounts, 12
/// places for rates and factors (14 for shares, below the share resolution).
pub(crate) fn round_input(unit: Unit, share: bool, x: f64) -> Decimal {
    let d = Decimal::from_f64(x).unwrap_or_default();
    match unit {
        Unit::Count => d.round(),
        Unit::Amount | Unit::Years => d.round_dp(2),
        Unit::Rate | Unit::Factor if share => d.round_dp(14),
        Unit::Rate | Unit::Factor => d.round_dp(12),
    }
}

/// The metric of party `index` in an evaluation.
pub(crate) fn metric_in(
    evaluation: &Evaluation,
    index: usize,
    metric: Metric,
    view: View,
) -> Option<Decimal> {
    let party = evaluation.parties.get(index)?;
    let v = match view {
        View::Cash => &party.views.cash,
        View::Economic => &party.views.economic,
    };
    match metric {
        Metric::Npv => Some(v.npv),
        Metric::Irr => v.irr,
    }
}

/// The tolerance on a metric: 1e−6 for an IRR, 1 currency unit for an NPV.
pub fn tolerance(metric: Metric) -> Decimal {
    match metric {
        Metric::Npv => Decimal::ONE,
        Metric::Irr => Decimal::new(1, 6),
    }
}

/// The root finder's answer, before it is dressed as an [`Outcome`].
pub(crate) fn seek(
    mut f: impl FnMut(Decimal) -> Option<Decimal>,
    round: impl Fn(f64) -> Decimal,
    low: Decimal,
    high: Decimal,
    target: Decimal,
    tol: Decimal,
) -> Outcome {
    let count = std::cell::Cell::new(0usize);
    let mut probe = |x: Decimal| {
        count.set(count.get() + 1);
        f(x)
    };
    let at_low = probe(low);
    let at_high = probe(high);
    let none = |reason: String| Outcome::NoSolution {
        reason,
        metric_at_low: at_low,
        metric_at_high: at_high,
    };
    let (Some(y_low), Some(y_high)) = (at_low, at_high) else {
        let end = if at_low.is_none() { "low" } else { "high" };
        return none(format!(
            "the metric has no value at the {end} bound; narrow the range"
        ));
    };
    if (y_low - target).abs() <= tol {
        return Outcome::Solved {
            value: low,
            metric: y_low,
            evaluations: 2,
        };
    }
    if (y_high - target).abs() <= tol {
        return Outcome::Solved {
            value: high,
            metric: y_high,
            evaluations: 2,
        };
    }
    let side = |y: Decimal| (y - target).is_sign_positive();
    // The bracket: the bounds, or the first pair of scanned points across the target.
    let mut bracket = None;
    if side(y_low) != side(y_high) {
        bracket = Some((low, y_low, high, y_high));
    } else {
        let steps = 9u32;
        let mut prev: Option<(Decimal, Decimal)> = Some((low, y_low));
        for k in 1..=steps {
            let x = if k == steps {
                high
            } else {
                let raw = low + (high - low) * Decimal::from(k) / Decimal::from(steps);
                round(raw.to_f64().unwrap_or_default())
            };
            let y = if k == steps { Some(y_high) } else { probe(x) };
            if let Some(y) = y {
                if (y - target).abs() <= tol {
                    return Outcome::Solved {
                        value: x,
                        metric: y,
                        evaluations: count.get(),
                    };
                }
                if let Some((px, py)) = prev
                    && side(py) != side(y)
                {
                    bracket = Some((px, py, x, y));
                    break;
                }
                prev = Some((x, y));
            }
        }
    }
    let Some((a, fa, b, fb)) = bracket else {
        return none(format!(
            "no value in the range gives {}: the metric runs from {} at the low bound to {} at the high bound",
            target.round_dp(6),
            y_low.round_dp(6),
            y_high.round_dp(6)
        ));
    };
    let diff = |y: Decimal| (y - target).to_f64().unwrap_or_default();
    let (mut a, mut b) = (
        a.to_f64().unwrap_or_default(),
        b.to_f64().unwrap_or_default(),
    );
    let (mut fa, mut fb) = (diff(fa), diff(fb));
    let (mut c, mut fc) = (a, fa);
    let (mut d, mut e) = (b - a, b - a);
    while count.get() < MAX_EVALUATIONS {
        if (fb > 0.0) == (fc > 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            (a, b, c) = (b, c, b);
            (fa, fb, fc) = (fb, fc, fb);
        }
        let tol1 = 2.0 * f64::EPSILON * b.abs() + 1e-15;
        let xm = 0.5 * (c - b);
        let middle = round(b + xm);
        if middle == round(b) || middle == round(c) || xm.abs() <= tol1 {
            return none(format!(
                "the metric jumps past {} between {} and {} of the input; no value in between hits it",
                target.round_dp(6),
                round(b.min(c)),
                round(b.max(c))
            ));
        }
        if e.abs() >= tol1 && fa.abs() > fb.abs() {
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                let qq = fa / fc;
                let r = fb / fc;
                p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            }
            p = p.abs();
            let min1 = 3.0 * xm * q - (tol1 * q).abs();
            let min2 = (e * q).abs();
            if 2.0 * p < min1.min(min2) {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        let step = if d.abs() > tol1 { d } else { tol1.copysign(xm) };
        let mut x = round(b + step);
        if x == round(b) {
            // The step is below the input's resolution (whole units, cents): bisect.
            x = round(b + xm);
        }
        match probe(x) {
            Some(y) if (y - target).abs() <= tol => {
                return Outcome::Solved {
                    value: x,
                    metric: y,
                    evaluations: count.get(),
                };
            }
            Some(y) => {
                b = x.to_f64().unwrap_or(b + step);
                fb = diff(y);
            }
            None => {
                return none(format!(
                    "the metric has no value at {x}, inside the range; narrow the range"
                ));
            }
        }
    }
    none(format!(
        "no value within the tolerance after {MAX_EVALUATIONS} evaluations"
    ))
}

/// Solves `input` so that the target's metric hits its value, between `bounds` (or the
/// input's default bounds: rates 0..0.5, shares 0.01..0.99, amounts ½..2× base, units
/// ¼..4× base, the FX level 0.5..2).
pub fn goal_seek(
    deal: &Deal,
    input: &str,
    target: &Target,
    bounds: Option<(Decimal, Decimal)>,
) -> Result<GoalSeek, GoalSeekError> {
    let mut base_deal = deal.clone();
    base_deal.scenarios.clear();
    let evaluation = evaluate(&base_deal)?;
    let index = party_index(&base_deal, &target.party)?;
    let Resolved {
        mover,
        label,
        unit,
        base: base_input,
        bounds: defaults,
    } = resolve(&base_deal, &evaluation, input)?;
    let (low, high) = bounds.unwrap_or(defaults);
    if low >= high {
        return Err(GoalSeekError::BadBounds { low, high });
    }
    let share = matches!(mover, Mover::Share { .. });
    let tol = tolerance(target.metric);
    let outcome = seek(
        |x| {
            let changed = mover.deal_at(&base_deal, x).ok()?;
            let evaluation = evaluate(&changed).ok()?;
            metric_in(&evaluation, index, target.metric, target.view)
        },
        |x| round_input(unit, share, x),
        low,
        high,
        target.value,
        tol,
    );
    let changes = match &outcome {
        Outcome::Solved { value, .. } => mover.changes(&base_deal, *value).unwrap_or_default(),
        Outcome::NoSolution { .. } => Vec::new(),
    };
    Ok(GoalSeek {
        input: input.to_owned(),
        label,
        unit,
        base_input,
        target: target.clone(),
        base_metric: metric_in(&evaluation, index, target.metric, target.view),
        low,
        high,
        tolerance: tol,
        outcome,
        changes,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::analysis::drivers::{Override, apply};
    use crate::read_deal;
    use rust_decimal_macros::dec;

    const NEGOTIATED_SHARE_INPUT: &str = crate::analysis::drivers::NEGOTIATED_SHARE;
    const KENYA: &str = include_str!("../../../../examples/kenya-e3w-ckd.jvdeal");

    fn solved(result: &GoalSeek) -> Decimal {
        match result.outcome {
            Outcome::Solved { value, .. } => value,
            Outcome::NoSolution { ref reason, .. } => panic!("{reason}"),
        }
    }

    #[test]
    fn a_solved_driver_names_its_field_and_the_field_gives_the_metric() {
        let deal = read_deal(KENYA).unwrap();
        let target = Target {
            party: "dealer".to_owned(),
            metric: Metric::Irr,
            view: View::Cash,
            value: dec!(0.25),
        };
        let result = goal_seek(&deal, "dealer_margin", &target, None).unwrap();
        let value = solved(&result);
        assert_eq!(
            result.changes,
            vec![FieldChange {
                path: "agreements.distribution.dealer_margin".to_owned(),
                value: FieldValue::Number(value),
            }]
        );
        let written = apply(&deal, &[Override::set(&result.changes[0].path, value)]).unwrap();
        let irr = evaluate(&written).unwrap().parties[1]
            .views
            .cash
            .irr
            .unwrap();
        assert!((irr - dec!(0.25)).abs() <= dec!(0.000001), "{irr}");
    }

    #[test]
    fn a_solved_share_writes_the_mode_the_resolution_and_every_share() {
        let deal = read_deal(KENYA).unwrap();
        let target = Target {
            party: "maker".to_owned(),
            metric: Metric::Irr,
            view: View::Cash,
            value: dec!(0.44),
        };
        let result = goal_seek(&deal, "share.maker", &target, None).unwrap();
        let value = solved(&result);
        let paths: Vec<&str> = result.changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(&paths[..2], ["equity.mode", "equity.shares_issued"]);
        assert_eq!(
            result.changes[0].value,
            FieldValue::Text("negotiated".to_owned())
        );
        assert_eq!(
            result.changes[1].value,
            FieldValue::Whole(MAX_SHARES_ISSUED)
        );
        assert_eq!(result.changes.len(), 2 + 2 * deal.parties.len());
        assert_eq!(
            result.changes[2].value,
            FieldValue::Text("maker".to_owned())
        );
        assert_eq!(result.changes[3].value, FieldValue::Number(value));
        let total: Decimal = result
            .changes
            .iter()
            .filter(|c| c.path.ends_with(".share"))
            .map(|c| match c.value {
                FieldValue::Number(n) => n,
                _ => panic!("{c:?}"),
            })
            .sum();
        assert_eq!(total, Decimal::ONE);
    }

    #[test]
    fn the_negotiated_share_driver_writes_each_share_as_moved() {
        let deal = read_deal(include_str!(
            "../../../../examples/brazil-negotiated-60-40.jvdeal"
        ))
        .unwrap();
        // The maker's NPV at the deal's own split: the solution is the 60/40 split itself.
        let base = evaluate(&deal).unwrap().parties[0].views.cash.npv;
        let target = Target {
            party: "maker".to_owned(),
            metric: Metric::Npv,
            view: View::Cash,
            value: base,
        };
        let result = goal_seek(&deal, NEGOTIATED_SHARE_INPUT, &target, None).unwrap();
        solved(&result);
        let shares: Vec<(String, Decimal)> = result
            .changes
            .iter()
            .map(|c| match c.value {
                FieldValue::Number(n) => (c.path.clone(), n),
                _ => panic!("{c:?}"),
            })
            .collect();
        assert_eq!(shares.len(), 2, "{shares:?}");
        assert_eq!(shares[0].0, "equity.shares[0].share");
        assert_eq!(shares[1].0, "equity.shares[1].share");
        assert!((shares[0].1 - dec!(0.6)).abs() < dec!(0.001), "{shares:?}");
        assert_eq!(shares[0].1 + shares[1].1, Decimal::ONE);
    }
}
