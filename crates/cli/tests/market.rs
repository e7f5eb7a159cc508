//! `jv evaluate --market`, guardrail sources and data age, end to end through the binary.
//! Every run passes `--today` so that the data's age does not depend on the clock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::{Value, json};

const KENYA: &str = "kenya-e3w-ckd.jvdeal";
const TODAY: &str = "2025-12-01";

/// `jv evaluate FILE --today TODAY` (unless `extra` gives another day) with `extra`, which
/// must succeed; its stdout.
fn evaluate(file: &std::path::Path, extra: &[&str]) -> String {
    let mut args = if extra.contains(&"--today") {
        Vec::new()
    } else {
        vec!["--today", TODAY]
    };
    args.extend_from_slice(extra);
    let output = jv_on("evaluate", file, &args);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

fn evaluate_json_on(file: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&evaluate(file, &args)).unwrap()
}

fn codes(json: &Value) -> Vec<&str> {
    json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect()
}

/// The Kenya example with a sourced NOTAP rule and two dated market values.
fn kenya_with_rule_and_dates() -> Value {
    let mut deal = kenya();
    deal["market"]["rules"] = json!([{
        "kind": "technology_fees_refused_on_ckd",
        "basis": {
            "summary": "NOTAP refuses royalties and technical fees on plain CKD assembly",
            "source": "https://notap.gov.ng/content/guidelines-registration",
            "as_of": "2023"
        }
    }]);
    deal["market"]["provenance"] = json!([
        { "field": "corporate_tax_rate", "source": "https://taxsummaries.pwc.com/kenya", "as_of": "2025-02-18" },
        { "field": "inflation", "source": "https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG", "as_of": "2024" },
        { "field": "import_duty_kits", "source": "https://the-star.co.ke/news/2023-02-08", "as_of": "2023-02" }
    ]);
    deal
}

#[test]
fn a_guardrail_is_listed_with_its_source() {
    let dir = TempDir::new("guardrail");
    let file = dir.write_deal("ruled.jvdeal", &kenya_with_rule_and_dates());
    let text = evaluate(&file, &[]);
    let at = text
        .find("warning technology_fee_refused_on_ckd at agreements.licence.royalty_rate: Kenya: NOTAP refuses")
        .unwrap_or_else(|| panic!("{text}"));
    let after = &text[at..];
    let source = after.find("    Source: https://notap.gov.ng/content/guidelines-registration\n");
    let next = after[1..].find("warning ").map_or(after.len(), |i| i + 1);
    assert!(
        source.is_some_and(|s| s < next),
        "the source sits under its warning: {after}"
    );

    let json = evaluate_json_on(&file, &[]);
    let warning = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "technology_fee_refused_on_ckd")
        .unwrap();
    assert_eq!(warning["path"], "agreements.licence.royalty_rate");
    assert_eq!(
        warning["source"],
        "https://notap.gov.ng/content/guidelines-registration"
    );

    // `jv validate` lists it with its source too.
    let output = jv_on("validate", &file, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(
            "warning technology_fee_refused_on_ckd at agreements.licence.royalty_rate: Kenya: NOTAP"
        ) && stdout(&output)
            .contains("\n    Source: https://notap.gov.ng/content/guidelines-registration\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn values_older_than_twelve_months_are_listed_by_age() {
    let dir = TempDir::new("age");
    let file = dir.write_deal("dated.jvdeal", &kenya_with_rule_and_dates());
    let json = evaluate_json_on(&file, &[]);
    let ages = json["data_age"].as_array().unwrap();
    let fields: Vec<&str> = ages.iter().map(|a| a["field"].as_str().unwrap()).collect();
    // 2025-02-18 is under 12 months before 2025-12-01; 2024 and 2023-02 are not.
    assert_eq!(fields, ["inflation", "import_duty_kits"], "{ages:?}");
    let duty = &ages[1];
    assert_eq!(duty["as_of"], "2023-02");
    assert_eq!(duty["months_old"], 34);
    assert!(json.get("market_preset").is_none());

    let text = evaluate(&file, &[]);
    assert!(
        text.contains("Data age: 2 values older than 12 months on 2025-12-01"),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.starts_with("import_duty_kits"))
        .unwrap();
    assert!(
        line.contains("2023-02") && line.trim_end().ends_with("34"),
        "{line}"
    );

    // A year later the February 2025 value is old too.
    let later = evaluate_json_on(&file, &["--today", "2026-12-01"]);
    assert_eq!(later["data_age"].as_array().unwrap().len(), 3);
}

#[test]
fn a_deal_without_dates_says_so_and_has_an_empty_data_age() {
    let json = evaluate_json_on(&example(KENYA), &[]);
    assert_eq!(json["data_age"], json!([]));
    let text = evaluate(&example(KENYA), &[]);
    assert!(text.contains("Data age: no dates"), "{text}");
}

#[test]
fn a_bad_today_is_a_usage_error() {
    let output = jv_on("evaluate", &example(KENYA), &["--today", "1 Dec 2025"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--today must be a date written YYYY-MM-DD"));
    // The option exists for tests; help does not advertise it.
    let help = stdout(&jv(&["evaluate", "--help"]));
    assert!(
        help.contains("--market") && !help.contains("--today"),
        "{help}"
    );
}

#[test]
fn an_unknown_market_is_a_usage_error_listing_the_presets() {
    let output = jv_on("evaluate", &example(KENYA), &["--market", "XX"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("there is no market preset for \"XX\""),
        "{message}"
    );
    for code in ["KE", "NG", "BR", "AR", "MX", "TZ", "GH"] {
        assert!(message.contains(code), "the list names {code}: {message}");
    }
}

#[test]
fn a_new_currency_without_a_spot_rate_is_a_usage_error() {
    let output = jv_on(
        "evaluate",
        &example(KENYA),
        &["--market", "NG", "--today", TODAY],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "the NG preset has no USD/NGN spot rate: enter today's rate (give it with --fx-spot RATE)"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn market_ng_swaps_in_the_nigeria_preset_and_flags_the_ckd_royalty() {
    let preset = jv_markets::shipped_preset("NG").unwrap();
    let file = example(KENYA);
    let ng = ["--market", "NG", "--fx-spot", "1550"];
    let text = evaluate(&file, &ng);
    assert!(
        text.contains(&format!(
            "Market values from the Nigeria preset (NG), version {}; the plan and the parties are the deal's own.",
            preset.version
        )),
        "{text}"
    );
    assert!(text.contains("Market NG · local currency NGN"), "{text}");
    assert!(
        text.contains("FX at closing 1,550.00 NGN per USD"),
        "{text}"
    );
    assert!(
        text.contains("  moved to NG: dealer (a local partner is resident where the JV is)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  converted from KES to NGN, keeping each amount's value in USD: plan.retail_price,"
        ),
        "{text}"
    );
    let at = text
        .find("warning technology_fee_refused_on_ckd at agreements.licence.royalty_rate: Nigeria: NOTAP")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(text[at..].contains("\n    Source: http"), "{text}");

    let json = evaluate_json_on(&file, &ng);
    assert_eq!(json["deal"]["market"], "NG");
    assert_eq!(json["market_preset"]["country"], "NG");
    assert_eq!(json["market_preset"]["version"], preset.version.as_str());
    assert_eq!(json["market_preset"]["moved"], json!(["dealer"]));
    let unknown: Vec<&str> = json["market_preset"]["unknown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    // The rate was given, so it is no longer unknown.
    assert!(!unknown.contains(&"fx_spot"), "{unknown:?}");
    assert!(codes(&json).contains(&"technology_fee_refused_on_ckd"));
    let guardrail = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "technology_fee_refused_on_ckd")
        .unwrap();
    assert!(guardrail["source"].as_str().unwrap().starts_with("http"));
    // Both partners still earn on Nigeria once amounts are in naira.
    for party in json["parties"].as_array().unwrap() {
        let npv: f64 = party["views"]["cash"]["npv"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(npv > 0.0, "{}: {npv}", party["id"]);
    }
    // Every value listed under data age is a dated preset value more than 12 months old.
    for value in json["data_age"].as_array().unwrap() {
        assert!(value["months_old"].as_u64().unwrap() > 12, "{value}");
        assert!(value["as_of"].as_str().unwrap() < "2024-12-02", "{value}");
    }
}

#[test]
fn market_swaps_the_market_and_leaves_the_plan_alone() {
    let file = example(KENYA);
    let own = evaluate_json_on(&file, &[]);
    let swapped = evaluate_json_on(&file, &["--market", "ng", "--fx-spot", "1550"]);
    assert_eq!(
        swapped["market_preset"]["country"], "NG",
        "the code is read in any case"
    );
    let units = |json: &Value| -> Vec<Value> {
        json["projection"]["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| y["units"].clone())
            .collect()
    };
    assert_eq!(units(&swapped), units(&own));
    // The dealer's agreed contribution is the same; the maker's technology, valued on the
    // JV's revenue in the new market, is not.
    let contributed =
        |json: &Value, i: usize| json["equity"]["parties"][i]["value_contributed"].clone();
    assert_eq!(contributed(&swapped, 1), "1250000");
    assert_eq!(contributed(&own, 1), "1250000");
    assert_ne!(swapped["projection"]["years"], own["projection"]["years"]);
}

#[test]
fn the_ckd_guardrail_disappears_on_the_kenya_preset() {
    let json = evaluate_json_on(&example(KENYA), &["--market", "KE"]);
    assert_eq!(json["market_preset"]["country"], "KE");
    assert!(
        !codes(&json).contains(&"technology_fee_refused_on_ckd"),
        "{:?}",
        codes(&json)
    );
    let text = evaluate(&example(KENYA), &["--market", "KE"]);
    assert!(
        text.contains("Market values from the Kenya preset (KE)"),
        "{text}"
    );
    assert!(
        !text.contains("set for KES"),
        "same currency, no note: {text}"
    );
}

#[test]
fn every_preset_evaluates_the_kenya_example_within_the_width() {
    for preset in jv_markets::shipped() {
        // A test rate, not market data: the presets carry none.
        let text = evaluate(
            &example(KENYA),
            &["--market", &preset.country, "--fx-spot", "100"],
        );
        // A source's URL is never broken across lines, so that it stays one link.
        for line in text.lines().filter(|l| !l.starts_with("    Source: http")) {
            assert!(line.chars().count() <= 120, "{}: {line}", preset.country);
        }
        for bad in ["NaN", "null", "None"] {
            assert!(!text.contains(bad), "{}: says {bad}", preset.country);
        }
    }
}
