//! The market block (DOMAIN.md §2, §8): codes, tax rates, duties, inflation and the
//! exchange rate, including how far inflation and depreciation may compound.

use rust_decimal::Decimal;

use super::Check;
use super::bounds::{MAX_COMPOUNDING, compounding_breach, growth_factor, years};
use crate::model::Withholding;

impl Check<'_> {
    pub(super) fn market(&mut self) {
        let market = &self.deal.market;
        self.country("market.country", &market.country);
        self.currency("market.currency", &market.currency);
        self.fraction("market.corporate_tax_rate", market.corporate_tax_rate);
        if let Some(incentive) = &market.tax_incentive {
            self.fraction("market.tax_incentive.rate", incentive.rate);
        }
        if let Some(limit) = market.interest_deduction_limit {
            self.fraction("market.interest_deduction_limit", limit);
        }
        self.withholding("market.dividend_withholding", &market.dividend_withholding);
        self.withholding("market.royalty_withholding", &market.royalty_withholding);
        if let Some(rate) = market.capital_gains_tax_rate {
            self.fraction("market.capital_gains_tax_rate", rate);
        }
        self.fraction("market.import_duty_kits", market.import_duty_kits);
        self.fraction("market.other_import_levies", market.other_import_levies);
        self.inflation();
        self.exchange_rate();
        if let Some(reserve) = &market.legal_reserve {
            self.fraction(
                "market.legal_reserve.share_of_profit",
                reserve.share_of_profit,
            );
            self.fraction(
                "market.legal_reserve.cap_share_of_capital",
                reserve.cap_share_of_capital,
            );
        }
        if let Some(cap) = &market.royalty_cap {
            self.fraction("market.royalty_cap.rate", cap.rate);
        }
        if let Some(limit) = market.foreign_ownership_limit {
            self.fraction("market.foreign_ownership_limit", limit);
        }
        self.market_rules();
    }

    fn withholding(&mut self, path: &str, withholding: &Withholding) {
        self.fraction(&format!("{path}.resident"), withholding.resident);
        self.fraction(&format!("{path}.non_resident"), withholding.non_resident);
        for (k, treaty) in withholding.treaties.iter().enumerate() {
            let treaty_path = format!("{path}.treaties[{k}]");
            self.country(&format!("{treaty_path}.country"), &treaty.country);
            if withholding.treaties[..k]
                .iter()
                .any(|t| t.country == treaty.country)
            {
                self.push(
                    format!("{treaty_path}.country"),
                    format!(
                        "lists a treaty with \"{}\" a second time; keep one rate per country",
                        treaty.country
                    ),
                );
            }
            self.fraction(&format!("{treaty_path}.rate"), treaty.rate);
        }
    }

    fn inflation(&mut self) {
        let market = &self.deal.market;
        self.growth("market.inflation", market.inflation, "inflation");
        let Some(path) = &market.inflation_path else {
            return;
        };
        if let Some(n) = self.horizon
            && path.len() != n as usize
        {
            self.push(
                "market.inflation_path",
                format!(
                    "lists {} rates; it needs {n}, one for each year 1 to {n}",
                    path.len()
                ),
            );
        }
        let factors: Vec<Option<Decimal>> = path.iter().map(|rate| growth_factor(*rate)).collect();
        for (k, factor) in factors.iter().enumerate() {
            if factor.is_none() {
                self.push(
                    format!("market.inflation_path[{k}]"),
                    "must be above −1 (−100 %): a rate below −100 % is impossible",
                );
            }
        }
        let Some(factors) = factors.into_iter().collect::<Option<Vec<Decimal>>>() else {
            return;
        };
        if let Some(year) = compounding_breach(factors, None) {
            self.push(
                format!("market.inflation_path[{}]", year - 1),
                format!(
                    "brings inflation to more than 10,000 times by year {year}; lower the rates"
                ),
            );
        }
    }

    fn exchange_rate(&mut self) {
        let market = &self.deal.market;
        self.fx_rate("market.fx_spot", market.fx_spot);
        if let Some(depreciation) = market.fx_depreciation {
            self.fx_depreciation(depreciation);
        }
        if let Some(path) = &market.fx_path {
            if let Some(n) = self.horizon
                && path.len() != n as usize + 1
            {
                self.push(
                    "market.fx_path",
                    format!(
                        "lists {} rates; it needs {}, one for each year 0 to {n}",
                        path.len(),
                        n + 1
                    ),
                );
            }
            for (k, rate) in path.iter().enumerate() {
                self.fx_rate(&format!("market.fx_path[{k}]"), *rate);
            }
        }
        if market.fx_depreciation.is_none() && market.fx_path.is_none() {
            self.parity_depreciation();
        }
    }

    /// Flows are divided by the rate, so it may neither grow nor shrink 10,000-fold.
    fn fx_depreciation(&mut self, depreciation: Decimal) {
        let path = "market.fx_depreciation";
        let Some(factor) = growth_factor(depreciation) else {
            self.push(
                path,
                "must be above −1 (−100 %): a rate below −100 % is impossible",
            );
            return;
        };
        let Some(n) = self.horizon else { return };
        let floor = Decimal::ONE.checked_div(MAX_COMPOUNDING);
        if compounding_breach(std::iter::repeat_n(factor, n as usize), floor).is_some() {
            let message = if depreciation > Decimal::ZERO {
                super::bounds::too_much_compounding("depreciation", n)
            } else {
                format!(
                    "this appreciation shrinks the exchange rate more than 10,000 times over {}; shorten the horizon or use a rate closer to zero",
                    years(n)
                )
            };
            self.push(path, message);
        }
    }

    /// With neither a depreciation nor a path, the rate follows relative PPP:
    /// (1 + π_local) ÷ (1 + π_reporting) a year. Checked only when both inflations are
    /// themselves fine, so one cause gives one error.
    fn parity_depreciation(&mut self) {
        let Some(n) = self.horizon else { return };
        let inflation_reported = self
            .errors
            .iter()
            .any(|e| e.path == "reporting_inflation" || e.path.starts_with("market.inflation"));
        if inflation_reported {
            return;
        }
        let market = &self.deal.market;
        let Some(reporting) = growth_factor(self.deal.reporting_inflation) else {
            return;
        };
        let local = |t: usize| match &market.inflation_path {
            Some(path) if path.len() == n as usize => {
                path.get(t).copied().unwrap_or(market.inflation)
            }
            _ => market.inflation,
        };
        let factors: Option<Vec<Decimal>> = (0..n as usize)
            .map(|t| growth_factor(local(t)).and_then(|f| f.checked_div(reporting)))
            .collect();
        let floor = Decimal::ONE.checked_div(MAX_COMPOUNDING);
        let breach = match factors {
            Some(factors) => compounding_breach(factors, floor).is_some(),
            None => true,
        };
        if breach {
            self.push(
                "market.fx_depreciation",
                format!(
                    "is not set, so the exchange rate follows the inflation gap (relative PPP), which moves it more than 10,000 times over {}; set a depreciation or an FX path",
                    years(n)
                ),
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
    use crate::model::{LegalReserve, RoyaltyCap, RoyaltyCapKind, TaxIncentive, TreatyRate};
    use crate::problem::FieldError;

    const FRACTION: &str = "must be between 0 and 1 (0 % to 100 %); it is";

    #[test]
    fn codes_are_capitals() {
        let mut deal = minimal();
        deal.market.country = "Kenya".to_owned();
        deal.market.currency = "KSh".to_owned();
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.country",
                    "must be a two-letter ISO 3166 country code in capitals, like \"KE\"; it is \"Kenya\""
                ),
                FieldError::new(
                    "market.currency",
                    "must be a three-letter ISO 4217 currency code in capitals, like \"KES\"; it is \"KSh\""
                ),
            ]
        );
    }

    #[test]
    fn tax_rates_are_fractions() {
        let mut deal = minimal();
        deal.market.corporate_tax_rate = dec!(30);
        assert_only(
            &deal,
            "market.corporate_tax_rate",
            &format!("{FRACTION} 30"),
        );

        let mut deal = minimal();
        deal.market.tax_incentive = Some(TaxIncentive {
            rate: dec!(-0.15),
            years: 5,
        });
        assert_only(
            &deal,
            "market.tax_incentive.rate",
            &format!("{FRACTION} -0.15"),
        );

        let mut deal = minimal();
        deal.market.capital_gains_tax_rate = Some(dec!(1.05));
        assert_only(
            &deal,
            "market.capital_gains_tax_rate",
            &format!("{FRACTION} 1.05"),
        );

        let mut deal = minimal();
        deal.market.interest_deduction_limit = Some(dec!(3));
        assert_only(
            &deal,
            "market.interest_deduction_limit",
            &format!("{FRACTION} 3"),
        );
    }

    #[test]
    fn withholding_rates_are_fractions() {
        let mut deal = minimal();
        deal.market.dividend_withholding.non_resident = dec!(1.1);
        deal.market.royalty_withholding.resident = dec!(-0.05);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.dividend_withholding.non_resident",
                    format!("{FRACTION} 1.1")
                ),
                FieldError::new(
                    "market.royalty_withholding.resident",
                    format!("{FRACTION} -0.05")
                ),
            ]
        );
    }

    #[test]
    fn treaties_are_one_per_country() {
        let mut deal = minimal();
        let treaty = TreatyRate {
            country: "CN".to_owned(),
            rate: dec!(0.1),
        };
        deal.market.dividend_withholding.treaties = vec![treaty.clone(), treaty];
        assert_only(
            &deal,
            "market.dividend_withholding.treaties[1].country",
            "lists a treaty with \"CN\" a second time; keep one rate per country",
        );
        deal.market.dividend_withholding.treaties[1] = TreatyRate {
            country: "cn".to_owned(),
            rate: dec!(2),
        };
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.dividend_withholding.treaties[1].country",
                    "must be a two-letter ISO 3166 country code in capitals, like \"KE\"; it is \"cn\""
                ),
                FieldError::new(
                    "market.dividend_withholding.treaties[1].rate",
                    format!("{FRACTION} 2")
                ),
            ]
        );
    }

    #[test]
    fn duties_and_levies_are_fractions() {
        let mut deal = minimal();
        deal.market.import_duty_kits = dec!(-0.1);
        deal.market.other_import_levies = dec!(1.5);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new("market.import_duty_kits", format!("{FRACTION} -0.1")),
                FieldError::new("market.other_import_levies", format!("{FRACTION} 1.5")),
            ]
        );
    }

    #[test]
    fn reserve_cap_and_ownership_limit_are_fractions() {
        let mut deal = minimal();
        deal.market.legal_reserve = Some(LegalReserve {
            share_of_profit: dec!(0.05),
            cap_share_of_capital: dec!(1.2),
        });
        deal.market.royalty_cap = Some(RoyaltyCap {
            kind: RoyaltyCapKind::Deductibility,
            rate: dec!(-0.01),
            covers_fees: false,
        });
        deal.market.foreign_ownership_limit = Some(dec!(1.01));
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.legal_reserve.cap_share_of_capital",
                    format!("{FRACTION} 1.2")
                ),
                FieldError::new("market.royalty_cap.rate", format!("{FRACTION} -0.01")),
                FieldError::new("market.foreign_ownership_limit", format!("{FRACTION} 1.01")),
            ]
        );
    }

    #[test]
    fn inflation_is_above_minus_one_and_compounds_within_the_limit() {
        let mut deal = minimal();
        deal.market.inflation = dec!(-1.5);
        assert_only(
            &deal,
            "market.inflation",
            "must be above −1 (−100 %): a rate below −100 % is impossible",
        );
        // 2.6^10 ≈ 14,117.
        deal.market.inflation = dec!(1.6);
        assert_only(
            &deal,
            "market.inflation",
            "this inflation compounds to more than 10,000 times over 10 years; shorten the horizon or lower the rate",
        );
    }

    #[test]
    fn inflation_path_has_one_rate_per_year() {
        let mut deal = minimal();
        deal.market.inflation_path = Some(vec![dec!(0.05); 9]);
        assert_only(
            &deal,
            "market.inflation_path",
            "lists 9 rates; it needs 10, one for each year 1 to 10",
        );
    }

    #[test]
    fn inflation_path_rates_are_checked() {
        let mut deal = minimal();
        let mut path = vec![dec!(0.05); 10];
        path[3] = dec!(-1);
        deal.market.inflation_path = Some(path);
        assert_only(
            &deal,
            "market.inflation_path[3]",
            "must be above −1 (−100 %): a rate below −100 % is impossible",
        );

        let mut path = vec![dec!(0.05); 10];
        path[2] = dec!(20000);
        deal.market.inflation_path = Some(path);
        assert_only(
            &deal,
            "market.inflation_path[2]",
            "brings inflation to more than 10,000 times by year 3; lower the rates",
        );
    }

    #[test]
    fn fx_spot_is_positive_and_bounded() {
        let mut deal = minimal();
        deal.market.fx_spot = dec!(0);
        let message = "must be between 0.000001 and 10,000,000 units of local currency per unit of reporting currency; it is";
        assert_only(&deal, "market.fx_spot", &format!("{message} 0"));
        deal.market.fx_spot = dec!(20_000_000);
        assert_only(&deal, "market.fx_spot", &format!("{message} 20000000"));
    }

    #[test]
    fn fx_path_has_one_rate_per_year_from_closing() {
        let mut deal = minimal();
        deal.market.fx_path = Some(vec![dec!(129); 10]);
        assert_only(
            &deal,
            "market.fx_path",
            "lists 10 rates; it needs 11, one for each year 0 to 10",
        );
        let mut path = vec![dec!(129); 11];
        path[4] = dec!(-3);
        deal.market.fx_path = Some(path);
        assert_only(
            &deal,
            "market.fx_path[4]",
            "must be between 0.000001 and 10,000,000 units of local currency per unit of reporting currency; it is -3",
        );
    }

    #[test]
    fn fx_depreciation_compounds_within_the_limit_both_ways() {
        let mut deal = minimal();
        deal.market.fx_depreciation = Some(dec!(-1));
        assert_only(
            &deal,
            "market.fx_depreciation",
            "must be above −1 (−100 %): a rate below −100 % is impossible",
        );
        deal.market.fx_depreciation = Some(dec!(1.6));
        assert_only(
            &deal,
            "market.fx_depreciation",
            "this depreciation compounds to more than 10,000 times over 10 years; shorten the horizon or lower the rate",
        );
        // 0.35^10 ≈ 2.8e-5: flows divided by the rate would grow 36,000-fold.
        deal.market.fx_depreciation = Some(dec!(-0.65));
        assert_only(
            &deal,
            "market.fx_depreciation",
            "this appreciation shrinks the exchange rate more than 10,000 times over 10 years; shorten the horizon or use a rate closer to zero",
        );
        deal.market.fx_depreciation = Some(dec!(0.25));
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn parity_depreciation_is_bounded_too() {
        let mut deal = minimal();
        // Local inflation −60 % against reporting +50 %: parity appreciates 0.27× a year.
        deal.market.inflation = dec!(-0.6);
        deal.reporting_inflation = dec!(0.5);
        assert_only(
            &deal,
            "market.fx_depreciation",
            "is not set, so the exchange rate follows the inflation gap (relative PPP), which moves it more than 10,000 times over 10 years; set a depreciation or an FX path",
        );
        deal.market.fx_depreciation = Some(dec!(0));
        assert_eq!(validate(&deal), vec![]);
    }
}
