//! The Projection sheet: the JV's lines year by year as formulas over the inputs, the
//! depreciation schedule and the exit value.

use jv_engine::Evaluation;
use jv_engine::model::Deal;
use rust_xlsxwriter::{Note, Workbook, Worksheet};

use super::cap_table::CapRefs;
use super::inputs::InputRefs;
use super::layout::{FIRST_YEAR_COL, PROJECTION, YEAR_ROW, year_col};
use super::projection_lines::Lines;
use super::style::{Kind, Styles, num};

/// Writes the Projection sheet.
pub fn write(
    workbook: &mut Workbook,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
    inputs: &InputRefs,
    caps: &CapRefs,
    lines: &Lines,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let n = deal.horizon_years as usize;
    let mut ws = Worksheet::new();
    ws.set_name(PROJECTION)?;
    ws.write_string_with_format(
        0,
        0,
        format!("Projection ({}, local currency)", deal.market.currency),
        &styles.title,
    )?;
    ws.write_string_with_format(
        1,
        0,
        "Every figure is a formula over the Inputs sheet and the lines above, in the engine's \
         order; the Check sheet holds the engine's values.",
        &styles.note,
    )?;
    ws.write_string_with_format(YEAR_ROW, 0, "Year", &styles.header)?;
    for t in 0..=n {
        ws.write_number_with_format(YEAR_ROW, year_col(t), t as f64, &styles.header)?;
    }
    let engine_note = Note::new(
        "engine value: the engine's carry-forward pools expire entry by entry, which these \
         formulas do not follow; the figure does not move with the inputs",
    )
    .add_author_prefix(false);
    for line in &lines.list {
        let row = lines.row(&line.key);
        if line.header {
            ws.write_string_with_format(row, 0, &line.label, &styles.header)?;
            continue;
        }
        ws.write_string(row, 0, &line.label)?;
        if lines.is_engine(&line.key) {
            ws.write_string_with_format(row, 1, "engine value", &styles.note)?;
            ws.insert_note(row, 1, &engine_note)?;
            let value = line.engine;
            for (t, year) in evaluation.projection.years.iter().enumerate() {
                let figure = value.map(|f| f(year)).unwrap_or_default();
                ws.write_number_with_format(
                    row,
                    year_col(t),
                    num(figure),
                    &styles.engine(line.kind),
                )?;
            }
            continue;
        }
        let format = if matches!(
            line.key.as_str(),
            "ebitda" | "net_income" | "cash" | "dividends"
        ) {
            styles.total(line.kind)
        } else {
            styles.formula(line.kind)
        };
        for t in 0..=n {
            let formula = lines.formula(&line.key, t, inputs, caps);
            ws.write_formula_with_format(row, year_col(t), formula.as_str(), &format)?;
        }
    }
    let header = lines
        .exit
        .first()
        .map_or(0, |(_, _, r)| r.saturating_sub(1));
    ws.write_string_with_format(
        header,
        0,
        format!("Exit at year {n} ({})", evaluation.exit.method),
        &styles.header,
    )?;
    ws.write_string_with_format(header, 1, "engine", &styles.header)?;
    ws.write_string_with_format(header, year_col(0), "formula", &styles.header)?;
    for (key, label, row) in &lines.exit {
        ws.write_string(*row, 0, *label)?;
        let formula = lines.exit_formula(key, deal);
        ws.write_formula_with_format(
            *row,
            year_col(0),
            formula.as_str(),
            &styles.total(Kind::Money),
        )?;
        let exit = &evaluation.exit;
        let engine = match *key {
            "exit_net_debt" => Some(exit.net_debt),
            "exit_fcff" => exit.steady_state_fcff,
            "exit_ev" => exit.enterprise_value,
            _ => Some(exit.equity_value),
        };
        if let Some(value) = engine {
            ws.write_number_with_format(*row, 1, num(value), &styles.engine(Kind::Money))?;
        }
    }
    ws.set_column_width(0, 48)?;
    ws.set_column_width(1, 16)?;
    ws.set_column_range_width(FIRST_YEAR_COL, year_col(n), 16)?;
    ws.set_freeze_panes(YEAR_ROW + 1, FIRST_YEAR_COL)?;
    workbook.push_worksheet(ws);
    Ok(())
}
