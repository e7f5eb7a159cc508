//! The Excel model, recalculated by LibreOffice, ties to the engine; an input change moves
//! the outputs; user text never becomes a formula.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use jv_engine::{Deal, Evaluation, evaluate, read_deal};
use jv_memo::xlsx::write_xlsx;
use rust_decimal::prelude::ToPrimitive;

type Sheets = HashMap<String, Vec<Vec<String>>>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(file: &str) -> Deal {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    read_deal(&text).unwrap()
}

/// Splits one CSV line (comma, double quotes) into fields.
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

/// Has LibreOffice open the workbook, recalculate every formula and save each sheet as CSV.
fn recalculate(xlsx: &[u8], dir: &Path) -> Sheets {
    let profile = dir.join("profile");
    let user = profile.join("user");
    std::fs::create_dir_all(&user).unwrap();
    // Recalculate OOXML files on load, always (the default would trust cached values).
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let file = dir.join("model.xlsx");
    std::fs::write(&file, xlsx).unwrap();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--calc", "--convert-to"])
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(dir)
        .arg(&file)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let mut sheets = Sheets::new();
    for name in ["Inputs", "Projection", "Returns", "Cap table", "Check"] {
        let path = dir.join(format!("model-{name}.csv"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; {status:?}", path.display()));
        sheets.insert(name.to_owned(), text.lines().map(fields).collect());
    }
    sheets
}

/// The number in a CSV cell, or None for text or an empty cell.
fn number(sheets: &Sheets, sheet: &str, row: usize, col: usize) -> Option<f64> {
    let cell = sheets[sheet].get(row)?.get(col)?;
    match cell.strip_suffix('%') {
        Some(percent) => percent.parse::<f64>().ok().map(|p| p / 100.0),
        None => cell.parse().ok(),
    }
}

/// The row whose first cell is `label`.
fn row_of(sheets: &Sheets, sheet: &str, label: &str) -> usize {
    sheets[sheet]
        .iter()
        .position(|r| r.first().is_some_and(|c| c == label))
        .unwrap_or_else(|| panic!("no row {label:?} on {sheet}"))
}

fn f(value: rust_decimal::Decimal) -> f64 {
    value.to_f64().unwrap()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// Every projection line, every party's NPV and IRR, both views, within 0.01.
fn assert_ties(deal: &Deal, evaluation: &Evaluation, sheets: &Sheets) {
    let n = deal.horizon_years as usize;
    let mut checked = 0;
    for (label, value) in engine_lines() {
        let row = row_of(sheets, "Projection", label);
        for t in 0..=n {
            let engine = f(value(&evaluation.projection.years[t]));
            let sheet = number(sheets, "Projection", row, 2 + t)
                .unwrap_or_else(|| panic!("{label} year {t}: not a number"));
            assert!(
                close(sheet, engine, 0.01_f64.max(engine.abs() * 1e-9)),
                "{}: {label} year {t}: sheet {sheet}, engine {engine}",
                deal.name
            );
            checked += 1;
        }
    }
    assert!(checked > 30 * n);
    for (i, party) in evaluation.parties.iter().enumerate() {
        let rows = &sheets["Returns"];
        let npv_cash = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.first().is_some_and(|c| c == "NPV, cash view"))
            .nth(i)
            .map(|(k, _)| k)
            .unwrap();
        for (k, view) in [&party.views.cash, &party.views.economic]
            .iter()
            .enumerate()
        {
            let npv = number(sheets, "Returns", npv_cash + 2 * k, 2).unwrap();
            assert!(
                close(npv, f(view.npv), 0.01),
                "{} {}: NPV view {k}: sheet {npv}, engine {}",
                deal.name,
                party.id,
                view.npv
            );
            match view.irr {
                Some(irr) => {
                    let sheet = number(sheets, "Returns", npv_cash + 2 * k + 1, 2)
                        .unwrap_or_else(|| panic!("{} IRR view {k} is not a number", party.id));
                    assert!(
                        close(sheet, f(irr), 0.0001),
                        "{} {}: IRR view {k}: sheet {sheet}, engine {irr}",
                        deal.name,
                        party.id
                    );
                }
                None => assert_eq!(rows[npv_cash + 2 * k + 1][2], "no IRR"),
            }
        }
    }
}

type Line = (
    &'static str,
    fn(&jv_engine::projection::YearRow) -> rust_decimal::Decimal,
);

fn engine_lines() -> Vec<Line> {
    vec![
        ("FX (local per reporting unit)", |y| y.fx),
        ("Units sold", |y| y.units),
        ("Retail price per unit", |y| y.retail_price),
        ("Net revenue", |y| y.revenue),
        ("Landed kit cost per unit", |y| y.landed_kit_cost),
        ("Cost of goods sold", |y| y.cogs),
        ("Running royalty", |y| y.royalty),
        ("Technical fees", |y| y.technical_fees),
        ("Operating expenses", |y| y.opex),
        ("EBITDA", |y| y.ebitda),
        ("Capital expenditure", |y| y.capex),
        ("Depreciation", |y| y.depreciation),
        ("Amortisation", |y| y.amortisation),
        ("EBIT", |y| y.ebit),
        ("Interest on the opening balance", |y| y.interest),
        ("Principal repaid", |y| y.principal_repaid),
        ("Loan outstanding", |y| y.loan_balance),
        ("Earnings before tax", |y| y.ebt),
        ("Taxable income", |y| y.taxable_income),
        ("Income tax", |y| y.tax),
        ("Losses carried forward", |y| y.losses_carried_forward),
        ("Net income", |y| y.net_income),
        ("Working capital", |y| y.working_capital),
        ("Increase in working capital", |y| y.working_capital_change),
        ("Cash contributed", |y| y.cash_contributed),
        ("Cash before capital call", |y| y.cash_before_call),
        ("Capital call funded", |y| y.capital_call),
        ("Shortfall nobody funded", |y| y.unfunded_shortfall),
        ("Added to the legal reserve", |y| y.legal_reserve_addition),
        ("Legal reserve", |y| y.legal_reserve),
        ("Dividends paid", |y| y.dividends),
        ("Cash at year end", |y| y.cash),
        ("Paid-in capital", |y| y.paid_in_capital),
        ("Book equity", |y| y.book_equity),
    ]
}

fn ties(file: &str) {
    let deal = load(file);
    let evaluation = evaluate(&deal).unwrap();
    let bytes = write_xlsx(&deal, &evaluation).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sheets = recalculate(&bytes, dir.path());
    assert_ties(&deal, &evaluation, &sheets);
}

#[test]
fn kenya_ties_to_the_engine() {
    ties("examples/kenya-e3w-ckd.jvdeal");
}

#[test]
fn brazil_legal_reserve_ties_to_the_engine() {
    ties("examples/brazil-negotiated-60-40.jvdeal");
}

#[test]
fn nigeria_dilution_ties_to_the_engine() {
    ties("examples/nigeria-dealer-diluted.jvdeal");
}

#[test]
fn no_cash_partner_book_value_exit_ties_to_the_engine() {
    ties("examples/no-cash-tech-partner.jvdeal");
}

#[test]
fn vesting_perpetuity_ties_to_the_engine() {
    ties("examples/vesting-three-tranches.jvdeal");
}

#[test]
fn templates_tie_to_the_engine() {
    for file in [
        "templates/coatings-blending.jvdeal",
        "templates/e3w-ckd-dealer.jvdeal",
        "templates/machinery-service.jvdeal",
        "templates/motorcycle-assembly.jvdeal",
    ] {
        ties(file);
    }
}

/// Rewrites the value of one number cell of the Inputs sheet inside the .xlsx.
fn edit_input(xlsx: &[u8], dir: &Path, cell: &str, value: f64) -> Vec<u8> {
    let unpacked = dir.join("unpacked");
    std::fs::create_dir_all(&unpacked).unwrap();
    let original = dir.join("original.xlsx");
    std::fs::write(&original, xlsx).unwrap();
    let ok = Command::new("unzip")
        .arg("-q")
        .arg(&original)
        .arg("-d")
        .arg(&unpacked)
        .status()
        .unwrap();
    assert!(ok.success());
    // Inputs is the first sheet.
    let sheet = unpacked.join("xl/worksheets/sheet1.xml");
    let xml = std::fs::read_to_string(&sheet).unwrap();
    let start = xml.find(&format!("<c r=\"{cell}\"")).unwrap();
    let open = start + xml[start..].find("<v>").unwrap() + 3;
    let close = open + xml[open..].find("</v>").unwrap();
    let edited = format!("{}{value}{}", &xml[..open], &xml[close..]);
    std::fs::write(&sheet, edited).unwrap();
    let repacked = dir.join("edited.xlsx");
    let ok = Command::new("zip")
        .current_dir(&unpacked)
        .args(["-q", "-r", "-X"])
        .arg(&repacked)
        .arg(".")
        .status()
        .unwrap();
    assert!(ok.success());
    std::fs::read(&repacked).unwrap()
}

#[test]
fn changing_an_input_moves_the_outputs() {
    let deal = load("examples/kenya-e3w-ckd.jvdeal");
    let evaluation = evaluate(&deal).unwrap();
    let bytes = write_xlsx(&deal, &evaluation).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let before = recalculate(&bytes, &dir.path().join("before"));
    let price_row = row_of(&before, "Inputs", "Retail price per unit, year 1");
    let price = number(&before, "Inputs", price_row, 1).unwrap();
    assert!(close(price, f(deal.plan.retail_price), 1e-9));
    let cell = format!("B{}", price_row + 1);
    let edited = edit_input(&bytes, &dir.path().join("edit"), &cell, price * 1.1);
    let after = recalculate(&edited, &dir.path().join("after"));
    assert!(close(
        number(&after, "Inputs", price_row, 1).unwrap(),
        price * 1.1,
        1e-6
    ));
    let revenue = row_of(&after, "Projection", "Net revenue");
    let engine_revenue = f(evaluation.projection.years[1].revenue);
    let moved = number(&after, "Projection", revenue, 3).unwrap();
    assert!(
        close(moved, engine_revenue * 1.1, 0.01),
        "year-1 revenue {moved}, engine {engine_revenue}"
    );
    let npv = row_of(&after, "Returns", "NPV, cash view");
    let first_before = number(&before, "Returns", npv, 2).unwrap();
    let first_after = number(&after, "Returns", npv, 2).unwrap();
    assert!(close(
        first_before,
        f(evaluation.parties[0].views.cash.npv),
        0.01
    ));
    assert!(
        first_after > first_before + 1000.0,
        "a 10 % higher price should raise the first party's NPV: {first_before} → {first_after}"
    );
    let cash = row_of(&after, "Projection", "Cash at year end");
    let n = deal.horizon_years as usize;
    assert!(
        !close(
            number(&after, "Projection", cash, 2 + n).unwrap(),
            f(evaluation.projection.years[n].cash),
            1.0
        ),
        "cash at year N did not move"
    );
}

#[test]
fn text_with_formula_prefixes_stays_text() {
    let mut deal = load("examples/kenya-e3w-ckd.jvdeal");
    let hostile = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"];
    deal.name = hostile[3].to_owned();
    deal.parties[0].name = hostile[0].to_owned();
    deal.parties[1].name = hostile[1].to_owned();
    deal.parties[0].contributions[0].note = hostile[2].to_owned();
    deal.parties[1].contributions[0].note = hostile[3].to_owned();
    deal.plan.capex[0].name = hostile[0].to_owned();
    let evaluation = evaluate(&deal).unwrap();
    let bytes = write_xlsx(&deal, &evaluation).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sheets = recalculate(&bytes, dir.path());
    let cells: Vec<&String> = sheets["Inputs"].iter().flatten().collect();
    for text in hostile {
        assert!(
            cells.iter().any(|c| *c == text),
            "{text:?} is not in the sheet as text"
        );
    }
    assert!(cells.iter().any(|c| *c == "Inputs: @SUM(A1)"));
    let returns: Vec<&String> = sheets["Returns"].iter().flatten().collect();
    assert!(returns.iter().any(|c| *c == hostile[0]));
    assert!(returns.iter().any(|c| *c == hostile[1]));
    // Nothing was evaluated: no cell shows what the formulas would have produced.
    assert!(!cells.iter().chain(&returns).any(|c| *c == "http://x"));
}

#[test]
fn expiring_carry_forward_pools_tie_through_engine_constants() {
    let mut deal = load("examples/kenya-e3w-ckd.jvdeal");
    deal.market.loss_carry_forward_years = Some(3);
    deal.market.interest_carry_forward_years = Some(3);
    let evaluation = evaluate(&deal).unwrap();
    let bytes = write_xlsx(&deal, &evaluation).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sheets = recalculate(&bytes, dir.path());
    assert_ties(&deal, &evaluation, &sheets);
    let tax = row_of(&sheets, "Projection", "Income tax");
    assert_eq!(sheets["Projection"][tax][1], "engine value");
}
