//! Why a command failed, the message it prints and the exit status it returns.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jv_engine::DealError;

/// Exit status of an invalid deal (syntax, newer schema, invalid fields).
pub const EXIT_INVALID: u8 = 1;
/// Exit status of a usage error: bad arguments or a file that cannot be read.
pub const EXIT_USAGE: u8 = 2;

/// A failed command.
#[derive(Debug)]
pub enum Failure {
    /// The deal file could not be read at all.
    Unreadable {
        file: PathBuf,
        error: std::io::Error,
    },
    /// The file was read but is not a valid deal.
    InvalidDeal { file: PathBuf, error: DealError },
    /// The command line asks for something that does not exist (an unknown market, a bad
    /// date); the message says what is allowed.
    Usage(String),
    /// The result could not be produced or written.
    Output(String),
}

impl Failure {
    /// An invalid deal read from `file`.
    pub fn invalid(file: &Path, error: DealError) -> Self {
        Self::InvalidDeal {
            file: file.to_path_buf(),
            error,
        }
    }

    /// The exit status for this failure.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Self::Unreadable { .. } | Self::Usage(_) => ExitCode::from(EXIT_USAGE),
            Self::InvalidDeal { .. } | Self::Output(_) => ExitCode::from(EXIT_INVALID),
        }
    }

    /// What goes to stderr. Field errors come one per line, path first, so that tools and
    /// editors can jump to the field; a summary line naming the file ends the message.
    pub fn message(&self) -> String {
        match self {
            Self::Unreadable { file, error } => {
                format!("jv: cannot read the deal file {}: {error}", file.display())
            }
            Self::InvalidDeal { file, error } => {
                let mut out = String::new();
                if let DealError::Invalid(errors) = error {
                    for field in errors {
                        let _ = writeln!(out, "{field}");
                    }
                }
                let _ = write!(out, "jv: {} is not a valid deal: {error}", file.display());
                out
            }
            Self::Usage(message) | Self::Output(message) => format!("jv: {message}"),
        }
    }
}
