//! The model as an Excel workbook with live formulas (issue 6).
//!
//! The Inputs sheet holds every figure the model starts from; the Projection, Returns and
//! Cap table sheets rebuild the engine's lines from them as formulas, in the engine's order of
//! computation, so a change to an input recomputes the workbook in Excel or LibreOffice.
//! The engine's own values sit beside the formulas (the Check sheet and the engine columns of
//! Returns) so an auditor sees that they tie. The few things a formula cannot sensibly redo
//! (whole shares issued by vesting and capital calls, pools whose entries expire) are written
//! as grey constants marked "engine value". User text is always written as text, so a name
//! such as `=HYPERLINK(…)` stays a name.

mod cap_table;
mod check;
mod inputs;
mod layout;
mod projection;
mod projection_lines;
mod returns;
mod scalars;
mod style;

use jv_engine::{Deal, Evaluation};
use rust_xlsxwriter::Workbook;

pub use layout::{CAP_TABLE, CHECK, INPUTS, PROJECTION, RETURNS};

/// Why the workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    /// The workbook library refused a cell, a name or the file.
    #[error("the Excel workbook could not be written: {source}")]
    Workbook {
        /// The library's error.
        #[from]
        source: rust_xlsxwriter::XlsxError,
    },
    /// The evaluation does not belong to the deal (a different horizon or party list).
    #[error("the evaluation does not match the deal: {what}")]
    Mismatch {
        /// What differs.
        what: String,
    },
}

/// Writes the model of `deal`, evaluated as `evaluation`, as the bytes of an .xlsx file.
pub fn write_xlsx(deal: &Deal, evaluation: &Evaluation) -> Result<Vec<u8>, XlsxError> {
    let years = evaluation.projection.years.len();
    if years != deal.horizon_years as usize + 1 {
        return Err(XlsxError::Mismatch {
            what: format!(
                "the projection has {years} years, the deal a horizon of {}",
                deal.horizon_years
            ),
        });
    }
    if evaluation.parties.len() != deal.parties.len() || evaluation.equity.by_year.len() != years {
        return Err(XlsxError::Mismatch {
            what: "the parties or the cap table differ".to_owned(),
        });
    }
    let styles = style::Styles::new();
    let mut workbook = Workbook::new();
    let inputs = inputs::write(&mut workbook, &styles, deal, evaluation)?;
    let caps = cap_table::layout(deal);
    let lines = projection_lines::layout(deal, &evaluation.contributions);
    projection::write(
        &mut workbook,
        &styles,
        deal,
        evaluation,
        &inputs,
        &caps,
        &lines,
    )?;
    returns::write(
        &mut workbook,
        &styles,
        deal,
        evaluation,
        &inputs,
        &caps,
        &lines,
    )?;
    cap_table::write(&mut workbook, &styles, deal, evaluation, &inputs, &caps)?;
    check::write(&mut workbook, &styles, evaluation, &lines)?;
    Ok(workbook.save_to_buffer()?)
}
