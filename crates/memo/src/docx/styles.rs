//! The memo's look in Word: page, fonts, paragraph styles and the bullet list.
//!
//! Styles carry Word's built-in names ("heading 1", "heading 2", "Title") so Word's
//! navigation pane and LibreOffice's navigator see the outline, and a reader who restyles
//! the document in Word changes every heading at once.

use docx_rs::{
    AbstractNumbering, BorderType, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading, ShdType, Start, Style, StyleType,
};

/// The Latin font; LibreOffice substitutes a metric-compatible one where it is missing.
pub const LATIN_FONT: &str = "Calibri";
/// The Chinese font; the font table names Microsoft YaHei as its stand-in for Word.
pub const CJK_FONT: &str = "Noto Sans CJK SC";
/// What Word uses when [`CJK_FONT`] is not installed.
pub const CJK_FALLBACK: &str = "Microsoft YaHei";

/// Headings, table headers.
pub const NAVY: &str = "1F3864";
/// Notes, captions, header and footer.
pub const GREY: &str = "6B7280";
/// Table rules.
pub const RULE: &str = "C9D1DC";
/// The table header's fill.
pub const HEADER_FILL: &str = "E8EDF4";

/// A4 width in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
/// A4 height in twentieths of a point.
const PAGE_HEIGHT: u32 = 16_838;
/// Left and right margins.
const SIDE_MARGIN: u32 = 1_247;
/// The width text and tables may take.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH - 2 * SIDE_MARGIN) as usize;

/// The paragraph style ids the renderers use.
pub mod id {
    /// The deal's name on the cover.
    pub const TITLE: &str = "Title";
    /// The lines under the title on the cover.
    pub const SUBTITLE: &str = "Subtitle";
    /// A section's title.
    pub const HEADING1: &str = "Heading1";
    /// A heading inside a section.
    pub const HEADING2: &str = "Heading2";
    /// A table's caption.
    pub const CAPTION: &str = "Caption";
    /// Sources and caveats.
    pub const NOTE: &str = "MemoNote";
    /// Text inside table cells.
    pub const TABLE_TEXT: &str = "MemoTableText";
    /// A bullet point.
    pub const BULLET: &str = "ListBullet";
    /// The page header and footer.
    pub const HEADER: &str = "Header";
    /// A call-out for information.
    pub const CALLOUT_INFO: &str = "MemoCalloutInfo";
    /// A call-out for a warning.
    pub const CALLOUT_WARNING: &str = "MemoCalloutWarning";
    /// A call-out for a broken rule.
    pub const CALLOUT_PROBLEM: &str = "MemoCalloutProblem";
}

/// The numbering id of the bullet list; docx-rs always writes a numbering with id 1.
pub const BULLET_NUMBERING: usize = 2;

/// Sets up page, default fonts, styles and the bullet list on an empty document.
pub fn apply(docx: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
        .east_asia(CJK_FONT);
    let mut docx = docx
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(1_247)
                .bottom(1_247)
                .left(SIDE_MARGIN as i32)
                .right(SIDE_MARGIN as i32)
                .header(624)
                .footer(567),
        )
        .default_fonts(fonts)
        .default_size(20)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        );
    for style in paragraph_styles() {
        docx = docx.add_style(style);
    }
    docx.add_abstract_numbering(
        AbstractNumbering::new(BULLET_NUMBERING).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(
                Some(360),
                Some(docx_rs::SpecialIndentType::Hanging(240)),
                None,
                None,
            )
            .color(NAVY),
        ),
    )
    .add_numbering(Numbering::new(BULLET_NUMBERING, BULLET_NUMBERING))
}

/// The paragraph's numbering for a bullet point.
pub fn bullet_numbering() -> (NumberingId, IndentLevel) {
    (NumberingId::new(BULLET_NUMBERING), IndentLevel::new(0))
}

fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn paragraph_styles() -> Vec<Style> {
    let mut heading1 = paragraph_style(id::HEADING1, "heading 1")
        .size(30)
        .bold()
        .color(NAVY)
        .outline_lvl(0)
        .line_spacing(spacing(360, 160));
    heading1.paragraph_property = heading1
        .paragraph_property
        .keep_next(true)
        .keep_lines(true)
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(6)
                    .space(4)
                    .color(RULE),
            ),
        );
    let mut heading2 = paragraph_style(id::HEADING2, "heading 2")
        .size(24)
        .bold()
        .color(NAVY)
        .outline_lvl(1)
        .line_spacing(spacing(240, 80));
    heading2.paragraph_property = heading2.paragraph_property.keep_next(true).keep_lines(true);
    let mut caption = paragraph_style(id::CAPTION, "caption")
        .size(19)
        .bold()
        .color("374151")
        .line_spacing(spacing(200, 80));
    caption.paragraph_property = caption.paragraph_property.keep_next(true);
    vec![
        paragraph_style(id::TITLE, "Title")
            .size(56)
            .bold()
            .color(NAVY)
            .line_spacing(spacing(0, 240)),
        paragraph_style(id::SUBTITLE, "Subtitle")
            .size(24)
            .color(GREY)
            .line_spacing(spacing(0, 80)),
        heading1,
        heading2,
        caption,
        paragraph_style(id::NOTE, "Memo Note")
            .size(16)
            .color(GREY)
            .line_spacing(spacing(60, 120)),
        paragraph_style(id::TABLE_TEXT, "Memo Table Text")
            .size(18)
            .line_spacing(spacing(0, 0).line(240).line_rule(LineSpacingType::Auto)),
        paragraph_style(id::BULLET, "List Bullet").line_spacing(spacing(0, 60)),
        paragraph_style(id::HEADER, "header")
            .size(16)
            .color(GREY)
            .line_spacing(spacing(0, 0)),
        callout(id::CALLOUT_INFO, "Memo Callout Info", "EAF1FB", "2F6FD0"),
        callout(
            id::CALLOUT_WARNING,
            "Memo Callout Warning",
            "FFF4E0",
            "D98E04",
        ),
        callout(
            id::CALLOUT_PROBLEM,
            "Memo Callout Problem",
            "FDECEC",
            "C0392B",
        ),
    ]
}

fn callout(style_id: &str, name: &str, fill: &str, bar: &str) -> Style {
    let mut style = paragraph_style(style_id, name)
        .line_spacing(spacing(120, 160))
        .indent(Some(170), None, Some(170), None);
    style.paragraph_property = style
        .paragraph_property
        .keep_lines(true)
        .shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(fill),
        )
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Left)
                    .val(BorderType::Single)
                    .size(24)
                    .space(8)
                    .color(bar),
            ),
        );
    style
}
