//! The deal as the user enters it: the types of the `.jvdeal` file.
//!
//! Amounts and rates are decimal strings in the file. Rates are fractions: `"0.25"` is 25 %.

mod agreements;
mod deal;
mod exit;
mod governance;
mod market;
mod party;
mod plan;
mod rules;

pub use agreements::{Agreements, Distribution, KitSupply, Licence};
pub use deal::{Deal, Equity, Financing, Loan, NegotiatedShare, SCHEMA_VERSION, SplitMode};
pub use exit::Exit;
pub use governance::{BoardSeats, Governance};
pub use market::{
    LegalReserve, Market, RoyaltyCap, RoyaltyCapKind, TaxIncentive, TreatyRate, Withholding,
};
pub use party::{Contribution, ContributionKind, Party, Role, Tranche, Valuation};
pub use plan::{CapexItem, Plan, Units, WorkingCapital};
pub use rules::{DutyBase, MarketRule, PresetRef, RuleBasis, ValueSource};
