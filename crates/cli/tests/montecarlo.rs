//! `jv montecarlo` on the Kenya example with a fixed seed: real figures, text and JSON agree,
//! and the number of threads does not change the result.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::Value;

const KENYA: &str = "kenya-e3w-ckd.jvdeal";

fn run(extra: &[&str]) -> std::process::Output {
    let mut args = vec!["--iterations", "200", "--seed", "7"];
    args.extend_from_slice(extra);
    jv_on("montecarlo", &example(KENYA), &args)
}

fn json(threads: &str) -> Value {
    let output = run(&["--threads", threads, "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn close(value: &Value, expected: f64, tolerance: f64) {
    let v = value.as_f64().unwrap();
    assert!((v - expected).abs() <= tolerance, "{v} vs {expected}");
}

#[test]
fn kenya_with_seed_7_gives_these_figures_on_any_number_of_threads() {
    let one = json("1");
    let two = json("2");
    assert_eq!(one, two);
    assert_eq!(one["iterations"], 200);
    assert_eq!(one["seed"], 7);
    assert_eq!(one["invalid"], 0);
    let maker = &one["parties"][0];
    assert_eq!(maker["party"], "maker");
    close(&maker["hurdle"], 0.15, 1e-12);
    close(&maker["npv_cash"]["p10"], -181_208.49, 0.01);
    close(&maker["npv_cash"]["p50"], 2_698_178.03, 0.01);
    close(&maker["npv_cash"]["p90"], 5_155_423.87, 0.01);
    close(&maker["irr_cash"]["p50"], 0.402_023, 1e-6);
    assert_eq!(maker["no_irr_cash"], 2);
    close(&maker["p_npv_positive"], 0.88, 1e-12);
    close(&maker["p_irr_above_hurdle"], 0.88, 1e-12);
    assert_eq!(maker["drivers"][0]["driver"], "retail_price");
    let counts: u64 = maker["histogram"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .sum();
    assert_eq!(counts, 200);
    let dealer = &one["parties"][1];
    assert_eq!(dealer["party"], "dealer");
    assert_eq!(dealer["no_irr_cash"], 17);
    close(&dealer["p_npv_positive"], 0.67, 1e-12);
}

#[test]
fn the_text_shows_percentiles_probabilities_and_a_histogram() {
    let output = run(&["--threads", "2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "Monte Carlo: Kenya e-three-wheeler CKD assembly JV\n200 iterations, seed 7"
        )
    );
    for line in [
        "maker   NPV cash, USD                −181,208  2,698,178  5,155,424",
        "        IRR cash (2 without)            13.4%      40.2%      50.5%",
        "dealer  NPV cash, USD              −1,195,362    547,322  2,001,364",
        "maker        88.0%   15.0%            88.0%  retail_price 0.68, fx_level −0.51, kit_fob_price −0.45",
        "NPV (cash, USD) of maker",
        "  2,466,364 to 3,433,364      37  ████████████████████████████████████████",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    for line in text.lines() {
        assert!(line.chars().count() <= 120, "too wide: {line}");
    }
}

#[test]
fn zero_iterations_are_a_usage_error() {
    let output = jv_on("montecarlo", &example(KENYA), &["--iterations", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("0 is not in 1..=1000000"),
        "{}",
        stderr(&output)
    );
}
