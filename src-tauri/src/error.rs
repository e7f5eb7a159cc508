//! The one error every command returns: a code the UI branches on, a sentence it shows,
//! and the fields it concerns.

use jv_engine::{DealError, FieldError};
use jv_store::StoreError;
use serde::Serialize;

/// What kind of failure, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The database could not be opened; the message says why.
    DatabaseUnavailable,
    /// The database was written by a newer JV Studio and was left untouched.
    NewerDatabase,
    /// The deal or version does not exist.
    NotFound,
    /// The deal has invalid fields, listed in `fields`.
    InvalidDeal,
    /// The market preset breaks the preset rules (each problem in `fields`, at its key), or a
    /// stored one no longer reads.
    InvalidPreset,
    /// The new market's currency differs and its preset has no spot rate: ask the user for
    /// today's rate (or the rate given is not above zero).
    NeedsFxSpot,
    /// The file was saved by a newer JV Studio.
    NewerFile,
    /// The file could not be read or written.
    FileAccess,
    /// The memo is in Chinese and no installed font covers Chinese; the message says what to
    /// install.
    NoCjkFont,
    /// The memo or the workbook could not be made; the message says why.
    MemoFailed,
    /// The export could not be written to the chosen path; the message names it.
    WriteFailed,
    /// Anything else; the message says what.
    Internal,
}

/// A failed command, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// Stable code.
    pub code: ErrorCode,
    /// A plain sentence for the user.
    pub message: String,
    /// Field errors, each at its path (for `invalid_deal`).
    pub fields: Vec<FieldError>,
}

impl AppError {
    /// An error without field details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        let code = match error.code() {
            "newer_database" => ErrorCode::NewerDatabase,
            "not_found" => ErrorCode::NotFound,
            "invalid_deal" => ErrorCode::InvalidDeal,
            "invalid_preset" => ErrorCode::InvalidPreset,
            "not_jv_database" | "corrupt" => ErrorCode::DatabaseUnavailable,
            _ => ErrorCode::Internal,
        };
        Self::new(code, error.to_string())
    }
}

impl From<DealError> for AppError {
    fn from(error: DealError) -> Self {
        match error {
            DealError::Syntax { .. } => Self {
                code: ErrorCode::InvalidDeal,
                message: error.to_string(),
                fields: vec![FieldError::new("", error.to_string())],
            },
            DealError::NewerSchema { .. } => Self::new(ErrorCode::NewerFile, error.to_string()),
            DealError::Invalid(fields) => Self {
                code: ErrorCode::InvalidDeal,
                message: format!("the deal has {} invalid field(s)", fields.len()),
                fields,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn serializes_as_code_message_and_fields() {
        let error = AppError::from(DealError::Invalid(vec![FieldError::new(
            "agreements.distribution.dealer_margin",
            "must be between 0 and 1",
        )]));
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "invalid_deal",
                "message": "the deal has 1 invalid field(s)",
                "fields": [{
                    "path": "agreements.distribution.dealer_margin",
                    "message": "must be between 0 and 1"
                }]
            })
        );
    }

    #[test]
    fn memo_codes_are_snake_case() {
        for (code, text) in [
            (ErrorCode::NoCjkFont, "no_cjk_font"),
            (ErrorCode::MemoFailed, "memo_failed"),
            (ErrorCode::WriteFailed, "write_failed"),
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::json!(text));
        }
    }

    #[test]
    fn newer_file_has_its_own_code() {
        let error = AppError::from(DealError::NewerSchema {
            found: 9,
            supported: 1,
        });
        assert_eq!(error.code, ErrorCode::NewerFile);
        assert!(error.message.contains("newer version of JV Studio"));
    }
}
