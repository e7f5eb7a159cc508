//! The cap table at closing: shares, percent, value contributed and, for a negotiated split,
//! the value transfer.

use jv_engine::Evaluation;
use jv_engine::model::SplitMode;
use rust_decimal::Decimal;

use super::table::{Align, Table};
use crate::format::{money, number, percent_points, signed_money};

/// The cap table at closing.
pub fn render(e: &Evaluation) -> String {
    let equity = &e.equity;
    let negotiated = equity.mode == SplitMode::Negotiated;
    let how = if negotiated {
        "negotiated split"
    } else {
        "split by value contributed"
    };
    let mut out = super::title(&format!(
        "Cap table at closing ({how}, {} shares)",
        money(Decimal::from(equity.shares_issued))
    ));
    let rcy = &e.deal.reporting_currency;
    let mut table = Table::new()
        .column("Party", Align::Left)
        .column("Shares", Align::Right)
        .column("Percent", Align::Right)
        .column(&format!("Value contributed, {rcy}"), Align::Right);
    if negotiated {
        table = table.column(&format!("Value transfer, {rcy}"), Align::Right);
    }
    // Tranches still waiting for their milestone once closing is done (year 0's end).
    let escrow = |id: &str| -> Decimal {
        let year0 = equity.by_year.first();
        year0
            .and_then(|y| y.parties.iter().find(|h| h.id == id))
            .map_or(Decimal::ZERO, |h| h.escrow)
    };
    let escrowed = equity.parties.iter().any(|r| !escrow(&r.id).is_zero());
    if escrowed {
        table = table.column("Of which in escrow", Align::Right);
    }
    for row in &equity.parties {
        let mut cells = vec![
            super::party_name(e, &row.id).to_owned(),
            number(row.shares, 0),
            percent_points(row.percent, 2),
            money(row.value_contributed),
        ];
        if negotiated {
            cells.push(signed_money(row.value_transfer));
        }
        if escrowed {
            cells.push(number(escrow(&row.id), 0));
        }
        table.row(cells);
    }
    let shares: Decimal = equity.parties.iter().map(|r| r.shares).sum();
    let value: Decimal = equity.parties.iter().map(|r| r.value_contributed).sum();
    let issued = Decimal::from(equity.shares_issued);
    let total_percent = if issued.is_zero() {
        Decimal::ZERO
    } else {
        shares * Decimal::ONE_HUNDRED / issued
    };
    table.rule();
    let mut totals = vec![
        "Total".to_owned(),
        number(shares, 0),
        percent_points(total_percent, 2),
        money(value),
    ];
    if negotiated {
        totals.push(signed_money(
            equity.parties.iter().map(|r| r.value_transfer).sum(),
        ));
    }
    if escrowed {
        totals.push(number(
            equity.parties.iter().map(|r| escrow(&r.id)).sum(),
            0,
        ));
    }
    table.row(totals);
    out.push_str(&table.render());
    if escrowed {
        out.push_str(
            "Shares in escrow vote and earn dividends only once their milestone is reached.\n",
        );
    }
    if negotiated {
        out.push_str(
            "Value transfer = share × total value contributed − value contributed; \
             positive: the party gets more than it gives.\n",
        );
    }
    out
}
