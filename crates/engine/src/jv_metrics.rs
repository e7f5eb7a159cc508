//! JV-level metrics: project IRR, equity IRR, peak funding need, first profitable year.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::exit_value::ExitValue;
use crate::finance::{IrrOutcome, irr};
use crate::model::{ContributionKind, Deal, Exit};
use crate::operations::Operations;
use crate::projection::Projection;
use crate::returns::PartyReturns;
use crate::tax::CarryForward;
use crate::timeline::Timeline;
use crate::valuation::ContributionValue;

/// The JV as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct JvMetrics {
    /// Unlevered free cash flow per year, reporting currency, with the terminal value in N.
    pub project_flows: Vec<Decimal>,
    /// IRR of `project_flows` (null when there is none).
    pub project_irr: Option<Decimal>,
    /// All shareholders' flows together, before withholding and capital-gains tax.
    pub equity_flows: Vec<Decimal>,
    /// IRR of `equity_flows`.
    pub equity_irr: Option<Decimal>,
    /// Most cash shareholders have in the JV at any year end (paid in less dividends),
    /// reporting currency.
    pub peak_funding: Decimal,
    /// Year the peak is reached.
    pub peak_funding_year: u32,
    /// First year with positive net income, if any.
    pub first_profit_year: Option<u32>,
}

fn root(outcome: IrrOutcome) -> Option<Decimal> {
    match outcome {
        IrrOutcome::Unique(r) | IrrOutcome::Ambiguous { chosen: r, .. } => Some(r),
        _ => None,
    }
}

/// Computes the JV-level metrics.
#[allow(clippy::too_many_arguments)]
pub fn jv_metrics(
    deal: &Deal,
    time: &Timeline,
    ops: &Operations,
    values: &[ContributionValue],
    proj: &Projection,
    exit: &ExitValue,
    parties: &[PartyReturns],
) -> JvMetrics {
    let n = time.years;
    let reference = if parties.is_empty() {
        Decimal::ZERO
    } else {
        parties.iter().map(|p| p.discount_rate).sum::<Decimal>() / Decimal::from(parties.len())
    };
    // Tax on EBIT alone, with the same holiday and loss rules.
    let mut losses = CarryForward::new(deal.market.loss_carry_forward_years);
    let mut project_flows = Vec::with_capacity(n + 1);
    for t in 0..=n {
        let row = &proj.years[t];
        let mut taxable = row.ebit + proj.nondeductible_royalty[t];
        if !deal.market.amortisation_deductible {
            taxable += row.amortisation;
        }
        let mut tax = Decimal::ZERO;
        if t >= 1 {
            if taxable < Decimal::ZERO {
                losses.add(t, -taxable);
            } else if !time.holiday[t] {
                tax = time.tax_rate[t] * (taxable - losses.take(t, taxable));
            }
        }
        let assets: Decimal = values
            .iter()
            .filter(|v| v.kind == ContributionKind::Asset && v.year as usize == t)
            .map(|v| v.value)
            .sum();
        let mut flow =
            (ops.ebitda[t] - tax - ops.capex[t] - row.working_capital_change) / time.fx[t] - assets;
        if t == n {
            let terminal = match deal.exit {
                Exit::None => Decimal::ZERO,
                Exit::BookValue => row.book_equity + row.loan_balance - row.cash,
                _ => exit.enterprise_value.unwrap_or_default(),
            };
            flow += terminal.max(Decimal::ZERO) / time.fx[t];
        }
        project_flows.push(flow);
    }
    let mut equity_flows = vec![Decimal::ZERO; n + 1];
    for p in parties {
        let ch = &p.channels;
        for (t, flow) in equity_flows.iter_mut().enumerate() {
            *flow += ch.contributions[t] + ch.in_kind[t] + ch.capital_calls[t];
        }
    }
    let mut peak_funding = Decimal::ZERO;
    let mut peak_funding_year = 0;
    let mut funded = Decimal::ZERO;
    for (t, row) in proj.years.iter().enumerate() {
        let fx = time.fx[t];
        equity_flows[t] += row.dividends / fx;
        if t == n {
            let vested: Decimal = proj.holdings[t].iter().map(|h| h.vested).sum();
            if !vested.is_zero() {
                equity_flows[t] += exit.equity_value / fx;
            }
        }
        funded += (row.cash_contributed + row.capital_call - row.dividends) / fx;
        if funded > peak_funding {
            peak_funding = funded;
            peak_funding_year = t as u32;
        }
    }
    let first_profit_year = proj
        .years
        .iter()
        .find(|y| y.net_income > Decimal::ZERO)
        .map(|y| y.year);
    JvMetrics {
        project_irr: root(irr(&project_flows, reference)),
        equity_irr: root(irr(&equity_flows, reference)),
        project_flows,
        equity_flows,
        peak_funding,
        peak_funding_year,
        first_profit_year,
    }
}
