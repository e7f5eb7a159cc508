//! The distributions a driver can follow, each with its validation and inverse CDF.

use serde::{Deserialize, Serialize};

use super::error::SamplingError;
use super::special::{beta_quantile, normal_quantile};

/// The shape parameter λ of the PERT distribution (the classic weight of 4 on the mode).
pub const PERT_LAMBDA: f64 = 4.0;

/// How a driver varies. All sampling goes through [`Distribution::quantile`], so Latin
/// hypercube strata and rank correlations apply to every kind alike.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Distribution {
    /// Always the same value (a degenerate distribution: the deterministic case).
    Fixed { value: f64 },
    /// Every value in `[min, max]` equally likely.
    Uniform { min: f64, max: f64 },
    /// Density rising linearly from `min` to `mode` and falling to `max`.
    Triangular { min: f64, mode: f64, max: f64 },
    /// Beta-PERT with λ = 4: `min + (max − min) · Beta(α, β)` with
    /// `α = 1 + 4 (mode − min) / (max − min)` and `β = 1 + 4 (max − mode) / (max − min)`;
    /// mean `(min + 4 mode + max) / 6`.
    Pert { min: f64, mode: f64, max: f64 },
    /// Normal with the given mean and standard deviation.
    Normal { mean: f64, sd: f64 },
    /// Lognormal given by the mean and standard deviation **of the variable itself** (not of
    /// its logarithm), which is what a deal team can estimate: `σ² = ln(1 + sd²/mean²)`,
    /// `μ = ln(mean) − σ²/2`.
    Lognormal { mean: f64, sd: f64 },
}

fn finite(driver: &str, parameter: &'static str, value: f64) -> Result<(), SamplingError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(SamplingError::NotFinite {
            driver: driver.to_owned(),
            parameter,
            value,
        })
    }
}

fn range(driver: &str, min: f64, max: f64) -> Result<(), SamplingError> {
    finite(driver, "the minimum", min)?;
    finite(driver, "the maximum", max)?;
    if min < max {
        Ok(())
    } else {
        Err(SamplingError::EmptyRange {
            driver: driver.to_owned(),
            min,
            max,
        })
    }
}

fn mode_in(driver: &str, min: f64, mode: f64, max: f64) -> Result<(), SamplingError> {
    range(driver, min, max)?;
    finite(driver, "the most likely value", mode)?;
    if (min..=max).contains(&mode) {
        Ok(())
    } else {
        Err(SamplingError::ModeOutOfRange {
            driver: driver.to_owned(),
            min,
            mode,
            max,
        })
    }
}

fn spread(driver: &str, sd: f64) -> Result<(), SamplingError> {
    finite(driver, "the standard deviation", sd)?;
    if sd > 0.0 {
        Ok(())
    } else {
        Err(SamplingError::NonPositiveSpread {
            driver: driver.to_owned(),
            sd,
        })
    }
}

impl Distribution {
    /// Checks the parameters; `driver` names the driver in the message.
    ///
    /// # Errors
    /// The first problem found: a non-finite parameter, `min ≥ max`, a mode outside
    /// `[min, max]`, a standard deviation not above zero, or a lognormal mean not above zero.
    pub fn validate(&self, driver: &str) -> Result<(), SamplingError> {
        match *self {
            Self::Fixed { value } => finite(driver, "the value", value),
            Self::Uniform { min, max } => range(driver, min, max),
            Self::Triangular { min, mode, max } | Self::Pert { min, mode, max } => {
                mode_in(driver, min, mode, max)
            }
            Self::Normal { mean, sd } => {
                finite(driver, "the mean", mean)?;
                spread(driver, sd)
            }
            Self::Lognormal { mean, sd } => {
                finite(driver, "the mean", mean)?;
                spread(driver, sd)?;
                if mean > 0.0 {
                    Ok(())
                } else {
                    Err(SamplingError::NonPositiveMean {
                        driver: driver.to_owned(),
                        mean,
                    })
                }
            }
        }
    }

    /// The inverse CDF at `p ∈ (0, 1)`, for a distribution that passed [`Self::validate`].
    ///
    /// # Errors
    /// `p` outside the open interval (0, 1) (bounded distributions also accept 0 and 1).
    pub fn quantile(&self, p: f64) -> Result<f64, SamplingError> {
        let bounded = matches!(
            self,
            Self::Fixed { .. } | Self::Uniform { .. } | Self::Triangular { .. } | Self::Pert { .. }
        );
        let allowed = if bounded {
            (0.0..=1.0).contains(&p)
        } else {
            p > 0.0 && p < 1.0
        };
        if !allowed {
            return Err(SamplingError::ProbabilityOutOfRange { p });
        }
        Ok(self.quantile_unchecked(p))
    }

    /// The inverse CDF without checking `p` (the sampler only passes `p ∈ (0, 1)`).
    pub(crate) fn quantile_unchecked(&self, p: f64) -> f64 {
        match *self {
            Self::Fixed { value } => value,
            Self::Uniform { min, max } => min + p * (max - min),
            Self::Triangular { min, mode, max } => {
                let width = max - min;
                let split = (mode - min) / width;
                if p < split {
                    min + (p * width * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - p) * width * (max - mode)).sqrt()
                }
            }
            Self::Pert { min, mode, max } => {
                let width = max - min;
                let alpha = 1.0 + PERT_LAMBDA * (mode - min) / width;
                let beta = 1.0 + PERT_LAMBDA * (max - mode) / width;
                min + width * beta_quantile(alpha, beta, p)
            }
            Self::Normal { mean, sd } => mean + sd * normal_quantile(p),
            Self::Lognormal { mean, sd } => {
                let (mu, sigma) = lognormal_log_parameters(mean, sd);
                (mu + sigma * normal_quantile(p)).exp()
            }
        }
    }
}

/// The mean `μ` and standard deviation `σ` of `ln X` for a lognormal `X` with the given mean
/// and standard deviation.
#[must_use]
pub fn lognormal_log_parameters(mean: f64, sd: f64) -> (f64, f64) {
    let variance = (1.0 + (sd / mean).powi(2)).ln();
    (mean.ln() - 0.5 * variance, variance.sqrt())
}
