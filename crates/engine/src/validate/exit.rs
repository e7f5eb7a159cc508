//! The exit (DOMAIN.md §5): a multiple in range, and a perpetuity only where it converges.

use rust_decimal::Decimal;

use super::Check;
use super::bounds::{MAX_EXIT_MULTIPLE, MIN_PERPETUITY_SPREAD, grouped, percent, show};
use crate::model::Exit;

impl Check<'_> {
    pub(super) fn exit(&mut self) {
        match &self.deal.exit {
            Exit::None | Exit::BookValue => {}
            Exit::EbitdaMultiple { multiple } => {
                if *multiple < Decimal::ZERO || *multiple > MAX_EXIT_MULTIPLE {
                    self.push(
                        "exit.multiple",
                        format!(
                            "must be between 0 and {}; it is {}",
                            grouped(&MAX_EXIT_MULTIPLE.to_string()),
                            show(*multiple)
                        ),
                    );
                }
            }
            Exit::Perpetuity {
                growth,
                discount_rate,
            } => self.perpetuity(*growth, *discount_rate),
        }
    }

    /// EV = FCF × (1 + g) ÷ (k − g) is defined only for k > g, and runs away as k − g → 0.
    fn perpetuity(&mut self, growth: Decimal, discount_rate: Decimal) {
        let before = self.errors.len();
        if growth <= Decimal::NEGATIVE_ONE {
            self.push(
                "exit.growth",
                "must be above −1 (−100 %): a rate below −100 % is impossible",
            );
        }
        self.discount_rate_range("exit.discount_rate", discount_rate);
        if self.errors.len() > before {
            return;
        }
        if discount_rate <= growth {
            self.push(
                "exit.discount_rate",
                format!(
                    "the perpetuity needs a discount rate above growth: {} is not above {}",
                    percent(discount_rate),
                    percent(growth)
                ),
            );
        } else if discount_rate
            .checked_sub(growth)
            .is_none_or(|spread| spread < MIN_PERPETUITY_SPREAD)
        {
            self.push(
                "exit.discount_rate",
                format!(
                    "the perpetuity needs a discount rate at least 1 percentage point above growth, or its value runs away: {} is too close to {}",
                    percent(discount_rate),
                    percent(growth)
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
    use crate::model::{Deal, Exit};

    fn with_exit(exit: Exit) -> Deal {
        let mut deal = minimal();
        deal.exit = exit;
        deal
    }

    #[test]
    fn every_method_can_be_valid() {
        for exit in [
            Exit::None,
            Exit::BookValue,
            Exit::EbitdaMultiple { multiple: dec!(6) },
            Exit::Perpetuity {
                growth: dec!(0.03),
                discount_rate: dec!(0.15),
            },
        ] {
            assert_eq!(validate(&with_exit(exit)), vec![]);
        }
    }

    #[test]
    fn multiple_is_not_negative() {
        assert_only(
            &with_exit(Exit::EbitdaMultiple { multiple: dec!(-2) }),
            "exit.multiple",
            "must be between 0 and 1,000; it is -2",
        );
    }

    #[test]
    fn perpetuity_needs_discount_above_growth() {
        assert_only(
            &with_exit(Exit::Perpetuity {
                growth: dec!(0.10),
                discount_rate: dec!(0.08),
            }),
            "exit.discount_rate",
            "the perpetuity needs a discount rate above growth: 8 % is not above 10 %",
        );
        assert_only(
            &with_exit(Exit::Perpetuity {
                growth: dec!(0.1),
                discount_rate: dec!(0.1),
            }),
            "exit.discount_rate",
            "the perpetuity needs a discount rate above growth: 10 % is not above 10 %",
        );
    }

    #[test]
    fn perpetuity_spread_is_at_least_a_point() {
        assert_only(
            &with_exit(Exit::Perpetuity {
                growth: dec!(0.1),
                discount_rate: dec!(0.105),
            }),
            "exit.discount_rate",
            "the perpetuity needs a discount rate at least 1 percentage point above growth, or its value runs away: 10.5 % is too close to 10 %",
        );
    }

    #[test]
    fn perpetuity_rates_are_in_range() {
        assert_only(
            &with_exit(Exit::Perpetuity {
                growth: dec!(-1),
                discount_rate: dec!(0.1),
            }),
            "exit.growth",
            "must be above −1 (−100 %): a rate below −100 % is impossible",
        );
        assert_only(
            &with_exit(Exit::Perpetuity {
                growth: dec!(0.02),
                discount_rate: dec!(12),
            }),
            "exit.discount_rate",
            "must be above −0.99 (−99 %) and at most 10 (1,000 %); it is 12",
        );
    }
}
