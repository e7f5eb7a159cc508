//! The JV year by year: financing, tax, capital calls, vesting, legal reserve, dividends
//! and cash (DOMAIN.md §4–5, with the order of §10).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::equity::ClosingShare;
use crate::model::{ContributionKind, Deal, RoyaltyCapKind};
use crate::operations::Operations;
use crate::rounding::largest_remainder;
use crate::tax::CarryForward;
use crate::timeline::Timeline;
use crate::valuation::ContributionValue;

/// One year of the JV's accounts, local currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct YearRow {
    /// Year t (0 = closing).
    pub year: u32,
    /// Local currency per 1 reporting-currency unit.
    pub fx: Decimal,
    /// Units sold.
    pub units: Decimal,
    /// Retail price per unit.
    pub retail_price: Decimal,
    /// Wholesale price per unit (what the dealer pays).
    pub wholesale_price: Decimal,
    /// Net revenue.
    pub revenue: Decimal,
    /// Landed kit cost per unit.
    pub landed_kit_cost: Decimal,
    /// Cost of goods sold.
    pub cogs: Decimal,
    /// Revenue − COGS.
    pub gross_profit: Decimal,
    /// Running royalty.
    pub royalty: Decimal,
    /// Fixed technical fees.
    pub technical_fees: Decimal,
    /// Operating expenses.
    pub opex: Decimal,
    /// EBITDA.
    pub ebitda: Decimal,
    /// Depreciation of capex and contributed assets.
    pub depreciation: Decimal,
    /// Amortisation of contributed intangibles.
    pub amortisation: Decimal,
    /// EBIT.
    pub ebit: Decimal,
    /// Interest on the loan's opening balance.
    pub interest: Decimal,
    /// Earnings before tax.
    pub ebt: Decimal,
    /// Income the tax rate applies to, before losses brought forward.
    pub taxable_income: Decimal,
    /// Income tax.
    pub tax: Decimal,
    /// Net income.
    pub net_income: Decimal,
    /// Working capital at year end.
    pub working_capital: Decimal,
    /// Increase in working capital (a use of cash).
    pub working_capital_change: Decimal,
    /// Capital expenditure.
    pub capex: Decimal,
    /// Cash contributed by shareholders this year.
    pub cash_contributed: Decimal,
    /// Loan drawn.
    pub loan_drawdown: Decimal,
    /// Loan principal repaid.
    pub principal_repaid: Decimal,
    /// Loan outstanding at year end.
    pub loan_balance: Decimal,
    /// Cash before any capital call and dividend.
    pub cash_before_call: Decimal,
    /// Capital called from shareholders (funded part).
    pub capital_call: Decimal,
    /// Shortfall below minimum cash nobody funded.
    pub unfunded_shortfall: Decimal,
    /// Added to the legal reserve.
    pub legal_reserve_addition: Decimal,
    /// Legal reserve at year end.
    pub legal_reserve: Decimal,
    /// Dividends paid.
    pub dividends: Decimal,
    /// Cash at year end.
    pub cash: Decimal,
    /// Share capital and capital calls paid in so far.
    pub paid_in_capital: Decimal,
    /// Book equity at year end.
    pub book_equity: Decimal,
    /// Tax losses carried forward at year end.
    pub losses_carried_forward: Decimal,
}

/// What happened to the cap table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Shares issued at closing (vested or in escrow).
    Closing,
    /// An escrowed tranche vested.
    Vesting,
    /// A tranche was cancelled because its milestone was missed.
    Forfeiture,
    /// New shares issued to those who funded a capital call.
    CapitalCall,
}

/// One entry of the cap-table history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CapTableEvent {
    /// The year.
    pub year: u32,
    /// What happened.
    pub kind: EventKind,
    /// The party concerned.
    pub party: String,
    /// Shares issued, vested or cancelled.
    pub shares: Decimal,
    /// Price per new share (capital calls), local currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Decimal>,
    /// Amount funded (capital calls), local currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    /// The milestone (vesting and forfeiture).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub milestone: String,
}

/// One party's shares at a year end.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Holding {
    /// The party's id.
    pub party: String,
    /// Vested shares: they vote, earn dividends and share in the exit.
    pub vested: Decimal,
    /// Shares in escrow until their milestone.
    pub escrow: Decimal,
}

/// The JV's accounts and cap table over the horizon.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    /// Years 0..N.
    pub years: Vec<YearRow>,
    /// Every change to the cap table.
    pub history: Vec<CapTableEvent>,
    /// Holdings at each year end, parties in file order.
    pub holdings: Vec<Vec<Holding>>,
    /// Capital-call money each party paid, by year, local currency.
    pub calls_paid: Vec<Vec<Decimal>>,
    /// Royalty that was not deductible, by year.
    pub nondeductible_royalty: Vec<Decimal>,
    /// Amortisation of contributed intangibles by year (for the project view).
    pub amortisation: Vec<Decimal>,
}

/// The running state of the year loop.
struct State {
    cash: Decimal,
    loan: Decimal,
    paid_in: Decimal,
    cum_income: Decimal,
    cum_dividends: Decimal,
    cum_reserve_base: Decimal,
    reserve: Decimal,
    losses: CarryForward,
    interest_pool: CarryForward,
    holdings: Vec<Holding>,
    pieces_done: Vec<Vec<bool>>,
}

/// Runs the year loop of a validated deal.
// The year index reads a dozen parallel series; an iterator over one of them would hide that.
#[allow(clippy::needless_range_loop)]
pub fn project(
    deal: &Deal,
    time: &Timeline,
    ops: &Operations,
    values: &[ContributionValue],
    closing: &[ClosingShare],
) -> Projection {
    let n = time.years;
    let parties = deal.parties.len();
    let amortisation = amortisation(time, values, deal);
    let mut out = Projection {
        calls_paid: vec![vec![Decimal::ZERO; n + 1]; parties],
        nondeductible_royalty: vec![Decimal::ZERO; n + 1],
        amortisation: amortisation.clone(),
        ..Default::default()
    };
    let mut state = State {
        cash: Decimal::ZERO,
        loan: Decimal::ZERO,
        paid_in: Decimal::ZERO,
        cum_income: Decimal::ZERO,
        cum_dividends: Decimal::ZERO,
        cum_reserve_base: Decimal::ZERO,
        reserve: Decimal::ZERO,
        losses: CarryForward::new(deal.market.loss_carry_forward_years),
        interest_pool: CarryForward::new(deal.market.interest_carry_forward_years),
        holdings: closing
            .iter()
            .map(|c| Holding {
                party: c.id.clone(),
                vested: Decimal::ZERO,
                escrow: c.shares,
            })
            .collect(),
        pieces_done: closing
            .iter()
            .map(|c| vec![false; c.pieces.len()])
            .collect(),
    };
    for c in closing.iter().filter(|c| !c.shares.is_zero()) {
        out.history
            .push(event(0, EventKind::Closing, &c.id, c.shares));
    }
    // Closing share capital fixes the par value for calls priced when book equity ≤ 0.
    let closing_capital: Decimal = values
        .iter()
        .filter(|v| v.year == 0)
        .map(|v| v.value * time.fx[0])
        .sum();
    let total_shares = Decimal::from(deal.equity.shares_issued);
    let par = if closing_capital > Decimal::ZERO && !total_shares.is_zero() {
        closing_capital / total_shares
    } else {
        Decimal::ONE
    };
    let mut prior_book_equity = Decimal::ZERO;
    for t in 0..=n {
        let fx = time.fx[t];
        let mut row = YearRow {
            year: t as u32,
            fx,
            units: ops.units[t],
            retail_price: ops.retail_price[t],
            wholesale_price: ops.wholesale_price[t],
            revenue: ops.revenue[t],
            landed_kit_cost: ops.landed_kit_cost[t],
            cogs: ops.cogs[t],
            gross_profit: ops.revenue[t] - ops.cogs[t],
            royalty: ops.royalty[t],
            technical_fees: ops.technical_fees[t],
            opex: ops.opex[t],
            ebitda: ops.ebitda[t],
            depreciation: ops.depreciation[t],
            amortisation: amortisation[t],
            capex: ops.capex[t],
            working_capital: ops.working_capital[t],
            working_capital_change: ops.working_capital[t]
                - if t == 0 {
                    Decimal::ZERO
                } else {
                    ops.working_capital[t - 1]
                },
            ..Default::default()
        };
        row.ebit = row.ebitda - row.depreciation - row.amortisation;
        // Contributions dated this year: all build share capital, cash arrives as cash.
        for v in values.iter().filter(|v| v.year as usize == t) {
            let local = v.value * fx;
            state.paid_in += local;
            if v.kind == ContributionKind::Cash {
                row.cash_contributed += local;
            }
        }
        financing(deal, t, &mut state, &mut row);
        row.ebt = row.ebit - row.interest;
        out.nondeductible_royalty[t] = income_tax(deal, time, t, &mut state, &mut row);
        row.net_income = row.ebt - row.tax;
        state.cum_income += row.net_income;
        row.cash_before_call = state.cash + row.net_income + row.depreciation + row.amortisation
            - row.working_capital_change
            - row.capex
            + row.cash_contributed
            + row.loan_drawdown
            - row.principal_repaid;
        let minimum = deal.financing.minimum_cash;
        let mut cash = row.cash_before_call;
        if cash < minimum {
            let shortfall = minimum - cash;
            let price = if prior_book_equity > Decimal::ZERO {
                let outstanding: Decimal = state.holdings.iter().map(|h| h.vested + h.escrow).sum();
                if outstanding.is_zero() {
                    par
                } else {
                    prior_book_equity / outstanding
                }
            } else {
                par
            };
            let funded = capital_call(deal, t, shortfall, price, &mut state, &mut out);
            row.capital_call = funded;
            row.unfunded_shortfall = shortfall - funded;
            cash += funded;
            state.paid_in += funded;
        }
        vest(closing, t, &mut state, &mut out);
        reserve_and_dividends(deal, t, &mut state, &mut row, cash);
        cash -= row.dividends;
        state.cash = cash;
        row.cash = cash;
        row.paid_in_capital = state.paid_in;
        row.book_equity = state.paid_in + state.cum_income - state.cum_dividends;
        row.losses_carried_forward = state.losses.balance();
        prior_book_equity = row.book_equity;
        out.holdings.push(state.holdings.clone());
        out.years.push(row);
    }
    out
}

fn event(year: usize, kind: EventKind, party: &str, shares: Decimal) -> CapTableEvent {
    CapTableEvent {
        year: year as u32,
        kind,
        party: party.to_owned(),
        shares,
        price: None,
        amount: None,
        milestone: String::new(),
    }
}

/// Amortisation of contributed intangibles, each from the year after it is booked.
fn amortisation(time: &Timeline, values: &[ContributionValue], deal: &Deal) -> Vec<Decimal> {
    let n = time.years;
    let mut out = vec![Decimal::ZERO; n + 1];
    for v in values.iter().filter(|v| v.kind.is_intangible()) {
        let life = deal
            .parties
            .iter()
            .find(|p| p.id == v.party)
            .and_then(|p| p.contributions.get(v.index))
            .and_then(|c| c.useful_life_years)
            .unwrap_or(n as u32);
        if life == 0 {
            continue;
        }
        let year = v.year as usize;
        let per_year =
            v.value * time.fx.get(year).copied().unwrap_or(Decimal::ONE) / Decimal::from(life);
        for slot in out.iter_mut().skip(year + 1).take(life as usize) {
            *slot += per_year;
        }
    }
    out
}

/// Loan drawdown, interest on the opening balance and equal principal repayments.
fn financing(deal: &Deal, t: usize, state: &mut State, row: &mut YearRow) {
    let Some(loan) = &deal.financing.loan else {
        return;
    };
    let draw = loan.drawdown_year as usize;
    row.interest = state.loan * loan.rate;
    if t > draw && t <= draw + loan.tenor_years as usize && loan.tenor_years > 0 {
        row.principal_repaid = (loan.amount / Decimal::from(loan.tenor_years)).min(state.loan);
    }
    if t == draw {
        row.loan_drawdown = loan.amount;
    }
    state.loan += row.loan_drawdown - row.principal_repaid;
    row.loan_balance = state.loan;
}

/// Income tax with the royalty cap, the interest limit, non-deductible amortisation, the
/// holiday and loss carry-forward; returns the royalty that was not deductible.
fn income_tax(
    deal: &Deal,
    time: &Timeline,
    t: usize,
    state: &mut State,
    row: &mut YearRow,
) -> Decimal {
    let market = &deal.market;
    let mut add_back = Decimal::ZERO;
    let mut nondeductible_royalty = Decimal::ZERO;
    if let Some(cap) = market
        .royalty_cap
        .as_ref()
        .filter(|c| c.kind == RoyaltyCapKind::Deductibility)
    {
        let capped = if cap.covers_fees {
            row.royalty + row.technical_fees
        } else {
            row.royalty
        };
        nondeductible_royalty = (capped - cap.rate * row.revenue).max(Decimal::ZERO);
        add_back += nondeductible_royalty;
    }
    if let Some(limit) = market.interest_deduction_limit {
        let room = limit * row.ebitda.max(Decimal::ZERO);
        let allowed_now = row.interest.min(room);
        let disallowed = row.interest - allowed_now;
        let from_pool = if t >= 1 {
            state.interest_pool.take(t, room - allowed_now)
        } else {
            Decimal::ZERO
        };
        if market.interest_carry_forward_years.is_some() {
            state.interest_pool.add(t, disallowed);
        }
        add_back += disallowed - from_pool;
    }
    if !market.amortisation_deductible {
        add_back += row.amortisation;
    }
    row.taxable_income = row.ebt + add_back;
    if t == 0 {
        return nondeductible_royalty;
    }
    if row.taxable_income < Decimal::ZERO {
        state.losses.add(t, -row.taxable_income);
    } else if !time.holiday[t] {
        // Profits of holiday years do not use up losses; other years use them oldest first.
        let used = state.losses.take(t, row.taxable_income);
        row.tax = time.tax_rate[t] * (row.taxable_income - used);
    }
    nondeductible_royalty
}

/// Calls `shortfall` from the parties that join capital calls, pro rata to their holdings
/// at the start of the year, issuing new shares at `price`; returns the amount funded.
fn capital_call(
    deal: &Deal,
    t: usize,
    shortfall: Decimal,
    price: Decimal,
    state: &mut State,
    out: &mut Projection,
) -> Decimal {
    let weights: Vec<Decimal> = deal
        .parties
        .iter()
        .zip(&state.holdings)
        .map(|(p, h)| {
            if p.joins_capital_calls {
                h.vested + h.escrow
            } else {
                Decimal::ZERO
            }
        })
        .collect();
    let total: Decimal = weights.iter().sum();
    if total.is_zero() || price <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let new_shares =
        (shortfall / price).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let allotted = largest_remainder(new_shares, &weights);
    for (i, weight) in weights.iter().enumerate() {
        if weight.is_zero() {
            continue;
        }
        let paid = crate::rounding::pro_rata(shortfall, *weight, total);
        out.calls_paid[i][t] += paid;
        state.holdings[i].vested += allotted[i];
        let mut e = event(t, EventKind::CapitalCall, &deal.parties[i].id, allotted[i]);
        e.price = Some(price);
        e.amount = Some(paid);
        out.history.push(e);
    }
    shortfall
}

/// Vests or cancels the tranches due this year (after the capital call, before dividends).
fn vest(closing: &[ClosingShare], t: usize, state: &mut State, out: &mut Projection) {
    for (i, party) in closing.iter().enumerate() {
        for (k, piece) in party.pieces.iter().enumerate() {
            if state.pieces_done[i][k] || piece.vest_year as usize != t {
                continue;
            }
            state.pieces_done[i][k] = true;
            state.holdings[i].escrow -= piece.shares;
            let kind = if piece.missed {
                EventKind::Forfeiture
            } else {
                state.holdings[i].vested += piece.shares;
                EventKind::Vesting
            };
            // Unconditional closing shares are part of the closing event, not a vesting.
            if t == 0 && piece.milestone.is_empty() {
                continue;
            }
            let mut e = event(t, kind, &party.id, piece.shares);
            e.milestone = piece.milestone.clone();
            out.history.push(e);
        }
    }
}

/// Sets the legal reserve aside, then pays the dividend the payout policy, retained
/// earnings and cash above the minimum allow.
fn reserve_and_dividends(
    deal: &Deal,
    t: usize,
    state: &mut State,
    row: &mut YearRow,
    cash: Decimal,
) {
    let retained = state.cum_income - state.cum_dividends - state.reserve;
    if let Some(rule) = &deal.market.legal_reserve {
        // The year's profit counts only after absorbing accumulated losses.
        let base = row.net_income.min(retained).max(Decimal::ZERO);
        let room = (rule.cap_share_of_capital * state.paid_in - state.reserve).max(Decimal::ZERO);
        row.legal_reserve_addition = (rule.share_of_profit * base).min(room);
        state.reserve += row.legal_reserve_addition;
    }
    row.legal_reserve = state.reserve;
    state.cum_reserve_base += row.net_income - row.legal_reserve_addition;
    let vested: Decimal = state.holdings.iter().map(|h| h.vested).sum();
    if t == 0 || vested.is_zero() {
        return;
    }
    let target = deal.plan.payout_ratio * state.cum_reserve_base - state.cum_dividends;
    let distributable = retained - row.legal_reserve_addition;
    let above_minimum = cash - deal.financing.minimum_cash;
    row.dividends = target
        .min(distributable)
        .min(above_minimum)
        .max(Decimal::ZERO);
    state.cum_dividends += row.dividends;
}
