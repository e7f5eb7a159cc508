//! Writing the package, with the two things docx-rs 0.4 cannot say itself: that a table's
//! header row repeats on each page (`w:tblHeader`), and which font Word should use when the
//! Chinese font is missing (`w:altName` in the font table).
//!
//! Both are set on the XML docx-rs wrote. That is safe because user text in that XML is
//! escaped: a `<w:trHeight .../>` typed by a user arrives as `&lt;w:trHeight .../&gt;`.

use std::io::Cursor;

use docx_rs::Docx;

use super::DocxError;
use super::styles::{CJK_FALLBACK, CJK_FONT};

/// The least height of a table's header row, in twips; no other row sets a height, so the
/// package step finds header rows by it.
pub const HEADER_ROW_HEIGHT: f32 = 340.0;

/// What docx-rs writes for a header row's height.
const HEADER_ROW_MARK: &str = r#"<w:trHeight w:val="340" w:hRule="atLeast" />"#;

/// The package's bytes.
pub fn pack(docx: Docx) -> Result<Vec<u8>, DocxError> {
    let mut xml = docx.build();
    xml.document = repeat_header_rows(std::mem::take(&mut xml.document))?;
    xml.font_table = add_cjk_font(std::mem::take(&mut xml.font_table))?;
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .map_err(|error| DocxError::Package(error.to_string()))?;
    Ok(bytes.into_inner())
}

fn repeat_header_rows(document: Vec<u8>) -> Result<Vec<u8>, DocxError> {
    let text = String::from_utf8(document).map_err(|_| DocxError::NotUtf8 { part: "document" })?;
    Ok(text
        .replace(
            HEADER_ROW_MARK,
            &format!("{HEADER_ROW_MARK}<w:tblHeader />"),
        )
        .into_bytes())
}

fn add_cjk_font(font_table: Vec<u8>) -> Result<Vec<u8>, DocxError> {
    let text =
        String::from_utf8(font_table).map_err(|_| DocxError::NotUtf8 { part: "font table" })?;
    let font = format!(
        r#"<w:font w:name="{CJK_FONT}"><w:altName w:val="{CJK_FALLBACK}" /><w:charset w:val="86" /><w:family w:val="swiss" /><w:pitch w:val="variable" /></w:font></w:fonts>"#
    );
    Ok(text.replacen("</w:fonts>", &font, 1).into_bytes())
}
