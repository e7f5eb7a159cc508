//! The JV as a whole: project and equity IRR, peak funding, first profit, exit value.

use jv_engine::Evaluation;

use super::table::{Align, Table};
use crate::format::{money, percent};

/// The JV-level metrics.
pub fn render(e: &Evaluation) -> String {
    let jv = &e.jv;
    let rcy = &e.deal.reporting_currency;
    let lcy = &e.deal.local_currency;
    let n = e.deal.horizon_years;
    let irr = |value: Option<rust_decimal::Decimal>| {
        value.map_or_else(|| "no IRR".to_owned(), |r| percent(r, 1))
    };
    let mut out = super::title("The JV as a whole");
    let mut table = Table::new()
        .column("Metric", Align::Left)
        .column("Value", Align::Right);
    table.row(vec![
        format!("Project IRR (unlevered free cash flow with exit value, {rcy})"),
        irr(jv.project_irr),
    ]);
    table.row(vec![
        format!("Equity IRR (all shareholders, before withholding and gains tax, {rcy})"),
        irr(jv.equity_irr),
    ]);
    table.row(vec![
        format!(
            "Peak funding by shareholders, {rcy} (reached in year {})",
            jv.peak_funding_year
        ),
        money(jv.peak_funding),
    ]);
    table.row(vec![
        "First year of positive net income".to_owned(),
        jv.first_profit_year
            .map_or_else(|| "not reached".to_owned(), |y| format!("year {y}")),
    ]);
    let exit = &e.exit;
    let method = match exit.method {
        "ebitda_multiple" => "EBITDA multiple".to_owned(),
        "perpetuity" => "perpetuity growth".to_owned(),
        other => super::words(other),
    };
    table.row(vec![format!("Exit at the end of year {n}"), method]);
    if let Some(ev) = exit.enterprise_value {
        let floored = if exit.enterprise_value_floored {
            " (floored at 0)"
        } else {
            ""
        };
        table.row(vec![
            format!("  Enterprise value, {lcy}{floored}"),
            money(ev),
        ]);
        table.row(vec![
            format!("  Net debt (loan less cash), {lcy}"),
            money(exit.net_debt),
        ]);
    }
    table.row(vec![
        format!("  Equity value shared by vested shares, {lcy}"),
        money(exit.equity_value),
    ]);
    out.push_str(&table.render());
    out
}
