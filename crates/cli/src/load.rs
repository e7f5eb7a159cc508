//! Reading a deal file from disk into the engine's `Deal`.

use std::path::Path;

use jv_engine::{Deal, DealError, FieldError};

use crate::failure::Failure;

/// Reads and parses the deal at `file`. A file that cannot be read is a usage error; one
/// that is read but is not a valid deal is an invalid deal.
pub fn deal(file: &Path) -> Result<Deal, Failure> {
    let bytes = std::fs::read(file).map_err(|error| Failure::Unreadable {
        file: file.to_path_buf(),
        error,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::invalid(
            file,
            DealError::Invalid(vec![FieldError::new(
                "",
                "the file is not UTF-8 text; save it as UTF-8 JSON",
            )]),
        )
    })?;
    jv_engine::read_deal(&text).map_err(|error| Failure::invalid(file, error))
}
