//! One call from a deal to every result: the pipeline of the model.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::equity::{ClosingShare, split};
use crate::exit_value::{ExitValue, exit_value};
use crate::jv_metrics::{JvMetrics, jv_metrics};
use crate::model::{Deal, SplitMode};
use crate::operations::Operations;
use crate::problem::{DealError, FieldError, Warning};
use crate::projection::{CapTableEvent, YearRow, project};
use crate::returns::{PartyReturns, party_returns};
use crate::timeline::Timeline;
use crate::validate::validate;
use crate::valuation::{ContributionValue, value_contributions};

/// Everything JV Studio shows about a deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Evaluation {
    /// Which deal and in which currencies.
    pub deal: DealSummary,
    /// Each contribution's value.
    pub contributions: Vec<ContributionValue>,
    /// The cap table at closing and over time.
    pub equity: EquityResult,
    /// The JV's accounts by year, local currency.
    pub projection: ProjectionResult,
    /// The exit valuation.
    pub exit: ExitValue,
    /// Each party's flows and metrics, reporting currency.
    pub parties: Vec<PartyReturns>,
    /// JV-level metrics.
    pub jv: JvMetrics,
    /// Findings that do not block the calculation.
    pub warnings: Vec<Warning>,
}

/// Identity of the evaluated deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealSummary {
    /// Deal name.
    pub name: String,
    /// Market country code.
    pub market: String,
    /// Local currency (the projection's).
    pub local_currency: String,
    /// Reporting currency (the parties').
    pub reporting_currency: String,
    /// Horizon N.
    pub horizon_years: u32,
}

/// One party's line of the cap table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CapTableRow {
    /// Party id.
    pub id: String,
    /// Whole shares issued at closing.
    pub shares: Decimal,
    /// Its share of the shares issued, in percent (60 means 60 %).
    pub percent: Decimal,
    /// Value contributed, reporting currency.
    pub value_contributed: Decimal,
    /// Value transfer (negotiated split): share × total value − value contributed.
    pub value_transfer: Decimal,
}

/// Holdings of every party at one year end.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct YearHoldings {
    /// The year.
    pub year: u32,
    /// One entry per party, file order.
    pub parties: Vec<HoldingRow>,
}

/// One party's holding at a year end.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HoldingRow {
    /// Party id.
    pub id: String,
    /// Vested shares.
    pub vested: Decimal,
    /// Shares in escrow.
    pub escrow: Decimal,
    /// Percent of all shares outstanding (vested and escrow).
    pub percent: Decimal,
    /// Percent of vested shares: its share of dividends and exit.
    pub vested_percent: Decimal,
}

/// The equity result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EquityResult {
    /// `contribution_based` or `negotiated`.
    pub mode: SplitMode,
    /// Shares issued at closing.
    pub shares_issued: u64,
    /// The cap table at closing.
    pub parties: Vec<CapTableRow>,
    /// Every change since closing.
    pub history: Vec<CapTableEvent>,
    /// Holdings at each year end, 0..N.
    pub by_year: Vec<YearHoldings>,
}

/// The projection result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProjectionResult {
    /// Currency of every amount.
    pub currency: String,
    /// Years 0..N.
    pub years: Vec<YearRow>,
}

fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        crate::rounding::pro_rata(Decimal::ONE_HUNDRED, part, whole)
    }
}

/// Validates and evaluates a deal; every validation error is returned at once.
pub fn evaluate(deal: &Deal) -> Result<Evaluation, DealError> {
    let errors = validate(deal);
    if !errors.is_empty() {
        return Err(DealError::Invalid(errors));
    }
    // Validation bounds every input so that no arithmetic can overflow; this guard turns a
    // bound we missed into an error instead of a crash.
    let evaluation = std::panic::catch_unwind(|| compute(deal)).map_err(|_| {
        DealError::Invalid(vec![FieldError::new(
            "",
            "the deal's numbers leave the range that can be computed (most often capital calls \
             priced at a tiny book equity per share, issuing more shares than can be counted); \
             fund the losses with equity at closing or a loan, or check amounts and growth rates",
        )])
    })?;
    // Validation lets plan-based valuations through when their rate is positive; only the
    // plan tells whether they are worth anything. With nothing of value, a split by value
    // has nothing to divide and would issue no shares.
    if deal.equity.mode == SplitMode::ContributionBased
        && evaluation
            .equity
            .parties
            .iter()
            .all(|row| row.value_contributed.is_zero())
    {
        return Err(DealError::Invalid(vec![FieldError::new(
            "equity.mode",
            "the contributions are worth nothing at closing under this plan (plan-based \
             valuations are zero, e.g. when no units are sold), so a split by contributed value \
             has nothing to divide; give a contribution an agreed value or negotiate the split",
        )]));
    }
    Ok(evaluation)
}

fn compute(deal: &Deal) -> Evaluation {
    let time = Timeline::new(deal);
    let ops = Operations::project(deal, &time);
    let values = value_contributions(deal, &time, &ops);
    let closing = split(deal, &values);
    let proj = project(deal, &time, &ops, &values, &closing);
    let exit = exit_value(deal, &time, &ops, &proj);
    let parties = party_returns(deal, &time, &ops, &values, &proj, &exit);
    let jv = jv_metrics(deal, &time, &ops, &values, &proj, &exit, &parties);
    let warnings = crate::warnings::warnings(deal, &ops, &values, &proj, &exit, &parties);
    Evaluation {
        deal: DealSummary {
            name: deal.name.clone(),
            market: deal.market.country.clone(),
            local_currency: deal.market.currency.clone(),
            reporting_currency: deal.reporting_currency.clone(),
            horizon_years: deal.horizon_years,
        },
        equity: equity_result(deal, &closing, &proj),
        contributions: values,
        projection: ProjectionResult {
            currency: deal.market.currency.clone(),
            years: proj.years,
        },
        exit,
        parties,
        jv,
        warnings,
    }
}

fn equity_result(
    deal: &Deal,
    closing: &[ClosingShare],
    proj: &crate::projection::Projection,
) -> EquityResult {
    let issued = Decimal::from(deal.equity.shares_issued);
    let by_year = proj
        .holdings
        .iter()
        .enumerate()
        .map(|(t, holdings)| {
            let total: Decimal = holdings.iter().map(|h| h.vested + h.escrow).sum();
            let vested: Decimal = holdings.iter().map(|h| h.vested).sum();
            YearHoldings {
                year: t as u32,
                parties: holdings
                    .iter()
                    .map(|h| HoldingRow {
                        id: h.party.clone(),
                        vested: h.vested,
                        escrow: h.escrow,
                        percent: percent(h.vested + h.escrow, total),
                        vested_percent: percent(h.vested, vested),
                    })
                    .collect(),
            }
        })
        .collect();
    EquityResult {
        mode: deal.equity.mode,
        shares_issued: deal.equity.shares_issued,
        parties: closing
            .iter()
            .map(|c| CapTableRow {
                id: c.id.clone(),
                shares: c.shares,
                percent: percent(c.shares, issued),
                value_contributed: c.value_contributed,
                value_transfer: c.value_transfer,
            })
            .collect(),
        history: proj.history.clone(),
        by_year,
    }
}
