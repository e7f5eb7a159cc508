//! Drafts: the editor's unsaved state, one per deal plus one for a deal never saved.

use crate::types::Draft;
use crate::{Store, StoreError};

/// The slot of a deal's draft; '' holds the draft of a deal that was never saved.
fn slot(deal_id: Option<&str>) -> &str {
    deal_id.unwrap_or("")
}

impl Store {
    /// Writes (or replaces) the draft of a deal, or of the new deal when `deal_id` is none.
    pub async fn save_draft(
        &self,
        deal_id: Option<&str>,
        deal_json: &str,
    ) -> Result<(), StoreError> {
        if let Some(id) = deal_id {
            let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM deals WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            if exists.is_none() {
                return Err(StoreError::not_found(format!("deal {id}")));
            }
        }
        sqlx::query(
            "INSERT INTO drafts (slot, deal_id, saved_at, deal_json) \
             VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?) \
             ON CONFLICT (slot) DO UPDATE SET saved_at = excluded.saved_at, \
                                              deal_json = excluded.deal_json",
        )
        .bind(slot(deal_id))
        .bind(deal_id)
        .bind(deal_json)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every draft, most recently written first.
    pub async fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        Ok(sqlx::query_as::<_, Draft>(
            "SELECT deal_id, saved_at, deal_json FROM drafts ORDER BY saved_at DESC, slot",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Deletes a draft; no draft is not an error.
    pub async fn discard_draft(&self, deal_id: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM drafts WHERE slot = ?")
            .bind(slot(deal_id))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
