//! Numbers as a person reads them: thousands separators, one rounding rule and one
//! convention for negatives (a real minus sign, U+2212), everywhere in the text report.

use rust_decimal::{Decimal, RoundingStrategy};

/// The minus sign of every negative number in the text report.
pub const MINUS: char = '\u{2212}';

/// Shown instead of a number too large to compute with.
const TOO_LARGE: &str = "too large";

/// `value` rounded half away from zero (as a spreadsheet's ROUND does) to `dp` places, with
/// a comma between thousands and a real minus sign. A value that rounds to zero has no sign.
pub fn number(value: Decimal, dp: u32) -> String {
    let rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let digits = format!("{:.*}", dp as usize, rounded.abs());
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits.as_str(), None),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if negative {
        out.push(MINUS);
    }
    let count = whole.chars().count();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (count - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// An amount of money: whole units with thousands separators.
pub fn money(value: Decimal) -> String {
    number(value, 0)
}

/// A signed change, e.g. a value transfer: `+1,234` or `−1,234`, zero unsigned.
pub fn signed_money(value: Decimal) -> String {
    let text = money(value);
    if text.starts_with(MINUS) || text == "0" {
        text
    } else {
        format!("+{text}")
    }
}

/// A rate stored as a decimal (0.234) shown as a percent with `dp` places: `23.4%`.
pub fn percent(rate: Decimal, dp: u32) -> String {
    rate.checked_mul(Decimal::ONE_HUNDRED)
        .map_or_else(|| TOO_LARGE.to_owned(), |p| format!("{}%", number(p, dp)))
}

/// A number already in percent (60 means 60 %), with `dp` places: `60.00%`.
pub fn percent_points(points: Decimal, dp: u32) -> String {
    format!("{}%", number(points, dp))
}

/// A multiple with two places: `1.85×`.
pub fn multiple(value: Decimal) -> String {
    format!("{}×", number(value, 2))
}

/// The unit a table of amounts is shown in: plain, thousands or millions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    divisor: u64,
    dp: u32,
    label: &'static str,
}

impl Scale {
    /// Whole units.
    pub const UNITS: Self = Self {
        divisor: 1,
        dp: 0,
        label: "",
    };
    /// Thousands, no decimals.
    pub const THOUSANDS: Self = Self {
        divisor: 1_000,
        dp: 0,
        label: " '000",
    };
    /// Millions with one decimal.
    pub const MILLIONS: Self = Self {
        divisor: 1_000_000,
        dp: 1,
        label: " m",
    };
    /// Millions, no decimals (for amounts in the tens of billions).
    pub const WHOLE_MILLIONS: Self = Self {
        divisor: 1_000_000,
        dp: 0,
        label: " m",
    };

    /// The finest scale at which every value fits in `width` characters, or whole millions.
    pub fn fitting(values: &[Decimal], width: usize) -> Self {
        [Self::UNITS, Self::THOUSANDS, Self::MILLIONS]
            .into_iter()
            .find(|scale| {
                values
                    .iter()
                    .all(|v| scale.format(*v).chars().count() <= width)
            })
            .unwrap_or(Self::WHOLE_MILLIONS)
    }

    /// `value` in this scale.
    pub fn format(self, value: Decimal) -> String {
        number(value / Decimal::from(self.divisor), self.dp)
    }

    /// The unit after a currency code: `KES m`, `KES '000` or `KES`.
    pub fn unit(self, currency: &str) -> String {
        format!("{currency}{}", self.label)
    }

    /// What the unit means, when it is not plain: `KES m: millions of KES`.
    pub fn legend(self, currency: &str) -> Option<String> {
        match self.divisor {
            1_000 => Some(format!("{}: thousands of {currency}", self.unit(currency))),
            1_000_000 => Some(format!("{}: millions of {currency}", self.unit(currency))),
            _ => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn money_has_thousands_separators_and_no_decimals() {
        assert_eq!(money(d("1234567.891")), "1,234,568");
        assert_eq!(money(d("999")), "999");
        assert_eq!(money(d("1000")), "1,000");
        assert_eq!(money(d("100000")), "100,000");
        assert_eq!(money(d("123456789012")), "123,456,789,012");
    }

    #[test]
    fn negatives_use_a_real_minus_sign() {
        assert_eq!(number(d("-1234.5"), 1), "−1,234.5");
        assert_eq!(money(d("-1234.5")), "−1,235");
        assert_eq!(money(d("-1234567")), "−1,234,567");
        assert!(!money(d("-5")).contains('-'));
    }

    #[test]
    fn zero_and_values_that_round_to_zero_have_no_sign() {
        assert_eq!(money(Decimal::ZERO), "0");
        assert_eq!(money(d("-0.4")), "0");
        assert_eq!(number(d("-0.004"), 2), "0.00");
        assert_eq!(number(Decimal::ZERO, 1), "0.0");
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(money(d("0.5")), "1");
        assert_eq!(money(d("2.5")), "3");
        assert_eq!(money(d("-2.5")), "−3");
        assert_eq!(number(d("1.005"), 2), "1.01");
        assert_eq!(money(d("2.49999")), "2");
    }

    #[test]
    fn decimals_are_padded_to_the_places_asked() {
        assert_eq!(number(d("60"), 2), "60.00");
        assert_eq!(number(d("1234.5"), 2), "1,234.50");
    }

    #[test]
    fn percents_and_multiples() {
        assert_eq!(percent(d("0.23456"), 1), "23.5%");
        assert_eq!(percent(d("-0.05"), 1), "−5.0%");
        assert_eq!(percent_points(d("71.234"), 2), "71.23%");
        assert_eq!(multiple(d("1.849")), "1.85×");
        assert_eq!(percent(Decimal::MAX, 1), "too large");
    }

    #[test]
    fn signed_money_marks_gains() {
        assert_eq!(signed_money(d("1234")), "+1,234");
        assert_eq!(signed_money(d("-1234")), "−1,234");
        assert_eq!(signed_money(d("0.2")), "0");
    }

    #[test]
    fn scale_is_the_finest_that_fits() {
        let kes = [d("280800000"), d("1750000000"), d("-35000000")];
        assert_eq!(Scale::fitting(&kes, 7), Scale::MILLIONS);
        assert_eq!(Scale::MILLIONS.format(d("1750040000")), "1,750.0");
        assert_eq!(Scale::MILLIONS.unit("KES"), "KES m");
        assert_eq!(
            Scale::MILLIONS.legend("KES").as_deref(),
            Some("KES m: millions of KES")
        );
        assert_eq!(Scale::UNITS.legend("USD"), None);
        assert_eq!(Scale::fitting(&[d("5000000")], 7), Scale::THOUSANDS);
        assert_eq!(Scale::fitting(&[d("-99999")], 7), Scale::UNITS);
        assert_eq!(Scale::fitting(&[d("-100000")], 7), Scale::THOUSANDS);
        assert_eq!(
            Scale::fitting(&[d("263714000000")], 7),
            Scale::WHOLE_MILLIONS
        );
    }
}
