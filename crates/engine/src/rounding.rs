//! Largest-remainder allocation of whole shares.

use rust_decimal::{Decimal, RoundingStrategy};

/// Splits `total` whole units in proportion to `weights` so the parts add up to `total`
/// exactly: each gets the floor of its quota, and the units left go to the largest
/// remainders, ties to the one listed first. Zero total weight gives everything to nobody.
pub fn largest_remainder(total: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let sum: Decimal = weights.iter().copied().filter(|w| *w > Decimal::ZERO).sum();
    if sum.is_zero() || total <= Decimal::ZERO {
        return vec![Decimal::ZERO; weights.len()];
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let quota = if *w > Decimal::ZERO {
            pro_rata(total, *w, sum)
        } else {
            Decimal::ZERO
        };
        let floor = quota.floor();
        parts.push(floor);
        remainders.push((quota - floor, i));
    }
    let assigned: Decimal = parts.iter().sum();
    let mut left =
        (total - assigned).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    // Stable sort keeps file order among equal remainders.
    remainders.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (_, i) in remainders {
        if left <= Decimal::ZERO {
            break;
        }
        if weights[i] > Decimal::ZERO {
            parts[i] += Decimal::ONE;
            left -= Decimal::ONE;
        }
    }
    parts
}

/// `amount × part ÷ whole`, dividing first when the product would overflow although the
/// result fits (share counts grow very large after many dilutive capital calls).
pub fn pro_rata(amount: Decimal, part: Decimal, whole: Decimal) -> Decimal {
    amount
        .checked_mul(part)
        .map_or_else(|| amount * (part / whole), |product| product / whole)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn thirds_add_up_and_ties_go_first() {
        let parts = largest_remainder(dec!(100), &[dec!(1), dec!(1), dec!(1)]);
        assert_eq!(parts, vec![dec!(34), dec!(33), dec!(33)]);
    }

    #[test]
    fn largest_remainder_wins() {
        // Quotas 14.2857, 28.5714, 57.1428: remainders .2857, .5714, .1428 -> the second gets it.
        let parts = largest_remainder(dec!(100), &[dec!(1), dec!(2), dec!(4)]);
        assert_eq!(parts, vec![dec!(14), dec!(29), dec!(57)]);
    }

    #[test]
    fn zero_weights_get_nothing() {
        let parts = largest_remainder(dec!(10), &[dec!(0), dec!(3)]);
        assert_eq!(parts, vec![dec!(0), dec!(10)]);
        assert_eq!(
            largest_remainder(dec!(10), &[dec!(0), dec!(0)]),
            vec![dec!(0), dec!(0)]
        );
    }
}
