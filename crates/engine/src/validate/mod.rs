//! Semantic validation: everything wrong with a deal that the file's shape cannot say
//! (DOMAIN.md §3–5 and §9), every problem at once, each at its field's path.
//!
//! Also the overflow guard of the engine: the limits in [`bounds`] keep every later
//! computation inside `Decimal`'s range, so evaluation never has to fail half-way.

mod agreements;
mod bounds;
mod equity;
mod exit;
mod financing;
mod governance;
mod market;
mod parties;
mod plan;
mod rules;

pub use bounds::{
    MAX_AMOUNT, MAX_COMPOUNDING, MAX_DISCOUNT_RATE, MAX_EXIT_MULTIPLE, MAX_FX, MAX_HORIZON_YEARS,
    MAX_LABOUR_HOURS, MAX_LIFE_YEARS, MAX_PARTIES, MAX_SHARES_ISSUED, MAX_UNITS,
    MAX_WORKING_CAPITAL_DAYS, MIN_DISCOUNT_RATE, MIN_FX, MIN_PARTIES, MIN_PERPETUITY_SPREAD,
};

pub use governance::MAX_GOVERNANCE_TEXT;
pub(crate) use parties::is_party_reference;

use crate::model::{Deal, SCHEMA_VERSION};
use crate::problem::FieldError;

/// Every semantic error of `deal`, in the order of its fields; empty when the deal is valid.
pub fn validate(deal: &Deal) -> Vec<FieldError> {
    let horizon = (1..=MAX_HORIZON_YEARS)
        .contains(&deal.horizon_years)
        .then_some(deal.horizon_years);
    let mut check = Check {
        deal,
        horizon,
        errors: Vec::new(),
    };
    check.deal_level();
    check.market();
    check.parties();
    check.equity();
    check.agreements();
    check.plan();
    check.financing();
    check.exit();
    check.governance();
    check
        .errors
        .extend(crate::analysis::scenarios::validate_scenarios(deal));
    check
        .errors
        .extend(crate::analysis::settings::validate_analysis(deal));
    check.errors
}

/// The deal being checked and the errors found so far.
pub(crate) struct Check<'d> {
    deal: &'d Deal,
    /// The horizon when it is valid. Rules that depend on it are skipped otherwise, so one
    /// wrong horizon gives one error rather than one per list, and no loop runs for 4e9 years.
    horizon: Option<u32>,
    errors: Vec<FieldError>,
}

impl Check<'_> {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
    }

    /// The fields of the deal itself: version, horizon, reporting currency.
    fn deal_level(&mut self) {
        let deal = self.deal;
        if deal.schema_version == 0 || deal.schema_version > SCHEMA_VERSION {
            self.push(
                "schema_version",
                format!("must be a file-format version: a whole number from 1 to {SCHEMA_VERSION}"),
            );
        }
        if self.horizon.is_none() {
            self.push(
                "horizon_years",
                format!(
                    "must be from 1 to {MAX_HORIZON_YEARS} years; it is {}",
                    deal.horizon_years
                ),
            );
        }
        self.currency("reporting_currency", &deal.reporting_currency);
        self.growth("reporting_inflation", deal.reporting_inflation, "inflation");
        if let Some(escalation) = deal.rcy_escalation {
            self.growth("rcy_escalation", escalation, "escalation");
        }
    }
}

/// What the unit tests of every topic start from.
#[cfg(test)]
pub(crate) mod test_support {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::validate;
    use crate::model::Deal;
    use crate::problem::FieldError;

    /// The minimal valid deal of the test fixtures.
    pub(crate) const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.jvdeal");

    /// The fixture as a `Deal`.
    pub(crate) fn minimal() -> Deal {
        serde_json::from_str(MINIMAL).expect("the fixture is a deal")
    }

    /// Asserts that `deal` has exactly one error, at `path`, saying `message`.
    #[track_caller]
    pub(crate) fn assert_only(deal: &Deal, path: &str, message: &str) {
        assert_eq!(validate(deal), vec![FieldError::new(path, message)]);
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::test_support::{assert_only, minimal};
    use super::*;

    #[test]
    fn the_minimal_deal_is_valid() {
        assert_eq!(validate(&minimal()), vec![]);
    }

    #[test]
    fn horizon_is_one_to_thirty_years() {
        let mut deal = minimal();
        deal.horizon_years = 0;
        // Horizon-dependent rules are skipped, so this is the only error.
        assert_only(
            &deal,
            "horizon_years",
            "must be from 1 to 30 years; it is 0",
        );
        deal.horizon_years = 31;
        assert_only(
            &deal,
            "horizon_years",
            "must be from 1 to 30 years; it is 31",
        );
        deal.horizon_years = 30;
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn schema_version_must_be_known() {
        let mut deal = minimal();
        deal.schema_version = 0;
        assert_only(
            &deal,
            "schema_version",
            "must be a file-format version: a whole number from 1 to 1",
        );
    }

    #[test]
    fn reporting_currency_is_three_capitals() {
        let mut deal = minimal();
        deal.reporting_currency = "usd".to_owned();
        assert_only(
            &deal,
            "reporting_currency",
            "must be a three-letter ISO 4217 currency code in capitals, like \"KES\"; it is \"usd\"",
        );
    }

    #[test]
    fn reporting_inflation_is_above_minus_one() {
        let mut deal = minimal();
        deal.reporting_inflation = dec!(-1);
        assert_only(
            &deal,
            "reporting_inflation",
            "must be above −1 (−100 %): a rate below −100 % is impossible",
        );
    }

    #[test]
    fn escalation_must_not_compound_past_the_limit() {
        let mut deal = minimal();
        deal.rcy_escalation = Some(dec!(2));
        assert_only(
            &deal,
            "rcy_escalation",
            "this escalation compounds to more than 10,000 times over 10 years; shorten the horizon or lower the rate",
        );
        deal.rcy_escalation = Some(dec!(0));
        assert_eq!(validate(&deal), vec![]);
    }
}
