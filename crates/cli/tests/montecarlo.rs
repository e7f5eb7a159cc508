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
    // The deal's stored spec (six drivers, FX heavier on the downside).
    close(&maker["npv_cash"]["p10"], 229_765.20, 0.01);
    close(&maker["npv_cash"]["p50"], 2_206_266.91, 0.01);
    close(&maker["npv_cash"]["p90"], 4_043_995.87, 0.01);
    close(&maker["irr_cash"]["p50"], 0.356_384, 1e-6);
    assert_eq!(maker["no_irr_cash"], 0);
    close(&maker["p_npv_positive"], 0.925, 1e-12);
    close(&maker["p_irr_above_hurdle"], 0.925, 1e-12);
    assert_eq!(maker["drivers"][0]["driver"], "fx_level");
    let counts: u64 = maker["histogram"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .sum();
    assert_eq!(counts, 200);
    let dealer = &one["parties"][1];
    assert_eq!(dealer["party"], "dealer");
    assert_eq!(dealer["no_irr_cash"], 6);
    close(&dealer["p_npv_positive"], 0.595, 1e-12);
}

#[test]
fn the_text_shows_percentiles_probabilities_and_a_histogram() {
    let output = run(&["--threads", "2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "Monte Carlo: Kenya e-three-wheeler CKD assembly JV\n200 iterations, seed 7; \
             spec: stored in the deal\n6 drivers: units, retail_price, kit_fob_price, fx_level, \
             inflation, unit_growth\n"
        ),
        "{text}"
    );
    for line in [
        "maker   NPV cash, USD                229,765  2,206,267  4,043,996",
        "        IRR cash                       18.1%      35.6%      46.6%",
        "dealer  NPV cash, USD               −969,749    234,485  1,349,846",
        "        IRR cash (6 without)           −9.7%      22.7%      36.0%",
        "maker        92.5%   15.0%            92.5%  fx_level −0.74, retail_price 0.37, kit_fob_price −0.26",
        "NPV (cash, USD) of maker",
        "2,454,929 to 3,155,209      34  ████████████████████████████████████████",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    for line in text.lines() {
        assert!(line.chars().count() <= 120, "too wide: {line}");
    }
}

#[test]
fn a_deal_without_a_spec_uses_the_default_and_the_stored_iterations_and_seed_apply() {
    let dir = TempDir::new("montecarlo");
    let mut deal = kenya();
    deal.as_object_mut().unwrap().remove("analysis");
    let file = dir.write_deal("default.jvdeal", &deal);
    let output = jv_on("montecarlo", &file, &["--iterations", "50"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(
            "50 iterations, seed 1; spec: default\n10 drivers at ±20 % (FX level 0.9–1.3×)\n"
        ),
        "{}",
        stdout(&output)
    );
    // Iterations and seed stored with the spec are used when the command gives none.
    let mut deal = kenya();
    deal["analysis"]["monte_carlo"]["iterations"] = 30.into();
    deal["analysis"]["monte_carlo"]["seed"] = 9.into();
    let file = dir.write_deal("stored.jvdeal", &deal);
    let output = jv_on("montecarlo", &file, &["--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["iterations"], 30);
    assert_eq!(result["seed"], 9);
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
