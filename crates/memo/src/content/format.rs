//! The one way the memo writes a figure. Public so tests (and `jv evaluate --format json`
//! readers) format the engine's numbers exactly as the memo does.
//!
//! Rounding is half away from zero, for display only; the engine's figures are never changed.

use rust_decimal::prelude::ToPrimitive as _;
use rust_decimal::{Decimal, RoundingStrategy};

/// Groups the digits of a non-negative integer string in threes: "1234567" → "1,234,567".
pub(crate) fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `value` with `dp` decimals and thousands separators, negative with "-": "-1,234.50".
pub fn number(value: Decimal, dp: u32) -> String {
    let rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.*}", dp as usize, rounded.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group(whole));
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Money in whole units of `currency`: "USD 1,234,567", "KES -12,345".
pub fn money(amount: Decimal, currency: &str) -> String {
    format!("{currency} {}", number(amount, 0))
}

/// An amount in thousands, whole, for tables whose header states the unit: "12,346".
pub fn thousands(amount: Decimal) -> String {
    number(amount / Decimal::ONE_THOUSAND, 0)
}

/// A rate given as a fraction, one decimal: 0.234 → "23.4%".
pub fn rate(fraction: Decimal) -> String {
    format!("{}%", number(fraction * Decimal::ONE_HUNDRED, 1))
}

/// A share given in percent (60 means 60 %), two decimals: "60.00%".
pub fn share_percent(percent: Decimal) -> String {
    format!("{}%", number(percent, 2))
}

/// A share given as a fraction, two decimals: 0.6 → "60.00%".
pub fn share(fraction: Decimal) -> String {
    share_percent(fraction * Decimal::ONE_HUNDRED)
}

/// A multiple, two decimals: "2.35x".
pub fn multiple(value: Decimal) -> String {
    format!("{}x", number(value, 2))
}

/// A year of the plan: 1 → "Y1" (closing is "Y0").
pub fn year(t: u32) -> String {
    format!("Y{t}")
}

/// A whole count (units, shares): "1,000,000".
pub fn count(value: Decimal) -> String {
    number(value, 0)
}

/// An amount in thousands as a chart value (charts take `f64`; only drawing uses it).
pub fn chart_thousands(amount: Decimal) -> f64 {
    (amount / Decimal::ONE_THOUSAND).to_f64().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_is_whole_units_with_separators() {
        assert_eq!(money(dec!(1234567.49), "USD"), "USD 1,234,567");
        assert_eq!(money(dec!(1234567.5), "USD"), "USD 1,234,568");
        assert_eq!(money(dec!(-12345678), "KES"), "KES -12,345,678");
        assert_eq!(money(dec!(-0.4), "USD"), "USD 0");
        assert_eq!(money(dec!(999), "USD"), "USD 999");
        assert_eq!(money(dec!(1000), "USD"), "USD 1,000");
    }

    #[test]
    fn rates_shares_multiples_and_years() {
        assert_eq!(rate(dec!(0.234)), "23.4%");
        assert_eq!(rate(dec!(0.03)), "3.0%");
        assert_eq!(rate(dec!(-0.0456)), "-4.6%");
        assert_eq!(share_percent(dec!(60)), "60.00%");
        assert_eq!(share(dec!(0.41237)), "41.24%");
        assert_eq!(multiple(dec!(2.345)), "2.35x");
        assert_eq!(year(1), "Y1");
        assert_eq!(thousands(dec!(12345678)), "12,346");
        assert_eq!(count(dec!(1000000)), "1,000,000");
        assert_eq!(number(dec!(-1234.5), 2), "-1,234.50");
    }
}
