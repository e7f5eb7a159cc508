//! Shared helpers of the store's integration tests: real deals and temporary databases.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use jv_engine::Deal;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, SqliteConnection};
use tempfile::TempDir;

pub const KENYA: &str = include_str!("../../../../examples/kenya-e3w-ckd.jvdeal");
pub const BRAZIL: &str = include_str!("../../../../examples/brazil-negotiated-60-40.jvdeal");
pub const NIGERIA: &str = include_str!("../../../../examples/nigeria-dealer-diluted.jvdeal");

pub fn deal(text: &str) -> Deal {
    jv_engine::read_deal(text).expect("example deal reads")
}

pub fn kenya() -> Deal {
    deal(KENYA)
}

/// A fresh folder and the path of a database file inside a sub-folder that does not exist yet.
pub fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("deals.sqlite");
    (dir, path)
}

/// A connection that bypasses the store, as another program would open the file.
pub async fn raw(path: &Path) -> SqliteConnection {
    SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .unwrap()
}

/// The -wal and -shm files next to a database.
pub fn sidecars(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}
