//! JV Studio's deal database: deals with immutable numbered versions and the key figures the
//! engine gave for each, drafts of unsaved work, market presets and settings, in one SQLite
//! file.

mod compare;
mod deals;
mod decimal_text;
mod drafts;
mod error;
mod figures;
mod open;
mod preflight;
mod presets;
mod settings;
mod types;
mod versions;

pub use compare::diff_deals;
pub use decimal_text::DecimalText;
pub use error::StoreError;
pub use open::Store;
pub use presets::version_order;
pub use types::{
    DealFilter, DealListItem, Draft, InputChange, PartyFigures, PartyMove, PresetOrigin,
    PresetSummary, VersionDiff, VersionMeta, VersionRecord,
};
