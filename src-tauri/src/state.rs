//! What the app holds while it runs: the database, or why it could not be opened.

use std::path::{Path, PathBuf};

use jv_store::Store;
use serde::Serialize;

use crate::error::{AppError, ErrorCode};

/// The environment variable that points the app at another database file (tests, demos).
pub const DATABASE_ENV: &str = "JV_STUDIO_DB";

/// The database file: `$JV_STUDIO_DB` if set, else `jv-studio.db` in the app-data folder.
pub fn database_path(app_data_dir: &Path) -> PathBuf {
    match std::env::var_os(DATABASE_ENV) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => app_data_dir.join("jv-studio.db"),
    }
}

/// The app's shared state.
pub struct AppState {
    path: PathBuf,
    store: Result<Store, AppError>,
}

/// Facts the UI needs before anything else.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct AppStatus {
    /// The app's version.
    pub version: String,
    /// Where the deals are kept.
    pub database_path: String,
    /// Why the database could not be opened, if it could not.
    pub database_error: Option<AppError>,
}

impl AppState {
    /// Opens (or creates) the database at `path`; a failure is kept and shown, not fatal.
    pub async fn open(path: PathBuf) -> Self {
        let store = Store::open(&path).await.map_err(AppError::from);
        Self { path, store }
    }

    /// The store, or the reason there is none.
    pub fn store(&self) -> Result<&Store, AppError> {
        self.store.as_ref().map_err(|error| AppError {
            code: match error.code {
                ErrorCode::NewerDatabase => ErrorCode::NewerDatabase,
                _ => ErrorCode::DatabaseUnavailable,
            },
            message: error.message.clone(),
            fields: Vec::new(),
        })
    }

    /// The status line for the UI.
    pub fn status(&self) -> AppStatus {
        AppStatus {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database_path: self.path.display().to_string(),
            database_error: self.store.as_ref().err().cloned(),
        }
    }
}
