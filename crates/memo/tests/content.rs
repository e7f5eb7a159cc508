//! The memo's content built from the example deals: sections, order, figures and languages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::scenarios::builtins;
use jv_engine::{Deal, Evaluation, evaluate, read_deal};
use jv_memo::content::{MemoError, MemoOptions, build, format};
use jv_memo::document::{Block, Lang, Memo, Section, Status, Text, Tone};

fn example(name: &str) -> Deal {
    let path = format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    read_deal(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn options(lang: Lang) -> MemoOptions {
    MemoOptions {
        lang,
        status: Status::Draft,
        date: "2026-11-29".to_owned(),
    }
}

fn memo_of(deal: &Deal, lang: Lang) -> (Memo, Evaluation) {
    let evaluation = evaluate(deal).unwrap();
    (
        build(deal, &evaluation, &options(lang)).unwrap(),
        evaluation,
    )
}

fn ids(memo: &Memo) -> Vec<&str> {
    memo.sections.iter().map(|s| s.id.as_str()).collect()
}

fn section<'a>(memo: &'a Memo, id: &str) -> &'a Section {
    memo.sections.iter().find(|s| s.id == id).unwrap()
}

/// Every piece of text of a section, in both languages.
fn texts(section: &Section) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |t: &Text| {
        out.push(t.en.clone());
        out.push(t.zh.clone());
    };
    for block in &section.blocks {
        match block {
            Block::Heading { text }
            | Block::Paragraph { text }
            | Block::Note { text }
            | Block::Callout { text, .. } => push(text),
            Block::Bullets { items } => items.iter().for_each(&mut push),
            Block::Figures { items } => items.iter().for_each(|f| {
                push(&f.label);
                push(&Text::same(f.value.clone()));
            }),
            Block::Table(t) => {
                push(&t.caption);
                t.columns.iter().for_each(|c| push(&c.header));
                t.rows.iter().flat_map(|r| &r.cells).for_each(&mut push);
                push(&t.note);
            }
            Block::Chart(c) => {
                push(&c.title);
                c.categories.iter().for_each(&mut push);
            }
        }
    }
    out
}

fn has(section: &Section, needle: &str) -> bool {
    texts(section).iter().any(|t| t.contains(needle))
}

const ORDER: [&str; 12] = [
    "summary",
    "parties",
    "equity",
    "governance",
    "agreements",
    "plan",
    "returns",
    "scenarios",
    "sensitivity",
    "risks",
    "assumptions",
    "appendix",
];

fn in_order(found: &[&str]) -> bool {
    let positions: Vec<usize> = found
        .iter()
        .map(|id| ORDER.iter().position(|o| o == id).unwrap())
        .collect();
    positions.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn kenya_has_every_section_in_order_in_each_language() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let evaluation = evaluate(&deal).unwrap();
    for lang in [Lang::En, Lang::Zh, Lang::EnZh] {
        let memo = build(&deal, &evaluation, &options(lang)).unwrap();
        assert_eq!(memo.lang, lang);
        let found = ids(&memo);
        // Kenya stores no scenarios, so that section alone is absent.
        let expected: Vec<&str> = ORDER
            .iter()
            .copied()
            .filter(|id| *id != "scenarios")
            .collect();
        assert_eq!(found, expected, "{lang:?}");
        for s in &memo.sections {
            assert!(!s.blocks.is_empty(), "section {} is empty", s.id);
        }
        assert_eq!(
            memo.cover.deal_name,
            "Kenya e-three-wheeler CKD assembly JV"
        );
        assert_eq!(memo.cover.date, "2026-11-29");
        assert_eq!(memo.cover.status_label, Text::new("Draft", "草稿"));
        assert_eq!(memo.cover.parties.len(), 2);
        assert_eq!(memo.cover.kind.zh, "交易备忘录");
    }
}

#[test]
fn zh_titles_are_chinese() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let (memo, _) = memo_of(&deal, Lang::Zh);
    let titles: Vec<&str> = memo.sections.iter().map(|s| s.title.zh.as_str()).collect();
    assert_eq!(
        titles,
        [
            "执行摘要",
            "各方及出资",
            "股权结构与股权表",
            "公司治理",
            "附属协议",
            "商业计划",
            "各方回报",
            "敏感性分析",
            "合规限制与风险",
            "假设与数据来源",
            "附录：预测表"
        ]
    );
    for s in &memo.sections {
        assert!(
            s.title
                .zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            s.title.zh
        );
        assert_ne!(s.title.en, s.title.zh);
    }
}

#[test]
fn governance_shows_only_when_filled() {
    let kenya = example("kenya-e3w-ckd.jvdeal");
    let (memo, _) = memo_of(&kenya, Lang::En);
    let g = section(&memo, "governance");
    assert!(has(g, "Chinese e-three-wheeler maker: 2 seats"));
    assert!(has(g, "Borrowing above USD 500,000"));
    assert!(has(g, "Escalation to both chairmen for 30 days"));
    assert!(has(g, "IP on termination"));

    let brazil = example("brazil-negotiated-60-40.jvdeal");
    assert!(brazil.governance.is_empty());
    let (memo, _) = memo_of(&brazil, Lang::En);
    assert!(!ids(&memo).contains(&"governance"));
    assert!(in_order(&ids(&memo)));
}

#[test]
fn key_figures_are_the_evaluation_formatted() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let (memo, evaluation) = memo_of(&deal, Lang::EnZh);
    let summary = section(&memo, "summary");
    let returns = section(&memo, "returns");
    for p in &evaluation.parties {
        let npv = format::money(p.views.cash.npv, "USD");
        assert!(has(summary, &npv), "{npv}");
        assert!(has(returns, &npv), "{npv}");
        assert!(has(returns, &format::money(p.views.economic.npv, "USD")));
        if let Some(irr) = p.views.cash.irr {
            assert!(has(summary, &format::rate(irr)));
        }
        let pv = &p.views.cash.pv_by_channel;
        assert!(has(returns, &format::money(pv.dividends, "USD")));
    }
    let maker = &evaluation.parties[0];
    assert!(has(
        returns,
        &format::money(maker.views.cash.pv_by_channel.kit_margin, "USD")
    ));
    assert!(has(
        returns,
        &format::money(maker.views.cash.pv_by_channel.royalties, "USD")
    ));
    for row in &evaluation.equity.parties {
        assert!(has(
            section(&memo, "equity"),
            &format::share_percent(row.percent)
        ));
        assert!(has(summary, &format::share_percent(row.percent)));
    }
    for c in &evaluation.contributions {
        assert!(has(
            section(&memo, "parties"),
            &format::money(c.value, "USD")
        ));
    }
    let plan = section(&memo, "plan");
    let last = evaluation.projection.years.last().unwrap();
    assert!(has(plan, &format::money(last.revenue, "KES")));
    assert!(has(plan, &format::thousands(last.ebitda)));
    // The tax note DOMAIN.md §6 requires.
    assert!(has(returns, "before any tax in the party's home country"));
    // Market values with their sources.
    let assumptions = section(&memo, "assumptions");
    assert!(has(assumptions, "30.0%"));
    assert!(has(
        assumptions,
        "https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG (2024)"
    ));
}

#[test]
fn the_summary_reads_as_a_paragraph_in_both_languages() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let (memo, evaluation) = memo_of(&deal, Lang::EnZh);
    let Block::Paragraph { text } = &section(&memo, "summary").blocks[0] else {
        panic!("the summary opens with a paragraph");
    };
    let cash = format::money(evaluation.contributions[0].value, "USD");
    let tech = format::money(evaluation.contributions[1].value, "USD");
    assert!(text.en.contains(&format!(
        "Chinese e-three-wheeler maker, the technology partner, brings {cash} in cash and \
         technology valued at {tech}."
    )));
    assert!(
        text.zh
            .contains(&format!("现金 {cash}、作价 {tech} 的技术"))
    );
    assert!(text.en.contains("a running royalty of 3.0% of net revenue"));
    assert!(text.en.contains("a 12.0% margin on the kits"));
    assert!(text.zh.contains("技术合作方"));
    assert!(text.zh.contains("股权按出资价值分配"));
    let value = format::money(evaluation.contributions[1].value, "USD");
    assert!(text.en.contains(&value) && text.zh.contains(&value));
}

#[test]
fn stored_scenarios_get_their_section() {
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    let (scenarios, _) = builtins(&deal);
    assert!(scenarios.len() >= 3);
    deal.scenarios = scenarios.into_iter().take(3).collect();
    let (memo, _) = memo_of(&deal, Lang::En);
    assert!(in_order(&ids(&memo)));
    let s = section(&memo, "scenarios");
    let Block::Table(table) = &s.blocks[0] else {
        panic!("the scenarios open with their table");
    };
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rows[0].cells[0], Text::new("Base case", "基准情景"));
    assert_eq!(table.rows[1].cells[0], Text::new("FX crisis", "汇率危机"));
    assert!(has(s, "Tariff shock"));
}

#[test]
fn sensitivity_shows_the_top_eight_drivers_with_a_tornado_chart() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let (memo, _) = memo_of(&deal, Lang::En);
    let s = section(&memo, "sensitivity");
    let table = s
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(table.rows.len(), 8);
    let chart = s
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .unwrap();
    assert_eq!(chart.series.len(), 2);
    assert_eq!(chart.categories.len(), 8);
    assert_eq!(chart.value_label.en, "USD thousand");
}

#[test]
fn a_mismatched_evaluation_or_date_is_refused() {
    let kenya = example("kenya-e3w-ckd.jvdeal");
    let mut evaluation = evaluate(&kenya).unwrap();
    evaluation.parties.pop();
    assert_eq!(
        build(&kenya, &evaluation, &options(Lang::En)),
        Err(MemoError::PartiesMismatch {
            deal: 2,
            evaluation: 1
        })
    );
    let evaluation = evaluate(&kenya).unwrap();
    let mut bad = options(Lang::En);
    bad.date = "29/11/2026".to_owned();
    assert!(matches!(
        build(&kenya, &evaluation, &bad),
        Err(MemoError::Date { .. })
    ));
}

#[test]
fn every_example_builds_with_no_empty_section() {
    for name in [
        "brazil-negotiated-60-40.jvdeal",
        "nigeria-dealer-diluted.jvdeal",
        "no-cash-tech-partner.jvdeal",
        "vesting-three-tranches.jvdeal",
    ] {
        let deal = example(name);
        let (memo, _) = memo_of(&deal, Lang::EnZh);
        assert!(in_order(&ids(&memo)), "{name}");
        assert!(ids(&memo).contains(&"summary"));
        assert!(ids(&memo).contains(&"appendix"));
        for s in &memo.sections {
            assert!(!s.blocks.is_empty(), "{name}: {}", s.id);
        }
    }
}

#[test]
fn a_failing_analysis_leaves_its_section_out_with_a_note() {
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    deal.scenarios = builtins(&deal).0;
    let evaluation = evaluate(&deal).unwrap();
    // The analyses re-evaluate the deal; an invalid deal makes both fail while the
    // evaluation in hand still serves every other section.
    let mut broken = deal.clone();
    broken.horizon_years = 0;
    let memo = build(&broken, &evaluation, &options(Lang::EnZh)).unwrap();
    let found = ids(&memo);
    assert!(!found.contains(&"scenarios"));
    assert!(!found.contains(&"sensitivity"));
    assert!(found.contains(&"returns") && found.contains(&"appendix"));
    let summary = section(&memo, "summary");
    assert!(has(summary, "Left out of this memo"));
    let Some(Block::Bullets { items }) = summary.blocks.last() else {
        panic!("the summary ends with the sections left out");
    };
    assert_eq!(items.len(), 2);
    assert!(items[0].en.starts_with("Scenarios: "), "{}", items[0].en);
    assert!(items[0].zh.starts_with("情景分析："));
    assert!(items[1].en.starts_with("Sensitivity: "));
}

#[test]
fn broken_rules_and_value_sources_are_shown_with_their_sources() {
    use jv_engine::model::{MarketRule, RuleBasis, ValueSource};
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    deal.market.rules.push(MarketRule::RepatriationRestricted {
        basis: RuleBasis {
            summary: "Dividends abroad need central-bank approval".to_owned(),
            source: "https://example.org/fx-rules".to_owned(),
            as_of: "2025-06".to_owned(),
        },
    });
    deal.market.provenance.push(ValueSource {
        field: "corporate_tax_rate".to_owned(),
        source: "https://taxsummaries.pwc.com/kenya".to_owned(),
        as_of: "2025-02-18".to_owned(),
    });
    let (memo, evaluation) = memo_of(&deal, Lang::En);
    let rule = evaluation
        .warnings
        .iter()
        .find(|w| w.source.is_some())
        .unwrap();
    let risks = section(&memo, "risks");
    let problem = risks
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Callout {
                tone: Tone::Problem,
                text,
            } => Some(text),
            _ => None,
        })
        .unwrap();
    assert!(problem.en.contains(&rule.message));
    assert!(
        problem
            .en
            .ends_with("(Source: https://example.org/fx-rules)")
    );
    assert!(has(section(&memo, "summary"), "breaks a market rule"));

    let Block::Table(market) = &section(&memo, "assumptions").blocks[1] else {
        panic!("the market facts follow their heading");
    };
    let cit = &market.rows[0].cells;
    assert_eq!(cit[0].en, "Corporate income tax");
    assert_eq!(cit[1].en, "30.0%");
    assert_eq!(cit[2].en, "https://taxsummaries.pwc.com/kenya");
    assert_eq!(cit[3].en, "2025-02-18");
    assert_eq!(market.rows[1].cells[2], Text::new("Deal input", "交易输入"));
}

#[test]
fn the_biggest_risk_names_the_top_driver() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let (memo, _) = memo_of(&deal, Lang::En);
    let top = jv_engine::analysis::tornado::tornado(
        &deal,
        "maker",
        jv_engine::analysis::tornado::Metric::Npv,
        jv_engine::analysis::tornado::View::Cash,
        &[],
    )
    .unwrap();
    let bar = &top.bars[0];
    assert_eq!(bar.label, "Retail price");
    let Block::Paragraph { text } = &section(&memo, "summary").blocks[2] else {
        panic!("the third paragraph of the summary names the biggest risk");
    };
    assert_eq!(
        text.en,
        format!(
            "The biggest risk to Chinese e-three-wheeler maker is the retail price: moving it \
             between its low and its high swings Chinese e-three-wheeler maker's cash NPV by {}.",
            format::money(bar.swing, "USD")
        )
    );
}

#[test]
fn the_market_is_named_in_chinese_where_known() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let (memo, _) = memo_of(&deal, Lang::Zh);
    assert_eq!(
        memo.cover.market,
        Text::new("Kenya · KES · 10-year plan", "肯尼亚 · KES · 10 年计划")
    );
    let Block::Paragraph { text } = &section(&memo, "summary").blocks[0] else {
        panic!("the summary opens with a paragraph");
    };
    assert!(
        text.zh.contains("拟在肯尼亚共同设立合资公司"),
        "{}",
        text.zh
    );
    assert!(
        text.en
            .contains("propose to form a joint venture in Kenya.")
    );
}

/// Whether `text` holds a Chinese character.
fn chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn a_chinese_memo_names_the_drivers_in_chinese() {
    let deal = example("kenya-e3w-ckd.jvdeal");
    let (memo, _) = memo_of(&deal, Lang::Zh);
    let s = section(&memo, "sensitivity");
    let table = s
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    let drivers: Vec<&Text> = table.rows.iter().map(|r| &r.cells[0]).collect();
    assert_eq!(drivers[0], &Text::new("Retail price", "零售价格"));
    for driver in &drivers {
        assert!(chinese(&driver.zh), "{:?} has no Chinese", driver.en);
        assert!(!chinese(&driver.en), "{:?} is not English", driver.en);
    }
    let chart = s
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .unwrap();
    assert_eq!(chart.categories[0].zh, "零售价格");
    assert!(has(section(&memo, "risks"), "零售价格："));
}

#[test]
fn a_chinese_memo_summarises_a_broken_rule_in_chinese() {
    use jv_engine::model::{RoyaltyCap, RoyaltyCapKind};
    // Kenya's 3 % royalty above a 1 % cap that needs approval.
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    deal.market.royalty_cap = Some(RoyaltyCap {
        kind: RoyaltyCapKind::Approval,
        rate: rust_decimal::Decimal::new(1, 2),
        covers_fees: false,
    });
    let (memo, evaluation) = memo_of(&deal, Lang::Zh);
    let codes: Vec<&str> = evaluation.warnings.iter().map(|w| w.code).collect();
    let cap = evaluation
        .warnings
        .iter()
        .find(|w| w.code == "royalty_above_cap")
        .unwrap_or_else(|| panic!("no royalty_above_cap among {codes:?}"));
    let risks = section(&memo, "risks");
    let callout = risks
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Callout { text, .. } if text.en.contains(&cap.message) => Some(text),
            _ => None,
        })
        .unwrap();
    assert!(
        callout.zh.starts_with(&format!(
            "特许权使用费率高于市场上限。（原文：{}）",
            cap.message
        )),
        "{}",
        callout.zh
    );
}
