//! What-if analysis of the deal being edited: scenarios, tornado, goal seek, fair split,
//! entry modes and Monte Carlo. Each body reads the editor's deal JSON and calls the engine;
//! an invalid deal is an `invalid_deal` error with its field errors.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use jv_engine::analysis::entry_modes::{self, EntryModes, EntryOptions};
use jv_engine::analysis::fairsplit::{self, FairSplit};
use jv_engine::analysis::goalseek::{self, GoalSeek, GoalSeekError, Target};
use jv_engine::analysis::montecarlo::{MonteCarloError, MonteCarloResult, run_monte_carlo};
use jv_engine::analysis::scenarios::{self, Scenario, ScenarioResult, Skipped};
use jv_engine::analysis::settings::{
    DriverDefaults, MonteCarloSettings, default_monte_carlo_settings, driver_defaults,
    monte_carlo_spec,
};
use jv_engine::analysis::tornado::{self, Metric, Tornado, TornadoError, View};
use jv_engine::{Deal, FieldError, evaluate, read_deal};
use jv_markets::compare::{self as markets_compare, CompareError, MarketFigures};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, ErrorCode};

/// Threads a Monte Carlo run uses in the app (the result does not depend on it).
pub const MONTE_CARLO_THREADS: usize = 2;

/// The shortest time between two progress reports (at most 20 a second).
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(50);

/// The most iterations one run may ask for (as the CLI).
pub const MAX_ITERATIONS: u32 = 1_000_000;

/// The base case and the scenarios, with the built-ins that do not apply to this deal.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct ScenarioRun {
    /// The currency of every amount.
    pub reporting_currency: String,
    /// The market's local currency.
    pub local_currency: String,
    /// The base case first, then each scenario.
    pub scenarios: Vec<ScenarioResult>,
    /// Built-in scenarios left out, and why.
    pub skipped: Vec<Skipped>,
}

/// The built-in scenarios that apply to a deal, ready to add to it, and those that do not.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct BuiltinScenarios {
    /// Each applicable built-in, with its overrides for this deal.
    pub scenarios: Vec<Scenario>,
    /// The built-ins left out, and why.
    pub skipped: Vec<Skipped>,
}

/// The same deal on several market presets.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct MarketComparison {
    /// The currency of every party figure.
    pub reporting_currency: String,
    /// Each market, in the order asked.
    pub markets: Vec<MarketFigures>,
}

/// A spot rate the user typed for one market (local currency per reporting-currency unit).
#[derive(Debug, Clone, PartialEq, Deserialize, specta::Type)]
pub struct MarketSpot {
    /// The preset's country code.
    pub country: String,
    /// Local currency per reporting-currency unit.
    pub fx_spot: Decimal,
}

/// What the spec editor needs before anything has run: the deal's drivers with their default
/// distributions, and the spec a run uses while the deal stores none.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct AnalysisDrivers {
    /// Every driver of the deal, in the engine's order.
    pub drivers: Vec<DriverDefaults>,
    /// The default Monte Carlo spec, in the deal file's format.
    pub default_spec: MonteCarloSettings,
}

/// How far a Monte Carlo run has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
pub struct MonteCarloProgress {
    /// Iterations finished.
    pub done: u32,
    /// Iterations asked for.
    pub total: u32,
}

/// A Monte Carlo run: finished, or cancelled by the user.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum MonteCarloOutcome {
    /// Every iteration ran.
    Finished {
        /// The percentiles, probabilities and histograms.
        result: Box<MonteCarloResult>,
    },
    /// `cancel_monte_carlo` stopped the run.
    Cancelled {
        /// Iterations finished before it stopped.
        done: u32,
        /// Iterations asked for.
        total: u32,
    },
}

/// The app's one Monte Carlo run: whether one is running, and whether it should stop.
#[derive(Debug, Default)]
pub struct MonteCarloControl {
    running: AtomicBool,
    cancel: AtomicBool,
}

/// Marks the run as running until dropped.
#[derive(Debug)]
pub struct MonteCarloRun {
    control: Arc<MonteCarloControl>,
}

impl MonteCarloRun {
    /// The flag that stops this run.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.control.cancel
    }
}

impl Drop for MonteCarloRun {
    fn drop(&mut self) {
        self.control.running.store(false, Ordering::SeqCst);
    }
}

impl MonteCarloControl {
    /// Starts a run; a second run while one is running is refused (cancel the first).
    pub fn start(self: &Arc<Self>) -> Result<MonteCarloRun, AppError> {
        self.running
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .map_err(|_| {
                AppError::new(
                    ErrorCode::Internal,
                    "a simulation is already running; cancel it or wait for it to finish",
                )
            })?;
        self.cancel.store(false, Ordering::SeqCst);
        Ok(MonteCarloRun {
            control: Arc::clone(self),
        })
    }

    /// Asks the running simulation to stop; `false` when none is running.
    pub fn cancel(&self) -> bool {
        let running = self.running.load(Ordering::SeqCst);
        if running {
            self.cancel.store(true, Ordering::SeqCst);
        }
        running
    }
}

fn deal(deal_json: &str) -> Result<Deal, AppError> {
    let deal = read_deal(deal_json)?;
    // The base must be valid before anything reads its paths.
    evaluate(&deal)?;
    Ok(deal)
}

fn decimal(what: &str, text: &str) -> Result<Decimal, AppError> {
    text.trim().parse::<Decimal>().map_err(|_| {
        AppError::new(
            ErrorCode::Internal,
            format!("the {what} \"{text}\" is not a number"),
        )
    })
}

fn goal_seek_error(error: GoalSeekError) -> AppError {
    match error {
        GoalSeekError::Deal(error) => error.into(),
        other => AppError::new(ErrorCode::Internal, other.to_string()),
    }
}

/// The base case and the deal's own scenarios, or the built-in ones when `builtin`.
pub fn run_scenarios(deal_json: &str, builtin: bool) -> Result<ScenarioRun, AppError> {
    let deal = deal(deal_json)?;
    let (list, skipped) = if builtin {
        scenarios::builtins(&deal)
    } else {
        (deal.scenarios.clone(), Vec::new())
    };
    let results = scenarios::run(&deal, &list)?;
    Ok(ScenarioRun {
        reporting_currency: deal.reporting_currency.clone(),
        local_currency: deal.market.currency.clone(),
        scenarios: results,
        skipped,
    })
}

/// The built-in starting points for this deal; an invalid deal is an `invalid_deal` error.
pub fn builtin_scenarios(deal_json: &str) -> Result<BuiltinScenarios, AppError> {
    let deal = deal(deal_json)?;
    let (scenarios, skipped) = scenarios::builtins(&deal);
    Ok(BuiltinScenarios { scenarios, skipped })
}

/// The tornado of one party's metric over every driver at ±20 %, widest swing first.
pub fn tornado(
    deal_json: &str,
    party: &str,
    metric: Metric,
    view: View,
) -> Result<Tornado, AppError> {
    let deal = deal(deal_json)?;
    tornado::tornado(&deal, party, metric, view, &[]).map_err(|error| match error {
        TornadoError::Deal(error) => error.into(),
        other => AppError::new(ErrorCode::Internal, other.to_string()),
    })
}

/// The value of `input` that makes the party's metric hit `target` (a decimal), between
/// `low` and `high` or the input's default bounds.
#[allow(clippy::too_many_arguments)]
pub fn goal_seek(
    deal_json: &str,
    input: &str,
    party: &str,
    metric: Metric,
    view: View,
    target: &str,
    low: Option<&str>,
    high: Option<&str>,
) -> Result<GoalSeek, AppError> {
    let deal = deal(deal_json)?;
    let value = decimal("target", target)?;
    let bounds = match (low, high) {
        (None, None) => None,
        (Some(low), Some(high)) => Some((decimal("low bound", low)?, decimal("high bound", high)?)),
        _ => {
            return Err(AppError::new(
                ErrorCode::Internal,
                "give both bounds of the search, or neither",
            ));
        }
    };
    let target = Target {
        party: party.to_owned(),
        metric,
        view,
        value,
    };
    goalseek::goal_seek(&deal, input, &target, bounds).map_err(goal_seek_error)
}

/// The fair split: by value contributed, by hurdle margin, and the share-royalty curve.
pub fn fair_split(deal_json: &str) -> Result<FairSplit, AppError> {
    let deal = deal(deal_json)?;
    fairsplit::fair_split(&deal).map_err(goal_seek_error)
}

fn compare_error(error: CompareError) -> AppError {
    match error {
        CompareError::NeedsFxSpot {
            ref reporting_currency,
            ref missing,
        } => AppError {
            code: ErrorCode::NeedsFxSpot,
            message: error.to_string(),
            // One entry per market, at its country code, so the UI marks each rate to enter.
            fields: missing
                .iter()
                .map(|m| {
                    FieldError::new(
                        m.country.clone(),
                        format!(
                            "{}: enter today's {} per {reporting_currency}",
                            m.country, m.currency
                        ),
                    )
                })
                .collect(),
        },
        CompareError::Apply {
            source: jv_markets::ApplyError::InvalidFxSpot { .. },
            ..
        } => AppError::new(ErrorCode::NeedsFxSpot, error.to_string()),
        CompareError::Deal { source, country } => {
            let mut app: AppError = source.into();
            app.message = format!("on the {country} market: {}", app.message);
            app
        }
        other => AppError::new(ErrorCode::Internal, other.to_string()),
    }
}

/// The deal on each preset in `countries`, with the spot rates typed for presets in another
/// currency; a missing rate is a `needs_fx_spot` error with one field per market.
pub fn compare_markets(
    deal_json: &str,
    countries: &[String],
    spots: &[MarketSpot],
) -> Result<MarketComparison, AppError> {
    let deal = deal(deal_json)?;
    let spots: Vec<(String, Decimal)> = spots
        .iter()
        .map(|s| (s.country.clone(), s.fx_spot))
        .collect();
    let markets =
        markets_compare::compare_markets(&deal, countries, &spots).map_err(compare_error)?;
    Ok(MarketComparison {
        reporting_currency: deal.reporting_currency.clone(),
        markets,
    })
}

/// The manufacturer's entry modes side by side, with the default options.
pub fn compare_entry_modes(deal_json: &str) -> Result<EntryModes, AppError> {
    let deal = deal(deal_json)?;
    Ok(entry_modes::compare_modes(&deal, &EntryOptions::default())?)
}

/// The deal's drivers and its default Monte Carlo spec, as the engine builds them.
pub fn analysis_drivers(deal_json: &str) -> Result<AnalysisDrivers, AppError> {
    let deal = deal(deal_json)?;
    Ok(AnalysisDrivers {
        drivers: driver_defaults(&deal),
        default_spec: default_monte_carlo_settings(&deal),
    })
}

/// Simulates the deal with its stored spec (the default spec when it stores none), `iterations` times from `seed` on `threads`
/// threads. `report` gets the progress at most every [`PROGRESS_INTERVAL`] and once at the
/// end; setting `cancel` stops the run, which then returns `Cancelled`.
pub fn monte_carlo(
    deal_json: &str,
    iterations: u32,
    seed: u32,
    threads: usize,
    cancel: &AtomicBool,
    report: impl Fn(MonteCarloProgress) + Sync,
) -> Result<MonteCarloOutcome, AppError> {
    if iterations == 0 || iterations > MAX_ITERATIONS {
        return Err(AppError::new(
            ErrorCode::Internal,
            format!("a simulation runs from 1 to {MAX_ITERATIONS} iterations"),
        ));
    }
    let deal = deal(deal_json)?;
    let (spec, _source) = monte_carlo_spec(&deal);
    let total = iterations;
    let last = Mutex::new(None::<Instant>);
    let progress = |done: usize| {
        let done = u32::try_from(done).unwrap_or(total);
        let now = Instant::now();
        let mut last = last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let due = last.is_none_or(|at| now.duration_since(at) >= PROGRESS_INTERVAL);
        if due || done == total {
            *last = Some(now);
            report(MonteCarloProgress { done, total });
        }
        !cancel.load(Ordering::SeqCst)
    };
    let result = run_monte_carlo(
        &deal,
        &spec,
        total as usize,
        u64::from(seed),
        threads,
        &progress,
    );
    match result {
        Ok(result) => Ok(MonteCarloOutcome::Finished {
            result: Box::new(result),
        }),
        Err(MonteCarloError::Cancelled { done, .. }) => Ok(MonteCarloOutcome::Cancelled {
            done: u32::try_from(done).unwrap_or(total),
            total,
        }),
        Err(MonteCarloError::Deal(error)) => Err(error.into()),
        Err(other) => Err(AppError::new(ErrorCode::Internal, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

    /// A shipped preset in another currency than Kenya's that has no spot rate of its own.
    fn foreign() -> jv_markets::MarketPreset {
        jv_markets::shipped()
            .into_iter()
            .find(|p| p.currency != "KES" && p.values.fx_spot.value == "unknown")
            .unwrap()
    }

    /// Kenya with `analysis.monte_carlo` replaced by `spec`.
    fn kenya_with_spec(spec: serde_json::Value) -> String {
        let mut deal: serde_json::Value = serde_json::from_str(KENYA).unwrap();
        deal["analysis"]["monte_carlo"] = spec;
        deal.to_string()
    }

    #[test]
    fn monte_carlo_draws_the_spec_the_deal_stores() {
        // Only the units vary, and they are fixed at 600: every iteration is the same deal.
        let fixed = kenya_with_spec(serde_json::json!({
            "drivers": [{ "driver": "units", "distribution": { "kind": "fixed", "value": "600" } }]
        }));
        let cancel = AtomicBool::new(false);
        let MonteCarloOutcome::Finished { result } =
            monte_carlo(&fixed, 200, 7, 1, &cancel, |_| {}).unwrap()
        else {
            panic!("the run was not cancelled");
        };
        for party in &result.parties {
            assert_eq!(party.npv_cash.p10, party.npv_cash.p90, "{}", party.party);
        }
        // Kenya's own stored spec varies its drivers: the spread is not zero.
        let MonteCarloOutcome::Finished { result } =
            monte_carlo(KENYA, 200, 7, 1, &cancel, |_| {}).unwrap()
        else {
            panic!("the run was not cancelled");
        };
        assert!(
            result
                .parties
                .iter()
                .all(|p| p.npv_cash.p10 < p.npv_cash.p90)
        );
    }

    #[test]
    fn a_missing_spot_is_needs_fx_spot_naming_the_market() {
        let other = foreign();
        let countries = vec!["KE".to_owned(), other.country.clone()];
        let error = compare_markets(KENYA, &countries, &[]).unwrap_err();
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["code"], "needs_fx_spot");
        assert_eq!(json["fields"][0]["path"], other.country.as_str());
        assert!(
            json["message"].as_str().unwrap().contains(&other.country),
            "{json}"
        );
    }

    #[test]
    fn markets_come_back_in_the_order_asked_with_the_spot_given() {
        let other = foreign();
        let countries = vec![other.country.clone(), "KE".to_owned()];
        let spots = vec![MarketSpot {
            country: other.country.clone(),
            fx_spot: Decimal::from(50),
        }];
        let result = compare_markets(KENYA, &countries, &spots).unwrap();
        assert_eq!(result.reporting_currency, "USD");
        assert_eq!(result.markets[0].country, other.country);
        assert_eq!(result.markets[0].fx_spot, Decimal::from(50));
        assert_eq!(result.markets[1].currency, "KES");
        assert_eq!(result.markets[1].parties.len(), 2);
    }
}
