//! The Inputs sheet: every figure the model starts from, in blue, with defined names for the
//! scalars, rows by year for what changes by year, and tables of capex, contributions and
//! parties.

use std::collections::HashMap;

use jv_engine::Evaluation;
use jv_engine::model::{ContributionKind, Deal, Valuation};
use rust_decimal::Decimal;
use rust_xlsxwriter::{RowNum, Workbook, Worksheet};

use super::layout::{FIRST_YEAR_COL, INPUTS, YEAR_ROW, absolute, at, sheet, year_cell, year_col};
use super::scalars::scalars;
use super::style::{Kind, Styles, num};

/// Where the inputs are, for the formulas of the other sheets.
pub struct InputRefs {
    /// Rows of the by-year inputs, by key.
    rows: HashMap<&'static str, RowNum>,
    /// First row of the contributions table and its number of rows.
    pub contributions: (RowNum, usize),
    /// First row of the capex table and its number of rows.
    pub capex: (RowNum, usize),
    /// First row of the parties table (one row per party, file order).
    pub parties: RowNum,
}

impl InputRefs {
    /// `Inputs!C7`: the by-year input `key` of year `t`.
    pub fn year(&self, key: &str, t: usize) -> String {
        let row = self.rows.get(key).copied().unwrap_or_default();
        format!("{}{}", sheet(INPUTS), at(row, t))
    }

    /// `Inputs!$D$40`: column `col` of party `i`'s row in the parties table.
    pub fn party(&self, i: usize, col: u16) -> String {
        format!(
            "{}{}",
            sheet(INPUTS),
            absolute(self.parties + i as RowNum, col)
        )
    }

    /// `Inputs!$F$30:$F$33`: a column of the contributions table.
    pub fn contribution_column(&self, col: u16) -> String {
        let (first, count) = self.contributions;
        let last = first + count.max(1) as RowNum - 1;
        format!(
            "{}{}:{}",
            sheet(INPUTS),
            absolute(first, col),
            absolute(last, col)
        )
    }
}

/// Columns of the contributions table.
pub mod contribution_col {
    /// Party number (1-based, file order).
    pub const PARTY: u16 = 0;
    /// 1 for cash, 0 in kind.
    pub const CASH: u16 = 3;
    /// Year contributed.
    pub const YEAR: u16 = 4;
    /// Value in reporting currency.
    pub const VALUE: u16 = 5;
    /// Useful life in years.
    pub const LIFE: u16 = 6;
    /// Value in local currency at the year's FX.
    pub const LOCAL: u16 = 7;
    /// 1 if an asset at an agreed value (depreciated).
    pub const ASSET: u16 = 8;
}

/// Columns of the parties table.
pub mod party_col {
    /// Discount rate.
    pub const DISCOUNT: u16 = 3;
    /// Withholding on dividends.
    pub const WHT_DIVIDENDS: u16 = 4;
    /// Withholding on royalties and fees.
    pub const WHT_ROYALTIES: u16 = 5;
    /// 1 if it joins capital calls.
    pub const JOINS: u16 = 6;
    /// 1 if it is the licensor.
    pub const LICENSOR: u16 = 7;
    /// 1 if it supplies the kits.
    pub const SUPPLIER: u16 = 8;
    /// 1 if it distributes.
    pub const DISTRIBUTOR: u16 = 9;
}

/// Writes the Inputs sheet and returns where everything is.
pub fn write(
    workbook: &mut Workbook,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
) -> Result<InputRefs, rust_xlsxwriter::XlsxError> {
    let n = deal.horizon_years as usize;
    let mut ws = Worksheet::new();
    ws.set_name(INPUTS)?;
    ws.write_string_with_format(0, 0, format!("Inputs: {}", deal.name), &styles.title)?;
    ws.write_string_with_format(
        1,
        0,
        "Blue cells are inputs: change one and the other sheets recompute. Amounts in local \
         currency unless marked reporting currency.",
        &styles.note,
    )?;
    ws.write_string_with_format(YEAR_ROW, 0, "Year", &styles.header)?;
    for t in 0..=n {
        ws.write_number_with_format(YEAR_ROW, year_col(t), t as f64, &styles.header)?;
    }
    let mut names = Vec::new();
    let mut row: RowNum = 4;
    ws.write_string_with_format(row - 1, 0, "Scalar inputs", &styles.header)?;
    for (name, label, value, kind) in scalars(deal) {
        ws.write_string(row, 0, label)?;
        ws.write_number_with_format(row, 1, num(value), &styles.input(kind))?;
        names.push((name, format!("={}{}", sheet(INPUTS), absolute(row, 1))));
        row += 1;
    }
    ws.write_string(row, 0, "Exit method")?;
    ws.write_string_with_format(row, 1, evaluation.exit.method, &styles.input_text)?;
    row += 2;
    let rows = by_year(&mut ws, styles, deal, evaluation, &mut row)?;
    row += 1;
    let capex = capex_table(&mut ws, styles, deal, &mut row)?;
    row += 1;
    let fx_row = rows.get("fx").copied().unwrap_or_default();
    let contributions = contribution_table(&mut ws, styles, deal, evaluation, fx_row, &mut row)?;
    row += 1;
    let parties = party_table(&mut ws, styles, deal, evaluation, row)?;
    ws.set_column_width(0, 52)?;
    ws.set_column_width(1, 16)?;
    ws.set_column_range_width(FIRST_YEAR_COL, year_col(n).max(12), 15)?;
    ws.set_freeze_panes(YEAR_ROW + 1, 1)?;
    // Capex rows total by year, so the projection reads one line.
    let capex_row = rows.get("capex_items").copied().unwrap_or_default();
    let (first, count) = capex;
    for t in 0..=n {
        let formula = if count == 0 {
            "=0".to_owned()
        } else {
            let last = first + count as RowNum - 1;
            format!(
                "=SUMIF({}:{},{},{}:{})",
                absolute(first, 2),
                absolute(last, 2),
                year_cell(t),
                absolute(first, 1),
                absolute(last, 1)
            )
        };
        ws.write_formula_with_format(
            capex_row,
            year_col(t),
            formula.as_str(),
            &styles.formula(Kind::Money),
        )?;
    }
    workbook.push_worksheet(ws);
    for (name, target) in names {
        workbook.define_name(name, &target)?;
    }
    Ok(InputRefs {
        rows,
        capex,
        contributions,
        parties,
    })
}

/// Per-year inputs and the indices, FX and tax rate built from them.
fn by_year(
    ws: &mut Worksheet,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
    row: &mut RowNum,
) -> Result<HashMap<&'static str, RowNum>, rust_xlsxwriter::XlsxError> {
    let n = deal.horizon_years as usize;
    let m = &deal.market;
    let keys: [(&'static str, &str, Kind); 10] = [
        ("inflation", "Local inflation", Kind::Rate),
        ("local_index", "Local cost index", Kind::Factor),
        ("price_growth", "Retail price growth", Kind::Rate),
        ("price_index", "Retail price index", Kind::Factor),
        ("rcy_index", "Reporting-currency price index", Kind::Factor),
        ("fx", "FX (local per reporting unit)", Kind::Factor),
        ("holiday", "Tax holiday year (1 yes)", Kind::Count),
        ("tax_rate", "JV income-tax rate", Kind::Rate),
        ("units", "Units sold", Kind::Count),
        (
            "capex_items",
            "Capex items (total of the capex table)",
            Kind::Money,
        ),
    ];
    ws.write_string_with_format(*row, 0, "Inputs by year", &styles.header)?;
    *row += 1;
    let mut rows = HashMap::new();
    for (i, (key, label, _)) in keys.iter().enumerate() {
        rows.insert(*key, *row + i as RowNum);
        ws.write_string(*row + i as RowNum, 0, *label)?;
    }
    let r = |key: &str| rows.get(key).copied().unwrap_or_default();
    let fx_path = m.fx_path.as_ref().filter(|p| p.len() == n + 1);
    for t in 0..=n {
        let col = year_col(t);
        let prev = |key: &str| at(r(key), t.saturating_sub(1));
        let here = |key: &str| at(r(key), t);
        let y = year_cell(t);
        let inflation = match (&m.inflation_path, t) {
            (_, 0) => Decimal::ZERO,
            (Some(path), t) => path.get(t - 1).copied().unwrap_or(m.inflation),
            (None, _) => m.inflation,
        };
        ws.write_number_with_format(
            r("inflation"),
            col,
            num(inflation),
            &styles.input(Kind::Rate),
        )?;
        let local = if t < 2 {
            "=1".to_owned()
        } else {
            format!(
                "=ROUND({}*(1+{}),12)",
                prev("local_index"),
                here("inflation")
            )
        };
        ws.write_formula_with_format(
            r("local_index"),
            col,
            local.as_str(),
            &styles.formula(Kind::Factor),
        )?;
        match deal.plan.price_growth {
            Some(g) => ws.write_number_with_format(
                r("price_growth"),
                col,
                num(g),
                &styles.input(Kind::Rate),
            )?,
            None => ws.write_formula_with_format(
                r("price_growth"),
                col,
                format!("={}", here("inflation")).as_str(),
                &styles.formula(Kind::Rate),
            )?,
        };
        let price = if t < 2 {
            "=1".to_owned()
        } else {
            format!(
                "=ROUND({}*(1+{}),12)",
                prev("price_index"),
                here("price_growth")
            )
        };
        ws.write_formula_with_format(
            r("price_index"),
            col,
            price.as_str(),
            &styles.formula(Kind::Factor),
        )?;
        let rcy = if t < 2 {
            "=1".to_owned()
        } else {
            format!("=ROUND({}*(1+Rcy_escalation),12)", prev("rcy_index"))
        };
        ws.write_formula_with_format(
            r("rcy_index"),
            col,
            rcy.as_str(),
            &styles.formula(Kind::Factor),
        )?;
        match fx_path {
            Some(path) => {
                ws.write_number_with_format(
                    r("fx"),
                    col,
                    num(path[t]),
                    &styles.input(Kind::Factor),
                )?;
            }
            None => {
                let fx = if t == 0 {
                    "=Fx_spot".to_owned()
                } else {
                    format!(
                        "=ROUND({}*IF(Fx_depreciation_applies=1,1+Fx_depreciation,(1+{})/(1+Reporting_inflation)),12)",
                        prev("fx"),
                        here("inflation")
                    )
                };
                ws.write_formula_with_format(
                    r("fx"),
                    col,
                    fx.as_str(),
                    &styles.formula(Kind::Factor),
                )?;
            }
        }
        ws.write_formula_with_format(
            r("holiday"),
            col,
            format!("=IF(AND({y}>=1,{y}<=Holiday_years),1,0)").as_str(),
            &styles.formula(Kind::Count),
        )?;
        ws.write_formula_with_format(
            r("tax_rate"),
            col,
            format!(
                "=IF({},0,IF(AND({y}>=1,{y}<=Incentive_years),Incentive_rate,Tax_rate))",
                here("holiday")
            )
            .as_str(),
            &styles.formula(Kind::Rate),
        )?;
        let units = evaluation.projection.years[t].units;
        ws.write_number_with_format(r("units"), col, num(units), &styles.input(Kind::Count))?;
    }
    *row += keys.len() as RowNum;
    Ok(rows)
}

/// Capex items: name, amount, year, useful life; returns the first row and the count.
fn capex_table(
    ws: &mut Worksheet,
    styles: &Styles,
    deal: &Deal,
    row: &mut RowNum,
) -> Result<(RowNum, usize), rust_xlsxwriter::XlsxError> {
    for (col, title) in [
        "Capex item",
        "Amount (local)",
        "Year",
        "Useful life (years)",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(*row, col as u16, *title, &styles.header)?;
    }
    *row += 1;
    let first = *row;
    for item in &deal.plan.capex {
        ws.write_string_with_format(*row, 0, &item.name, &styles.input_text)?;
        ws.write_number_with_format(*row, 1, num(item.amount), &styles.input(Kind::Money))?;
        ws.write_number_with_format(*row, 2, f64::from(item.year), &styles.input(Kind::Count))?;
        ws.write_number_with_format(
            *row,
            3,
            f64::from(item.useful_life_years),
            &styles.input(Kind::Count),
        )?;
        *row += 1;
    }
    Ok((first, deal.plan.capex.len()))
}

/// Contributions at the engine's valuation; returns the first row and the count.
fn contribution_table(
    ws: &mut Worksheet,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
    fx_row: RowNum,
    row: &mut RowNum,
) -> Result<(RowNum, usize), rust_xlsxwriter::XlsxError> {
    let titles = [
        "Party #",
        "Party",
        "Kind",
        "Cash (1) / in kind (0)",
        "Year",
        "Value (reporting currency)",
        "Useful life (years)",
        "Value (local)",
        "Depreciated asset (1)",
        "Amortised intangible (1)",
        "Valuation method",
        "Note",
    ];
    for (col, title) in titles.iter().enumerate() {
        ws.write_string_with_format(*row, col as u16, *title, &styles.header)?;
    }
    *row += 1;
    let n = deal.horizon_years as usize;
    let first = *row;
    let fx_range = format!(
        "{}:{}",
        absolute(fx_row, year_col(0)),
        absolute(fx_row, year_col(n))
    );
    for v in &evaluation.contributions {
        let found = deal
            .parties
            .iter()
            .enumerate()
            .find(|(_, p)| p.id == v.party);
        let p = found.map_or(0, |(p, _)| p + 1);
        let contribution = found.and_then(|(_, party)| party.contributions.get(v.index));
        let agreed_asset = v.kind == ContributionKind::Asset
            && contribution.is_some_and(|c| matches!(c.valuation, Valuation::Agreed { .. }));
        let life = contribution.and_then(|c| c.useful_life_years).map_or(
            if v.kind.is_intangible() {
                n as f64
            } else {
                0.0
            },
            f64::from,
        );
        let r = *row;
        ws.write_number(r, 0, p as f64)?;
        ws.write_string(r, 1, &v.party)?;
        ws.write_string(r, 2, kind_name(v.kind))?;
        ws.write_number(
            r,
            3,
            if v.kind == ContributionKind::Cash {
                1.0
            } else {
                0.0
            },
        )?;
        ws.write_number_with_format(r, 4, f64::from(v.year), &styles.input(Kind::Count))?;
        ws.write_number_with_format(r, 5, num(v.value), &styles.input(Kind::Money))?;
        ws.write_number_with_format(r, 6, life, &styles.input(Kind::Count))?;
        ws.write_formula_with_format(
            r,
            7,
            format!(
                "={}*INDEX({fx_range},1,MIN({},Horizon_years)+1)",
                absolute(r, 5),
                absolute(r, 4)
            )
            .as_str(),
            &styles.formula(Kind::Money),
        )?;
        ws.write_number(r, 8, if agreed_asset { 1.0 } else { 0.0 })?;
        ws.write_number(r, 9, if v.kind.is_intangible() { 1.0 } else { 0.0 })?;
        ws.write_string(r, 10, v.method)?;
        ws.write_string(r, 11, contribution.map_or("", |c| c.note.as_str()))?;
        *row += 1;
    }
    Ok((first, (*row - first) as usize))
}

fn kind_name(kind: ContributionKind) -> &'static str {
    match kind {
        ContributionKind::Cash => "cash",
        ContributionKind::Asset => "asset",
        ContributionKind::Technology => "technology",
        ContributionKind::Distribution => "distribution",
        ContributionKind::Services => "services",
    }
}

/// One row per party; returns the first row.
fn party_table(
    ws: &mut Worksheet,
    styles: &Styles,
    deal: &Deal,
    evaluation: &Evaluation,
    row: RowNum,
) -> Result<RowNum, rust_xlsxwriter::XlsxError> {
    let titles = [
        "Party #",
        "Id",
        "Name",
        "Discount rate",
        "WHT on dividends",
        "WHT on royalties and fees",
        "Joins capital calls (1)",
        "Licensor (1)",
        "Kit supplier (1)",
        "Distributor (1)",
    ];
    for (col, title) in titles.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *title, &styles.header)?;
    }
    let first = row + 1;
    let a = &deal.agreements;
    for (i, (party, returns)) in deal.parties.iter().zip(&evaluation.parties).enumerate() {
        let r = first + i as RowNum;
        let is = |id: Option<&String>| f64::from(u8::from(id.is_some_and(|id| *id == party.id)));
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, &party.id)?;
        ws.write_string(r, 2, &party.name)?;
        ws.write_number_with_format(r, 3, num(party.discount_rate), &styles.input(Kind::Rate))?;
        ws.write_number_with_format(
            r,
            4,
            num(returns.withholding.dividends),
            &styles.input(Kind::Rate),
        )?;
        ws.write_number_with_format(
            r,
            5,
            num(returns.withholding.royalties),
            &styles.input(Kind::Rate),
        )?;
        ws.write_number_with_format(
            r,
            6,
            f64::from(u8::from(party.joins_capital_calls)),
            &styles.input(Kind::Count),
        )?;
        ws.write_number(r, 7, is(a.licence.as_ref().map(|l| &l.licensor)))?;
        ws.write_number(r, 8, is(a.kit_supply.supplier.as_ref()))?;
        ws.write_number(r, 9, is(a.distribution.as_ref().map(|d| &d.distributor)))?;
    }
    Ok(first)
}
