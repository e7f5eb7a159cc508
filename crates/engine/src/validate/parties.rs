//! Parties and their contributions (DOMAIN.md §3): ids, references, valuation methods by
//! kind, useful lives, years and vesting tranches.

use rust_decimal::Decimal;

use super::Check;
use super::bounds::{MAX_PARTIES, MIN_PARTIES, percent};
use crate::file::suggest::closest;
use crate::model::{Contribution, ContributionKind, Valuation};

impl Check<'_> {
    pub(super) fn parties(&mut self) {
        let parties = &self.deal.parties;
        if parties.len() < MIN_PARTIES {
            self.push(
                "parties",
                format!(
                    "a deal needs at least {MIN_PARTIES} parties; this one has {}",
                    parties.len()
                ),
            );
        } else if parties.len() > MAX_PARTIES {
            self.push(
                "parties",
                format!(
                    "a deal can have at most {MAX_PARTIES} parties; this one has {}",
                    parties.len()
                ),
            );
        }
        for (i, party) in parties.iter().enumerate() {
            let path = format!("parties[{i}]");
            if party.id.trim().is_empty() {
                self.push(
                    format!("{path}.id"),
                    "must not be empty: the rest of the deal refers to the party by its id",
                );
            } else if let Some(first) = parties[..i].iter().position(|p| p.id == party.id) {
                self.push(
                    format!("{path}.id"),
                    format!(
                        "\"{}\" is already the id of parties[{first}]; each party needs its own id",
                        party.id
                    ),
                );
            }
            self.country(&format!("{path}.home_country"), &party.home_country);
            self.discount_rate(&format!("{path}.discount_rate"), party.discount_rate);
            for (j, contribution) in party.contributions.iter().enumerate() {
                self.contribution(&format!("{path}.contributions[{j}]"), contribution);
            }
        }
    }

    /// A reference to a party by id, with a "did you mean" for a near miss.
    pub(super) fn party_ref(&mut self, path: &str, id: &str) {
        let ids: Vec<&str> = self.deal.parties.iter().map(|p| p.id.as_str()).collect();
        if ids.contains(&id) {
            return;
        }
        let message = match closest(id, ids.iter().copied()) {
            Some(near) => format!("there is no party \"{id}\"; did you mean \"{near}\"?"),
            None if id.is_empty() => {
                format!("must name a party; the parties are {}", ids.join(", "))
            }
            None => format!(
                "there is no party \"{id}\"; the parties are {}",
                ids.join(", ")
            ),
        };
        self.push(path, message);
    }

    fn contribution(&mut self, path: &str, contribution: &Contribution) {
        let kind = contribution.kind;
        let method_path = format!("{path}.valuation.method");
        match (&contribution.valuation, kind) {
            (Valuation::Agreed { .. }, _)
            | (
                Valuation::ReliefFromRoyalty { .. } | Valuation::CostToRecreate { .. },
                ContributionKind::Technology,
            )
            | (
                Valuation::ExcessEarnings { .. } | Valuation::CostToRecreate { .. },
                ContributionKind::Distribution,
            ) => {}
            (valuation, _) => {
                let allowed = match kind {
                    ContributionKind::Technology => {
                        "agreed, relief_from_royalty or cost_to_recreate"
                    }
                    ContributionKind::Distribution => "agreed, excess_earnings or cost_to_recreate",
                    ContributionKind::Cash
                    | ContributionKind::Asset
                    | ContributionKind::Services => "agreed only",
                };
                self.push(
                    method_path,
                    format!(
                        "a {} contribution can be valued as {allowed}, not {}",
                        kind_name(kind),
                        method_name(valuation)
                    ),
                );
            }
        }
        let value_path = format!("{path}.valuation");
        match &contribution.valuation {
            Valuation::Agreed { value } => self.amount(&format!("{value_path}.value"), *value),
            Valuation::ReliefFromRoyalty {
                royalty_rate,
                discount_rate,
            } => {
                self.fraction(&format!("{value_path}.royalty_rate"), *royalty_rate);
                self.discount_rate(&format!("{value_path}.discount_rate"), *discount_rate);
            }
            Valuation::ExcessEarnings {
                profit_share,
                discount_rate,
            } => {
                self.fraction(&format!("{value_path}.profit_share"), *profit_share);
                self.discount_rate(&format!("{value_path}.discount_rate"), *discount_rate);
            }
            Valuation::CostToRecreate { cost, obsolescence } => {
                self.amount(&format!("{value_path}.cost"), *cost);
                self.fraction(&format!("{value_path}.obsolescence"), *obsolescence);
            }
        }
        self.useful_life(path, contribution);
        self.year_in_horizon(&format!("{path}.year"), contribution.year);
        self.tranches(path, contribution);
    }

    /// Assets and intangibles need a life to be depreciated or amortised over; a valuation
    /// that projects the JV's own plan can only count the years the plan covers.
    fn useful_life(&mut self, path: &str, contribution: &Contribution) {
        let kind = contribution.kind;
        let life_path = format!("{path}.useful_life_years");
        let needs_life = kind == ContributionKind::Asset || kind.is_intangible();
        let Some(life) = contribution.useful_life_years else {
            if needs_life {
                let verb = if kind == ContributionKind::Asset {
                    "depreciates"
                } else {
                    "amortises"
                };
                self.push(
                    life_path,
                    format!(
                        "is required for {} contribution: the years over which the JV {verb} it",
                        article(kind)
                    ),
                );
            }
            return;
        };
        if !needs_life {
            return;
        }
        self.life(&life_path, life);
        let projected = match contribution.valuation {
            Valuation::ReliefFromRoyalty { .. } => Some("relief-from-royalty"),
            Valuation::ExcessEarnings { .. } => Some("excess-earnings"),
            Valuation::Agreed { .. } | Valuation::CostToRecreate { .. } => None,
        };
        if let (Some(method), Some(n)) = (projected, self.horizon)
            && life > n
        {
            self.push(
                life_path,
                format!(
                    "is {life} years, longer than the {n}-year horizon: a {method} valuation can only count years the plan projects"
                ),
            );
        }
    }

    fn tranches(&mut self, path: &str, contribution: &Contribution) {
        if contribution.tranches.is_empty() {
            return;
        }
        let mut total = Some(Decimal::ZERO);
        for (k, tranche) in contribution.tranches.iter().enumerate() {
            let tranche_path = format!("{path}.tranches[{k}]");
            if tranche.share <= Decimal::ZERO || tranche.share > Decimal::ONE {
                self.push(
                    format!("{tranche_path}.share"),
                    format!(
                        "must be above 0 and at most 1 (100 %); it is {}",
                        tranche.share.normalize()
                    ),
                );
            }
            total = total.and_then(|t| t.checked_add(tranche.share));
            if tranche.milestone.trim().is_empty() {
                self.push(
                    format!("{tranche_path}.milestone"),
                    "must not be empty: name the milestone that vests this tranche",
                );
            }
            self.year_in_horizon(&format!("{tranche_path}.year"), tranche.year);
        }
        if let Some(total) = total
            && total != Decimal::ONE
        {
            self.push(
                format!("{path}.tranches"),
                format!(
                    "tranche shares add up to {}, they must add up to 100 %",
                    percent(total)
                ),
            );
        }
    }
}

/// Whether an error at `path` comes from a rule that compares a reference with the party
/// ids; when ids were unreadable such errors say nothing about the user's file.
pub(crate) fn is_party_reference(path: &str) -> bool {
    path.ends_with(".licensor")
        || path.ends_with(".supplier")
        || path.ends_with(".distributor")
        || path.starts_with("equity.shares")
        || path.starts_with("governance.board_seats")
        || (path.starts_with("parties[") && path.ends_with("].id"))
}

fn kind_name(kind: ContributionKind) -> &'static str {
    match kind {
        ContributionKind::Cash => "cash",
        ContributionKind::Asset => "asset",
        ContributionKind::Technology => "technology",
        ContributionKind::Distribution => "distribution",
        ContributionKind::Services => "services",
    }
}

/// "an asset", "a technology".
fn article(kind: ContributionKind) -> String {
    let name = kind_name(kind);
    if name.starts_with('a') {
        format!("an {name}")
    } else {
        format!("a {name}")
    }
}

fn method_name(valuation: &Valuation) -> &'static str {
    match valuation {
        Valuation::Agreed { .. } => "agreed",
        Valuation::ReliefFromRoyalty { .. } => "relief_from_royalty",
        Valuation::ExcessEarnings { .. } => "excess_earnings",
        Valuation::CostToRecreate { .. } => "cost_to_recreate",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use rust_decimal_macros::dec;

    use super::super::test_support::{assert_only, minimal};
    use super::super::validate;
    use crate::model::{Contribution, ContributionKind, Deal, Tranche, Valuation};
    use crate::problem::FieldError;

    fn technology(deal: &mut Deal) -> &mut Contribution {
        &mut deal.parties[0].contributions[0]
    }

    fn tranche(share: rust_decimal::Decimal, year: u32) -> Tranche {
        Tranche {
            share,
            milestone: "licence signed".to_owned(),
            year,
            missed: false,
        }
    }

    #[test]
    fn a_deal_has_two_to_twenty_parties() {
        let mut deal = minimal();
        deal.parties.truncate(1);
        deal.equity.shares.truncate(1);
        deal.equity.shares[0].share = dec!(1);
        deal.agreements.distribution = None;
        assert_only(
            &deal,
            "parties",
            "a deal needs at least 2 parties; this one has 1",
        );

        let mut deal = minimal();
        deal.equity.mode = crate::model::SplitMode::ContributionBased;
        deal.equity.shares.clear();
        for k in 0..19 {
            let mut extra = deal.parties[1].clone();
            extra.id = format!("investor{k}");
            deal.parties.push(extra);
        }
        assert_only(
            &deal,
            "parties",
            "a deal can have at most 20 parties; this one has 21",
        );
    }

    #[test]
    fn party_ids_are_non_empty_and_unique() {
        let mut deal = minimal();
        deal.parties[1].id = "maker".to_owned();
        let errors = validate(&deal);
        assert_eq!(
            errors[0],
            FieldError::new(
                "parties[1].id",
                "\"maker\" is already the id of parties[0]; each party needs its own id"
            )
        );

        let mut deal = minimal();
        deal.parties[1].id = " ".to_owned();
        let errors = validate(&deal);
        assert_eq!(
            errors[0],
            FieldError::new(
                "parties[1].id",
                "must not be empty: the rest of the deal refers to the party by its id"
            )
        );
    }

    #[test]
    fn references_name_existing_parties() {
        let mut deal = minimal();
        deal.agreements.licence.as_mut().unwrap().licensor = "mker".to_owned();
        assert_only(
            &deal,
            "agreements.licence.licensor",
            "there is no party \"mker\"; did you mean \"maker\"?",
        );

        let mut deal = minimal();
        deal.agreements.kit_supply.supplier = Some("acme".to_owned());
        assert_only(
            &deal,
            "agreements.kit_supply.supplier",
            "there is no party \"acme\"; the parties are maker, dealer",
        );

        let mut deal = minimal();
        deal.agreements.distribution.as_mut().unwrap().distributor = String::new();
        assert_only(
            &deal,
            "agreements.distribution.distributor",
            "must name a party; the parties are maker, dealer",
        );
    }

    #[test]
    fn home_country_is_two_capitals() {
        let mut deal = minimal();
        deal.parties[0].home_country = "CHN".to_owned();
        assert_only(
            &deal,
            "parties[0].home_country",
            "must be a two-letter ISO 3166 country code in capitals, like \"KE\"; it is \"CHN\"",
        );
    }

    #[test]
    fn party_discount_rate_is_bounded() {
        let mut deal = minimal();
        deal.parties[1].discount_rate = dec!(-0.99);
        assert_only(
            &deal,
            "parties[1].discount_rate",
            "must be above −0.99 (−99 %) and at most 10 (1,000 %); it is -0.99",
        );
        deal.parties[1].discount_rate = dec!(10.5);
        assert_only(
            &deal,
            "parties[1].discount_rate",
            "must be above −0.99 (−99 %) and at most 10 (1,000 %); it is 10.5",
        );
        deal.parties[1].discount_rate = dec!(10);
        assert_eq!(validate(&deal), vec![]);
        // (1 − 0.9)^10 = 1e-10: discounting would multiply flows ten billion times.
        deal.parties[1].discount_rate = dec!(-0.9);
        assert_only(
            &deal,
            "parties[1].discount_rate",
            "is so far below zero that discounting multiplies flows more than 10,000 times over 10 years; use a rate closer to zero or shorten the horizon",
        );
    }

    #[test]
    fn cash_can_only_be_agreed() {
        let mut deal = minimal();
        deal.parties[0].contributions[1].valuation = Valuation::CostToRecreate {
            cost: dec!(1000),
            obsolescence: dec!(0),
        };
        assert_only(
            &deal,
            "parties[0].contributions[1].valuation.method",
            "a cash contribution can be valued as agreed only, not cost_to_recreate",
        );
    }

    #[test]
    fn technology_cannot_use_excess_earnings() {
        let mut deal = minimal();
        technology(&mut deal).valuation = Valuation::ExcessEarnings {
            profit_share: dec!(0.2),
            discount_rate: dec!(0.15),
        };
        assert_only(
            &deal,
            "parties[0].contributions[0].valuation.method",
            "a technology contribution can be valued as agreed, relief_from_royalty or cost_to_recreate, not excess_earnings",
        );
    }

    #[test]
    fn distribution_cannot_use_relief_from_royalty() {
        let mut deal = minimal();
        let c = technology(&mut deal);
        c.kind = ContributionKind::Distribution;
        c.valuation = Valuation::ReliefFromRoyalty {
            royalty_rate: dec!(0.03),
            discount_rate: dec!(0.15),
        };
        assert_only(
            &deal,
            "parties[0].contributions[0].valuation.method",
            "a distribution contribution can be valued as agreed, excess_earnings or cost_to_recreate, not relief_from_royalty",
        );
    }

    #[test]
    fn valuation_inputs_are_bounded() {
        let mut deal = minimal();
        technology(&mut deal).valuation = Valuation::Agreed { value: dec!(-1) };
        assert_only(
            &deal,
            "parties[0].contributions[0].valuation.value",
            "must not be negative; it is -1",
        );

        technology(&mut deal).valuation = Valuation::Agreed {
            value: dec!(10_000_000_000_001),
        };
        assert_only(
            &deal,
            "parties[0].contributions[0].valuation.value",
            "is larger than 10,000,000,000,000, the largest amount the model handles",
        );

        technology(&mut deal).valuation = Valuation::CostToRecreate {
            cost: dec!(5),
            obsolescence: dec!(1.2),
        };
        assert_only(
            &deal,
            "parties[0].contributions[0].valuation.obsolescence",
            "must be between 0 and 1 (0 % to 100 %); it is 1.2",
        );

        technology(&mut deal).valuation = Valuation::ReliefFromRoyalty {
            royalty_rate: dec!(-0.01),
            discount_rate: dec!(0.15),
        };
        assert_only(
            &deal,
            "parties[0].contributions[0].valuation.royalty_rate",
            "must be between 0 and 1 (0 % to 100 %); it is -0.01",
        );

        technology(&mut deal).valuation = Valuation::ReliefFromRoyalty {
            royalty_rate: dec!(0.03),
            discount_rate: dec!(11),
        };
        assert_only(
            &deal,
            "parties[0].contributions[0].valuation.discount_rate",
            "must be above −0.99 (−99 %) and at most 10 (1,000 %); it is 11",
        );
    }

    #[test]
    fn assets_and_intangibles_need_a_useful_life() {
        let mut deal = minimal();
        technology(&mut deal).useful_life_years = None;
        assert_only(
            &deal,
            "parties[0].contributions[0].useful_life_years",
            "is required for a technology contribution: the years over which the JV amortises it",
        );
        technology(&mut deal).kind = ContributionKind::Asset;
        assert_only(
            &deal,
            "parties[0].contributions[0].useful_life_years",
            "is required for an asset contribution: the years over which the JV depreciates it",
        );
        technology(&mut deal).useful_life_years = Some(0);
        assert_only(
            &deal,
            "parties[0].contributions[0].useful_life_years",
            "must be at least 1 year",
        );
        technology(&mut deal).useful_life_years = Some(101);
        assert_only(
            &deal,
            "parties[0].contributions[0].useful_life_years",
            "must be at most 100 years; it is 101",
        );
        // An agreed value may have a life beyond the horizon: the asset outlives the plan.
        technology(&mut deal).useful_life_years = Some(40);
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn projected_valuations_cannot_outlive_the_horizon() {
        let mut deal = minimal();
        let c = technology(&mut deal);
        c.valuation = Valuation::ReliefFromRoyalty {
            royalty_rate: dec!(0.03),
            discount_rate: dec!(0.15),
        };
        c.useful_life_years = Some(12);
        assert_only(
            &deal,
            "parties[0].contributions[0].useful_life_years",
            "is 12 years, longer than the 10-year horizon: a relief-from-royalty valuation can only count years the plan projects",
        );
        technology(&mut deal).useful_life_years = Some(10);
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn contributions_are_made_within_the_horizon() {
        let mut deal = minimal();
        deal.parties[1].contributions[0].year = 11;
        assert_only(
            &deal,
            "parties[1].contributions[0].year",
            "is year 11, after the end of the 10-year horizon",
        );
    }

    #[test]
    fn tranches_sum_to_one() {
        let mut deal = minimal();
        technology(&mut deal).tranches = vec![tranche(dec!(0.5), 0), tranche(dec!(0.4), 2)];
        assert_only(
            &deal,
            "parties[0].contributions[0].tranches",
            "tranche shares add up to 90 %, they must add up to 100 %",
        );
        technology(&mut deal).tranches = vec![
            tranche(dec!(0.5), 0),
            tranche(dec!(0.25), 2),
            tranche(dec!(0.25), 3),
        ];
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn each_tranche_is_checked() {
        let mut deal = minimal();
        let mut bad = tranche(dec!(0), 12);
        bad.milestone = "  ".to_owned();
        technology(&mut deal).tranches = vec![tranche(dec!(1), 0), bad];
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "parties[0].contributions[0].tranches[1].share",
                    "must be above 0 and at most 1 (100 %); it is 0"
                ),
                FieldError::new(
                    "parties[0].contributions[0].tranches[1].milestone",
                    "must not be empty: name the milestone that vests this tranche"
                ),
                FieldError::new(
                    "parties[0].contributions[0].tranches[1].year",
                    "is year 12, after the end of the 10-year horizon"
                ),
            ]
        );
    }
}
