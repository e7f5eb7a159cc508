//! The split at closing: each party's share, whole shares by largest remainder, and the
//! vesting pieces of each holding (DOMAIN.md §4).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Deal, SplitMode};
use crate::rounding::largest_remainder;
use crate::valuation::ContributionValue;

/// A block of one party's closing shares that vests at one time.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Whole shares in the block.
    pub shares: Decimal,
    /// Year it vests (0 = at closing).
    pub vest_year: u32,
    /// Its milestone, empty for shares that vest at closing unconditionally.
    pub milestone: String,
    /// The milestone was missed: the block is cancelled in `vest_year`.
    pub missed: bool,
    /// Where it comes from: `parties[i].contributions[j].tranches[k]`.
    pub path: String,
}

/// One party's position at closing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClosingShare {
    /// The party's id.
    pub id: String,
    /// Value contributed, reporting currency at closing.
    pub value_contributed: Decimal,
    /// Its agreed or computed share, a fraction.
    pub share: Decimal,
    /// Whole shares issued to it at closing.
    pub shares: Decimal,
    /// share × total value − value contributed: positive means it received more than it gave.
    pub value_transfer: Decimal,
    /// Blocks by vesting time (not serialised; the cap table shows them).
    #[serde(skip)]
    pub pieces: Vec<Piece>,
}

/// Splits the equity of a validated deal at closing.
pub fn split(deal: &Deal, values: &[ContributionValue]) -> Vec<ClosingShare> {
    let party_values: Vec<Decimal> = deal
        .parties
        .iter()
        .map(|p| {
            values
                .iter()
                .filter(|v| v.party == p.id)
                .map(|v| v.value)
                .sum()
        })
        .collect();
    let total_value: Decimal = party_values.iter().sum();
    let shares_fraction: Vec<Decimal> = match deal.equity.mode {
        SplitMode::ContributionBased => party_values
            .iter()
            .map(|v| {
                if total_value.is_zero() {
                    Decimal::ZERO
                } else {
                    *v / total_value
                }
            })
            .collect(),
        SplitMode::Negotiated => deal
            .parties
            .iter()
            .map(|p| {
                deal.equity
                    .shares
                    .iter()
                    .find(|s| s.party == p.id)
                    .map_or(Decimal::ZERO, |s| s.share)
            })
            .collect(),
    };
    let total_shares = Decimal::from(deal.equity.shares_issued);
    let whole = largest_remainder(total_shares, &shares_fraction);
    deal.parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let own: Vec<&ContributionValue> = values.iter().filter(|v| v.party == p.id).collect();
            ClosingShare {
                id: p.id.clone(),
                value_contributed: party_values[i],
                share: shares_fraction[i],
                shares: whole[i],
                value_transfer: shares_fraction[i] * total_value - party_values[i],
                pieces: pieces(deal, i, whole[i], &own),
            }
        })
        .collect()
}

/// Splits a party's closing shares into vesting blocks, weighted by contribution value and
/// tranche share; shares not tied to a tranche vest at closing.
fn pieces(deal: &Deal, party: usize, shares: Decimal, own: &[&ContributionValue]) -> Vec<Piece> {
    let mut blocks = Vec::new();
    let mut weights = Vec::new();
    for value in own {
        let Some(c) = deal.parties[party].contributions.get(value.index) else {
            continue;
        };
        let path = format!("parties[{party}].contributions[{}]", value.index);
        if c.tranches.is_empty() {
            blocks.push(Piece {
                shares: Decimal::ZERO,
                vest_year: 0,
                milestone: String::new(),
                missed: false,
                path,
            });
            weights.push(value.value);
        } else {
            for (k, tranche) in c.tranches.iter().enumerate() {
                blocks.push(Piece {
                    shares: Decimal::ZERO,
                    vest_year: tranche.year,
                    milestone: tranche.milestone.clone(),
                    missed: tranche.missed,
                    path: format!("{path}.tranches[{k}]"),
                });
                weights.push(value.value * tranche.share);
            }
        }
    }
    if weights.iter().all(|w| w.is_zero()) {
        // A negotiated share with nothing of value behind it vests at closing.
        return vec![Piece {
            shares,
            vest_year: 0,
            milestone: String::new(),
            missed: false,
            path: format!("parties[{party}]"),
        }];
    }
    for (block, n) in blocks.iter_mut().zip(largest_remainder(shares, &weights)) {
        block.shares = n;
    }
    blocks.retain(|b| !b.shares.is_zero());
    blocks
}
