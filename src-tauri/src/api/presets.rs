//! Market presets: the market picker, applying a preset to the deal being edited with the
//! list of what it changed, the user's own presets, and the "newer preset" banner.

use jv_engine::model::PresetRef;
use jv_engine::{Deal, DealError, FieldError};
use jv_markets::{ApplyError, ApplyOptions, MarketPreset, PresetError, parse_preset};
use jv_store::{InputChange, PresetSummary, Store, diff_deals, version_order};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::api::deal_text::{parse_for_saving, to_file_text};
use crate::error::{AppError, ErrorCode};

/// The deal after a preset was applied, and what applying it did.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct AppliedPreset {
    /// The deal with the preset's values copied into its market.
    pub deal_json: String,
    /// Every input the preset changed, with its value before and after.
    pub changes: Vec<InputChange>,
    /// Market fields the preset has no value for: the deal kept its own; ask the user.
    pub unknown: Vec<String>,
    /// Market inputs removed because they described the previous market (`fx_path`).
    pub cleared: Vec<String>,
    /// Ids of the local partners now resident in the new market.
    pub moved: Vec<String>,
    /// Local-currency amounts converted to the new currency (`plan.retail_price`, …).
    pub rebased: Vec<String>,
    /// The preset that was applied.
    pub preset: PresetSummary,
}

/// Which preset a deal's market came from, against the one in use now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PresetStatus {
    /// ISO 3166-1 alpha-2 code of the preset.
    pub country: String,
    /// The preset version the deal's values were copied from.
    pub deal_version: String,
    /// The version of that country's preset in use now.
    pub current_version: String,
    /// Whether the preset in use is newer than the deal's.
    pub newer_available: bool,
}

/// Every preset for the market picker, by country code.
pub async fn market_presets(store: &Store) -> Result<Vec<PresetSummary>, AppError> {
    Ok(store.list_presets().await?)
}

/// The preset in use for a country, with every value's source and date.
pub async fn market_preset(store: &Store, country: &str) -> Result<MarketPreset, AppError> {
    store
        .preset(country)
        .await?
        .ok_or_else(|| no_preset(country))
}

/// Copies the preset in use for `country` into the deal's market and lists what changed.
/// When the currency changes, local amounts are converted at the preset's spot rate or else
/// `fx_spot` (the user's rate, local per reporting unit); with neither, `needs_fx_spot`.
pub async fn apply_market_preset(
    store: &Store,
    deal_json: &str,
    country: &str,
    fx_spot: Option<Decimal>,
) -> Result<AppliedPreset, AppError> {
    let before = parse_for_saving(deal_json)?;
    apply(store, &before, country, fx_spot).await
}

/// Applies the preset in use for `country` to a deal.
pub(crate) async fn apply(
    store: &Store,
    before: &Deal,
    country: &str,
    fx_spot: Option<Decimal>,
) -> Result<AppliedPreset, AppError> {
    let preset = market_preset(store, country).await?;
    let summary = store
        .preset_summary(country)
        .await?
        .ok_or_else(|| no_preset(country))?;
    let mut after = before.clone();
    let applied = jv_markets::apply_preset_with(&mut after, &preset, &ApplyOptions { fx_spot })
        .map_err(apply_error)?;
    Ok(AppliedPreset {
        deal_json: to_file_text(&after)?,
        changes: diff_deals(before, &after),
        unknown: applied.unknown,
        cleared: applied.cleared,
        moved: applied.moved,
        rebased: applied.rebased,
        preset: summary,
    })
}

/// A preset that cannot be applied: a missing or bad spot rate is for the user to give
/// (`needs_fx_spot`), a deal whose own rates are unusable is an invalid deal.
fn apply_error(error: ApplyError) -> AppError {
    let message = error.to_string();
    let code = match error {
        ApplyError::NeedsFxSpot { .. } | ApplyError::InvalidFxSpot { .. } => ErrorCode::NeedsFxSpot,
        ApplyError::UnusableFx { .. } => ErrorCode::InvalidDeal,
    };
    AppError {
        code,
        fields: vec![FieldError::new("market.fx_spot", message.clone())],
        message,
    }
}

/// Saves the user's own preset (an edited one, or one for a new country); a preset that
/// breaks the preset file's rules is refused with each problem at its key.
pub async fn save_market_preset(
    store: &Store,
    preset: &MarketPreset,
) -> Result<PresetSummary, AppError> {
    check(preset)?;
    Ok(store.save_user_preset(preset).await?)
}

/// The preset file's rules, with each problem at its key (`values.inflation.as_of`) so the
/// preset editor can show it under its field.
fn check(preset: &MarketPreset) -> Result<(), AppError> {
    let error = match jv_markets::preset_to_toml(preset).map(|text| parse_preset(&text)) {
        Ok(Ok(_)) => return Ok(()),
        Ok(Err(error)) | Err(error) => error,
    };
    let fields = match &error {
        PresetError::Invalid { problems, .. } => problems
            .iter()
            .map(|problem| FieldError::new(problem.key.clone(), problem.message.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let message = match &error {
        PresetError::Invalid { problems, .. } => format!(
            "the preset for {} has {} problem(s)",
            preset.country,
            problems.len()
        ),
        other => other.to_string(),
    };
    Err(AppError {
        code: ErrorCode::InvalidPreset,
        message,
        fields,
    })
}

/// Drops the user's copy: the newest shipped preset is in use again.
pub async fn accept_shipped_preset(
    store: &Store,
    country: &str,
) -> Result<PresetSummary, AppError> {
    Ok(store.accept_shipped_preset(country).await?)
}

/// Which preset the deal's market came from and whether a newer one is in use now; none
/// when the deal names no preset or there is no preset for its country any more.
pub async fn preset_status(
    store: &Store,
    deal_json: &str,
) -> Result<Option<PresetStatus>, AppError> {
    let Some(used) = preset_ref(deal_json)? else {
        return Ok(None);
    };
    let Some(current) = store.preset_summary(&used.country).await? else {
        return Ok(None);
    };
    Ok(Some(PresetStatus {
        newer_available: version_order(&current.version, &used.version).is_gt(),
        country: current.country,
        deal_version: used.version,
        current_version: current.version,
    }))
}

/// The deal's `market.preset`, read without the rest of the deal: the banner is shown while
/// the user types, when other fields may not be valid.
fn preset_ref(deal_json: &str) -> Result<Option<PresetRef>, AppError> {
    let value: serde_json::Value = serde_json::from_str(deal_json).map_err(|error| {
        AppError::from(DealError::Syntax {
            message: error.to_string(),
            line: error.line(),
            column: error.column(),
        })
    })?;
    let Some(preset) = value.pointer("/market/preset").filter(|p| !p.is_null()) else {
        return Ok(None);
    };
    serde_json::from_value(preset.clone())
        .map(Some)
        .map_err(|error| {
            AppError::new(
                ErrorCode::InvalidDeal,
                format!("market.preset is not a preset reference: {error}"),
            )
        })
}

fn no_preset(country: &str) -> AppError {
    AppError::new(
        ErrorCode::NotFound,
        format!(
            "there is no market preset for {}",
            country.trim().to_ascii_uppercase()
        ),
    )
}
