//! The typed command list shared by the app and the TypeScript generator.

use specta_typescript::Typescript;
use tauri_specta::{Builder, collect_commands};

use crate::commands;

/// Where the generated TypeScript lives, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

/// Every command, typed.
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::app_status,
            commands::evaluate_deal,
            commands::examples,
            commands::blank_deal,
            commands::list_deals,
            commands::create_deal,
            commands::save_version,
            commands::duplicate_deal,
            commands::set_archived,
            commands::list_versions,
            commands::open_version,
            commands::latest_version,
            commands::restore_version,
            commands::compare_versions,
            commands::save_draft,
            commands::drafts,
            commands::discard_draft,
            commands::settings,
            commands::set_setting,
            commands::startup_file,
            commands::import_deal_file,
            commands::export_deal_file,
            commands::market_presets,
            commands::market_preset,
            commands::apply_market_preset,
            commands::save_market_preset,
            commands::accept_shipped_preset,
            commands::preset_status,
            commands::templates,
            commands::new_deal_from_template,
            commands::run_scenarios,
            commands::builtin_scenarios,
            commands::tornado,
            commands::goal_seek,
            commands::fair_split,
            commands::compare_markets,
            commands::compare_entry_modes,
            commands::analysis_drivers,
            commands::monte_carlo,
            commands::cancel_monte_carlo,
            commands::memo_preview,
            commands::export_memo,
            commands::export_xlsx,
        ])
        // Share counts (u64) stay far below 2^53, so they are exact as JavaScript numbers.
        .dangerously_cast_bigints_to_number()
        // One type per Rust type: the UI reads and writes the same shapes.
        .disable_serde_phases()
}

/// The TypeScript exporter's settings.
pub fn typescript() -> Typescript {
    Typescript::default().header("// Generated from Rust by tauri-specta: do not edit.\n// Regenerate with `./x generate`.\n")
}
