//! The equity split (DOMAIN.md §4): negotiated shares list every party once and sum to
//! exactly 100 %; a contribution-based split needs something contributed to divide.

use rust_decimal::Decimal;

use super::Check;
use super::bounds::{MAX_SHARES_ISSUED, grouped, percent, show};
use crate::model::{SplitMode, Valuation};

impl Check<'_> {
    pub(super) fn equity(&mut self) {
        let equity = &self.deal.equity;
        match equity.mode {
            SplitMode::Negotiated => self.negotiated_shares(),
            SplitMode::ContributionBased => {
                if !equity.shares.is_empty() {
                    self.push(
                        "equity.shares",
                        "must be empty when the split is contribution_based: each party's share follows from its contributions",
                    );
                }
                if !self.something_to_divide() {
                    self.push(
                        "equity.mode",
                        "is contribution_based, but no contribution can have a value above zero; add a contribution or negotiate the shares",
                    );
                }
            }
        }
        if equity.shares_issued == 0 || equity.shares_issued > MAX_SHARES_ISSUED {
            self.push(
                "equity.shares_issued",
                format!(
                    "must be from 1 to {} shares; it is {}",
                    grouped(&MAX_SHARES_ISSUED.to_string()),
                    equity.shares_issued
                ),
            );
        }
    }

    fn negotiated_shares(&mut self) {
        let deal = self.deal;
        let shares = &deal.equity.shares;
        let mut total = Some(Decimal::ZERO);
        for (i, entry) in shares.iter().enumerate() {
            let path = format!("equity.shares[{i}]");
            self.party_ref(&format!("{path}.party"), &entry.party);
            if shares[..i]
                .iter()
                .any(|earlier| earlier.party == entry.party)
            {
                self.push(
                    format!("{path}.party"),
                    format!("lists party \"{}\" a second time; a negotiated split lists each party once", entry.party),
                );
            }
            if entry.share < Decimal::ZERO || entry.share > Decimal::ONE {
                self.push(
                    format!("{path}.share"),
                    format!(
                        "must be between 0 and 1 (0 % to 100 %); it is {}",
                        show(entry.share)
                    ),
                );
            }
            total = total.and_then(|t| t.checked_add(entry.share));
        }
        for party in &deal.parties {
            if !party.id.is_empty() && !shares.iter().any(|s| s.party == party.id) {
                self.push(
                    "equity.shares",
                    format!(
                        "has no share for party \"{}\"; a negotiated split lists each party once",
                        party.id
                    ),
                );
            }
        }
        if let Some(total) = total
            && total != Decimal::ONE
        {
            self.push(
                "equity.shares",
                format!(
                    "shares add up to {}, they must add up to 100 %",
                    percent(total)
                ),
            );
        }
    }

    /// Whether some contribution can be worth more than zero, so that shares can be
    /// computed as value over total value. Plan-based valuations count when their rate is
    /// positive: whether the plan makes them positive is only known when evaluating.
    fn something_to_divide(&self) -> bool {
        self.deal
            .parties
            .iter()
            .flat_map(|p| &p.contributions)
            .any(|c| match c.valuation {
                Valuation::Agreed { value } => value > Decimal::ZERO,
                Valuation::CostToRecreate { cost, obsolescence } => {
                    cost > Decimal::ZERO && obsolescence < Decimal::ONE
                }
                Valuation::ReliefFromRoyalty { royalty_rate, .. } => royalty_rate > Decimal::ZERO,
                Valuation::ExcessEarnings { profit_share, .. } => profit_share > Decimal::ZERO,
            })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use rust_decimal_macros::dec;

    use super::super::test_support::{assert_only, minimal};
    use super::super::validate;
    use crate::model::{NegotiatedShare, SplitMode, Valuation};
    use crate::problem::FieldError;

    #[test]
    fn negotiated_shares_sum_to_exactly_one() {
        let mut deal = minimal();
        deal.equity.shares[1].share = dec!(0.35);
        assert_only(
            &deal,
            "equity.shares",
            "shares add up to 95 %, they must add up to 100 %",
        );
        deal.equity.shares[1].share = dec!(0.4000000001);
        assert_only(
            &deal,
            "equity.shares",
            "shares add up to 100.00000001 %, they must add up to 100 %",
        );
    }

    #[test]
    fn each_share_is_a_fraction() {
        let mut deal = minimal();
        deal.equity.shares[0].share = dec!(1.2);
        deal.equity.shares[1].share = dec!(-0.2);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "equity.shares[0].share",
                    "must be between 0 and 1 (0 % to 100 %); it is 1.2"
                ),
                FieldError::new(
                    "equity.shares[1].share",
                    "must be between 0 and 1 (0 % to 100 %); it is -0.2"
                ),
            ]
        );
    }

    #[test]
    fn negotiated_shares_list_each_party_once() {
        let mut deal = minimal();
        deal.equity.shares[1].party = "maker".to_owned();
        deal.equity.shares[0].share = dec!(0.5);
        deal.equity.shares[1].share = dec!(0.5);
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "equity.shares[1].party",
                    "lists party \"maker\" a second time; a negotiated split lists each party once"
                ),
                FieldError::new(
                    "equity.shares",
                    "has no share for party \"dealer\"; a negotiated split lists each party once"
                ),
            ]
        );
    }

    #[test]
    fn negotiated_shares_name_parties() {
        let mut deal = minimal();
        deal.equity.shares.push(NegotiatedShare {
            party: "bank".to_owned(),
            share: dec!(0),
        });
        assert_only(
            &deal,
            "equity.shares[2].party",
            "there is no party \"bank\"; the parties are maker, dealer",
        );
    }

    #[test]
    fn contribution_based_has_no_listed_shares() {
        let mut deal = minimal();
        deal.equity.mode = SplitMode::ContributionBased;
        assert_only(
            &deal,
            "equity.shares",
            "must be empty when the split is contribution_based: each party's share follows from its contributions",
        );
    }

    #[test]
    fn contribution_based_needs_a_contribution_worth_something() {
        let mut deal = minimal();
        deal.equity.mode = SplitMode::ContributionBased;
        deal.equity.shares.clear();
        assert_eq!(validate(&deal), vec![]);
        for party in &mut deal.parties {
            for c in &mut party.contributions {
                c.valuation = Valuation::Agreed { value: dec!(0) };
            }
        }
        assert_only(
            &deal,
            "equity.mode",
            "is contribution_based, but no contribution can have a value above zero; add a contribution or negotiate the shares",
        );
        deal.parties[0].contributions[0].valuation = Valuation::ReliefFromRoyalty {
            royalty_rate: dec!(0.02),
            discount_rate: dec!(0.15),
        };
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn shares_issued_is_bounded() {
        let mut deal = minimal();
        deal.equity.shares_issued = 0;
        assert_only(
            &deal,
            "equity.shares_issued",
            "must be from 1 to 1,000,000,000,000 shares; it is 0",
        );
        deal.equity.shares_issued = 1_000_000_000_001;
        assert_only(
            &deal,
            "equity.shares_issued",
            "must be from 1 to 1,000,000,000,000 shares; it is 1000000000001",
        );
    }
}
