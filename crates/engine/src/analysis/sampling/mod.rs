//! The sampling core of the Monte Carlo analysis (DOMAIN.md §7): distributions on drivers,
//! plain or Latin-hypercube sampling, Iman–Conover rank correlations, and summaries of the
//! outcomes. Pure and deterministic: [`sample_matrix`] depends only on its spec, the number
//! of iterations and the seed — never on threads, time or crate versions (the generator,
//! xoshiro256** seeded through splitmix64, is written here).
//!
//! `f64` is used throughout: sampling is statistical, and the draws feed the deal engine,
//! which works in `Decimal`.

mod correlation;
mod distribution;
mod error;
mod plan;
mod rng;
mod special;
mod summary;

pub use correlation::{CorrelationMatrix, RankCorrelation, impose_rank_correlation};
pub use distribution::{Distribution, PERT_LAMBDA, lognormal_log_parameters};
pub use error::SamplingError;
pub use plan::{Driver, SamplingMethod, SamplingSpec, sample_matrix};
pub use rng::Stream;
pub use special::{beta_quantile, ln_gamma, normal_quantile, regularized_incomplete_beta};
pub use summary::{
    HistogramBin, MAX_BINS, Percentiles, histogram, p10_p50_p90, percentile, probability_above,
    rank_correlations_with_outcome, spearman,
};
