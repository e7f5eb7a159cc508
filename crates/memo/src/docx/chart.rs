//! A chart in the DOCX, given as the table of its data: Word cannot draw the memo's SVG
//! charts natively, and a table stays editable and exact. The caption carries the chart's
//! title and the note its unit, so no figure loses its meaning.

use rust_decimal::Decimal;

use crate::content::format::number;
use crate::document::{Align, Chart, Column, Row, Table, Text};

/// The chart's data as a memo table: one row per category, one column per series.
pub fn as_table(chart: &Chart) -> Table {
    let decimals = decimals(chart);
    let mut columns = vec![Column {
        header: chart.category_label.clone(),
        align: Align::Left,
    }];
    columns.extend(chart.series.iter().map(|series| Column {
        header: series.name.clone(),
        align: Align::Right,
    }));
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let mut cells = vec![category.clone()];
            cells.extend(chart.series.iter().map(|series| {
                Text::same(
                    series
                        .values
                        .get(i)
                        .map(|v| format_value(*v, decimals))
                        .unwrap_or_default(),
                )
            }));
            Row {
                cells,
                strong: false,
            }
        })
        .collect();
    Table {
        caption: chart.title.clone(),
        columns,
        rows,
        note: Text::new(
            format!("Values in {}.", chart.value_label.en),
            format!("单位：{}。", chart.value_label.zh),
        ),
    }
}

/// Enough decimals that small values do not all read 0.
fn decimals(chart: &Chart) -> u32 {
    let largest = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter())
        .filter(|v| v.is_finite())
        .fold(0.0_f64, |acc, v| acc.max(v.abs()));
    if largest >= 100.0 {
        0
    } else if largest >= 1.0 {
        1
    } else {
        2
    }
}

/// `value` as the memo writes its figures ("-1,250"), or "–" when it is not a number.
fn format_value(value: f64, decimals: u32) -> String {
    match Decimal::try_from(value) {
        Ok(amount) => number(amount, decimals),
        Err(_) => "–".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_the_memo() {
        assert_eq!(format_value(1_234_567.4, 0), "1,234,567");
        assert_eq!(format_value(-950.26, 1), "-950.3");
        assert_eq!(format_value(-0.001, 1), "0.0");
        assert_eq!(format_value(f64::NAN, 0), "–");
    }
}
