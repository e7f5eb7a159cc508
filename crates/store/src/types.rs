//! What crosses to the desktop app: plain data, decimals as strings, ids as text.

use jv_engine::Deal;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which deals to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealFilter {
    /// Case-insensitive part of the name; `%` and `_` are plain characters.
    pub search: Option<String>,
    /// False lists active deals, true lists archived ones.
    pub archived: bool,
}

/// One line of the deal list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealListItem {
    /// Deal id (uuid v4).
    pub id: String,
    /// Name in the newest version.
    pub name: String,
    /// Market country code in the newest version.
    pub market: String,
    /// Whether the deal is archived.
    pub archived: bool,
    /// When version 1 was saved (UTC, ISO 8601).
    pub created_at: String,
    /// When the newest version was saved (UTC, ISO 8601).
    pub last_saved: String,
    /// Number of the newest version.
    pub latest_version: u32,
    /// How many versions there are.
    pub version_count: u32,
    /// Key figures of the newest version; empty when it did not evaluate.
    pub figures: Vec<PartyFigures>,
}

/// One party's key figures in a saved version, as computed when it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartyFigures {
    /// Party id.
    pub party_id: String,
    /// Party name.
    pub name: String,
    /// Share of the equity at closing, percent (60 means 60 %).
    pub share_percent: Option<Decimal>,
    /// NPV, cash view, reporting currency.
    pub npv_cash: Option<Decimal>,
    /// IRR, cash view; none when there is no unique one.
    pub irr_cash: Option<Decimal>,
    /// NPV, economic view, reporting currency.
    pub npv_economic: Option<Decimal>,
    /// IRR, economic view; none when there is no unique one.
    pub irr_economic: Option<Decimal>,
}

/// A saved version without its deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VersionMeta {
    /// Deal id.
    pub deal_id: String,
    /// 1, 2, 3… per deal.
    pub number: u32,
    /// When it was saved (UTC, ISO 8601); never earlier than the version before.
    pub saved_at: String,
    /// The user's note.
    pub note: Option<String>,
    /// Whether the engine evaluated it (false: saved with validation errors, no figures).
    pub evaluated: bool,
}

/// A saved version with its deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VersionRecord {
    /// Which version.
    pub meta: VersionMeta,
    /// The deal exactly as saved.
    pub deal: Deal,
}

/// What changed between two versions of a deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VersionDiff {
    /// Deal id.
    pub deal_id: String,
    /// The older side.
    pub from: u32,
    /// The newer side.
    pub to: u32,
    /// Every changed input, in file order.
    pub inputs: Vec<InputChange>,
    /// Every party of either version with its figures on each side.
    pub parties: Vec<PartyMove>,
}

/// One changed input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InputChange {
    /// Field path as in validation errors, e.g. `parties[1].contributions[0].valuation.value`.
    pub path: String,
    /// Value before (strings unquoted, subtrees as JSON); none when absent or null.
    pub before: Option<String>,
    /// Value after (strings unquoted, subtrees as JSON); none when absent or null.
    pub after: Option<String>,
}

/// How one party's figures moved between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartyMove {
    /// Party id.
    pub party_id: String,
    /// Party name (the newer one when both versions have it).
    pub name: String,
    /// Figures in the older version; none when absent or not evaluated.
    pub before: Option<PartyFigures>,
    /// Figures in the newer version; none when absent or not evaluated.
    pub after: Option<PartyFigures>,
}

/// Unsaved editor state kept so a crash or a closed window loses nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Draft {
    /// The deal it belongs to; none for a deal never saved.
    pub deal_id: Option<String>,
    /// When it was last written (UTC, ISO 8601).
    pub saved_at: String,
    /// The editor's state as given, possibly invalid.
    pub deal_json: String,
}

/// Where the preset in use for a country comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PresetOrigin {
    /// The preset shipped with JV Studio.
    Shipped,
    /// The user's own copy (edited from a shipped one, or created for another country).
    User,
}

/// One line of the market picker: a country's preset in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresetSummary {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: String,
    /// Country name.
    pub name: String,
    /// ISO 4217 code of the local currency.
    pub currency: String,
    /// Version of the preset in use, e.g. "2025-02".
    pub version: String,
    /// Whether the preset in use is the shipped one or the user's.
    pub origin: PresetOrigin,
    /// A newer shipped version, offered over the user's copy until accepted.
    pub newer_shipped: Option<String>,
    /// When the user's copy was saved (UTC, ISO 8601); none for a shipped preset.
    pub user_saved_at: Option<String>,
}
