//! JV Studio's deal database: deals with immutable numbered versions and the key figures the
//! engine gave for each, drafts of unsaved work, and settings, in one SQLite file.

mod compare;
mod deals;
mod decimal_text;
mod drafts;
mod error;
mod figures;
mod open;
mod preflight;
mod settings;
mod types;
mod versions;

pub use decimal_text::DecimalText;
pub use error::StoreError;
pub use open::Store;
pub use types::{
    DealFilter, DealListItem, Draft, InputChange, PartyFigures, PartyMove, VersionDiff,
    VersionMeta, VersionRecord,
};
