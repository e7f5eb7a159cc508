//! Multiple on invested capital and payback year.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// Multiple on invested capital: gross inflows ÷ gross outflows over every
/// entry of every channel. Entries are not netted within a year or across
/// channels, so a year with a 100 distribution and a 100 contribution counts
/// 100 on each side. `None` if there is no outflow or the sums overflow.
pub fn moic(channels: &[&[Decimal]]) -> Option<Decimal> {
    let mut inflow = Decimal::ZERO;
    let mut outflow = Decimal::ZERO;
    for &flow in channels.iter().flat_map(|channel| channel.iter()) {
        if flow > Decimal::ZERO {
            inflow = inflow.checked_add(flow)?;
        } else {
            // Zero adds nothing; negatives count by their absolute value.
            outflow = outflow.checked_sub(flow)?;
        }
    }
    if outflow.is_zero() {
        return None;
    }
    inflow.checked_div(outflow)
}

/// How the cumulative flow behaves, as found by [`payback_year`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payback {
    /// The first year (index into the flows, year 0 first) in which the
    /// cumulative flow is ≥ 0 after having been negative.
    Year(u32),
    /// The cumulative flow is never negative: nothing to pay back.
    NeverNegative,
    /// The cumulative flow goes negative and never recovers to ≥ 0.
    NotReached,
}

/// The payback year of `flows`: the first year whose cumulative flow is
/// ≥ 0 after the cumulative flow has been negative. A later dip below zero
/// does not move it (the first recovery is reported).
pub fn payback_year(flows: &[Decimal]) -> Payback {
    // The cumulative is kept as an i128 whole part plus a Decimal fraction so
    // that its sign stays exact even past Decimal's range (a saturating sum
    // would misjudge e.g. MIN + MIN + MAX as zero).
    let mut whole: i128 = 0;
    let mut fraction = Decimal::ZERO;
    let mut been_negative = false;
    for (year, &flow) in flows.iter().enumerate() {
        whole = whole.saturating_add(flow.trunc().to_i128().unwrap_or(0));
        // |fraction| < number of years, so this can not overflow in practice.
        fraction = fraction.saturating_add(flow.fract());
        if is_negative(whole, fraction) {
            been_negative = true;
        } else if been_negative {
            return u32::try_from(year).map_or(Payback::NotReached, Payback::Year);
        }
    }
    if been_negative {
        Payback::NotReached
    } else {
        Payback::NeverNegative
    }
}

/// Whether `whole + fraction < 0`; a whole part outside Decimal's range
/// dwarfs any fraction.
fn is_negative(whole: i128, fraction: Decimal) -> bool {
    Decimal::from_i128(whole)
        .and_then(|w| w.checked_add(fraction))
        .map_or(whole < 0, |sum| sum < Decimal::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn moic_is_gross_over_gross_across_channels() {
        let equity = [dec!(-100), dec!(0), dec!(60), dec!(90)];
        let fees = [dec!(0), dec!(-20), dec!(10), dec!(0)];
        // (60 + 90 + 10) / (100 + 20)
        assert_eq!(moic(&[&equity, &fees]), Some(dec!(160) / dec!(120)));
        // Not netted within a year: +100 and −100 in year 1 both count.
        let a = [dec!(-100), dec!(100)];
        let b = [dec!(0), dec!(-100)];
        assert_eq!(moic(&[&a, &b]), Some(dec!(0.5)));
        // Netted, the same year would show 0/100 = 0; gross is 100/200.
    }

    #[test]
    fn moic_without_outflow_is_none() {
        assert_eq!(moic(&[]), None);
        assert_eq!(moic(&[&[dec!(0), dec!(5)]]), None);
        assert_eq!(moic(&[&[dec!(-5)]]), Some(dec!(0)));
        assert_eq!(moic(&[&[Decimal::MAX, Decimal::MAX, dec!(-1)]]), None);
    }

    #[test]
    fn payback_cases() {
        let flows = [dec!(-100), dec!(30), dec!(40), dec!(30), dec!(50)];
        assert_eq!(payback_year(&flows), Payback::Year(3));
        assert_eq!(payback_year(&[dec!(-100), dec!(50)]), Payback::NotReached);
        assert_eq!(
            payback_year(&[dec!(0), dec!(10), dec!(-5)]),
            Payback::NeverNegative
        );
        assert_eq!(payback_year(&[]), Payback::NeverNegative);
        // Negative only from year 2, recovered in year 3.
        let late = [dec!(10), dec!(0), dec!(-30), dec!(25)];
        assert_eq!(payback_year(&late), Payback::Year(3));
        // First recovery is reported even if the cumulative dips again.
        let dip = [dec!(-10), dec!(10), dec!(-5), dec!(20)];
        assert_eq!(payback_year(&dip), Payback::Year(1));
        // Sums beyond Decimal's range keep their sign.
        let huge = [Decimal::MIN, Decimal::MIN, Decimal::MAX];
        assert_eq!(payback_year(&huge), Payback::NotReached);
        let back = [Decimal::MIN, Decimal::MIN, Decimal::MAX, Decimal::MAX];
        assert_eq!(payback_year(&back), Payback::Year(3));
        let cents = [dec!(-0.5), dec!(0.25), dec!(0.25)];
        assert_eq!(payback_year(&cents), Payback::Year(2));
    }
}
