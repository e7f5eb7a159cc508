//! Sensitivity: the tornado of the technology partner's cash NPV, top eight drivers.

use jv_engine::analysis::drivers::Unit;
use jv_engine::analysis::tornado::Bar;
use rust_decimal::Decimal;

use super::text::{fig, left, para, right, row, table};
use super::{Built, Context, Omitted, engine_text, format, labels};
use crate::document::{Block, Chart, ChartKind, Section, Series, Text};

/// How many drivers the memo shows.
const TOP: usize = 8;

fn input(unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Rate => format::rate(value),
        Unit::Factor => format::multiple(value),
        Unit::Amount | Unit::Count => format::number(value, 0),
        Unit::Years => format::number(value, 1),
    }
}

fn npv(ctx: &Context, value: Option<Decimal>) -> Text {
    value.map_or_else(|| Text::same("—"), |v| fig(format::money(v, ctx.rcy)))
}

/// The sensitivity section.
pub fn section(ctx: &Context) -> Built {
    let tornado = ctx.tornado.as_ref().map_err(|reason| Omitted {
        title: labels::SENSITIVITY.t(),
        reason: reason.clone(),
    })?;
    let bars: Vec<&Bar> = tornado
        .bars
        .iter()
        .filter(|b| !b.swing.is_zero())
        .take(TOP)
        .collect();
    if bars.is_empty() {
        return Ok(None);
    }
    let who = ctx.name(&tornado.party);
    let base = tornado
        .base
        .map_or_else(|| "—".to_owned(), |b| format::money(b, ctx.rcy));
    let mut blocks = vec![para(labels::tornado_intro(&who, &base))];
    let rows = bars
        .iter()
        .map(|b| {
            row(vec![
                engine_text::driver(&b.driver, &b.label),
                fig(input(b.unit, b.low_input)),
                fig(input(b.unit, b.high_input)),
                npv(ctx, b.low),
                npv(ctx, b.high),
                fig(format::money(b.swing, ctx.rcy)),
            ])
        })
        .collect();
    blocks.push(table(
        Text::default(),
        vec![
            left(labels::DRIVER),
            right(labels::LOW_INPUT),
            right(labels::HIGH_INPUT),
            right(labels::AT_LOW),
            right(labels::AT_HIGH),
            right(labels::SWING),
        ],
        rows,
        labels::TOP_DRIVERS_NOTE.t(),
    ));
    let base_value = tornado.base.unwrap_or_default();
    let delta = |v: Option<Decimal>| v.map_or(0.0, |v| format::chart_thousands(v - base_value));
    blocks.push(Block::Chart(Chart {
        kind: ChartKind::HorizontalBars,
        title: labels::titled(&who, labels::TORNADO_CHART),
        category_label: labels::DRIVER.t(),
        value_label: labels::thousand_unit(ctx.rcy),
        categories: bars
            .iter()
            .map(|b| engine_text::driver(&b.driver, &b.label))
            .collect(),
        series: vec![
            Series {
                name: labels::LOW.t(),
                values: bars.iter().map(|b| delta(b.low)).collect(),
            },
            Series {
                name: labels::HIGH.t(),
                values: bars.iter().map(|b| delta(b.high)).collect(),
            },
        ],
    }));
    Ok(Some(Section {
        id: "sensitivity".to_owned(),
        title: labels::SENSITIVITY.t(),
        blocks,
    }))
}
