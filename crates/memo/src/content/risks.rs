//! Guardrails and risks: the market rules the deal breaks (with their sources), the engine's
//! warnings and the drivers that move the result most.

use super::text::{heading, note, para};
use super::{Built, Context, engine_text, format, labels};
use crate::document::{Block, Section, Text, Tone};

/// The guardrails and risks section.
pub fn section(ctx: &Context) -> Built {
    let mut blocks = Vec::new();
    let (rules, others): (Vec<_>, Vec<_>) =
        ctx.eval.warnings.iter().partition(|w| w.source.is_some());
    if rules.is_empty() && others.is_empty() {
        blocks.push(para(labels::NO_RULE_BROKEN.t()));
    }
    if !rules.is_empty() {
        blocks.push(heading(labels::GUARDRAILS.t()));
        blocks.push(note(labels::FLAGS_INFORM.t()));
        for w in rules {
            let source = w.source.as_deref().unwrap_or_default();
            blocks.push(Block::Callout {
                tone: Tone::Problem,
                text: labels::with_source(&engine_text::warning(w), source),
            });
        }
    }
    if !others.is_empty() {
        blocks.push(heading(labels::WARNINGS.t()));
        for w in others {
            blocks.push(Block::Callout {
                tone: Tone::Warning,
                text: engine_text::warning(w),
            });
        }
    }
    if let Ok(tornado) = &ctx.tornado {
        let who = ctx.name(&tornado.party);
        let items: Vec<Text> = tornado
            .bars
            .iter()
            .filter(|b| !b.swing.is_zero())
            .take(3)
            .map(|b| {
                labels::swings(
                    &engine_text::driver(&b.driver, &b.label),
                    &who,
                    &format::money(b.swing, ctx.rcy),
                )
            })
            .collect();
        if !items.is_empty() {
            blocks.push(heading(labels::MAIN_SENSITIVITIES.t()));
            blocks.push(Block::Bullets { items });
        }
    }
    Ok(Some(Section {
        id: "risks".to_owned(),
        title: labels::RISKS.t(),
        blocks,
    }))
}
