//! The executive summary: the deal in one paragraph, written from the figures, and the key
//! figures per party.

use jv_engine::returns::PartyReturns;

use super::text::{fig, join, left, para, right, row, table};
use super::{Built, Context, format, labels};
use crate::document::{Block, Figure, Section, Text};

/// The executive summary.
pub fn section(ctx: &Context) -> Built {
    let mut blocks = vec![para(deal_paragraph(ctx)), para(returns_paragraph(ctx))];
    if let Some(risk) = risk_sentence(ctx) {
        blocks.push(para(risk));
    }
    blocks.push(key_figures(ctx));
    blocks.push(super::text::heading(labels::JV_FIGURES.t()));
    blocks.push(jv_figures(ctx));
    Ok(Some(Section {
        id: "summary".to_owned(),
        title: labels::SUMMARY.t(),
        blocks,
    }))
}

fn share_of(ctx: &Context, id: &str) -> String {
    ctx.eval
        .equity
        .parties
        .iter()
        .find(|r| r.id == id)
        .map_or_else(String::new, |r| format::share_percent(r.percent))
}

/// Who brings what, how the equity is split and where the money flows.
fn deal_paragraph(ctx: &Context) -> Text {
    let names: Vec<String> = ctx.deal.parties.iter().map(|p| p.name.clone()).collect();
    let mut parts = vec![labels::opening(
        &names,
        &labels::country(&ctx.deal.market.country, &ctx.deal.market.name),
        ctx.eval.deal.horizon_years,
        ctx.rcy,
    )];
    for party in &ctx.deal.parties {
        let items: Vec<Text> = ctx
            .eval
            .contributions
            .iter()
            .filter(|c| c.party == party.id)
            .map(|c| labels::contribution_phrase(c.kind, &format::money(c.value, ctx.rcy)))
            .collect();
        parts.push(labels::brings(
            &party.name,
            &labels::role(party.role),
            &items,
        ));
    }
    let shares: Vec<(String, String)> = ctx
        .deal
        .parties
        .iter()
        .map(|p| (p.name.clone(), share_of(ctx, &p.id)))
        .collect();
    parts.push(labels::split_summary(
        ctx.deal.equity.mode == jv_engine::model::SplitMode::ContributionBased,
        &shares,
    ));
    let channels = channels(ctx);
    if !channels.is_empty() {
        parts.push(labels::channels_sentence(&channels));
    }
    join(&parts, " ", "")
}

/// The side agreements as channels, in words.
fn channels(ctx: &Context) -> Vec<Text> {
    let a = &ctx.deal.agreements;
    let mut out = Vec::new();
    if let Some(l) = &a.licence {
        let fee = (!l.technical_fee.is_zero()).then(|| format::money(l.technical_fee, ctx.rcy));
        out.push(labels::royalty_channel(
            &format::rate(l.royalty_rate),
            fee.as_deref(),
            &ctx.name(&l.licensor),
        ));
    }
    if let Some(supplier) = &a.kit_supply.supplier {
        out.push(labels::kit_channel(
            &format::rate(a.kit_supply.kit_margin),
            &ctx.name(supplier),
        ));
    }
    if let Some(d) = &a.distribution {
        out.push(labels::dealer_channel(
            &format::rate(d.dealer_margin),
            &ctx.name(&d.distributor),
        ));
    }
    out
}

/// The headline NPV and IRR of each party.
fn returns_paragraph(ctx: &Context) -> Text {
    let headlines: Vec<Text> = ctx.eval.parties.iter().map(|p| headline(ctx, p)).collect();
    labels::returns_sentence(&headlines)
}

fn headline(ctx: &Context, p: &PartyReturns) -> Text {
    labels::headline(
        &p.name,
        &format::money(p.views.cash.npv, ctx.rcy),
        &format::rate(p.discount_rate),
        &super::text::irr(&p.views.cash),
        p.views.cash.irr.is_some(),
    )
}

/// The biggest risk: the first broken market rule, else the driver with the largest swing.
fn risk_sentence(ctx: &Context) -> Option<Text> {
    if let Some(rule) = ctx.eval.warnings.iter().find(|w| w.source.is_some()) {
        return Some(labels::rule_risk(&super::engine_text::warning(rule)));
    }
    let tornado = ctx.tornado.as_ref().ok()?;
    let bar = tornado.bars.first().filter(|b| !b.swing.is_zero())?;
    Some(labels::driver_risk(
        &ctx.name(&tornado.party),
        &super::engine_text::driver(&bar.driver, &bar.label),
        &format::money(bar.swing, ctx.rcy),
    ))
}

fn key_figures(ctx: &Context) -> Block {
    let rows = ctx
        .eval
        .parties
        .iter()
        .map(|p| {
            row(vec![
                Text::same(&p.name),
                fig(share_of(ctx, &p.id)),
                fig(format::money(p.views.cash.npv, ctx.rcy)),
                super::text::irr(&p.views.cash),
                fig(format::money(p.views.economic.npv, ctx.rcy)),
                super::text::irr(&p.views.economic),
            ])
        })
        .collect();
    table(
        labels::KEY_FIGURES.t(),
        vec![
            left(labels::PARTY),
            right(labels::SHARE),
            right(labels::NPV_CASH),
            right(labels::IRR_CASH),
            right(labels::NPV_ECONOMIC),
            right(labels::IRR_ECONOMIC),
        ],
        rows,
        labels::VIEWS_NOTE.t(),
    )
}

fn jv_figures(ctx: &Context) -> Block {
    let jv = &ctx.eval.jv;
    // A figure's value is one string for every language, so an absent figure is a dash.
    let rate_or_dash =
        |r: Option<rust_decimal::Decimal>| r.map_or_else(|| DASH.to_owned(), format::rate);
    let item = |label: labels::L, value: String| Figure {
        label: label.t(),
        value,
    };
    Block::Figures {
        items: vec![
            item(labels::PROJECT_IRR, rate_or_dash(jv.project_irr)),
            item(labels::EQUITY_IRR, rate_or_dash(jv.equity_irr)),
            item(
                labels::PEAK_FUNDING,
                format!(
                    "{} ({})",
                    format::money(jv.peak_funding, ctx.rcy),
                    format::year(jv.peak_funding_year)
                ),
            ),
            item(
                labels::FIRST_PROFIT,
                jv.first_profit_year
                    .map_or_else(|| DASH.to_owned(), format::year),
            ),
        ],
    }
}

const DASH: &str = "—";
