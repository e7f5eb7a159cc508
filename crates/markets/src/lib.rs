//! Market presets for JV Studio (DOMAIN.md §8): one TOML file per country in `markets/`,
//! every value with its own source and date, treaty rates by partner country and the
//! market's rules; copying a preset into a deal, and finding values older than a year.

mod apply;
mod check;
pub mod compare;
mod dates;
mod file;
mod keys;
pub mod patterns;
mod preset;
mod reading;
mod rules;
mod schema;
mod shipped;
mod stale;

pub use apply::{Applied, ApplyError, ApplyOptions, apply_preset, apply_preset_with};
pub use check::PresetProblem;
pub use file::{PresetError, parse_preset, parse_preset_file, preset_to_toml};
pub use keys::PresetEntry;
pub use preset::{
    Absent, LegalReserveValue, MarketPreset, PRESET_SCHEMA_VERSION, PresetText, PresetValue,
    PresetValues, ReferenceValues, RoyaltyCapValue, TaxIncentiveValue, Treaty, TreatyStatus,
    WithholdingValues,
};
pub use schema::preset_schema;
pub use shipped::{shipped, shipped_files, shipped_preset};
pub use stale::{STALE_AFTER_MONTHS, StaleValue, stale_values};
