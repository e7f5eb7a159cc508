//! What each party contributes and how each contribution's value is set.

use jv_engine::Evaluation;

use super::table::{Align, Table};
use crate::format::money;

/// The contributions, or nothing when there are none.
pub fn render(e: &Evaluation) -> Option<String> {
    if e.contributions.is_empty() {
        return None;
    }
    let mut out = super::title("Contributions");
    let mut table = Table::new()
        .column("Party", Align::Left)
        .column("Kind", Align::Left)
        .column("Valued by", Align::Left)
        .column("Year", Align::Right)
        .column(
            &format!("Value, {}", e.deal.reporting_currency),
            Align::Right,
        );
    let mut floored = false;
    for c in &e.contributions {
        let mut value = money(c.value);
        if c.floored {
            value.push('*');
            floored = true;
        }
        table.row(vec![
            super::party_name(e, &c.party).to_owned(),
            super::enum_words(&c.kind),
            super::words(c.method),
            c.year.to_string(),
            value,
        ]);
    }
    out.push_str(&table.render());
    out.push_str(&format!(
        "Values in {} at closing; a technology or network valued from the plan moves with it.\n",
        e.deal.reporting_currency
    ));
    if floored {
        out.push_str("* The method gave a negative value, floored at 0.\n");
    }
    Some(out)
}
