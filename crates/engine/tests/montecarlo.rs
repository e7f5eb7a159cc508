//! Monte Carlo simulation of the Kenya example (DOMAIN.md §7).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::drivers::drivers;
use jv_engine::analysis::montecarlo::{
    DEFAULT_DRIVERS, MonteCarloError, default_spec, run_monte_carlo,
};
use jv_engine::analysis::sampling::{
    Distribution, Driver, RankCorrelation, SamplingMethod, SamplingSpec,
};
use jv_engine::{Deal, evaluate, read_deal};
use rust_decimal::prelude::ToPrimitive as _;

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

fn kenya() -> Deal {
    read_deal(KENYA).unwrap()
}

fn always(_: usize) -> bool {
    true
}

/// Every default driver fixed at its base value.
fn fixed_spec(deal: &Deal) -> SamplingSpec {
    let catalogue = drivers(deal);
    SamplingSpec {
        drivers: default_spec(deal)
            .drivers
            .into_iter()
            .map(|d| {
                let base = catalogue.iter().find(|c| c.id == d.name).unwrap().base;
                Driver {
                    name: d.name,
                    distribution: Distribution::Fixed {
                        value: base.to_f64().unwrap(),
                    },
                }
            })
            .collect(),
        correlations: Vec::new(),
        method: SamplingMethod::MonteCarlo,
    }
}

#[test]
fn the_default_spec_has_ten_drivers_and_two_correlations() {
    let spec = default_spec(&kenya());
    let names = spec.names();
    assert_eq!(names, DEFAULT_DRIVERS.map(str::to_owned).to_vec());
    assert_eq!(spec.correlations.len(), 2);
    assert_eq!(spec.correlations[0].a, "units");
    assert_eq!(spec.correlations[0].b, "retail_price");
    assert!((spec.correlations[0].rho + 0.3).abs() < 1e-12);
    let fx = spec.drivers.iter().find(|d| d.name == "fx_level").unwrap();
    assert_eq!(
        fx.distribution,
        Distribution::Triangular {
            min: 0.9,
            mode: 1.0,
            max: 1.3
        }
    );
    spec.validate().unwrap();
}

#[test]
fn fixed_drivers_give_the_deterministic_figures_at_every_percentile() {
    let deal = kenya();
    let base = evaluate(&deal).unwrap();
    let result = run_monte_carlo(&deal, &fixed_spec(&deal), 20, 7, 2, &always).unwrap();
    assert_eq!(result.invalid, 0);
    assert_eq!(result.parties.len(), base.parties.len());
    for (outcome, party) in result.parties.iter().zip(&base.parties) {
        let npv = party.views.cash.npv.to_f64().unwrap();
        let eco = party.views.economic.npv.to_f64().unwrap();
        for v in [
            outcome.npv_cash.p10,
            outcome.npv_cash.p50,
            outcome.npv_cash.p90,
        ] {
            assert!((v - npv).abs() < 1e-6, "{}: {v} vs {npv}", outcome.party);
        }
        for v in [
            outcome.npv_economic.p10,
            outcome.npv_economic.p50,
            outcome.npv_economic.p90,
        ] {
            assert!((v - eco).abs() < 1e-6, "{}: {v} vs {eco}", outcome.party);
        }
        match party.views.cash.irr {
            Some(irr) => {
                let irr = irr.to_f64().unwrap();
                let spread = outcome.irr_cash.unwrap();
                assert!((spread.p10 - irr).abs() < 1e-6);
                assert!((spread.p90 - irr).abs() < 1e-6);
                assert_eq!(outcome.no_irr_cash, 0);
                let above = if irr > outcome.hurdle { 1.0 } else { 0.0 };
                assert!((outcome.p_irr_above_hurdle - above).abs() < 1e-12);
            }
            None => {
                assert_eq!(outcome.irr_cash, None);
                assert_eq!(outcome.no_irr_cash, 20);
            }
        }
        let positive = if npv > 0.0 { 1.0 } else { 0.0 };
        assert!((outcome.p_npv_positive - positive).abs() < 1e-12);
        assert_eq!(outcome.histogram.iter().map(|b| b.count).sum::<usize>(), 20);
    }
}

#[test]
fn one_and_two_threads_give_the_same_result() {
    let deal = kenya();
    let spec = default_spec(&deal);
    let one = run_monte_carlo(&deal, &spec, 200, 42, 1, &always).unwrap();
    let two = run_monte_carlo(&deal, &spec, 200, 42, 2, &always).unwrap();
    let three = run_monte_carlo(&deal, &spec, 200, 42, 3, &always).unwrap();
    assert_eq!(one, two);
    assert_eq!(one, three);
    let other_seed = run_monte_carlo(&deal, &spec, 200, 43, 2, &always).unwrap();
    assert_ne!(one, other_seed);
}

#[test]
fn a_higher_retail_price_raises_the_makers_npv() {
    let deal = kenya();
    let mut spec = default_spec(&deal);
    let result = run_monte_carlo(&deal, &spec, 300, 1, 2, &always).unwrap();
    assert_eq!(result.invalid, 0, "{:?}", result.first_invalid);
    let maker = result.parties.iter().find(|p| p.party == "maker").unwrap();
    let rho = |outcome: &jv_engine::analysis::montecarlo::PartyOutcome, id: &str| {
        outcome.drivers.iter().find(|d| d.driver == id).unwrap().rho
    };
    // The retail price leads, then the FX level (a weaker shilling hurts) and the kit price.
    assert_eq!(maker.drivers[0].driver, "retail_price");
    assert!(
        rho(maker, "retail_price") > 0.5,
        "{}",
        rho(maker, "retail_price")
    );
    assert!(rho(maker, "fx_level") < -0.3, "{}", rho(maker, "fx_level"));
    assert!(
        rho(maker, "kit_fob_price") < -0.3,
        "{}",
        rho(maker, "kit_fob_price")
    );
    // Units move against the price (ρ −0.3), which masks their own effect; uncorrelated,
    // more units mean more NPV.
    spec.correlations.clear();
    let free = run_monte_carlo(&deal, &spec, 300, 1, 2, &always).unwrap();
    let free_maker = free.parties.iter().find(|p| p.party == "maker").unwrap();
    assert!(
        rho(free_maker, "units") > 0.05,
        "{}",
        rho(free_maker, "units")
    );
    assert!(maker.npv_cash.p10 < maker.npv_cash.p50);
    assert!(maker.npv_cash.p50 < maker.npv_cash.p90);
    // Ranked by |ρ|.
    for pair in maker.drivers.windows(2) {
        assert!(pair[0].rho.abs() >= pair[1].rho.abs());
    }
    assert!((0.0..=1.0).contains(&maker.p_npv_positive));
}

#[test]
fn cancelling_stops_early_with_a_clear_error() {
    let deal = kenya();
    let spec = default_spec(&deal);
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let stop = |done: usize| {
        calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        done < 5
    };
    let error = run_monte_carlo(&deal, &spec, 1000, 1, 1, &stop).unwrap_err();
    assert_eq!(
        error,
        MonteCarloError::Cancelled {
            done: 5,
            total: 1000
        }
    );
    assert_eq!(
        error.to_string(),
        "the simulation was cancelled after 5 of 1000 iterations"
    );
    assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 5);
    let error = run_monte_carlo(&deal, &spec, 1000, 1, 2, &stop).unwrap_err();
    assert!(matches!(
        error,
        MonteCarloError::Cancelled { total: 1000, .. }
    ));
}

#[test]
fn invalid_iterations_are_counted_with_the_first_error() {
    let deal = kenya();
    let mut spec = fixed_spec(&deal);
    // A kit margin that is sometimes negative makes those iterations invalid.
    let margin = spec
        .drivers
        .iter_mut()
        .find(|d| d.name == "kit_margin")
        .unwrap();
    margin.distribution = Distribution::Uniform {
        min: -0.5,
        max: 0.1,
    };
    let result = run_monte_carlo(&deal, &spec, 50, 3, 2, &always).unwrap();
    assert!(
        result.invalid > 0 && result.invalid < 50,
        "{}",
        result.invalid
    );
    let first = result.first_invalid.unwrap();
    assert!(first.starts_with("iteration "), "{first}");
    assert!(first.contains("kit_margin"), "{first}");
}

#[test]
fn an_unknown_driver_and_empty_runs_are_refused() {
    let deal = kenya();
    let spec = SamplingSpec {
        drivers: vec![Driver {
            name: "weather".to_owned(),
            distribution: Distribution::Fixed { value: 1.0 },
        }],
        correlations: Vec::<RankCorrelation>::new(),
        method: SamplingMethod::MonteCarlo,
    };
    let error = run_monte_carlo(&deal, &spec, 10, 1, 1, &always).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("no driver has the id \"weather\"")
    );
    let error = run_monte_carlo(&deal, &default_spec(&deal), 0, 1, 1, &always).unwrap_err();
    assert_eq!(error, MonteCarloError::Empty);
}
