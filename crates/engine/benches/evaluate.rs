//! Time to read and evaluate the Kenya example deal, over its own 10 years and over 30.
//!
//! `cargo bench -p jv-engine`; target: under 100 µs for the 10-year evaluation.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use divan::{Bencher, black_box};
use jv_engine::{Deal, evaluate, read_deal};

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

fn main() {
    divan::main();
}

fn kenya(horizon: u32) -> Deal {
    let mut deal = read_deal(KENYA).unwrap();
    // The example ramps its units and has no per-year lists, so only the horizon changes.
    deal.horizon_years = horizon;
    assert!(
        evaluate(&deal).is_ok(),
        "the Kenya example evaluates over {horizon} years"
    );
    deal
}

#[divan::bench]
fn read_kenya() -> Deal {
    read_deal(black_box(KENYA)).unwrap()
}

#[divan::bench(args = [10, 30])]
fn evaluate_kenya(bencher: Bencher, horizon: u32) {
    let deal = kenya(horizon);
    bencher.bench_local(|| evaluate(black_box(&deal)).unwrap());
}
