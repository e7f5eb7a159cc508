//! Time to sample 10 correlated drivers × 10,000 iterations (Latin hypercube and plain Monte
//! Carlo), the sampling share of a Monte Carlo run of a deal.
//!
//! `cargo bench -p jv-engine --bench sampling`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use divan::{Bencher, black_box};
use jv_engine::analysis::sampling::{
    Distribution, Driver, RankCorrelation, SamplingMethod, SamplingSpec, sample_matrix,
};

fn main() {
    divan::main();
}

/// Ten drivers of every kind, with five correlations (a positive semi-definite set).
fn ten_drivers(method: SamplingMethod) -> SamplingSpec {
    let kinds = [
        Distribution::Lognormal {
            mean: 0.08,
            sd: 0.04,
        },
        Distribution::Pert {
            min: 0.02,
            mode: 0.06,
            max: 0.2,
        },
        Distribution::Normal {
            mean: 5_000.0,
            sd: 800.0,
        },
        Distribution::Triangular {
            min: 0.9,
            mode: 1.0,
            max: 1.3,
        },
        Distribution::Uniform {
            min: 0.02,
            max: 0.05,
        },
    ];
    let drivers: Vec<Driver> = (0..10)
        .map(|i| Driver {
            name: format!("d{i}"),
            distribution: kinds[i % kinds.len()],
        })
        .collect();
    let pair = |a: usize, b: usize, rho: f64| RankCorrelation {
        a: format!("d{a}"),
        b: format!("d{b}"),
        rho,
    };
    SamplingSpec {
        drivers,
        correlations: vec![
            pair(0, 1, 0.7),
            pair(1, 2, -0.4),
            pair(3, 4, 0.3),
            pair(5, 6, 0.5),
            pair(8, 9, -0.2),
        ],
        method,
    }
}

#[divan::bench]
fn latin_hypercube_10_drivers_10k(bencher: Bencher) {
    let spec = ten_drivers(SamplingMethod::LatinHypercube);
    bencher.bench(|| sample_matrix(black_box(&spec), 10_000, black_box(2026)).unwrap());
}

#[divan::bench]
fn monte_carlo_10_drivers_10k(bencher: Bencher) {
    let spec = ten_drivers(SamplingMethod::MonteCarlo);
    bencher.bench(|| sample_matrix(black_box(&spec), 10_000, black_box(2026)).unwrap());
}
