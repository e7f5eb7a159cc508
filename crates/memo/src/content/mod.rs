//! Builds the memo from a deal and its evaluation. Every figure comes from the engine's
//! results (or an analysis the engine runs) and is formatted by [`format`]; nothing is
//! recomputed here. Each section is built on its own: one that cannot be built is left out
//! with a note and the rest stands.

mod agreements;
mod appendix;
mod assumptions;
mod cover;
mod engine_text;
mod equity;
pub mod format;
mod governance;
mod labels;
mod parties;
mod plan;
mod returns;
mod risks;
mod scenarios;
mod sensitivity;
mod summary;
mod text;

use jv_engine::analysis::scenarios::{ScenarioResult, run_scenarios};
use jv_engine::analysis::tornado::{Metric, Tornado, View, tornado};
use jv_engine::model::Role;
use jv_engine::{Deal, Evaluation};

use crate::document::{Block, Lang, Memo, Section, Status, Text};

/// What the caller chooses about a memo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoOptions {
    /// The languages it is written in.
    pub lang: Lang,
    /// Draft or final.
    pub status: Status,
    /// The memo's date, ISO (`2026-11-29`); passed in because this crate reads no clock.
    pub date: String,
}

/// Why no memo could be built at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemoError {
    /// The evaluation is not the evaluation of this deal.
    #[error(
        "the evaluation has {evaluation} parties but the deal has {deal}; evaluate this deal \
         again before writing its memo"
    )]
    PartiesMismatch {
        /// Parties in the deal.
        deal: usize,
        /// Parties in the evaluation.
        evaluation: usize,
    },
    /// The date is not `YYYY-MM-DD`.
    #[error("the memo date \"{date}\" is not an ISO date (YYYY-MM-DD)")]
    Date {
        /// The date as given.
        date: String,
    },
}

/// Everything a section may draw on: the deal, its evaluation and the analyses run once.
pub(crate) struct Context<'a> {
    pub deal: &'a Deal,
    pub eval: &'a Evaluation,
    /// Reporting currency code.
    pub rcy: &'a str,
    /// Local currency code.
    pub lcy: &'a str,
    /// The stored scenarios run side by side (none when the deal has none).
    pub scenarios: Option<Result<Vec<ScenarioResult>, String>>,
    /// The technology partner's cash-NPV tornado.
    pub tornado: Result<Tornado, String>,
}

impl Context<'_> {
    /// A party's name by id, or the id when the deal does not know it.
    pub fn name(&self, id: &str) -> String {
        self.deal
            .parties
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    }

    /// The party the sensitivity is measured for: the technology partner, else the first.
    pub fn focus_party(&self) -> Option<&jv_engine::model::Party> {
        self.deal
            .parties
            .iter()
            .find(|p| p.role == Role::TechnologyPartner)
            .or_else(|| self.deal.parties.first())
    }
}

/// Why one section was left out.
pub(crate) struct Omitted {
    pub title: Text,
    pub reason: String,
}

type Built = Result<Option<Section>, Omitted>;

/// Builds the memo of `deal` from its `evaluation`.
pub fn build(
    deal: &Deal,
    evaluation: &Evaluation,
    options: &MemoOptions,
) -> Result<Memo, MemoError> {
    if deal.parties.len() != evaluation.parties.len() {
        return Err(MemoError::PartiesMismatch {
            deal: deal.parties.len(),
            evaluation: evaluation.parties.len(),
        });
    }
    if !is_iso_date(&options.date) {
        return Err(MemoError::Date {
            date: options.date.clone(),
        });
    }
    let mut ctx = Context {
        deal,
        eval: evaluation,
        rcy: &evaluation.deal.reporting_currency,
        lcy: &evaluation.deal.local_currency,
        scenarios: None,
        tornado: Err(String::new()),
    };
    if !deal.scenarios.is_empty() {
        ctx.scenarios = Some(run_scenarios(deal).map_err(|e| e.to_string()));
    }
    ctx.tornado = match ctx.focus_party() {
        Some(party) => {
            tornado(deal, &party.id, Metric::Npv, View::Cash, &[]).map_err(|e| e.to_string())
        }
        None => Err("the deal has no party".to_owned()),
    };

    let builders: [fn(&Context) -> Built; 12] = [
        summary::section,
        parties::section,
        equity::section,
        governance::section,
        agreements::section,
        plan::section,
        returns::section,
        scenarios::section,
        sensitivity::section,
        risks::section,
        assumptions::section,
        appendix::section,
    ];
    let mut sections = Vec::new();
    let mut omitted = Vec::new();
    for builder in builders {
        match builder(&ctx) {
            Ok(Some(section)) if !section.blocks.is_empty() => sections.push(section),
            Ok(_) => {}
            Err(why) => omitted.push(why),
        }
    }
    if !omitted.is_empty()
        && let Some(first) = sections.first_mut()
    {
        first.blocks.push(Block::Heading {
            text: labels::OMITTED.t(),
        });
        first.blocks.push(Block::Bullets {
            items: omitted
                .iter()
                .map(|o| labels::omitted(&o.title, &o.reason))
                .collect(),
        });
    }
    Ok(Memo {
        lang: options.lang,
        cover: cover::cover(&ctx, options),
        sections,
    })
}

fn is_iso_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}
