//! The age of a deal's market values: which sources are older than a year.

use jv_engine::model::Market;
use serde::{Deserialize, Serialize};

use crate::dates::{self, months_between};

/// Values are marked once their source is more than this many months old.
pub const STALE_AFTER_MONTHS: u32 = 12;

/// A market value whose source is more than [`STALE_AFTER_MONTHS`] old.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StaleValue {
    /// The market field, as in `provenance` (e.g. `corporate_tax_rate`).
    pub field: String,
    /// When its source stated it.
    pub as_of: String,
    /// Whole months from `as_of` to today.
    pub months_old: u32,
}

/// The provenance entries of `market` whose source is more than 12 months older than
/// `today` (`YYYY-MM-DD`). A month or a year counts from its first day, so "2025" is as old
/// as 2025-01-01. Entries with a date that does not read are skipped.
pub fn stale_values(market: &Market, today: &str) -> Vec<StaleValue> {
    let Some(today) = dates::start(today) else {
        return Vec::new();
    };
    market
        .provenance
        .iter()
        .filter_map(|value| {
            let from = dates::start(&value.as_of)?;
            let limit = (from.0 + STALE_AFTER_MONTHS / 12, from.1, from.2);
            if today <= limit {
                return None;
            }
            Some(StaleValue {
                field: value.field.clone(),
                as_of: value.as_of.clone(),
                months_old: months_between(from, today)?,
            })
        })
        .collect()
}
