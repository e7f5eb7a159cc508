//! One entry point for every export, shared by the `jv` command and the desktop app: build
//! the memo from a deal and its evaluation, then render it in the chosen format.

use jv_engine::{Deal, Evaluation};

use crate::content::{MemoError, MemoOptions, build};
use crate::docx::{DocxError, to_docx};
use crate::markdown::to_markdown;
use crate::pdf::{Fonts, PdfError, to_pdf};
use crate::xlsx::{XlsxError, write_xlsx};

/// The formats a memo is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoFormat {
    /// PDF, set by Typst.
    Pdf,
    /// Word, editable in Word and LibreOffice.
    Docx,
    /// Markdown, for pasting into other documents.
    Markdown,
}

impl MemoFormat {
    /// Parses `pdf`, `docx` or `md` (also `markdown`).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Self::Pdf),
            "docx" => Some(Self::Docx),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Markdown => "md",
        }
    }

    /// The format a file name asks for by its extension.
    pub fn from_file_name(name: &str) -> Option<Self> {
        let (_, extension) = name.rsplit_once('.')?;
        Self::parse(extension)
    }
}

/// Why an export failed; each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The memo could not be built.
    #[error(transparent)]
    Memo(#[from] MemoError),
    /// The PDF could not be set.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// The DOCX could not be written.
    #[error(transparent)]
    Docx(#[from] DocxError),
    /// The workbook could not be written.
    #[error(transparent)]
    Xlsx(#[from] XlsxError),
}

/// The memo of `deal` as the bytes of a file in `format`.
pub fn memo_file(
    deal: &Deal,
    evaluation: &Evaluation,
    options: &MemoOptions,
    format: MemoFormat,
    fonts: &Fonts,
) -> Result<Vec<u8>, ExportError> {
    let memo = build(deal, evaluation, options)?;
    Ok(match format {
        MemoFormat::Pdf => to_pdf(&memo, fonts)?,
        MemoFormat::Docx => to_docx(&memo)?,
        MemoFormat::Markdown => to_markdown(&memo).into_bytes(),
    })
}

/// The model of `deal` as the bytes of an .xlsx workbook with live formulas.
pub fn model_workbook(deal: &Deal, evaluation: &Evaluation) -> Result<Vec<u8>, ExportError> {
    Ok(write_xlsx(deal, evaluation)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_names_and_extensions() {
        assert_eq!(MemoFormat::parse("PDF"), Some(MemoFormat::Pdf));
        assert_eq!(MemoFormat::parse("markdown"), Some(MemoFormat::Markdown));
        assert_eq!(MemoFormat::parse("odt"), None);
        assert_eq!(
            MemoFormat::from_file_name("out/memo.v2.docx"),
            Some(MemoFormat::Docx)
        );
        assert_eq!(MemoFormat::from_file_name("memo"), None);
        assert_eq!(MemoFormat::Markdown.extension(), "md");
    }
}
