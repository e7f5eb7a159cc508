//! The JV's accounts year by year, in local currency.

use jv_engine::Evaluation;
use jv_engine::projection::YearRow;
use rust_decimal::Decimal;

use super::table::{Align, Table};
use crate::format::{Scale, number};

/// Widest figure before the amounts switch to a coarser unit (thousands, then millions),
/// so that eleven years sit side by side within the report's width.
const FIGURE_WIDTH: usize = 7;

/// Reads one amount of a year.
type Field = fn(&YearRow) -> Decimal;

/// The amount rows: label and field.
const AMOUNTS: [(&str, Field); 6] = [
    ("Revenue", |y| y.revenue),
    ("Gross profit", |y| y.gross_profit),
    ("EBITDA", |y| y.ebitda),
    ("Net income", |y| y.net_income),
    ("Dividends", |y| y.dividends),
    ("Cash", |y| y.cash),
];

/// The projection.
pub fn render(e: &Evaluation) -> String {
    let years = &e.projection.years;
    let lcy = &e.projection.currency;
    let calls = years.iter().any(|y| !y.capital_call.is_zero());
    let mut rows: Vec<(&str, Field)> = AMOUNTS.to_vec();
    if calls {
        rows.push(("Capital call", |y| y.capital_call));
    }
    let amounts: Vec<Decimal> = rows.iter().flat_map(|(_, f)| years.iter().map(f)).collect();
    let scale = Scale::fitting(&amounts, FIGURE_WIDTH);
    let unit = scale.unit(lcy);

    let mut out = super::title(&format!(
        "Projection ({lcy}, years 0 to {})",
        e.deal.horizon_years
    ));
    let mut table = Table::new().column("Year", Align::Left);
    for y in years {
        table = table.column(&y.year.to_string(), Align::Right);
    }
    table.row(row("Units sold", years, |y| number(y.units, 0)));
    for (label, field) in &rows {
        table.row(row(&format!("{label}, {unit}"), years, |y| {
            scale.format(field(y))
        }));
    }
    // Two places for a rate like 5.40; whole units for one like 20,052.
    let fx_places = if years.iter().all(|y| y.fx < Decimal::ONE_THOUSAND) {
        2
    } else {
        0
    };
    table.row(row(
        &format!("FX, {lcy} per {}", e.deal.reporting_currency),
        years,
        |y| number(y.fx, fx_places),
    ));
    out.push_str(&table.render_within(super::MAX_WIDTH, 1));
    let mut notes = vec!["Cash is the balance at year end".to_owned()];
    notes.extend(scale.legend(lcy));
    out.push_str(&format!("{}.\n", notes.join("; ")));
    out
}

fn row(label: &str, years: &[YearRow], cell: impl Fn(&YearRow) -> String) -> Vec<String> {
    std::iter::once(label.to_owned())
        .chain(years.iter().map(cell))
        .collect()
}
