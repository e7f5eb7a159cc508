//! The present value of each party's flows, channel by channel, side by side.

use jv_engine::Evaluation;
use jv_engine::returns::ChannelValues;
use rust_decimal::Decimal;

use super::table::{Align, Table, wrap};
use crate::format::money;

/// Width a party's name is wrapped to in a column header.
const NAME_WIDTH: usize = 24;

/// Reads one channel's present value.
type Channel = fn(&ChannelValues) -> Decimal;

/// The channel rows of the cash view, inflows first: label and field.
const CASH_ROWS: [(&str, Channel); 7] = [
    ("Dividends", |c| c.dividends),
    ("Royalties & fees", |c| c.royalties),
    ("Kit margin", |c| c.kit_margin),
    ("Distribution", |c| c.distribution),
    ("Exit", |c| c.exit),
    ("Cash contributions", |c| c.contributions),
    ("Capital calls", |c| c.capital_calls),
];

/// The PV-by-channel table.
pub fn render(e: &Evaluation) -> String {
    let rcy = &e.deal.reporting_currency;
    let mut out = super::title(&format!(
        "Present value by channel ({rcy}, at each party's discount rate)"
    ));
    let mut table = Table::new().column("", Align::Left);
    for p in &e.parties {
        table = table.column(&wrap(&p.name, NAME_WIDTH).join("\n"), Align::Right);
    }
    // Every row but in-kind is the same in both views; the economic view's has all of them.
    let pv = |f: Channel| -> Vec<String> {
        e.parties
            .iter()
            .map(|p| money(f(&p.views.economic.pv_by_channel)))
            .collect()
    };
    for (label, field) in CASH_ROWS {
        table.row(labelled(label, pv(field)));
    }
    table.rule();
    table.row(labelled(
        "NPV, cash view",
        e.parties.iter().map(|p| money(p.views.cash.npv)).collect(),
    ));
    table.row(labelled("In-kind contributions", pv(|c| c.in_kind)));
    table.rule();
    table.row(labelled(
        "NPV, economic view",
        e.parties
            .iter()
            .map(|p| money(p.views.economic.npv))
            .collect(),
    ));
    out.push_str(&table.render_within(super::MAX_WIDTH, 1));
    out.push_str("Channels are after taxes levied in the market and before home-country tax.\n");
    out
}

fn labelled(label: &str, cells: Vec<String>) -> Vec<String> {
    std::iter::once(label.to_owned()).chain(cells).collect()
}
