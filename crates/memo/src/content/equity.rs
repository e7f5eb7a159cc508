//! Equity and the cap table: the split at closing, vesting of tranches, holdings by year and
//! every change to the cap table.

use jv_engine::model::SplitMode;
use jv_engine::projection::EventKind;
use rust_decimal::Decimal;

use super::text::{fig, left, para, right, right_text, row, strong, table};
use super::{Built, Context, format, labels};
use crate::document::{Section, Text};

/// The equity section.
pub fn section(ctx: &Context) -> Built {
    let eq = &ctx.eval.equity;
    let negotiated = eq.mode == SplitMode::Negotiated;
    let mut blocks = vec![para(labels::split_sentence(
        !negotiated,
        &format::count(Decimal::from(eq.shares_issued)),
    ))];

    let mut columns = vec![
        left(labels::PARTY),
        right(labels::SHARES),
        right(labels::SHARE),
        right(labels::VALUE_CONTRIBUTED),
    ];
    if negotiated {
        columns.push(right(labels::VALUE_TRANSFER));
    }
    let mut rows = Vec::new();
    for r in &eq.parties {
        let mut cells = vec![
            Text::same(ctx.name(&r.id)),
            fig(format::count(r.shares)),
            fig(format::share_percent(r.percent)),
            fig(format::money(r.value_contributed, ctx.rcy)),
        ];
        if negotiated {
            cells.push(fig(format::money(r.value_transfer, ctx.rcy)));
        }
        rows.push(row(cells));
    }
    let total_value: Decimal = eq.parties.iter().map(|r| r.value_contributed).sum();
    let total_shares: Decimal = eq.parties.iter().map(|r| r.shares).sum();
    let total_percent: Decimal = eq.parties.iter().map(|r| r.percent).sum();
    let mut total = vec![
        labels::TOTAL.t(),
        fig(format::count(total_shares)),
        fig(format::share_percent(total_percent)),
        fig(format::money(total_value, ctx.rcy)),
    ];
    if negotiated {
        total.push(Text::default());
    }
    rows.push(strong(total));
    blocks.push(table(labels::CAP_TABLE.t(), columns, rows, Text::default()));

    let tranches: Vec<_> = ctx
        .deal
        .parties
        .iter()
        .flat_map(|p| {
            p.contributions
                .iter()
                .flat_map(move |c| c.tranches.iter().map(move |t| (p, c, t)))
        })
        .collect();
    if !tranches.is_empty() {
        let rows = tranches
            .iter()
            .map(|(p, c, t)| {
                row(vec![
                    Text::same(&p.name),
                    labels::kind(c.kind),
                    Text::same(&t.milestone),
                    fig(format::share(t.share)),
                    fig(format::year(t.year)),
                    if t.missed {
                        labels::MISSED.t()
                    } else {
                        labels::EXPECTED.t()
                    },
                ])
            })
            .collect();
        blocks.push(table(
            labels::VESTING.t(),
            vec![
                left(labels::PARTY),
                left(labels::KIND),
                left(labels::MILESTONE),
                right(labels::TRANCHE_SHARE),
                right(labels::YEAR),
                left(labels::STATUS),
            ],
            rows,
            labels::ESCROW_NOTE.t(),
        ));
    }

    let changes = eq.history.iter().any(|e| e.kind != EventKind::Closing);
    if changes {
        let mut columns = vec![left(labels::YEAR)];
        columns.extend(
            ctx.eval
                .parties
                .iter()
                .map(|p| right_text(Text::same(&p.name))),
        );
        // The vested share differs from the share outstanding only while tranches are in
        // escrow; without escrow the second figure would only repeat the first.
        let escrow = eq
            .by_year
            .iter()
            .any(|y| y.parties.iter().any(|h| !h.escrow.is_zero()));
        let rows = eq
            .by_year
            .iter()
            .map(|y| {
                let mut cells = vec![fig(format::year(y.year))];
                cells.extend(y.parties.iter().map(|h| {
                    if escrow {
                        fig(format!(
                            "{} ({})",
                            format::share_percent(h.percent),
                            format::share_percent(h.vested_percent)
                        ))
                    } else {
                        fig(format::share_percent(h.percent))
                    }
                }));
                row(cells)
            })
            .collect();
        blocks.push(table(
            labels::HOLDINGS.t(),
            columns,
            rows,
            if escrow {
                labels::HOLDING_CELL_NOTE.t()
            } else {
                labels::HOLDING_PLAIN_NOTE.t()
            },
        ));
        let rows = eq
            .history
            .iter()
            .filter(|e| e.kind != EventKind::Closing)
            .map(|e| {
                row(vec![
                    fig(format::year(e.year)),
                    labels::event(e.kind),
                    Text::same(ctx.name(&e.party)),
                    Text::same(&e.milestone),
                    fig(format::count(e.shares)),
                    e.price
                        .map_or_else(Text::default, |p| fig(format::number(p, 2))),
                    e.amount
                        .map_or_else(Text::default, |a| fig(format::money(a, ctx.lcy))),
                ])
            })
            .collect();
        blocks.push(table(
            labels::HISTORY.t(),
            vec![
                left(labels::YEAR),
                left(labels::EVENT),
                left(labels::PARTY),
                left(labels::MILESTONE),
                right(labels::SHARES),
                right(labels::PRICE),
                right(labels::AMOUNT),
            ],
            rows,
            labels::amounts_in(ctx.lcy),
        ));
    }
    Ok(Some(Section {
        id: "equity".to_owned(),
        title: labels::EQUITY.t(),
        blocks,
    }))
}
