//! What-if analysis of a deal (DOMAIN.md §7): the drivers an analysis may move, named
//! scenarios, and the tornado. Every analysis works on clones; the base deal is never edited.

pub mod drivers;
pub mod entry_modes;
pub mod fairsplit;
pub mod goalseek;
pub mod montecarlo;
pub mod sampling;
pub mod scenarios;
pub mod settings;
pub mod tornado;
