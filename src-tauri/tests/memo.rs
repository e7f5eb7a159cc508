//! The memo command bodies on the Kenya example: the preview's pages, each export's file,
//! a Chinese memo, and the errors the UI branches on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::sync::{Mutex, OnceLock};

use jv_memo::pdf::Fonts;
use jv_studio::api::memo::{
    self, MemoChoice, MemoFileFormat, MemoLang, MemoProgress, MemoStage, MemoStatus,
};
use jv_studio::error::ErrorCode;

const KENYA: &str = include_str!("../../examples/kenya-e3w-ckd.jvdeal");
const DATE: &str = "2026-11-29";

/// One font scan for every test, as the app holds one.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::system)
}

fn choice(lang: MemoLang) -> MemoChoice<'static> {
    MemoChoice {
        lang,
        status: MemoStatus::Draft,
        date: DATE,
    }
}

fn kenya_name() -> String {
    let deal: serde_json::Value = serde_json::from_str(KENYA).unwrap();
    deal["name"].as_str().unwrap().to_owned()
}

fn party_names() -> Vec<String> {
    let deal: serde_json::Value = serde_json::from_str(KENYA).unwrap();
    deal["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|party| party["name"].as_str().unwrap().to_owned())
        .collect()
}

fn broken_kenya() -> String {
    let text = KENYA.replacen(
        "\"dealer_margin\": \"0.10\"",
        "\"dealer_margin\": \"1.5\"",
        1,
    );
    assert_ne!(text, KENYA);
    text
}

fn pdf_text(path: &std::path::Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_preview_is_the_memos_pages_with_the_deals_name() {
    let stages = Mutex::new(Vec::new());
    let pages = memo::memo_preview(KENYA, choice(MemoLang::En), fonts(), |progress| {
        stages.lock().unwrap().push(progress);
    })
    .unwrap();
    assert!(pages.len() >= 5, "{} pages", pages.len());
    for page in &pages {
        assert!(page.starts_with("<svg"), "{}", &page[..40]);
    }
    // Typst draws glyphs as outlines, so the SVG holds no searchable text: the deal's name
    // is shown to be set by renaming the deal, which changes the cover and only the cover
    // (the running header is the memo's title, not the deal's name).
    let renamed = KENYA.replacen(&kenya_name(), "Renamed JV", 1);
    assert_ne!(renamed, KENYA);
    let other = memo::memo_preview(&renamed, choice(MemoLang::En), fonts(), |_| {}).unwrap();
    assert_eq!(other.len(), pages.len());
    assert_ne!(
        other[0], pages[0],
        "the cover does not show the deal's name"
    );
    // The preview has the PDF's pages: same count, A4 each.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("memo.pdf");
    memo::export_memo(
        KENYA,
        choice(MemoLang::En),
        MemoFileFormat::Pdf,
        &pdf,
        fonts(),
        |_| {},
    )
    .unwrap();
    assert_eq!(pdf_pages(&pdf), pages.len());
    for page in &pages {
        assert!(
            page.contains("viewBox=\"0 0 595.2"),
            "{}",
            &page[..200.min(page.len())]
        );
    }
    let stages = stages.into_inner().unwrap();
    assert_eq!(stages.first().map(|p| p.stage), Some(MemoStage::Building));
    assert_eq!(
        stages.last().copied(),
        Some(MemoProgress {
            stage: MemoStage::Done,
            fraction: 1.0
        })
    );
    assert!(stages.iter().any(|p| p.stage == MemoStage::SettingPages));
}

fn pdf_pages(path: &std::path::Path) -> usize {
    let output = Command::new("pdfinfo").arg(path).output().unwrap();
    let info = String::from_utf8(output.stdout).unwrap();
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .unwrap()
}

#[test]
fn a_pdf_export_is_a_pdf_with_the_parties() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kenya memo.pdf");
    let written = memo::export_memo(
        KENYA,
        choice(MemoLang::En),
        MemoFileFormat::Pdf,
        &path,
        fonts(),
        |_| {},
    )
    .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(written.path, path.display().to_string());
    assert_eq!(written.bytes, bytes.len() as u64);
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let text = pdf_text(&path);
    for name in party_names() {
        let first_words: String = name
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&first_words),
            "{first_words:?} not in the PDF text"
        );
    }
}

#[test]
fn word_markdown_and_excel_exports_write_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("memo.docx");
    let md = dir.path().join("memo.md");
    let xlsx = dir.path().join("model.xlsx");
    let en = choice(MemoLang::En);
    memo::export_memo(KENYA, en, MemoFileFormat::Docx, &docx, fonts(), |_| {}).unwrap();
    memo::export_memo(KENYA, en, MemoFileFormat::Md, &md, fonts(), |_| {}).unwrap();
    let written = memo::export_xlsx(KENYA, &xlsx, |_| {}).unwrap();
    // DOCX and XLSX are zip archives.
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK\x03\x04"));
    assert_eq!(written.bytes, std::fs::metadata(&xlsx).unwrap().len());
    let markdown = std::fs::read_to_string(&md).unwrap();
    assert!(markdown.starts_with('#'), "{}", &markdown[..40]);
    assert!(markdown.contains(&kenya_name()));
}

#[test]
fn a_chinese_memo_is_set_with_the_installed_cjk_font() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memo-zh.pdf");
    memo::export_memo(
        KENYA,
        choice(MemoLang::Zh),
        MemoFileFormat::Pdf,
        &path,
        fonts(),
        |_| {},
    )
    .unwrap();
    let text = pdf_text(&path);
    assert!(
        text.contains("备忘录") || text.contains("合资"),
        "no Chinese in:\n{}",
        &text[..400.min(text.len())]
    );
}

#[test]
fn a_chinese_memo_without_a_cjk_font_says_what_to_install() {
    let error =
        memo::memo_preview(KENYA, choice(MemoLang::EnZh), &Fonts::embedded(), |_| {}).unwrap_err();
    assert_eq!(error.code, ErrorCode::NoCjkFont);
    assert!(
        error.message.contains("fonts-noto-cjk"),
        "{}",
        error.message
    );
}

#[test]
fn an_invalid_deal_gives_its_field_errors() {
    let broken = broken_kenya();
    let error = memo::memo_preview(&broken, choice(MemoLang::En), fonts(), |_| {}).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidDeal);
    assert!(
        error
            .fields
            .iter()
            .any(|field| field.path == "agreements.distribution.dealer_margin"),
        "{:?}",
        error.fields
    );
    let dir = tempfile::tempdir().unwrap();
    let error = memo::export_xlsx(&broken, &dir.path().join("x.xlsx"), |_| {}).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidDeal);
}

#[test]
fn an_unwritable_path_is_write_failed_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("memo.md");
    let error = memo::export_memo(
        KENYA,
        choice(MemoLang::En),
        MemoFileFormat::Md,
        &path,
        fonts(),
        |_| {},
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::WriteFailed);
    assert!(
        error.message.contains(&path.display().to_string()),
        "{}",
        error.message
    );
}
