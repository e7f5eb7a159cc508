//! The memo as a PDF, set by Typst used as a library.
//!
//! The template (`template.typ`) is fixed; the memo reaches it only as `memo.json`, read with
//! `json(..)` and placed as string values, and its charts as SVG files. No user text is ever
//! part of Typst source, so `#import`, `*bold*` or `$x$` in a party's name print as typed.

mod fonts;
mod world;

use serde_json::{Value, json};
use typst::diag::{SourceDiagnostic, Warned};
use typst_layout::PagedDocument;

use crate::chart::chart_svg;
use crate::document::{Block, Lang, Memo};

pub use fonts::{Fonts, LATIN_FAMILY};
use world::MemoWorld;

/// The layout, as Typst source.
const TEMPLATE: &str = include_str!("template.typ");

/// Why a memo could not be set.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The memo is in Chinese but no installed font covers Chinese.
    #[error(
        "no installed font covers Chinese, which this memo ({}) is written in; {hint}",
        lang.code()
    )]
    NoFontFor {
        /// The memo's languages.
        lang: Lang,
        /// What to install.
        hint: &'static str,
    },
    /// The memo could not be handed to the template.
    #[error("the memo could not be prepared for the PDF: {message}")]
    Data {
        /// What went wrong.
        message: String,
    },
    /// Typst reported an error while setting the memo.
    #[error("the PDF could not be set: {message}")]
    Typst {
        /// Typst's messages, one per line.
        message: String,
    },
}

/// How to get a Chinese font on this platform.
const CJK_HINT: &str = if cfg!(target_os = "linux") {
    "install fonts-noto-cjk"
} else {
    "install Noto Serif CJK SC or Noto Sans CJK SC"
};

/// The memo as PDF bytes.
pub fn to_pdf(memo: &Memo, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let document = compile(memo, fonts)?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| PdfError::Typst {
        message: messages(&errors),
    })
}

/// Each page of the memo as an SVG document, for the app's preview.
pub fn to_svg_pages(memo: &Memo, fonts: &Fonts) -> Result<Vec<String>, PdfError> {
    let document = compile(memo, fonts)?;
    let options = typst_svg::SvgOptions::default();
    Ok(document
        .pages()
        .iter()
        .map(|page| typst_svg::svg(page, &options))
        .collect())
}

fn compile(memo: &Memo, fonts: &Fonts) -> Result<PagedDocument, PdfError> {
    if memo.lang.has_zh() && fonts.cjk_family().is_none() {
        return Err(PdfError::NoFontFor {
            lang: memo.lang,
            hint: CJK_HINT,
        });
    }
    compile_with(TEMPLATE, files(memo, fonts)?, fonts)
}

fn compile_with(
    template: &str,
    files: Vec<(String, Vec<u8>)>,
    fonts: &Fonts,
) -> Result<PagedDocument, PdfError> {
    let world = MemoWorld::new(template, files, fonts)?;
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    output.map_err(|errors| PdfError::Typst {
        message: messages(&errors),
    })
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `memo.json` and one SVG per chart and language shown.
fn files(memo: &Memo, fonts: &Fonts) -> Result<Vec<(String, Vec<u8>)>, PdfError> {
    let data_error = |error: serde_json::Error| PdfError::Data {
        message: error.to_string(),
    };
    let mut files = Vec::new();
    let mut sections = Vec::with_capacity(memo.sections.len());
    let mut charts = 0usize;
    for section in &memo.sections {
        let mut blocks = Vec::with_capacity(section.blocks.len());
        for block in &section.blocks {
            blocks.push(match block {
                // Written out by hand: serde's `kind` tag and the chart's own `kind` field
                // share a key.
                Block::Chart(chart) => {
                    charts += 1;
                    let mut svg = serde_json::Map::new();
                    for (code, lang) in [("en", Lang::En), ("zh", Lang::Zh)] {
                        let shown = if code == "en" {
                            memo.lang.has_en()
                        } else {
                            memo.lang.has_zh()
                        };
                        if shown {
                            let name = format!("chart-{charts}-{code}.svg");
                            files.push((name.clone(), chart_svg(chart, lang).into_bytes()));
                            svg.insert(code.to_owned(), Value::String(name));
                        }
                    }
                    json!({
                        "kind": "chart",
                        "title": chart.title,
                        "svg": svg,
                    })
                }
                other => serde_json::to_value(other).map_err(data_error)?,
            });
        }
        sections.push(json!({
            "id": section.id,
            "title": section.title,
            "blocks": blocks,
        }));
    }
    let data = json!({
        "lang": memo.lang.code(),
        "fonts": { "latin": LATIN_FAMILY, "cjk": fonts.cjk_family() },
        "cover": memo.cover,
        "sections": sections,
    });
    files.push((
        "memo.json".to_owned(),
        serde_json::to_vec(&data).map_err(data_error)?,
    ));
    Ok(files)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn typst_errors_become_pdf_errors() {
        let fonts = Fonts::embedded();
        let error = compile_with(r#"#panic("broken template")"#, vec![], &fonts).unwrap_err();
        assert!(
            matches!(&error, PdfError::Typst { message } if message.contains("broken template")),
            "{error:?}"
        );
    }

    #[test]
    fn the_world_serves_nothing_but_the_memo() {
        let fonts = Fonts::embedded();
        let files = vec![("memo.json".to_owned(), b"{}".to_vec())];
        for path in ["/etc/passwd", "../Cargo.toml", "other.json"] {
            let template = format!("#read({path:?})");
            let error = compile_with(&template, files.clone(), &fonts).unwrap_err();
            assert!(matches!(error, PdfError::Typst { .. }), "{path}: {error:?}");
        }
        assert!(compile_with(r#"#json("memo.json")"#, files, &fonts).is_ok());
    }
}
