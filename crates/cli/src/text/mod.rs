//! The evaluation as a report for a person: one module per table, in reading order.

mod cap_table;
mod channels;
mod contributions;
mod data_age;
mod header;
mod history;
mod jv;
mod projection;
mod returns;
pub mod table;
pub mod warnings;

use jv_engine::Evaluation;

use crate::market::MarketData;

/// Widest line the report aims for; wider tables wrap into blocks.
pub const MAX_WIDTH: usize = 120;

/// The full report.
pub fn report(evaluation: &Evaluation, market: &MarketData) -> String {
    let sections = [
        Some(header::render(evaluation, market.preset.as_ref())),
        Some(cap_table::render(evaluation)),
        contributions::render(evaluation),
        history::render(evaluation),
        Some(projection::render(evaluation)),
        Some(returns::render(evaluation)),
        Some(channels::render(evaluation)),
        Some(jv::render(evaluation)),
        Some(data_age::render(market)),
        Some(warnings::render(evaluation)),
    ];
    sections
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
}

/// A section's title, underlined.
fn title(text: &str) -> String {
    format!("{text}\n{}\n", "═".repeat(text.chars().count()))
}

/// The name of the party with `id`, or the id itself.
fn party_name<'a>(evaluation: &'a Evaluation, id: &'a str) -> &'a str {
    evaluation
        .parties
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.name.as_str())
}

/// A snake_case code from the engine as words: `relief_from_royalty` → `relief from royalty`.
fn words(code: &str) -> String {
    code.replace('_', " ")
}

/// The snake_case name serde gives an engine enum, as words.
fn enum_words<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => words(&code),
        _ => String::from("?"),
    }
}
