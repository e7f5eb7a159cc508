//! The memo as a Word document (DOCX) that Word and LibreOffice open and a reader can edit:
//! real heading styles, real tables, and every figure exactly as the memo formatted it.
//!
//! Charts are pictures drawn from the memo's SVG (see [`picture`]), each with the table of
//! its data underneath in a smaller type (see [`chart`]), so every plotted figure can be
//! read and checked.

mod blocks;
mod chart;
mod cover;
mod package;
mod picture;
mod styles;
mod tables;
mod text;
mod widths;

use docx_rs::Docx;

use blocks::Part;
use styles::id;

use crate::document::{Block, Lang, Memo, Section, Text};

/// Why the DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// docx-rs failed to write the ZIP package.
    #[error("could not write the DOCX package: {0}")]
    Package(String),
    /// The XML docx-rs wrote was not UTF-8, so the repeating table headers could not be set.
    #[error("the DOCX's {part} is not UTF-8 text")]
    NotUtf8 {
        /// Which part of the package.
        part: &'static str,
    },
    /// A chart could not be drawn as a picture.
    #[error("could not draw the chart {title:?}: {reason}")]
    Chart {
        /// The chart's English title.
        title: String,
        /// What went wrong.
        reason: String,
    },
}

/// The memo as the bytes of a DOCX file.
pub fn to_docx(memo: &Memo) -> Result<Vec<u8>, DocxError> {
    let lang = memo.lang;
    let mut docx = styles::apply(Docx::new())
        .title_pg()
        .header(cover::header(&memo.cover, lang))
        .footer(cover::footer(&memo.cover, lang))
        .first_header(docx_rs::Header::new())
        .first_footer(docx_rs::Footer::new());
    let mut parts = cover::cover(&memo.cover, lang);
    for section in &memo.sections {
        parts.extend(section_parts(section, lang)?);
    }
    for part in parts {
        docx = match part {
            Part::Paragraph(p) => docx.add_paragraph(*p),
            Part::Table(t) => docx.add_table(*t),
        };
    }
    package::pack(docx)
}

fn section_parts(section: &Section, lang: Lang) -> Result<Vec<Part>, DocxError> {
    let mut parts = vec![blocks::section_title(&section.title, lang)];
    for block in &section.blocks {
        parts.extend(block_parts(block, lang)?);
    }
    Ok(parts)
}

/// The chart's title, its picture, then its data in a smaller table with the unit.
fn chart_parts(chart: &crate::document::Chart, lang: Lang) -> Result<Vec<Part>, DocxError> {
    let picture = picture::render(chart, lang)?;
    let mut parts = vec![Part::Paragraph(Box::new(text::paragraph(
        id::CAPTION,
        &chart.title.get(lang),
    )))];
    let holder = docx_rs::Paragraph::new()
        .style(id::NOTE)
        .align(docx_rs::AlignmentType::Center)
        .keep_next(true)
        .add_run(picture::run(picture));
    parts.push(Part::Paragraph(Box::new(holder)));
    let mut data = chart::as_table(chart);
    data.caption = Text::default();
    parts.push(Part::Table(Box::new(tables::data_table(&data, lang))));
    parts.extend(blocks::prose(id::NOTE, &data.note, lang));
    Ok(parts)
}

fn block_parts(block: &Block, lang: Lang) -> Result<Vec<Part>, DocxError> {
    Ok(match block {
        Block::Heading { text } => vec![blocks::heading(text, lang)],
        Block::Paragraph { text } => blocks::prose("Normal", text, lang),
        Block::Bullets { items } => blocks::bullets(items, lang),
        Block::Figures { items } => vec![
            Part::Table(Box::new(tables::figures(items, lang))),
            spacer(),
        ],
        Block::Table(table) => table_parts(table, lang),
        Block::Chart(chart) => chart_parts(chart, lang)?,
        Block::Note { text } => blocks::prose(id::NOTE, text, lang),
        Block::Callout { tone, text } => blocks::prose(blocks::callout_style(*tone), text, lang),
    })
}

fn table_parts(table: &crate::document::Table, lang: Lang) -> Vec<Part> {
    let mut parts = Vec::new();
    if !table.caption.en.is_empty() || !table.caption.zh.is_empty() {
        parts.push(Part::Paragraph(Box::new(text::paragraph(
            id::CAPTION,
            &table.caption.get(lang),
        ))));
    }
    parts.push(Part::Table(Box::new(tables::table(table, lang))));
    if table.note.en.is_empty() && table.note.zh.is_empty() {
        parts.push(spacer());
    } else {
        parts.extend(blocks::prose(id::NOTE, &table.note, lang));
    }
    parts
}

/// Room after a table that has no note, so the next paragraph does not touch its rule.
fn spacer() -> Part {
    Part::Paragraph(Box::new(
        docx_rs::Paragraph::new()
            .style(id::NOTE)
            .line_spacing(docx_rs::LineSpacing::new().before(0).after(60)),
    ))
}
