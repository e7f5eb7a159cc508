//! Governance terms the parties agree on: board seats, reserved matters, deadlock, transfer,
//! exit, non-compete and IP on termination. All optional; the memo shows only what is filled.
//! The engine does not compute with them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The governance terms of the JV, as the user enters them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// Board seats per party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub board_seats: Vec<BoardSeats>,
    /// Decisions that need every party's consent, one per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reserved_matters: Vec<String>,
    /// How a deadlock of the board is resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadlock: Option<String>,
    /// Limits on selling or pledging shares (lock-up, pre-emption, tag/drag-along).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_restrictions: Option<String>,
    /// How a party may leave (put/call options, IPO, trade sale).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_options: Option<String>,
    /// Who may not compete with the JV, where and for how long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_compete: Option<String>,
    /// What happens to the licensed technology and trademarks when the JV ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_on_termination: Option<String>,
}

impl Governance {
    /// Whether no term is filled (the file then omits the block).
    pub fn is_empty(&self) -> bool {
        self.board_seats.is_empty()
            && self.reserved_matters.is_empty()
            && [
                &self.deadlock,
                &self.transfer_restrictions,
                &self.exit_options,
                &self.non_compete,
                &self.ip_on_termination,
            ]
            .iter()
            .all(|text| text.as_deref().is_none_or(|t| t.trim().is_empty()))
    }
}

/// The seats one party appoints on the JV's board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct BoardSeats {
    /// The party's id.
    pub party: String,
    /// How many directors it appoints.
    pub seats: u32,
}
