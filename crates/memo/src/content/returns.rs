//! Returns per party in the cash and economic views, the PV of each channel with a chart,
//! the JV-level metrics and the note on taxes DOMAIN.md §6 requires.

use jv_engine::returns::{ChannelValues, ViewMetrics};
use rust_decimal::Decimal;

use super::text::{fig, heading, left, note, right, right_text, row, strong, table};
use super::{Built, Context, format, labels};
use crate::document::{Block, Chart, ChartKind, Section, Series, Text};

/// The channels of a party's PV, in the order the memo shows them.
fn channels(pv: &ChannelValues) -> [(labels::L, Decimal); 8] {
    [
        (labels::DIVIDENDS, pv.dividends),
        (labels::ROYALTIES, pv.royalties),
        (labels::KIT_MARGIN, pv.kit_margin),
        (labels::DISTRIBUTION, pv.distribution),
        (labels::EXIT, pv.exit),
        (labels::CONTRIBUTIONS, pv.contributions),
        (labels::IN_KIND, pv.in_kind),
        (labels::CALLS, pv.capital_calls),
    ]
}

fn view_table(
    ctx: &Context,
    title: labels::L,
    view: fn(&jv_engine::returns::Views) -> &ViewMetrics,
) -> Block {
    let rows = ctx
        .eval
        .parties
        .iter()
        .map(|p| {
            let v = view(&p.views);
            row(vec![
                Text::same(&p.name),
                fig(format::rate(p.discount_rate)),
                fig(format::money(v.npv, ctx.rcy)),
                super::text::irr(v),
                super::text::moic(v),
                super::text::payback(v),
            ])
        })
        .collect();
    table(
        title.t(),
        vec![
            left(labels::PARTY),
            right(labels::DISCOUNT_RATE),
            right(labels::NPV),
            right(labels::IRR),
            right(labels::MOIC),
            right(labels::PAYBACK),
        ],
        rows,
        Text::default(),
    )
}

/// The returns section.
pub fn section(ctx: &Context) -> Built {
    let mut blocks = vec![
        view_table(ctx, labels::CASH_VIEW, |v| &v.cash),
        view_table(ctx, labels::ECONOMIC_VIEW, |v| &v.economic),
        note(labels::VIEWS_NOTE.t()),
    ];
    if ctx.eval.parties.iter().any(|p| {
        p.views.cash.irr_status == "ambiguous" || p.views.economic.irr_status == "ambiguous"
    }) {
        blocks.push(note(labels::AMBIGUOUS_NOTE.t()));
    }

    // PV by channel: one column per party, rows the channels any party has.
    let parties = &ctx.eval.parties;
    let mut columns = vec![left(labels::CHANNEL)];
    columns.extend(parties.iter().map(|p| right_text(Text::same(&p.name))));
    let per_party: Vec<_> = parties
        .iter()
        .map(|p| channels(&p.views.cash.pv_by_channel))
        .collect();
    let mut rows = Vec::new();
    for i in 0..8 {
        let label = per_party.first().map(|c| c[i].0);
        let Some(label) = label else { break };
        if per_party.iter().all(|c| c[i].1.is_zero()) {
            continue;
        }
        let mut cells = vec![label.t()];
        cells.extend(
            per_party
                .iter()
                .map(|c| fig(format::money(c[i].1, ctx.rcy))),
        );
        rows.push(row(cells));
    }
    let mut total = vec![labels::NPV_CASH.t()];
    total.extend(
        parties
            .iter()
            .map(|p| fig(format::money(p.views.cash.npv, ctx.rcy))),
    );
    rows.push(strong(total));
    blocks.push(heading(labels::PV_CHART.t()));
    blocks.push(table(Text::default(), columns, rows, labels::TAX_NOTE.t()));

    for (p, chans) in parties.iter().zip(&per_party) {
        let shown: Vec<_> = chans.iter().filter(|(_, v)| !v.is_zero()).collect();
        if shown.is_empty() {
            continue;
        }
        blocks.push(Block::Chart(Chart {
            kind: ChartKind::HorizontalBars,
            title: labels::titled(&p.name, labels::PV_CHART),
            category_label: labels::CHANNEL.t(),
            value_label: labels::thousand_unit(ctx.rcy),
            categories: shown.iter().map(|(l, _)| l.t()).collect(),
            series: vec![Series {
                name: labels::PV.t(),
                values: shown
                    .iter()
                    .map(|(_, v)| format::chart_thousands(*v))
                    .collect(),
            }],
        }));
    }

    let withholding = parties
        .iter()
        .map(|p| {
            labels::withholding_line(
                &p.name,
                &format::rate(p.withholding.dividends),
                &format::rate(p.withholding.royalties),
                p.resident,
            )
        })
        .collect();
    blocks.push(heading(labels::WITHHOLDING.t()));
    blocks.push(Block::Bullets { items: withholding });
    Ok(Some(Section {
        id: "returns".to_owned(),
        title: labels::RETURNS.t(),
        blocks,
    }))
}
