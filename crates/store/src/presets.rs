//! Market presets in the database: the shipped ones, loaded on every start, and the user's
//! edited or created ones, which a newer shipped version is offered for but never overwrites.

use std::cmp::Ordering;

use jv_markets::MarketPreset;
use sqlx::SqliteConnection;

use crate::types::{PresetOrigin, PresetSummary};
use crate::versions::begin_write;
use crate::{Store, StoreError};

#[derive(sqlx::FromRow)]
struct PresetRow {
    country: String,
    shipped_version: Option<String>,
    shipped_json: Option<String>,
    user_json: Option<String>,
    user_saved_at: Option<String>,
    offered_version: Option<String>,
}

impl Store {
    /// Loads the presets this build ships: inserts the missing ones and updates the shipped
    /// copy where a newer version comes; a user's copy stays in use and the newer version is
    /// offered. Called on every start; an older build never downgrades a shipped copy.
    pub async fn sync_shipped_presets(&self, shipped: &[MarketPreset]) -> Result<(), StoreError> {
        // Serialized before the lock: the write transaction only compares and writes.
        let mut incoming = Vec::with_capacity(shipped.len());
        for preset in shipped {
            incoming.push((country_code(&preset.country), preset, to_json(preset)?));
        }
        let mut tx = begin_write(self).await?;
        for (country, preset, json) in &incoming {
            let row = row(&mut tx, country).await?;
            match row {
                None => {
                    sqlx::query(
                        "INSERT INTO market_presets (country, shipped_version, shipped_json) \
                         VALUES (?, ?, ?)",
                    )
                    .bind(country)
                    .bind(&preset.version)
                    .bind(json)
                    .execute(&mut *tx)
                    .await?;
                }
                Some(row) => {
                    let newer = match &row.shipped_version {
                        Some(known) => version_order(&preset.version, known) == Ordering::Greater,
                        // Until now only the user had a preset for this country.
                        None => true,
                    };
                    if newer {
                        // The user's copy stays in use; the new version is offered to them.
                        let offered = row.user_json.as_ref().map(|_| preset.version.as_str());
                        sqlx::query(
                            "UPDATE market_presets SET shipped_version = ?, shipped_json = ?, \
                             offered_version = ? WHERE country = ?",
                        )
                        .bind(&preset.version)
                        .bind(json)
                        .bind(offered)
                        .bind(country)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every preset, by country code, with the version in use and where it comes from.
    pub async fn list_presets(&self) -> Result<Vec<PresetSummary>, StoreError> {
        let rows = sqlx::query_as::<_, PresetRow>(
            "SELECT country, shipped_version, shipped_json, user_json, user_saved_at, \
                    offered_version FROM market_presets ORDER BY country",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(summary).collect()
    }

    /// The summary of one country's preset, if there is one.
    pub async fn preset_summary(&self, country: &str) -> Result<Option<PresetSummary>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        row(&mut conn, &country_code(country))
            .await?
            .as_ref()
            .map(summary)
            .transpose()
    }

    /// The preset in use for a country: the user's copy if there is one, else the shipped one.
    pub async fn preset(&self, country: &str) -> Result<Option<MarketPreset>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        row(&mut conn, &country_code(country))
            .await?
            .as_ref()
            .map(|row| in_use(row).map(|(preset, _)| preset))
            .transpose()
    }

    /// The version of the shipped preset of a country, if one was shipped.
    pub async fn shipped_preset_version(
        &self,
        country: &str,
    ) -> Result<Option<String>, StoreError> {
        let version: Option<Option<String>> =
            sqlx::query_scalar("SELECT shipped_version FROM market_presets WHERE country = ?")
                .bind(country_code(country))
                .fetch_optional(&self.pool)
                .await?;
        Ok(version.flatten())
    }

    /// Saves the user's own preset for a country (an edit of a shipped one, or a new country),
    /// after checking it against the preset file's rules; it is in use from now on.
    pub async fn save_user_preset(
        &self,
        preset: &MarketPreset,
    ) -> Result<PresetSummary, StoreError> {
        let preset = validated(preset)?;
        let country = country_code(&preset.country);
        let json = to_json(&preset)?;
        let mut tx = begin_write(self).await?;
        // An offered shipped version stays offered: saving an edit is not accepting it.
        sqlx::query(
            "INSERT INTO market_presets (country, user_version, user_json, user_saved_at) \
             VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) \
             ON CONFLICT (country) DO UPDATE SET user_version = excluded.user_version, \
                 user_json = excluded.user_json, user_saved_at = excluded.user_saved_at",
        )
        .bind(&country)
        .bind(&preset.version)
        .bind(&json)
        .execute(&mut *tx)
        .await?;
        let saved = row(&mut tx, &country).await?;
        tx.commit().await?;
        saved
            .as_ref()
            .map(summary)
            .transpose()?
            .ok_or_else(|| StoreError::not_found(format!("the preset for {country}")))
    }

    /// Drops the user's copy of a country's preset: the newest shipped one is in use again.
    pub async fn accept_shipped_preset(&self, country: &str) -> Result<PresetSummary, StoreError> {
        let country = country_code(country);
        let mut tx = begin_write(self).await?;
        let done = sqlx::query(
            "UPDATE market_presets SET user_version = NULL, user_json = NULL, \
             user_saved_at = NULL, offered_version = NULL \
             WHERE country = ? AND shipped_json IS NOT NULL",
        )
        .bind(&country)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::not_found(format!(
                "a shipped preset for {country}"
            )));
        }
        let accepted = row(&mut tx, &country).await?;
        tx.commit().await?;
        accepted
            .as_ref()
            .map(summary)
            .transpose()?
            .ok_or_else(|| StoreError::not_found(format!("a shipped preset for {country}")))
    }
}

/// How preset versions ("2025-02", "2025-10-01", "2026.1") are ordered: runs of digits by
/// their number, everything else by its text, so "2025-10" comes after "2025-9".
pub fn version_order(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (runs(a), runs(b));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (number(x), number(y)) {
                    (Some(x), Some(y)) => x.len().cmp(&y.len()).then_with(|| x.cmp(y)),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// The text split into runs of ASCII digits and runs of anything else.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digits = first.is_ascii_digit();
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

/// A run of digits without its leading zeros, or none for a run of other characters.
fn number(run: &str) -> Option<&str> {
    run.starts_with(|c: char| c.is_ascii_digit())
        .then(|| run.trim_start_matches('0'))
}

/// Country codes are kept upper case, as ISO 3166 writes them.
fn country_code(country: &str) -> String {
    country.trim().to_ascii_uppercase()
}

async fn row(conn: &mut SqliteConnection, country: &str) -> Result<Option<PresetRow>, StoreError> {
    Ok(sqlx::query_as::<_, PresetRow>(
        "SELECT country, shipped_version, shipped_json, user_json, user_saved_at, \
                offered_version FROM market_presets WHERE country = ?",
    )
    .bind(country)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The preset in use in a row and where it comes from.
fn in_use(row: &PresetRow) -> Result<(MarketPreset, PresetOrigin), StoreError> {
    let (json, origin) = match (&row.user_json, &row.shipped_json) {
        (Some(json), _) => (json, PresetOrigin::User),
        (None, Some(json)) => (json, PresetOrigin::Shipped),
        // The table's CHECK rules this out; a row without either is a damaged file.
        (None, None) => {
            return Err(StoreError::Corrupt {
                message: format!("the preset row for {} holds no preset", row.country),
            });
        }
    };
    let preset = serde_json::from_str(json).map_err(|e| StoreError::InvalidPreset {
        message: format!(
            "the stored preset for {} can no longer be read: {e}",
            row.country
        ),
    })?;
    Ok((preset, origin))
}

fn summary(row: &PresetRow) -> Result<PresetSummary, StoreError> {
    let (preset, origin) = in_use(row)?;
    Ok(PresetSummary {
        country: row.country.clone(),
        name: preset.name.clone(),
        currency: preset.currency.clone(),
        version: preset.version.clone(),
        origin,
        newer_shipped: row.offered_version.clone(),
        user_saved_at: row.user_saved_at.clone(),
    })
}

fn to_json(preset: &MarketPreset) -> Result<String, StoreError> {
    serde_json::to_string(preset).map_err(|e| StoreError::InvalidPreset {
        message: format!(
            "the preset for {} could not be written as JSON: {e}",
            preset.country
        ),
    })
}

/// The preset as the preset file's rules read it: what would be refused in a file in
/// `markets/` is refused here too.
fn validated(preset: &MarketPreset) -> Result<MarketPreset, StoreError> {
    let invalid = |e: jv_markets::PresetError| StoreError::InvalidPreset {
        message: format!("the preset for {} is not valid: {e}", preset.country),
    };
    let text = jv_markets::preset_to_toml(preset).map_err(invalid)?;
    jv_markets::parse_preset(&text).map_err(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_by_their_numbers() {
        assert_eq!(version_order("2025-10", "2025-9"), Ordering::Greater);
        assert_eq!(version_order("2025-02", "2025-2"), Ordering::Equal);
        assert_eq!(version_order("2025-02", "2025-02-01"), Ordering::Less);
        assert_eq!(version_order("2026-01", "2025-12"), Ordering::Greater);
        assert_eq!(version_order("2025-02", "2025-02"), Ordering::Equal);
        assert_eq!(version_order("2025-02b", "2025-02a"), Ordering::Greater);
        assert_eq!(version_order("", "2025"), Ordering::Less);
    }

    #[test]
    fn country_codes_are_upper_case() {
        assert_eq!(country_code(" ke "), "KE");
    }
}
