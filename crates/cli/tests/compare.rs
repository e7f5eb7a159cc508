//! `jv compare` on the Kenya example: entry modes and markets side by side, real figures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::Value;

const KENYA: &str = "kenya-e3w-ckd.jvdeal";

fn run(extra: &[&str]) -> std::process::Output {
    jv_on("compare", &example(KENYA), extra)
}

fn json_of(extra: &[&str]) -> Value {
    let mut args = extra.to_vec();
    args.extend_from_slice(&["--format", "json"]);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn text_of(extra: &[&str]) -> String {
    let output = run(extra);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in text.lines() {
        assert!(line.chars().count() <= 120, "too wide: {line}");
    }
    text
}

#[test]
fn modes_give_the_makers_figures_per_mode() {
    let out = json_of(&["--modes"]);
    assert_eq!(out["party"], "maker");
    let modes = out["modes"].as_array().unwrap();
    let names: Vec<&str> = modes.iter().map(|m| m["mode"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "direct_export",
            "licensing",
            "joint_venture",
            "wholly_owned"
        ]
    );
    let npv: Vec<String> = modes
        .iter()
        .map(|m| grouped(decimal(&m["npv_cash"])))
        .collect();
    assert_eq!(npv, ["2,609,306", "3,260,107", "3,669,599", "3,933,309"]);
    let risk: Vec<String> = modes
        .iter()
        .map(|m| grouped(decimal(&m["capital_at_risk"])))
        .collect();
    assert_eq!(risk, ["0", "0", "1,200,000", "2,000,000"]);
    assert_eq!(modes[2]["irr_cash"], "0.453193");
    assert_eq!(modes[3]["irr_cash"], "0.351331");
    assert!(modes[0]["irr_cash"].is_null());
    // The Monte Carlo P10 of each mode: 1,000 iterations, seed 42, the deal's stored spec.
    assert_eq!(out["p10_spec"], "stored");
    assert_eq!(out["options"]["p10_iterations"], 1000);
    let p10: Vec<String> = modes
        .iter()
        .map(|m| grouped(decimal(&m["monte_carlo_p10"])))
        .collect();
    assert_eq!(p10, ["2,272,246", "2,810,167", "269,759", "−1,732,498"]);
    assert!(modes.iter().all(|m| m["p10_note"].is_null()));
    // The JV row is the evaluation's own figure.
    let evaluation = evaluate_json(&example(KENYA));
    assert_eq!(
        modes[2]["npv_cash"],
        evaluation["parties"][0]["views"]["cash"]["npv"]
    );
}

#[test]
fn modes_text_is_a_readable_table() {
    let text = text_of(&["--modes"]);
    assert!(
        text.contains(
            "This JV                  3,669,599             45.3%             1,200,000      269,759"
        ),
        "{text}"
    );
    assert!(text.contains("spec: stored in the deal."), "{text}");
    assert!(
        text.contains("Wholly-owned subsidiary  3,933,309             35.1%             2,000,000"),
        "{text}"
    );
    assert!(text.contains("no cash invested"));
}

#[test]
fn the_p10_column_can_be_left_out() {
    let out = json_of(&["--modes", "--p10-iterations", "0"]);
    let modes = out["modes"].as_array().unwrap();
    assert!(modes.iter().all(|m| m["monte_carlo_p10"].is_null()));
    assert_eq!(
        modes[0]["p10_note"],
        "Monte Carlo P10 not computed (0 iterations asked for)"
    );
    let text = text_of(&["--modes", "--p10-iterations", "0"]);
    assert!(text.contains("MC P10: not computed."), "{text}");
}

#[test]
fn a_larger_cbu_duty_is_recorded() {
    let out = json_of(&[
        "--modes",
        "--cbu-duty-difference",
        "0.4",
        "--p10-iterations",
        "0",
    ]);
    assert_eq!(out["options"]["cbu_duty_difference"], "0.4");
    assert!(
        out["modes"][0]["assumptions"]
            .as_str()
            .unwrap()
            .contains("40 points")
    );
}

#[test]
fn markets_side_by_side_with_spot_rates() {
    let out = json_of(&["--markets", "KE,NG,BR", "--fx-spot", "NG=1500,BR=5.2"]);
    let markets = out["markets"].as_array().unwrap();
    let codes: Vec<&str> = markets
        .iter()
        .map(|m| m["country"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["KE", "NG", "BR"]);
    let maker: Vec<String> = markets
        .iter()
        .map(|m| grouped(decimal(&m["parties"][0]["npv_cash"])))
        .collect();
    assert_eq!(maker, ["3,669,599", "3,389,363", "3,701,002"]);
    assert_eq!(markets[1]["fx_spot"], "1500");
    let ng: Vec<&str> = markets[1]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(ng.contains(&"technology_fee_refused_on_ckd"), "{ng:?}");
    let text = text_of(&["--markets", "KE,NG,BR", "--fx-spot", "NG=1500,BR=5.2"]);
    assert!(
        text.contains("  NPV cash, USD  3,669,599  3,389,363  3,701,002"),
        "{text}"
    );
}

#[test]
fn missing_spot_rates_are_named_and_exit_2() {
    let output = run(&["--markets", "KE,NG,BR"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("missing for NG (NGN per USD), BR (BRL per USD)"),
        "{message}"
    );
    let output = run(&["--markets", "KE,NG,BR", "--fx-spot", "NG=1500"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing for BR (BRL per USD)"));
}

#[test]
fn unknown_markets_and_no_choice_are_usage_errors() {
    let output = run(&["--markets", "ZZ"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no market preset for \"ZZ\""));
    assert_eq!(run(&[]).status.code(), Some(2));
}
