//! Files the store must refuse without changing a byte: a database from a newer JV Studio,
//! another program's SQLite file, and a file that is not SQLite at all.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{kenya, raw, sidecars, temp_db};
use jv_store::{Store, StoreError};
use sqlx::Connection;

/// The file's bytes, and that no -wal or -shm file sits next to it.
fn snapshot(path: &Path) -> Vec<u8> {
    for sidecar in sidecars(path) {
        assert!(!sidecar.exists(), "{} exists", sidecar.display());
    }
    std::fs::read(path).unwrap()
}

#[tokio::test]
async fn a_database_from_a_newer_jv_studio_is_refused_untouched() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let id = store.create_deal(&kenya(), None).await.unwrap().deal_id;
    store.close().await;

    let mut conn = raw(&path).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (99990101000000, 'from the future', 1, x'00', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    let before = snapshot(&path);
    let error = Store::open(&path).await.err().unwrap();
    assert_eq!(
        error,
        StoreError::NewerDatabase {
            found: 99990101000000,
            supported: 2
        }
    );
    assert_eq!(error.code(), "newer_database");
    assert!(
        error
            .to_string()
            .contains("update JV Studio — the file was not changed")
    );
    assert_eq!(
        snapshot(&path),
        before,
        "the file is byte for byte what it was"
    );

    // Still the user's data: the newer app's rows are all there.
    let mut conn = raw(&path).await;
    let deals: Vec<String> = sqlx::query_scalar("SELECT id FROM deals")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(deals, [id]);
    conn.close().await.unwrap();
}

#[tokio::test]
async fn another_programs_sqlite_file_is_refused_untouched() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true);
    conn = conn.journal_mode(sqlx::sqlite::SqliteJournalMode::Delete);
    let mut conn = sqlx::ConnectOptions::connect(&conn).await.unwrap();
    sqlx::query("CREATE TABLE recipes (name TEXT)")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("INSERT INTO recipes VALUES ('ugali')")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    let before = snapshot(&path);
    let error = Store::open(&path).await.err().unwrap();
    assert_eq!(error.code(), "not_jv_database");
    assert_eq!(
        error.to_string(),
        format!(
            "{} is not a JV Studio database (it holds tables of another program); choose another \
             file — this one was not changed",
            path.display()
        )
    );
    assert_eq!(snapshot(&path), before);
}

#[tokio::test]
async fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "Minutes of the JV board meeting, long enough to fill an SQLite header.\n".repeat(4);
    std::fs::write(&path, &text).unwrap();

    let error = Store::open(&path).await.err().unwrap();
    assert!(
        matches!(&error, StoreError::NotJvDatabase { reason, .. } if reason == "it is not an SQLite file")
    );
    assert_eq!(snapshot(&path), text.as_bytes());

    std::fs::write(&path, "tiny").unwrap();
    assert_eq!(
        Store::open(&path).await.err().unwrap().code(),
        "not_jv_database"
    );
    assert_eq!(snapshot(&path), b"tiny");
}

#[tokio::test]
async fn an_empty_file_becomes_a_new_database() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).await.unwrap();
    store.create_deal(&kenya(), None).await.unwrap();
    assert_eq!(
        store.list_deals(&Default::default()).await.unwrap().len(),
        1
    );
    store.close().await;
}

#[tokio::test]
async fn a_database_with_a_foreign_migration_history_is_refused() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    store.close().await;
    let mut conn = raw(&path).await;
    sqlx::query("UPDATE _sqlx_migrations SET checksum = x'0102'")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    let before = snapshot(&path);
    let error = Store::open(&path).await.err().unwrap();
    assert!(
        matches!(&error, StoreError::NotJvDatabase { reason, .. } if reason == "its schema history is not JV Studio's"),
        "{error}"
    );
    assert_eq!(snapshot(&path), before);
}
