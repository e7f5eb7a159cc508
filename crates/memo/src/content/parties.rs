//! Parties and contributions: who each party is, what it brings, how each contribution is
//! valued, on which inputs, and for how much.

use jv_engine::model::{Contribution, Valuation};
use rust_decimal::Decimal;

use super::text::{fig, heading, left, note, para, right, row, strong, table};
use super::{Built, Context, format, labels};
use crate::document::{Section, Text};

/// The parties and their contributions.
pub fn section(ctx: &Context) -> Built {
    let mut blocks = Vec::new();
    let mut grand_total = Decimal::ZERO;
    for party in &ctx.deal.parties {
        blocks.push(heading(Text::same(&party.name)));
        blocks.push(para(labels::party_line(
            &labels::role(party.role),
            &party.home_country,
            &format::rate(party.discount_rate),
            party.joins_capital_calls,
        )));
        let mut rows = Vec::new();
        let mut total = Decimal::ZERO;
        for (index, c) in party.contributions.iter().enumerate() {
            let value = ctx
                .eval
                .contributions
                .iter()
                .find(|v| v.party == party.id && v.index == index);
            let Some(value) = value else { continue };
            total += value.value;
            rows.push(row(vec![
                labels::kind(c.kind),
                Text::same(&c.note),
                labels::method(value.method),
                inputs(ctx, c),
                fig(format::year(c.year)),
                fig(format::money(value.value, ctx.rcy)),
            ]));
        }
        if rows.is_empty() {
            blocks.push(para(labels::BRINGS_NOTHING.t()));
            continue;
        }
        grand_total += total;
        rows.push(strong(vec![
            labels::TOTAL.t(),
            Text::default(),
            Text::default(),
            Text::default(),
            Text::default(),
            fig(format::money(total, ctx.rcy)),
        ]));
        blocks.push(table(
            Text::default(),
            vec![
                left(labels::KIND),
                left(labels::DESCRIPTION),
                left(labels::METHOD),
                left(labels::INPUTS),
                right(labels::YEAR),
                right(labels::VALUE),
            ],
            rows,
            Text::default(),
        ));
    }
    blocks.push(para(labels::together(&format::money(grand_total, ctx.rcy))));
    blocks.push(note(labels::CONSERVATIVE_NOTE.t()));
    Ok(Some(Section {
        id: "parties".to_owned(),
        title: labels::PARTIES.t(),
        blocks,
    }))
}

/// The inputs of a contribution's valuation, in words.
fn inputs(ctx: &Context, c: &Contribution) -> Text {
    let inputs = match &c.valuation {
        Valuation::Agreed { value } => labels::agreed_at(&format::money(*value, ctx.rcy)),
        Valuation::ReliefFromRoyalty {
            royalty_rate,
            discount_rate,
        } => labels::relief_inputs(&format::rate(*royalty_rate), &format::rate(*discount_rate)),
        Valuation::ExcessEarnings {
            profit_share,
            discount_rate,
        } => labels::excess_inputs(&format::rate(*profit_share), &format::rate(*discount_rate)),
        Valuation::CostToRecreate { cost, obsolescence } => {
            labels::cost_inputs(&format::money(*cost, ctx.rcy), &format::rate(*obsolescence))
        }
    };
    match c.useful_life_years {
        Some(years) => labels::with_life(inputs, years),
        None => inputs,
    }
}
