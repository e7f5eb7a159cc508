//! The Cap table sheet: holdings by year (the engine's whole shares, grey), the weights
//! that split dividends, exit and capital calls (formulas), the closing split and the history.

use jv_engine::Evaluation;
use jv_engine::model::Deal;
use jv_engine::projection::EventKind;
use rust_xlsxwriter::{Note, RowNum, Workbook, Worksheet};

use super::inputs::{InputRefs, party_col};
use super::layout::{CAP_TABLE, FIRST_YEAR_COL, YEAR_ROW, at, sheet, year_col};
use super::style::{Kind, Styles, num};

/// Where the cap table's rows are.
pub struct CapRefs {
    parties: usize,
    n: usize,
    first: RowNum,
}

impl CapRefs {
    fn vested_row(&self, i: usize) -> RowNum {
        self.first + 2 * i as RowNum
    }

    fn escrow_row(&self, i: usize) -> RowNum {
        self.vested_row(i) + 1
    }

    fn total_vested_row(&self) -> RowNum {
        self.first + 2 * self.parties as RowNum
    }

    fn start_row(&self, i: usize) -> RowNum {
        self.total_vested_row() + 1 + i as RowNum
    }

    fn weight_row(&self, i: usize) -> RowNum {
        self.start_row(self.parties) + i as RowNum
    }

    fn total_weight_row(&self) -> RowNum {
        self.weight_row(self.parties)
    }

    fn end(&self) -> RowNum {
        self.total_weight_row() + 1
    }

    /// Party `i`'s vested shares at the end of year `t`.
    pub fn vested(&self, i: usize, t: usize) -> String {
        format!("{}{}", sheet(CAP_TABLE), at(self.vested_row(i), t))
    }

    /// All vested shares at the end of year `t`.
    pub fn total_vested(&self, t: usize) -> String {
        format!("{}{}", sheet(CAP_TABLE), at(self.total_vested_row(), t))
    }

    /// Party `i`'s weight in the capital call of year `t`.
    pub fn weight(&self, i: usize, t: usize) -> String {
        format!("{}{}", sheet(CAP_TABLE), at(self.weight_row(i), t))
    }

    /// The weight of all who join the capital call of year `t`.
    pub fn total_weight(&self, t: usize) -> String {
        format!("{}{}", sheet(CAP_TABLE), at(self.total_weight_row(), t))
    }
}

/// Where the rows will be.
pub fn layout(deal: &Deal) -> CapRefs {
    CapRefs {
        parties: deal.parties.len(),
        n: deal.horizon_years as usize,
        first: YEAR_ROW + 2,
    }
}

/// Writes the Cap table sheet.
pub fn write(
    workbook: &mut Workbook,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
    inputs: &InputRefs,
    refs: &CapRefs,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let n = refs.n;
    let mut ws = Worksheet::new();
    ws.set_name(CAP_TABLE)?;
    ws.write_string_with_format(0, 0, "Cap table", &styles.title)?;
    ws.write_string_with_format(
        1,
        0,
        "Grey: shares as the engine issued, vested and cancelled them (whole shares by largest \
         remainder); they do not move with the inputs. The weights below are formulas.",
        &styles.note,
    )?;
    ws.write_string_with_format(YEAR_ROW, 0, "Year end", &styles.header)?;
    for t in 0..=n {
        ws.write_number_with_format(YEAR_ROW, year_col(t), t as f64, &styles.header)?;
    }
    let engine = styles.engine(Kind::Count);
    let formula = styles.formula(Kind::Count);
    for (i, party) in deal.parties.iter().enumerate() {
        ws.write_string(
            refs.vested_row(i),
            0,
            format!("{}: vested shares", party.name),
        )?;
        ws.write_string(
            refs.escrow_row(i),
            0,
            format!("{}: shares in escrow", party.name),
        )?;
        ws.write_string(
            refs.start_row(i),
            0,
            format!("{}: shares at the start of the year", party.name),
        )?;
        ws.write_string(
            refs.weight_row(i),
            0,
            format!("{}: weight in a capital call", party.name),
        )?;
        ws.write_string_with_format(refs.vested_row(i), 1, "engine value", &styles.note)?;
        ws.write_string_with_format(refs.escrow_row(i), 1, "engine value", &styles.note)?;
        let joins = inputs.party(i, party_col::JOINS);
        for t in 0..=n {
            let row = &evaluation.equity.by_year[t].parties[i];
            ws.write_number_with_format(refs.vested_row(i), year_col(t), num(row.vested), &engine)?;
            ws.write_number_with_format(refs.escrow_row(i), year_col(t), num(row.escrow), &engine)?;
            if t == 0 {
                // Before closing's vesting every closing share counts, vested or not.
                let closing = evaluation
                    .equity
                    .parties
                    .get(i)
                    .map(|c| c.shares)
                    .unwrap_or_default();
                ws.write_number_with_format(refs.start_row(i), year_col(t), num(closing), &engine)?;
            } else {
                let start = format!(
                    "={}+{}",
                    at(refs.vested_row(i), t - 1),
                    at(refs.escrow_row(i), t - 1)
                );
                ws.write_formula_with_format(
                    refs.start_row(i),
                    year_col(t),
                    start.as_str(),
                    &formula,
                )?;
            }
            let weight = format!("={}*{joins}", at(refs.start_row(i), t));
            ws.write_formula_with_format(
                refs.weight_row(i),
                year_col(t),
                weight.as_str(),
                &formula,
            )?;
        }
        let note = Note::new("engine value: whole shares as the engine issued and vested them")
            .add_author_prefix(false);
        ws.insert_note(refs.vested_row(i), 1, &note)?;
    }
    ws.write_string_with_format(refs.total_vested_row(), 0, "Vested shares", &styles.header)?;
    ws.write_string_with_format(
        refs.total_weight_row(),
        0,
        "Weight of those joining a call",
        &styles.header,
    )?;
    let p = deal.parties.len();
    for t in 0..=n {
        let vested: Vec<String> = (0..p).map(|i| at(refs.vested_row(i), t)).collect();
        let weights: Vec<String> = (0..p).map(|i| at(refs.weight_row(i), t)).collect();
        let total = styles.total(Kind::Count);
        ws.write_formula_with_format(
            refs.total_vested_row(),
            year_col(t),
            format!("={}", vested.join("+")).as_str(),
            &total,
        )?;
        ws.write_formula_with_format(
            refs.total_weight_row(),
            year_col(t),
            format!("={}", weights.join("+")).as_str(),
            &total,
        )?;
    }
    let mut row = refs.end() + 1;
    closing(&mut ws, styles, deal, evaluation, &mut row)?;
    row += 1;
    history(&mut ws, styles, deal, evaluation, row)?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 16)?;
    ws.set_column_range_width(FIRST_YEAR_COL, year_col(n).max(8), 14)?;
    ws.set_freeze_panes(YEAR_ROW + 1, 2)?;
    workbook.push_worksheet(ws);
    Ok(())
}

/// The closing split as the engine made it.
fn closing(
    ws: &mut Worksheet,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
    row: &mut RowNum,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.write_string_with_format(*row, 0, "At closing (engine values)", &styles.header)?;
    let titles = [
        "Shares",
        "Percent",
        "Value contributed (reporting)",
        "Value transfer (reporting)",
    ];
    for (k, title) in titles.iter().enumerate() {
        ws.write_string_with_format(*row, 1 + k as u16, *title, &styles.header)?;
    }
    *row += 1;
    for (party, line) in deal.parties.iter().zip(&evaluation.equity.parties) {
        ws.write_string(*row, 0, &party.name)?;
        ws.write_number_with_format(*row, 1, num(line.shares), &styles.engine(Kind::Count))?;
        ws.write_number_with_format(
            *row,
            2,
            num(line.percent) / 100.0,
            &styles.engine(Kind::Rate),
        )?;
        ws.write_number_with_format(
            *row,
            3,
            num(line.value_contributed),
            &styles.engine(Kind::Money),
        )?;
        ws.write_number_with_format(
            *row,
            4,
            num(line.value_transfer),
            &styles.engine(Kind::Money),
        )?;
        *row += 1;
    }
    Ok(())
}

/// Every issue, vesting, forfeiture and capital call.
fn history(
    ws: &mut Worksheet,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
    row: RowNum,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let titles = [
        "Event",
        "Year",
        "Shares",
        "Price (local)",
        "Amount (local)",
        "Milestone",
    ];
    ws.write_string_with_format(row, 0, "History (engine values)", &styles.header)?;
    for (k, title) in titles.iter().enumerate() {
        ws.write_string_with_format(row, 1 + k as u16, *title, &styles.header)?;
    }
    for (k, event) in evaluation.equity.history.iter().enumerate() {
        let r = row + 1 + k as RowNum;
        let name = deal
            .parties
            .iter()
            .find(|p| p.id == event.party)
            .map_or(event.party.as_str(), |p| p.name.as_str());
        ws.write_string(r, 0, name)?;
        let kind = match event.kind {
            EventKind::Closing => "closing",
            EventKind::Vesting => "vesting",
            EventKind::Forfeiture => "forfeiture",
            EventKind::CapitalCall => "capital call",
        };
        ws.write_string(r, 1, kind)?;
        ws.write_number(r, 2, f64::from(event.year))?;
        ws.write_number_with_format(r, 3, num(event.shares), &styles.engine(Kind::Count))?;
        if let Some(price) = event.price {
            ws.write_number_with_format(r, 4, num(price), &styles.engine(Kind::Money))?;
        }
        if let Some(amount) = event.amount {
            ws.write_number_with_format(r, 5, num(amount), &styles.engine(Kind::Money))?;
        }
        ws.write_string(r, 6, &event.milestone)?;
    }
    Ok(())
}
