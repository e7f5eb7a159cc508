//! Rank correlations between drivers: the matrix, its validation, and Iman–Conover's
//! reordering that imposes it on sampled columns without changing any column's values.

use serde::{Deserialize, Serialize};

use super::error::SamplingError;
use super::rng::Stream;
use super::special::normal_quantile;

/// Tolerance for symmetry, the unit diagonal and the positive semi-definite test.
const TOLERANCE: f64 = 1e-9;

/// A requested rank correlation between two named drivers; pairs not given are 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankCorrelation {
    pub a: String,
    pub b: String,
    pub rho: f64,
}

/// A validated correlation matrix: square, symmetric, unit diagonal, entries in [−1, 1] and
/// positive semi-definite. Holds its Cholesky factor `L` (`C = L Lᵀ`).
#[derive(Debug, Clone, PartialEq)]
pub struct CorrelationMatrix {
    rows: Vec<Vec<f64>>,
    factor: Vec<Vec<f64>>,
}

impl CorrelationMatrix {
    /// Validates a full matrix whose rows and columns follow `names`.
    ///
    /// # Errors
    /// The wrong shape, an entry outside [−1, 1] or NaN, a diagonal entry other than 1, an
    /// asymmetric pair, or a matrix that is not positive semi-definite (naming the driver whose
    /// correlations with the ones before it contradict each other).
    pub fn new(names: &[String], rows: Vec<Vec<f64>>) -> Result<Self, SamplingError> {
        let k = names.len();
        if rows.len() != k || rows.iter().any(|row| row.len() != k) {
            return Err(SamplingError::MatrixShape { expected: k });
        }
        for i in 0..k {
            for j in 0..k {
                let value = rows[i][j];
                if !(-1.0..=1.0).contains(&value) {
                    return Err(SamplingError::CorrelationOutOfRange {
                        a: names[i].clone(),
                        b: names[j].clone(),
                        value,
                    });
                }
            }
            if (rows[i][i] - 1.0).abs() > TOLERANCE {
                return Err(SamplingError::DiagonalNotOne {
                    driver: names[i].clone(),
                    value: rows[i][i],
                });
            }
            for j in 0..i {
                if (rows[i][j] - rows[j][i]).abs() > TOLERANCE {
                    return Err(SamplingError::NotSymmetric {
                        a: names[j].clone(),
                        b: names[i].clone(),
                        ab: rows[j][i],
                        ba: rows[i][j],
                    });
                }
            }
        }
        let factor = cholesky_semidefinite(&rows).map_err(|failed| {
            let others: Vec<&str> = (0..failed)
                .filter(|&j| rows[failed][j] != 0.0)
                .map(|j| names[j].as_str())
                .collect();
            SamplingError::NotPositiveSemiDefinite {
                driver: names[failed].clone(),
                others: others.join(", "),
            }
        })?;
        Ok(Self { rows, factor })
    }

    /// Builds the matrix for `names` from pairwise correlations (unlisted pairs are 0).
    ///
    /// # Errors
    /// An unknown driver, a driver paired with itself, a pair given twice, or any error of
    /// [`Self::new`].
    pub fn from_pairs(names: &[String], pairs: &[RankCorrelation]) -> Result<Self, SamplingError> {
        let k = names.len();
        let index = |name: &str| {
            names
                .iter()
                .position(|n| n == name)
                .ok_or_else(|| SamplingError::UnknownDriver {
                    driver: name.to_owned(),
                })
        };
        let mut rows = vec![vec![0.0; k]; k];
        let mut given = vec![vec![false; k]; k];
        for (i, row) in rows.iter_mut().enumerate() {
            row[i] = 1.0;
        }
        for pair in pairs {
            let (i, j) = (index(&pair.a)?, index(&pair.b)?);
            if i == j {
                return Err(SamplingError::SelfCorrelation {
                    driver: pair.a.clone(),
                });
            }
            if given[i][j] {
                return Err(SamplingError::DuplicateCorrelation {
                    a: pair.a.clone(),
                    b: pair.b.clone(),
                });
            }
            given[i][j] = true;
            given[j][i] = true;
            rows[i][j] = pair.rho;
            rows[j][i] = pair.rho;
        }
        Self::new(names, rows)
    }

    /// The entries, row by row.
    #[must_use]
    pub fn rows(&self) -> &[Vec<f64>] {
        &self.rows
    }

    /// True when every off-diagonal entry is 0 (nothing to impose).
    #[must_use]
    pub fn is_identity(&self) -> bool {
        self.rows
            .iter()
            .enumerate()
            .all(|(i, row)| row.iter().enumerate().all(|(j, &v)| i == j || v == 0.0))
    }
}

/// Cholesky factor `L` of a symmetric matrix that may be singular: a pivot within the tolerance
/// of zero gives a zero column. Returns the index of the first row whose pivot is negative
/// (beyond the tolerance) or whose entries cannot be matched with a zero pivot.
fn cholesky_semidefinite(a: &[Vec<f64>]) -> Result<Vec<Vec<f64>>, usize> {
    let k = a.len();
    let mut l = vec![vec![0.0; k]; k];
    for j in 0..k {
        let pivot = a[j][j] - (0..j).map(|m| l[j][m] * l[j][m]).sum::<f64>();
        if pivot < -TOLERANCE {
            return Err(j);
        }
        if pivot <= TOLERANCE {
            for i in (j + 1)..k {
                let rest = a[i][j] - (0..j).map(|m| l[i][m] * l[j][m]).sum::<f64>();
                if rest.abs() > 1e-6 {
                    return Err(i);
                }
            }
            continue;
        }
        let diagonal = pivot.sqrt();
        l[j][j] = diagonal;
        for i in (j + 1)..k {
            let rest = a[i][j] - (0..j).map(|m| l[i][m] * l[j][m]).sum::<f64>();
            l[i][j] = rest / diagonal;
        }
    }
    Ok(l)
}

/// Ranks (0-based) of `values`, ties broken by position so the result is a permutation.
fn ordinal_ranks(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&x, &y| values[x].total_cmp(&values[y]).then(x.cmp(&y)));
    let mut ranks = vec![0; values.len()];
    for (rank, &i) in order.iter().enumerate() {
        ranks[i] = rank;
    }
    ranks
}

/// Reorders each column of `columns` (one column per driver, all of length `n`) so that their
/// rank correlations approach `target` (Iman and Conover, 1982):
///
/// 1. each column gets the van der Waerden scores `Φ⁻¹(i / (n + 1))`, shuffled by the stream
///    `(seed, key_base + driver)`;
/// 2. the scores' own correlation `E = F Fᵀ` is removed and the target `C = P Pᵀ` imposed:
///    `T = R (P F⁻¹)ᵀ`;
/// 3. each column's sampled values are rearranged to have the ranks of its column of `T`.
///
/// Each column keeps exactly its values (so Latin-hypercube strata survive).
///
/// # Errors
/// Fewer iterations than drivers plus one (the scores' correlation would be singular).
#[allow(clippy::needless_range_loop)] // index arithmetic on small matrices reads best as such
pub fn impose_rank_correlation(
    columns: &mut [Vec<f64>],
    target: &CorrelationMatrix,
    seed: u64,
    key_base: u64,
) -> Result<(), SamplingError> {
    let k = columns.len();
    if k < 2 || target.is_identity() {
        return Ok(());
    }
    let n = columns[0].len();
    if n <= k {
        return Err(SamplingError::TooFewIterations {
            drivers: k,
            iterations: n,
        });
    }
    #[allow(clippy::cast_precision_loss)]
    let scores: Vec<f64> = (1..=n)
        .map(|i| normal_quantile(i as f64 / (n as f64 + 1.0)))
        .collect();
    let mut r: Vec<Vec<f64>> = Vec::with_capacity(k);
    for j in 0..k {
        let mut column = scores.clone();
        Stream::new(seed, key_base + j as u64).shuffle(&mut column);
        r.push(column);
    }
    // E: the Pearson correlation of the shuffled scores (their mean is 0 by symmetry).
    let norm: f64 = scores.iter().map(|s| s * s).sum();
    let mut e = vec![vec![0.0; k]; k];
    for i in 0..k {
        e[i][i] = 1.0;
        for j in 0..i {
            let dot: f64 = r[i].iter().zip(&r[j]).map(|(x, y)| x * y).sum();
            e[i][j] = dot / norm;
            e[j][i] = e[i][j];
        }
    }
    let f = cholesky_semidefinite(&e).map_err(|_| SamplingError::TooFewIterations {
        drivers: k,
        iterations: n,
    })?;
    if (0..k).any(|i| f[i][i] <= 0.0) {
        return Err(SamplingError::TooFewIterations {
            drivers: k,
            iterations: n,
        });
    }
    // F⁻¹ by forward substitution (F is lower triangular), then M = P F⁻¹.
    let mut f_inv = vec![vec![0.0; k]; k];
    for c in 0..k {
        for i in c..k {
            let unit = if i == c { 1.0 } else { 0.0 };
            let rest = unit - (c..i).map(|m| f[i][m] * f_inv[m][c]).sum::<f64>();
            f_inv[i][c] = rest / f[i][i];
        }
    }
    let p = &target.factor;
    let mut m = vec![vec![0.0; k]; k];
    for i in 0..k {
        for j in 0..k {
            m[i][j] = (0..k).map(|t| p[i][t] * f_inv[t][j]).sum();
        }
    }
    // T column j, row s = Σ_t M[j][t] · R[t][s]; then reorder the values by its ranks.
    for (j, column) in columns.iter_mut().enumerate() {
        let t: Vec<f64> = (0..n)
            .map(|s| (0..k).map(|c| m[j][c] * r[c][s]).sum())
            .collect();
        let mut sorted = column.clone();
        sorted.sort_by(f64::total_cmp);
        for (value, rank) in column.iter_mut().zip(ordinal_ranks(&t)) {
            *value = sorted[rank];
        }
    }
    Ok(())
}
