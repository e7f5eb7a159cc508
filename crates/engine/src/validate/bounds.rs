//! The limits that keep every evaluation inside `Decimal`'s range (about ±7.9e28), and the
//! checks every topic shares: fractions, amounts, growth rates, discount rates, units, lives.

use rust_decimal::Decimal;

use super::Check;

/// The largest amount (any currency) a deal may hold: with units and growth below, yearly
/// totals stay below about 1e24, far inside `Decimal`.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(1_316_134_912, 2_328, 0, false, 0);
/// The most units sold in one year.
pub const MAX_UNITS: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);
/// The highest exchange rate, local currency per unit of reporting currency.
pub const MAX_FX: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);
/// The lowest exchange rate: flows are divided by it, so it must stay away from zero.
pub const MIN_FX: Decimal = Decimal::from_parts(1, 0, 0, false, 6);
/// How far any rate may compound over the horizon, up (growth) or down (for divisors).
pub const MAX_COMPOUNDING: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
/// The lowest discount rate (exclusive): −99 %.
pub const MIN_DISCOUNT_RATE: Decimal = Decimal::from_parts(99, 0, 0, true, 2);
/// The highest discount rate (inclusive): 1,000 %.
pub const MAX_DISCOUNT_RATE: Decimal = Decimal::from_parts(10, 0, 0, false, 0);
/// The longest useful life or loan tenor in years: longer adds nothing over a 30-year horizon.
pub const MAX_LIFE_YEARS: u32 = 100;
/// The longest horizon in years.
pub const MAX_HORIZON_YEARS: u32 = 30;
/// The fewest parties in a deal.
pub const MIN_PARTIES: usize = 2;
/// The most parties in a deal.
pub const MAX_PARTIES: usize = 20;
/// The most shares the JV may issue.
pub const MAX_SHARES_ISSUED: u64 = 1_000_000_000_000;
/// The highest EV/EBITDA exit multiple.
pub const MAX_EXIT_MULTIPLE: Decimal = Decimal::from_parts(1_000, 0, 0, false, 0);
/// The smallest gap between a perpetuity's discount rate and its growth (1 point): below it
/// the terminal value runs away.
pub const MIN_PERPETUITY_SPREAD: Decimal = Decimal::from_parts(1, 0, 0, false, 2);
/// The most working-capital days (ten years).
pub const MAX_WORKING_CAPITAL_DAYS: Decimal = Decimal::from_parts(3_650, 0, 0, false, 0);
/// The most assembly labour hours per unit.
pub const MAX_LABOUR_HOURS: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// A decimal as people write it: no trailing zeros.
pub(super) fn show(x: Decimal) -> String {
    x.normalize().to_string()
}

/// A fraction as a percentage: 0.95 → "95 %".
pub(super) fn percent(x: Decimal) -> String {
    match x.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => format!("{} %", p.normalize()),
        None => show(x),
    }
}

/// "1 year", "10 years".
pub(super) fn years(n: u32) -> String {
    if n == 1 {
        "1 year".to_owned()
    } else {
        format!("{n} years")
    }
}

/// An integer with thousands separators: 10000000 → "10,000,000".
pub(super) fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The first year (1-based) at which the running product of `factors` leaves
/// `[low, MAX_COMPOUNDING]`; overflow counts as leaving. `None` if it never does.
pub(super) fn compounding_breach(
    factors: impl IntoIterator<Item = Decimal>,
    low: Option<Decimal>,
) -> Option<u32> {
    let mut product = Decimal::ONE;
    for (year, factor) in (1u32..).zip(factors) {
        match product.checked_mul(factor) {
            Some(next) if next <= MAX_COMPOUNDING && low.is_none_or(|low| next >= low) => {
                product = next
            }
            _ => return Some(year),
        }
    }
    None
}

/// `1 + rate`, when the rate is above −100 %.
pub(super) fn growth_factor(rate: Decimal) -> Option<Decimal> {
    (rate > Decimal::NEGATIVE_ONE)
        .then(|| rate.checked_add(Decimal::ONE))
        .flatten()
}

impl Check<'_> {
    /// A fraction from 0 to 1: tax rates, duties, margins, shares.
    pub(super) fn fraction(&mut self, path: &str, x: Decimal) {
        if x < Decimal::ZERO || x > Decimal::ONE {
            self.push(
                path,
                format!("must be between 0 and 1 (0 % to 100 %); it is {}", show(x)),
            );
        }
    }

    /// A fraction from 0 up to but not including 1.
    pub(super) fn fraction_below_one(&mut self, path: &str, x: Decimal) {
        if x < Decimal::ZERO || x >= Decimal::ONE {
            self.push(
                path,
                format!("must be at least 0 and below 1 (100 %); it is {}", show(x)),
            );
        }
    }

    /// An amount from 0 to [`MAX_AMOUNT`].
    pub(super) fn amount(&mut self, path: &str, x: Decimal) {
        if x < Decimal::ZERO {
            self.push(path, format!("must not be negative; it is {}", show(x)));
        } else {
            self.at_most_max_amount(path, x);
        }
    }

    /// An amount above 0, up to [`MAX_AMOUNT`].
    pub(super) fn positive_amount(&mut self, path: &str, x: Decimal) {
        if x <= Decimal::ZERO {
            self.push(path, format!("must be more than 0; it is {}", show(x)));
        } else {
            self.at_most_max_amount(path, x);
        }
    }

    fn at_most_max_amount(&mut self, path: &str, x: Decimal) {
        if x > MAX_AMOUNT {
            self.push(
                path,
                format!(
                    "is larger than {}, the largest amount the model handles",
                    grouped(&MAX_AMOUNT.to_string())
                ),
            );
        }
    }

    /// A yearly growth or inflation rate: above −100 %, compounding to at most
    /// [`MAX_COMPOUNDING`] over the horizon. `noun` names it in the message ("inflation").
    pub(super) fn growth(&mut self, path: &str, rate: Decimal, noun: &str) {
        let Some(factor) = growth_factor(rate) else {
            self.push(
                path,
                "must be above −1 (−100 %): a rate below −100 % is impossible",
            );
            return;
        };
        if let Some(n) = self.horizon
            && compounding_breach(std::iter::repeat_n(factor, n as usize), None).is_some()
        {
            self.push(path, too_much_compounding(noun, n));
        }
    }

    /// A discount rate: above −99 %, at most 1,000 %, and not so negative that discounting
    /// multiplies flows more than [`MAX_COMPOUNDING`] times over the horizon.
    pub(super) fn discount_rate(&mut self, path: &str, rate: Decimal) {
        if !self.discount_rate_range(path, rate) {
            return;
        }
        let (Some(factor), Some(n)) = (growth_factor(rate), self.horizon) else {
            return;
        };
        let floor = Decimal::ONE.checked_div(MAX_COMPOUNDING);
        if rate < Decimal::ZERO
            && compounding_breach(std::iter::repeat_n(factor, n as usize), floor).is_some()
        {
            self.push(
                path,
                format!(
                    "is so far below zero that discounting multiplies flows more than 10,000 times over {}; use a rate closer to zero or shorten the horizon",
                    years(n)
                ),
            );
        }
    }

    /// A discount rate above −99 % and at most 1,000 %; whether it was.
    pub(super) fn discount_rate_range(&mut self, path: &str, rate: Decimal) -> bool {
        let fine = rate > MIN_DISCOUNT_RATE && rate <= MAX_DISCOUNT_RATE;
        if !fine {
            self.push(
                path,
                format!(
                    "must be above −0.99 (−99 %) and at most 10 (1,000 %); it is {}",
                    show(rate)
                ),
            );
        }
        fine
    }

    /// Units in one year: whole, from 0 to [`MAX_UNITS`].
    pub(super) fn units(&mut self, path: &str, x: Decimal) {
        if x < Decimal::ZERO {
            self.push(path, format!("must not be negative; it is {}", show(x)));
        } else if !x.fract().is_zero() {
            self.push(
                path,
                format!("must be a whole number of units; it is {}", show(x)),
            );
        } else if x > MAX_UNITS {
            self.push(path, too_many_units());
        }
    }

    /// A useful life or tenor: 1 to [`MAX_LIFE_YEARS`] years.
    pub(super) fn life(&mut self, path: &str, n: u32) {
        if n == 0 {
            self.push(path, "must be at least 1 year");
        } else if n > MAX_LIFE_YEARS {
            self.push(
                path,
                format!("must be at most {MAX_LIFE_YEARS} years; it is {n}"),
            );
        }
    }

    /// A year from 0 (closing) to the horizon.
    pub(super) fn year_in_horizon(&mut self, path: &str, year: u32) {
        if let Some(n) = self.horizon
            && year > n
        {
            self.push(
                path,
                format!("is year {year}, after the end of the {n}-year horizon"),
            );
        }
    }

    /// A value from 0 to `max` in some unit ("days", "hours").
    pub(super) fn between_zero_and(&mut self, path: &str, x: Decimal, max: Decimal, unit: &str) {
        if x < Decimal::ZERO || x > max {
            self.push(
                path,
                format!(
                    "must be between 0 and {} {unit}; it is {}",
                    grouped(&max.to_string()),
                    show(x)
                ),
            );
        }
    }

    /// An ISO 3166-1 alpha-2 country code: two capital letters.
    pub(super) fn country(&mut self, path: &str, code: &str) {
        if !is_code(code, 2) {
            self.push(
                path,
                format!("must be a two-letter ISO 3166 country code in capitals, like \"KE\"; it is \"{code}\""),
            );
        }
    }

    /// An ISO 4217 currency code: three capital letters.
    pub(super) fn currency(&mut self, path: &str, code: &str) {
        if !is_code(code, 3) {
            self.push(
                path,
                format!("must be a three-letter ISO 4217 currency code in capitals, like \"KES\"; it is \"{code}\""),
            );
        }
    }

    /// An exchange rate: from [`MIN_FX`] to [`MAX_FX`].
    pub(super) fn fx_rate(&mut self, path: &str, x: Decimal) {
        if x < MIN_FX || x > MAX_FX {
            self.push(
                path,
                format!(
                    "must be between 0.000001 and {} units of local currency per unit of reporting currency; it is {}",
                    grouped(&MAX_FX.to_string()),
                    show(x)
                ),
            );
        }
    }
}

/// The message for a rate that compounds past [`MAX_COMPOUNDING`].
pub(super) fn too_much_compounding(noun: &str, n: u32) -> String {
    format!(
        "this {noun} compounds to more than 10,000 times over {}; shorten the horizon or lower the rate",
        years(n)
    )
}

/// The message for more than [`MAX_UNITS`] in a year.
pub(super) fn too_many_units() -> String {
    format!(
        "is more than {} units a year, the most the model handles",
        grouped(&MAX_UNITS.to_string())
    )
}

fn is_code(code: &str, len: usize) -> bool {
    code.len() == len && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn limits_are_what_their_names_say() {
        assert_eq!(MAX_AMOUNT, dec!(10_000_000_000_000));
        assert_eq!(MAX_UNITS, dec!(10_000_000));
        assert_eq!(MAX_FX, dec!(10_000_000));
        assert_eq!(MIN_FX, dec!(0.000001));
        assert_eq!(MAX_COMPOUNDING, dec!(10_000));
        assert_eq!(MIN_DISCOUNT_RATE, dec!(-0.99));
        assert_eq!(MAX_DISCOUNT_RATE, dec!(10));
        assert_eq!(MAX_EXIT_MULTIPLE, dec!(1000));
        assert_eq!(MIN_PERPETUITY_SPREAD, dec!(0.01));
        assert_eq!(MAX_WORKING_CAPITAL_DAYS, dec!(3650));
        assert_eq!(MAX_LABOUR_HOURS, dec!(10000));
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(grouped("10000000000000"), "10,000,000,000,000");
        assert_eq!(grouped("100"), "100");
        assert_eq!(percent(dec!(0.950)), "95 %");
        assert_eq!(show(dec!(1.500)), "1.5");
        assert_eq!(years(1), "1 year");
    }

    #[test]
    fn compounding_stops_at_the_limit() {
        let ten_percent = std::iter::repeat_n(dec!(1.1), 30);
        assert_eq!(compounding_breach(ten_percent, None), None);
        // 1.4^28 ≈ 12,347 > 10,000 while 1.4^27 ≈ 8,820.
        assert_eq!(
            compounding_breach(std::iter::repeat_n(dec!(1.4), 30), None),
            Some(28)
        );
        assert_eq!(
            compounding_breach(std::iter::repeat_n(dec!(0.5), 30), Some(dec!(0.0001))),
            Some(14)
        );
        assert_eq!(
            compounding_breach(std::iter::repeat_n(Decimal::MAX, 3), None),
            Some(1)
        );
    }
}
