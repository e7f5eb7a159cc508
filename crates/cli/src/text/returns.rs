//! Each party's returns in the cash and the economic view: NPV, IRR, MOIC, payback.

use jv_engine::Evaluation;
use jv_engine::returns::ViewMetrics;

use super::table::{Align, Table};
use crate::format::{money, multiple, percent, percent_points};

/// The returns table.
pub fn render(e: &Evaluation) -> String {
    let rcy = &e.deal.reporting_currency;
    let mut out = super::title(&format!("Returns to each party ({rcy})"));
    let mut table = Table::new()
        .column("", Align::Left)
        .column(&format!("NPV, {rcy}"), Align::Right)
        .column("IRR", Align::Right)
        .column("MOIC", Align::Right)
        .column("Payback", Align::Right);
    let mut notes = Vec::new();
    for p in &e.parties {
        table.heading(format!(
            "{}\n  {} · discount rate {} · {}",
            p.name,
            super::enum_words(&p.role),
            percent(p.discount_rate, 1),
            holding(e, &p.id),
        ));
        for (label, view) in [
            ("Cash view", &p.views.cash),
            ("Economic view", &p.views.economic),
        ] {
            let mut irr = irr_cell(view);
            if view.irr_status == "ambiguous" {
                irr.push('*');
                if let Some(note) = &view.irr_note {
                    notes.push(format!("* {}, {}: {note}.", p.name, label.to_lowercase()));
                }
            }
            table.row(vec![
                format!("  {label}"),
                money(view.npv),
                irr,
                view.moic
                    .map_or_else(|| short_note(view.moic_note.as_deref(), "none"), multiple),
                payback_cell(view),
            ]);
        }
    }
    out.push_str(&table.render());
    out.push_str(
        "NPV at each party's own discount rate, year 0 undiscounted. The economic view also \
         counts in-kind contributions\n(technology, network, assets, services) as outflows \
         at their value. Payback: the first year the cumulative flow\nturns non-negative after \
         having been negative.\n",
    );
    for note in notes {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

/// The party's share at closing and, when it changed, at the end of the horizon.
fn holding(e: &Evaluation, id: &str) -> String {
    let closing = e
        .equity
        .parties
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.percent);
    let last = e.equity.by_year.last();
    let end = last
        .and_then(|y| y.parties.iter().find(|h| h.id == id))
        .map(|h| h.vested_percent);
    match (closing, end, last) {
        (Some(start), Some(end), Some(last)) if end.round_dp(2) != start.round_dp(2) => format!(
            "shares {} at closing → {} by year {}",
            percent_points(start, 2),
            percent_points(end, 2),
            last.year
        ),
        (Some(start), _, _) => format!("shares {}", percent_points(start, 2)),
        _ => "no shares".to_owned(),
    }
}

/// The IRR as a percent, or why there is none in a few words ("no cash invested").
pub fn irr_cell(view: &ViewMetrics) -> String {
    match view.irr {
        Some(irr) => percent(irr, 1),
        None => match view.irr_status {
            "no_cash_invested" => "no cash invested".to_owned(),
            "no_outflow" => "no outflow".to_owned(),
            "no_inflow" => "no inflow".to_owned(),
            "no_root" => "no IRR".to_owned(),
            _ => short_note(view.irr_note.as_deref(), "no IRR"),
        },
    }
}

fn payback_cell(view: &ViewMetrics) -> String {
    match view.payback_year {
        Some(year) => format!("year {year}"),
        None => match view.payback_note.as_deref() {
            Some(note) if note.starts_with("never negative") => "nothing to pay back".to_owned(),
            note => short_note(note, "not reached"),
        },
    }
}

/// The words of a note before its colon ("no cash invested: the party …" → "no cash
/// invested"), or `fallback` when there is no note.
fn short_note(note: Option<&str>, fallback: &str) -> String {
    note.and_then(|n| n.split(':').next())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(fallback)
        .to_owned()
}
