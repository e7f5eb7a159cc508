//! Time of a Monte Carlo run on the Kenya example: the 10 default drivers with their two
//! rank correlations, 10,000 iterations on 2 threads.
//!
//! `cargo bench -p jv-engine --bench montecarlo`; target: under 1 s. Also the entry-mode
//! comparison with its P10 column.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use divan::{Bencher, black_box};
use jv_engine::analysis::montecarlo::{default_spec, run_monte_carlo};
use jv_engine::read_deal;

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn kenya_10_drivers_10k_iterations_2_threads(bencher: Bencher) {
    let deal = read_deal(KENYA).unwrap();
    let spec = default_spec(&deal);
    assert_eq!(spec.drivers.len(), 10);
    bencher.bench_local(|| {
        run_monte_carlo(black_box(&deal), &spec, 10_000, 42, 2, &|_| true).unwrap()
    });
}

/// The two parts of one iteration: the overrides applied (a JSON round trip of the deal)…
#[divan::bench]
fn one_iteration_apply(bencher: Bencher) {
    let deal = read_deal(KENYA).unwrap();
    let catalogue = jv_engine::analysis::drivers::drivers(&deal);
    let overrides: Vec<_> = catalogue
        .iter()
        .take(10)
        .flat_map(|d| d.set(d.base))
        .collect();
    bencher
        .bench_local(|| jv_engine::analysis::drivers::apply(black_box(&deal), &overrides).unwrap());
}

/// …and the evaluation.
#[divan::bench]
fn one_iteration_evaluate(bencher: Bencher) {
    let deal = read_deal(KENYA).unwrap();
    bencher.bench_local(|| jv_engine::evaluate(black_box(&deal)).unwrap());
}

/// The sample matrix alone (drawn once per run, single-threaded).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn sample_matrix_10k(bencher: Bencher) {
    let deal = read_deal(KENYA).unwrap();
    let spec = default_spec(&deal);
    bencher.bench_local(|| {
        jv_engine::analysis::sampling::sample_matrix(black_box(&spec), 10_000, 42).unwrap()
    });
}

/// The entry-mode comparison with its Monte Carlo P10 column (the deal's stored spec, 1,000
/// iterations, each evaluated under the four modes); target: well under 1 s.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn entry_modes_with_p10_1k_iterations(bencher: Bencher) {
    use jv_engine::analysis::entry_modes::{EntryOptions, compare_modes};
    let deal = read_deal(KENYA).unwrap();
    let options = EntryOptions::default();
    assert_eq!(options.p10_iterations, 1_000);
    bencher.bench_local(|| compare_modes(black_box(&deal), &options).unwrap());
}
