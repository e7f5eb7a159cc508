//! The cap table after closing: vesting, forfeiture and capital calls, then the holdings
//! at the end of the horizon.

use jv_engine::Evaluation;
use jv_engine::projection::EventKind;

use super::table::{Align, Table, wrap};

/// Width a milestone is wrapped to.
const MILESTONE_WIDTH: usize = 32;
use crate::format::{money, number, percent_points};

/// The history, or nothing when the cap table never changes after closing.
pub fn render(e: &Evaluation) -> Option<String> {
    let events: Vec<_> = e
        .equity
        .history
        .iter()
        .filter(|ev| ev.kind != EventKind::Closing)
        .collect();
    if events.is_empty() {
        return None;
    }
    let lcy = &e.deal.local_currency;
    // Price and amount only for capital calls, milestones only for vesting and forfeiture.
    let calls = events.iter().any(|ev| ev.kind == EventKind::CapitalCall);
    let milestones = events.iter().any(|ev| !ev.milestone.is_empty());
    let mut out = super::title("Cap-table history");
    let mut table = Table::new()
        .column("Year", Align::Right)
        .column("Event", Align::Left)
        .column("Party", Align::Left)
        .column("Shares", Align::Right);
    if calls {
        table = table
            .column(&format!("Price per share, {lcy}"), Align::Right)
            .column(&format!("Amount, {lcy}"), Align::Right);
    }
    if milestones {
        table = table.column("Milestone", Align::Left);
    }
    for ev in events {
        let event = match ev.kind {
            EventKind::Closing => "issued",
            EventKind::Vesting => "vested",
            EventKind::Forfeiture => "forfeited",
            EventKind::CapitalCall => "capital call",
        };
        let mut cells = vec![
            ev.year.to_string(),
            event.to_owned(),
            super::party_name(e, &ev.party).to_owned(),
            number(ev.shares, 0),
        ];
        if calls {
            cells.push(ev.price.map_or_else(|| "–".to_owned(), |p| number(p, 2)));
            cells.push(ev.amount.map_or_else(|| "–".to_owned(), money));
        }
        if milestones {
            cells.push(wrap(&ev.milestone, MILESTONE_WIDTH).join("\n"));
        }
        table.row(cells);
    }
    out.push_str(&table.render());
    if let Some(last) = e.equity.by_year.last() {
        out.push('\n');
        let mut holdings = Table::new()
            .column(
                &format!("Holdings at the end of year {}", last.year),
                Align::Left,
            )
            .column("Vested shares", Align::Right)
            .column("In escrow", Align::Right)
            .column("Percent", Align::Right)
            .column("Percent of vested", Align::Right);
        for h in &last.parties {
            holdings.row(vec![
                super::party_name(e, &h.id).to_owned(),
                number(h.vested, 0),
                number(h.escrow, 0),
                percent_points(h.percent, 2),
                percent_points(h.vested_percent, 2),
            ]);
        }
        out.push_str(&holdings.render());
        out.push_str("Dividends and exit proceeds follow the percent of vested shares.\n");
    }
    Some(out)
}
