//! What can be wrong with a sampling request, each said so a sales head understands it.

use thiserror::Error;

/// A problem with a distribution, a correlation or a sampling request.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SamplingError {
    /// A parameter is NaN or infinite.
    #[error("{driver}: {parameter} must be a finite number, not {value}")]
    NotFinite {
        driver: String,
        parameter: &'static str,
        value: f64,
    },
    /// The range of a bounded distribution is empty or reversed.
    #[error("{driver}: the minimum ({min}) must be below the maximum ({max})")]
    EmptyRange { driver: String, min: f64, max: f64 },
    /// The most likely value lies outside the range.
    #[error("{driver}: the most likely value ({mode}) must lie between {min} and {max}")]
    ModeOutOfRange {
        driver: String,
        min: f64,
        mode: f64,
        max: f64,
    },
    /// A spread (standard deviation) that is zero or negative.
    #[error("{driver}: the standard deviation must be above zero, not {sd}")]
    NonPositiveSpread { driver: String, sd: f64 },
    /// A lognormal variable must have a positive mean.
    #[error("{driver}: a lognormal driver needs a mean above zero, not {mean}")]
    NonPositiveMean { driver: String, mean: f64 },
    /// A probability outside (0, 1) was asked of an inverse CDF or a percentile.
    #[error("a probability must lie between 0 and 1, not {p}")]
    ProbabilityOutOfRange { p: f64 },
    /// Two drivers share a name, so correlations could not say which is meant.
    #[error("two drivers are both called {driver}")]
    DuplicateDriver { driver: String },
    /// A correlation names a driver that does not exist.
    #[error("a correlation names {driver}, which is not one of the drivers")]
    UnknownDriver { driver: String },
    /// A correlation of a driver with itself.
    #[error("{driver} cannot be correlated with itself")]
    SelfCorrelation { driver: String },
    /// The same pair given twice.
    #[error("the correlation of {a} with {b} is given twice")]
    DuplicateCorrelation { a: String, b: String },
    /// The matrix is not square or does not match the drivers.
    #[error("the correlation matrix must be {expected} × {expected}, one row per driver")]
    MatrixShape { expected: usize },
    /// A correlation outside [−1, 1] or NaN.
    #[error("the correlation of {a} with {b} is {value}; it must lie between −1 and 1")]
    CorrelationOutOfRange { a: String, b: String, value: f64 },
    /// A diagonal entry other than 1.
    #[error("the correlation of {driver} with itself must be 1, not {value}")]
    DiagonalNotOne { driver: String, value: f64 },
    /// The matrix says one thing above the diagonal and another below it.
    #[error("the correlation of {a} with {b} is {ab}, but of {b} with {a} it is {ba}")]
    NotSymmetric {
        a: String,
        b: String,
        ab: f64,
        ba: f64,
    },
    /// The correlations cannot hold together (not positive semi-definite).
    #[error(
        "the correlations cannot all hold at once: those of {driver} with {others} contradict \
         each other (the matrix is not positive semi-definite)"
    )]
    NotPositiveSemiDefinite { driver: String, others: String },
    /// Too few iterations to impose correlations.
    #[error("correlating {drivers} drivers needs more than {drivers} iterations, not {iterations}")]
    TooFewIterations { drivers: usize, iterations: usize },
    /// A statistic of no values.
    #[error("there are no values to summarise")]
    EmptySample,
    /// Two series of different lengths.
    #[error("the two series have different lengths ({left} and {right})")]
    LengthMismatch { left: usize, right: usize },
}
