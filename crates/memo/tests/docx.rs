//! The memo as DOCX: LibreOffice opens it and converts it to PDF, the PDF's text holds the
//! memo's figures and names, tables are real Word tables, and user text stays literal.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use jv_memo::content::MemoOptions;
use jv_memo::document::{
    Align, Block, Chart, ChartKind, Column, Cover, Figure, Lang, Memo, Row, Section, Series,
    Status, Table, Text, Tone,
};
use jv_memo::docx::to_docx;

const LONG_LEN: usize = 5_000;

fn injections() -> Vec<&'static str> {
    vec![
        "#import \"x\"",
        "*bold*",
        "=HYPERLINK(\"x\")",
        "<b>x</b>",
        "<w:trHeight w:val=\"340\" w:hRule=\"atLeast\" />",
    ]
}

/// A 5,000-character note made of numbered words, so its end can be found in the PDF.
fn long_text() -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < LONG_LEN - 12 {
        text.push_str(&format!("word{i} "));
        i += 1;
    }
    text.push_str("ENDOFLONG");
    while text.len() < LONG_LEN {
        text.insert(0, 'x');
    }
    text
}

/// A memo with every kind of block, user text carrying markup of every format.
fn memo(lang: Lang) -> Memo {
    let table = Table {
        caption: Text::new("Returns per party", "各方回报"),
        columns: vec![
            Column {
                header: Text::new("Party", "合作方"),
                align: Align::Left,
            },
            Column {
                header: Text::new("NPV (cash)", "净现值（现金）"),
                align: Align::Right,
            },
            Column {
                header: Text::new("IRR", "内部收益率"),
                align: Align::Right,
            },
        ],
        rows: vec![
            Row {
                cells: vec![
                    Text::same("Jiangsu Motors"),
                    Text::same("USD 1,234,567"),
                    Text::same("18.4%"),
                ],
                strong: false,
            },
            Row {
                cells: vec![
                    Text::same("=HYPERLINK(\"x\")"),
                    Text::same("USD 987,654"),
                    Text::same("12.1%"),
                ],
                strong: false,
            },
            Row {
                cells: vec![
                    Text::new("Total", "合计"),
                    Text::same("USD 2,222,221"),
                    Text::same("—"),
                ],
                strong: true,
            },
        ],
        note: Text::new("Discounted at 12%.", "按 12% 折现。"),
    };
    let chart = Chart {
        kind: ChartKind::Bars,
        title: Text::new("Cash to each party", "各方现金"),
        category_label: Text::new("Year", "年份"),
        value_label: Text::new("USD thousand", "千美元"),
        categories: vec![Text::same("Y1"), Text::same("Y2")],
        series: vec![
            Series {
                name: Text::same("Jiangsu Motors"),
                values: vec![-1250.0, 3456.7],
            },
            Series {
                name: Text::same("Nairobi Wheels"),
                values: vec![120.0, 98_765.4],
            },
        ],
    };
    Memo {
        lang,
        cover: Cover {
            kind: Text::new("Deal memo", "交易备忘录"),
            deal_name: "Kenya E3W *bold* <b>x</b>".to_string(),
            date: "2026-11-29".to_string(),
            status: Status::Draft,
            status_label: Text::new("Draft", "草稿"),
            parties: vec![
                (
                    "Jiangsu Motors".to_string(),
                    Text::new("Technology partner", "技术合作方"),
                ),
                (
                    "Nairobi Wheels #import \"x\"".to_string(),
                    Text::new("Local dealer", "本地经销商"),
                ),
            ],
            market: Text::new("Kenya · KES · 10-year plan", "肯尼亚 · KES · 十年计划"),
            footer: Text::new(
                "Prepared with JV Studio · Confidential",
                "由 JV Studio 编制 · 保密",
            ),
        },
        sections: vec![
            Section {
                id: "summary".to_string(),
                title: Text::new("Summary", "摘要"),
                blocks: vec![
                    Block::Paragraph {
                        text: Text::new(
                            "The venture pays back in year 4.",
                            "合资企业在第 4 年收回投资。",
                        ),
                    },
                    Block::Figures {
                        items: vec![
                            Figure {
                                label: Text::new("NPV (cash)", "净现值（现金）"),
                                value: "USD 1,234,567".to_string(),
                            },
                            Figure {
                                label: Text::new("Payback", "回收期"),
                                value: "4.2 years".to_string(),
                            },
                            Figure {
                                label: Text::new("Equity", "股权"),
                                value: "60% / 40%".to_string(),
                            },
                            Figure {
                                label: Text::new("Capital", "资本"),
                                value: "KES 150,000,000".to_string(),
                            },
                        ],
                    },
                    Block::Callout {
                        tone: Tone::Warning,
                        text: Text::new("Dividends are capped in year 2.", "第 2 年股息受限。"),
                    },
                    Block::Callout {
                        tone: Tone::Problem,
                        text: Text::new("Cash runs out in year 3.", "第 3 年现金耗尽。"),
                    },
                    Block::Callout {
                        tone: Tone::Info,
                        text: Text::new("Figures in nominal terms.", "数字为名义值。"),
                    },
                ],
            },
            Section {
                id: "returns".to_string(),
                title: Text::new("Returns per party", "各方回报"),
                blocks: vec![
                    Block::Heading {
                        text: Text::new("Cash returns", "现金回报"),
                    },
                    Block::Table(table),
                    Block::Chart(chart),
                    Block::Bullets {
                        items: vec![
                            Text::new("Board of five", "董事会五人"),
                            Text::same("*bold*"),
                        ],
                    },
                ],
            },
            Section {
                id: "notes".to_string(),
                title: Text::new("Notes", "备注"),
                blocks: vec![
                    Block::Note {
                        text: Text::same(injections().join(" | ")),
                    },
                    Block::Note {
                        text: Text::same(long_text()),
                    },
                ],
            },
        ],
    }
}

/// Writes `bytes` as `name`.docx in `dir`, converts it with LibreOffice and returns the
/// PDF's path.
fn convert(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, bytes).unwrap();
    let profile = dir.join(format!("lo-profile-{name}"));
    let output = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.to_str().unwrap()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&file)
        .output()
        .expect("soffice runs");
    assert!(
        output.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pdf = dir.join(format!("{name}.pdf"));
    assert!(
        pdf.exists(),
        "soffice wrote no PDF: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    pdf
}

/// The PDF's text, as `pdftotext` reads it.
fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The DOCX part `name` as text.
fn part(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("memo.docx");
    std::fs::write(&file, bytes).unwrap();
    let output = Command::new("unzip")
        .arg("-p")
        .arg(&file)
        .arg(name)
        .output()
        .expect("unzip runs");
    assert!(output.status.success(), "no part {name}");
    let mut text = String::new();
    output.stdout.as_slice().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn english_memo_converts_and_keeps_every_figure_and_name() {
    let memo = memo(Lang::En);
    let bytes = to_docx(&memo).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = pdf_text(&convert(dir.path(), "en", &bytes));
    let flat_text = flat(&text);
    for expected in [
        "Jiangsu Motors",
        "Technology partner",
        "Local dealer",
        "USD 1,234,567",
        "USD 987,654",
        "USD 2,222,221",
        "18.4%",
        "KES 150,000,000",
        "4.2 years",
        "2026-11-29",
        "DRAFT",
        "Kenya · KES · 10-year plan",
        "Returns per party",
        "Cash to each party",
        "Values in USD thousand.",
        "98,765",
        "-1,250",
        "Page 2 of",
        "Dividends are capped in year 2.",
    ] {
        assert!(flat_text.contains(expected), "PDF lacks {expected:?}");
    }
    assert!(
        !flat_text.contains("净现值"),
        "an English memo shows Chinese"
    );
}

#[test]
fn user_text_with_markup_comes_out_literally() {
    let memo = memo(Lang::En);
    let bytes = to_docx(&memo).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let flat_text = flat(&pdf_text(&convert(dir.path(), "inject", &bytes)));
    for injection in injections() {
        assert!(
            flat_text.contains(injection),
            "PDF lacks {injection:?} literally"
        );
    }
    assert!(flat_text.contains("Nairobi Wheels #import \"x\""));
    assert!(flat_text.contains("Kenya E3W *bold* <b>x</b>"));
    assert!(flat_text.contains("word0 word1 word2"));
    assert!(
        flat_text.contains("ENDOFLONG"),
        "the 5,000-character note is cut"
    );

    let document = part(&bytes, "word/document.xml");
    assert!(document.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(!document.contains("<b>x</b>"));
    assert!(
        document.contains("=HYPERLINK(\"x\")") || document.contains("=HYPERLINK(&quot;x&quot;)")
    );
    // The typed row height is text, so it did not become a repeating header row.
    assert!(document.contains("&lt;w:trHeight"));
}

#[test]
fn tables_are_real_word_tables_with_repeating_headers() {
    let bytes = to_docx(&memo(Lang::En)).unwrap();
    let document = part(&bytes, "word/document.xml");
    // Figures grid, returns table, chart data table.
    assert_eq!(document.matches("<w:tbl>").count(), 3);
    // Header rows of the returns and the chart table repeat on each page.
    assert_eq!(document.matches("<w:tblHeader />").count(), 2);
    assert!(document.contains(r#"<w:jc w:val="right" />"#));
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:styleId="Heading1""#));
    assert!(styles.contains(r#"<w:name w:val="heading 1" />"#));
    assert!(styles.contains(r#"w:eastAsia="Noto Sans CJK SC""#));
    let fonts = part(&bytes, "word/fontTable.xml");
    assert!(fonts.contains(r#"<w:altName w:val="Microsoft YaHei" />"#));
}

#[test]
fn chinese_memo_shows_chinese_titles_and_the_same_figures() {
    let bytes = to_docx(&memo(Lang::Zh)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let flat_text = flat(&pdf_text(&convert(dir.path(), "zh", &bytes)));
    for expected in [
        "摘要",
        "各方回报",
        "备注",
        "交易备忘录",
        "技术合作方",
        "净现值（现金）",
        "USD 1,234,567",
        "18.4%",
        "合计",
        "单位：千美元。",
        "第 2 页",
    ] {
        assert!(flat_text.contains(expected), "PDF lacks {expected:?}");
    }
    assert!(!flat_text.contains("Returns per party"));
}

#[test]
fn bilingual_memo_gives_english_then_chinese() {
    let bytes = to_docx(&memo(Lang::EnZh)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let flat_text = flat(&pdf_text(&convert(dir.path(), "enzh", &bytes)));
    let english = flat_text.find("The venture pays back in year 4.").unwrap();
    let chinese = flat_text.find("合资企业在第 4 年收回投资。").unwrap();
    assert!(english < chinese, "English comes first");
    assert!(flat_text.contains("Returns per party / 各方回报"));
    assert!(flat_text.contains("USD 2,222,221"));
}

fn kenya(lang: Lang) -> Memo {
    let path = format!(
        "{}/../../examples/kenya-e3w-ckd.jvdeal",
        env!("CARGO_MANIFEST_DIR")
    );
    let deal = jv_engine::read_deal(&std::fs::read_to_string(path).unwrap()).unwrap();
    let evaluation = jv_engine::evaluate(&deal).unwrap();
    let options = MemoOptions {
        lang,
        status: Status::Final,
        date: "2026-11-29".to_owned(),
    };
    jv_memo::content::build(&deal, &evaluation, &options).unwrap()
}

/// Every formatted figure of the memo: table cells and key figures holding a digit.
fn figures(memo: &Memo, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for section in &memo.sections {
        for block in &section.blocks {
            match block {
                Block::Table(table) => {
                    for row in &table.rows {
                        out.extend(row.cells.iter().map(|c| c.get(lang)));
                    }
                }
                Block::Figures { items } => out.extend(items.iter().map(|f| f.value.clone())),
                _ => {}
            }
        }
    }
    out.retain(|f| f.chars().any(|c| c.is_ascii_digit()));
    out
}

fn check_kenya(lang: Lang, name: &str) {
    let memo = kenya(lang);
    let bytes = to_docx(&memo).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = pdf_text(&convert(dir.path(), name, &bytes));
    // Table cells may wrap inside their column, so compare without any whitespace.
    let squeezed: String = text.split_whitespace().collect();
    let figures = figures(&memo, lang);
    assert!(
        figures.len() > 20,
        "the Kenya memo has only {} figures",
        figures.len()
    );
    for figure in &figures {
        let figure_squeezed: String = figure.split_whitespace().collect();
        assert!(squeezed.contains(&figure_squeezed), "PDF lacks {figure:?}");
    }
    for (party, _) in &memo.cover.parties {
        let party_squeezed: String = party.split_whitespace().collect();
        assert!(squeezed.contains(&party_squeezed), "PDF lacks {party:?}");
    }
    for section in &memo.sections {
        let title: String = section.title.get(lang).split_whitespace().collect();
        assert!(squeezed.contains(&title), "PDF lacks the title {title:?}");
    }
}

#[test]
fn kenya_memo_in_english_holds_every_figure() {
    check_kenya(Lang::En, "kenya-en");
}

#[test]
fn kenya_memo_in_chinese_holds_every_figure_and_chinese_titles() {
    check_kenya(Lang::Zh, "kenya-zh");
}

#[test]
fn kenya_memo_in_both_languages_holds_every_figure() {
    check_kenya(Lang::EnZh, "kenya-enzh");
}

/// The DOCX's pictures: each `word/media/*` part's name and bytes.
fn media(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("memo.docx");
    std::fs::write(&file, bytes).unwrap();
    let listing = Command::new("unzip")
        .arg("-Z1")
        .arg(&file)
        .output()
        .expect("unzip runs");
    assert!(listing.status.success());
    String::from_utf8(listing.stdout)
        .unwrap()
        .lines()
        .filter(|name| name.starts_with("word/media/") && !name.ends_with('/'))
        .map(|name| {
            let output = Command::new("unzip")
                .arg("-p")
                .arg(&file)
                .arg(name)
                .output()
                .expect("unzip runs");
            (name.to_owned(), output.stdout)
        })
        .collect()
}

#[test]
fn kenya_charts_are_pictures_with_their_data_underneath() {
    let memo = kenya(Lang::Zh);
    let charts: Vec<&Chart> = memo
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match b {
            Block::Chart(chart) => Some(chart),
            _ => None,
        })
        .collect();
    assert!(
        charts.len() >= 2,
        "the Kenya memo has {} charts",
        charts.len()
    );
    let bytes = to_docx(&memo).unwrap();
    let pictures = media(&bytes);
    assert_eq!(pictures.len(), charts.len());
    for (name, png) in &pictures {
        assert!(name.ends_with(".png"), "{name} is not a PNG");
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
        assert_eq!(pixmap.width(), 1_280, "{name} is not drawn at 2x");
        assert!(
            pixmap.height() >= 300,
            "{name} is {} px tall",
            pixmap.height()
        );
        // Text is near-black; lines and bars are coloured: both must be there.
        let pixels = pixmap.pixels();
        let text = pixels
            .iter()
            .filter(|p| p.red() < 100 && p.green() < 100 && p.blue() < 100)
            .count();
        let ink = pixels
            .iter()
            .filter(|p| p.red() < 200 || p.green() < 200 || p.blue() < 200)
            .count();
        assert!(text > 500, "{name} has no text: {text} dark pixels");
        assert!(
            ink * 100 > pixels.len(),
            "{name} is nearly blank: {ink} of {} pixels inked",
            pixels.len()
        );
    }
    let document = part(&bytes, "word/document.xml");
    assert_eq!(document.matches("<w:drawing>").count(), charts.len());
    // Each chart's data is still a table, under its picture.
    let first = charts[0];
    let unit = format!("单位：{}。", first.value_label.zh);
    assert!(document.contains(&unit), "no data table note {unit:?}");
    let dir = tempfile::tempdir().unwrap();
    let text = pdf_text(&convert(dir.path(), "kenya-pictures", &bytes));
    assert!(
        text.contains(&first.title.zh),
        "PDF lacks {:?}",
        first.title.zh
    );
}
