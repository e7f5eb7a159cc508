//! The memo's running text: section titles, headings, paragraphs, bullets, notes and
//! call-outs, each in the memo's language (bilingual: English, then Chinese).

use docx_rs::Paragraph;

use super::styles::{bullet_numbering, id};
use super::text::{paragraph, versions};
use crate::document::{Lang, Text, Tone};

/// Where the document's body goes, in order.
pub enum Part {
    /// A paragraph (boxed, like tables: both are large in docx-rs).
    Paragraph(Box<Paragraph>),
    /// A table.
    Table(Box<docx_rs::Table>),
}

/// A section's title: one Heading 1, so the navigation pane lists each section once.
pub fn section_title(title: &Text, lang: Lang) -> Part {
    Part::Paragraph(Box::new(paragraph(id::HEADING1, &title.get(lang))))
}

/// A heading inside a section.
pub fn heading(text: &Text, lang: Lang) -> Part {
    Part::Paragraph(Box::new(paragraph(id::HEADING2, &text.get(lang))))
}

/// Paragraphs in `style`, one per language shown.
pub fn prose(style: &str, text: &Text, lang: Lang) -> Vec<Part> {
    versions(text, lang)
        .into_iter()
        .map(|(t, _)| Part::Paragraph(Box::new(paragraph(style, t))))
        .collect()
}

/// A bullet list; bilingual memos list every point in English, then the translated points
/// in Chinese.
pub fn bullets(items: &[Text], lang: Lang) -> Vec<Part> {
    let (numbering, level) = bullet_numbering();
    let languages: &[bool] = match lang {
        Lang::En => &[false],
        Lang::Zh => &[true],
        Lang::EnZh => &[false, true],
    };
    let mut parts = Vec::new();
    for &zh in languages {
        if zh && lang == Lang::EnZh && items.iter().all(|item| item.en == item.zh) {
            continue;
        }
        for item in items {
            // A name or figure reads the same in Chinese; the English list already gave it.
            if zh && lang == Lang::EnZh && item.en == item.zh {
                continue;
            }
            parts.push(Part::Paragraph(Box::new(
                paragraph(id::BULLET, item.in_lang(zh)).numbering(numbering.clone(), level.clone()),
            )));
        }
    }
    parts
}

/// The paragraph style of a call-out in `tone`.
pub fn callout_style(tone: Tone) -> &'static str {
    match tone {
        Tone::Info => id::CALLOUT_INFO,
        Tone::Warning => id::CALLOUT_WARNING,
        Tone::Problem => id::CALLOUT_PROBLEM,
    }
}
