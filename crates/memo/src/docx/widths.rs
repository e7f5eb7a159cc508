//! Column widths from what the columns hold, so a figure never wraps inside its cell.
//!
//! Word and LibreOffice would size an autofit table themselves, but each differently and
//! LibreOffice poorly; a fixed grid computed here looks the same in both. Widths are
//! estimates in twips from character counts, generous enough for the wider fonts
//! LibreOffice substitutes when Calibri is missing.

use super::styles::TEXT_WIDTH;
use crate::document::Align;

/// Twips an average Latin character or digit takes at the table's 9 pt, bold included.
const LATIN: usize = 125;
/// Twips a Chinese character takes at 9 pt.
const WIDE: usize = 190;
/// The cell's left and right margins, with a little air.
const PADDING: usize = 260;
/// The most a text column asks for before it wraps.
const TEXT_CAP: usize = 3_600;

/// One column's content: its header and its cells, as shown.
pub struct ColumnText<'a> {
    /// How the column is aligned; right-aligned columns hold figures that must not wrap.
    pub align: Align,
    /// The header.
    pub header: &'a str,
    /// The cells.
    pub cells: Vec<&'a str>,
}

/// The widths in twips, adding up to the text width.
pub fn widths(columns: &[ColumnText<'_>]) -> Vec<usize> {
    if columns.is_empty() {
        return Vec::new();
    }
    let hard: Vec<usize> = columns.iter().map(least).collect();
    let soft: Vec<usize> = columns
        .iter()
        .zip(&hard)
        .map(|(c, &h)| wanted(c).max(h))
        .collect();
    let hard_total: usize = hard.iter().sum();
    if hard_total >= TEXT_WIDTH {
        return scale(&hard, TEXT_WIDTH);
    }
    let extra = TEXT_WIDTH - hard_total;
    let want: Vec<usize> = soft.iter().zip(&hard).map(|(s, h)| s - h).collect();
    let want_total: usize = want.iter().sum();
    if want_total >= extra {
        let grown: Vec<usize> = hard
            .iter()
            .zip(&want)
            .map(|(h, w)| h + w * extra / want_total.max(1))
            .collect();
        return fill(grown);
    }
    // Everything fits: the room left goes to the text columns, which read better wide.
    let spare = extra - want_total;
    let text_total: usize = columns
        .iter()
        .zip(&soft)
        .filter(|(c, _)| c.align == Align::Left)
        .map(|(_, s)| s)
        .sum();
    let grown: Vec<usize> = columns
        .iter()
        .zip(&soft)
        .map(|(c, &s)| match (c.align, text_total) {
            (Align::Left, t) if t > 0 => s + spare * s / t,
            (_, 0) => s + spare / columns.len(),
            _ => s,
        })
        .collect();
    fill(grown)
}

/// The least a column can take: a figure whole, a word whole.
fn least(column: &ColumnText<'_>) -> usize {
    let header = longest_word(column.header);
    let cells = column
        .cells
        .iter()
        .map(|c| match column.align {
            Align::Right => measure(c),
            Align::Left => longest_word(c),
        })
        .max()
        .unwrap_or(0);
    header.max(cells) + PADDING
}

/// What a column would like: its longest cell on one line, text capped.
fn wanted(column: &ColumnText<'_>) -> usize {
    let longest = column
        .cells
        .iter()
        .map(|c| measure(c))
        .chain(std::iter::once(measure(column.header)))
        .max()
        .unwrap_or(0);
    let longest = match column.align {
        Align::Left => longest.min(TEXT_CAP),
        Align::Right => longest,
    };
    longest + PADDING
}

/// The widest piece that cannot break: a Latin word, or three Chinese characters (Chinese
/// breaks between any two, but a column one character wide reads badly).
fn longest_word(text: &str) -> usize {
    let mut longest = 0;
    for word in text.split_whitespace() {
        let (mut latin, mut wide) = (0, 0);
        for c in word.chars() {
            if is_wide(c) {
                longest = longest.max(latin);
                latin = 0;
                wide = (wide % 3) + 1;
                longest = longest.max(wide * WIDE);
            } else {
                wide = 0;
                latin += LATIN;
            }
        }
        longest = longest.max(latin);
    }
    longest
}

fn measure(text: &str) -> usize {
    text.chars()
        .map(|c| if is_wide(c) { WIDE } else { LATIN })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

fn scale(widths: &[usize], total: usize) -> Vec<usize> {
    let sum: usize = widths.iter().sum::<usize>().max(1);
    fill(widths.iter().map(|w| w * total / sum).collect())
}

/// Puts what rounding lost into the first column, so the table spans the text width.
fn fill(mut widths: Vec<usize>) -> Vec<usize> {
    let sum: usize = widths.iter().sum();
    if let Some(first) = widths.first_mut() {
        *first += TEXT_WIDTH.saturating_sub(sum);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column<'a>(align: Align, header: &'a str, cells: &[&'a str]) -> ColumnText<'a> {
        ColumnText {
            align,
            header,
            cells: cells.to_vec(),
        }
    }

    #[test]
    fn figures_get_room_for_their_longest_value() {
        let columns = [
            column(
                Align::Left,
                "Driver",
                &["Retail price", "FX rate level (years 1..N)"],
            ),
            column(Align::Right, "Low input", &["416,000"]),
            column(
                Align::Right,
                "NPV at low",
                &["USD -244,300", "USD 7,314,255"],
            ),
            column(Align::Right, "NPV at high", &["USD 7,558,555"]),
            column(Align::Right, "Swing", &["USD 7,558,555"]),
            column(Align::Right, "High input", &["624,000"]),
        ];
        let widths = widths(&columns);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(widths[2] >= measure("USD 7,314,255") + PADDING);
        assert!(widths[3] >= measure("USD 7,558,555") + PADDING);
    }

    #[test]
    fn chinese_headers_may_break_between_characters() {
        assert_eq!(longest_word("内部收益率（经济）"), 3 * WIDE);
        assert_eq!(longest_word("IRR（经济）"), 3 * WIDE);
        assert_eq!(longest_word("NPV at low"), 3 * LATIN);
    }

    #[test]
    fn too_many_columns_share_the_width() {
        let cells = ["1,234,567,890"; 1];
        let columns: Vec<_> = (0..12)
            .map(|_| column(Align::Right, "Y1", &cells))
            .collect();
        let widths = widths(&columns);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert_eq!(widths[1], TEXT_WIDTH / 12);
    }
}
