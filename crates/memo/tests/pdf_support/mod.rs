//! Shared by the PDF tests: a hand-made memo using every block kind, and pdftotext.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::Command;
use std::sync::OnceLock;

use jv_memo::document::{
    Align, Block, Chart, ChartKind, Column, Cover, Figure, Lang, Memo, Row, Section, Series,
    Status, Table, Text, Tone,
};
use jv_memo::pdf::Fonts;

/// The system's fonts, scanned once per test binary.
pub fn system_fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::system)
}

/// The PDF's text, as poppler's pdftotext reads it.
pub fn pdftotext(pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    let out = Command::new("/usr/bin/pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(file.path())
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text without whitespace and without the hyphens added at line ends, to compare strings
/// that the layout may have broken across lines.
pub fn compact(text: &str) -> String {
    text.replace("-\n", "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn t(en: &str, zh: &str) -> Text {
    Text::new(en, zh)
}

fn cells(values: &[&str]) -> Vec<Text> {
    values.iter().map(|v| Text::same(*v)).collect()
}

/// A memo with every kind of block, in `lang`.
pub fn sample_memo(lang: Lang) -> Memo {
    let years: Vec<Text> = (1..=10)
        .map(|y| Text::new(format!("Y{y}"), format!("第{y}年")))
        .collect();
    let mut plan_columns = vec![Column {
        header: t("Line", "项目"),
        align: Align::Left,
    }];
    plan_columns.extend(years.iter().map(|y| Column {
        header: y.clone(),
        align: Align::Right,
    }));
    let plan_rows: Vec<Row> = (0..90)
        .map(|i| Row {
            cells: std::iter::once(t(&format!("Revenue line {i}"), &format!("收入项目 {i}")))
                .chain((0..10).map(|y| {
                    Text::same(format!("{},{:03}", 10 + i * y, (i * 37 + y * 101) % 1000))
                }))
                .collect(),
            strong: i % 10 == 9,
        })
        .collect();
    Memo {
        lang,
        cover: Cover {
            kind: t("Deal memo", "交易备忘录"),
            deal_name: "Kenya e3W CKD assembly".to_owned(),
            date: "2026-11-29".to_owned(),
            status: Status::Draft,
            status_label: t("Draft", "草稿"),
            parties: vec![
                (
                    "Jiangsu Motors Co., Ltd.".to_owned(),
                    t("Technology partner", "技术方"),
                ),
                (
                    "Nairobi Auto Dealers Ltd".to_owned(),
                    t("Local partner", "本地合作方"),
                ),
            ],
            market: t("Kenya · KES · 10-year plan", "肯尼亚 · KES · 10年计划"),
            footer: t(
                "Prepared with JV Studio. Confidential.",
                "由 JV Studio 编制。保密。",
            ),
        },
        sections: vec![
            Section {
                id: "summary".to_owned(),
                title: t("Executive summary", "执行摘要"),
                blocks: vec![
                    Block::Paragraph {
                        text: t(
                            "The partners share the venture 60/40. Over ten years the venture returns cash to both partners; the technology partner recovers its contribution in year four.",
                            "双方按60/40持股。十年内合资公司向双方返还现金；技术方在第四年收回出资。",
                        ),
                    },
                    Block::Figures {
                        items: vec![
                            Figure {
                                label: t("NPV (cash)", "净现值（现金）"),
                                value: "USD 1,234,567".to_owned(),
                            },
                            Figure {
                                label: t("IRR", "内部收益率"),
                                value: "18.4%".to_owned(),
                            },
                            Figure {
                                label: t("Payback", "回收期"),
                                value: "4.2 years".to_owned(),
                            },
                            Figure {
                                label: t("Peak funding", "最大资金需求"),
                                value: "USD (312,000)".to_owned(),
                            },
                        ],
                    },
                    Block::Bullets {
                        items: vec![
                            t("Licence fee of 2% of sales.", "许可费为销售额的2%。"),
                            t("Dividends from year three.", "自第三年起分红。"),
                        ],
                    },
                    Block::Callout {
                        tone: Tone::Info,
                        text: t("Figures are in USD.", "数字以美元计。"),
                    },
                    Block::Callout {
                        tone: Tone::Warning,
                        text: t(
                            "The local partner's cash is thin in year two.",
                            "本地合作方第二年现金紧张。",
                        ),
                    },
                    Block::Callout {
                        tone: Tone::Problem,
                        text: t(
                            "Debt cover falls below 1.2x in year two.",
                            "第二年偿债覆盖率低于1.2倍。",
                        ),
                    },
                    Block::Note {
                        text: t(
                            "Source: the deal file, evaluated today.",
                            "来源：交易文件，今日评估。",
                        ),
                    },
                ],
            },
            Section {
                id: "returns".to_owned(),
                title: t("Returns per party", "各方回报"),
                blocks: vec![
                    Block::Heading {
                        text: t("Cash returned", "返还现金"),
                    },
                    Block::Table(Table {
                        caption: t("Returns per party (USD)", "各方回报（美元）"),
                        columns: vec![
                            Column {
                                header: t("Party", "合作方"),
                                align: Align::Left,
                            },
                            Column {
                                header: t("Contributed", "出资"),
                                align: Align::Right,
                            },
                            Column {
                                header: t("Cash to partner", "返还现金"),
                                align: Align::Right,
                            },
                            Column {
                                header: t("IRR", "内部收益率"),
                                align: Align::Right,
                            },
                        ],
                        rows: vec![
                            Row {
                                cells: cells(&[
                                    "Jiangsu Motors Co., Ltd.",
                                    "600,000",
                                    "1,480,000",
                                    "18.4%",
                                ]),
                                strong: false,
                            },
                            Row {
                                cells: cells(&[
                                    "Nairobi Auto Dealers Ltd",
                                    "400,000",
                                    "(312,000)",
                                    "n/a",
                                ]),
                                strong: false,
                            },
                            Row {
                                cells: vec![
                                    t("Total", "合计"),
                                    Text::same("1,000,000"),
                                    Text::same("1,168,000"),
                                    Text::same(""),
                                ],
                                strong: true,
                            },
                        ],
                        note: t("Negative figures in brackets.", "负数以括号表示。"),
                    }),
                    Block::Chart(Chart {
                        kind: ChartKind::Bars,
                        title: t("Cash per year", "每年现金"),
                        category_label: t("Year", "年份"),
                        value_label: t("USD thousand", "千美元"),
                        categories: years[..5].to_vec(),
                        series: vec![
                            Series {
                                name: t("Jiangsu Motors", "江苏汽车"),
                                values: vec![-300.0, -50.0, 120.0, 260.0, 340.0],
                            },
                            Series {
                                name: t("Nairobi Auto", "内罗毕汽车"),
                                values: vec![-200.0, -20.0, 80.0, 170.0, 220.0],
                            },
                        ],
                    }),
                ],
            },
            Section {
                id: "plan".to_owned(),
                title: t("Ten-year plan", "十年计划"),
                blocks: vec![
                    Block::Table(Table {
                        caption: t("Plan (USD thousand)", "计划（千美元）"),
                        columns: plan_columns,
                        rows: plan_rows,
                        note: Text::default(),
                    }),
                    Block::Chart(Chart {
                        kind: ChartKind::Lines,
                        title: t("Cumulative cash", "累计现金"),
                        category_label: t("Year", "年份"),
                        value_label: t("USD thousand", "千美元"),
                        categories: years.clone(),
                        series: vec![Series {
                            name: t("Venture", "合资公司"),
                            values: vec![
                                -500.0, -420.0, -250.0, -40.0, 180.0, 420.0, 700.0, 990.0, 1300.0,
                                1650.0,
                            ],
                        }],
                    }),
                    Block::Chart(Chart {
                        kind: ChartKind::HorizontalBars,
                        title: t("Value by channel", "按渠道的价值"),
                        category_label: t("Channel", "渠道"),
                        value_label: t("PV, USD thousand", "现值，千美元"),
                        categories: vec![
                            t("Dividends", "股息"),
                            t("Licence fees", "许可费"),
                            t("CKD kit margin", "CKD套件利润"),
                            t("Capital", "资本"),
                        ],
                        series: vec![Series {
                            name: t("PV", "现值"),
                            values: vec![820.0, 260.0, 410.0, -600.0],
                        }],
                    }),
                ],
            },
        ],
    }
}
