//! The presets shipped with JV Studio: every `markets/*.toml`, embedded at build time.

use std::sync::OnceLock;

use crate::file::parse_preset_file;
use crate::preset::MarketPreset;

/// Every `markets/*.toml` as (file name, text), sorted by name; `build.rs` lists the folder.
const SHIPPED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/shipped.rs"));

/// The embedded preset files as (file name, TOML text), sorted by name.
pub fn shipped_files() -> &'static [(&'static str, &'static str)] {
    SHIPPED
}

/// Every embedded preset, sorted by country code. Each file is tested to parse; one that
/// did not would be left out rather than stop the app.
pub fn shipped() -> Vec<MarketPreset> {
    static PRESETS: OnceLock<Vec<MarketPreset>> = OnceLock::new();
    PRESETS
        .get_or_init(|| {
            let mut presets: Vec<MarketPreset> = SHIPPED
                .iter()
                .filter_map(|(name, text)| parse_preset_file(&format!("markets/{name}"), text).ok())
                .collect();
            presets.sort_by(|a, b| a.country.cmp(&b.country));
            presets
        })
        .clone()
}

/// The embedded preset of a country, by its ISO 3166-1 alpha-2 code in any case.
pub fn shipped_preset(country: &str) -> Option<MarketPreset> {
    let country = country.trim().to_ascii_uppercase();
    shipped()
        .into_iter()
        .find(|preset| preset.country == country)
}
