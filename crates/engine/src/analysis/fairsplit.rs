//! Fair split (DOMAIN.md §7) and equity against royalty.
//!
//! Every solve moves one number: the technology partner's negotiated share, with the other
//! parties pro rata to their shares in the deal (as [`super::goalseek`] moves a share,
//! with 1e12 shares issued so the share is continuous). In the economic view:
//!
//! - **By value contributed**: the share at which the technology partner's economic NPV ÷
//!   value contributed equals that of the others pooled (their NPVs summed over their values
//!   summed). With two parties this is exactly "each party's ratio is equal"; with more, the
//!   others keep their relative shares, so their own ratios may still differ among them.
//! - **By hurdle margin**: the share at which the technology partner's economic IRR exceeds
//!   its discount rate by the same margin as the others' smallest margin (with two parties:
//!   both clear their hurdles by the same margin).
//! - **Curve**: for royalty rates from 0 to twice the deal's (0 to 10 % when the deal's is
//!   zero), in 11 points, the technology partner's share that keeps its economic NPV at its
//!   value in the deal, each found by goal seek; the deal's own point is marked.

use rust_decimal::Decimal;
use serde::Serialize;

use super::drivers::{Unit, drivers};
use super::goalseek::{
    GoalSeekError, Mover, Outcome, base_shares, metric_in, round_input, seek, tolerance,
};
use super::tornado::{Metric, View};
use crate::evaluation::{Evaluation, evaluate};
use crate::model::{Deal, Role};

/// One party at one split.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartyAtSplit {
    /// The party's id.
    pub id: String,
    /// Its share, a fraction.
    pub share: Decimal,
    /// Value contributed, reporting currency.
    pub value_contributed: Decimal,
    /// Economic NPV, reporting currency.
    pub npv_economic: Decimal,
    /// Economic NPV ÷ value contributed (none when it contributed nothing).
    pub ratio: Option<Decimal>,
    /// Economic IRR.
    pub irr_economic: Option<Decimal>,
    /// Its hurdle (discount rate).
    pub hurdle: Decimal,
    /// IRR − hurdle.
    pub margin: Option<Decimal>,
}

/// A split found by one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Split {
    /// The solve: the technology partner's share (`value`) and the gap left (`metric`), or
    /// why there is none.
    pub outcome: Outcome,
    /// Every party at the split found (empty when there is none).
    pub parties: Vec<PartyAtSplit>,
}

/// One point of the share-against-royalty curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurvePoint {
    /// The royalty rate.
    pub royalty_rate: Decimal,
    /// The technology partner's share at which its economic NPV is unchanged (none when no
    /// share from 0.01 to 0.99 does it).
    pub share: Option<Decimal>,
    /// Whether this is the deal's own royalty rate.
    pub current: bool,
    /// Why there is no share.
    pub note: Option<String>,
}

/// The share-against-royalty curve at constant technology-partner economic NPV.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Curve {
    /// The NPV kept constant, reporting currency.
    pub npv_economic: Decimal,
    /// The deal's royalty rate.
    pub current_royalty: Decimal,
    /// The deal's technology-partner share.
    pub current_share: Decimal,
    /// The points, lowest royalty first.
    pub points: Vec<CurvePoint>,
}

/// The fair split of a deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FairSplit {
    /// The technology partner's id (the party whose share is solved).
    pub technology_partner: String,
    /// Every party in the deal as it is (with continuous shares).
    pub current: Vec<PartyAtSplit>,
    /// The split at equal economic NPV ÷ value contributed.
    pub by_value: Split,
    /// The split at equal IRR − hurdle margins.
    pub by_hurdle: Split,
    /// The curve; none when the deal has no licence.
    pub curve: Option<Curve>,
}

/// The tolerance on the gap between ratios (and between margins).
pub const GAP_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

/// Points on the curve.
pub const CURVE_POINTS: u32 = 11;

fn parties_at(deal: &Deal, evaluation: &Evaluation) -> Vec<PartyAtSplit> {
    let shares = base_shares(deal, evaluation);
    deal.parties
        .iter()
        .enumerate()
        .map(|(i, party)| {
            let value = evaluation
                .equity
                .parties
                .iter()
                .find(|row| row.id == party.id)
                .map_or(Decimal::ZERO, |row| row.value_contributed);
            let npv =
                metric_in(evaluation, i, Metric::Npv, View::Economic).unwrap_or(Decimal::ZERO);
            let irr = metric_in(evaluation, i, Metric::Irr, View::Economic);
            PartyAtSplit {
                id: party.id.clone(),
                share: shares.get(i).copied().unwrap_or_default(),
                value_contributed: value,
                npv_economic: npv,
                ratio: (!value.is_zero()).then(|| npv / value),
                irr_economic: irr,
                hurdle: party.discount_rate,
                margin: irr.map(|r| r - party.discount_rate),
            }
        })
        .collect()
}

/// Technology partner's ratio − the others' pooled ratio.
fn value_gap(parties: &[PartyAtSplit], tech: usize) -> Option<Decimal> {
    let own = parties.get(tech)?.ratio?;
    let (npv, value) = parties
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != tech)
        .fold((Decimal::ZERO, Decimal::ZERO), |(n, v), (_, p)| {
            (n + p.npv_economic, v + p.value_contributed)
        });
    (!value.is_zero()).then(|| own - npv / value)
}

/// Technology partner's margin − the others' smallest margin.
fn hurdle_gap(parties: &[PartyAtSplit], tech: usize) -> Option<Decimal> {
    let own = parties.get(tech)?.margin?;
    let mut smallest: Option<Decimal> = None;
    for (i, p) in parties.iter().enumerate() {
        if i != tech {
            let m = p.margin?;
            smallest = Some(smallest.map_or(m, |s: Decimal| s.min(m)));
        }
    }
    smallest.map(|s| own - s)
}

fn technology_partner(deal: &Deal) -> Result<usize, GoalSeekError> {
    deal.parties
        .iter()
        .position(|p| p.role == Role::TechnologyPartner)
        .or_else(|| {
            let licensor = &deal.agreements.licence.as_ref()?.licensor;
            deal.parties.iter().position(|p| &p.id == licensor)
        })
        .ok_or_else(|| {
            GoalSeekError::NotApplicable(
                "the deal has no technology partner (no party with that role and no licensor)"
                    .to_owned(),
            )
        })
}

fn share_bounds() -> (Decimal, Decimal) {
    (Decimal::new(1, 2), Decimal::new(99, 2))
}

fn solve_split(
    deal: &Deal,
    mover: &Mover,
    tech: usize,
    gap: fn(&[PartyAtSplit], usize) -> Option<Decimal>,
) -> Split {
    let (low, high) = share_bounds();
    let outcome = seek(
        |s| {
            let changed = mover.deal_at(deal, s).ok()?;
            let evaluation = evaluate(&changed).ok()?;
            gap(&parties_at(&changed, &evaluation), tech)
        },
        |x| round_input(Unit::Rate, true, x),
        low,
        high,
        Decimal::ZERO,
        GAP_TOLERANCE,
    );
    let parties = match &outcome {
        Outcome::Solved { value, .. } => mover
            .deal_at(deal, *value)
            .ok()
            .and_then(|changed| {
                evaluate(&changed)
                    .ok()
                    .map(|evaluation| parties_at(&changed, &evaluation))
            })
            .unwrap_or_default(),
        Outcome::NoSolution { .. } => Vec::new(),
    };
    Split { outcome, parties }
}

/// The share-against-royalty curve for the technology partner at index `tech`.
fn curve(deal: &Deal, mover: &Mover, tech: usize, base_share: Decimal) -> Option<Curve> {
    let royalty = drivers(deal).into_iter().find(|d| d.id == "royalty_rate")?;
    let current = royalty.base;
    let top = if current.is_zero() {
        Decimal::new(1, 1)
    } else {
        current * Decimal::TWO
    };
    let at_base = mover.deal_at(deal, base_share).ok()?;
    let npv = metric_in(&evaluate(&at_base).ok()?, tech, Metric::Npv, View::Economic)?;
    let (low, high) = share_bounds();
    let steps = Decimal::from(CURVE_POINTS - 1);
    let points = (0..CURVE_POINTS)
        .map(|k| {
            let rate = top * Decimal::from(k) / steps;
            let with_rate = super::drivers::apply(deal, &royalty.set(rate));
            let outcome = match with_rate {
                Ok(with_rate) => seek(
                    |s| {
                        let changed = mover.deal_at(&with_rate, s).ok()?;
                        let evaluation = evaluate(&changed).ok()?;
                        metric_in(&evaluation, tech, Metric::Npv, View::Economic)
                    },
                    |x| round_input(Unit::Rate, true, x),
                    low,
                    high,
                    npv,
                    tolerance(Metric::Npv),
                ),
                Err(error) => Outcome::NoSolution {
                    reason: error.to_string(),
                    metric_at_low: None,
                    metric_at_high: None,
                },
            };
            let (share, note) = match outcome {
                Outcome::Solved { value, .. } => (Some(value), None),
                Outcome::NoSolution { reason, .. } => (None, Some(reason)),
            };
            CurvePoint {
                royalty_rate: rate,
                share,
                current: rate == current,
                note,
            }
        })
        .collect();
    Some(Curve {
        npv_economic: npv,
        current_royalty: current,
        current_share: base_share,
        points,
    })
}

/// The fair split of `deal` by value contributed and by hurdle margin, and the
/// share-against-royalty curve.
pub fn fair_split(deal: &Deal) -> Result<FairSplit, GoalSeekError> {
    let mut base_deal = deal.clone();
    base_deal.scenarios.clear();
    let evaluation = evaluate(&base_deal)?;
    let tech = technology_partner(&base_deal)?;
    let base = base_shares(&base_deal, &evaluation);
    let base_share = base.get(tech).copied().unwrap_or_default();
    let mover = Mover::Share { index: tech, base };
    let current = mover
        .deal_at(&base_deal, base_share)
        .ok()
        .and_then(|changed| {
            evaluate(&changed)
                .ok()
                .map(|evaluation| parties_at(&changed, &evaluation))
        })
        .unwrap_or_default();
    Ok(FairSplit {
        technology_partner: base_deal
            .parties
            .get(tech)
            .map(|p| p.id.clone())
            .unwrap_or_default(),
        current,
        by_value: solve_split(&base_deal, &mover, tech, value_gap),
        by_hurdle: solve_split(&base_deal, &mover, tech, hurdle_gap),
        curve: curve(&base_deal, &mover, tech, base_share),
    })
}
