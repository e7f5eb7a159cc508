//! Scenarios: named sets of overrides stored with the deal, run side by side with the base
//! case, and the built-in starting points a user adds in one click.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::drivers::{Op, Override, OverrideError, apply, fx_rates, scale_fx};
use crate::evaluation::{Evaluation, evaluate};
use crate::model::{Deal, Role};
use crate::problem::{DealError, FieldError};

/// A named set of overrides of the base deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Its name, e.g. "FX crisis".
    pub name: String,
    /// What it assumes, in a sentence.
    #[serde(default)]
    pub description: String,
    /// The changes to the base deal, applied in order.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

/// Each scenario's override that cannot be applied, at `scenarios[i].overrides[j].path`.
pub fn validate_scenarios(deal: &Deal) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if deal.scenarios.is_empty() {
        return errors;
    }
    let mut base = deal.clone();
    base.scenarios.clear();
    for (i, scenario) in deal.scenarios.iter().enumerate() {
        for (j, o) in scenario.overrides.iter().enumerate() {
            if let Err(error) = apply(&base, std::slice::from_ref(o)) {
                errors.push(FieldError::new(
                    format!("scenarios[{i}].overrides[{j}].path"),
                    error.to_string(),
                ));
            }
        }
    }
    errors
}

/// One party's figures under one scenario, reporting currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// The store has its own `PartyFigures`; TypeScript needs one name per type (the JSON of a
// struct does not carry its name).
#[cfg_attr(feature = "specta", serde(rename = "ScenarioPartyFigures"))]
pub struct PartyFigures {
    /// Party id.
    pub id: String,
    /// NPV of its cash flows at its discount rate.
    pub npv_cash: Decimal,
    /// IRR of its cash flows; none when there is none.
    pub irr_cash: Option<Decimal>,
    /// Multiple on invested cash; none when nothing was invested.
    pub moic_cash: Option<Decimal>,
    /// NPV of its economic flows (contributions in kind counted).
    pub npv_economic: Decimal,
    /// IRR of its economic flows.
    pub irr_economic: Option<Decimal>,
}

/// What one scenario gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScenarioResult {
    /// The scenario's name ("Base case" for the base).
    pub name: String,
    /// Its description.
    pub description: String,
    /// Each party, file order; empty when the scenario failed.
    pub parties: Vec<PartyFigures>,
    /// Lowest year-end cash of the JV, local currency.
    pub jv_cash_low_point: Option<Decimal>,
    /// Year of that low point.
    pub jv_cash_low_year: Option<u32>,
    /// Why the scenario gave no figures (an override or the changed deal is invalid).
    pub error: Option<String>,
}

/// The figures of an evaluation, as a scenario result.
pub fn figures(name: &str, description: &str, evaluation: &Evaluation) -> ScenarioResult {
    let low = evaluation
        .projection
        .years
        .iter()
        .map(|row| (row.year, row.cash))
        .min_by(|a, b| a.1.cmp(&b.1));
    ScenarioResult {
        name: name.to_owned(),
        description: description.to_owned(),
        parties: evaluation
            .parties
            .iter()
            .map(|p| PartyFigures {
                id: p.id.clone(),
                npv_cash: p.views.cash.npv,
                irr_cash: p.views.cash.irr,
                moic_cash: p.views.cash.moic,
                npv_economic: p.views.economic.npv,
                irr_economic: p.views.economic.irr,
            })
            .collect(),
        jv_cash_low_point: low.map(|l| l.1),
        jv_cash_low_year: low.map(|l| l.0),
        error: None,
    }
}

/// The deal with a scenario's overrides applied; the base deal is untouched.
pub fn scenario_deal(deal: &Deal, scenario: &Scenario) -> Result<Deal, OverrideError> {
    let mut changed = apply(deal, &scenario.overrides)?;
    changed.scenarios.clear();
    Ok(changed)
}

/// Runs the base case and then each scenario; a scenario that cannot run says why in its
/// row. Fails only when the base deal itself is invalid.
pub fn run(deal: &Deal, scenarios: &[Scenario]) -> Result<Vec<ScenarioResult>, DealError> {
    let base = evaluate(deal)?;
    let mut out = vec![figures("Base case", "The deal as entered.", &base)];
    for scenario in scenarios {
        let result = scenario_deal(deal, scenario)
            .map_err(|error| error.to_string())
            .and_then(|changed| {
                evaluate(&changed).map_err(|error| match error {
                    DealError::Invalid(errors) => errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                    other => other.to_string(),
                })
            });
        out.push(match result {
            Ok(evaluation) => figures(&scenario.name, &scenario.description, &evaluation),
            Err(message) => ScenarioResult {
                name: scenario.name.clone(),
                description: scenario.description.clone(),
                parties: Vec::new(),
                jv_cash_low_point: None,
                jv_cash_low_year: None,
                error: Some(message),
            },
        });
    }
    Ok(out)
}

/// The base case followed by the deal's own scenarios.
pub fn run_scenarios(deal: &Deal) -> Result<Vec<ScenarioResult>, DealError> {
    run(deal, &deal.scenarios)
}

/// A built-in scenario that does not apply to a deal, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Skipped {
    /// The scenario's name.
    pub name: String,
    /// Why it does not apply.
    pub reason: String,
}

/// The built-in starting points for a validated deal: those that apply, and those skipped
/// with a reason.
pub fn builtins(deal: &Deal) -> (Vec<Scenario>, Vec<Skipped>) {
    let candidates = [
        fx_crisis(deal),
        tariff_shock(deal),
        volume_shortfall(deal),
        dealer_cannot_fund(deal),
        milestone_missed(deal),
        royalty_cap_enforced(deal),
    ];
    let mut ok = Vec::new();
    let mut skipped = Vec::new();
    for candidate in candidates {
        match candidate {
            Ok(scenario) => ok.push(scenario),
            Err(skip) => skipped.push(skip),
        }
    }
    (ok, skipped)
}

fn scenario(name: &str, description: &str, overrides: Vec<Override>) -> Scenario {
    Scenario {
        name: name.to_owned(),
        description: description.to_owned(),
        overrides,
    }
}

fn skip(name: &str, reason: &str) -> Skipped {
    Skipped {
        name: name.to_owned(),
        reason: reason.to_owned(),
    }
}

/// FX crisis: the local currency loses an extra 30 % in year 1 (each rate from year 1 on is
/// 1.3 times the base path) and stays at that level.
pub fn fx_crisis(deal: &Deal) -> Result<Scenario, Skipped> {
    let path = scale_fx(&fx_rates(deal), Decimal::new(13, 1))
        .into_iter()
        .map(|rate| rate.round_dp(6))
        .collect();
    Ok(scenario(
        "FX crisis",
        "The local currency depreciates an extra 30 % in year 1 and stays there.",
        vec![Override {
            path: "market.fx_path".to_owned(),
            op: Op::SetList(path),
        }],
    ))
}

/// Tariff shock: import duty on kits up 15 points.
pub fn tariff_shock(_deal: &Deal) -> Result<Scenario, Skipped> {
    Ok(scenario(
        "Tariff shock",
        "Import duty on kits rises by 15 points.",
        vec![Override {
            path: "market.import_duty_kits".to_owned(),
            op: Op::Add(Decimal::new(15, 2)),
        }],
    ))
}

/// Volume shortfall: units 30 % below plan every year.
pub fn volume_shortfall(deal: &Deal) -> Result<Scenario, Skipped> {
    let path = match deal.plan.units {
        crate::model::Units::Ramp { .. } => "plan.units.first_year",
        crate::model::Units::Explicit { .. } => "plan.units.units",
    };
    let mut overrides = vec![Override::scale(path, Decimal::new(7, 1))];
    if let crate::model::Units::Ramp {
        capacity: Some(_), ..
    } = deal.plan.units
    {
        overrides.push(Override::scale("plan.units.capacity", Decimal::new(7, 1)));
    }
    Ok(scenario(
        "Volume shortfall",
        "Units sold are 30 % below plan.",
        overrides,
    ))
}

/// Dealer cannot fund capital calls: the local partner stops joining them and is diluted.
pub fn dealer_cannot_fund(deal: &Deal) -> Result<Scenario, Skipped> {
    let name = "Dealer cannot fund";
    let index = deal
        .parties
        .iter()
        .position(|p| p.role == Role::LocalPartner)
        .ok_or_else(|| skip(name, "the deal has no local partner"))?;
    Ok(scenario(
        name,
        "The local partner cannot fund capital calls and is diluted.",
        vec![Override {
            path: format!("parties[{index}].joins_capital_calls"),
            op: Op::SetBool(false),
        }],
    ))
}

/// Technology milestone missed: the first vesting tranche of the technology partner is
/// forfeited.
pub fn milestone_missed(deal: &Deal) -> Result<Scenario, Skipped> {
    let name = "Milestone missed";
    for (i, party) in deal.parties.iter().enumerate() {
        if party.role != Role::TechnologyPartner {
            continue;
        }
        for (j, contribution) in party.contributions.iter().enumerate() {
            if let Some(k) = contribution.tranches.iter().position(|t| !t.missed) {
                let milestone = &contribution.tranches[k].milestone;
                return Ok(scenario(
                    name,
                    &format!("The technology milestone \"{milestone}\" is missed."),
                    vec![Override {
                        path: format!("parties[{i}].contributions[{j}].tranches[{k}].missed"),
                        op: Op::SetBool(true),
                    }],
                ));
            }
        }
    }
    Err(skip(
        name,
        "the technology partner's shares have no vesting tranches to forfeit",
    ))
}

/// Royalty cap enforced: the royalty rate is cut to the market's cap.
pub fn royalty_cap_enforced(deal: &Deal) -> Result<Scenario, Skipped> {
    let name = "Royalty cap enforced";
    let Some(licence) = &deal.agreements.licence else {
        return Err(skip(name, "the deal has no licence"));
    };
    let Some(cap) = &deal.market.royalty_cap else {
        return Err(skip(name, "the market sets no royalty cap"));
    };
    if licence.royalty_rate <= cap.rate {
        return Err(skip(name, "the royalty rate is already within the cap"));
    }
    Ok(scenario(
        name,
        "The royalty rate is cut to the market's cap.",
        vec![Override::set("agreements.licence.royalty_rate", cap.rate)],
    ))
}
