//! The bodies of the app's commands, written against the store and the engine only, so a
//! test can call every one of them on a temporary database without a window.

pub mod analysis;
pub mod deal_text;
pub mod deals;
pub mod evaluate;
pub mod examples;
pub mod files;
pub mod memo;
pub mod presets;
pub mod settings;
pub mod templates;
