//! Financing (DOMAIN.md §5, §10): the optional term loan and the minimum cash balance.

use rust_decimal::Decimal;

use super::Check;

impl Check<'_> {
    pub(super) fn financing(&mut self) {
        let financing = &self.deal.financing;
        self.amount("financing.minimum_cash", financing.minimum_cash);
        let Some(loan) = &financing.loan else { return };
        self.amount("financing.loan.amount", loan.amount);
        if loan.rate < Decimal::ZERO || loan.rate > Decimal::ONE {
            self.push(
                "financing.loan.rate",
                format!(
                    "must be between 0 and 1 (0 % to 100 % a year); it is {}",
                    loan.rate.normalize()
                ),
            );
        }
        self.life("financing.loan.tenor_years", loan.tenor_years);
        // Drawn at the end of its year: drawn at the end of year N it would never be used.
        if let Some(n) = self.horizon
            && loan.drawdown_year >= n
        {
            self.push(
                "financing.loan.drawdown_year",
                format!(
                    "must be before year {n}, the last year of the horizon: a loan drawn at its end would never be used; it is {}",
                    loan.drawdown_year
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::super::test_support::{assert_only, minimal};
    use super::super::validate;
    use crate::model::{Deal, Loan};
    use crate::problem::FieldError;

    fn with_loan(
        amount: rust_decimal::Decimal,
        rate: rust_decimal::Decimal,
        tenor: u32,
        drawdown: u32,
    ) -> Deal {
        let mut deal = minimal();
        deal.financing.loan = Some(Loan {
            amount,
            rate,
            tenor_years: tenor,
            drawdown_year: drawdown,
        });
        deal
    }

    #[test]
    fn a_sound_loan_is_valid() {
        assert_eq!(
            validate(&with_loan(dec!(100_000_000), dec!(0.14), 5, 0)),
            vec![]
        );
        assert_eq!(validate(&with_loan(dec!(0), dec!(0), 1, 9)), vec![]);
    }

    #[test]
    fn loan_amount_and_rate_are_bounded() {
        assert_eq!(
            validate(&with_loan(dec!(-1), dec!(1.5), 5, 0)),
            vec![
                FieldError::new("financing.loan.amount", "must not be negative; it is -1"),
                FieldError::new(
                    "financing.loan.rate",
                    "must be between 0 and 1 (0 % to 100 % a year); it is 1.5"
                ),
            ]
        );
    }

    #[test]
    fn tenor_is_at_least_a_year() {
        assert_only(
            &with_loan(dec!(1000), dec!(0.1), 0, 0),
            "financing.loan.tenor_years",
            "must be at least 1 year",
        );
    }

    #[test]
    fn loan_is_drawn_before_the_last_year() {
        assert_only(
            &with_loan(dec!(1000), dec!(0.1), 5, 10),
            "financing.loan.drawdown_year",
            "must be before year 10, the last year of the horizon: a loan drawn at its end would never be used; it is 10",
        );
    }

    #[test]
    fn minimum_cash_is_not_negative() {
        let mut deal = minimal();
        deal.financing.minimum_cash = dec!(-5);
        assert_only(
            &deal,
            "financing.minimum_cash",
            "must not be negative; it is -5",
        );
    }
}
