//! Small builders shared by the sections: columns, rows, and the wording of figures that
//! may be absent (an IRR that does not exist is said in words, never printed as a number).

use jv_engine::returns::ViewMetrics;

use super::format;
use super::labels::{self, L};
use crate::document::{Align, Block, Column, Row, Table, Text};

/// A left-aligned (text) column.
pub fn left(header: L) -> Column {
    Column {
        header: header.t(),
        align: Align::Left,
    }
}

/// A right-aligned (number) column.
pub fn right(header: L) -> Column {
    Column {
        header: header.t(),
        align: Align::Right,
    }
}

/// A right-aligned column with a header given as text.
pub fn right_text(header: Text) -> Column {
    Column {
        header,
        align: Align::Right,
    }
}

/// A plain row.
pub fn row(cells: Vec<Text>) -> Row {
    Row {
        cells,
        strong: false,
    }
}

/// A total row.
pub fn strong(cells: Vec<Text>) -> Row {
    Row {
        cells,
        strong: true,
    }
}

/// A table block.
pub fn table(caption: Text, columns: Vec<Column>, rows: Vec<Row>, note: Text) -> Block {
    Block::Table(Table {
        caption,
        columns,
        rows,
        note,
    })
}

/// A figure that reads the same in both languages.
pub fn fig(value: String) -> Text {
    Text::same(value)
}

/// A paragraph block.
pub fn para(text: Text) -> Block {
    Block::Paragraph { text }
}

/// A note block.
pub fn note(text: Text) -> Block {
    Block::Note { text }
}

/// A heading block.
pub fn heading(text: Text) -> Block {
    Block::Heading { text }
}

/// The IRR of a view, or why there is none.
pub fn irr(view: &ViewMetrics) -> Text {
    match view.irr {
        Some(r) => Text::same(format::rate(r)),
        None => match view.irr_status {
            "no_cash_invested" => labels::NO_CASH_INVESTED.t(),
            "no_outflow" => labels::NO_OUTFLOW.t(),
            "no_inflow" => labels::NO_INFLOW.t(),
            _ => labels::NO_ROOT.t(),
        },
    }
}

/// The MOIC of a view, or "n/a".
pub fn moic(view: &ViewMetrics) -> Text {
    view.moic.map_or_else(
        || labels::NOT_AVAILABLE.t(),
        |m| Text::same(format::multiple(m)),
    )
}

/// The payback year of a view, or "not reached".
pub fn payback(view: &ViewMetrics) -> Text {
    view.payback_year
        .map_or_else(|| labels::NOT_REACHED.t(), |y| Text::same(format::year(y)))
}

/// Joins texts with a separator in each language.
pub fn join(parts: &[Text], en_sep: &str, zh_sep: &str) -> Text {
    Text::new(
        parts
            .iter()
            .map(|p| p.en.as_str())
            .collect::<Vec<_>>()
            .join(en_sep),
        parts
            .iter()
            .map(|p| p.zh.as_str())
            .collect::<Vec<_>>()
            .join(zh_sep),
    )
}
