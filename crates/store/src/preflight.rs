//! Looking at an existing file before opening it for writing, so that a database from a
//! newer JV Studio, or a file that is not ours, is refused without a single byte changed.

use std::io::Read;
use std::path::Path;

use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use crate::StoreError;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a file that is newer than `migrator` or not a JV Studio database; a missing or
/// empty file passes (it will be created).
pub(crate) async fn check(path: &Path, migrator: &Migrator) -> Result<(), StoreError> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let foreign = |reason: &str| StoreError::NotJvDatabase {
        path: path.display().to_string(),
        reason: reason.to_owned(),
    };
    if !metadata.is_file() {
        return Err(foreign("it is not a file"));
    }
    if metadata.len() == 0 {
        return Ok(());
    }
    let mut magic = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut magic));
    if read.is_err() || &magic != SQLITE_MAGIC {
        return Err(foreign("it is not an SQLite file"));
    }

    let applied = read_applied(path).await?;
    let Some(applied) = applied else {
        return Err(foreign("it holds tables of another program"));
    };
    let supported = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    if let Some(found) = applied.iter().map(|a| a.version).max()
        && found > supported
    {
        return Err(StoreError::NewerDatabase { found, supported });
    }
    for row in &applied {
        let known = migrator.iter().find(|m| m.version == row.version);
        match known {
            Some(m) if *m.checksum == *row.checksum => {}
            _ => return Err(foreign("its schema history is not JV Studio's")),
        }
        if !row.success {
            return Err(StoreError::Corrupt {
                message: format!(
                    "the upgrade to database version {} did not finish",
                    row.version
                ),
            });
        }
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Applied {
    version: i64,
    checksum: Vec<u8>,
    success: bool,
}

/// The migrations recorded in the file: `Some(empty)` for an empty database, `None` when it
/// has tables but no migration history (another program's file).
async fn read_applied(path: &Path) -> Result<Option<Vec<Applied>>, StoreError> {
    let wal = {
        let mut name = path.as_os_str().to_owned();
        name.push("-wal");
        std::path::PathBuf::from(name)
    };
    // A read-only connection to a WAL database creates -wal and -shm files and leaves them.
    // With no -wal there is no other connection and nothing uncommitted, so the main file is
    // the whole truth and `immutable` reads it without creating anything. With a -wal (another
    // window open, or a crash) its frames must be read, so a plain read-only open is used.
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(!wal.exists());
    let mut conn = options.connect().await?;
    let result = read_history(&mut conn).await;
    conn.close().await?;
    result
}

async fn read_history(conn: &mut SqliteConnection) -> Result<Option<Vec<Applied>>, StoreError> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )
    .fetch_all(&mut *conn)
    .await?;
    if !tables.iter().any(|t| t == "_sqlx_migrations") {
        return Ok(if tables.is_empty() {
            Some(Vec::new())
        } else {
            None
        });
    }
    let applied = sqlx::query_as::<_, Applied>(
        "SELECT version, checksum, success FROM _sqlx_migrations ORDER BY version",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(applied))
}
