//! Tables as real Word tables: a header row that repeats on every page, numbers aligned
//! right, total rows in bold, and light horizontal rules only.

use docx_rs::{
    AlignmentType, BorderType, HeightRule, Paragraph, Shading, ShdType, Table as WordTable,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::package::HEADER_ROW_HEIGHT;
use super::styles::{HEADER_FILL, NAVY, RULE, TEXT_WIDTH, id};
use super::text::{label, run};
use super::widths::{ColumnText, widths};
use crate::document::{Align, Figure, Lang, Table};

/// How many key figures share a row of the figures grid.
const FIGURES_PER_ROW: usize = 3;

/// Half-points of a chart's data table, set under its picture: smaller than a memo table,
/// since the picture is what a reader looks at and the table is there to check it.
const DATA_TABLE_SIZE: usize = 15;

/// A memo table as a Word table.
pub fn table(table: &Table, lang: Lang) -> WordTable {
    build(table, lang, None)
}

/// A chart's data as a Word table in a smaller type.
pub fn data_table(table: &Table, lang: Lang) -> WordTable {
    build(table, lang, Some(DATA_TABLE_SIZE))
}

fn build(table: &Table, lang: Lang, size: Option<usize>) -> WordTable {
    let headers: Vec<String> = table
        .columns
        .iter()
        .map(|c| label(&c.header, lang))
        .collect();
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|c| label(c, lang)).collect())
        .collect();
    let widths = widths(
        &table
            .columns
            .iter()
            .zip(&headers)
            .enumerate()
            .map(|(i, (column, header))| ColumnText {
                align: column.align,
                header,
                cells: cells
                    .iter()
                    .filter_map(|row| row.get(i).map(String::as_str))
                    .collect(),
            })
            .collect::<Vec<_>>(),
    );
    let header = TableRow::new(
        table
            .columns
            .iter()
            .zip(&headers)
            .zip(&widths)
            .map(|((column, header), &width)| header_cell(header, column.align, width, size))
            .collect(),
    )
    .cant_split()
    .row_height(HEADER_ROW_HEIGHT)
    .height_rule(HeightRule::AtLeast);
    let mut rows = vec![header];
    for (row, texts) in table.rows.iter().zip(&cells) {
        let cells = table
            .columns
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (column, &width))| {
                let text = texts.get(i).map(String::as_str).unwrap_or_default();
                body_cell(text, column.align, width, row.strong, size)
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    frame(WordTable::new(rows), widths)
}

/// Key figures as a grid of cells, each a small label over its value.
pub fn figures(items: &[Figure], lang: Lang) -> WordTable {
    let width = TEXT_WIDTH / FIGURES_PER_ROW;
    let widths = vec![width; FIGURES_PER_ROW];
    let rows = items
        .chunks(FIGURES_PER_ROW)
        .map(|chunk| {
            let mut cells: Vec<TableCell> = chunk
                .iter()
                .map(|figure| figure_cell(&label(&figure.label, lang), &figure.value, width))
                .collect();
            while cells.len() < FIGURES_PER_ROW {
                cells.push(figure_cell("", "", width));
            }
            TableRow::new(cells)
        })
        .collect();
    WordTable::new(rows)
        .set_grid(widths)
        .width(width * FIGURES_PER_ROW, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::with_empty())
        .margins(TableCellMargins::new().margin(60, 120, 60, 140))
}

fn frame(table: WordTable, widths: Vec<usize>) -> WordTable {
    let total = widths.iter().sum();
    let rule = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(RULE)
    };
    table
        .set_grid(widths)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(
            TableBorders::with_empty()
                .set(
                    TableBorder::new(TableBorderPosition::Top)
                        .border_type(BorderType::Single)
                        .size(8)
                        .color(NAVY),
                )
                .set(
                    TableBorder::new(TableBorderPosition::Bottom)
                        .border_type(BorderType::Single)
                        .size(8)
                        .color(NAVY),
                )
                .set(rule(TableBorderPosition::InsideH)),
        )
        .margins(TableCellMargins::new().margin(50, 100, 50, 100))
}

fn cell_paragraph(
    text: &str,
    align: Align,
    bold: bool,
    color: Option<&str>,
    size: Option<usize>,
) -> Paragraph {
    let mut r = run(text);
    if let Some(size) = size {
        r = r.size(size);
    }
    if bold {
        r = r.bold();
    }
    if let Some(color) = color {
        r = r.color(color);
    }
    Paragraph::new()
        .style(id::TABLE_TEXT)
        .align(match align {
            Align::Left => AlignmentType::Left,
            Align::Right => AlignmentType::Right,
        })
        .add_run(r)
}

fn header_cell(text: &str, align: Align, width: usize, size: Option<usize>) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Bottom)
        .shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(HEADER_FILL),
        )
        .set_borders(
            TableCellBorders::with_empty().set(
                TableCellBorder::new(TableCellBorderPosition::Bottom)
                    .border_type(BorderType::Single)
                    .size(8)
                    .color(NAVY),
            ),
        )
        .add_paragraph(cell_paragraph(text, align, true, Some(NAVY), size))
}

fn body_cell(
    text: &str,
    align: Align,
    width: usize,
    strong: bool,
    size: Option<usize>,
) -> TableCell {
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(cell_paragraph(text, align, strong, None, size));
    if strong {
        cell = cell.set_borders(
            TableCellBorders::with_empty().set(
                TableCellBorder::new(TableCellBorderPosition::Top)
                    .border_type(BorderType::Single)
                    .size(8)
                    .color(NAVY),
            ),
        );
    }
    cell
}

fn figure_cell(label: &str, value: &str, width: usize) -> TableCell {
    let filled = !value.is_empty();
    let label = Paragraph::new()
        .style(id::NOTE)
        .add_run(run(label))
        .line_spacing(docx_rs::LineSpacing::new().before(0).after(20));
    let value = Paragraph::new()
        .style(id::TABLE_TEXT)
        .add_run(run(value).bold().size(26).color(NAVY));
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(label)
        .add_paragraph(value);
    if filled {
        cell = cell.set_borders(
            TableCellBorders::with_empty().set(
                TableCellBorder::new(TableCellBorderPosition::Left)
                    .border_type(BorderType::Single)
                    .size(12)
                    .color(RULE),
            ),
        );
    }
    cell
}
