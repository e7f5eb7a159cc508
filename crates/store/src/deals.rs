//! Deals: creating, listing, duplicating and archiving them.

use std::collections::HashMap;

use jv_engine::Deal;

use crate::figures::FigureRow;
use crate::types::{DealFilter, DealListItem, PartyFigures, VersionMeta};
use crate::versions::{Prepared, begin_write, insert};
use crate::{Store, StoreError};

#[derive(sqlx::FromRow)]
struct DealRow {
    id: String,
    name: String,
    market: String,
    archived: bool,
    created_at: String,
    last_saved: String,
    latest_version: u32,
    version_count: u32,
}

impl Store {
    /// Saves a new deal as its version 1; drafts are left to the caller.
    pub async fn create_deal(
        &self,
        deal: &Deal,
        note: Option<&str>,
    ) -> Result<VersionMeta, StoreError> {
        // A new deal may come from an import or a duplicate as well as from the new-deal
        // draft, so discarding that draft is the caller's call (`discard_draft(None)`).
        self.create(&Prepared::new(deal)?, note).await
    }

    /// Deals, newest saved first, with the figures of their newest version.
    pub async fn list_deals(&self, filter: &DealFilter) -> Result<Vec<DealListItem>, StoreError> {
        // One read transaction: the rows and the figures come from the same snapshot.
        let mut tx = self.pool.begin().await?;
        let rows = sqlx::query_as::<_, DealRow>(
            "SELECT d.id, d.name, d.market, d.archived, d.created_at, \
                    v.saved_at AS last_saved, v.number AS latest_version, \
                    (SELECT COUNT(*) FROM versions c WHERE c.deal_id = d.id) AS version_count \
             FROM deals d \
             JOIN versions v ON v.deal_id = d.id \
              AND v.number = (SELECT MAX(m.number) FROM versions m WHERE m.deal_id = d.id) \
             WHERE d.archived = ? \
             ORDER BY v.saved_at DESC, d.created_at DESC, d.id",
        )
        .bind(filter.archived)
        .fetch_all(&mut *tx)
        .await?;
        let figures = sqlx::query_as::<_, FigureRow>(
            "SELECT f.deal_id, f.party_id, f.party_name, f.share_percent, f.npv_cash, \
                    f.irr_cash, f.npv_economic, f.irr_economic \
             FROM version_figures f JOIN deals d ON d.id = f.deal_id \
             WHERE d.archived = ? \
               AND f.number = (SELECT MAX(m.number) FROM versions m WHERE m.deal_id = f.deal_id) \
             ORDER BY f.deal_id, f.ordinal",
        )
        .bind(filter.archived)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;

        let mut by_deal: HashMap<String, Vec<PartyFigures>> = HashMap::new();
        for row in figures {
            by_deal
                .entry(row.deal_id.clone())
                .or_default()
                .push(row.into());
        }
        let needle = filter
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase);
        Ok(rows
            .into_iter()
            .filter(|row| match &needle {
                Some(needle) => row.name.to_lowercase().contains(needle.as_str()),
                None => true,
            })
            .map(|row| DealListItem {
                figures: by_deal.remove(&row.id).unwrap_or_default(),
                id: row.id,
                name: row.name,
                market: row.market,
                archived: row.archived,
                created_at: row.created_at,
                last_saved: row.last_saved,
                latest_version: row.latest_version,
                version_count: row.version_count,
            })
            .collect())
    }

    /// A new deal whose version 1 is the newest version of `deal_id` under `new_name`.
    pub async fn duplicate_deal(
        &self,
        deal_id: &str,
        new_name: &str,
    ) -> Result<VersionMeta, StoreError> {
        let source = self.latest_version(deal_id).await?;
        let note = format!(
            "Copy of “{}”, version {}",
            source.deal.name, source.meta.number
        );
        let mut deal = source.deal;
        deal.name = new_name.to_owned();
        self.create(&Prepared::new(&deal)?, Some(&note)).await
    }

    /// Moves a deal to the archived list or back.
    pub async fn set_archived(&self, deal_id: &str, archived: bool) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE deals SET archived = ? WHERE id = ?")
            .bind(archived)
            .bind(deal_id)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::not_found(format!("deal {deal_id}")));
        }
        Ok(())
    }

    async fn create(
        &self,
        prepared: &Prepared,
        note: Option<&str>,
    ) -> Result<VersionMeta, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let mut tx = begin_write(self).await?;
        sqlx::query(
            "INSERT INTO deals (id, name, market, archived, created_at) \
             VALUES (?, ?, ?, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        )
        .bind(&id)
        .bind(&prepared.name)
        .bind(&prepared.market)
        .execute(&mut *tx)
        .await?;
        let meta = insert(&mut tx, &id, prepared, note).await?;
        // The deal was created when its first version was saved: one instant, not two.
        sqlx::query("UPDATE deals SET created_at = ? WHERE id = ?")
            .bind(&meta.saved_at)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(meta)
    }
}
