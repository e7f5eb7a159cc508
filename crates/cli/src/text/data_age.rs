//! Data age: the market values whose source is more than 12 months old.

use super::table::{Align, Table};
use crate::market::MarketData;

/// The data-age section.
pub fn render(data: &MarketData) -> String {
    if !data.dated {
        let mut out = super::title("Data age: no dates");
        out.push_str(
            "The market values carry no source dates: the deal was not filled from a preset.\n",
        );
        return out;
    }
    if data.stale.is_empty() {
        return super::title(&format!(
            "Data age: every dated value is under 12 months old on {}",
            data.today
        ));
    }
    let mut out = super::title(&format!(
        "Data age: {} older than 12 months on {}",
        count(data.stale.len()),
        data.today
    ));
    let mut table = Table::new()
        .column("Market value", Align::Left)
        .column("As of", Align::Left)
        .column("Months old", Align::Right);
    for value in &data.stale {
        table.row(vec![
            value.field.clone(),
            value.as_of.clone(),
            value.months_old.to_string(),
        ]);
    }
    out.push_str(&table.render());
    out.push_str("Check these against their sources before relying on them.\n");
    out
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 value".to_owned()
    } else {
        format!("{n} values")
    }
}
