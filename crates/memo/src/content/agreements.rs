//! The side agreements: licence, kit supply and distribution, with their terms.

use super::text::{heading, para};
use super::{Built, Context, format, labels};
use crate::document::{Block, Figure, Section};

fn figure(label: labels::L, value: String) -> Figure {
    Figure {
        label: label.t(),
        value,
    }
}

/// The side agreements.
pub fn section(ctx: &Context) -> Built {
    let a = &ctx.deal.agreements;
    let mut blocks = vec![para(labels::AGREEMENTS_INTRO.t())];

    blocks.push(heading(labels::LICENCE.t()));
    match &a.licence {
        Some(l) => blocks.push(Block::Figures {
            items: vec![
                figure(labels::LICENSOR, ctx.name(&l.licensor)),
                figure(labels::ROYALTY_RATE, format::rate(l.royalty_rate)),
                figure(labels::TECH_FEE, format::money(l.technical_fee, ctx.rcy)),
            ],
        }),
        None => blocks.push(para(labels::NO_AGREEMENT.t())),
    }
    if a.licence
        .as_ref()
        .is_some_and(|l| l.royalty_in_customs_value)
    {
        blocks.push(super::text::note(labels::CUSTOMS.t()));
    }

    blocks.push(heading(labels::KIT_SUPPLY.t()));
    let k = &a.kit_supply;
    let supplier = k
        .supplier
        .as_deref()
        .map_or_else(|| "—".to_owned(), |s| ctx.name(s));
    blocks.push(Block::Figures {
        items: vec![
            figure(labels::SUPPLIER, supplier),
            figure(labels::KIT_FOB, format::money(k.kit_fob_price, ctx.rcy)),
            figure(labels::KIT_MARGIN_RATE, format::rate(k.kit_margin)),
            figure(labels::FREIGHT, format::rate(k.freight_insurance)),
        ],
    });

    blocks.push(heading(labels::DISTRIBUTION_AGREEMENT.t()));
    match &a.distribution {
        Some(d) => blocks.push(Block::Figures {
            items: vec![
                figure(labels::DISTRIBUTOR, ctx.name(&d.distributor)),
                figure(labels::DEALER_MARGIN, format::rate(d.dealer_margin)),
                figure(labels::COST_TO_SERVE, format::rate(d.cost_to_serve)),
            ],
        }),
        None => blocks.push(para(labels::NO_AGREEMENT.t())),
    }
    if a.licence.is_some()
        && ctx
            .eval
            .warnings
            .iter()
            .any(|w| w.code.starts_with("double_paid"))
    {
        blocks.push(Block::Callout {
            tone: crate::document::Tone::Warning,
            text: labels::DOUBLE_PAID.t(),
        });
    }
    Ok(Some(Section {
        id: "agreements".to_owned(),
        title: labels::AGREEMENTS.t(),
        blocks,
    }))
}
