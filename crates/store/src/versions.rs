//! Saved versions: append-only, numbered 1, 2, 3… per deal, each with the figures the engine
//! gave when it was saved.

use jv_engine::Deal;
use jv_engine::model::SCHEMA_VERSION;
use sqlx::{Sqlite, SqliteConnection, Transaction};

use crate::types::{PartyFigures, VersionMeta, VersionRecord};
use crate::{Store, StoreError, figures};

/// A deal ready to be written: serialized and evaluated before any lock is taken.
pub(crate) struct Prepared {
    pub name: String,
    pub market: String,
    pub json: String,
    pub figures: Option<Vec<PartyFigures>>,
}

impl Prepared {
    pub(crate) fn new(deal: &Deal) -> Result<Self, StoreError> {
        let json = serde_json::to_string(deal).map_err(|e| StoreError::InvalidDeal {
            message: format!("the deal could not be written as JSON: {e}"),
        })?;
        Ok(Prepared {
            name: deal.name.clone(),
            market: deal.market.country.clone(),
            json,
            figures: figures::compute(deal),
        })
    }
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    #[sqlx(flatten)]
    meta: VersionMeta,
    deal_json: String,
}

impl Store {
    /// Saves `deal` as the next version of `deal_id` and drops that deal's draft.
    pub async fn save_version(
        &self,
        deal_id: &str,
        deal: &Deal,
        note: Option<&str>,
    ) -> Result<VersionMeta, StoreError> {
        self.append(deal_id, &Prepared::new(deal)?, note, true)
            .await
    }

    /// Every version of a deal, newest first.
    pub async fn list_versions(&self, deal_id: &str) -> Result<Vec<VersionMeta>, StoreError> {
        let versions = sqlx::query_as::<_, VersionMeta>(
            "SELECT deal_id, number, saved_at, note, evaluated FROM versions \
             WHERE deal_id = ? ORDER BY number DESC",
        )
        .bind(deal_id)
        .fetch_all(&self.pool)
        .await?;
        // Every deal has a version 1, so nothing means no such deal.
        if versions.is_empty() {
            return Err(StoreError::not_found(format!("deal {deal_id}")));
        }
        Ok(versions)
    }

    /// One version with its deal.
    pub async fn open_version(
        &self,
        deal_id: &str,
        number: u32,
    ) -> Result<VersionRecord, StoreError> {
        let row = sqlx::query_as::<_, VersionRow>(
            "SELECT deal_id, number, saved_at, note, evaluated, deal_json FROM versions \
             WHERE deal_id = ? AND number = ?",
        )
        .bind(deal_id)
        .bind(number)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::not_found(format!("version {number} of deal {deal_id}")))?;
        record(row)
    }

    /// The newest version with its deal.
    pub async fn latest_version(&self, deal_id: &str) -> Result<VersionRecord, StoreError> {
        let row = sqlx::query_as::<_, VersionRow>(
            "SELECT deal_id, number, saved_at, note, evaluated, deal_json FROM versions \
             WHERE deal_id = ? ORDER BY number DESC LIMIT 1",
        )
        .bind(deal_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::not_found(format!("deal {deal_id}")))?;
        record(row)
    }

    /// Saves an old version again as the newest; the note defaults to where it came from.
    pub async fn restore_version(
        &self,
        deal_id: &str,
        number: u32,
        note: Option<&str>,
    ) -> Result<VersionMeta, StoreError> {
        let old = self.open_version(deal_id, number).await?;
        let default_note = format!("Restored from version {number}");
        let note = note.unwrap_or(&default_note);
        // The draft is kept: it holds edits that this save does not contain.
        self.append(deal_id, &Prepared::new(&old.deal)?, Some(note), false)
            .await
    }

    /// Appends a version in one write transaction.
    async fn append(
        &self,
        deal_id: &str,
        prepared: &Prepared,
        note: Option<&str>,
        clear_draft: bool,
    ) -> Result<VersionMeta, StoreError> {
        let mut tx = begin_write(self).await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM deals WHERE id = ?")
            .bind(deal_id)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Err(StoreError::not_found(format!("deal {deal_id}")));
        }
        let meta = insert(&mut tx, deal_id, prepared, note).await?;
        sqlx::query("UPDATE deals SET name = ?, market = ? WHERE id = ?")
            .bind(&prepared.name)
            .bind(&prepared.market)
            .bind(deal_id)
            .execute(&mut *tx)
            .await?;
        if clear_draft {
            sqlx::query("DELETE FROM drafts WHERE slot = ?")
                .bind(deal_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(meta)
    }
}

/// Starts a transaction that holds the write lock from its first statement.
///
/// A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when
/// another writer committed in between (the busy timeout does not apply); IMMEDIATE waits
/// for the lock instead, so two windows saving at once both succeed, one after the other.
pub(crate) async fn begin_write(store: &Store) -> Result<Transaction<'static, Sqlite>, StoreError> {
    Ok(store.pool.begin_with("BEGIN IMMEDIATE").await?)
}

/// Inserts the next version of a deal and its figures; call inside a write transaction.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    deal_id: &str,
    prepared: &Prepared,
    note: Option<&str>,
) -> Result<VersionMeta, StoreError> {
    // saved_at never goes backwards within a deal, even if the clock does or two saves fall
    // in the same millisecond, so "newest" by time and by number always agree.
    let meta = sqlx::query_as::<_, VersionMeta>(
        "INSERT INTO versions (deal_id, number, saved_at, note, deal_json, evaluated) \
         SELECT ?1, COALESCE(MAX(number), 0) + 1, \
                max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), \
                    COALESCE(strftime('%Y-%m-%dT%H:%M:%fZ', MAX(saved_at), '+0.001 seconds'), '')), \
                ?2, ?3, ?4 \
         FROM versions WHERE deal_id = ?1 \
         RETURNING deal_id, number, saved_at, note, evaluated",
    )
    .bind(deal_id)
    .bind(note)
    .bind(&prepared.json)
    .bind(prepared.figures.is_some())
    .fetch_one(&mut *conn)
    .await?;
    if let Some(figures) = &prepared.figures {
        figures::insert(conn, deal_id, meta.number, figures).await?;
    }
    Ok(meta)
}

fn record(row: VersionRow) -> Result<VersionRecord, StoreError> {
    let deal = parse_deal(&row.deal_json, &row.meta)?;
    Ok(VersionRecord {
        meta: row.meta,
        deal,
    })
}

/// Reads a stored deal; its own format version is checked first so a deal from a newer JV
/// Studio gets that message rather than "unknown field".
pub(crate) fn parse_deal(json: &str, meta: &VersionMeta) -> Result<Deal, StoreError> {
    let unreadable = |why: String| StoreError::InvalidDeal {
        message: format!(
            "version {} of deal {} can no longer be read as a deal: {why}",
            meta.number, meta.deal_id
        ),
    };
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| unreadable(e.to_string()))?;
    if let Some(found) = value.get("schema_version").and_then(|v| v.as_u64())
        && found > u64::from(SCHEMA_VERSION)
    {
        return Err(unreadable(format!(
            "it was saved by a newer version of JV Studio (deal format {found}, this version \
             reads {SCHEMA_VERSION}); update JV Studio"
        )));
    }
    serde_json::from_value(value).map_err(|e| unreadable(e.to_string()))
}
