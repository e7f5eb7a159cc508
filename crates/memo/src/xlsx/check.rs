//! The Check sheet: the engine's own projection lines beside the formulas', with the total
//! absolute difference of each line.

use jv_engine::Evaluation;
use rust_xlsxwriter::{Workbook, Worksheet};

use super::layout::{CHECK, FIRST_YEAR_COL, PROJECTION, YEAR_ROW, sheet, year_col, year_range};
use super::projection_lines::Lines;
use super::style::{Kind, Styles, num};

/// Writes the Check sheet; each line sits on the same row as on the Projection sheet.
pub fn write(
    workbook: &mut Workbook,
    styles: &Styles,
    evaluation: &Evaluation,
    lines: &Lines,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let years = &evaluation.projection.years;
    let n = years.len().saturating_sub(1);
    let mut ws = Worksheet::new();
    ws.set_name(CHECK)?;
    ws.write_string_with_format(0, 0, "Check: the engine's values", &styles.title)?;
    ws.write_string_with_format(
        1,
        0,
        "Grey: the engine's figures. Column B: the sum over the years of |Projection − engine|.",
        &styles.note,
    )?;
    ws.write_string_with_format(YEAR_ROW, 0, "Year", &styles.header)?;
    ws.write_string_with_format(YEAR_ROW, 1, "Σ |difference|", &styles.header)?;
    for t in 0..=n {
        ws.write_number_with_format(YEAR_ROW, year_col(t), t as f64, &styles.header)?;
    }
    for line in &lines.list {
        let Some(value) = line.engine else {
            continue;
        };
        let row = lines.row(&line.key);
        ws.write_string(row, 0, &line.label)?;
        for (t, year) in years.iter().enumerate() {
            ws.write_number_with_format(
                row,
                year_col(t),
                num(value(year)),
                &styles.engine(line.kind),
            )?;
        }
        let diff = format!(
            "=SUMPRODUCT(ABS({}{}-{}))",
            sheet(PROJECTION),
            year_range(row, 0, n),
            year_range(row, 0, n)
        );
        ws.write_formula_with_format(row, 1, diff.as_str(), &styles.formula(Kind::Money))?;
    }
    ws.set_column_width(0, 48)?;
    ws.set_column_width(1, 16)?;
    ws.set_column_range_width(FIRST_YEAR_COL, year_col(n), 16)?;
    ws.set_freeze_panes(YEAR_ROW + 1, FIRST_YEAR_COL)?;
    workbook.push_worksheet(ws);
    Ok(())
}
