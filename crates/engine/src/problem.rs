//! What the engine tells the user: errors that stop an evaluation and warnings that do not.

use serde::Serialize;

/// One thing wrong with a deal, at the field its path names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldError {
    /// The field, e.g. `parties[1].contributions[0].valuation.value`; empty for the whole file.
    pub path: String,
    /// A plain sentence a sales head understands.
    pub message: String,
}

impl FieldError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a deal could not be evaluated: every problem found, all at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DealError {
    /// The file is not JSON at all.
    #[error("the file is not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        /// What the parser said.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The file was written by a newer JV Studio.
    #[error(
        "this deal was saved by a newer version of JV Studio (file format {found}); \
         this version reads format {supported} and older: update JV Studio to open it"
    )]
    NewerSchema {
        /// The file's `schema_version`.
        found: u64,
        /// The newest this build reads.
        supported: u32,
    },
    /// The deal has invalid fields; each is listed.
    #[error("the deal has {} invalid field(s)", .0.len())]
    Invalid(Vec<FieldError>),
}

/// A finding that never blocks the calculation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Warning {
    /// Stable code tools can branch on, e.g. `double_paid_technology`.
    pub code: &'static str,
    /// A plain sentence: what is wrong and what to change.
    pub message: String,
    /// The field it concerns.
    pub path: String,
    /// The rule's source when the warning comes from a market rule (a guardrail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
