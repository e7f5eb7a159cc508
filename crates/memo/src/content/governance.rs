//! Governance terms as the parties entered them; shown only when at least one is filled.

use super::text::{heading, para};
use super::{Built, Context, labels};
use crate::document::{Block, Section, Text};

/// The governance section, or none when no term is filled.
pub fn section(ctx: &Context) -> Built {
    let g = &ctx.deal.governance;
    if g.is_empty() {
        return Ok(None);
    }
    let mut blocks = Vec::new();
    if !g.board_seats.is_empty() {
        blocks.push(heading(labels::BOARD.t()));
        blocks.push(Block::Bullets {
            items: g
                .board_seats
                .iter()
                .map(|b| labels::seats(&ctx.name(&b.party), b.seats))
                .collect(),
        });
    }
    let reserved: Vec<Text> = g
        .reserved_matters
        .iter()
        .filter(|m| !m.trim().is_empty())
        .map(Text::same)
        .collect();
    if !reserved.is_empty() {
        blocks.push(heading(labels::RESERVED.t()));
        blocks.push(Block::Bullets { items: reserved });
    }
    let terms = [
        (labels::DEADLOCK, &g.deadlock),
        (labels::TRANSFER, &g.transfer_restrictions),
        (labels::EXIT_OPTIONS, &g.exit_options),
        (labels::NON_COMPETE, &g.non_compete),
        (labels::IP_TERMINATION, &g.ip_on_termination),
    ];
    for (label, term) in terms {
        if let Some(text) = term.as_deref().filter(|t| !t.trim().is_empty()) {
            blocks.push(heading(label.t()));
            blocks.push(para(Text::same(text)));
        }
    }
    Ok(Some(Section {
        id: "governance".to_owned(),
        title: labels::GOVERNANCE.t(),
        blocks,
    }))
}
