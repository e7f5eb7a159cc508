//! `jv memo` and `jv export-xlsx`: the deal memo and the Excel model, written to a file.
//! Both go through `jv_memo::export`, as the desktop app does.

use std::path::Path;

use jv_memo::content::MemoOptions;
use jv_memo::document::{Lang, Status};
use jv_memo::export::{MemoFormat, memo_file, model_workbook};
use jv_memo::pdf::Fonts;

use crate::args::{LangArg, MemoFormatArg};
use crate::failure::Failure;
use crate::load;

/// Writes the memo of the deal in `file` to `output`; prints what was written.
pub fn memo(
    file: &Path,
    output: &Path,
    lang: LangArg,
    format: Option<MemoFormatArg>,
    is_final: bool,
    date: &str,
) -> Result<String, Failure> {
    let format = match format {
        Some(MemoFormatArg::Pdf) => MemoFormat::Pdf,
        Some(MemoFormatArg::Docx) => MemoFormat::Docx,
        Some(MemoFormatArg::Md) => MemoFormat::Markdown,
        None => MemoFormat::from_file_name(&output.to_string_lossy()).unwrap_or(MemoFormat::Pdf),
    };
    let deal = load::deal(file)?;
    let evaluation = jv_engine::evaluate(&deal).map_err(|error| Failure::invalid(file, error))?;
    let options = MemoOptions {
        lang: match lang {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
            LangArg::EnZh => Lang::EnZh,
        },
        status: if is_final {
            Status::Final
        } else {
            Status::Draft
        },
        date: date.to_owned(),
    };
    // Scanning the system's fonts is only worth it for a PDF.
    let fonts = if format == MemoFormat::Pdf {
        Fonts::system()
    } else {
        Fonts::embedded()
    };
    let bytes = memo_file(&deal, &evaluation, &options, format, &fonts)
        .map_err(|error| Failure::Output(error.to_string()))?;
    write(output, &bytes)?;
    Ok(format!(
        "wrote the {} memo ({}, {}) of \"{}\" to {}",
        format.extension().to_uppercase(),
        options.lang.code(),
        if is_final { "final" } else { "draft" },
        deal.name,
        output.display()
    ))
}

/// Writes the Excel model of the deal in `file` to `output`; prints what was written.
pub fn workbook(file: &Path, output: &Path) -> Result<String, Failure> {
    let deal = load::deal(file)?;
    let evaluation = jv_engine::evaluate(&deal).map_err(|error| Failure::invalid(file, error))?;
    let bytes =
        model_workbook(&deal, &evaluation).map_err(|error| Failure::Output(error.to_string()))?;
    write(output, &bytes)?;
    Ok(format!(
        "wrote the Excel model of \"{}\" to {}",
        deal.name,
        output.display()
    ))
}

/// Writes through a temporary file beside `output`, so a failed write never leaves half a
/// file where a good one was.
fn write(output: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |error: std::io::Error| {
        Failure::Output(format!("cannot write {}: {error}", output.display()))
    };
    let mut partial = output.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    std::fs::write(&partial, bytes).map_err(fail)?;
    std::fs::rename(&partial, output).map_err(|error| {
        let _ = std::fs::remove_file(&partial);
        fail(error)
    })
}
