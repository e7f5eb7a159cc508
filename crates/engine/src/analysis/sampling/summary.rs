//! Summaries of simulated outcomes: percentiles, the chance of clearing a threshold, rank
//! correlation of an input with an output, and histogram bins.

use serde::{Deserialize, Serialize};

use super::error::SamplingError;

fn sorted(values: &[f64]) -> Result<Vec<f64>, SamplingError> {
    if values.is_empty() {
        return Err(SamplingError::EmptySample);
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    Ok(v)
}

fn percentile_of_sorted(v: &[f64], p: f64) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let h = p * (v.len() - 1) as f64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let lower = h.floor() as usize;
    let upper = (lower + 1).min(v.len() - 1);
    #[allow(clippy::cast_precision_loss)]
    let fraction = h - lower as f64;
    v[lower] + fraction * (v[upper] - v[lower])
}

/// The `p`-quantile (`p` in `[0, 1]`, e.g. 0.1 for P10) with linear interpolation between order
/// statistics: position `h = p (n − 1)` in the sorted values, `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] −
/// x[⌊h⌋])` — Hyndman and Fan's type 7, the same as Excel's `PERCENTILE.INC` and NumPy's default.
///
/// # Errors
/// No values, or `p` outside `[0, 1]`.
pub fn percentile(values: &[f64], p: f64) -> Result<f64, SamplingError> {
    if !(0.0..=1.0).contains(&p) {
        return Err(SamplingError::ProbabilityOutOfRange { p });
    }
    Ok(percentile_of_sorted(&sorted(values)?, p))
}

/// P10, P50 and P90 of an outcome (see [`percentile`] for the interpolation).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// P10, P50 and P90 of `values`, sorting once.
///
/// # Errors
/// No values.
pub fn p10_p50_p90(values: &[f64]) -> Result<Percentiles, SamplingError> {
    let v = sorted(values)?;
    Ok(Percentiles {
        p10: percentile_of_sorted(&v, 0.1),
        p50: percentile_of_sorted(&v, 0.5),
        p90: percentile_of_sorted(&v, 0.9),
    })
}

/// The share of `values` strictly above `threshold` (e.g. the chance an IRR clears a hurdle).
///
/// # Errors
/// No values.
pub fn probability_above(values: &[f64], threshold: f64) -> Result<f64, SamplingError> {
    if values.is_empty() {
        return Err(SamplingError::EmptySample);
    }
    let above = values.iter().filter(|&&v| v > threshold).count();
    #[allow(clippy::cast_precision_loss)]
    Ok(above as f64 / values.len() as f64)
}

/// Ranks from 1 to n, tied values sharing the average of their ranks.
fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        #[allow(clippy::cast_precision_loss)]
        let average = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = average;
        }
        start = end;
    }
    ranks
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Spearman's rank correlation of `x` with `y` (Pearson on average ranks, so ties are
/// handled). A series that never varies has correlation 0: it cannot explain anything.
///
/// # Errors
/// No values, or series of different lengths.
pub fn spearman(x: &[f64], y: &[f64]) -> Result<f64, SamplingError> {
    if x.len() != y.len() {
        return Err(SamplingError::LengthMismatch {
            left: x.len(),
            right: y.len(),
        });
    }
    if x.is_empty() {
        return Err(SamplingError::EmptySample);
    }
    Ok(pearson(&average_ranks(x), &average_ranks(y)))
}

/// One bar of a histogram: values in `[lower, upper)` (the last bar also holds `upper`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HistogramBin {
    pub lower: f64,
    pub upper: f64,
    pub count: usize,
}

/// The most bars a histogram gets, however wide the tails.
pub const MAX_BINS: usize = 200;

/// Equal-width bins from the smallest to the largest value. The width follows
/// Freedman–Diaconis, `2 · IQR · n^(−1/3)` (robust to the long tails of IRRs), capped at
/// [`MAX_BINS`] bars; when the interquartile range is 0 it falls back to Sturges' rule,
/// `⌈log₂ n⌉ + 1` bars. All values equal: one bar of zero width.
///
/// # Errors
/// No values.
pub fn histogram(values: &[f64]) -> Result<Vec<HistogramBin>, SamplingError> {
    let v = sorted(values)?;
    let (min, max) = (v[0], v[v.len() - 1]);
    let n = v.len();
    if max <= min {
        return Ok(vec![HistogramBin {
            lower: min,
            upper: max,
            count: n,
        }]);
    }
    let iqr = percentile_of_sorted(&v, 0.75) - percentile_of_sorted(&v, 0.25);
    #[allow(clippy::cast_precision_loss)]
    let n_f = n as f64;
    let bins = if iqr > 0.0 {
        let width = 2.0 * iqr / n_f.cbrt();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let count = ((max - min) / width).ceil() as usize;
        count.clamp(1, MAX_BINS)
    } else {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let count = n_f.log2().ceil() as usize + 1;
        count.clamp(1, MAX_BINS)
    };
    #[allow(clippy::cast_precision_loss)]
    let width = (max - min) / bins as f64;
    let mut out: Vec<HistogramBin> = (0..bins)
        .map(|b| {
            #[allow(clippy::cast_precision_loss)]
            let lower = min + b as f64 * width;
            HistogramBin {
                lower,
                upper: if b + 1 == bins { max } else { lower + width },
                count: 0,
            }
        })
        .collect();
    for x in v {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let b = (((x - min) / width).floor() as usize).min(bins - 1);
        out[b].count += 1;
    }
    Ok(out)
}

/// Which drivers matter most: the Spearman correlation of each driver's column of `samples`
/// (`samples[i][j]` is driver `j` in iteration `i`, as from `sample_matrix`) with `outcome[i]`,
/// in driver order. Sort by absolute value for a tornado-like ranking.
///
/// # Errors
/// No iterations, or `samples` and `outcome` of different lengths.
pub fn rank_correlations_with_outcome(
    samples: &[Vec<f64>],
    outcome: &[f64],
) -> Result<Vec<f64>, SamplingError> {
    if samples.len() != outcome.len() {
        return Err(SamplingError::LengthMismatch {
            left: samples.len(),
            right: outcome.len(),
        });
    }
    let drivers = samples.first().map_or(0, Vec::len);
    (0..drivers)
        .map(|j| {
            let column: Vec<f64> = samples.iter().map(|row| row[j]).collect();
            spearman(&column, outcome)
        })
        .collect()
}
