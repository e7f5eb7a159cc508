//! Guardrails (DOMAIN.md §8): each market rule the deal breaks becomes a warning that says the
//! rule, the market and what to change, at the field to change, with the rule's source.
//! Rules inform; they never block the calculation.

use rust_decimal::Decimal;

use crate::model::{ContributionKind, Deal, DutyBase, MarketRule, Party, RuleBasis};
use crate::problem::Warning;
use crate::projection::Projection;
use crate::returns::PartyReturns;
use crate::valuation::ContributionValue;

/// A rate as people read it in a message: 0.035 → "3.5 %".
pub(crate) fn pct(rate: Decimal) -> String {
    format!("{:.1} %", rate * Decimal::ONE_HUNDRED)
}

/// The market's name, or its code when it has none.
pub(crate) fn market_name(deal: &Deal) -> &str {
    if deal.market.name.is_empty() {
        &deal.market.country
    } else {
        &deal.market.name
    }
}

/// The source of the market value `field` (e.g. `royalty_cap`), from the deal's provenance.
pub(crate) fn value_source(deal: &Deal, field: &str) -> Option<String> {
    deal.market
        .provenance
        .iter()
        .find(|v| {
            v.field
                .strip_prefix(field)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
        .map(|v| v.source.clone())
}

/// Whole units of an amount with thousands separators: 1234567.8 → "1,234,568".
fn money(amount: Decimal) -> String {
    let whole = amount
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .abs()
        .trunc()
        .to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if amount < Decimal::ZERO && out != "0" {
        out.insert(0, '−');
    }
    out
}

/// What an evaluated deal offers the guardrails.
pub(crate) struct Evaluated<'a> {
    pub deal: &'a Deal,
    pub values: &'a [ContributionValue],
    pub proj: &'a Projection,
    pub parties: &'a [PartyReturns],
}

/// A warning for a broken rule: "<market>: <rule>. <what the deal does>. <what to change>".
fn broken(
    code: &'static str,
    path: impl Into<String>,
    deal: &Deal,
    basis: &RuleBasis,
    finding: String,
) -> Warning {
    let rule = basis.summary.trim().trim_end_matches('.');
    Warning {
        code,
        message: format!("{}: {rule}. {finding}", market_name(deal)),
        path: path.into(),
        source: Some(basis.source.clone()),
    }
}

/// Every market rule the deal breaks, in the order of `market.rules`.
pub(crate) fn guardrails(ev: &Evaluated, out: &mut Vec<Warning>) {
    for rule in &ev.deal.market.rules {
        match rule {
            MarketRule::TechnologyFeesRefusedOnCkd { basis } => technology_fees(ev, basis, out),
            MarketRule::ForeignTradeLicence {
                max_foreign_share,
                min_foreign_investment,
                basis,
            } => {
                if let Some(max) = max_foreign_share {
                    trade_licence_share(ev, *max, basis, out);
                }
                if let Some(min) = min_foreign_investment {
                    trade_licence_investment(ev, *min, basis, out);
                }
            }
            MarketRule::CapitalImportNeedsCashOrGoods { basis } => capital_import(ev, basis, out),
            MarketRule::RepatriationRestricted { basis } => repatriation(ev, basis, out),
            MarketRule::DutyChange {
                applies_to,
                rate,
                effective,
                basis,
            } => duty_change(ev, *applies_to, *rate, effective, basis, out),
        }
    }
}

/// The name of the party with `id`, or the id itself.
fn name_of<'a>(deal: &'a Deal, id: &'a str) -> &'a str {
    deal.parties
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.name.as_str())
}

/// Parties taxed outside the market, with their index in the file.
fn foreign(deal: &Deal) -> impl Iterator<Item = (usize, &Party)> {
    deal.parties
        .iter()
        .enumerate()
        .filter(|(_, p)| p.home_country != deal.market.country)
}

fn technology_fees(ev: &Evaluated, basis: &RuleBasis, out: &mut Vec<Warning>) {
    let deal = ev.deal;
    let (Some(supplier), Some(licence)) = (
        &deal.agreements.kit_supply.supplier,
        &deal.agreements.licence,
    ) else {
        return;
    };
    let royalty = licence.royalty_rate > Decimal::ZERO;
    let fee = licence.technical_fee > Decimal::ZERO;
    let fee_text = format!(
        "a technical fee of {} {} a year",
        deal.reporting_currency,
        money(licence.technical_fee)
    );
    let (path, paid, change) = match (royalty, fee) {
        (false, false) => return,
        (true, false) => (
            "agreements.licence.royalty_rate",
            format!("a royalty of {} of net sales", pct(licence.royalty_rate)),
            "Set the royalty to 0",
        ),
        (false, true) => (
            "agreements.licence.technical_fee",
            fee_text,
            "Set the technical fee to 0",
        ),
        (true, true) => (
            "agreements.licence.royalty_rate",
            format!(
                "a royalty of {} of net sales and {fee_text}",
                pct(licence.royalty_rate)
            ),
            "Set the royalty and the technical fee to 0",
        ),
    };
    let payee = if licence.licensor == *supplier {
        "it"
    } else {
        name_of(deal, &licence.licensor)
    };
    out.push(broken(
        "technology_fee_refused_on_ckd",
        path,
        deal,
        basis,
        format!(
            "The JV assembles CKD kits supplied by {} and pays {payee} {paid}, which the regulator may refuse to approve, so it could not be paid abroad. {change} and earn on the technology through the kit margin or a larger stake, or show that the JV does more than plain CKD assembly (local content, engineering) before counting on it.",
            name_of(deal, supplier),
        ),
    ));
}

fn trade_licence_share(ev: &Evaluated, max: Decimal, basis: &RuleBasis, out: &mut Vec<Warning>) {
    let deal = ev.deal;
    let Some(closing) = ev.proj.holdings.first() else {
        return;
    };
    let total: Decimal = closing.iter().map(|h| h.vested + h.escrow).sum();
    if total.is_zero() {
        return;
    }
    let names: Vec<&str> = foreign(deal).map(|(_, p)| p.name.as_str()).collect();
    let held: Decimal = deal
        .parties
        .iter()
        .zip(closing)
        .filter(|(p, _)| p.home_country != deal.market.country)
        .map(|(_, h)| h.vested + h.escrow)
        .sum();
    let share = held / total;
    if share <= max {
        return;
    }
    let change = if max.is_zero() {
        "Let a local partner hold the trading and distribution licence and have the JV sell only to it".to_owned()
    } else {
        format!(
            "Give local partners at least {} of the shares (a negotiated split), or let a local partner hold the trading and distribution licence and have the JV sell only to it",
            pct(Decimal::ONE - max)
        )
    };
    out.push(broken(
        "foreign_trade_licence",
        "equity",
        deal,
        basis,
        format!(
            "Foreign parties ({}) hold {} of the JV at closing, above the {} a company may have to get a trading or distribution licence. {change}.",
            names.join(", "),
            pct(share),
            pct(max),
        ),
    ));
}

fn trade_licence_investment(
    ev: &Evaluated,
    min: Decimal,
    basis: &RuleBasis,
    out: &mut Vec<Warning>,
) {
    let deal = ev.deal;
    let Some((first, first_party)) = foreign(deal).next() else {
        return;
    };
    let invested: Decimal = ev
        .values
        .iter()
        .filter(|v| {
            deal.parties
                .iter()
                .any(|p| p.id == v.party && p.home_country != deal.market.country)
        })
        .map(|v| v.value)
        .sum();
    if invested >= min {
        return;
    }
    let ccy = &deal.reporting_currency;
    out.push(broken(
        "foreign_trade_licence",
        format!("parties[{first}].contributions"),
        deal,
        basis,
        format!(
            "Foreign parties contribute {ccy} {} in all, below the {ccy} {} a company with foreign owners must invest to trade. Raise {}'s cash or equipment contribution by {ccy} {}, or let a local partner hold the trading licence and have the JV sell only to it.",
            money(invested),
            money(min),
            first_party.name,
            money(min - invested),
        ),
    ));
}

fn capital_import(ev: &Evaluated, basis: &RuleBasis, out: &mut Vec<Warning>) {
    let deal = ev.deal;
    for (i, party) in foreign(deal) {
        let brings_money_or_goods = party
            .contributions
            .iter()
            .any(|c| matches!(c.kind, ContributionKind::Cash | ContributionKind::Asset));
        if party.contributions.is_empty() || brings_money_or_goods {
            continue;
        }
        let mut kinds: Vec<&str> = Vec::new();
        for c in &party.contributions {
            let kind = match c.kind {
                ContributionKind::Technology => "technology",
                ContributionKind::Distribution => "a distribution network",
                ContributionKind::Services => "services",
                ContributionKind::Cash | ContributionKind::Asset => continue,
            };
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        out.push(broken(
            "capital_import_cash_or_goods",
            format!("parties[{i}].contributions"),
            deal,
            basis,
            format!(
                "{} brings only {} for its shares, no cash or goods, so its investment may not be registered and its dividends and exit proceeds may not be allowed out. Bring part of its stake as cash or as equipment or kits (a cash or asset contribution).",
                party.name,
                kinds.join(" and "),
            ),
        ));
    }
}

fn repatriation(ev: &Evaluated, basis: &RuleBasis, out: &mut Vec<Warning>) {
    let deal = ev.deal;
    for (i, party) in foreign(deal) {
        let Some(returns) = ev.parties.get(i) else {
            continue;
        };
        let dividends: Decimal = returns.channels.dividends.iter().sum();
        if dividends <= Decimal::ZERO {
            continue;
        }
        out.push(broken(
            "repatriation_restricted",
            format!("parties[{i}]"),
            deal,
            basis,
            format!(
                "{} is projected to receive {} {} of dividends over the horizon, which may be blocked or delayed. Take more of its return as royalties or kit margin, or plan to reinvest its dividends in the JV until they may be paid out.",
                party.name,
                deal.reporting_currency,
                money(dividends),
            ),
        ));
    }
}

fn duty_change(
    ev: &Evaluated,
    applies_to: DutyBase,
    rate: Decimal,
    effective: &str,
    basis: &RuleBasis,
    out: &mut Vec<Warning>,
) {
    let deal = ev.deal;
    let (path, finding) = match applies_to {
        DutyBase::Kits => {
            let current = deal.market.import_duty_kits;
            if current == rate {
                return;
            }
            (
                "market.import_duty_kits",
                format!(
                    "Duty on kits becomes {} from {effective}; the deal uses {} for every year. Set the kit duty to {} if most of the JV's kits are imported after that date.",
                    pct(rate),
                    pct(current),
                    pct(rate),
                ),
            )
        }
        DutyBase::Vehicles => (
            "plan.retail_price",
            format!(
                "Duty on imported finished vehicles becomes {} from {effective}, which moves the price of the imports the JV competes with. Check the retail price and volumes against it.",
                pct(rate),
            ),
        ),
    };
    out.push(broken("duty_change_scheduled", path, deal, basis, finding));
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn amounts_read_with_separators() {
        assert_eq!(money(dec!(1000000)), "1,000,000");
        assert_eq!(money(dec!(999.5)), "1,000");
        assert_eq!(money(dec!(12)), "12");
        assert_eq!(money(dec!(-1234)), "−1,234");
        assert_eq!(money(dec!(0)), "0");
        assert_eq!(pct(dec!(0.035)), "3.5 %");
    }
}
