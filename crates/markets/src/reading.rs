//! What a value's text means for the market field it fills: each key has a kind, and the
//! kind says which texts it accepts ("0.30", "5", "true", "none", "unknown").

use std::str::FromStr;

use rust_decimal::Decimal;

/// What a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A fraction from 0 to 1.
    Rate,
    /// A fraction from 0 to 1, or "none" (no such tax or limit).
    OptionalRate,
    /// A whole number of years.
    Years,
    /// A whole number of years, or "none" (without limit).
    OptionalYears,
    /// A yearly rate above −1 (inflation).
    Growth,
    /// A yearly rate above −1, or "none" (relative PPP).
    OptionalGrowth,
    /// A positive exchange rate.
    Spot,
    /// "true" or "false".
    Flag,
}

/// A value as read, where it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// "unknown": the deal keeps its own value.
    Unknown,
    /// "none": the market sets none.
    None,
    /// A decimal.
    Number(Decimal),
    /// A whole number.
    Whole(u32),
    /// "true" or "false".
    Flag(bool),
}

/// The most years a count may hold: more than any horizon, so a typo like "100" stands out.
const MAX_YEARS: u32 = 99;

/// Reads `text` as a value of `kind`, or says what it must be.
pub(crate) fn read(kind: Kind, text: &str) -> Result<Reading, String> {
    if text == "unknown" {
        return Ok(Reading::Unknown);
    }
    let optional = matches!(
        kind,
        Kind::OptionalRate | Kind::OptionalYears | Kind::OptionalGrowth
    );
    if text == "none" && optional {
        return Ok(Reading::None);
    }
    let read = match kind {
        Kind::Rate | Kind::OptionalRate => decimal(text)
            .filter(|d| (Decimal::ZERO..=Decimal::ONE).contains(d))
            .map(Reading::Number),
        Kind::Years | Kind::OptionalYears => text
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse::<u32>().ok())
            .flatten()
            .filter(|years| *years <= MAX_YEARS)
            .map(Reading::Whole),
        Kind::Growth | Kind::OptionalGrowth => decimal(text)
            .filter(|d| *d > Decimal::NEGATIVE_ONE)
            .map(Reading::Number),
        Kind::Spot => decimal(text)
            .filter(|d| *d > Decimal::ZERO)
            .map(Reading::Number),
        Kind::Flag => match text {
            "true" => Some(Reading::Flag(true)),
            "false" => Some(Reading::Flag(false)),
            _ => None,
        },
    };
    read.ok_or_else(|| format!("{}; it is \"{text}\"", expected(kind)))
}

/// What a kind accepts, as a sentence fragment.
fn expected(kind: Kind) -> String {
    let what = match kind {
        Kind::Rate | Kind::OptionalRate => {
            "a fraction from 0 to 1 written as a string (\"0.30\" is 30 %)"
        }
        Kind::Years | Kind::OptionalYears => "a whole number of years from 0 to 99, like \"5\"",
        Kind::Growth | Kind::OptionalGrowth => {
            "a yearly rate above -1 written as a string (\"0.045\" is 4.5 %)"
        }
        Kind::Spot => "a positive exchange rate, local currency per unit of reporting currency",
        Kind::Flag => return "must be \"true\", \"false\" or \"unknown\"".to_owned(),
    };
    let optional = matches!(
        kind,
        Kind::OptionalRate | Kind::OptionalYears | Kind::OptionalGrowth
    );
    if optional {
        format!("must be {what}, \"none\" or \"unknown\"")
    } else {
        format!("must be {what}, or \"unknown\"")
    }
}

/// A decimal as the format writes it: an optional minus, digits, an optional fraction.
pub(crate) fn decimal(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    Decimal::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn rates_are_fractions() {
        assert_eq!(read(Kind::Rate, "0.30"), Ok(Reading::Number(dec!(0.30))));
        assert_eq!(read(Kind::Rate, "0"), Ok(Reading::Number(dec!(0))));
        assert_eq!(read(Kind::Rate, "1"), Ok(Reading::Number(dec!(1))));
        assert_eq!(read(Kind::Rate, "unknown"), Ok(Reading::Unknown));
        assert_eq!(
            read(Kind::Rate, "30"),
            Err("must be a fraction from 0 to 1 written as a string (\"0.30\" is 30 %), or \"unknown\"; it is \"30\"".to_owned())
        );
        for bad in [
            "-0.1", "none", ".3", "0.", "3e-1", "+0.3", "0,3", " 0.3", "",
        ] {
            assert!(read(Kind::Rate, bad).is_err(), "{bad}");
        }
        assert_eq!(read(Kind::OptionalRate, "none"), Ok(Reading::None));
    }

    #[test]
    fn years_growth_spot_and_flags() {
        assert_eq!(read(Kind::Years, "10"), Ok(Reading::Whole(10)));
        assert!(read(Kind::Years, "none").is_err());
        assert!(read(Kind::Years, "1.5").is_err());
        assert!(read(Kind::Years, "100").is_err());
        assert_eq!(read(Kind::OptionalYears, "none"), Ok(Reading::None));
        assert_eq!(
            read(Kind::Growth, "-0.02"),
            Ok(Reading::Number(dec!(-0.02)))
        );
        assert_eq!(
            read(Kind::Growth, "1.178"),
            Ok(Reading::Number(dec!(1.178)))
        );
        assert!(read(Kind::Growth, "-1").is_err());
        assert_eq!(read(Kind::Spot, "129.5"), Ok(Reading::Number(dec!(129.5))));
        assert!(read(Kind::Spot, "0").is_err());
        assert_eq!(read(Kind::Flag, "false"), Ok(Reading::Flag(false)));
        assert!(read(Kind::Flag, "yes").is_err());
    }
}
