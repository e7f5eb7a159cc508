//! The side agreements (DOMAIN.md §1, §5): licence, kit supply and distribution name
//! existing parties, and their rates and prices are in range.

use super::Check;

impl Check<'_> {
    pub(super) fn agreements(&mut self) {
        let agreements = &self.deal.agreements;
        if let Some(licence) = &agreements.licence {
            self.party_ref("agreements.licence.licensor", &licence.licensor);
            self.fraction("agreements.licence.royalty_rate", licence.royalty_rate);
            self.amount("agreements.licence.technical_fee", licence.technical_fee);
        }
        let kits = &agreements.kit_supply;
        if let Some(supplier) = &kits.supplier {
            self.party_ref("agreements.kit_supply.supplier", supplier);
        }
        self.amount("agreements.kit_supply.kit_fob_price", kits.kit_fob_price);
        self.fraction("agreements.kit_supply.kit_margin", kits.kit_margin);
        self.fraction(
            "agreements.kit_supply.freight_insurance",
            kits.freight_insurance,
        );
        if let Some(distribution) = &agreements.distribution {
            self.party_ref(
                "agreements.distribution.distributor",
                &distribution.distributor,
            );
            // Below 1: at a 100 % margin the JV would sell every unit for nothing.
            self.fraction_below_one(
                "agreements.distribution.dealer_margin",
                distribution.dealer_margin,
            );
            // May exceed the margin: a dealer can lose money on distribution, and should see it.
            self.fraction(
                "agreements.distribution.cost_to_serve",
                distribution.cost_to_serve,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use rust_decimal_macros::dec;

    use super::super::test_support::{assert_only, minimal};
    use super::super::validate;

    #[test]
    fn royalty_rate_is_a_fraction() {
        let mut deal = minimal();
        deal.agreements.licence.as_mut().unwrap().royalty_rate = dec!(1.5);
        assert_only(
            &deal,
            "agreements.licence.royalty_rate",
            "must be between 0 and 1 (0 % to 100 %); it is 1.5",
        );
    }

    #[test]
    fn technical_fee_is_a_non_negative_amount() {
        let mut deal = minimal();
        deal.agreements.licence.as_mut().unwrap().technical_fee = dec!(-100);
        assert_only(
            &deal,
            "agreements.licence.technical_fee",
            "must not be negative; it is -100",
        );
    }

    #[test]
    fn kit_price_may_be_zero_but_not_negative() {
        let mut deal = minimal();
        deal.agreements.kit_supply.kit_fob_price = dec!(0);
        assert_eq!(validate(&deal), vec![]);
        deal.agreements.kit_supply.kit_fob_price = dec!(-1800);
        assert_only(
            &deal,
            "agreements.kit_supply.kit_fob_price",
            "must not be negative; it is -1800",
        );
    }

    #[test]
    fn kit_margin_and_freight_are_fractions() {
        let mut deal = minimal();
        deal.agreements.kit_supply.kit_margin = dec!(-0.1);
        assert_only(
            &deal,
            "agreements.kit_supply.kit_margin",
            "must be between 0 and 1 (0 % to 100 %); it is -0.1",
        );
        let mut deal = minimal();
        deal.agreements.kit_supply.freight_insurance = dec!(2);
        assert_only(
            &deal,
            "agreements.kit_supply.freight_insurance",
            "must be between 0 and 1 (0 % to 100 %); it is 2",
        );
    }

    #[test]
    fn dealer_margin_is_below_one() {
        let mut deal = minimal();
        deal.agreements.distribution.as_mut().unwrap().dealer_margin = dec!(1);
        assert_only(
            &deal,
            "agreements.distribution.dealer_margin",
            "must be at least 0 and below 1 (100 %); it is 1",
        );
    }

    #[test]
    fn cost_to_serve_may_exceed_the_margin() {
        let mut deal = minimal();
        deal.agreements.distribution.as_mut().unwrap().cost_to_serve = dec!(0.2);
        assert_eq!(validate(&deal), vec![]);
        deal.agreements.distribution.as_mut().unwrap().cost_to_serve = dec!(1.01);
        assert_only(
            &deal,
            "agreements.distribution.cost_to_serve",
            "must be between 0 and 1 (0 % to 100 %); it is 1.01",
        );
    }
}
