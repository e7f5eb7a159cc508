//! What the crash writer saves as each version, so the test can predict every byte.

use jv_engine::Deal;
use rust_decimal::Decimal;

/// The deal saved as version `number` (2 and up): the seed with a marked description and a
/// dealer margin that moves, so every save also re-runs the engine with new figures.
pub fn deal_for(seed: &Deal, number: u32) -> Deal {
    let mut deal = seed.clone();
    deal.description = format!("Crash test: saved as version {number}.");
    if let Some(distribution) = deal.agreements.distribution.as_mut() {
        distribution.dealer_margin = Decimal::new(100 + i64::from(number % 50), 3);
    }
    deal
}

/// The note of version `number`.
pub fn note_for(number: u32) -> String {
    format!("crash writer save {number}")
}
