//! Governance terms: board seats name a party of the deal, once each.

use super::Check;

/// Longest governance text kept, in characters: a clause, not a contract.
pub const MAX_GOVERNANCE_TEXT: usize = 4000;

impl Check<'_> {
    pub(super) fn governance(&mut self) {
        let governance = &self.deal.governance;
        for (i, seats) in governance.board_seats.iter().enumerate() {
            if !self.deal.parties.iter().any(|p| p.id == seats.party) {
                self.push(
                    format!("governance.board_seats[{i}].party"),
                    format!("`{}` is not a party of this deal", seats.party),
                );
            } else if governance.board_seats[..i]
                .iter()
                .any(|earlier| earlier.party == seats.party)
            {
                self.push(
                    format!("governance.board_seats[{i}].party"),
                    format!("`{}` already has board seats above", seats.party),
                );
            }
        }
        let texts = [
            ("deadlock", &governance.deadlock),
            ("transfer_restrictions", &governance.transfer_restrictions),
            ("exit_options", &governance.exit_options),
            ("non_compete", &governance.non_compete),
            ("ip_on_termination", &governance.ip_on_termination),
        ];
        for (name, text) in texts {
            if text.as_deref().is_some_and(too_long) {
                self.push(format!("governance.{name}"), long_message());
            }
        }
        for (i, matter) in governance.reserved_matters.iter().enumerate() {
            if too_long(matter) {
                self.push(format!("governance.reserved_matters[{i}]"), long_message());
            }
        }
    }
}

fn too_long(text: &str) -> bool {
    text.chars().count() > MAX_GOVERNANCE_TEXT
}

fn long_message() -> String {
    format!(
        "must be at most {MAX_GOVERNANCE_TEXT} characters; shorten it or keep the detail in the agreement"
    )
}
