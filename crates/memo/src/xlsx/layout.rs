//! Sheet names and cell addresses shared by the sheets: year t sits in the same column on
//! every sheet, so a formula refers to another sheet's year by column letter alone.

use rust_xlsxwriter::utility::column_number_to_name;
use rust_xlsxwriter::{ColNum, RowNum};

/// The sheet of inputs.
pub const INPUTS: &str = "Inputs";
/// The JV's accounts year by year.
pub const PROJECTION: &str = "Projection";
/// Each party's flows, NPV and IRR.
pub const RETURNS: &str = "Returns";
/// Shares at closing and by year.
pub const CAP_TABLE: &str = "Cap table";
/// The engine's values beside the formulas'.
pub const CHECK: &str = "Check";

/// The column of year 0 (C): A holds labels, B a unit or a single value.
pub const FIRST_YEAR_COL: ColNum = 2;
/// The row (0-based) that holds the year numbers on every sheet with year columns.
pub const YEAR_ROW: RowNum = 2;

/// The column of year `t`.
pub fn year_col(t: usize) -> ColNum {
    FIRST_YEAR_COL + t as ColNum
}

/// The column letter of year `t`.
pub fn year_letter(t: usize) -> String {
    column_number_to_name(year_col(t))
}

/// `C7`-style address of year `t` on 0-based `row`.
pub fn at(row: RowNum, t: usize) -> String {
    format!("{}{}", year_letter(t), row + 1)
}

/// The year number of year `t`, as the header cell holds it.
pub fn year_cell(t: usize) -> String {
    format!("{}${}", year_letter(t), YEAR_ROW + 1)
}

/// `C7:M7`: the years 0..=n of 0-based `row`.
pub fn year_range(row: RowNum, from: usize, to: usize) -> String {
    format!("{}:{}", at(row, from), at(row, to))
}

/// A sheet name as a formula writes it.
pub fn sheet(name: &str) -> String {
    if name.contains(' ') {
        format!("'{name}'!")
    } else {
        format!("{name}!")
    }
}

/// `$B$7`-style absolute address of a 0-based cell.
pub fn absolute(row: RowNum, col: ColNum) -> String {
    format!("${}${}", column_number_to_name(col), row + 1)
}
