//! Net present value with the year-0 flow undiscounted (numpy-financial's
//! convention, not a spreadsheet's `NPV()`, which discounts the first flow).

use rust_decimal::Decimal;

/// The one-year discount factor `v = 1 / (1 + rate)`; `None` if
/// `rate ≤ −1` (no meaningful discounting) or on overflow.
fn one_year_factor(rate: Decimal) -> Option<Decimal> {
    let base = Decimal::ONE.checked_add(rate)?;
    if base <= Decimal::ZERO {
        return None;
    }
    Decimal::ONE.checked_div(base)
}

/// The discount factors `1, v, v², …` for years `t = 0..years` (so
/// `discount_factors(r, flows.len())` pairs one factor with each flow), with
/// `v = 1 / (1 + rate)`. `None` if `rate ≤ −1` or a factor overflows.
pub fn discount_factors(rate: Decimal, years: usize) -> Option<Vec<Decimal>> {
    let v = one_year_factor(rate)?;
    let mut factors = Vec::with_capacity(years);
    let mut factor = Decimal::ONE;
    for t in 0..years {
        // Repeated multiplication rather than powi: one rounding per year
        // and no power routine; the factor is only advanced when needed so a
        // factor past the last year can not overflow.
        if t > 0 {
            factor = factor.checked_mul(v)?;
        }
        factors.push(factor);
    }
    Some(factors)
}

/// Net present value `Σ CF_t ÷ (1 + rate)^t` for `t = 0..n`, the year-0 flow
/// undiscounted. `None` if `rate ≤ −1` or the arithmetic overflows.
pub fn npv(rate: Decimal, flows: &[Decimal]) -> Option<Decimal> {
    let v = one_year_factor(rate)?;
    // Horner, CF_0 + v·(CF_1 + v·(CF_2 + …)): one Decimal multiplication
    // per year instead of two, which matters as IRR calls this in its loop.
    flows.iter().rev().try_fold(Decimal::ZERO, |acc, &flow| {
        acc.checked_mul(v)?.checked_add(flow)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn numpy_financial_npv_example() {
        let flows = [
            dec!(-15000),
            dec!(1500),
            dec!(2500),
            dec!(3500),
            dec!(4500),
            dec!(6000),
        ];
        let value = npv(dec!(0.05), &flows).unwrap();
        assert!(
            (value - dec!(122.894854950942692)).abs() < dec!(0.000001),
            "{value}"
        );
    }

    #[test]
    fn year_zero_is_undiscounted_and_zero_rate_sums() {
        assert_eq!(npv(dec!(0.1), &[dec!(-100)]), Some(dec!(-100)));
        assert_eq!(
            npv(dec!(0), &[dec!(-100), dec!(60), dec!(50)]),
            Some(dec!(10))
        );
        assert_eq!(npv(dec!(0.1), &[]), Some(dec!(0)));
        let value = npv(dec!(0.1), &[dec!(0), dec!(110)]).unwrap();
        assert!((value - dec!(100)).abs() < dec!(1e-20));
    }

    #[test]
    fn rates_at_or_below_minus_one_have_no_npv() {
        assert_eq!(npv(dec!(-1), &[dec!(1)]), None);
        assert_eq!(npv(dec!(-2), &[dec!(1)]), None);
        assert_eq!(discount_factors(dec!(-1), 3), None);
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let huge = Decimal::MAX;
        assert_eq!(npv(dec!(0), &[huge, huge]), None);
        // v = 1e28: v² overflows.
        let near_minus_one = dec!(-0.9999999999999999999999999999);
        assert_eq!(npv(near_minus_one, &[dec!(1), dec!(1), dec!(1)]), None);
        assert_eq!(discount_factors(near_minus_one, 3), None);
        // The same rate is fine if no factor past year 1 is needed.
        assert!(npv(near_minus_one, &[dec!(1), dec!(1)]).is_some());
    }

    #[test]
    fn discount_factors_are_powers_of_v() {
        let f = discount_factors(dec!(0.25), 4).unwrap();
        assert_eq!(f, vec![dec!(1), dec!(0.8), dec!(0.64), dec!(0.512)]);
        assert_eq!(
            discount_factors(dec!(0.25), 0).unwrap(),
            Vec::<Decimal>::new()
        );
        let flows = [dec!(-100), dec!(40), dec!(50), dec!(30)];
        let by_factors: Decimal = flows.iter().zip(&f).map(|(a, b)| a * b).sum();
        assert_eq!(Some(by_factors), npv(dec!(0.25), &flows));
    }
}
