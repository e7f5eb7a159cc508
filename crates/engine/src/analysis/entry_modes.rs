//! Entry modes (DOMAIN.md §7): the same market and plan entered by direct export of finished
//! vehicles, by licensing only, through the deal's JV, or through a wholly-owned subsidiary.
//!
//! Each mode is a transformation of the deal, evaluated by the same engine; the figures are
//! the technology partner's (the manufacturer's) cash view. See docs/model.md, "Entry modes",
//! for what each transformation assumes.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};
use serde::Serialize;

use super::montecarlo::simulate;
use super::sampling::{SamplingSpec, percentile};
use super::settings::{SpecSource, monte_carlo_spec};
use crate::evaluation::evaluate;
use crate::model::{Contribution, ContributionKind, Deal, Role, SplitMode};
use crate::problem::DealError;

/// The extra duty on finished vehicles over the deal's kit duty, when none is given: 25
/// points, the East African Community's common external tariff on finished vehicles against
/// 0 % on CKD kits.
pub const DEFAULT_CBU_DUTY_DIFFERENCE: Decimal = Decimal::from_parts(25, 0, 0, false, 2);

/// Iterations of the Monte Carlo behind each mode's P10, when none are given.
pub const DEFAULT_P10_ITERATIONS: usize = 1_000;

/// The seed of that simulation, when none is given (fixed, so the table is reproducible).
pub const DEFAULT_P10_SEED: u64 = 42;

/// One way of entering the market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EntryMode {
    /// The manufacturer exports finished (CBU) vehicles to the dealer.
    DirectExport,
    /// The manufacturer licenses its technology to the local partner; no equity.
    Licensing,
    /// The deal as entered.
    JointVenture,
    /// The manufacturer holds 100 %; the dealer only distributes.
    WhollyOwned,
}

impl EntryMode {
    /// All modes, in the order they are shown.
    pub const ALL: [Self; 4] = [
        Self::DirectExport,
        Self::Licensing,
        Self::JointVenture,
        Self::WhollyOwned,
    ];

    /// A short label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Self::DirectExport => "Direct export (CBU)",
            Self::Licensing => "Licensing only",
            Self::JointVenture => "This JV",
            Self::WhollyOwned => "Wholly-owned subsidiary",
        }
    }
}

/// Inputs an entry-mode comparison needs that the deal does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EntryOptions {
    /// Duty on finished vehicles minus the deal's duty on kits, a fraction added to
    /// `market.import_duty_kits` for direct export.
    pub cbu_duty_difference: Decimal,
    /// Iterations of the Monte Carlo behind the P10 column; 0 leaves it out.
    pub p10_iterations: usize,
    /// Seed of that simulation.
    pub p10_seed: u64,
}

impl Default for EntryOptions {
    fn default() -> Self {
        Self {
            cbu_duty_difference: DEFAULT_CBU_DUTY_DIFFERENCE,
            p10_iterations: DEFAULT_P10_ITERATIONS,
            p10_seed: DEFAULT_P10_SEED,
        }
    }
}

/// The manufacturer's figures under one entry mode, reporting currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ModeResult {
    /// The mode.
    pub mode: EntryMode,
    /// Its label.
    pub label: &'static str,
    /// How the deal was transformed for it.
    pub assumptions: String,
    /// NPV of the manufacturer's cash flows at its discount rate.
    pub npv_cash: Option<Decimal>,
    /// IRR of those flows; none with `irr_note` when there is none.
    pub irr_cash: Option<Decimal>,
    /// Why there is no IRR (e.g. no cash invested).
    pub irr_note: Option<String>,
    /// Peak cumulative outflow of the cash flows (≥ 0).
    pub capital_at_risk: Option<Decimal>,
    /// Monte Carlo P10 of the NPV of the cash flows (the deal's drawn inputs, then the mode's
    /// transformation); none with `p10_note` when it was not computed.
    pub monte_carlo_p10: Option<Decimal>,
    /// Why there is no P10, or how many iterations it leaves out.
    pub p10_note: Option<String>,
    /// The manufacturer's cash flows, years 0..N.
    pub flows: Vec<Decimal>,
    /// Warning codes the transformed deal raises (guardrails included).
    pub warnings: Vec<String>,
    /// Why the mode gave no figures.
    pub error: Option<String>,
}

/// The four entry modes side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EntryModes {
    /// The manufacturer's party id.
    pub party: String,
    /// Reporting currency.
    pub currency: String,
    /// The options used.
    pub options: EntryOptions,
    /// Where the Monte Carlo spec behind the P10 column came from.
    pub p10_spec: SpecSource,
    /// FOB price of a finished vehicle used for direct export, reporting currency.
    pub cbu_fob_price: Decimal,
    /// Each mode, in `EntryMode::ALL` order.
    pub modes: Vec<ModeResult>,
}

/// Peak cumulative outflow: the most the flows are ever below zero, cumulatively.
pub fn capital_at_risk(flows: &[Decimal]) -> Decimal {
    let mut cumulative = Decimal::ZERO;
    let mut peak = Decimal::ZERO;
    for flow in flows {
        cumulative += *flow;
        peak = peak.max(-cumulative);
    }
    peak
}

/// The manufacturer: the technology partner, else the licensor, else the kit supplier.
fn manufacturer(deal: &Deal) -> Option<usize> {
    let by_id = |id: &str| deal.parties.iter().position(|p| p.id == id);
    deal.parties
        .iter()
        .position(|p| p.role == Role::TechnologyPartner)
        .or_else(|| {
            deal.agreements
                .licence
                .as_ref()
                .and_then(|l| by_id(&l.licensor))
        })
        .or_else(|| {
            deal.agreements
                .kit_supply
                .supplier
                .as_deref()
                .and_then(by_id)
        })
}

/// The local partner taking the manufacturer's place: the distributor, else the first
/// local partner, else the first other party.
fn local(deal: &Deal, maker: usize) -> Option<usize> {
    deal.agreements
        .distribution
        .as_ref()
        .and_then(|d| deal.parties.iter().position(|p| p.id == d.distributor))
        .filter(|&i| i != maker)
        .or_else(|| {
            deal.parties
                .iter()
                .enumerate()
                .position(|(i, p)| i != maker && p.role == Role::LocalPartner)
        })
        .or_else(|| (0..deal.parties.len()).find(|&i| i != maker))
}

fn contribution_based(deal: &mut Deal) {
    deal.equity.mode = SplitMode::ContributionBased;
    deal.equity.shares.clear();
    deal.scenarios.clear();
}

/// Moves party `from`'s cash and asset contributions to party `to` (who now funds them) and
/// drops `from`'s intangible contributions; `from` takes no part in capital calls.
fn hand_over(deal: &mut Deal, from: usize, to: usize) {
    let taken: Vec<Contribution> = std::mem::take(&mut deal.parties[from].contributions);
    let funded = taken
        .into_iter()
        .filter(|c| matches!(c.kind, ContributionKind::Cash | ContributionKind::Asset))
        .map(|mut c| {
            c.tranches.clear();
            c
        });
    deal.parties[to].contributions.extend(funded);
    deal.parties[from].joins_capital_calls = false;
}

/// The deal for a mode, and what the transformation assumed.
pub fn mode_deal(
    deal: &Deal,
    mode: EntryMode,
    options: &EntryOptions,
) -> Result<(Deal, String), String> {
    let maker =
        manufacturer(deal).ok_or("the deal has no technology partner, licensor or kit supplier")?;
    let partner = local(deal, maker).ok_or("the deal has no other party")?;
    let mut out = deal.clone();
    out.scenarios.clear();
    let note = match mode {
        EntryMode::JointVenture => "The deal as entered.".to_owned(),
        EntryMode::WhollyOwned => {
            for i in 0..out.parties.len() {
                if i != maker {
                    hand_over(&mut out, i, maker);
                }
            }
            for c in &mut out.parties[maker].contributions {
                c.tranches.clear();
            }
            contribution_based(&mut out);
            "The manufacturer funds every cash and asset contribution and holds 100 %; the \
             other parties' in-kind contributions are dropped; licence, kit supply and the \
             dealer's distribution margin (taken as arm's length) continue."
                .to_owned()
        }
        EntryMode::Licensing => {
            if out.agreements.licence.is_none() {
                return Err("the deal has no licence to grant".to_owned());
            }
            hand_over(&mut out, maker, partner);
            contribution_based(&mut out);
            format!(
                "The licensee ({}) funds all cash and holds the company with the other \
                 shareholders; the manufacturer contributes nothing and keeps the royalty, the \
                 technical fee and the kit margin (the licensee still assembles the \
                 manufacturer's kits).",
                out.parties[partner].id
            )
        }
        EntryMode::DirectExport => {
            let cbu = cbu_fob_price(deal);
            out.parties[maker].contributions.clear();
            out.parties[maker].joins_capital_calls = false;
            out.agreements.licence = None;
            out.agreements.kit_supply.kit_fob_price = cbu;
            out.market.import_duty_kits += options.cbu_duty_difference;
            out.plan.local_parts_per_unit = Decimal::ZERO;
            out.plan.labour_hours_per_unit = Decimal::ZERO;
            out.plan.capex.clear();
            out.plan.maintenance_capex = Decimal::ZERO;
            contribution_based(&mut out);
            format!(
                "The dealer's company imports finished vehicles at {} FOB (kit FOB plus the \
                 year-1 local assembly cost at spot) with {} points more duty than on kits; no \
                 assembly, capex or licence; the manufacturer earns its kit margin rate on the \
                 CBU price, same units and retail price.",
                cbu.round_dp(2),
                (options.cbu_duty_difference * Decimal::ONE_HUNDRED).normalize()
            )
        }
    };
    Ok((out, note))
}

/// FOB price of a finished vehicle: the kit FOB price plus the year-1 local assembly cost
/// (local parts and labour) converted at spot, as if the assembly moved to the home plant.
pub fn cbu_fob_price(deal: &Deal) -> Decimal {
    let plan = &deal.plan;
    let local = plan.local_parts_per_unit + plan.labour_hours_per_unit * plan.wage_per_hour;
    let spot = deal.market.fx_spot;
    let assembly = if spot > Decimal::ZERO {
        local / spot
    } else {
        Decimal::ZERO
    };
    deal.agreements.kit_supply.kit_fob_price + assembly
}

fn run_mode(deal: &Deal, maker_id: &str, mode: EntryMode, options: &EntryOptions) -> ModeResult {
    let mut result = ModeResult {
        mode,
        label: mode.label(),
        assumptions: String::new(),
        npv_cash: None,
        irr_cash: None,
        irr_note: None,
        capital_at_risk: None,
        monte_carlo_p10: None,
        p10_note: None,
        flows: Vec::new(),
        warnings: Vec::new(),
        error: None,
    };
    let changed = mode_deal(deal, mode, options).and_then(|(changed, note)| {
        result.assumptions = note;
        evaluate(&changed).map_err(|error| match error {
            DealError::Invalid(errors) => errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        })
    });
    match changed {
        Ok(evaluation) => {
            if let Some(party) = evaluation.parties.iter().find(|p| p.id == maker_id) {
                let cash = &party.views.cash;
                result.npv_cash = Some(cash.npv);
                result.irr_cash = cash.irr;
                result.irr_note = cash.irr_note.clone();
                result.capital_at_risk = Some(capital_at_risk(&cash.flows));
                result.flows = cash.flows.clone();
            }
            result.warnings = evaluation
                .warnings
                .iter()
                .map(|w| w.code.to_owned())
                .collect();
        }
        Err(message) => result.error = Some(message),
    }
    result
}

/// Each mode's P10 of the manufacturer's cash NPV, in `EntryMode::ALL` order, with a note
/// when there is none or when iterations were left out. Every iteration draws the deal's
/// inputs once and applies each mode's transformation to the same draws, so the modes are
/// compared on the same futures.
fn p10s(
    deal: &Deal,
    maker_id: &str,
    spec: &SamplingSpec,
    options: &EntryOptions,
) -> Vec<(Option<Decimal>, Option<String>)> {
    let n = options.p10_iterations;
    let all = |note: String| vec![(None, Some(note)); EntryMode::ALL.len()];
    if n == 0 {
        return all("Monte Carlo P10 not computed (0 iterations asked for)".to_owned());
    }
    let measure = |sampled: &Deal| -> Vec<Option<f64>> {
        EntryMode::ALL
            .iter()
            .map(|&mode| {
                let (changed, _) = mode_deal(sampled, mode, options).ok()?;
                let evaluation = evaluate(&changed).ok()?;
                let party = evaluation.parties.iter().find(|p| p.id == maker_id)?;
                party.views.cash.npv.to_f64()
            })
            .collect()
    };
    let rows = match simulate(deal, spec, n, options.p10_seed, &measure) {
        Ok(rows) => rows,
        Err(error) => return all(format!("Monte Carlo P10 not computed: {error}")),
    };
    (0..EntryMode::ALL.len())
        .map(|m| {
            let values: Vec<f64> = rows
                .iter()
                .filter_map(|row| row.as_ref().ok().and_then(|v| v.get(m).copied().flatten()))
                .collect();
            let left_out = n - values.len();
            let p10 = percentile(&values, 0.1)
                .ok()
                .and_then(Decimal::from_f64)
                .map(|d| d.round_dp(2));
            match p10 {
                None => (
                    None,
                    Some(format!(
                        "Monte Carlo P10 not computed: none of the {n} iterations gave this mode \
                         a valid deal"
                    )),
                ),
                Some(_) if left_out > 0 => (
                    p10,
                    Some(format!(
                        "over {} of {n} iterations; the draws of {left_out} made this mode's \
                         deal invalid",
                        values.len()
                    )),
                ),
                Some(_) => (p10, None),
            }
        })
        .collect()
}

/// The four entry modes for a deal. Fails only when the deal itself is invalid or has no
/// manufacturer; a mode that cannot be built says why in its row.
pub fn compare_modes(deal: &Deal, options: &EntryOptions) -> Result<EntryModes, DealError> {
    evaluate(deal)?;
    let maker = manufacturer(deal).ok_or_else(|| {
        DealError::Invalid(vec![crate::problem::FieldError::new(
            "parties",
            "needs a technology partner, licensor or kit supplier to compare entry modes",
        )])
    })?;
    let maker_id = deal.parties[maker].id.clone();
    let mut modes: Vec<ModeResult> = EntryMode::ALL
        .iter()
        .map(|&mode| run_mode(deal, &maker_id, mode, options))
        .collect();
    let (spec, source) = monte_carlo_spec(deal);
    let p10 = p10s(deal, &maker_id, &spec, options);
    for (result, (value, note)) in modes.iter_mut().zip(p10) {
        if result.error.is_none() {
            result.monte_carlo_p10 = value;
            result.p10_note = note;
        }
    }
    Ok(EntryModes {
        party: maker_id,
        currency: deal.reporting_currency.clone(),
        options: *options,
        p10_spec: source,
        cbu_fob_price: cbu_fob_price(deal),
        modes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_at_risk_is_the_deepest_cumulative_outflow() {
        let flows = [
            Decimal::from(-100),
            Decimal::from(-50),
            Decimal::from(80),
            Decimal::from(-60),
            Decimal::from(500),
        ];
        assert_eq!(capital_at_risk(&flows), Decimal::from(150));
        assert_eq!(capital_at_risk(&[Decimal::from(5)]), Decimal::ZERO);
        assert_eq!(capital_at_risk(&[]), Decimal::ZERO);
    }
}
