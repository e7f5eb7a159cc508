//! The Returns sheet: each party's flows by channel in reporting currency, its cash and
//! economic flows, and NPV and IRR as spreadsheet formulas beside the engine's figures.

use jv_engine::Evaluation;
use jv_engine::model::Deal;
use jv_engine::returns::ViewMetrics;
use rust_xlsxwriter::{RowNum, Workbook, Worksheet};

use super::cap_table::CapRefs;
use super::inputs::{InputRefs, contribution_col as cc, party_col as pc};
use super::layout::{
    FIRST_YEAR_COL, PROJECTION, RETURNS, YEAR_ROW, absolute, at, sheet, year_cell, year_col,
    year_range,
};
use super::projection_lines::Lines;
use super::style::{Kind, Styles, num};

/// Rows of one party's block, relative to its first row.
mod offset {
    pub const CONTRIBUTIONS: u32 = 1;
    pub const IN_KIND: u32 = 2;
    pub const CALLS: u32 = 3;
    pub const DIVIDENDS: u32 = 4;
    pub const ROYALTIES: u32 = 5;
    pub const KIT_MARGIN: u32 = 6;
    pub const DISTRIBUTION: u32 = 7;
    pub const EXIT: u32 = 8;
    pub const CASH_FLOW: u32 = 9;
    pub const ECONOMIC_FLOW: u32 = 10;
    pub const CALLS_LOCAL: u32 = 11;
    pub const PROCEEDS: u32 = 12;
    pub const COST: u32 = 13;
    pub const CGT: u32 = 14;
    pub const METRICS: u32 = 15;
    pub const HEIGHT: u32 = 21;
}

/// First row of party `i`'s block.
pub fn block(i: usize) -> RowNum {
    YEAR_ROW + 2 + offset::HEIGHT * i as RowNum
}

/// The row (0-based) of party `i`'s metric: 0 NPV cash, 1 IRR cash, 2 NPV economic, 3 IRR
/// economic; the formula is in column C, the engine's figure in D.
pub fn metric_row(i: usize, metric: u32) -> RowNum {
    block(i) + offset::METRICS + 1 + metric
}

/// The row (0-based) of party `i`'s cash (false) or economic (true) flow.
pub fn flow_row(i: usize, economic: bool) -> RowNum {
    block(i)
        + if economic {
            offset::ECONOMIC_FLOW
        } else {
            offset::CASH_FLOW
        }
}

/// Writes the Returns sheet.
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
    ws.set_name(RETURNS)?;
    ws.write_string_with_format(
        0,
        0,
        format!(
            "Returns by party ({}, each party's point of view)",
            deal.reporting_currency
        ),
        &styles.title,
    )?;
    ws.write_string_with_format(
        1,
        0,
        "NPV discounts from year 1 (year 0 undiscounted): year-0 flow + NPV(rate, years 1..N). \
         The engine columns hold the engine's own figures.",
        &styles.note,
    )?;
    ws.write_string_with_format(YEAR_ROW, 0, "Year", &styles.header)?;
    for t in 0..=n {
        ws.write_number_with_format(YEAR_ROW, year_col(t), t as f64, &styles.header)?;
    }
    for (i, party) in deal.parties.iter().enumerate() {
        let first = block(i);
        ws.write_string_with_format(first, 0, &party.name, &styles.header)?;
        let rows = [
            (offset::CONTRIBUTIONS, "Cash contributions"),
            (
                offset::IN_KIND,
                "In-kind contributions (economic view only)",
            ),
            (offset::CALLS, "Capital calls"),
            (offset::DIVIDENDS, "Dividends after withholding"),
            (offset::ROYALTIES, "Royalties and fees after withholding"),
            (offset::KIT_MARGIN, "Margin on kits"),
            (offset::DISTRIBUTION, "Distribution profit after tax"),
            (offset::EXIT, "Exit after capital-gains tax"),
            (offset::CASH_FLOW, "Cash flow"),
            (offset::ECONOMIC_FLOW, "Economic flow"),
            (offset::CALLS_LOCAL, "Capital calls paid (local)"),
            (offset::PROCEEDS, "Exit proceeds (local)"),
            (offset::COST, "Cost of the holding (local)"),
            (offset::CGT, "Capital-gains tax (local)"),
        ];
        for (off, label) in rows {
            ws.write_string(first + off, 0, label)?;
        }
        ws.write_string(
            first + offset::CASH_FLOW,
            1,
            deal.reporting_currency.as_str(),
        )?;
        let ctx = Ctx {
            i,
            inputs,
            caps,
            lines,
            first,
            n,
        };
        for t in 0..=n {
            for off in offset::CONTRIBUTIONS..=offset::CALLS_LOCAL {
                let kind_format = if off == offset::CASH_FLOW || off == offset::ECONOMIC_FLOW {
                    styles.total(Kind::Money)
                } else {
                    styles.formula(Kind::Money)
                };
                ws.write_formula_with_format(
                    first + off,
                    year_col(t),
                    ctx.channel(off, t).as_str(),
                    &kind_format,
                )?;
            }
        }
        for off in offset::PROCEEDS..=offset::CGT {
            ws.write_formula_with_format(
                first + off,
                year_col(0),
                ctx.exit_helper(off).as_str(),
                &styles.formula(Kind::Money),
            )?;
        }
        let metrics = first + offset::METRICS;
        for (col, title) in [
            (year_col(0), "formula"),
            (year_col(1), "engine"),
            (year_col(2), "difference"),
        ] {
            ws.write_string_with_format(metrics, col, title, &styles.header)?;
        }
        let returns = &evaluation.parties[i];
        let rate = inputs.party(i, pc::DISCOUNT);
        let views: [(&str, bool, &ViewMetrics); 2] = [
            ("cash", false, &returns.views.cash),
            ("economic", true, &returns.views.economic),
        ];
        for (k, (name, economic, view)) in views.into_iter().enumerate() {
            let flow = flow_row(i, economic);
            let npv_row = metric_row(i, 2 * k as u32);
            let irr_row = npv_row + 1;
            let npv = if n == 0 {
                format!("={}", at(flow, 0))
            } else {
                format!("={}+NPV({rate},{})", at(flow, 0), year_range(flow, 1, n))
            };
            let irr = format!(
                "=IFERROR(IRR({},{rate}),\"no IRR\")",
                year_range(flow, 0, n)
            );
            ws.write_string(npv_row, 0, format!("NPV, {name} view"))?;
            ws.write_string(irr_row, 0, format!("IRR, {name} view"))?;
            ws.write_formula_with_format(
                npv_row,
                year_col(0),
                npv.as_str(),
                &styles.total(Kind::Money),
            )?;
            ws.write_formula_with_format(
                irr_row,
                year_col(0),
                irr.as_str(),
                &styles.total(Kind::Rate),
            )?;
            ws.write_number_with_format(
                npv_row,
                year_col(1),
                num(view.npv),
                &styles.engine(Kind::Money),
            )?;
            match view.irr {
                Some(r) => ws.write_number_with_format(
                    irr_row,
                    year_col(1),
                    num(r),
                    &styles.engine(Kind::Rate),
                )?,
                None => ws.write_string(
                    irr_row,
                    year_col(1),
                    view.irr_note.as_deref().unwrap_or(view.irr_status),
                )?,
            };
            for row in [npv_row, irr_row] {
                let diff = format!("=IFERROR({}-{},\"\")", at(row, 0), at(row, 1));
                let kind = if row == npv_row {
                    Kind::Money
                } else {
                    Kind::Rate
                };
                ws.write_formula_with_format(
                    row,
                    year_col(2),
                    diff.as_str(),
                    &styles.formula(kind),
                )?;
            }
        }
    }
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 10)?;
    ws.set_column_range_width(FIRST_YEAR_COL, year_col(n).max(year_col(2)), 16)?;
    ws.set_freeze_panes(YEAR_ROW + 1, FIRST_YEAR_COL)?;
    workbook.push_worksheet(ws);
    Ok(())
}

/// What one party's formulas refer to.
struct Ctx<'a> {
    i: usize,
    inputs: &'a InputRefs,
    caps: &'a CapRefs,
    lines: &'a Lines,
    first: RowNum,
    n: usize,
}

impl Ctx<'_> {
    fn projection(&self, key: &str, t: usize) -> String {
        format!("{}{}", sheet(PROJECTION), self.lines.at(key, t))
    }

    fn here(&self, off: u32, t: usize) -> String {
        at(self.first + off, t)
    }

    fn party(&self, col: u16) -> String {
        self.inputs.party(self.i, col)
    }

    /// The formula of channel row `off` in year `t`, following returns.rs.
    fn channel(&self, off: u32, t: usize) -> String {
        let fx = self.projection("fx", t);
        let y = year_cell(t);
        let number = self.i + 1;
        let contributions = |cash: u8| {
            format!(
                "=-SUMIFS({},{},{number},{},{cash},{},{y})",
                self.inputs.contribution_column(cc::VALUE),
                self.inputs.contribution_column(cc::PARTY),
                self.inputs.contribution_column(cc::CASH),
                self.inputs.contribution_column(cc::YEAR)
            )
        };
        let vested = self.caps.total_vested(t);
        match off {
            offset::CONTRIBUTIONS => contributions(1),
            offset::IN_KIND => contributions(0),
            offset::CALLS => format!("=-{}/{fx}", self.here(offset::CALLS_LOCAL, t)),
            offset::DIVIDENDS => format!(
                "=IF({vested}=0,0,{}*{}/{vested}*(1-{})/{fx})",
                self.projection("dividends", t),
                self.caps.vested(self.i, t),
                self.party(pc::WHT_DIVIDENDS)
            ),
            offset::ROYALTIES => format!(
                "=IF({}=1,({}+{})*(1-{})/{fx},0)",
                self.party(pc::LICENSOR),
                self.projection("royalty", t),
                self.projection("technical_fees", t),
                self.party(pc::WHT_ROYALTIES)
            ),
            offset::KIT_MARGIN => format!(
                "=IF({}=1,{}*{}*Kit_margin,0)",
                self.party(pc::SUPPLIER),
                self.projection("units", t),
                self.projection("kit_fob", t)
            ),
            offset::DISTRIBUTION => format!(
                "=IF({}=1,{}*{}*(Dealer_margin-Dealer_cost_to_serve)*(1-Tax_rate)/{fx},0)",
                self.party(pc::DISTRIBUTOR),
                self.projection("units", t),
                self.projection("retail_price", t)
            ),
            offset::EXIT if t == self.n => format!(
                "=({}-{})/{fx}",
                absolute(self.first + offset::PROCEEDS, year_col(0)),
                absolute(self.first + offset::CGT, year_col(0))
            ),
            offset::CASH_FLOW => {
                let cells: Vec<String> = [
                    offset::CONTRIBUTIONS,
                    offset::CALLS,
                    offset::DIVIDENDS,
                    offset::ROYALTIES,
                    offset::KIT_MARGIN,
                    offset::DISTRIBUTION,
                    offset::EXIT,
                ]
                .iter()
                .map(|o| self.here(*o, t))
                .collect();
                format!("={}", cells.join("+"))
            }
            offset::ECONOMIC_FLOW => format!(
                "={}+{}",
                self.here(offset::CASH_FLOW, t),
                self.here(offset::IN_KIND, t)
            ),
            offset::CALLS_LOCAL => format!(
                "=IF({w}=0,0,{}*{}/{w})",
                self.projection("capital_call", t),
                self.caps.weight(self.i, t),
                w = self.caps.total_weight(t)
            ),
            _ => "=0".to_owned(),
        }
    }

    /// Exit proceeds, cost of the holding and capital-gains tax, local currency.
    fn exit_helper(&self, off: u32) -> String {
        let n = self.n;
        let vested = self.caps.total_vested(n);
        match off {
            offset::PROCEEDS => format!(
                "=IF({vested}=0,0,{}{}*{}/{vested})",
                sheet(PROJECTION),
                absolute(self.lines.exit_row("exit_equity"), year_col(0)),
                self.caps.vested(self.i, n)
            ),
            offset::COST => format!(
                "=SUMIF({},{},{})+SUM({})",
                self.inputs.contribution_column(cc::PARTY),
                self.i + 1,
                self.inputs.contribution_column(cc::LOCAL),
                year_range(self.first + offset::CALLS_LOCAL, 0, n)
            ),
            _ => format!(
                "=Capital_gains_tax*MAX(0,{}-{})",
                at(self.first + offset::PROCEEDS, 0),
                at(self.first + offset::COST, 0)
            ),
        }
    }
}
