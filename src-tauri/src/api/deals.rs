//! Deals and their versions: the editor's saves, the home list, history and compare.

use jv_store::{DealFilter, DealListItem, Draft, Store, VersionDiff, VersionMeta, VersionRecord};

use crate::api::deal_text::parse_for_saving;
use crate::error::AppError;

/// Saves a new deal as version 1.
pub async fn create_deal(
    store: &Store,
    deal_json: &str,
    note: Option<&str>,
) -> Result<VersionMeta, AppError> {
    let deal = parse_for_saving(deal_json)?;
    let meta = store.create_deal(&deal, note).await?;
    // The unsaved-new-deal draft has become this deal.
    store.discard_draft(None).await?;
    Ok(meta)
}

/// Saves the next version of a deal.
pub async fn save_version(
    store: &Store,
    deal_id: &str,
    deal_json: &str,
    note: Option<&str>,
) -> Result<VersionMeta, AppError> {
    let deal = parse_for_saving(deal_json)?;
    Ok(store.save_version(deal_id, &deal, note).await?)
}

/// The home list.
pub async fn list_deals(store: &Store, filter: &DealFilter) -> Result<Vec<DealListItem>, AppError> {
    Ok(store.list_deals(filter).await?)
}

/// A copy of a deal's latest version as a new deal.
pub async fn duplicate_deal(
    store: &Store,
    deal_id: &str,
    new_name: &str,
) -> Result<VersionMeta, AppError> {
    Ok(store.duplicate_deal(deal_id, new_name).await?)
}

/// Archives or restores a deal.
pub async fn set_archived(store: &Store, deal_id: &str, archived: bool) -> Result<(), AppError> {
    Ok(store.set_archived(deal_id, archived).await?)
}

/// A deal's versions, newest first.
pub async fn list_versions(store: &Store, deal_id: &str) -> Result<Vec<VersionMeta>, AppError> {
    Ok(store.list_versions(deal_id).await?)
}

/// One version, read-only.
pub async fn open_version(
    store: &Store,
    deal_id: &str,
    number: u32,
) -> Result<VersionRecord, AppError> {
    Ok(store.open_version(deal_id, number).await?)
}

/// The newest version.
pub async fn latest_version(store: &Store, deal_id: &str) -> Result<VersionRecord, AppError> {
    Ok(store.latest_version(deal_id).await?)
}

/// An old version saved again as the newest.
pub async fn restore_version(
    store: &Store,
    deal_id: &str,
    number: u32,
    note: Option<&str>,
) -> Result<VersionMeta, AppError> {
    Ok(store.restore_version(deal_id, number, note).await?)
}

/// Which inputs changed between two versions and how each party's returns moved.
pub async fn compare_versions(
    store: &Store,
    deal_id: &str,
    from: u32,
    to: u32,
) -> Result<VersionDiff, AppError> {
    Ok(store.compare_versions(deal_id, from, to).await?)
}

/// Keeps the editor's unsaved state so that a crash loses nothing.
pub async fn save_draft(
    store: &Store,
    deal_id: Option<&str>,
    deal_json: &str,
) -> Result<(), AppError> {
    Ok(store.save_draft(deal_id, deal_json).await?)
}

/// Drafts left by an earlier session, offered on start.
pub async fn drafts(store: &Store) -> Result<Vec<Draft>, AppError> {
    Ok(store.drafts().await?)
}

/// Drops a draft the user declined.
pub async fn discard_draft(store: &Store, deal_id: Option<&str>) -> Result<(), AppError> {
    Ok(store.discard_draft(deal_id).await?)
}
