//! Reads the root `tauri.conf.json` and lists the app's commands so that only the
//! capabilities in `capabilities/` can allow them.

/// Every command the UI may call; keep in step with `src/commands.rs`.
const COMMANDS: &[&str] = &[
    "app_status",
    "evaluate_deal",
    "examples",
    "blank_deal",
    "list_deals",
    "create_deal",
    "save_version",
    "duplicate_deal",
    "set_archived",
    "list_versions",
    "open_version",
    "latest_version",
    "restore_version",
    "compare_versions",
    "save_draft",
    "drafts",
    "discard_draft",
    "settings",
    "set_setting",
    "startup_file",
    "import_deal_file",
    "export_deal_file",
    "market_presets",
    "market_preset",
    "apply_market_preset",
    "save_market_preset",
    "accept_shipped_preset",
    "preset_status",
    "templates",
    "new_deal_from_template",
    "run_scenarios",
    "builtin_scenarios",
    "tornado",
    "goal_seek",
    "fair_split",
    "compare_markets",
    "compare_entry_modes",
    "analysis_drivers",
    "monte_carlo",
    "cancel_monte_carlo",
    "memo_preview",
    "export_memo",
    "export_xlsx",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        // A build script reports failure by exiting non-zero with the reason on stderr.
        eprintln!("tauri build step failed: {error:#}");
        std::process::exit(1);
    }
}
