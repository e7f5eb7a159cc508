//! The JV's value at the end of the horizon (DOMAIN.md §5, exit).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Deal, Exit};
use crate::operations::Operations;
use crate::projection::Projection;
use crate::timeline::Timeline;

/// The exit valuation in local currency, at year N.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExitValue {
    /// `none`, `book_value`, `ebitda_multiple` or `perpetuity`.
    pub method: &'static str,
    /// Enterprise value (none for `none` and `book_value`).
    pub enterprise_value: Option<Decimal>,
    /// Loan outstanding less cash at year N.
    pub net_debt: Decimal,
    /// Equity value shared among vested shares, floored at zero.
    pub equity_value: Decimal,
    /// The method gave a negative enterprise value, floored at zero.
    pub enterprise_value_floored: bool,
    /// Steady-state free cash flow used by the perpetuity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steady_state_fcff: Option<Decimal>,
}

/// Values the JV at year N of a validated deal.
pub fn exit_value(deal: &Deal, time: &Timeline, ops: &Operations, proj: &Projection) -> ExitValue {
    let n = time.years;
    let last = proj.years.get(n);
    let cash = last.map_or(Decimal::ZERO, |y| y.cash);
    let loan = last.map_or(Decimal::ZERO, |y| y.loan_balance);
    let net_debt = loan - cash;
    let (method, raw_ev, fcff) = match &deal.exit {
        Exit::None => ("none", None, None),
        Exit::BookValue => ("book_value", None, None),
        Exit::EbitdaMultiple { multiple } => {
            ("ebitda_multiple", Some(*multiple * ops.ebitda[n]), None)
        }
        Exit::Perpetuity {
            growth,
            discount_rate,
        } => {
            // Steady state: depreciation equals maintenance capex.
            let fcff = (ops.ebitda[n] - ops.maintenance_capex[n])
                * (Decimal::ONE - time.statutory_tax)
                - *growth * ops.working_capital[n];
            let spread = *discount_rate - *growth;
            let ev = if spread > Decimal::ZERO {
                fcff * (Decimal::ONE + growth) / spread
            } else {
                Decimal::ZERO
            };
            ("perpetuity", Some(ev), Some(fcff))
        }
    };
    let floored = raw_ev.is_some_and(|ev| ev < Decimal::ZERO);
    let enterprise_value = raw_ev.map(|ev| ev.max(Decimal::ZERO));
    let equity = match (&deal.exit, enterprise_value) {
        (Exit::None, _) => Decimal::ZERO,
        (Exit::BookValue, _) => last.map_or(Decimal::ZERO, |y| y.book_equity),
        (_, Some(ev)) => ev - net_debt,
        (_, None) => Decimal::ZERO,
    };
    ExitValue {
        method,
        enterprise_value,
        net_debt,
        equity_value: equity.max(Decimal::ZERO),
        enterprise_value_floored: floored,
        steady_state_fcff: fcff,
    }
}
