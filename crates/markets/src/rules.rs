//! The market rules of a preset: the engine's `MarketRule`, in exactly its file shape.

use jv_engine::model::{MarketRule, RuleBasis};

/// A rule's `kind` as the file writes it, and its basis.
pub(crate) fn describe(rule: &MarketRule) -> (&'static str, &RuleBasis) {
    match rule {
        MarketRule::TechnologyFeesRefusedOnCkd { basis } => {
            ("technology_fees_refused_on_ckd", basis)
        }
        MarketRule::ForeignTradeLicence { basis, .. } => ("foreign_trade_licence", basis),
        MarketRule::CapitalImportNeedsCashOrGoods { basis } => {
            ("capital_import_needs_cash_or_goods", basis)
        }
        MarketRule::RepatriationRestricted { basis } => ("repatriation_restricted", basis),
        MarketRule::DutyChange { basis, .. } => ("duty_change", basis),
    }
}
