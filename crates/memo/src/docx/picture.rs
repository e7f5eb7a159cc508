//! A chart as a PNG picture for Word, drawn from the same SVG the PDF embeds: Word cannot
//! place an SVG that LibreOffice also shows reliably, and a PNG opens everywhere.
//!
//! The fonts are the PDF's: Typst's bundled Libertinus Serif for Latin text and the
//! system's CJK faces for Chinese, loaded once per process.

use std::sync::{Arc, OnceLock};

use docx_rs::{Pic, Run};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{Options, Tree, fontdb::Database};

use super::DocxError;
use super::styles::TEXT_WIDTH;
use crate::chart::chart_svg;
use crate::document::{Chart, Lang};

/// Pixels per SVG unit: twice the chart's size, so it stays crisp when printed or zoomed.
const SCALE: f32 = 2.0;
/// English Metric Units in a twip (914,400 per inch, 1,440 twips per inch).
const EMU_PER_TWIP: u32 = 635;

/// A chart drawn as PNG, with its size in pixels.
pub struct Picture {
    /// The PNG file's bytes.
    pub png: Vec<u8>,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
}

/// Draws `chart` with its labels in `lang`.
pub fn render(chart: &Chart, lang: Lang) -> Result<Picture, DocxError> {
    let failed = |reason: String| DocxError::Chart {
        title: chart.title.en.clone(),
        reason,
    };
    let options = Options {
        fontdb: fonts(),
        ..Options::default()
    };
    let tree = Tree::from_str(&chart_svg(chart, lang), &options)
        .map_err(|error| failed(error.to_string()))?;
    let size = tree.size();
    let width = (size.width() * SCALE).ceil() as u32;
    let height = (size.height() * SCALE).ceil() as u32;
    let mut pixmap =
        Pixmap::new(width, height).ok_or_else(|| failed(format!("{width}×{height} px")))?;
    // A transparent background reads as black in some viewers; the page is white.
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    let png = pixmap
        .encode_png()
        .map_err(|error| failed(error.to_string()))?;
    Ok(Picture { png, width, height })
}

/// The picture as an inline run, as wide as the text and as tall as its proportions ask.
pub fn run(picture: Picture) -> Run {
    let width_emu = TEXT_WIDTH as u32 * EMU_PER_TWIP;
    let height_emu =
        (u64::from(width_emu) * u64::from(picture.height) / u64::from(picture.width.max(1))) as u32;
    Run::new().add_image(
        Pic::new_with_dimensions(picture.png, picture.width, picture.height)
            .size(width_emu, height_emu),
    )
}

/// The bundled faces and the system's, scanned on first use.
fn fonts() -> Arc<Database> {
    static FONTS: OnceLock<Arc<Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut database = Database::new();
            for (font, _) in typst_kit::fonts::embedded() {
                database.load_font_data(font.data().to_vec());
            }
            database.load_system_fonts();
            Arc::new(database)
        })
        .clone()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::document::{ChartKind, Series, Text};

    #[test]
    fn draws_the_chart_at_twice_its_size_with_ink() {
        let chart = Chart {
            kind: ChartKind::Bars,
            title: Text::new("Cash", "现金"),
            category_label: Text::new("Year", "年份"),
            value_label: Text::new("USD thousand", "千美元"),
            categories: vec![Text::same("Y1"), Text::same("Y2")],
            series: vec![Series {
                name: Text::same("Jiangsu Motors"),
                values: vec![-1_250.0, 3_456.7],
            }],
        };
        let picture = render(&chart, Lang::Zh).unwrap();
        assert_eq!((picture.width, picture.height), (1_280, 660));
        assert!(picture.png.starts_with(b"\x89PNG"));
        let pixmap = Pixmap::decode_png(&picture.png).unwrap();
        let dark = pixmap
            .pixels()
            .iter()
            .filter(|p| p.red() < 128 && p.green() < 128 && p.blue() < 128)
            .count();
        assert!(dark > 1_000, "only {dark} dark pixels");
    }
}
