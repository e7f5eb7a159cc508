//! Internal rate of return: every rate r > −100 % zeroing the NPV is found;
//! with several, the one closest to a reference rate is reported.
//!
//! With y = 1 + r the NPV Σ c_t y^(−t) is a positive multiple of a
//! polynomial, so its roots are bracketed in f64 (sign changes on a fixed
//! grid of y, sign changes towards the open ends y → 0 and y → ∞, and local
//! minima of |NPV| for two roots between grid points), narrowed by bisection
//! and finally polished by Newton in `Decimal` so that the NPV at the
//! reported rate is within 1e−6 of zero. With one sign change in the flows
//! (Descartes: exactly one root) a binary search over the grid replaces the
//! scan, which keeps the common case to a few dozen f64 evaluations.

use std::sync::OnceLock;

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use super::npv::npv;

/// The IRR of a series of yearly flows, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum IrrOutcome {
    /// Exactly one rate zeroes the NPV.
    Unique(Decimal),
    /// Several rates zero the NPV.
    Ambiguous {
        /// The root closest to the reference rate (on a tie, the lower).
        chosen: Decimal,
        /// Every root found, ascending; includes `chosen`.
        roots: Vec<Decimal>,
    },
    /// No negative flow. Callers word it "no cash invested" in the cash
    /// view and "no outflow" in the economic view.
    NoOutflow,
    /// No positive flow.
    NoInflow,
    /// Flows of both signs, but no rate > −100 % zeroes the NPV.
    NoRoot,
}

/// Largest |NPV| accepted at a reported rate.
const NPV_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 6);
/// Roots closer than this (1e−9) are one root.
const SAME_ROOT: Decimal = Decimal::from_parts(1, 0, 0, false, 9);
/// Newton may drift this far (relative) from the f64 root, no further.
const MAX_DRIFT: Decimal = Decimal::from_parts(1, 0, 0, false, 6);
/// Newton converges in one or two steps from an f64 root; near a double
/// root it only halves the error per step, hence the allowance.
const NEWTON_STEPS: usize = 30;

/// Amounts below this are rounding residue, not money (a millionth of a unit).
const DUST: Decimal = Decimal::from_parts(1, 0, 0, false, 6);

/// The flow, or zero when it is rounding residue below a millionth of a unit.
pub fn without_dust(flow: Decimal) -> Decimal {
    if flow.abs() < DUST {
        Decimal::ZERO
    } else {
        flow
    }
}

/// The IRR of `flows` (year 0 first). With several roots the one closest
/// to `reference_rate` (the party's discount rate) is chosen, ties going to
/// the lower. Zero flows are neither in- nor outflows. Rates are rounded to
/// 12 decimal places unless more are needed to keep |NPV| ≤ 1e−6. Roots
/// beyond Decimal's range (IRR above ~7.9e28 or within 1e−28 of −100 %)
/// are not reported. Flows smaller than a millionth of a currency unit are
/// rounding dust and count as zero: left in, a 1e−24 "inflow" ahead of real
/// outflows makes an IRR of thousands of percent appear.
pub fn irr(flows: &[Decimal], reference_rate: Decimal) -> IrrOutcome {
    let flows: Vec<Decimal> = flows.iter().copied().map(without_dust).collect();
    let flows = flows.as_slice();
    if !flows.iter().any(|f| *f < Decimal::ZERO) {
        return IrrOutcome::NoOutflow;
    }
    if !flows.iter().any(|f| *f > Decimal::ZERO) {
        return IrrOutcome::NoInflow;
    }
    let roots = roots(flows);
    match roots.as_slice() {
        [] => IrrOutcome::NoRoot,
        [only] => IrrOutcome::Unique(*only),
        [lowest, ..] => {
            let distance = |r: &Decimal| {
                r.checked_sub(reference_rate)
                    .map_or(Decimal::MAX, |d| d.abs())
            };
            // Ascending order plus a strict `<` sends ties to the lower root.
            let mut chosen = *lowest;
            for r in &roots {
                if distance(r) < distance(&chosen) {
                    chosen = *r;
                }
            }
            IrrOutcome::Ambiguous { chosen, roots }
        }
    }
}

/// A root of the f64 polynomial, as y = 1 + r; `sure` when bracketed by a
/// sign change (it exists even if Decimal can not verify it).
struct Candidate {
    y: f64,
    sure: bool,
}

impl Candidate {
    fn sure(y: f64) -> Self {
        Self { y, sure: true }
    }
}

/// The flows in f64 without leading and trailing zero flows (they only
/// multiply the NPV by a power of y), so both end limits are non-zero.
struct Poly {
    /// c_j = CF_(first + j).
    c: Vec<f64>,
    /// Index of the first non-zero flow.
    first: usize,
}

/// Every root in r > −1, ascending and deduplicated.
fn roots(flows: &[Decimal]) -> Vec<Decimal> {
    let first = flows.iter().position(|f| !f.is_zero()).unwrap_or(0);
    let last = flows.iter().rposition(|f| !f.is_zero()).unwrap_or(0);
    let c = flows
        .get(first..=last)
        .unwrap_or_default()
        .iter()
        .map(|f| f.to_f64().unwrap_or(0.0));
    let poly = Poly {
        c: c.collect(),
        first,
    };
    let mut found: Vec<Decimal> = candidates(&poly.c)
        .into_iter()
        .filter_map(|cand| {
            let (y, slope) = polish(flows, &poly, cand.y)?;
            finalize(flows, y, slope, cand.sure)
        })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.checked_sub(*b).is_some_and(|d| d.abs() < SAME_ROOT));
    found
}

/// The scan grid of y = 1 + r: geometric on r ∈ [−0.9999, −0.5), every
/// 0.01 on [−0.5, 1), geometric on [1, 100]; ~250 points, built once.
fn grid() -> &'static [f64] {
    static GRID: OnceLock<Vec<f64>> = OnceLock::new();
    GRID.get_or_init(|| {
        let low = (0.5_f64 / 1e-4).powf(1.0 / 48.0);
        let high = (101.0_f64 / 2.0).powf(1.0 / 48.0);
        let below = (0..48).map(|i| 1e-4 * low.powi(i));
        let middle = (50..200).map(|i| f64::from(i) / 100.0);
        let above = (0..=48).map(|i| 2.0 * high.powi(i));
        below.chain(middle).chain(above).collect()
    })
}

/// Σ c_j x^j with x = 1/y: the NPV times y^first.
fn in_x(c: &[f64], x: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, &cj| acc * x + cj)
}

/// A positive multiple of the NPV at y: Σ c_j x^j (x = 1/y) for y ≥ 1 and
/// y^m times that, Σ c_j y^(m−j), for y < 1, so neither form can overflow;
/// both agree at y = 1, so the function is continuous.
fn eval(c: &[f64], y: f64) -> f64 {
    if y >= 1.0 {
        in_x(c, 1.0 / y)
    } else {
        c.iter().fold(0.0, |acc, &cj| acc * y + cj)
    }
}

/// Whether two values fall on opposite sides of zero, zero counting as
/// positive: a root exactly on a grid point then still shows as a sign
/// change on one side, or as a dip if the NPV only touches zero there.
fn opposite(a: f64, b: f64) -> bool {
    (a < 0.0) != (b < 0.0)
}

/// Bisection of `g` on [lo, hi] (signs differ, `g(lo) = g_lo`) to f64
/// resolution.
fn bisect(mut lo: f64, mut hi: f64, g_lo: f64, g: impl Fn(f64) -> f64) -> f64 {
    // 200 halvings cover even a bracket starting at 0 down to ~1e−60.
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let value = g(mid);
        if value == 0.0 {
            return mid;
        }
        if opposite(value, g_lo) {
            hi = mid
        } else {
            lo = mid
        }
    }
    0.5 * (lo + hi)
}

/// The root between grid point `i − 1` (or y = 0 when `i = 0`) and grid
/// point `i` (or y = ∞ when `i` is past the end), if the signs differ there.
fn root_in_cell(c: &[f64], i: usize) -> Option<f64> {
    let grid = grid();
    let (first, last) = (
        c.first().copied().unwrap_or(0.0),
        c.last().copied().unwrap_or(0.0),
    );
    // The end limits: y → 0 tends to the last flow, y → ∞ to the first.
    let lower = i
        .checked_sub(1)
        .and_then(|k| grid.get(k))
        .map_or((0.0, last), |&y| (y, eval(c, y)));
    let Some(&upper) = grid.get(i) else {
        // Above the grid bisect in x = 1/y ∈ (0, 1/y_max], x = 0 being y = ∞.
        if !opposite(first, lower.1) {
            return None;
        }
        let x = bisect(0.0, 1.0 / lower.0, first, |x| in_x(c, x));
        return (x > 0.0).then(|| 1.0 / x);
    };
    let upper_value = eval(c, upper);
    if upper_value == 0.0 {
        return Some(upper);
    }
    opposite(lower.1, upper_value).then(|| bisect(lower.0, upper, lower.1, |t| eval(c, t)))
}

/// Every root of the polynomial `c` (non-zero ends) in y > 0, in f64.
fn candidates(c: &[f64]) -> Vec<Candidate> {
    // Descartes: at most `changes` positive roots, as many modulo 2.
    let signs = c
        .iter()
        .filter(|v| **v != 0.0)
        .map(|v| *v < 0.0)
        .collect::<Vec<_>>();
    let changes = signs.windows(2).filter(|w| w[0] != w[1]).count();
    let grid = grid();
    if changes == 1 {
        // Exactly one root, so the sign along the grid flips once (from the
        // last flow's towards the first's): binary search finds the cell.
        let last_negative = c.last().is_some_and(|v| *v < 0.0);
        let i = grid.partition_point(|&y| {
            let value = eval(c, y);
            value != 0.0 && (value < 0.0) == last_negative
        });
        if let Some(y) = root_in_cell(c, i) {
            return vec![Candidate::sure(y)];
        }
        // f64 noise broke the partition: fall back to the full scan.
    }
    let values: Vec<f64> = grid.iter().map(|&y| eval(c, y)).collect();
    let mut out = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for (&y, &value) in grid.iter().zip(&values) {
        if let Some((y0, v0)) = previous
            && opposite(v0, value)
        {
            out.push(Candidate::sure(bisect(y0, y, v0, |t| eval(c, t))));
        }
        previous = Some((y, value));
    }
    out.extend(root_in_cell(c, 0).map(Candidate::sure));
    out.extend(root_in_cell(c, grid.len()).map(Candidate::sure));
    if out.len() < changes {
        // Two roots (or a double root) between grid points leave no sign
        // change but a local minimum of |NPV| that touches or crosses zero.
        let scale: f64 = c.iter().map(|v| v.abs()).sum();
        for (i, w) in values.windows(3).enumerate() {
            let (a, m, b) = (w[0], w[1], w[2]);
            if !opposite(a, m) && !opposite(m, b) && m.abs() < a.abs() && m.abs() <= b.abs() {
                let sign = if m < 0.0 { -1.0 } else { 1.0 };
                out.extend(dip(c, grid[i], grid[i + 2], sign, scale));
            }
        }
    }
    out
}

/// Golden-section search for the minimum of `sign · NPV` on [a, b], whose
/// ends have that sign: a crossing gives two bracketed roots, a touch
/// (within f64 noise) a candidate double root for Decimal to confirm.
fn dip(c: &[f64], a: f64, b: f64, sign: f64, scale: f64) -> Vec<Candidate> {
    const INV_PHI: f64 = 0.618_033_988_749_894_9;
    let h = |y| sign * eval(c, y);
    let (mut lo, mut hi) = (a, b);
    let (mut x1, mut x2) = (hi - INV_PHI * (hi - lo), lo + INV_PHI * (hi - lo));
    let (mut h1, mut h2) = (h(x1), h(x2));
    for _ in 0..100 {
        for (x, hx) in [(x1, h1), (x2, h2)] {
            if hx == 0.0 {
                return vec![Candidate::sure(x)];
            }
            if hx < 0.0 {
                let left = bisect(a, x, sign, |t| eval(c, t));
                let right = bisect(x, b, -sign, |t| eval(c, t));
                return vec![Candidate::sure(left), Candidate::sure(right)];
            }
        }
        if hi - lo <= 1e-15 * hi {
            break;
        }
        if h1 < h2 {
            (hi, x2, h2) = (x2, x1, h1);
            x1 = hi - INV_PHI * (hi - lo);
            h1 = h(x1);
        } else {
            (lo, x1, h1) = (x1, x2, h2);
            x2 = lo + INV_PHI * (hi - lo);
            h2 = h(x2);
        }
    }
    let (x, hx) = if h1 < h2 { (x1, h1) } else { (x2, h2) };
    if hx <= 1e-10 * scale {
        vec![Candidate { y: x, sure: false }]
    } else {
        Vec::new()
    }
}

/// dNPV/dy = −Σ t·CF_t·x^(t+1) with x = 1/y, in f64: it only scales
/// Newton's step, so its rounding error does not reach the root.
fn slope(poly: &Poly, y: f64) -> f64 {
    let x = 1.0 / y;
    let mut weighted = 0.0;
    for (j, &cj) in poly.c.iter().enumerate().rev() {
        weighted = weighted * x + (j + poly.first) as f64 * cj;
    }
    let power = i32::try_from(poly.first + 1).unwrap_or(i32::MAX);
    -weighted * x.powi(power)
}

/// Newton in Decimal from the f64 root `guess` (as y): the NPV in Decimal,
/// the slope in f64. Returns y and the slope there; falls back to the
/// converted guess when Decimal overflows or Newton wanders off.
fn polish(flows: &[Decimal], poly: &Poly, guess: f64) -> Option<(Decimal, f64)> {
    let start = Decimal::from_f64(guess).filter(|y| *y > Decimal::ZERO)?;
    let mut y = start;
    let mut best: Option<(Decimal, Decimal)> = None;
    let mut converged = false;
    for _ in 0..NEWTON_STEPS {
        let Some(value) = y.checked_sub(Decimal::ONE).and_then(|r| npv(r, flows)) else {
            break;
        };
        if best.is_none_or(|(least, _)| value.abs() < least) {
            best = Some((value.abs(), y));
        }
        let at = y.to_f64().unwrap_or(f64::NAN);
        let step = -value.to_f64().unwrap_or(f64::NAN) / slope(poly, at);
        let Some(next) = Decimal::from_f64(step).and_then(|s| y.checked_add(s)) else {
            break;
        };
        if next <= Decimal::ZERO {
            break;
        }
        y = next;
        if step.abs() <= 1e-14 * at {
            // Quadratic convergence: the iterate after so small a step is
            // good to ~28 digits.
            converged = true;
            break;
        }
    }
    let found = if converged {
        y
    } else {
        best.map_or(start, |(_, at)| at)
    };
    // A near-double root can send Newton to a neighbouring root; that root
    // is found from its own bracket, so keep this one where it was.
    let limit = start.checked_mul(MAX_DRIFT)?;
    let drifted = found.checked_sub(start).is_none_or(|d| d.abs() > limit);
    let y = if drifted { start } else { found };
    Some((y, slope(poly, y.to_f64().unwrap_or(f64::NAN))))
}

/// The rate r = y − 1 rounded to 12 decimals, or to as many more as the
/// slope says keep |NPV| ≤ 1e−6, then verified; an unverified root is kept
/// (unrounded) only when `sure`.
fn finalize(flows: &[Decimal], y: Decimal, slope: f64, sure: bool) -> Option<Decimal> {
    let rate = y.checked_sub(Decimal::ONE)?;
    // Rounding to dp places moves the NPV by up to |slope|·0.5e−dp; aim for
    // a quarter of the tolerance so the check rarely fails.
    let wanted = (2.0 * slope.abs() / 0.25e-6).log10().ceil();
    let dp = if wanted.is_finite() {
        wanted.clamp(12.0, 28.0) as u32
    } else {
        28
    };
    let fits = |r: Decimal| npv(r, flows).is_some_and(|v| v.abs() <= NPV_TOLERANCE);
    let rounded = rate.round_dp(dp);
    if fits(rounded) {
        Some(rounded.normalize())
    } else if sure || fits(rate) {
        Some(rate.normalize())
    } else {
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn d(values: &[f64]) -> Vec<Decimal> {
        values
            .iter()
            .map(|v| Decimal::from_f64(*v).unwrap())
            .collect()
    }

    /// The rate of a `Unique` or the chosen rate of an `Ambiguous` outcome.
    fn rate(outcome: &IrrOutcome) -> Decimal {
        match outcome {
            IrrOutcome::Unique(r) | IrrOutcome::Ambiguous { chosen: r, .. } => *r,
            other => panic!("no rate: {other:?}"),
        }
    }

    fn assert_close(actual: Decimal, expected: Decimal, tolerance: Decimal) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "{actual} vs {expected}"
        );
    }

    fn assert_npv_zero(flows: &[Decimal], r: Decimal) {
        let value = npv(r, flows).unwrap();
        assert!(value.abs() <= NPV_TOLERANCE, "npv({r}) = {value}");
    }

    #[test]
    fn excel_documented_examples() {
        let five_years = d(&[-70000.0, 12000.0, 15000.0, 18000.0, 21000.0, 26000.0]);
        let out = irr(&five_years, dec!(0.1));
        assert!(matches!(out, IrrOutcome::Unique(_)), "{out:?}");
        assert_eq!(rate(&out).round_dp(6), dec!(0.086631));
        assert_npv_zero(&five_years, rate(&out));
        let four_years = &five_years[..5];
        let out = irr(four_years, dec!(0.1));
        assert!(matches!(out, IrrOutcome::Unique(_)), "{out:?}");
        assert_eq!(rate(&out).round_dp(6), dec!(-0.021245));
    }

    #[test]
    fn numpy_financial_examples() {
        let out = irr(&d(&[-100.0, 39.0, 59.0, 55.0, 20.0]), dec!(0));
        assert_close(rate(&out), dec!(0.28094842115996066), dec!(1e-12));
        assert_eq!(rate(&out), dec!(0.280948421160));
        let out = irr(&d(&[-100.0, 0.0, 0.0, 74.0]), dec!(0));
        assert_eq!(rate(&out).round_dp(4), dec!(-0.0955));
        let out = irr(&d(&[-100.0, 100.0, 0.0, 7.0]), dec!(0));
        assert_eq!(rate(&out).round_dp(5), dec!(0.06206));
    }

    #[test]
    fn numpy_financial_multi_root_examples() {
        // −100 + 100x − 7x³ (x = 1/(1+r)) has two positive roots.
        let flows = d(&[-100.0, 100.0, 0.0, -7.0]);
        let IrrOutcome::Ambiguous { chosen, roots } = irr(&flows, dec!(0)) else {
            panic!()
        };
        assert_eq!(chosen.round_dp(4), dec!(-0.0833));
        assert_eq!(roots.len(), 2);
        assert_eq!(roots[0].round_dp(6), dec!(-0.678894));
        roots.iter().for_each(|r| assert_npv_zero(&flows, *r));
        let IrrOutcome::Ambiguous { chosen, .. } = irr(&flows, dec!(-0.5)) else {
            panic!()
        };
        assert_eq!(chosen, roots[0]);
        // Three sign changes, three roots; the one nearest 0 is numpy's 0.0886.
        let flows = d(&[-5.0, 10.5, 1.0, -8.0, 1.0]);
        let IrrOutcome::Ambiguous { chosen, roots } = irr(&flows, dec!(0)) else {
            panic!()
        };
        assert_eq!(chosen.round_dp(4), dec!(0.0886));
        let six: Vec<_> = roots.iter().map(|r| r.round_dp(6)).collect();
        assert_eq!(six, vec![dec!(-0.870201), dec!(0.088598), dec!(0.709560)]);
        roots.iter().for_each(|r| assert_npv_zero(&flows, *r));
        let IrrOutcome::Ambiguous { chosen, .. } = irr(&flows, dec!(0.5)) else {
            panic!()
        };
        assert_eq!(chosen.round_dp(6), dec!(0.709560));
    }

    #[test]
    fn two_roots_reference_picks_and_tie_goes_low() {
        // −100 + 230x − 132x² = −(10x − 11)... roots r = 0.1 and r = 0.2.
        let flows = d(&[-100.0, 230.0, -132.0]);
        let roots = vec![dec!(0.1), dec!(0.2)];
        let pick = |reference| irr(&flows, reference);
        assert_eq!(
            pick(dec!(0.12)),
            IrrOutcome::Ambiguous {
                chosen: dec!(0.1),
                roots: roots.clone()
            }
        );
        assert_eq!(
            pick(dec!(0.18)),
            IrrOutcome::Ambiguous {
                chosen: dec!(0.2),
                roots: roots.clone()
            }
        );
        assert_eq!(
            pick(dec!(0.15)),
            IrrOutcome::Ambiguous {
                chosen: dec!(0.1),
                roots: roots.clone()
            }
        );
        assert_eq!(
            pick(Decimal::MIN),
            IrrOutcome::Ambiguous {
                chosen: dec!(0.1),
                roots
            }
        );
    }

    #[test]
    fn close_and_double_roots_between_grid_points() {
        // Roots 0.1 and 0.101: no grid sign change, found from the dip.
        let flows = d(&[-1000.0, 2201.0, -1211.1]);
        let IrrOutcome::Ambiguous { roots, .. } = irr(&flows, dec!(0)) else {
            panic!()
        };
        assert_eq!(roots, vec![dec!(0.1), dec!(0.101)]);
        // A root exactly on a grid point (0.06) with a neighbour in its cell.
        let flows = vec![dec!(-100), dec!(212.57), dec!(-112.96420)];
        let IrrOutcome::Ambiguous { roots, .. } = irr(&flows, dec!(0)) else {
            panic!()
        };
        assert_eq!(roots, vec![dec!(0.06), dec!(0.0657)]);
        // Double root at 0.15: −(1 − 1.15x)²·100.
        let flows = d(&[-100.0, 230.0, -132.25]);
        assert_close(rate(&irr(&flows, dec!(0))), dec!(0.15), dec!(1e-6));
    }

    #[test]
    fn statuses_without_a_rate() {
        assert_eq!(irr(&[], dec!(0.1)), IrrOutcome::NoOutflow);
        assert_eq!(irr(&d(&[0.0, 0.0, 0.0]), dec!(0.1)), IrrOutcome::NoOutflow);
        assert_eq!(irr(&d(&[0.0, 10.0, 5.0]), dec!(0.1)), IrrOutcome::NoOutflow);
        assert_eq!(
            irr(&d(&[-10.0, 0.0, -5.0]), dec!(0.1)),
            IrrOutcome::NoInflow
        );
        assert_eq!(
            irr(&d(&[-100.0, 50.0, -10.0]), dec!(0.1)),
            IrrOutcome::NoRoot
        );
    }

    #[test]
    fn rounding_dust_is_not_an_inflow() {
        // Found by the property test: residue of 1e-24 ahead of real outflows gave an
        // "IRR" of 7,444,765 % with no sign change around it.
        let flows = [
            dec!(0),
            dec!(0.0000000000000000000000038647),
            dec!(0.0000000000000000000000017331),
            dec!(-658041.72),
            dec!(-689792.24),
        ];
        assert_eq!(irr(&flows, dec!(0.12)), IrrOutcome::NoInflow);
        // A real inflow of a cent still counts.
        let flows = [dec!(-100), dec!(0.01), dec!(110)];
        assert!(matches!(irr(&flows, dec!(0.1)), IrrOutcome::Unique(_)));
    }

    #[test]
    fn zero_flows_and_extreme_rates() {
        // Leading/trailing zeros change nothing; inner zeros are years.
        assert_eq!(
            irr(&d(&[0.0, -100.0, 110.0, 0.0]), dec!(0)),
            IrrOutcome::Unique(dec!(0.1))
        );
        assert_eq!(
            irr(&d(&[-100.0, 100.0]), dec!(0.1)),
            IrrOutcome::Unique(dec!(0))
        );
        // Beyond the grid on both sides.
        assert_eq!(
            irr(&d(&[-1.0, 1e6]), dec!(0)),
            IrrOutcome::Unique(dec!(999999))
        );
        let out = irr(&d(&[-1e9, 1.0]), dec!(0));
        assert_eq!(rate(&out), dec!(-0.999999999));
        // The smallest inflow that is money, not dust (1e-6).
        let flows = vec![dec!(-1e9), dec!(0), dec!(0), dec!(0), dec!(0.000002)];
        assert_npv_zero(&flows, rate(&irr(&flows, dec!(0))));
    }

    #[test]
    fn large_flows_keep_npv_within_tolerance() {
        let flows = d(&[
            -1.234_567_891e9,
            1.1e8,
            2.2e8,
            3.3e8,
            4.4e8,
            5.5e8,
            -7.0e7,
            1.9e8,
        ]);
        let r = rate(&irr(&flows, dec!(0.08)));
        assert_npv_zero(&flows, r);
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            Just(Decimal::ZERO),
            (-1_000_000_000_i64..1_000_000_000).prop_map(|v| Decimal::new(v, 2)),
            any::<i64>().prop_map(|v| Decimal::new(v, 0)),
            Just(dec!(1e20)),
            Just(dec!(-1e20)),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
            Just(dec!(1e-28)),
        ]
    }

    proptest! {
        #[test]
        fn one_sign_change_has_a_root_with_zero_npv(
            outlay in 1_i64..100_000_000_000,
            inflows in prop::collection::vec(0_i64..100_000_000_000, 1..30),
        ) {
            prop_assume!(inflows.iter().any(|v| *v > 0));
            let mut flows = vec![-Decimal::new(outlay, 2)];
            flows.extend(inflows.iter().map(|v| Decimal::new(*v, 2)));
            let out = irr(&flows, dec!(0.1));
            let IrrOutcome::Unique(r) = out else { panic!("{out:?}") };
            let value = npv(r, &flows).unwrap();
            prop_assert!(value.abs() < dec!(0.000001), "npv({}) = {}", r, value);
        }

        #[test]
        fn planted_close_roots_are_all_found(
            low in -400_000_i64..900_000,
            gap in 1_i64..300,
            extra in prop::collection::vec(1_i64..5000, 0..3),
        ) {
            // −100·(1 − y₁x)(1 − y₂x)·Π(1 + e·x): roots exactly r₁ and r₂
            // (1e−6 … 3e−4 apart, closer than the grid), none from Π.
            let planted = [Decimal::new(low, 6), Decimal::new(low + gap, 6)];
            let factors = planted.iter().map(|r| -(Decimal::ONE + r));
            let factors = factors.chain(extra.iter().map(|e| Decimal::new(*e, 4)));
            let mut flows = vec![dec!(-100)];
            for f in factors {
                let mut next = vec![Decimal::ZERO; flows.len() + 1];
                for (i, c) in flows.iter().enumerate() {
                    next[i] += c;
                    next[i + 1] += c * f;
                }
                flows = next;
            }
            let IrrOutcome::Ambiguous { roots, .. } = irr(&flows, dec!(0)) else { panic!("{flows:?}") };
            prop_assert_eq!(roots.len(), 2);
            for (found, want) in roots.iter().zip(&planted) {
                prop_assert!((*found - *want).abs() < dec!(1e-9), "{} vs {}", found, want);
            }
        }

        #[test]
        fn never_panics(flows in prop::collection::vec(any_decimal(), 0..31), reference in any_decimal()) {
            let _ = irr(&flows, reference);
        }
    }
}
