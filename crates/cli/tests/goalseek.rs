//! `jv goalseek` and `jv fairsplit` on the Kenya example: real figures, text and JSON agree,
//! and a solved input re-evaluated by `jv evaluate` gives the target.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use rust_decimal::Decimal;
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
    text
}

const DEALER_IRR_25: [&str; 8] = [
    "--input",
    "dealer_margin",
    "--party",
    "dealer",
    "--metric",
    "irr",
    "--target",
    "0.25",
];

#[test]
fn the_dealer_margin_for_a_25_percent_irr_re_evaluates_to_25_percent() {
    let file = example(KENYA);
    let out = json_of("goalseek", &file, &DEALER_IRR_25);
    assert_eq!(out["base_input"], "0.1");
    assert_eq!(out["base_metric"], "0.340975");
    assert_eq!(out["tolerance"], "0.000001");
    let outcome = &out["outcome"];
    assert_eq!(outcome["status"], "solved");
    let margin = decimal(&outcome["value"]);
    assert_eq!(margin, "0.049689".parse::<Decimal>().unwrap());
    assert_eq!(outcome["metric"], "0.25");
    assert!(outcome["evaluations"].as_u64().unwrap() <= 60);
    // The deal with that margin (printed to 6 places), evaluated afresh: the dealer's cash
    // IRR is 25 % to within the rounding of the margin (dIRR/dmargin is about 1.8).
    let dir = TempDir::new("goalseek-solved");
    let mut deal = kenya();
    deal["agreements"]["distribution"]["dealer_margin"] = json!(margin.to_string());
    let solved = dir.write_deal("solved.jvdeal", &deal);
    let irr = decimal(&evaluate_json(&solved)["parties"][1]["views"]["cash"]["irr"]);
    let gap = (irr - "0.25".parse::<Decimal>().unwrap()).abs();
    assert!(gap <= "0.000002".parse().unwrap(), "{irr}");
    // The text says the same.
    let text = text_of("goalseek", &file, &DEALER_IRR_25);
    assert!(text.contains("Solved: Dealer margin = 4.9689%"), "{text}");
    assert!(text.contains("In the deal: Dealer margin = 10.0000%, IRR (cash) = 34.0975%"));
}

#[test]
fn an_impossible_target_is_an_answer_with_both_ends() {
    let file = example(KENYA);
    let args = [
        "--input",
        "royalty_rate",
        "--party",
        "maker",
        "--metric",
        "npv",
        "--view",
        "economic",
        "--target",
        "99000000",
    ];
    let out = json_of("goalseek", &file, &args);
    let outcome = &out["outcome"];
    assert_eq!(outcome["status"], "no_solution");
    let low = decimal(&outcome["metric_at_low"]);
    let high = decimal(&outcome["metric_at_high"]);
    // Royalty 0 % and 50 %: the maker's economic NPV runs from 2.76m to 5.55m.
    assert_eq!(low.round(), "2756701".parse().unwrap());
    assert_eq!(high.round(), "5548242".parse().unwrap());
    let text = text_of("goalseek", &file, &args);
    assert!(text.contains("No solution in range"), "{text}");
    assert!(
        text.contains("At the low bound: 2,756,701; at the high bound: 5,548,242"),
        "{text}"
    );
}

#[test]
fn bounds_are_searched_and_bad_arguments_are_usage_errors() {
    let file = example(KENYA);
    let mut args = DEALER_IRR_25.to_vec();
    args.extend_from_slice(&["--low", "0.06", "--high", "0.2"]);
    let out = json_of("goalseek", &file, &args);
    assert_eq!(out["low"], "0.06");
    assert_eq!(out["outcome"]["status"], "no_solution");
    for (flag, value, says) in [
        ("--party", "nobody", "no party has the id \"nobody\""),
        ("--input", "moon", "no input has the id \"moon\""),
    ] {
        let mut args = DEALER_IRR_25.to_vec();
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = value;
        let output = jv_on("goalseek", &file, &args);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(says), "{}", stderr(&output));
    }
    let mut args = DEALER_IRR_25.to_vec();
    args.extend_from_slice(&["--low", "0.06"]);
    let output = jv_on("goalseek", &file, &args);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("both --low and --high"));
}

#[test]
fn fairsplit_gives_both_splits_and_the_curve() {
    let file = example(KENYA);
    let out = json_of("fairsplit", &file, &[]);
    assert_eq!(out["technology_partner"], "maker");
    let by_value = &out["by_value"]["parties"];
    let (maker, dealer) = (&by_value[0], &by_value[1]);
    assert_eq!(
        decimal(&maker["share"]) + decimal(&dealer["share"]),
        Decimal::ONE
    );
    assert_eq!(maker["ratio"], dealer["ratio"]);
    assert_eq!(maker["share"], "0.269805");
    let by_hurdle = &out["by_hurdle"]["parties"];
    assert_eq!(by_hurdle[0]["margin"], by_hurdle[1]["margin"]);
    assert_eq!(by_hurdle[0]["share"], "0.130313");
    let points = out["curve"]["points"].as_array().unwrap();
    assert_eq!(points.len(), 11);
    assert_eq!(points[5]["royalty_rate"], "0.03");
    assert_eq!(points[5]["current"], true);
    assert_eq!(points[5]["share"], out["curve"]["current_share"]);
    let shares: Vec<Decimal> = points.iter().map(|p| decimal(&p["share"])).collect();
    assert!(shares.windows(2).all(|w| w[0] > w[1]), "{shares:?}");
    let text = text_of("fairsplit", &file, &[]);
    assert!(text.contains("maker   26.9805%"), "{text}");
    assert!(text.contains("dealer  73.0195%"), "{text}");
    assert!(text.contains("3.00%          60.20%  ← the deal"), "{text}");
    assert!(text.contains("6.00%          49.94%"), "{text}");
}
