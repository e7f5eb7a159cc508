//! The business plan: the key lines by year and a chart of revenue, EBITDA and net income.

use jv_engine::projection::YearRow;
use rust_decimal::Decimal;

use super::text::{fig, left, note, para, right, row, table};
use super::{Built, Context, format, labels};
use crate::document::{Block, Chart, ChartKind, Section, Series, Text};

/// The business plan.
pub fn section(ctx: &Context) -> Built {
    let years: Vec<&YearRow> = ctx
        .eval
        .projection
        .years
        .iter()
        .filter(|y| y.year >= 1)
        .collect();
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Ok(None);
    };
    let lcy = ctx.lcy;
    let first_profit = ctx
        .eval
        .jv
        .first_profit_year
        .map_or_else(|| labels::NONE_YET.t(), |y| Text::same(format::year(y)));
    let (first_year, last_year) = (format::year(first.year), format::year(last.year));
    let (first_units, last_units) = (format::count(first.units), format::count(last.units));
    let (first_revenue, last_revenue) = (
        format::money(first.revenue, lcy),
        format::money(last.revenue, lcy),
    );
    let (first_ebitda, last_ebitda) = (
        format::money(first.ebitda, lcy),
        format::money(last.ebitda, lcy),
    );
    let peak_funding = format::money(ctx.eval.jv.peak_funding, ctx.rcy);
    let peak_year = format::year(ctx.eval.jv.peak_funding_year);
    let mut blocks = vec![para(labels::plan_paragraph(&labels::PlanFigures {
        first_year: &first_year,
        last_year: &last_year,
        first_units: &first_units,
        last_units: &last_units,
        first_revenue: &first_revenue,
        last_revenue: &last_revenue,
        first_ebitda: &first_ebitda,
        last_ebitda: &last_ebitda,
        first_profit,
        peak_funding: &peak_funding,
        peak_year: &peak_year,
    }))];
    let margin = |y: &YearRow| {
        if y.revenue.is_zero() {
            "—".to_owned()
        } else {
            format::rate(y.ebitda / y.revenue)
        }
    };
    let rows = years
        .iter()
        .map(|y| {
            row(vec![
                fig(format::year(y.year)),
                fig(format::count(y.units)),
                fig(format::thousands(y.revenue)),
                fig(format::thousands(y.ebitda)),
                fig(margin(y)),
                fig(format::thousands(y.net_income)),
                fig(format::thousands(y.dividends)),
                fig(format::thousands(y.cash)),
            ])
        })
        .collect();
    blocks.push(table(
        Text::default(),
        vec![
            left(labels::YEAR),
            right(labels::UNITS),
            right(labels::REVENUE),
            right(labels::EBITDA),
            right(labels::EBITDA_MARGIN),
            right(labels::NET_INCOME),
            right(labels::DIVIDENDS),
            right(labels::CASH),
        ],
        rows,
        labels::thousands_note(lcy),
    ));
    let series = |label: labels::L, pick: fn(&YearRow) -> Decimal| Series {
        name: label.t(),
        values: years
            .iter()
            .map(|y| format::chart_thousands(pick(y)))
            .collect(),
    };
    blocks.push(Block::Chart(Chart {
        kind: ChartKind::Lines,
        title: labels::PLAN_CHART.t(),
        category_label: labels::YEAR.t(),
        value_label: labels::thousand_unit(lcy),
        categories: years
            .iter()
            .map(|y| Text::same(format::year(y.year)))
            .collect(),
        series: vec![
            series(labels::REVENUE, |y| y.revenue),
            series(labels::EBITDA, |y| y.ebitda),
            series(labels::NET_INCOME, |y| y.net_income),
        ],
    }));
    blocks.push(note(labels::FULL_PROJECTION.t()));
    Ok(Some(Section {
        id: "plan".to_owned(),
        title: labels::PLAN.t(),
        blocks,
    }))
}
