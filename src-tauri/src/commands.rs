//! The Tauri commands: each parses its arguments, calls `api`, and returns `AppError`.
//! Keep the list in step with `build.rs` and `capabilities/main.json`.

use std::path::PathBuf;

use jv_markets::MarketPreset;
use jv_store::{
    DealFilter, DealListItem, Draft, PresetSummary, VersionDiff, VersionMeta, VersionRecord,
};
use rust_decimal::Decimal;
use tauri::State;

use jv_engine::analysis::entry_modes::EntryModes;
use jv_engine::analysis::fairsplit::FairSplit;
use jv_engine::analysis::goalseek::GoalSeek;
use jv_engine::analysis::tornado::{Metric, Tornado, View};
use jv_memo::pdf::Fonts;
use tauri::ipc::Channel;

use crate::api::analysis::{
    self, BuiltinScenarios, MonteCarloOutcome, MonteCarloProgress, ScenarioRun,
};
use crate::api::evaluate::EvaluateOutcome;
use crate::api::examples::ExampleDeal;
use crate::api::files::ImportedDeal;
use crate::api::memo::{
    self, MemoChoice, MemoFileFormat, MemoLang, MemoProgress, MemoStatus, WrittenFile,
};
use crate::api::presets::{AppliedPreset, PresetStatus};
use crate::api::settings::{AppSettings, SettingKey};
use crate::api::{deals, evaluate, examples, files, presets, settings, templates};
use crate::calendar::today;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, AppStatus};

type Result<T> = std::result::Result<T, AppError>;

/// The app's version and database.
#[tauri::command]
#[specta::specta]
pub async fn app_status(state: State<'_, AppState>) -> Result<AppStatus> {
    Ok(state.status())
}

/// Evaluates the deal being edited, with the market values older than a year.
#[tauri::command]
#[specta::specta]
pub async fn evaluate_deal(deal_json: String) -> Result<EvaluateOutcome> {
    Ok(evaluate::evaluate_deal(&deal_json, &today()))
}

/// The example deals.
#[tauri::command]
#[specta::specta]
pub async fn examples() -> Result<Vec<ExampleDeal>> {
    examples::examples()
}

/// The blank deal.
#[tauri::command]
#[specta::specta]
pub async fn blank_deal() -> Result<ExampleDeal> {
    examples::blank_deal()
}

/// The home list.
#[tauri::command]
#[specta::specta]
pub async fn list_deals(
    state: State<'_, AppState>,
    filter: DealFilter,
) -> Result<Vec<DealListItem>> {
    deals::list_deals(state.store()?, &filter).await
}

/// Saves a new deal as version 1.
#[tauri::command]
#[specta::specta]
pub async fn create_deal(
    state: State<'_, AppState>,
    deal_json: String,
    note: Option<String>,
) -> Result<VersionMeta> {
    deals::create_deal(state.store()?, &deal_json, note.as_deref()).await
}

/// Saves the next version of a deal.
#[tauri::command]
#[specta::specta]
pub async fn save_version(
    state: State<'_, AppState>,
    deal_id: String,
    deal_json: String,
    note: Option<String>,
) -> Result<VersionMeta> {
    deals::save_version(state.store()?, &deal_id, &deal_json, note.as_deref()).await
}

/// Copies a deal.
#[tauri::command]
#[specta::specta]
pub async fn duplicate_deal(
    state: State<'_, AppState>,
    deal_id: String,
    new_name: String,
) -> Result<VersionMeta> {
    deals::duplicate_deal(state.store()?, &deal_id, &new_name).await
}

/// Archives or restores a deal.
#[tauri::command]
#[specta::specta]
pub async fn set_archived(
    state: State<'_, AppState>,
    deal_id: String,
    archived: bool,
) -> Result<()> {
    deals::set_archived(state.store()?, &deal_id, archived).await
}

/// A deal's versions, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_versions(
    state: State<'_, AppState>,
    deal_id: String,
) -> Result<Vec<VersionMeta>> {
    deals::list_versions(state.store()?, &deal_id).await
}

/// One version, read-only.
#[tauri::command]
#[specta::specta]
pub async fn open_version(
    state: State<'_, AppState>,
    deal_id: String,
    number: u32,
) -> Result<VersionRecord> {
    deals::open_version(state.store()?, &deal_id, number).await
}

/// The newest version.
#[tauri::command]
#[specta::specta]
pub async fn latest_version(state: State<'_, AppState>, deal_id: String) -> Result<VersionRecord> {
    deals::latest_version(state.store()?, &deal_id).await
}

/// Saves an old version again as the newest.
#[tauri::command]
#[specta::specta]
pub async fn restore_version(
    state: State<'_, AppState>,
    deal_id: String,
    number: u32,
    note: Option<String>,
) -> Result<VersionMeta> {
    deals::restore_version(state.store()?, &deal_id, number, note.as_deref()).await
}

/// Compares two versions.
#[tauri::command]
#[specta::specta]
pub async fn compare_versions(
    state: State<'_, AppState>,
    deal_id: String,
    from: u32,
    to: u32,
) -> Result<VersionDiff> {
    deals::compare_versions(state.store()?, &deal_id, from, to).await
}

/// Keeps the editor's unsaved state.
#[tauri::command]
#[specta::specta]
pub async fn save_draft(
    state: State<'_, AppState>,
    deal_id: Option<String>,
    deal_json: String,
) -> Result<()> {
    deals::save_draft(state.store()?, deal_id.as_deref(), &deal_json).await
}

/// Drafts left by an earlier session.
#[tauri::command]
#[specta::specta]
pub async fn drafts(state: State<'_, AppState>) -> Result<Vec<Draft>> {
    deals::drafts(state.store()?).await
}

/// Drops a draft.
#[tauri::command]
#[specta::specta]
pub async fn discard_draft(state: State<'_, AppState>, deal_id: Option<String>) -> Result<()> {
    deals::discard_draft(state.store()?, deal_id.as_deref()).await
}

/// The user's preferences.
#[tauri::command]
#[specta::specta]
pub async fn settings(state: State<'_, AppState>) -> Result<AppSettings> {
    settings::settings(state.store()?).await
}

/// Changes one preference.
#[tauri::command]
#[specta::specta]
pub async fn set_setting(state: State<'_, AppState>, key: SettingKey, value: String) -> Result<()> {
    settings::set_setting(state.store()?, key, &value).await
}

/// Reads a `.jvdeal` file the user picked.
#[tauri::command]
#[specta::specta]
pub async fn import_deal_file(path: String) -> Result<ImportedDeal> {
    files::import_deal_file(&PathBuf::from(path))
}

/// The deal file the app was started with (`jv-studio deal.jvdeal`), once.
#[tauri::command]
#[specta::specta]
pub async fn startup_file(state: State<'_, AppState>) -> Result<Option<String>> {
    Ok(state
        .take_startup_file()
        .map(|path| path.display().to_string()))
}

/// Writes the deal to a `.jvdeal` file the user picked.
#[tauri::command]
#[specta::specta]
pub async fn export_deal_file(path: String, deal_json: String) -> Result<()> {
    files::export_deal_file(&PathBuf::from(path), &deal_json)
}

/// Every market preset, for the market picker.
#[tauri::command]
#[specta::specta]
pub async fn market_presets(state: State<'_, AppState>) -> Result<Vec<PresetSummary>> {
    presets::market_presets(state.store()?).await
}

/// The preset in use for a country, with its sources and dates.
#[tauri::command]
#[specta::specta]
pub async fn market_preset(state: State<'_, AppState>, country: String) -> Result<MarketPreset> {
    presets::market_preset(state.store()?, &country).await
}

/// Applies a country's preset to the deal being edited and lists what changed; `fx_spot` is
/// the user's rate for a new currency the preset has no spot rate for.
#[tauri::command]
#[specta::specta]
pub async fn apply_market_preset(
    state: State<'_, AppState>,
    deal_json: String,
    country: String,
    fx_spot: Option<Decimal>,
) -> Result<AppliedPreset> {
    presets::apply_market_preset(state.store()?, &deal_json, &country, fx_spot).await
}

/// Saves the user's own preset (edited, or for a new country).
#[tauri::command]
#[specta::specta]
pub async fn save_market_preset(
    state: State<'_, AppState>,
    preset: MarketPreset,
) -> Result<PresetSummary> {
    presets::save_market_preset(state.store()?, &preset).await
}

/// Drops the user's copy of a preset and uses the newest shipped one.
#[tauri::command]
#[specta::specta]
pub async fn accept_shipped_preset(
    state: State<'_, AppState>,
    country: String,
) -> Result<PresetSummary> {
    presets::accept_shipped_preset(state.store()?, &country).await
}

/// Which preset the deal's market came from, and whether a newer one is in use.
#[tauri::command]
#[specta::specta]
pub async fn preset_status(
    state: State<'_, AppState>,
    deal_json: String,
) -> Result<Option<PresetStatus>> {
    presets::preset_status(state.store()?, &deal_json).await
}

/// The deal templates "New deal" offers.
#[tauri::command]
#[specta::specta]
pub async fn templates() -> Result<Vec<ExampleDeal>> {
    templates::templates()
}

/// A new deal from a template with a country's preset applied (`fx_spot` as above).
#[tauri::command]
#[specta::specta]
pub async fn new_deal_from_template(
    state: State<'_, AppState>,
    template_id: String,
    country: String,
    fx_spot: Option<Decimal>,
) -> Result<ExampleDeal> {
    templates::new_deal_from_template(state.store()?, &template_id, &country, fx_spot).await
}

/// The base case and the deal's scenarios (or the built-in ones).
#[tauri::command]
#[specta::specta]
pub async fn run_scenarios(deal_json: String, builtin: bool) -> Result<ScenarioRun> {
    analysis::run_scenarios(&deal_json, builtin)
}

/// The built-in scenarios a user may add to this deal, and those that do not apply.
#[tauri::command]
#[specta::specta]
pub async fn builtin_scenarios(deal_json: String) -> Result<BuiltinScenarios> {
    analysis::builtin_scenarios(&deal_json)
}

/// One party's metric over every driver at ±20 %, widest swing first.
#[tauri::command]
#[specta::specta]
pub async fn tornado(
    deal_json: String,
    party: String,
    metric: Metric,
    view: View,
) -> Result<Tornado> {
    analysis::tornado(&deal_json, &party, metric, view)
}

/// The value of one input that makes a party's metric hit `target` (a decimal).
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn goal_seek(
    deal_json: String,
    input: String,
    party: String,
    metric: Metric,
    view: View,
    target: String,
    low: Option<String>,
    high: Option<String>,
) -> Result<GoalSeek> {
    analysis::goal_seek(
        &deal_json,
        &input,
        &party,
        metric,
        view,
        &target,
        low.as_deref(),
        high.as_deref(),
    )
}

/// The fair split and the share-against-royalty curve.
#[tauri::command]
#[specta::specta]
pub async fn fair_split(deal_json: String) -> Result<FairSplit> {
    analysis::fair_split(&deal_json)
}

/// The deal on several market presets side by side.
#[tauri::command]
#[specta::specta]
pub async fn compare_markets(
    deal_json: String,
    countries: Vec<String>,
    fx_spots: Vec<analysis::MarketSpot>,
) -> Result<analysis::MarketComparison> {
    analysis::compare_markets(&deal_json, &countries, &fx_spots)
}

/// The manufacturer's entry modes side by side.
#[tauri::command]
#[specta::specta]
pub async fn compare_entry_modes(deal_json: String) -> Result<EntryModes> {
    analysis::compare_entry_modes(&deal_json)
}

/// The deal's drivers with their default distributions, and its default Monte Carlo spec.
#[tauri::command]
#[specta::specta]
pub async fn analysis_drivers(deal_json: String) -> Result<analysis::AnalysisDrivers> {
    analysis::analysis_drivers(&deal_json)
}

/// Simulates the deal on a background thread, reporting progress on `on_progress`. One run
/// at a time: a second one while one is running is refused.
#[tauri::command]
#[specta::specta]
pub async fn monte_carlo(
    state: State<'_, AppState>,
    deal_json: String,
    iterations: u32,
    seed: u32,
    on_progress: Channel<MonteCarloProgress>,
) -> Result<MonteCarloOutcome> {
    let run = state.monte_carlo().start()?;
    tauri::async_runtime::spawn_blocking(move || {
        analysis::monte_carlo(
            &deal_json,
            iterations,
            seed,
            analysis::MONTE_CARLO_THREADS,
            run.cancel_flag(),
            |progress| {
                // A closed window drops the channel; the run still finishes or is cancelled.
                let _ = on_progress.send(progress);
            },
        )
    })
    .await
    .map_err(|error| {
        AppError::new(
            ErrorCode::Internal,
            format!("the simulation failed: {error}"),
        )
    })?
}

/// Stops the running simulation; `false` when none was running.
#[tauri::command]
#[specta::specta]
pub async fn cancel_monte_carlo(state: State<'_, AppState>) -> Result<bool> {
    Ok(state.monte_carlo().cancel())
}

/// The memo's pages as SVG for the preview, set on a background thread with its stages
/// reported on `on_progress`. The date is today unless given.
#[tauri::command]
#[specta::specta]
pub async fn memo_preview(
    state: State<'_, AppState>,
    deal_json: String,
    lang: MemoLang,
    status: MemoStatus,
    date: Option<String>,
    on_progress: Channel<MemoProgress>,
) -> Result<Vec<String>> {
    let fonts = state.memo_fonts();
    let date = date.unwrap_or_else(today);
    in_background(move || {
        let choice = MemoChoice {
            lang,
            status,
            date: &date,
        };
        let fonts = fonts.get_or_init(Fonts::system);
        memo::memo_preview(&deal_json, choice, fonts, |progress| {
            // A closed window drops the channel; the work still finishes.
            let _ = on_progress.send(progress);
        })
    })
    .await
}

/// Writes the memo in `format` to `path` on a background thread, reporting its stages.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn export_memo(
    state: State<'_, AppState>,
    deal_json: String,
    lang: MemoLang,
    status: MemoStatus,
    format: MemoFileFormat,
    path: String,
    date: Option<String>,
    on_progress: Channel<MemoProgress>,
) -> Result<WrittenFile> {
    let fonts = state.memo_fonts();
    let date = date.unwrap_or_else(today);
    in_background(move || {
        let choice = MemoChoice {
            lang,
            status,
            date: &date,
        };
        let fonts = fonts.get_or_init(Fonts::system);
        memo::export_memo(
            &deal_json,
            choice,
            format,
            &PathBuf::from(path),
            fonts,
            |progress| {
                let _ = on_progress.send(progress);
            },
        )
    })
    .await
}

/// Writes the Excel model to `path` on a background thread, reporting its stages.
#[tauri::command]
#[specta::specta]
pub async fn export_xlsx(
    deal_json: String,
    path: String,
    on_progress: Channel<MemoProgress>,
) -> Result<WrittenFile> {
    in_background(move || {
        memo::export_xlsx(&deal_json, &PathBuf::from(path), |progress| {
            let _ = on_progress.send(progress);
        })
    })
    .await
}

/// Runs slow memo work off the async runtime, so the window never waits on Typst.
async fn in_background<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|error| {
            AppError::new(ErrorCode::MemoFailed, format!("the memo failed: {error}"))
        })?
}
