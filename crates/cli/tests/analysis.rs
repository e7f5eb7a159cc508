//! `jv scenarios` and `jv tornado` on the Kenya example: real figures, text and JSON agree.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::{Value, json};

const KENYA: &str = "kenya-e3w-ckd.jvdeal";

fn json_of(command: &str, file: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = extra.to_vec();
    args.extend_from_slice(&["--format", "json"]);
    let output = jv_on(command, file, &args);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn text_of(command: &str, file: &std::path::Path, extra: &[&str]) -> String {
    let output = jv_on(command, file, extra);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in text.lines() {
        assert!(line.chars().count() <= 120, "too wide: {line}");
    }
    assert!(!text.contains("NaN"), "{text}");
    text
}

#[test]
fn builtin_scenarios_sit_beside_the_base_with_the_evaluations_figures() {
    let file = example(KENYA);
    let evaluation = evaluate_json(&file);
    let out = json_of("scenarios", &file, &["--builtin"]);
    let rows = out["scenarios"].as_array().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Base case",
            "FX crisis",
            "Tariff shock",
            "Volume shortfall",
            "Dealer cannot fund"
        ]
    );
    assert_eq!(out["skipped"].as_array().unwrap().len(), 2);
    // The base case is the evaluation.
    let base_dealer = &rows[0]["parties"][1];
    assert_eq!(base_dealer["id"], "dealer");
    assert_eq!(
        base_dealer["npv_cash"],
        evaluation["parties"][1]["views"]["cash"]["npv"]
    );
    // Every shock costs the dealer.
    let base = decimal(&base_dealer["npv_cash"]);
    for row in &rows[1..4] {
        assert!(
            decimal(&row["parties"][1]["npv_cash"]) < base,
            "{}",
            row["name"]
        );
    }
    let text = text_of("scenarios", &file, &["--builtin"]);
    assert!(text.contains(&grouped(base)), "{text}");
    assert!(text.contains("Tariff"), "{text}");
    assert!(text.contains("not applicable"), "{text}");
}

#[test]
fn stored_scenarios_run_and_a_deal_without_says_so() {
    let file = example(KENYA);
    let text = text_of("scenarios", &file, &[]);
    assert!(text.contains("stores no scenarios"), "{text}");

    let dir = TempDir::new("scenarios");
    let mut deal = kenya();
    deal["scenarios"] = json!([{
        "name": "Cheaper kits",
        "description": "Kit FOB price 10 % lower.",
        "overrides": [{ "path": "agreements.kit_supply.kit_fob_price", "op": { "scale": "0.9" } }]
    }]);
    let path = dir.write_deal("stored.jvdeal", &deal);
    let out = json_of("scenarios", &path, &[]);
    let rows = out["scenarios"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["name"], "Cheaper kits");
    assert!(
        decimal(&rows[1]["parties"][1]["npv_cash"]) > decimal(&rows[0]["parties"][1]["npv_cash"])
    );
}

#[test]
fn a_stored_scenario_with_a_bad_path_is_an_invalid_deal_naming_it() {
    let dir = TempDir::new("bad-path");
    let mut deal = kenya();
    deal["scenarios"] = json!([{
        "name": "Typo",
        "overrides": [{ "path": "plan.retail_prize", "op": { "set": "1" } }]
    }]);
    let path = dir.write_deal("bad.jvdeal", &deal);
    let output = jv_on("scenarios", &path, &[]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("scenarios[0].overrides[0].path"),
        "{message}"
    );
    assert!(message.contains("plan.retail_prize"), "{message}");
}

#[test]
fn tornado_sorts_swings_and_shows_them() {
    let file = example(KENYA);
    let out = json_of("tornado", &file, &["--party", "dealer"]);
    assert_eq!(out["party"], "dealer");
    let bars = out["bars"].as_array().unwrap();
    assert!(bars.len() >= 20);
    let swings: Vec<_> = bars.iter().map(|b| decimal(&b["swing"])).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(bars[0]["driver"], "retail_price");
    let low = decimal(&bars[0]["low"]);
    let high = decimal(&bars[0]["high"]);
    assert_eq!(high - low, swings[0]);
    let text = text_of("tornado", &file, &["--party", "dealer"]);
    assert!(text.contains(&grouped(swings[0])), "{text}");
    assert!(text.contains("Retail price"), "{text}");
}

#[test]
fn tornado_of_the_irr_in_the_economic_view() {
    let file = example(KENYA);
    let out = json_of(
        "tornado",
        &file,
        &["--party", "maker", "--metric", "irr", "--view", "economic"],
    );
    assert_eq!(out["metric"], "irr");
    assert_eq!(out["view"], "economic");
    let base = decimal(&out["base"]);
    let evaluation = evaluate_json(&file);
    assert_eq!(
        out["base"],
        evaluation["parties"][0]["views"]["economic"]["irr"]
    );
    assert!(base > rust_decimal::Decimal::ZERO);
    let text = text_of(
        "tornado",
        &file,
        &["--party", "maker", "--metric", "irr", "--view", "economic"],
    );
    assert!(text.contains(" pts"), "{text}");
}

fn bar<'v>(out: &'v Value, driver: &str) -> &'v Value {
    out["bars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["driver"] == driver)
        .unwrap()
}

#[test]
fn tornado_uses_the_stored_ranges_and_range_overrides_them() {
    let file = example(KENYA);
    let out = json_of("tornado", &file, &["--party", "maker"]);
    // Stored in the example: units −30 % / +20 % of 600; FX level −10 % / +30 %.
    assert_eq!(bar(&out, "units")["low_input"], "420");
    assert_eq!(bar(&out, "units")["high_input"], "720");
    assert_eq!(bar(&out, "fx_level")["high_input"], "1.3");
    assert_eq!(bar(&out, "kit_margin")["low_input"], "0.096");
    let given = [
        "--party",
        "maker",
        "--range",
        "units=-0.5:0.1",
        "--range",
        "kit_margin=-0.25:0.25",
    ];
    let out = json_of("tornado", &file, &given);
    assert_eq!(bar(&out, "units")["low_input"], "300");
    assert_eq!(bar(&out, "units")["high_input"], "660");
    assert_eq!(bar(&out, "kit_margin")["low_input"], "0.09");
    assert_eq!(bar(&out, "fx_level")["low_input"], "0.9");
    let text = text_of("tornado", &file, &given);
    assert!(
        text.contains(
            "each driver at its range (given, else stored in the deal, else −20 % and +20 %)"
        ),
        "{text}"
    );
}

#[test]
fn a_malformed_or_unknown_range_is_a_usage_error() {
    let file = example(KENYA);
    let output = jv_on(
        "tornado",
        &file,
        &["--party", "maker", "--range", "units=0.1"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--range takes DRIVER=LOW:HIGH"),
        "{}",
        stderr(&output)
    );
    let output = jv_on(
        "tornado",
        &file,
        &["--party", "maker", "--range", "unitz=-0.1:0.1"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no driver has the id \"unitz\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn tornado_names_an_unknown_party() {
    let output = jv_on("tornado", &example(KENYA), &["--party", "bank"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("\"bank\""), "{message}");
    assert!(message.contains("maker, dealer"), "{message}");
}
