//! Findings that never block the calculation (DOMAIN.md §3–6): each with a stable code,
//! a sentence saying what to change, and the field it concerns.

use rust_decimal::Decimal;

use crate::exit_value::ExitValue;
use crate::guardrails::{Evaluated, guardrails, market_name, pct, value_source};
use crate::model::{ContributionKind, Deal, RoyaltyCapKind, Valuation};
use crate::operations::Operations;
use crate::problem::Warning;
use crate::projection::Projection;
use crate::returns::PartyReturns;
use crate::timeline::Timeline;
use crate::valuation::ContributionValue;

/// Real depreciation beyond this share a year squeezes an importer's margin: flag it.
const REAL_FX_DRIFT: Decimal = Decimal::from_parts(3, 0, 0, false, 2);
/// A fall in gross margin of more than this many points over the horizon is flagged.
const MARGIN_EROSION: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

fn warn(code: &'static str, path: impl Into<String>, message: String) -> Warning {
    Warning {
        code,
        message,
        path: path.into(),
        source: None,
    }
}

/// All warnings for an evaluated deal.
pub fn warnings(
    deal: &Deal,
    ops: &Operations,
    values: &[ContributionValue],
    proj: &Projection,
    exit: &ExitValue,
    parties: &[PartyReturns],
) -> Vec<Warning> {
    let mut out = Vec::new();
    double_payment(deal, &mut out);
    royalty_cap(deal, ops, &mut out);
    foreign_share(deal, proj, &mut out);
    let evaluated = Evaluated {
        deal,
        values,
        proj,
        parties,
    };
    guardrails(&evaluated, &mut out);
    cash(proj, &mut out);
    market_drift(deal, ops, &mut out);
    for v in values.iter().filter(|v| v.floored) {
        let i = deal
            .parties
            .iter()
            .position(|p| p.id == v.party)
            .unwrap_or(0);
        out.push(warn(
            "contribution_value_floored",
            format!("parties[{i}].contributions[{}].valuation", v.index),
            format!("The {} valuation of {}'s contribution comes out negative with this plan; it counts as zero.", v.method, v.party),
        ));
    }
    if exit.enterprise_value_floored {
        out.push(warn(
            "exit_value_floored",
            "exit",
            "The exit method gives a negative enterprise value in the last year; it is counted as zero.".to_owned(),
        ));
    }
    for (i, p) in parties.iter().enumerate() {
        if p.views.cash.irr_status == "no_cash_invested" {
            out.push(warn(
                "no_cash_invested",
                format!("parties[{i}].contributions"),
                format!("{} puts in no cash, so its cash IRR does not exist; judge it by NPV and the economic view.", p.name),
            ));
        }
        for (view, m) in [("cash", &p.views.cash), ("economic", &p.views.economic)] {
            if m.irr_status == "ambiguous" {
                out.push(warn(
                    "irr_ambiguous",
                    format!("parties[{i}]"),
                    format!("{}'s {view} flows change sign more than once, so its IRR is ambiguous; rely on NPV.", p.name),
                ));
            }
        }
    }
    out
}

fn double_payment(deal: &Deal, out: &mut Vec<Warning>) {
    let stake_by = |id: &str, kind: ContributionKind, method: fn(&Valuation) -> bool| {
        deal.parties
            .iter()
            .filter(|p| p.id == id)
            .flat_map(|p| &p.contributions)
            .any(|c| c.kind == kind && method(&c.valuation))
    };
    if let Some(l) = deal
        .agreements
        .licence
        .as_ref()
        .filter(|l| l.royalty_rate > Decimal::ZERO)
        && stake_by(&l.licensor, ContributionKind::Technology, |v| {
            matches!(v, Valuation::ReliefFromRoyalty { .. })
        })
    {
        out.push(warn(
                "double_paid_technology",
                "agreements.licence.royalty_rate",
                "The technology partner earns a running royalty and also holds a technology stake valued by relief from royalty: it may be paid twice for the same technology. Lower the royalty or value the stake another way.".to_owned(),
            ));
    }
    if let Some(d) = deal
        .agreements
        .distribution
        .as_ref()
        .filter(|d| d.dealer_margin > Decimal::ZERO)
        && stake_by(&d.distributor, ContributionKind::Distribution, |v| {
            matches!(v, Valuation::ExcessEarnings { .. })
        })
    {
        out.push(warn(
                "double_paid_distribution",
                "agreements.distribution.dealer_margin",
                "The dealer earns a distribution margin and also holds a network stake valued by excess earnings: it may be paid twice for the same network.".to_owned(),
            ));
    }
}

fn royalty_cap(deal: &Deal, ops: &Operations, out: &mut Vec<Warning>) {
    let (Some(cap), Some(licence)) = (&deal.market.royalty_cap, &deal.agreements.licence) else {
        return;
    };
    // With fees under the cap, compare royalty plus fees as a share of revenue in the worst year.
    let effective = if cap.covers_fees {
        (1..ops.revenue.len())
            .filter(|t| !ops.revenue[*t].is_zero())
            .map(|t| (ops.royalty[t] + ops.technical_fees[t]) / ops.revenue[t])
            .max()
            .unwrap_or(licence.royalty_rate)
    } else {
        licence.royalty_rate
    };
    if effective <= cap.rate {
        return;
    }
    let what = if cap.covers_fees {
        "Royalty plus technical fees reach"
    } else {
        "The royalty rate is"
    };
    let consequence = match cap.kind {
        RoyaltyCapKind::Deductibility => "the excess is paid but not deductible for the JV",
        RoyaltyCapKind::Approval => "a rate above it needs the regulator's approval",
    };
    let change = if cap.covers_fees {
        format!(
            "Lower the royalty rate or the technical fee until together they stay within {}",
            pct(cap.rate)
        )
    } else {
        format!("Lower the royalty rate to {}", pct(cap.rate))
    };
    out.push(Warning {
        source: value_source(deal, "royalty_cap"),
        ..warn(
            "royalty_above_cap",
            "agreements.licence.royalty_rate",
            format!(
                "{what} {} of net sales, above {}'s cap of {}: {consequence}. {change}, and move the value into equity or the kit margin.",
                pct(effective),
                market_name(deal),
                pct(cap.rate),
            ),
        )
    });
}

fn foreign_share(deal: &Deal, proj: &Projection, out: &mut Vec<Warning>) {
    let Some(limit) = deal.market.foreign_ownership_limit else {
        return;
    };
    let mut worst = Decimal::ZERO;
    for holdings in &proj.holdings {
        let total: Decimal = holdings.iter().map(|h| h.vested + h.escrow).sum();
        if total.is_zero() {
            continue;
        }
        let foreign: Decimal = deal
            .parties
            .iter()
            .zip(holdings)
            .filter(|(p, _)| p.home_country != deal.market.country)
            .map(|(_, h)| h.vested + h.escrow)
            .sum();
        worst = worst.max(foreign / total);
    }
    if worst > limit {
        out.push(Warning {
            source: value_source(deal, "foreign_ownership_limit"),
            ..warn(
                "foreign_share_above_limit",
                "equity",
                format!(
                    "Foreign parties hold up to {} of the JV, above {}'s limit of {} for this sector. Give local partners at least {} of the shares throughout (a negotiated split, or local partners joining capital calls), or bring in a local investor.",
                    pct(worst),
                    market_name(deal),
                    pct(limit),
                    pct(Decimal::ONE - limit),
                ),
            )
        });
    }
}

fn cash(proj: &Projection, out: &mut Vec<Warning>) {
    let negative: Vec<String> = proj
        .years
        .iter()
        .filter(|y| y.cash_before_call < Decimal::ZERO)
        .map(|y| y.year.to_string())
        .collect();
    if !negative.is_empty() {
        out.push(warn(
            "negative_cash_before_calls",
            "financing.minimum_cash",
            format!(
                "Before capital calls the JV's cash would be negative in year(s) {}; shareholders must fund it. Plan the funding or add equity at closing.",
                negative.join(", ")
            ),
        ));
    }
    let unfunded: Vec<String> = proj
        .years
        .iter()
        .filter(|y| y.unfunded_shortfall > Decimal::ZERO)
        .map(|y| y.year.to_string())
        .collect();
    if !unfunded.is_empty() {
        out.push(warn(
            "unfunded_capital_call",
            "parties",
            format!(
                "No shareholder takes part in capital calls, so the shortfall of year(s) {} stays unfunded and cash falls below the minimum.",
                unfunded.join(", ")
            ),
        ));
    }
}

fn market_drift(deal: &Deal, ops: &Operations, out: &mut Vec<Warning>) {
    if let Some(real) = Timeline::real_depreciation(deal)
        && real.abs() > REAL_FX_DRIFT
    {
        let direction = if real > Decimal::ZERO {
            "depreciation"
        } else {
            "appreciation"
        };
        out.push(warn(
                "real_fx_drift",
                "market.fx_depreciation",
                format!(
                    "The given depreciation implies a real {direction} of {} a year against relative inflation; a real depreciation squeezes an importer's margin year after year. Leave it empty to follow purchasing-power parity.",
                    pct(real.abs())
                ),
            ));
    }
    let n = ops.revenue.len().saturating_sub(1);
    if let (Some(first), Some(last)) = (ops.gross_margin(1), ops.gross_margin(n))
        && n > 1
        && first - last > MARGIN_EROSION
    {
        let kit_growth = ratio(ops.landed_kit_cost[n], ops.landed_kit_cost[1]);
        let price_growth = ratio(ops.wholesale_price[n], ops.wholesale_price[1]);
        let cause = if kit_growth > price_growth {
            format!(
                "landed kit costs, set in {}, grow {} over the horizon while local prices grow {}",
                deal.reporting_currency,
                pct(kit_growth - Decimal::ONE),
                pct(price_growth - Decimal::ONE)
            )
        } else {
            "local costs outgrow local prices".to_owned()
        };
        out.push(warn(
                "gross_margin_erosion",
                "plan.retail_price",
                format!(
                    "The JV's gross margin falls from {} in year 1 to {} in year {n}: {cause}. Raise price growth or localise more content.",
                    pct(first),
                    pct(last)
                ),
            ));
    }
}

fn ratio(a: Decimal, b: Decimal) -> Decimal {
    if b.is_zero() { Decimal::ONE } else { a / b }
}
