//! Sensitivity: every driver moved to its low and its high with the others at base, for
//! one party's metric, sorted by swing (the bars of a tornado chart).

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::drivers::{Driver, Unit, apply, drivers};
use super::settings::tornado_ranges;
use crate::evaluation::evaluate;
use crate::model::Deal;
use crate::problem::DealError;
use crate::returns::PartyReturns;

/// Which figure of a party the tornado measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Net present value at the party's discount rate, reporting currency.
    Npv,
    /// Internal rate of return, a fraction.
    Irr,
}

/// Which of a party's flows: cash only, or with contributions in kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// Cash in and out.
    Cash,
    /// Contributions in kind counted at their value.
    Economic,
}

/// The low and high of one driver, as relative changes of its base (−0.2 and 0.2 = ±20 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The driver's id.
    pub driver: String,
    /// Change at the low end, e.g. −0.2.
    pub low: Decimal,
    /// Change at the high end, e.g. 0.2.
    pub high: Decimal,
}

/// The default change at each end: ±20 %.
pub const DEFAULT_CHANGE: Decimal = Decimal::from_parts(2, 0, 0, false, 1);

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Bar {
    /// The driver's id.
    pub driver: String,
    /// The driver as shown to people.
    pub label: String,
    /// What its number measures.
    pub unit: Unit,
    /// Its base value.
    pub base_input: Decimal,
    /// Its value at the low end.
    pub low_input: Decimal,
    /// Its value at the high end.
    pub high_input: Decimal,
    /// The metric with the driver at its low; none when there is no value (no IRR, or the
    /// changed deal is invalid).
    pub low: Option<Decimal>,
    /// The metric with the driver at its high.
    pub high: Option<Decimal>,
    /// |high − low|; zero when either end has no value.
    pub swing: Decimal,
    /// Why an end has no value.
    pub note: Option<String>,
}

/// A tornado for one party and one metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Tornado {
    /// The party's id.
    pub party: String,
    /// The metric.
    pub metric: Metric,
    /// The view.
    pub view: View,
    /// The metric in the base case.
    pub base: Option<Decimal>,
    /// Bars, largest swing first.
    pub bars: Vec<Bar>,
}

/// Why a tornado cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TornadoError {
    /// No party has that id.
    #[error("no party has the id \"{party}\"; the parties are {known}")]
    UnknownParty {
        /// The id asked for.
        party: String,
        /// The ids there are, comma-separated.
        known: String,
    },
    /// A range names no driver of this deal.
    #[error("no driver has the id \"{driver}\"; the drivers are {known}")]
    UnknownDriver {
        /// The id asked for.
        driver: String,
        /// The ids there are, comma-separated.
        known: String,
    },
    /// The base deal is invalid.
    #[error(transparent)]
    Deal(#[from] DealError),
}

fn metric_of(returns: &PartyReturns, metric: Metric, view: View) -> Option<Decimal> {
    let v = match view {
        View::Cash => &returns.views.cash,
        View::Economic => &returns.views.economic,
    };
    match metric {
        Metric::Npv => Some(v.npv),
        Metric::Irr => v.irr,
    }
}

fn measure(
    deal: &Deal,
    driver: &Driver,
    factor: Decimal,
    party: usize,
    metric: Metric,
    view: View,
) -> Result<Option<Decimal>, String> {
    let changed = apply(deal, &driver.scaled(factor)).map_err(|e| e.to_string())?;
    let evaluation = evaluate(&changed).map_err(|error| match error {
        DealError::Invalid(errors) => errors
            .first()
            .map(ToString::to_string)
            .unwrap_or_else(|| "the changed deal is invalid".to_owned()),
        other => other.to_string(),
    })?;
    Ok(evaluation
        .parties
        .get(party)
        .and_then(|p| metric_of(p, metric, view)))
}

/// The tornado of `party`'s `metric` over every driver of the deal. Each driver moves by
/// its range in `ranges`, else by the range stored in the deal, else ±20 %.
pub fn tornado(
    deal: &Deal,
    party: &str,
    metric: Metric,
    view: View,
    ranges: &[Range],
) -> Result<Tornado, TornadoError> {
    let mut base_deal = deal.clone();
    base_deal.scenarios.clear();
    let evaluation = evaluate(&base_deal)?;
    let index = deal
        .parties
        .iter()
        .position(|p| p.id == party)
        .ok_or_else(|| TornadoError::UnknownParty {
            party: party.to_owned(),
            known: ids(deal.parties.iter().map(|p| p.id.as_str())),
        })?;
    let base = evaluation
        .parties
        .get(index)
        .and_then(|p| metric_of(p, metric, view));
    let catalogue = drivers(&base_deal);
    let ranges = &tornado_ranges(deal, ranges);
    for range in ranges {
        if !catalogue.iter().any(|d| d.id == range.driver) {
            return Err(TornadoError::UnknownDriver {
                driver: range.driver.clone(),
                known: ids(catalogue.iter().map(|d| d.id.as_str())),
            });
        }
    }
    let mut bars: Vec<Bar> = catalogue
        .iter()
        .map(|driver| {
            let (low, high) = ranges
                .iter()
                .find(|r| r.driver == driver.id)
                .map_or((-DEFAULT_CHANGE, DEFAULT_CHANGE), |r| (r.low, r.high));
            let low_factor = Decimal::ONE + low;
            let high_factor = Decimal::ONE + high;
            let lo = measure(&base_deal, driver, low_factor, index, metric, view);
            let hi = measure(&base_deal, driver, high_factor, index, metric, view);
            let note = match (&lo, &hi) {
                (Err(e), _) | (_, Err(e)) => Some(e.clone()),
                (Ok(None), _) | (_, Ok(None)) => Some("no IRR at one end".to_owned()),
                _ => None,
            };
            let lo = lo.ok().flatten();
            let hi = hi.ok().flatten();
            let swing = match (lo, hi) {
                (Some(a), Some(b)) => (b - a).abs(),
                _ => Decimal::ZERO,
            };
            Bar {
                driver: driver.id.clone(),
                label: driver.label.clone(),
                unit: driver.unit,
                base_input: driver.base,
                low_input: driver.base * low_factor,
                high_input: driver.base * high_factor,
                low: lo,
                high: hi,
                swing,
                note,
            }
        })
        .collect();
    bars.sort_by_key(|bar| std::cmp::Reverse(bar.swing));
    Ok(Tornado {
        party: party.to_owned(),
        metric,
        view,
        base,
        bars,
    })
}

fn ids<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}
