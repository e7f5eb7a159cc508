//! The deal's stored scenarios side by side with the base case.

use super::text::{fig, left, note, right_text, row, table};
use super::{Built, Context, Omitted, engine_text, format, labels};
use crate::document::{Block, Section, Text, Tone};

const DASH: &str = "—";

/// The scenarios section, present when the deal stores scenarios.
pub fn section(ctx: &Context) -> Built {
    let results = match &ctx.scenarios {
        None => return Ok(None),
        Some(Err(reason)) => {
            return Err(Omitted {
                title: labels::SCENARIOS.t(),
                reason: reason.clone(),
            });
        }
        Some(Ok(results)) => results,
    };
    // One column per party holding "NPV / IRR", so the table stays narrow enough for a page.
    let mut columns = vec![left(labels::SCENARIO)];
    columns.extend(
        ctx.eval
            .parties
            .iter()
            .map(|p| right_text(labels::titled(&p.name, labels::NPV_IRR_CASH))),
    );
    columns.push(right_text(labels::CASH_LOW.t()));
    let width = columns.len();
    let mut failures = Vec::new();
    let rows = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let name = if i == 0 {
                labels::BASE_CASE.t()
            } else {
                engine_text::scenario_name(&r.name)
            };
            let mut cells = vec![name];
            if let Some(error) = &r.error {
                failures.push(format!("{}: {error}", r.name));
            } else {
                for f in &r.parties {
                    let npv = format::money(f.npv_cash, ctx.rcy);
                    let irr = f
                        .irr_cash
                        .map_or_else(|| labels::NO_ROOT.t(), |r| Text::same(format::rate(r)));
                    cells.push(Text::new(
                        format!("{npv} / {}", irr.en),
                        format!("{npv} / {}", irr.zh),
                    ));
                }
                cells.push(match (r.jv_cash_low_point, r.jv_cash_low_year) {
                    (Some(v), Some(y)) => fig(format!(
                        "{} ({})",
                        format::money(v, ctx.lcy),
                        format::year(y)
                    )),
                    _ => Text::same(DASH),
                });
            }
            cells.resize(width, Text::same(DASH));
            row(cells)
        })
        .collect();
    let mut blocks = vec![table(
        Text::default(),
        columns,
        rows,
        labels::SCENARIO_NOTE.t(),
    )];
    let described: Vec<Text> = results
        .iter()
        .skip(1)
        .filter(|r| !r.description.trim().is_empty())
        .map(|r| {
            let name = engine_text::scenario_name(&r.name);
            let description = engine_text::scenario_description(&r.name, &r.description);
            Text::new(
                format!("{}: {}", name.en, description.en),
                format!("{}：{}", name.zh, description.zh),
            )
        })
        .collect();
    if !described.is_empty() {
        blocks.push(Block::Bullets { items: described });
    }
    if !failures.is_empty() {
        blocks.push(Block::Callout {
            tone: Tone::Warning,
            text: labels::scenario_failures(&failures),
        });
    }
    blocks.push(note(labels::TAX_NOTE.t()));
    Ok(Some(Section {
        id: "scenarios".to_owned(),
        title: labels::SCENARIOS.t(),
        blocks,
    }))
}
