//! Importing and exporting `.jvdeal` files.

use std::path::Path;

use jv_engine::read_deal;
use serde::Serialize;

use crate::api::deal_text::{parse_for_saving, to_file_text};
use crate::error::{AppError, ErrorCode};

/// Deal files larger than this are refused before reading: no real deal comes close.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A deal read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ImportedDeal {
    /// The file's name, for the title bar.
    pub file_name: String,
    /// The deal's name.
    pub name: String,
    /// The deal as JSON text.
    pub deal_json: String,
}

fn file_error(path: &Path, doing: &str, error: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::FileAccess,
        format!("could not {doing} {}: {error}", path.display()),
    )
}

/// Reads and checks a `.jvdeal` file: unreadable, invalid and too-new files are errors
/// that name the problem.
pub fn import_deal_file(path: &Path) -> Result<ImportedDeal, AppError> {
    let size = std::fs::metadata(path)
        .map_err(|error| file_error(path, "read", error))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(file_error(
            path,
            "read",
            format!("the file is {size} bytes; a deal file is at most {MAX_FILE_BYTES}"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|error| file_error(path, "read", error))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| file_error(path, "read", "it is not a text (UTF-8) file"))?;
    let deal = read_deal(&text)?;
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(ImportedDeal {
        file_name,
        name: deal.name.clone(),
        deal_json: to_file_text(&deal)?,
    })
}

/// Writes the deal to `path` atomically: a crash leaves the old file or the new one.
pub fn export_deal_file(path: &Path, deal_json: &str) -> Result<(), AppError> {
    let deal = parse_for_saving(deal_json)?;
    let text = to_file_text(&deal)?;
    write_atomically(path, text.as_bytes()).map_err(|error| file_error(path, "write", error))
}

/// Writes `bytes` to `path` through a hidden temporary file beside it and a rename, so a
/// crash or a failed write leaves the old file or the new one, never half a file.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let file_name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path has no file name",
        )
    })?;
    let mut temporary = path.to_path_buf();
    temporary.set_file_name(format!(".{}.partial", file_name.to_string_lossy()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
