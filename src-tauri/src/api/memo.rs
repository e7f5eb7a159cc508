//! The deal memo in the app: a preview as SVG pages, and exports of the memo (PDF, DOCX,
//! Markdown) and of the Excel model. Each body goes through `jv_memo`, as `jv memo` does, and
//! reports its stages so the UI can show progress while Typst sets the pages.

use std::path::Path;

use jv_engine::{Deal, Evaluation, evaluate, read_deal};
use jv_memo::content::{MemoOptions, build};
use jv_memo::document::{Lang, Status};
use jv_memo::export::{ExportError, MemoFormat, memo_file, model_workbook};
use jv_memo::pdf::{Fonts, PdfError, to_svg_pages};
use serde::{Deserialize, Serialize};

use super::files::write_atomically;
use crate::error::{AppError, ErrorCode};

/// The languages a memo is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MemoLang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
    /// English and Chinese side by side.
    EnZh,
}

impl From<MemoLang> for Lang {
    fn from(lang: MemoLang) -> Self {
        match lang {
            MemoLang::En => Self::En,
            MemoLang::Zh => Self::Zh,
            MemoLang::EnZh => Self::EnZh,
        }
    }
}

/// Draft (watermarked) or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MemoStatus {
    /// Marked as a draft on every page.
    Draft,
    /// Ready to send.
    Final,
}

impl From<MemoStatus> for Status {
    fn from(status: MemoStatus) -> Self {
        match status {
            MemoStatus::Draft => Self::Draft,
            MemoStatus::Final => Self::Final,
        }
    }
}

/// The file formats a memo is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MemoFileFormat {
    /// PDF.
    Pdf,
    /// Word.
    Docx,
    /// Markdown.
    Md,
}

impl From<MemoFileFormat> for MemoFormat {
    fn from(format: MemoFileFormat) -> Self {
        match format {
            MemoFileFormat::Pdf => Self::Pdf,
            MemoFileFormat::Docx => Self::Docx,
            MemoFileFormat::Md => Self::Markdown,
        }
    }
}

/// What the memo work is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MemoStage {
    /// Evaluating the deal and writing the memo's text and tables.
    Building,
    /// Typst is setting the pages (the slow part).
    SettingPages,
    /// Writing the file to disk.
    Writing,
    /// Finished.
    Done,
}

/// How far the memo work has got.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
pub struct MemoProgress {
    /// The current stage.
    pub stage: MemoStage,
    /// The share of the work done, from 0 to 1.
    pub fraction: f32,
}

/// A file an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct WrittenFile {
    /// Where it was written.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The memo's options in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoChoice<'a> {
    /// The languages.
    pub lang: MemoLang,
    /// Draft or final.
    pub status: MemoStatus,
    /// The memo's date, ISO.
    pub date: &'a str,
}

impl MemoChoice<'_> {
    fn options(&self) -> MemoOptions {
        MemoOptions {
            lang: self.lang.into(),
            status: self.status.into(),
            date: self.date.to_owned(),
        }
    }
}

fn stage(report: &impl Fn(MemoProgress), stage: MemoStage, fraction: f32) {
    report(MemoProgress { stage, fraction });
}

/// The deal and its evaluation; an invalid deal is `invalid_deal` with its field errors.
fn evaluated(deal_json: &str) -> Result<(Deal, Evaluation), AppError> {
    let deal = read_deal(deal_json)?;
    let evaluation = evaluate(&deal)?;
    Ok((deal, evaluation))
}

/// Each page of the memo as an SVG document, exactly as the PDF sets it.
pub fn memo_preview(
    deal_json: &str,
    choice: MemoChoice<'_>,
    fonts: &Fonts,
    report: impl Fn(MemoProgress),
) -> Result<Vec<String>, AppError> {
    stage(&report, MemoStage::Building, 0.0);
    let (deal, evaluation) = evaluated(deal_json)?;
    let memo = build(&deal, &evaluation, &choice.options())
        .map_err(|error| memo_failed(&ExportError::Memo(error)))?;
    stage(&report, MemoStage::SettingPages, 0.2);
    let pages =
        to_svg_pages(&memo, fonts).map_err(|error| memo_failed(&ExportError::Pdf(error)))?;
    stage(&report, MemoStage::Done, 1.0);
    Ok(pages)
}

/// Writes the memo in `format` to `path` (through a temporary file) and says what it wrote.
pub fn export_memo(
    deal_json: &str,
    choice: MemoChoice<'_>,
    format: MemoFileFormat,
    path: &Path,
    fonts: &Fonts,
    report: impl Fn(MemoProgress),
) -> Result<WrittenFile, AppError> {
    stage(&report, MemoStage::Building, 0.0);
    let (deal, evaluation) = evaluated(deal_json)?;
    stage(&report, MemoStage::SettingPages, 0.2);
    let bytes = memo_file(&deal, &evaluation, &choice.options(), format.into(), fonts)
        .map_err(|error| memo_failed(&error))?;
    stage(&report, MemoStage::Writing, 0.9);
    let written = write(path, &bytes)?;
    stage(&report, MemoStage::Done, 1.0);
    Ok(written)
}

/// Writes the Excel model (live formulas) to `path` and says what it wrote.
pub fn export_xlsx(
    deal_json: &str,
    path: &Path,
    report: impl Fn(MemoProgress),
) -> Result<WrittenFile, AppError> {
    stage(&report, MemoStage::Building, 0.0);
    let (deal, evaluation) = evaluated(deal_json)?;
    let bytes = model_workbook(&deal, &evaluation).map_err(|error| memo_failed(&error))?;
    stage(&report, MemoStage::Writing, 0.9);
    let written = write(path, &bytes)?;
    stage(&report, MemoStage::Done, 1.0);
    Ok(written)
}

/// `no_cjk_font` when Chinese was asked for and no font covers it; `memo_failed` otherwise.
fn memo_failed(error: &ExportError) -> AppError {
    let code = match error {
        ExportError::Pdf(PdfError::NoFontFor { .. }) => ErrorCode::NoCjkFont,
        _ => ErrorCode::MemoFailed,
    };
    AppError::new(code, error.to_string())
}

/// Writes the file atomically (see [`write_atomically`]) and says what was written.
fn write(path: &Path, bytes: &[u8]) -> Result<WrittenFile, AppError> {
    write_atomically(path, bytes).map_err(|error| {
        AppError::new(
            ErrorCode::WriteFailed,
            format!("cannot write {}: {error}", path.display()),
        )
    })?;
    Ok(WrittenFile {
        path: path.display().to_string(),
        bytes: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn options_cross_ipc_in_snake_case() {
        let lang: MemoLang = serde_json::from_str("\"en_zh\"").unwrap();
        assert_eq!(Lang::from(lang), Lang::EnZh);
        let format: MemoFileFormat = serde_json::from_str("\"md\"").unwrap();
        assert_eq!(MemoFormat::from(format), MemoFormat::Markdown);
        let progress = MemoProgress {
            stage: MemoStage::SettingPages,
            fraction: 0.5,
        };
        assert_eq!(
            serde_json::to_value(progress).unwrap(),
            serde_json::json!({ "stage": "setting_pages", "fraction": 0.5 })
        );
    }
}
