//! Opening the database file: pragmas, migrations, and the pool the rest of the store uses.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions, SqliteSynchronous};

use crate::StoreError;
use crate::preflight;

pub(crate) static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// How long a writer waits for another one (another window or process) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The deal database; cheap to clone, all clones share one connection pool.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    path: Arc<PathBuf>,
}

impl Store {
    /// Opens (creating it and its folders if missing) and migrates the database at `path`.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            // Once at start-up; not worth a blocking-pool hop.
            std::fs::create_dir_all(parent)?;
        }
        // Before anything that could write: WAL mode and migrations both change the file.
        preflight::check(path, &MIGRATOR).await?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            // FULL: WAL is fsynced at every commit, so a saved version also survives a power
            // cut, not only a crash; saves are human-paced, the extra fsync is not felt.
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        if let Err(error) = prepare(&pool).await {
            pool.close().await;
            return Err(error);
        }
        Ok(Store {
            pool,
            path: Arc::new(path.to_path_buf()),
        })
    }

    /// The database file as given to [`Store::open`].
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection (checkpointing the WAL); later calls fail.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Switches the file to WAL and brings its schema up to date.
async fn prepare(pool: &SqlitePool) -> Result<(), StoreError> {
    wal(pool).await?;
    // Inside one IMMEDIATE transaction (sqlx's own per-migration transactions become
    // savepoints): a second app opening a new file at the same moment waits, then finds the
    // schema in place, instead of both creating the tables and one failing.
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    MIGRATOR.run(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets WAL, the mode that lets readers and one writer work at once; it is stored in the file.
///
/// Switching needs an exclusive lock that SQLite does not wait for (the busy timeout does not
/// apply), so a second app opening a new file at the same moment retries here for a while.
async fn wal(pool: &SqlitePool) -> Result<(), StoreError> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        let outcome: Result<String, StoreError> = sqlx::query_scalar("PRAGMA journal_mode = WAL")
            .fetch_one(pool)
            .await
            .map_err(StoreError::from);
        let retry = match outcome {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(mode) => StoreError::Database {
                message: format!("the file stays in journal mode {mode} instead of WAL"),
            },
            Err(error @ StoreError::Busy { .. }) => error,
            Err(error) => return Err(error),
        };
        if Instant::now() >= deadline {
            return Err(retry);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// Per-connection settings can only be seen from the store's own pool.
    #[tokio::test]
    async fn every_connection_has_wal_foreign_keys_full_sync_and_a_busy_timeout() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("deals.sqlite")).await.unwrap();
        // Hold several connections at once so the check covers more than the first one.
        let mut conns = Vec::new();
        for _ in 0..3 {
            conns.push(store.pool.acquire().await.unwrap());
        }
        for conn in &mut conns {
            let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            assert_eq!(
                (journal.as_str(), foreign_keys, synchronous, busy),
                ("wal", 1, 2, 5000)
            );
        }
        drop(conns);
        store.close().await;
    }

    #[tokio::test]
    async fn the_schema_is_the_embedded_migrations() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("deals.sqlite")).await.unwrap();
        let tables: Vec<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .fetch_all(&store.pool)
                .await
                .unwrap();
        assert_eq!(
            tables,
            [
                "_sqlx_migrations",
                "deals",
                "drafts",
                "market_presets",
                "settings",
                "version_figures",
                "versions"
            ]
        );
        let versions: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations")
            .fetch_all(&store.pool)
            .await
            .unwrap();
        assert_eq!(versions, [1, 2]);
        store.close().await;
    }
}
