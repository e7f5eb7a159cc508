//! Monte Carlo simulation of a deal (DOMAIN.md §7): the drivers of the catalogue drawn from
//! their distributions (with rank correlations), the deal evaluated once per iteration, and
//! each party's NPV and IRR summarised as percentiles, probabilities and a histogram.
//!
//! The sample matrix is drawn once, single-threaded, so the result depends only on the spec,
//! the number of iterations and the seed — never on the number of threads. Sampled values are
//! `f64`; each is converted to `Decimal` (checked) before it reaches the engine.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};
use serde::Serialize;

use super::drivers::{Driver, Override, Unit, apply, drivers};
use super::sampling::{self, HistogramBin, Percentiles, SamplingError, SamplingSpec};
use super::settings::default_monte_carlo_settings;
use crate::evaluation::evaluate;
use crate::model::Deal;
use crate::problem::DealError;

/// The ids of the drivers of the default spec, in order (those the deal has).
pub const DEFAULT_DRIVERS: [&str; 10] = [
    "retail_price",
    "units",
    "kit_fob_price",
    "kit_margin",
    "royalty_rate",
    "dealer_margin",
    "fx_level",
    "inflation",
    "local_parts",
    "fixed_overhead",
];

/// The relative spread of the default distributions: ±20 % (0.2).
pub const DEFAULT_SPREAD: Decimal = Decimal::from_parts(2, 0, 0, false, 1);

/// The default spec: the [`DEFAULT_DRIVERS`] the deal has, each triangular at ±20 % around
/// its base, except the FX level (a factor on the base path, >1 = weaker local currency)
/// which is heavier on the downside: 0.9 to 1.3 with mode 1. Two rank correlations: units
/// with the retail price −0.3, inflation with the FX level +0.5. Latin hypercube sampling.
///
/// Built from [`default_monte_carlo_settings`], the same spec in the file's format, so the
/// editor shows exactly what a run draws.
pub fn default_spec(deal: &Deal) -> SamplingSpec {
    default_monte_carlo_settings(deal).to_spec()
}

/// A driver ranked by how strongly it moves a party's NPV.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Influence {
    /// The driver's id.
    pub driver: String,
    /// The driver as shown to people.
    pub label: String,
    /// Spearman rank correlation of the driver's samples with the party's cash NPV.
    pub rho: f64,
}

/// P10, P50 and P90 of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Spread {
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

impl From<Percentiles> for Spread {
    fn from(p: Percentiles) -> Self {
        Self {
            p10: p.p10,
            p50: p.p50,
            p90: p.p90,
        }
    }
}

/// One bar of a histogram: values in `[lower, upper)` (the last bar includes its upper end).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Bin {
    /// Lower edge.
    pub lower: f64,
    /// Upper edge.
    pub upper: f64,
    /// Iterations in the bar.
    pub count: usize,
}

impl From<HistogramBin> for Bin {
    fn from(b: HistogramBin) -> Self {
        Self {
            lower: b.lower,
            upper: b.upper,
            count: b.count,
        }
    }
}

/// The simulated outcomes of one party, over the valid iterations.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartyOutcome {
    /// The party's id.
    pub party: String,
    /// Its discount rate in the base deal (the IRR hurdle).
    pub hurdle: f64,
    /// NPV of cash flows, reporting currency.
    pub npv_cash: Spread,
    /// NPV with contributions in kind, reporting currency.
    pub npv_economic: Spread,
    /// IRR of cash flows, over the iterations that have one; none when none has.
    pub irr_cash: Option<Spread>,
    /// IRR with contributions in kind, over the iterations that have one.
    pub irr_economic: Option<Spread>,
    /// Iterations with no cash IRR (e.g. flows that never change sign).
    pub no_irr_cash: usize,
    /// Iterations with no economic IRR.
    pub no_irr_economic: usize,
    /// Share of valid iterations with a cash NPV above zero.
    pub p_npv_positive: f64,
    /// Share of valid iterations with a cash IRR above the hurdle (no IRR counts as not).
    pub p_irr_above_hurdle: f64,
    /// Histogram of the cash NPV.
    pub histogram: Vec<Bin>,
    /// The drivers, largest |Spearman ρ| with the cash NPV first.
    pub drivers: Vec<Influence>,
}

/// The result of a simulation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonteCarloResult {
    /// Iterations asked for.
    pub iterations: usize,
    /// The seed.
    pub seed: u64,
    /// Iterations whose sample made the deal invalid (left out of every figure).
    pub invalid: usize,
    /// Why the first invalid iteration was invalid, with its number.
    pub first_invalid: Option<String>,
    /// One outcome per party, in the deal's order.
    pub parties: Vec<PartyOutcome>,
}

/// Why a simulation cannot run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MonteCarloError {
    /// The base deal is invalid.
    #[error(transparent)]
    Deal(#[from] DealError),
    /// The spec names a driver that is not in the deal's catalogue.
    #[error("no driver has the id \"{driver}\"; the drivers are {known}")]
    UnknownDriver {
        /// The id asked for.
        driver: String,
        /// The ids there are, comma-separated.
        known: String,
    },
    /// The spec cannot be sampled.
    #[error(transparent)]
    Sampling(#[from] SamplingError),
    /// Zero iterations or zero threads.
    #[error("a simulation needs at least one iteration and one thread")]
    Empty,
    /// A sampled value cannot be a decimal number.
    #[error("driver `{driver}` drew {value}, which is not a number the engine can use")]
    NotDecimal {
        /// The driver's id.
        driver: String,
        /// The value drawn.
        value: f64,
    },
    /// The progress callback asked to stop.
    #[error("the simulation was cancelled after {done} of {total} iterations")]
    Cancelled {
        /// Iterations finished.
        done: usize,
        /// Iterations asked for.
        total: usize,
    },
    /// Every iteration made the deal invalid.
    #[error("every iteration made the deal invalid; the first: {first}")]
    AllInvalid {
        /// Why the first was invalid.
        first: String,
    },
}

/// Per iteration and party: cash NPV, economic NPV, cash IRR, economic IRR.
type Figures = Vec<[Option<f64>; 4]>;

/// The overrides that put `value` into `driver` (whole units for counts).
fn overrides(driver: &Driver, value: f64) -> Result<Vec<Override>, MonteCarloError> {
    let not_decimal = || MonteCarloError::NotDecimal {
        driver: driver.id.clone(),
        value,
    };
    if !value.is_finite() {
        return Err(not_decimal());
    }
    let mut d = Decimal::from_f64(value).ok_or_else(not_decimal)?;
    // Units given year by year: the draw for the first year scales the whole list.
    if driver.paths.iter().any(|p| p == "plan.units.units") {
        if driver.base.is_zero() {
            return Ok(Vec::new());
        }
        let factor = d.checked_div(driver.base).ok_or_else(not_decimal)?;
        return Ok(driver.scaled(factor));
    }
    if driver.unit == Unit::Count {
        d = d.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    }
    Ok(driver.set(d))
}

/// The deal with one row of draws applied; the inner error says why the draws make no deal.
fn sampled_deal(
    deal: &Deal,
    chosen: &[&Driver],
    row: &[f64],
) -> Result<Result<Deal, String>, MonteCarloError> {
    let mut all = Vec::new();
    for (driver, &value) in chosen.iter().zip(row) {
        all.extend(overrides(driver, value)?);
    }
    Ok(apply(deal, &all).map_err(|error| error.to_string()))
}

fn one(
    deal: &Deal,
    chosen: &[&Driver],
    row: &[f64],
) -> Result<Result<Figures, String>, MonteCarloError> {
    let changed = match sampled_deal(deal, chosen, row)? {
        Ok(changed) => changed,
        Err(message) => return Ok(Err(message)),
    };
    let evaluation = match evaluate(&changed) {
        Ok(evaluation) => evaluation,
        Err(DealError::Invalid(errors)) => {
            return Ok(Err(errors.first().map_or_else(
                || "the sampled deal is invalid".to_owned(),
                ToString::to_string,
            )));
        }
        Err(other) => return Ok(Err(other.to_string())),
    };
    let f = |d: Decimal| d.to_f64();
    Ok(Ok(evaluation
        .parties
        .iter()
        .map(|p| {
            [
                f(p.views.cash.npv),
                f(p.views.economic.npv),
                p.views.cash.irr.and_then(f),
                p.views.economic.irr.and_then(f),
            ]
        })
        .collect()))
}

/// The catalogue's drivers that `spec` names, in the spec's order.
fn chosen<'c>(
    catalogue: &'c [Driver],
    spec: &SamplingSpec,
) -> Result<Vec<&'c Driver>, MonteCarloError> {
    spec.drivers
        .iter()
        .map(|d| {
            catalogue.iter().find(|c| c.id == d.name).ok_or_else(|| {
                MonteCarloError::UnknownDriver {
                    driver: d.name.clone(),
                    known: catalogue
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })
        })
        .collect()
}

/// Draws `iterations` rows of `spec` with `seed` and hands each sampled deal to `measure`,
/// single-threaded and in order; a row whose draws make no deal gives its reason instead.
/// For analyses that measure something other than the parties' returns (e.g. entry modes).
///
/// # Errors
/// An unknown driver, an invalid spec, zero iterations, or a draw that is not a decimal.
pub fn simulate<T>(
    deal: &Deal,
    spec: &SamplingSpec,
    iterations: usize,
    seed: u64,
    measure: &dyn Fn(&Deal) -> T,
) -> Result<Vec<Result<T, String>>, MonteCarloError> {
    if iterations == 0 {
        return Err(MonteCarloError::Empty);
    }
    let deal = bare(deal);
    let catalogue = drivers(&deal);
    let chosen = chosen(&catalogue, spec)?;
    let matrix = sampling::sample_matrix(spec, iterations, seed)?;
    matrix
        .iter()
        .map(|row| Ok(sampled_deal(&deal, &chosen, row)?.map(|d| measure(&d))))
        .collect()
}

/// The deal without the parts no evaluation reads (scenarios, stored analysis settings,
/// governance terms): every iteration copies the deal through JSON, and these only make
/// that copy slower.
fn bare(deal: &Deal) -> Deal {
    let mut bare = deal.clone();
    bare.scenarios.clear();
    bare.analysis = Default::default();
    bare.governance = Default::default();
    bare
}

/// Runs `iterations` of the deal with the drivers of `spec` (catalogue ids) drawn with
/// `seed`, on `threads` threads. `progress` is called with the number of iterations done
/// (per thread, between iterations); when it returns `false` the simulation stops with
/// [`MonteCarloError::Cancelled`]. The result is the same for any number of threads.
///
/// # Errors
/// An invalid base deal or spec, an unknown driver, zero iterations or threads, a sampled
/// value that is not a decimal, cancellation, or every iteration invalid.
pub fn run_monte_carlo(
    deal: &Deal,
    spec: &SamplingSpec,
    iterations: usize,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(usize) -> bool + Sync),
) -> Result<MonteCarloResult, MonteCarloError> {
    if iterations == 0 || threads == 0 {
        return Err(MonteCarloError::Empty);
    }
    let base_deal = bare(deal);
    let base = evaluate(&base_deal)?;
    let catalogue = drivers(&base_deal);
    let chosen = chosen(&catalogue, spec)?;
    let matrix = sampling::sample_matrix(spec, iterations, seed)?;

    let done = std::sync::atomic::AtomicUsize::new(0);
    let cancelled = std::sync::atomic::AtomicBool::new(false);
    let chunk = iterations.div_ceil(threads);
    let run_chunk = |rows: &[Vec<f64>]| -> Result<Vec<Result<Figures, String>>, MonteCarloError> {
        use std::sync::atomic::Ordering::Relaxed;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            if cancelled.load(Relaxed) {
                break;
            }
            out.push(one(&base_deal, &chosen, row)?);
            let n = done.fetch_add(1, Relaxed) + 1;
            if !progress(n) {
                cancelled.store(true, Relaxed);
                break;
            }
        }
        Ok(out)
    };
    let chunks: Vec<Result<Vec<_>, MonteCarloError>> = if threads == 1 {
        vec![run_chunk(&matrix)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = matrix
                .chunks(chunk)
                .map(|rows| scope.spawn(|| run_chunk(rows)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
                })
                .collect()
        })
    };
    let mut outcomes = Vec::with_capacity(iterations);
    for c in chunks {
        outcomes.extend(c?);
    }
    if cancelled.load(std::sync::atomic::Ordering::Relaxed) || outcomes.len() < iterations {
        return Err(MonteCarloError::Cancelled {
            done: done.load(std::sync::atomic::Ordering::Relaxed),
            total: iterations,
        });
    }

    let mut invalid = 0;
    let mut first_invalid = None;
    let mut rows = Vec::new();
    let mut valid: Vec<Figures> = Vec::new();
    for (i, (outcome, row)) in outcomes.into_iter().zip(&matrix).enumerate() {
        match outcome {
            Ok(figures) => {
                valid.push(figures);
                rows.push(row.clone());
            }
            Err(message) => {
                invalid += 1;
                if first_invalid.is_none() {
                    first_invalid = Some(format!("iteration {}: {message}", i + 1));
                }
            }
        }
    }
    if valid.is_empty() {
        return Err(MonteCarloError::AllInvalid {
            first: first_invalid.unwrap_or_default(),
        });
    }
    let parties = base
        .parties
        .iter()
        .enumerate()
        .map(|(p, party)| {
            summarise(
                party.id.clone(),
                party.discount_rate,
                p,
                &valid,
                &rows,
                &chosen,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(MonteCarloResult {
        iterations,
        seed,
        invalid,
        first_invalid,
        parties,
    })
}

fn summarise(
    party: String,
    discount_rate: Decimal,
    p: usize,
    valid: &[Figures],
    rows: &[Vec<f64>],
    chosen: &[&Driver],
) -> Result<PartyOutcome, MonteCarloError> {
    let column = |k: usize| -> Vec<Option<f64>> { valid.iter().map(|it| it[p][k]).collect() };
    let some = |v: &[Option<f64>]| -> Vec<f64> { v.iter().flatten().copied().collect() };
    let npv_cash = some(&column(0));
    let npv_economic = some(&column(1));
    let irr_cash_all = column(2);
    let irr_economic_all = column(3);
    let irr_cash = some(&irr_cash_all);
    let irr_economic = some(&irr_economic_all);
    let hurdle = discount_rate.to_f64().unwrap_or(0.0);
    let spread = |v: &[f64]| -> Result<Option<Spread>, MonteCarloError> {
        if v.is_empty() {
            Ok(None)
        } else {
            Ok(Some(sampling::p10_p50_p90(v)?.into()))
        }
    };
    #[allow(clippy::cast_precision_loss)]
    let p_irr_above_hurdle =
        irr_cash.iter().filter(|&&r| r > hurdle).count() as f64 / valid.len() as f64;
    let rhos = if rows.first().is_some_and(|r| !r.is_empty()) {
        sampling::rank_correlations_with_outcome(rows, &npv_cash)?
    } else {
        Vec::new()
    };
    let mut influences: Vec<Influence> = chosen
        .iter()
        .zip(rhos)
        .map(|(d, rho)| Influence {
            driver: d.id.clone(),
            label: d.label.clone(),
            rho: if rho.is_finite() { rho } else { 0.0 },
        })
        .collect();
    influences.sort_by(|a, b| b.rho.abs().total_cmp(&a.rho.abs()));
    Ok(PartyOutcome {
        party,
        hurdle,
        npv_cash: spread(&npv_cash)?.unwrap_or(Spread {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
        }),
        npv_economic: spread(&npv_economic)?.unwrap_or(Spread {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
        }),
        irr_cash: spread(&irr_cash)?,
        irr_economic: spread(&irr_economic)?,
        no_irr_cash: irr_cash_all.len() - irr_cash.len(),
        no_irr_economic: irr_economic_all.len() - irr_economic.len(),
        p_npv_positive: sampling::probability_above(&npv_cash, 0.0)?,
        p_irr_above_hurdle,
        histogram: sampling::histogram(&npv_cash)?
            .into_iter()
            .map(Bin::from)
            .collect(),
        drivers: influences,
    })
}
