//! `jv memo` and `jv export-xlsx` on the Kenya example: real files, read back by real tools.
//! The PDF's text (pdftotext) holds every party's name and the figures `jv evaluate --format
//! json` gives, formatted as the memo shows them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;
use std::str::FromStr as _;

use common::*;
use jv_memo::content::format;
use rust_decimal::Decimal;
use serde_json::Value;

const KENYA: &str = "kenya-e3w-ckd.jvdeal";

fn pdf_text(file: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by ./x setup");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        file.display()
    );
    // Cells and lines wrap; compare with every run of white space as one space.
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn decimal(value: &Value) -> Decimal {
    Decimal::from_str(value.as_str().unwrap()).unwrap()
}

fn write_memo(dir: &Path, name: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = dir.join(name);
    let mut args = vec!["-o", out.to_str().unwrap(), "--date", "2026-11-29"];
    args.extend_from_slice(extra);
    let output = jv_on("memo", &example(KENYA), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(&format!("to {}", out.display())));
    out
}

#[test]
fn the_pdf_holds_every_party_and_the_evaluated_figures_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_memo(dir.path(), "memo.pdf", &[]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);

    let evaluated = jv_on("evaluate", &example(KENYA), &["--format", "json"]);
    assert!(evaluated.status.success());
    let json: Value = serde_json::from_str(&stdout(&evaluated)).unwrap();
    let currency = json["deal"]["reporting_currency"].as_str().unwrap();
    let parties = json["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 2);
    for party in parties {
        let name = party["name"].as_str().unwrap();
        assert!(text.contains(name), "{name} missing");
        for view in ["cash", "economic"] {
            let figures = &party["views"][view];
            let npv = format::money(decimal(&figures["npv"]), currency);
            assert!(text.contains(&npv), "{name} {view} NPV {npv} missing");
            let irr = format::rate(decimal(&figures["irr"]));
            assert!(text.contains(&irr), "{name} {view} IRR {irr} missing");
        }
    }
    assert!(text.contains("Draft") || text.contains("DRAFT"));
    assert!(text.contains("2026-11-29"));
}

#[test]
fn the_chinese_and_bilingual_memos_have_chinese_section_titles() {
    let dir = tempfile::tempdir().unwrap();
    let zh = pdf_text(&write_memo(
        dir.path(),
        "memo-zh.pdf",
        &["--lang", "zh", "--final"],
    ));
    assert!(zh.contains("执行摘要"), "{}", &zh[..400.min(zh.len())]);
    assert!(zh.contains("公司治理"));
    let both = pdf_text(&write_memo(
        dir.path(),
        "memo-both.pdf",
        &["--lang", "en+zh"],
    ));
    let en_at = both.find("Executive summary").expect("English title");
    let zh_at = both.find("执行摘要").expect("Chinese title");
    assert!(en_at < zh_at);
}

#[test]
fn docx_and_markdown_follow_the_extension_or_the_format_flag() {
    let dir = tempfile::tempdir().unwrap();
    let docx = write_memo(dir.path(), "memo.docx", &[]);
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    let md = write_memo(dir.path(), "memo.txt", &["--format", "md"]);
    let text = std::fs::read_to_string(md).unwrap();
    assert!(text.contains("Nairobi motorcycle and three-wheeler dealer"));
    assert!(text.contains("| ---"), "pipe tables");
}

#[test]
fn export_xlsx_writes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("model.xlsx");
    let output = jv_on(
        "export-xlsx",
        &example(KENYA),
        &["-o", out.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"));
    assert!(bytes.len() > 5_000);
    assert!(!dir.path().join("model.xlsx.partial").exists());
}

#[test]
fn a_bad_date_or_an_unwritable_path_is_a_clear_error() {
    let output = jv_on(
        "memo",
        &example(KENYA),
        &["-o", "/tmp/x.pdf", "--date", "29/11/2026"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--date must be a date written YYYY-MM-DD"));
    let output = jv_on(
        "memo",
        &example(KENYA),
        &["-o", "/nonexistent-dir/memo.pdf", "--format", "md"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot write /nonexistent-dir/memo.pdf"));
}
