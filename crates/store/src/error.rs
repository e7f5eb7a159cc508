//! What can go wrong with the deal database, in sentences a user can act on.

use sqlx::migrate::MigrateError;

/// Why a store operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The file was written by a newer JV Studio; it was left untouched.
    #[error(
        "this database was written by a newer version of JV Studio (database version {found}; \
         this version reads up to {supported}); update JV Studio — the file was not changed"
    )]
    NewerDatabase {
        /// Newest migration recorded in the file.
        found: i64,
        /// Newest migration this build knows.
        supported: i64,
    },
    /// The file is not a JV Studio database; it was left untouched.
    #[error(
        "{path} is not a JV Studio database ({reason}); choose another file — this one was \
         not changed"
    )]
    NotJvDatabase {
        /// The file.
        path: String,
        /// What gave it away.
        reason: String,
    },
    /// No such deal or version.
    #[error("{what} was not found")]
    NotFound {
        /// What was looked for, e.g. "version 4 of deal …".
        what: String,
    },
    /// The database file is damaged or holds a value this build cannot read.
    #[error("the deal database is damaged: {message}; restore it from a backup")]
    Corrupt {
        /// What SQLite or the decoder said.
        message: String,
    },
    /// A stored deal no longer reads as a deal.
    #[error("{message}")]
    InvalidDeal {
        /// Which version and why.
        message: String,
    },
    /// A market preset does not meet the preset file's rules, or a stored one no longer reads.
    #[error("{message}")]
    InvalidPreset {
        /// Which preset and why.
        message: String,
    },
    /// Another writer held the database longer than the busy timeout.
    #[error(
        "the deal database is busy (another JV Studio window may be saving); try again: {message}"
    )]
    Busy {
        /// What SQLite said.
        message: String,
    },
    /// The file or its folder could not be read or written.
    #[error("the deal database file could not be read or written: {message}")]
    Io {
        /// What the system said.
        message: String,
    },
    /// Any other database failure.
    #[error("the deal database failed: {message}")]
    Database {
        /// What SQLite said.
        message: String,
    },
}

impl StoreError {
    /// Stable snake_case code the UI branches on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NewerDatabase { .. } => "newer_database",
            Self::NotJvDatabase { .. } => "not_jv_database",
            Self::NotFound { .. } => "not_found",
            Self::Corrupt { .. } => "corrupt",
            Self::InvalidDeal { .. } => "invalid_deal",
            Self::InvalidPreset { .. } => "invalid_preset",
            Self::Busy { .. } => "busy",
            Self::Io { .. } => "io",
            Self::Database { .. } => "database",
        }
    }

    pub(crate) fn not_found(what: impl Into<String>) -> Self {
        Self::NotFound { what: what.into() }
    }
}

// Primary SQLite result codes (https://sqlite.org/rescode.html); sqlx reports extended codes.
const SQLITE_PERM: i64 = 3;
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_READONLY: i64 = 8;
const SQLITE_IOERR: i64 = 10;
const SQLITE_CORRUPT: i64 = 11;
const SQLITE_FULL: i64 = 13;
const SQLITE_CANTOPEN: i64 = 14;
const SQLITE_NOTADB: i64 = 26;

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        let message = error.to_string();
        match &error {
            sqlx::Error::Database(db) => {
                let primary = db
                    .code()
                    .and_then(|code| code.parse::<i64>().ok())
                    .map(|code| code & 0xff);
                match primary {
                    Some(SQLITE_BUSY | SQLITE_LOCKED) => Self::Busy { message },
                    Some(SQLITE_CORRUPT | SQLITE_NOTADB) => Self::Corrupt { message },
                    Some(
                        SQLITE_PERM | SQLITE_READONLY | SQLITE_IOERR | SQLITE_FULL
                        | SQLITE_CANTOPEN,
                    ) => Self::Io { message },
                    _ => Self::Database { message },
                }
            }
            sqlx::Error::Io(_) => Self::Io { message },
            sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => Self::Corrupt { message },
            sqlx::Error::PoolTimedOut => Self::Busy { message },
            _ => Self::Database { message },
        }
    }
}

impl From<MigrateError> for StoreError {
    fn from(error: MigrateError) -> Self {
        match error {
            MigrateError::Execute(e) | MigrateError::ExecuteMigration(e, _) => e.into(),
            other => Self::Database {
                message: other.to_string(),
            },
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(error: std::io::Error) -> Self {
        Self::Io {
            message: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_variant() -> Vec<StoreError> {
        let message = "m".to_owned();
        vec![
            StoreError::NewerDatabase {
                found: 2,
                supported: 1,
            },
            StoreError::NotJvDatabase {
                path: "a.db".to_owned(),
                reason: "r".to_owned(),
            },
            StoreError::NotFound {
                what: "deal x".to_owned(),
            },
            StoreError::Corrupt {
                message: message.clone(),
            },
            StoreError::InvalidDeal {
                message: message.clone(),
            },
            StoreError::InvalidPreset {
                message: message.clone(),
            },
            StoreError::Busy {
                message: message.clone(),
            },
            StoreError::Io {
                message: message.clone(),
            },
            StoreError::Database { message },
        ]
    }

    #[test]
    fn codes_are_stable() {
        let codes: Vec<&str> = every_variant().iter().map(StoreError::code).collect();
        assert_eq!(
            codes,
            [
                "newer_database",
                "not_jv_database",
                "not_found",
                "corrupt",
                "invalid_deal",
                "invalid_preset",
                "busy",
                "io",
                "database"
            ]
        );
    }

    #[test]
    fn messages_are_sentences() {
        let newer = StoreError::NewerDatabase {
            found: 99990101000000,
            supported: 1,
        };
        assert_eq!(
            newer.to_string(),
            "this database was written by a newer version of JV Studio (database version \
             99990101000000; this version reads up to 1); update JV Studio — the file was not \
             changed"
        );
        let missing = StoreError::NotFound {
            what: "version 4 of deal d1".to_owned(),
        };
        assert_eq!(missing.to_string(), "version 4 of deal d1 was not found");
        for error in every_variant() {
            assert!(!error.to_string().is_empty(), "{error:?}");
        }
    }

    #[test]
    fn io_errors_keep_their_message() {
        let error = StoreError::from(std::io::Error::other("disk on fire"));
        assert_eq!(error.code(), "io");
        assert!(error.to_string().ends_with("disk on fire"));
    }

    #[test]
    fn pool_timeouts_are_busy() {
        assert_eq!(StoreError::from(sqlx::Error::PoolTimedOut).code(), "busy");
    }
}
