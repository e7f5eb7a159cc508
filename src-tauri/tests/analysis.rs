//! The analysis command bodies on the Kenya example, with real values.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use jv_engine::analysis::goalseek::Outcome;
use jv_engine::analysis::tornado::{Metric, View};
use jv_engine::{evaluate, read_deal};
use jv_studio::api::analysis::{self, MonteCarloControl, MonteCarloOutcome, MonteCarloProgress};
use jv_studio::error::ErrorCode;
use rust_decimal::Decimal;

const KENYA: &str = include_str!("../../examples/kenya-e3w-ckd.jvdeal");

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn broken_kenya() -> String {
    let text = KENYA.replacen(
        "\"dealer_margin\": \"0.10\"",
        "\"dealer_margin\": \"1.5\"",
        1,
    );
    assert_ne!(text, KENYA);
    text
}

#[test]
fn the_scenarios_base_row_is_the_evaluation() {
    let evaluation = evaluate(&read_deal(KENYA).unwrap()).unwrap();
    let run = analysis::run_scenarios(KENYA, true).unwrap();
    assert_eq!(run.reporting_currency, "USD");
    assert_eq!(run.local_currency, "KES");
    let base = &run.scenarios[0];
    assert_eq!(base.name, "Base case");
    for (row, party) in base.parties.iter().zip(&evaluation.parties) {
        assert_eq!(row.id, party.id);
        assert_eq!(row.npv_cash, party.views.cash.npv);
        assert_eq!(row.npv_economic, party.views.economic.npv);
        assert_eq!(row.irr_cash, party.views.cash.irr);
    }
    assert_eq!(base.parties.len(), 2);
    // The built-ins: each one either ran or says why it was left out.
    assert!(run.scenarios.len() > 1);
    assert_eq!(run.scenarios.len() - 1 + run.skipped.len(), 6);
}

#[test]
fn the_builtin_scenarios_are_the_engines() {
    let deal = read_deal(KENYA).unwrap();
    let (engine, engine_skipped) = jv_engine::analysis::scenarios::builtins(&deal);
    let answer = analysis::builtin_scenarios(KENYA).unwrap();
    let names = |list: &[jv_engine::analysis::scenarios::Scenario]| {
        list.iter().map(|s| s.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&answer.scenarios), names(&engine));
    assert_eq!(answer.scenarios, engine);
    assert_eq!(answer.skipped, engine_skipped);
    assert_eq!(answer.scenarios.len() + answer.skipped.len(), 6);
    assert_eq!(answer.scenarios[0].name, "FX crisis");
    // Each one added to the deal runs as it did as a built-in.
    let run = analysis::run_scenarios(KENYA, true).unwrap();
    let ran: Vec<_> = run.scenarios[1..].iter().map(|r| r.name.clone()).collect();
    assert_eq!(ran, names(&answer.scenarios));
}

#[test]
fn the_tornado_is_sorted_by_swing() {
    let tornado = analysis::tornado(KENYA, "dealer", Metric::Irr, View::Cash).unwrap();
    assert_eq!(tornado.base.unwrap().round_dp(6), dec("0.340975"));
    assert_eq!(tornado.bars[0].driver, "retail_price");
    assert!(
        tornado
            .bars
            .windows(2)
            .all(|pair| pair[0].swing >= pair[1].swing)
    );
    let error = analysis::tornado(KENYA, "nobody", Metric::Npv, View::Cash).unwrap_err();
    assert_eq!(error.code, ErrorCode::Internal);
    assert!(error.message.contains("nobody"), "{}", error.message);
}

#[test]
fn goal_seek_finds_the_dealer_margin_for_a_25_percent_irr() {
    let result = analysis::goal_seek(
        KENYA,
        "dealer_margin",
        "dealer",
        Metric::Irr,
        View::Cash,
        "0.25",
        None,
        None,
    )
    .unwrap();
    assert_eq!(result.base_input, dec("0.1"));
    match result.outcome {
        Outcome::Solved { value, metric, .. } => {
            assert_eq!(value.round_dp(6), dec("0.049689"));
            assert!((metric - dec("0.25")).abs() <= result.tolerance);
        }
        Outcome::NoSolution { reason, .. } => panic!("no solution: {reason}"),
    }
    let error = analysis::goal_seek(
        KENYA,
        "dealer_margin",
        "dealer",
        Metric::Irr,
        View::Cash,
        "a quarter",
        None,
        None,
    )
    .unwrap_err();
    assert!(error.message.contains("a quarter"), "{}", error.message);
}

#[test]
fn the_fair_split_shares_sum_to_one() {
    let split = analysis::fair_split(KENYA).unwrap();
    assert_eq!(split.technology_partner, "maker");
    for parties in [&split.current, &split.by_value.parties] {
        let sum: Decimal = parties.iter().map(|p| p.share).sum();
        assert!((sum - Decimal::ONE).abs() < dec("0.000001"), "{sum}");
    }
    assert_eq!(split.current[0].share.round_dp(6), dec("0.602029"));
}

#[test]
fn the_entry_modes_are_compared_for_the_manufacturer() {
    let modes = analysis::compare_entry_modes(KENYA).unwrap();
    assert_eq!(modes.party, "maker");
    assert!(modes.modes.len() >= 2);
}

#[test]
fn an_invalid_deal_is_refused_with_its_fields() {
    let broken = broken_kenya();
    for error in [
        analysis::run_scenarios(&broken, false).unwrap_err(),
        analysis::builtin_scenarios(&broken).unwrap_err(),
        analysis::fair_split(&broken).unwrap_err(),
        analysis::compare_entry_modes(&broken).unwrap_err(),
    ] {
        assert_eq!(error.code, ErrorCode::InvalidDeal);
        assert!(
            error
                .fields
                .iter()
                .any(|f| f.path == "agreements.distribution.dealer_margin"),
            "{error:?}"
        );
    }
}

#[test]
fn monte_carlo_gives_the_clis_p50_for_the_same_seed() {
    let reports = Mutex::new(Vec::<MonteCarloProgress>::new());
    let cancel = AtomicBool::new(false);
    let outcome = analysis::monte_carlo(KENYA, 500, 7, 2, &cancel, |p| {
        reports.lock().unwrap().push(p);
    })
    .unwrap();
    let MonteCarloOutcome::Finished { result } = outcome else {
        panic!("the run was not cancelled");
    };
    assert_eq!(result.iterations, 500);
    // `jv montecarlo examples/kenya-e3w-ckd.jvdeal --iterations 500 --seed 7 --threads 2
    // --format json`.
    let dealer = result.parties.iter().find(|p| p.party == "dealer").unwrap();
    assert_eq!(dealer.npv_cash.p50, 257_640.749_730_853_63);
    assert_eq!(dealer.irr_cash.unwrap().p50, 0.227_739_177_533_984_98);
    let maker = result.parties.iter().find(|p| p.party == "maker").unwrap();
    assert_eq!(maker.npv_cash.p50, 2_219_082.878_948_293_6);
    // Throttled to at most one report per 50 ms, and the last one says it is done.
    let reports = reports.into_inner().unwrap();
    assert_eq!(
        reports.last(),
        Some(&MonteCarloProgress {
            done: 500,
            total: 500
        })
    );
    assert!(reports.len() < 500, "{} reports", reports.len());
}

#[test]
fn cancelling_stops_a_run() {
    let cancel = AtomicBool::new(false);
    let outcome = analysis::monte_carlo(KENYA, 5_000, 7, 2, &cancel, |_| {
        cancel.store(true, Ordering::SeqCst);
    })
    .unwrap();
    match outcome {
        MonteCarloOutcome::Cancelled { done, total } => {
            assert_eq!(total, 5_000);
            assert!(done < 100, "{done} iterations ran");
        }
        MonteCarloOutcome::Finished { .. } => panic!("the run was not cancelled"),
    }
}

#[test]
fn one_run_at_a_time() {
    let control = Arc::new(MonteCarloControl::default());
    assert!(!control.cancel(), "nothing to cancel");
    let run = control.start().unwrap();
    let second = control.start().unwrap_err();
    assert!(second.message.contains("already running"));
    assert!(control.cancel());
    assert!(run.cancel_flag().load(Ordering::SeqCst));
    drop(run);
    let again = control.start().unwrap();
    assert!(
        !again.cancel_flag().load(Ordering::SeqCst),
        "a new run starts uncancelled"
    );
}

#[test]
fn monte_carlo_refuses_zero_iterations() {
    let cancel = AtomicBool::new(false);
    let error = analysis::monte_carlo(KENYA, 0, 7, 2, &cancel, |_| {}).unwrap_err();
    assert!(error.message.contains("iterations"));
}

#[test]
fn the_drivers_and_default_spec_are_the_engines() {
    use jv_engine::analysis::drivers::drivers;
    use jv_engine::analysis::montecarlo::DEFAULT_DRIVERS;

    let answer = analysis::analysis_drivers(KENYA).unwrap();
    let deal = read_deal(KENYA).unwrap();
    let engine: Vec<String> = drivers(&deal).into_iter().map(|d| d.id).collect();
    let ids: Vec<String> = answer.drivers.iter().map(|d| d.id.clone()).collect();
    assert_eq!(ids, engine);
    assert_eq!(ids[0], "retail_price");
    let retail = &answer.drivers[0];
    assert_eq!(retail.base, dec("520000"));
    assert_eq!(retail.by_kind.len(), 6);
    let spec: Vec<&str> = answer
        .default_spec
        .drivers
        .iter()
        .map(|d| d.driver.as_str())
        .collect();
    assert_eq!(spec, DEFAULT_DRIVERS);
    assert_eq!(answer.default_spec.correlations.len(), 2);
    // Crossing IPC every decimal is a string, as in the deal file.
    let json = serde_json::to_value(&answer).unwrap();
    assert_eq!(json["drivers"][0]["base"], "520000");
    assert_eq!(
        json["default_spec"]["drivers"][0]["distribution"],
        serde_json::json!({ "kind": "triangular", "min": "416000", "mode": "520000", "max": "624000" })
    );
}

#[test]
fn the_drivers_of_an_invalid_deal_are_an_invalid_deal_error() {
    let error = analysis::analysis_drivers(&broken_kenya()).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidDeal);
    assert!(
        error
            .fields
            .iter()
            .any(|f| f.path == "agreements.distribution.dealer_margin"),
        "{:?}",
        error.fields
    );
}
