//! Sampling plans: which drivers, how they vary, how they move together, and how the
//! iterations are drawn. [`sample_matrix`] turns a plan, a count and a seed into numbers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::correlation::{CorrelationMatrix, RankCorrelation, impose_rank_correlation};
use super::distribution::Distribution;
use super::error::SamplingError;
use super::rng::Stream;

/// How the uniform numbers behind each driver are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SamplingMethod {
    /// Independent draws.
    MonteCarlo,
    /// Latin hypercube: `(0, 1)` is cut into `n` equal strata per driver, each stratum gets
    /// exactly one draw (uniform within it), and the strata are shuffled across iterations.
    #[default]
    LatinHypercube,
}

/// A driver of the deal that varies, by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Driver {
    pub name: String,
    pub distribution: Distribution,
}

/// Everything needed to sample: the drivers, their rank correlations and the method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SamplingSpec {
    pub drivers: Vec<Driver>,
    #[serde(default)]
    pub correlations: Vec<RankCorrelation>,
    #[serde(default)]
    pub method: SamplingMethod,
}

impl SamplingSpec {
    /// The drivers' names, in order.
    #[must_use]
    pub fn names(&self) -> Vec<String> {
        self.drivers.iter().map(|d| d.name.clone()).collect()
    }

    /// Checks every driver and the correlations; returns the validated matrix.
    ///
    /// # Errors
    /// A duplicate driver name, an invalid distribution, or an invalid correlation.
    pub fn validate(&self) -> Result<CorrelationMatrix, SamplingError> {
        for (i, driver) in self.drivers.iter().enumerate() {
            if self.drivers[..i].iter().any(|d| d.name == driver.name) {
                return Err(SamplingError::DuplicateDriver {
                    driver: driver.name.clone(),
                });
            }
            driver.distribution.validate(&driver.name)?;
        }
        CorrelationMatrix::from_pairs(&self.names(), &self.correlations)
    }
}

/// Stream keys: driver `j` draws its uniforms from key `j`, and its Iman–Conover scores
/// from key `SCORE_KEYS + j`.
const SCORE_KEYS: u64 = 1 << 32;

/// The uniforms of one driver, from its own stream `(seed, driver)`.
fn uniforms(method: SamplingMethod, n: usize, seed: u64, driver: u64) -> Vec<f64> {
    let mut stream = Stream::new(seed, driver);
    match method {
        SamplingMethod::MonteCarlo => (0..n).map(|_| stream.next_open01()).collect(),
        SamplingMethod::LatinHypercube => {
            let mut strata: Vec<usize> = (0..n).collect();
            stream.shuffle(&mut strata);
            #[allow(clippy::cast_precision_loss)]
            let width = 1.0 / n as f64;
            strata
                .into_iter()
                .map(|s| {
                    #[allow(clippy::cast_precision_loss)]
                    let low = s as f64 * width;
                    // Inside the stratum, never on its edge, and never 0 or 1.
                    (low + stream.next_open01() * width).clamp(low, low + width)
                })
                .collect()
        }
    }
}

/// Samples `n` iterations of every driver: `result[i][j]` is driver `j` in iteration `i`.
///
/// Pure and single-threaded: the result depends only on `(spec, n, seed)`, so callers can
/// split the iterations among any number of threads and get the same answer.
///
/// # Errors
/// An invalid spec, or correlations with no more iterations than drivers.
pub fn sample_matrix(
    spec: &SamplingSpec,
    n: usize,
    seed: u64,
) -> Result<Vec<Vec<f64>>, SamplingError> {
    let target = spec.validate()?;
    let mut columns: Vec<Vec<f64>> = spec
        .drivers
        .iter()
        .zip(0_u64..)
        .map(|(driver, key)| {
            uniforms(spec.method, n, seed, key)
                .into_iter()
                .map(|u| driver.distribution.quantile_unchecked(u))
                .collect()
        })
        .collect();
    if n > 0 {
        impose_rank_correlation(&mut columns, &target, seed, SCORE_KEYS)?;
    }
    Ok((0..n)
        .map(|i| columns.iter().map(|column| column[i]).collect())
        .collect())
}
