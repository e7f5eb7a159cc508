//! The memo PDF: every block kind is set, user text stays literal, Chinese needs a CJK font.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pdf_support;

use jv_memo::document::{Block, Lang, Text, Tone};
use jv_memo::pdf::{Fonts, PdfError, to_pdf, to_svg_pages};
use pdf_support::{compact, pdftotext, sample_memo, system_fonts};

#[test]
fn english_memo_holds_parties_figures_and_sections() {
    let memo = sample_memo(Lang::En);
    let pdf = to_pdf(&memo, system_fonts()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdftotext(&pdf);
    for needle in [
        "Jiangsu Motors Co., Ltd.",
        "Nairobi Auto Dealers Ltd",
        "Technology partner",
        "Executive summary",
        "USD 1,234,567",
        "18.4%",
        "(312,000)",
        "Kenya · KES · 10-year plan",
        "2026-11-29",
        "Draft",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    // Sections are numbered.
    assert!(text.contains("1. Executive summary"), "{text}");
    // The forty-row plan breaks across pages and repeats its header ("Line", Y1..Y10).
    let headers = text.lines().filter(|l| l.trim() == "Line").count();
    assert!(headers >= 2, "{headers} plan headers in:\n{text}");
}

#[test]
fn chinese_memo_holds_chinese_titles() {
    let memo = sample_memo(Lang::Zh);
    let text = pdftotext(&to_pdf(&memo, system_fonts()).unwrap());
    for needle in ["执行摘要", "交易备忘录", "技术方", "草稿", "USD 1,234,567"] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    assert!(!text.contains("Executive summary"), "{text}");
}

#[test]
fn bilingual_memo_sets_each_section_in_both_languages() {
    let memo = sample_memo(Lang::EnZh);
    let text = pdftotext(&to_pdf(&memo, system_fonts()).unwrap());
    let en = text.find("The partners share").expect("English paragraph");
    let zh = text.find("双方按").expect("Chinese paragraph");
    assert!(en < zh, "English comes first");
    assert!(text.contains("Executive summary") && text.contains("执行摘要"));
    assert!(text.contains("DEAL MEMO / 交易备忘录"), "{text}");
}

#[test]
fn user_text_is_printed_as_typed() {
    let hostile = [
        r#"#import "x.typ": *"#,
        "*bold*",
        "$x$",
        "<b>x</b>",
        "#{panic()}",
        "_under_ `raw` @ref [link]",
    ];
    let long: String = "A5k #{x} *y* ".repeat(400);
    assert!(long.len() >= 5_000);
    let mut memo = sample_memo(Lang::En);
    for (i, name) in hostile.iter().enumerate() {
        memo.cover
            .parties
            .push(((*name).to_owned(), Text::same(format!("Role {i}"))));
    }
    memo.cover.deal_name = "#set page(width: 1cm) <deal>".to_owned();
    memo.sections[0].blocks.push(Block::Note {
        text: Text::same(long.clone()),
    });
    memo.sections[0].blocks.push(Block::Callout {
        tone: Tone::Problem,
        text: Text::same(hostile.join(" ")),
    });
    let text = pdftotext(&to_pdf(&memo, system_fonts()).unwrap());
    let flat = compact(&text);
    for name in hostile {
        assert!(
            flat.contains(&compact(name)),
            "{name:?} not literal in:\n{text}"
        );
    }
    assert!(flat.contains(&compact("#set page(width: 1cm) <deal>")));
    assert_eq!(
        flat.matches("A5k#{x}*y*").count(),
        400,
        "the long note is complete"
    );
}

#[test]
fn chinese_memo_without_a_cjk_font_says_what_to_install() {
    let latin_only = Fonts::embedded();
    assert_eq!(latin_only.cjk_family(), None);
    let error = to_pdf(&sample_memo(Lang::Zh), &latin_only).unwrap_err();
    assert!(
        matches!(error, PdfError::NoFontFor { lang: Lang::Zh, hint } if hint.contains("fonts-noto-cjk")),
        "{error:?}"
    );
    assert!(error.to_string().contains("Chinese"));
    // English needs nothing beyond the bundled faces.
    let text = pdftotext(&to_pdf(&sample_memo(Lang::En), &latin_only).unwrap());
    assert!(text.contains("Jiangsu Motors Co., Ltd."));
}

#[test]
fn a_cjk_font_from_an_explicit_list_is_found() {
    let path = std::path::PathBuf::from("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
    let fonts = Fonts::with_files(&[path]);
    assert_eq!(fonts.cjk_family(), Some("Noto Serif CJK SC"));
}

#[test]
fn preview_pages_are_svg() {
    let memo = sample_memo(Lang::En);
    let pages = to_svg_pages(&memo, system_fonts()).unwrap();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    assert!(pages.iter().all(|p| p.starts_with("<svg")));
}
