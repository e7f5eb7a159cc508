//! The value of each contribution at closing, in reporting currency (DOMAIN.md §3).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{ContributionKind, Deal, Valuation};
use crate::operations::Operations;
use crate::timeline::Timeline;

/// One contribution with the value its method gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContributionValue {
    /// The contributing party's id.
    pub party: String,
    /// Index of the contribution within the party.
    pub index: usize,
    /// What it is.
    pub kind: ContributionKind,
    /// The valuation method's name.
    pub method: &'static str,
    /// Year it is made.
    pub year: u32,
    /// Value in reporting currency at closing (never negative).
    pub value: Decimal,
    /// The method gave a negative value, which was floored at zero.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub floored: bool,
}

/// Values every contribution of a validated deal, party by party in file order.
pub fn value_contributions(
    deal: &Deal,
    time: &Timeline,
    ops: &Operations,
) -> Vec<ContributionValue> {
    let mut out = Vec::new();
    for party in &deal.parties {
        for (index, c) in party.contributions.iter().enumerate() {
            let life = c.useful_life_years.unwrap_or(time.years as u32) as usize;
            let (method, raw) = match &c.valuation {
                Valuation::Agreed { value } => ("agreed", *value),
                Valuation::ReliefFromRoyalty {
                    royalty_rate,
                    discount_rate,
                } => {
                    let base = |t: usize| *royalty_rate * ops.revenue[t];
                    (
                        "relief_from_royalty",
                        after_tax_pv(time, life, *discount_rate, base),
                    )
                }
                Valuation::ExcessEarnings {
                    profit_share,
                    discount_rate,
                } => {
                    // EBIT before amortisation of contributed intangibles, so the value does
                    // not depend on itself.
                    let base = |t: usize| *profit_share * (ops.ebitda[t] - ops.depreciation[t]);
                    (
                        "excess_earnings",
                        after_tax_pv(time, life, *discount_rate, base),
                    )
                }
                Valuation::CostToRecreate { cost, obsolescence } => {
                    ("cost_to_recreate", *cost * (Decimal::ONE - obsolescence))
                }
            };
            out.push(ContributionValue {
                party: party.id.clone(),
                index,
                kind: c.kind,
                method,
                year: c.year,
                value: raw.max(Decimal::ZERO),
                floored: raw.is_sign_negative() && !raw.is_zero(),
            });
        }
    }
    out
}

/// Σ_{t=1..L} base_t × (1 − τ_t) ÷ fx_t ÷ (1 + r)^t, with τ = 0 in holiday years and the
/// statutory rate otherwise.
fn after_tax_pv(
    time: &Timeline,
    life: usize,
    rate: Decimal,
    base: impl Fn(usize) -> Decimal,
) -> Decimal {
    let step = Decimal::ONE + rate;
    if step <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let mut factor = Decimal::ONE;
    let mut total = Decimal::ZERO;
    for t in 1..=life.min(time.years) {
        factor /= step;
        let tax = if time.holiday[t] {
            Decimal::ZERO
        } else {
            time.statutory_tax
        };
        total += base(t) * (Decimal::ONE - tax) / time.fx[t] * factor;
    }
    total
}
