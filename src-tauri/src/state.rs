//! What the app holds while it runs: the database, or why it could not be opened.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use jv_memo::pdf::Fonts;

use jv_store::{Store, StoreError};
use serde::Serialize;

use crate::api::analysis::MonteCarloControl;
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
    startup_file: Mutex<Option<PathBuf>>,
    monte_carlo: Arc<MonteCarloControl>,
    fonts: Arc<OnceLock<Fonts>>,
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
    /// Opens (or creates) the database at `path` and loads the shipped market presets into
    /// it; a failure is kept and shown, not fatal.
    pub async fn open(path: PathBuf) -> Self {
        let store = open_store(&path).await.map_err(AppError::from);
        Self {
            path,
            store,
            startup_file: Mutex::new(None),
            monte_carlo: Arc::default(),
            fonts: Arc::default(),
        }
    }

    /// Remembers the deal file the app was started with (`jv-studio deal.jvdeal`).
    pub fn with_startup_file(self, file: Option<PathBuf>) -> Self {
        Self {
            startup_file: Mutex::new(file),
            ..self
        }
    }

    /// The deal file the app was started with, given out once so a reload does not
    /// import it again.
    pub fn take_startup_file(&self) -> Option<PathBuf> {
        match self.startup_file.lock() {
            Ok(mut file) => file.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }

    /// The app's one Monte Carlo run.
    pub fn monte_carlo(&self) -> Arc<MonteCarloControl> {
        Arc::clone(&self.monte_carlo)
    }

    /// The fonts the memo is set in, scanned from the system on first use (on the caller's
    /// thread, so call it from a blocking one).
    pub fn memo_fonts(&self) -> Arc<OnceLock<Fonts>> {
        Arc::clone(&self.fonts)
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

/// Opens the store and brings its shipped presets up to this build's: new countries and newer
/// versions come in, the user's own presets stay in use.
async fn open_store(path: &Path) -> Result<Store, StoreError> {
    let store = Store::open(path).await?;
    if let Err(error) = store.sync_shipped_presets(&jv_markets::shipped()).await {
        store.close().await;
        return Err(error);
    }
    Ok(store)
}

/// The first command-line argument that is not an option: a deal file to open.
pub fn startup_file(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<PathBuf> {
    args.into_iter()
        .skip(1)
        .find(|arg| !arg.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_startup_file_is_the_first_argument_that_is_not_an_option() {
        let args = ["jv-studio", "--verbose", "deal.jvdeal", "other.jvdeal"].map(Into::into);
        assert_eq!(startup_file(args), Some(PathBuf::from("deal.jvdeal")));
        assert_eq!(startup_file(["jv-studio".into()]), None);
    }
}
