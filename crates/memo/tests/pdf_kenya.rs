//! The memo PDF of the Kenya example, built by `content::build`: it holds every party and
//! every key figure as the memo formats them, in each language.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pdf_support;

use jv_engine::{evaluate, read_deal};
use jv_memo::content::{MemoOptions, build};
use jv_memo::document::{Block, Lang, Memo, Status};
use jv_memo::pdf::to_pdf;
use pdf_support::{compact, pdftotext, system_fonts};

fn kenya(lang: Lang) -> Memo {
    let path = format!(
        "{}/../../examples/kenya-e3w-ckd.jvdeal",
        env!("CARGO_MANIFEST_DIR")
    );
    let deal = read_deal(&std::fs::read_to_string(path).unwrap()).unwrap();
    let evaluation = evaluate(&deal).unwrap();
    let options = MemoOptions {
        lang,
        status: Status::Draft,
        date: "2026-11-29".to_owned(),
    };
    build(&deal, &evaluation, &options).unwrap()
}

/// The figures a reader looks for: every key figure and every cell of a total row.
fn key_figures(memo: &Memo) -> Vec<String> {
    let mut out = Vec::new();
    for block in memo.sections.iter().flat_map(|s| &s.blocks) {
        match block {
            Block::Figures { items } => out.extend(items.iter().map(|f| f.value.clone())),
            Block::Table(table) => out.extend(
                table
                    .rows
                    .iter()
                    .filter(|r| r.strong)
                    .flat_map(|r| r.cells.iter().skip(1).map(|c| c.en.clone())),
            ),
            _ => {}
        }
    }
    out.retain(|v| !v.trim().is_empty());
    out
}

fn check(lang: Lang) -> (Memo, String) {
    let memo = kenya(lang);
    let text = pdftotext(&to_pdf(&memo, system_fonts()).unwrap());
    let flat = compact(&text);
    for (name, _) in &memo.cover.parties {
        assert!(flat.contains(&compact(name)), "party {name:?} missing");
    }
    let figures = key_figures(&memo);
    assert!(figures.len() >= 5, "{figures:?}");
    for figure in figures {
        assert!(
            flat.contains(&compact(&figure)),
            "figure {figure:?} missing in:\n{text}"
        );
    }
    (memo, text)
}

#[test]
fn english_kenya_memo_holds_parties_and_key_figures() {
    let (memo, text) = check(Lang::En);
    for section in &memo.sections {
        assert!(
            compact(&text).contains(&compact(&section.title.en)),
            "{}",
            section.title.en
        );
    }
}

#[test]
fn chinese_kenya_memo_holds_chinese_section_titles() {
    let (memo, text) = check(Lang::Zh);
    assert!(text.contains("执行摘要"), "{text}");
    for section in &memo.sections {
        assert!(
            compact(&text).contains(&compact(&section.title.zh)),
            "{}",
            section.title.zh
        );
    }
}

#[test]
fn bilingual_kenya_memo_has_both_titles() {
    let (memo, text) = check(Lang::EnZh);
    let flat = compact(&text);
    for section in &memo.sections {
        let en = flat.find(&compact(&section.title.en)).unwrap();
        let zh = flat[en..].find(&compact(&section.title.zh));
        assert!(
            zh.is_some(),
            "{} then {}",
            section.title.en,
            section.title.zh
        );
    }
}
