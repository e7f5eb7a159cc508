//! Where a market's values came from and the rules a deal is checked against there
//! (DOMAIN.md §8). A preset fills these; the deal keeps its own copy, so a later preset
//! change never changes a saved deal silently.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The preset a market's values were copied from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PresetRef {
    /// ISO 3166-1 alpha-2 code of the preset, e.g. "KE".
    pub country: String,
    /// The preset's version, e.g. "2025-02".
    pub version: String,
}

/// The source and date of one value copied from a preset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ValueSource {
    /// The field inside `market`, e.g. `corporate_tax_rate` or `royalty_withholding.non_resident`.
    pub field: String,
    /// Where the value comes from: a URL, or a document and page.
    pub source: String,
    /// When the source stated it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub as_of: String,
}

/// Why a rule exists and where it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct RuleBasis {
    /// The rule in one sentence, e.g. "NOTAP refuses royalties and technical fees on plain
    /// CKD assembly".
    pub summary: String,
    /// Where it is written: a URL, or a document and article.
    pub source: String,
    /// When the source stated it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub as_of: String,
}

/// A market rule a deal is checked against. Rules inform; they never block the calculation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum MarketRule {
    /// Royalties and technical fees are refused for plain CKD assembly (Nigeria's NOTAP):
    /// flagged when the JV assembles kits supplied by a party and pays that party a royalty
    /// or a fee.
    TechnologyFeesRefusedOnCkd {
        /// The rule and its source.
        basis: RuleBasis,
    },
    /// A trading or distribution licence is barred or conditioned for foreign-controlled
    /// companies (Tanzania; Ghana's minimum foreign investment for trading).
    ForeignTradeLicence {
        /// The highest foreign share a trading company may have, a fraction; none when the
        /// market sets a minimum investment instead.
        #[serde(default)]
        max_foreign_share: Option<Decimal>,
        /// The least foreign parties must invest, reporting currency; none when no minimum.
        #[serde(default)]
        min_foreign_investment: Option<Decimal>,
        /// The rule and its source.
        basis: RuleBasis,
    },
    /// Foreign investment must come in as cash or goods to be registered (e.g. Nigeria's
    /// Certificate of Capital Importation), which later repatriation depends on: a foreign
    /// party contributing only technology or know-how is flagged.
    CapitalImportNeedsCashOrGoods {
        /// The rule and its source.
        basis: RuleBasis,
    },
    /// Dividends paid abroad are restricted (e.g. Argentina: only profits of fiscal years
    /// from 2025 may be paid out): flagged when a foreign party is projected to receive
    /// dividends.
    RepatriationRestricted {
        /// The rule and its source.
        basis: RuleBasis,
    },
    /// A scheduled duty change (e.g. Brazil's EV duty rising to 35 % by July 2026): shown
    /// so the user can check the deal's duty input.
    DutyChange {
        /// What the duty applies to: `kits` or `vehicles`.
        applies_to: DutyBase,
        /// The new rate, a fraction.
        rate: Decimal,
        /// When it takes effect, `YYYY-MM-DD`.
        effective: String,
        /// The rule and its source.
        basis: RuleBasis,
    },
}

/// What a duty applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DutyBase {
    /// CKD or SKD kits imported by the JV.
    Kits,
    /// Finished (CBU) vehicles: the competition local assembly replaces.
    Vehicles,
}
