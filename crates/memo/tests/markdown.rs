//! The Markdown rendering: structure, alignment, charts as tables, and user text kept
//! literal whatever it contains.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::{Deal, evaluate, read_deal};
use jv_memo::content::{MemoOptions, build};
use jv_memo::document::{
    Align, Block, Chart, ChartKind, Column, Cover, Figure, Lang, Memo, Row, Section, Series,
    Status, Table, Text, Tone,
};
use jv_memo::markdown::{escape, to_markdown};

fn kenya() -> Deal {
    let path = format!(
        "{}/../../examples/kenya-e3w-ckd.jvdeal",
        env!("CARGO_MANIFEST_DIR")
    );
    read_deal(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn kenya_memo(deal: &Deal, lang: Lang) -> Memo {
    let evaluation = evaluate(deal).unwrap();
    let options = MemoOptions {
        lang,
        status: Status::Final,
        date: "2026-11-29".to_owned(),
    };
    build(deal, &evaluation, &options).unwrap()
}

fn small(user: &str) -> Memo {
    Memo {
        lang: Lang::En,
        cover: Cover {
            kind: Text::new("Deal memo", "交易备忘录"),
            deal_name: user.to_owned(),
            date: "2026-11-29".to_owned(),
            status: Status::Draft,
            status_label: Text::new("Draft", "草稿"),
            parties: vec![(user.to_owned(), Text::new("Local partner", "本地合作方"))],
            market: Text::same("Kenya"),
            footer: Text::same("Confidential"),
        },
        sections: vec![Section {
            id: "s".to_owned(),
            title: Text::new("Title", "标题"),
            blocks: vec![
                Block::Paragraph {
                    text: Text::same(user),
                },
                Block::Bullets {
                    items: vec![Text::same(user)],
                },
                Block::Figures {
                    items: vec![Figure {
                        label: Text::same(user),
                        value: user.to_owned(),
                    }],
                },
                Block::Table(Table {
                    caption: Text::same(user),
                    columns: vec![
                        Column {
                            header: Text::same("Party"),
                            align: Align::Left,
                        },
                        Column {
                            header: Text::same("NPV"),
                            align: Align::Right,
                        },
                    ],
                    rows: vec![Row {
                        cells: vec![Text::same(user), Text::same("USD 1,234")],
                        strong: false,
                    }],
                    note: Text::default(),
                }),
                Block::Callout {
                    tone: Tone::Warning,
                    text: Text::same(user),
                },
            ],
        }],
    }
}

/// What a Markdown reader shows for escaped text: each backslash escape undone.
fn shown(markdown: &str) -> String {
    let mut out = String::new();
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn escape_keeps_markup_literal() {
    assert_eq!(escape("*bold*"), "\\*bold\\*");
    assert_eq!(escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
    assert_eq!(escape("#import \"x.typ\""), "\\#import \"x.typ\"");
    assert_eq!(escape("a | b"), "a \\| b");
    assert_eq!(escape("[link](http://x)"), "\\[link\\](http://x)");
    assert_eq!(escape("- item"), "\\- item");
    assert_eq!(escape("1. first"), "1\\. first");
    assert_eq!(escape("12) x"), "12\\) x");
    assert_eq!(escape("---"), "\\---");
    assert_eq!(escape("=="), "\\==");
    assert_eq!(escape("+ plus"), "\\+ plus");
    assert_eq!(escape("60.20%"), "60.20%");
    assert_eq!(escape("-13,969"), "-13,969");
    assert_eq!(
        escape("`code` _em_ ~s~ &amp;"),
        "\\`code\\` \\_em\\_ \\~s\\~ \\&amp;"
    );
    assert_eq!(escape("line\n# two"), "line \\# two");
    assert_eq!(escape("back\\slash"), "back\\\\slash");
    assert_eq!(escape("USD -1,234 at 23.4%"), "USD -1,234 at 23.4%");
    for text in [
        "*bold*", "<b>x</b>", "| pipe |", "#import", "a\\b", "[x]: y",
    ] {
        assert_eq!(shown(&escape(text)), text);
    }
}

#[test]
fn injected_user_text_prints_as_typed_everywhere() {
    for user in [
        "*bold*",
        "<b>x</b>",
        "| pipe",
        "#import \"evil.typ\"",
        "<script>alert(1)</script>",
    ] {
        let md = to_markdown(&small(user));
        let escaped = escape(user);
        // Title, party, paragraph, bullet, figure, caption, cell and call-out: all escaped.
        assert!(md.matches(&escaped).count() >= 9, "{user}:\n{md}");
        // Once the escaped forms are taken out, no raw copy of the user's text is left.
        assert!(!md.replace(&escaped, "").contains(user), "{user}:\n{md}");
        assert!(shown(&md).contains(user));
    }
    let md = to_markdown(&small("| pipe"));
    let row = md.lines().find(|l| l.contains("USD 1,234")).unwrap();
    // The row still has exactly its two cells: the user's pipe is escaped.
    assert_eq!(row.matches(" | ").count(), 1, "{row}");
    assert_eq!(row, "| \\| pipe | USD 1,234 |");
}

#[test]
fn long_user_text_stays_whole() {
    let long = "x".repeat(4_995) + "*end*";
    assert_eq!(long.chars().count(), 5_000);
    let md = to_markdown(&small(&long));
    assert!(md.contains(&format!("{}\\*end\\*", "x".repeat(4_995))));
}

#[test]
fn tables_align_numbers_right_and_charts_become_tables() {
    let mut memo = small("Dealer");
    memo.sections[0].blocks.push(Block::Chart(Chart {
        kind: ChartKind::Lines,
        title: Text::new("Revenue", "营业收入"),
        category_label: Text::new("Year", "年度"),
        value_label: Text::new("KES thousand", "千KES"),
        categories: vec![Text::same("Y1"), Text::same("Y2")],
        series: vec![Series {
            name: Text::new("Revenue", "营业收入"),
            values: vec![1234.4, -56789.6],
        }],
    }));
    let md = to_markdown(&memo);
    assert!(md.contains("| Party | NPV |\n| --- | ---: |\n"));
    assert!(md.contains("**Revenue** (KES thousand)\n\n| Year | Revenue |\n| --- | ---: |\n| Y1 | 1,234 |\n| Y2 | -56,790 |\n"));
    assert!(md.contains("> **Warning:** Dealer"));
    assert!(md.starts_with("# Dealer\n"));
}

#[test]
fn kenya_renders_in_each_language() {
    let deal = kenya();
    let en = to_markdown(&kenya_memo(&deal, Lang::En));
    assert!(en.contains("## Executive summary"));
    assert!(en.contains("## Appendix: projection tables"));
    assert!(!en.contains("## 执行摘要"));
    assert!(en.contains("| Party | Share | NPV (cash) |"));
    assert!(en.contains("---:"));

    let zh = to_markdown(&kenya_memo(&deal, Lang::Zh));
    assert!(zh.contains("## 执行摘要"));
    assert!(!zh.contains("## Executive summary"));

    let both = to_markdown(&kenya_memo(&deal, Lang::EnZh));
    let en_at = both.find("## Executive summary").unwrap();
    let zh_at = both.find("## 执行摘要").unwrap();
    let next_at = both.find("## Parties and contributions").unwrap();
    assert!(en_at < zh_at && zh_at < next_at);
    assert!(both.contains("交易备忘录"));
}
