//! The JV's business plan (DOMAIN.md §5): units, prices, costs, capex, working capital and
//! payout, with the bounds that keep a year's totals inside `Decimal`.

use rust_decimal::Decimal;

use super::Check;
use super::bounds::{
    MAX_LABOUR_HOURS, MAX_UNITS, MAX_WORKING_CAPITAL_DAYS, grouped, growth_factor, show,
};
use crate::model::Units;

impl Check<'_> {
    pub(super) fn plan(&mut self) {
        let plan = &self.deal.plan;
        self.units_plan();
        self.positive_amount("plan.retail_price", plan.retail_price);
        if let Some(growth) = plan.price_growth {
            self.growth("plan.price_growth", growth, "growth");
        }
        self.amount("plan.local_parts_per_unit", plan.local_parts_per_unit);
        self.between_zero_and(
            "plan.labour_hours_per_unit",
            plan.labour_hours_per_unit,
            MAX_LABOUR_HOURS,
            "hours",
        );
        self.amount("plan.wage_per_hour", plan.wage_per_hour);
        self.amount("plan.fixed_overhead", plan.fixed_overhead);
        self.fraction("plan.marketing_rate", plan.marketing_rate);
        self.fraction("plan.warranty_rate", plan.warranty_rate);
        for (i, item) in plan.capex.iter().enumerate() {
            let path = format!("plan.capex[{i}]");
            self.amount(&format!("{path}.amount"), item.amount);
            self.year_in_horizon(&format!("{path}.year"), item.year);
            self.life(&format!("{path}.useful_life_years"), item.useful_life_years);
        }
        self.amount("plan.maintenance_capex", plan.maintenance_capex);
        self.life("plan.maintenance_life_years", plan.maintenance_life_years);
        let days = &plan.working_capital;
        for (name, value) in [
            ("receivable_days", days.receivable_days),
            ("inventory_days", days.inventory_days),
            ("payable_days", days.payable_days),
        ] {
            self.between_zero_and(
                &format!("plan.working_capital.{name}"),
                value,
                MAX_WORKING_CAPITAL_DAYS,
                "days",
            );
        }
        self.fraction("plan.payout_ratio", plan.payout_ratio);
    }

    fn units_plan(&mut self) {
        match &self.deal.plan.units {
            Units::Explicit { units } => {
                if let Some(n) = self.horizon
                    && units.len() != n as usize
                {
                    self.push(
                        "plan.units.units",
                        format!(
                            "lists {} years of units; it needs {n}, one for each year 1 to {n}",
                            units.len()
                        ),
                    );
                }
                for (t, u) in units.iter().enumerate() {
                    self.units(&format!("plan.units.units[{t}]"), *u);
                }
            }
            Units::Ramp {
                first_year,
                growth,
                capacity,
            } => {
                let before = self.errors.len();
                self.units("plan.units.first_year", *first_year);
                self.growth("plan.units.growth", *growth, "growth");
                if let Some(capacity) = capacity
                    && (*capacity < Decimal::ZERO || *capacity > MAX_UNITS)
                {
                    self.push(
                        "plan.units.capacity",
                        format!(
                            "must be between 0 and {} units a year; it is {}",
                            grouped(&MAX_UNITS.to_string()),
                            show(*capacity)
                        ),
                    );
                }
                if self.errors.len() == before {
                    self.ramp_stays_within_limit(*first_year, *growth, *capacity);
                }
            }
        }
    }

    /// A ramp without a (low enough) ceiling can grow past [`MAX_UNITS`] within the horizon.
    fn ramp_stays_within_limit(
        &mut self,
        first_year: Decimal,
        growth: Decimal,
        capacity: Option<Decimal>,
    ) {
        let (Some(n), Some(factor)) = (self.horizon, growth_factor(growth)) else {
            return;
        };
        let mut units = first_year;
        for year in 2..=n {
            let next = units
                .checked_mul(factor)
                .map(|u| capacity.map_or(u, |c| u.min(c)));
            match next {
                Some(next) if next <= MAX_UNITS => units = next,
                _ => {
                    self.push(
                        "plan.units.growth",
                        format!(
                            "makes units grow past {} a year by year {year}; set a capacity or lower the growth",
                            grouped(&MAX_UNITS.to_string())
                        ),
                    );
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use rust_decimal_macros::dec;

    use super::super::test_support::{assert_only, minimal};
    use super::super::validate;
    use crate::model::{CapexItem, Units};
    use crate::problem::FieldError;

    fn explicit(units: Vec<rust_decimal::Decimal>) -> Units {
        Units::Explicit { units }
    }

    #[test]
    fn explicit_units_cover_the_horizon() {
        let mut deal = minimal();
        deal.plan.units = explicit(vec![dec!(100); 10]);
        assert_eq!(validate(&deal), vec![]);
        deal.plan.units = explicit(vec![dec!(100); 11]);
        assert_only(
            &deal,
            "plan.units.units",
            "lists 11 years of units; it needs 10, one for each year 1 to 10",
        );
    }

    #[test]
    fn units_are_whole_non_negative_and_bounded() {
        let mut deal = minimal();
        let mut units = vec![dec!(100); 10];
        units[0] = dec!(-5);
        units[1] = dec!(10.5);
        units[2] = dec!(10_000_001);
        deal.plan.units = explicit(units);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new("plan.units.units[0]", "must not be negative; it is -5"),
                FieldError::new(
                    "plan.units.units[1]",
                    "must be a whole number of units; it is 10.5"
                ),
                FieldError::new(
                    "plan.units.units[2]",
                    "is more than 10,000,000 units a year, the most the model handles"
                ),
            ]
        );
    }

    #[test]
    fn ramp_inputs_are_checked() {
        let mut deal = minimal();
        deal.plan.units = Units::Ramp {
            first_year: dec!(-1),
            growth: dec!(-2),
            capacity: Some(dec!(-10)),
        };
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new("plan.units.first_year", "must not be negative; it is -1"),
                FieldError::new(
                    "plan.units.growth",
                    "must be above −1 (−100 %): a rate below −100 % is impossible"
                ),
                FieldError::new(
                    "plan.units.capacity",
                    "must be between 0 and 10,000,000 units a year; it is -10"
                ),
            ]
        );
    }

    #[test]
    fn ramp_growth_compounds_within_the_limit() {
        let mut deal = minimal();
        deal.plan.units = Units::Ramp {
            first_year: dec!(10),
            growth: dec!(2),
            capacity: Some(dec!(5000)),
        };
        assert_only(
            &deal,
            "plan.units.growth",
            "this growth compounds to more than 10,000 times over 10 years; shorten the horizon or lower the rate",
        );
    }

    #[test]
    fn ramp_without_capacity_stays_below_the_unit_limit() {
        let mut deal = minimal();
        deal.plan.units = Units::Ramp {
            first_year: dec!(2_000_000),
            growth: dec!(0.5),
            capacity: None,
        };
        assert_only(
            &deal,
            "plan.units.growth",
            "makes units grow past 10,000,000 a year by year 5; set a capacity or lower the growth",
        );
        deal.plan.units = Units::Ramp {
            first_year: dec!(2_000_000),
            growth: dec!(0.5),
            capacity: Some(dec!(9_000_000)),
        };
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn retail_price_is_positive() {
        let mut deal = minimal();
        deal.plan.retail_price = dec!(0);
        assert_only(&deal, "plan.retail_price", "must be more than 0; it is 0");
        deal.plan.retail_price = dec!(-450000);
        assert_only(
            &deal,
            "plan.retail_price",
            "must be more than 0; it is -450000",
        );
    }

    #[test]
    fn price_growth_is_above_minus_one_and_bounded() {
        let mut deal = minimal();
        deal.plan.price_growth = Some(dec!(-1.01));
        assert_only(
            &deal,
            "plan.price_growth",
            "must be above −1 (−100 %): a rate below −100 % is impossible",
        );
        deal.plan.price_growth = Some(dec!(5));
        assert_only(
            &deal,
            "plan.price_growth",
            "this growth compounds to more than 10,000 times over 10 years; shorten the horizon or lower the rate",
        );
        deal.plan.price_growth = Some(dec!(-0.5));
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn costs_are_non_negative_amounts() {
        let mut deal = minimal();
        deal.plan.local_parts_per_unit = dec!(-1);
        deal.plan.wage_per_hour = dec!(99_000_000_000_000);
        deal.plan.fixed_overhead = dec!(-2);
        deal.plan.maintenance_capex = dec!(-3);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "plan.local_parts_per_unit",
                    "must not be negative; it is -1"
                ),
                FieldError::new(
                    "plan.wage_per_hour",
                    "is larger than 10,000,000,000,000, the largest amount the model handles"
                ),
                FieldError::new("plan.fixed_overhead", "must not be negative; it is -2"),
                FieldError::new("plan.maintenance_capex", "must not be negative; it is -3"),
            ]
        );
    }

    #[test]
    fn labour_hours_are_bounded() {
        let mut deal = minimal();
        deal.plan.labour_hours_per_unit = dec!(10_001);
        assert_only(
            &deal,
            "plan.labour_hours_per_unit",
            "must be between 0 and 10,000 hours; it is 10001",
        );
    }

    #[test]
    fn opex_rates_and_payout_are_fractions() {
        let mut deal = minimal();
        deal.plan.marketing_rate = dec!(1.1);
        deal.plan.warranty_rate = dec!(-0.01);
        deal.plan.payout_ratio = dec!(2);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "plan.marketing_rate",
                    "must be between 0 and 1 (0 % to 100 %); it is 1.1"
                ),
                FieldError::new(
                    "plan.warranty_rate",
                    "must be between 0 and 1 (0 % to 100 %); it is -0.01"
                ),
                FieldError::new(
                    "plan.payout_ratio",
                    "must be between 0 and 1 (0 % to 100 %); it is 2"
                ),
            ]
        );
    }

    #[test]
    fn capex_items_are_checked() {
        let mut deal = minimal();
        deal.plan.capex = vec![
            CapexItem {
                name: "assembly line".to_owned(),
                amount: dec!(500_000_000),
                year: 0,
                useful_life_years: 10,
            },
            CapexItem {
                name: "paint shop".to_owned(),
                amount: dec!(-1),
                year: 11,
                useful_life_years: 0,
            },
        ];
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new("plan.capex[1].amount", "must not be negative; it is -1"),
                FieldError::new(
                    "plan.capex[1].year",
                    "is year 11, after the end of the 10-year horizon"
                ),
                FieldError::new("plan.capex[1].useful_life_years", "must be at least 1 year"),
            ]
        );
    }

    #[test]
    fn maintenance_life_is_at_least_a_year() {
        let mut deal = minimal();
        deal.plan.maintenance_life_years = 0;
        assert_only(
            &deal,
            "plan.maintenance_life_years",
            "must be at least 1 year",
        );
    }

    #[test]
    fn working_capital_days_are_bounded() {
        let mut deal = minimal();
        deal.plan.working_capital.payable_days = dec!(-30);
        deal.plan.working_capital.inventory_days = dec!(4000);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "plan.working_capital.inventory_days",
                    "must be between 0 and 3,650 days; it is 4000"
                ),
                FieldError::new(
                    "plan.working_capital.payable_days",
                    "must be between 0 and 3,650 days; it is -30"
                ),
            ]
        );
    }
}
