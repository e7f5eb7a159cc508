//! The sampling core: inverse CDFs against known values, Latin-hypercube strata, Iman–Conover
//! rank correlations, determinism across threads, and the summary statistics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::sampling::{
    CorrelationMatrix, Distribution, Driver, RankCorrelation, SamplingError, SamplingMethod,
    SamplingSpec, beta_quantile, histogram, normal_quantile, p10_p50_p90, percentile,
    probability_above, rank_correlations_with_outcome, regularized_incomplete_beta, sample_matrix,
    spearman,
};

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual} (off by {})",
        (actual - expected).abs()
    );
}

fn driver(name: &str, distribution: Distribution) -> Driver {
    Driver {
        name: name.to_owned(),
        distribution,
    }
}

fn column(matrix: &[Vec<f64>], j: usize) -> Vec<f64> {
    matrix.iter().map(|row| row[j]).collect()
}

// ---- inverse CDFs ----

#[test]
fn normal_quantile_matches_published_values_to_1e_9() {
    let known = [
        (0.5, 0.0),
        (0.975, 1.959_963_984_540_054),
        (0.9, 1.281_551_565_544_600_4),
        (0.05, -1.644_853_626_951_472_2),
        (0.01, -2.326_347_874_040_840_8),
        (0.999, 3.090_232_306_167_813_5),
        (1e-10, -6.361_340_902_404_056),
    ];
    for (p, z) in known {
        close(normal_quantile(p), z, 1e-9);
    }
}

#[test]
fn normal_quantile_is_antisymmetric_and_infinite_at_the_ends() {
    for p in [0.001, 0.02, 0.3, 0.45] {
        close(normal_quantile(p), -normal_quantile(1.0 - p), 1e-12);
    }
    assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
    assert_eq!(normal_quantile(1.0), f64::INFINITY);
    assert!(normal_quantile(1.5).is_nan());
}

#[test]
fn normal_distribution_scales_the_standard_quantile() {
    let d = Distribution::Normal {
        mean: 100.0,
        sd: 15.0,
    };
    close(
        d.quantile(0.975).unwrap(),
        100.0 + 15.0 * 1.959_963_984_540_054,
        1e-9,
    );
    assert_eq!(
        d.quantile(1.0),
        Err(SamplingError::ProbabilityOutOfRange { p: 1.0 })
    );
}

#[test]
fn incomplete_beta_matches_closed_forms() {
    // Beta(3, 3): I_x = 10x³ − 15x⁴ + 6x⁵; Beta(2, 4): I_x = 1 − (1 − x)⁴ (1 + 4x).
    for x in [0.05_f64, 0.2, 0.5, 0.77, 0.99] {
        let b33 = 10.0 * x * x * x - 15.0 * x.powi(4) + 6.0 * x.powi(5);
        close(regularized_incomplete_beta(3.0, 3.0, x), b33, 1e-13);
        let b24 = 1.0 - (1.0 - x).powi(4) * (1.0 + 4.0 * x);
        close(regularized_incomplete_beta(2.0, 4.0, x), b24, 1e-13);
    }
    // Beta(1, 1) is uniform.
    close(beta_quantile(1.0, 1.0, 0.3), 0.3, 1e-12);
}

#[test]
fn pert_quantile_inverts_the_beta_cdf() {
    // PERT(0, 0.5, 1) is Beta(3, 3): I_0.2 = 0.05792.
    let symmetric = Distribution::Pert {
        min: 0.0,
        mode: 0.5,
        max: 1.0,
    };
    close(symmetric.quantile(0.05792).unwrap(), 0.2, 1e-10);
    close(symmetric.quantile(0.5).unwrap(), 0.5, 1e-10);
    // PERT(10, 15, 30): mode a quarter of the way, so (x − 10)/20 ~ Beta(2, 4); I_0.5 = 0.8125.
    let skewed = Distribution::Pert {
        min: 10.0,
        mode: 15.0,
        max: 30.0,
    };
    close(skewed.quantile(0.8125).unwrap(), 20.0, 1e-9);
    close(skewed.quantile(0.0).unwrap(), 10.0, 1e-12);
    close(skewed.quantile(1.0).unwrap(), 30.0, 1e-12);
}

#[test]
fn pert_with_the_mode_at_an_end_is_a_power_law() {
    // Mode at min: Beta(1, 5), quantile 1 − (1 − p)^(1/5); mode at max: Beta(5, 1), p^(1/5).
    let at_min = Distribution::Pert {
        min: 0.0,
        mode: 0.0,
        max: 1.0,
    };
    let at_max = Distribution::Pert {
        min: 0.0,
        mode: 1.0,
        max: 1.0,
    };
    for p in [0.001, 0.1, 0.5, 0.9, 0.999] {
        close(
            at_min.quantile(p).unwrap(),
            1.0 - (1.0_f64 - p).powf(0.2),
            1e-12,
        );
        close(at_max.quantile(p).unwrap(), p.powf(0.2), 1e-12);
    }
}

#[test]
fn beta_quantile_inverts_the_incomplete_beta_across_shapes() {
    for (a, b) in [(1.0, 1.0), (1.2, 4.8), (3.0, 3.0), (4.6, 1.4), (30.0, 2.0)] {
        for p in [1e-6, 0.01, 0.25, 0.5, 0.75, 0.99, 1.0 - 1e-6] {
            let x = beta_quantile(a, b, p);
            close(regularized_incomplete_beta(a, b, x), p, 1e-12);
        }
    }
    // Beta(½, ½) is the arcsine law, x = sin²(πp/2); its tails are too steep for p to be
    // matched to 1e-12 in f64 (an ulp of x moves p by more), so it is checked on x.
    for p in [1e-6, 0.01, 0.3, 0.5, 0.99, 1.0 - 1e-6] {
        let exact = (std::f64::consts::FRAC_PI_2 * p).sin().powi(2);
        close(beta_quantile(0.5, 0.5, p), exact, 1e-14);
    }
}

#[test]
fn triangular_and_uniform_quantiles_match_their_formulas() {
    let t = Distribution::Triangular {
        min: 0.0,
        mode: 2.0,
        max: 10.0,
    };
    // F(mode) = 0.2; below it x = sqrt(p · 10 · 2), above it x = 10 − sqrt((1 − p) · 10 · 8).
    close(t.quantile(0.2).unwrap(), 2.0, 1e-12);
    close(t.quantile(0.05).unwrap(), 1.0, 1e-12);
    close(t.quantile(0.5).unwrap(), 10.0 - 40_f64.sqrt(), 1e-12);
    let u = Distribution::Uniform {
        min: -5.0,
        max: 15.0,
    };
    close(u.quantile(0.25).unwrap(), 0.0, 1e-12);
}

#[test]
fn lognormal_is_parameterised_by_the_variables_own_mean_and_sd() {
    // Mean 1, sd 0.5: σ² = ln 1.25, μ = −σ²/2; the median is e^μ = 1/√1.25.
    let d = Distribution::Lognormal { mean: 1.0, sd: 0.5 };
    close(d.quantile(0.5).unwrap(), 1.0 / 1.25_f64.sqrt(), 1e-12);
    // A large sample has about the requested mean and sd.
    let spec = SamplingSpec {
        drivers: vec![driver("fx", d)],
        correlations: vec![],
        method: SamplingMethod::LatinHypercube,
    };
    let xs = column(&sample_matrix(&spec, 20_000, 7).unwrap(), 0);
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (xs.len() - 1) as f64;
    close(mean, 1.0, 0.005);
    close(var.sqrt(), 0.5, 0.02);
}

#[test]
fn invalid_distributions_are_refused_with_the_driver_named() {
    let cases = [
        (
            Distribution::Uniform { min: 3.0, max: 3.0 },
            "units: the minimum (3) must be below the maximum (3)",
        ),
        (
            Distribution::Triangular {
                min: 0.0,
                mode: 12.0,
                max: 10.0,
            },
            "units: the most likely value (12) must lie between 0 and 10",
        ),
        (
            Distribution::Pert {
                min: 0.0,
                mode: -1.0,
                max: 10.0,
            },
            "units: the most likely value (-1) must lie between 0 and 10",
        ),
        (
            Distribution::Normal { mean: 1.0, sd: 0.0 },
            "units: the standard deviation must be above zero, not 0",
        ),
        (
            Distribution::Lognormal {
                mean: -1.0,
                sd: 0.2,
            },
            "units: a lognormal driver needs a mean above zero, not -1",
        ),
        (
            Distribution::Normal {
                mean: f64::NAN,
                sd: 1.0,
            },
            "units: the mean must be a finite number, not NaN",
        ),
    ];
    for (d, message) in cases {
        assert_eq!(d.validate("units").unwrap_err().to_string(), message);
    }
}

// ---- sampling plans ----

#[test]
fn latin_hypercube_puts_exactly_one_sample_in_each_stratum() {
    let n = 1_000;
    let spec = SamplingSpec {
        drivers: vec![
            driver("a", Distribution::Uniform { min: 0.0, max: 1.0 }),
            driver("b", Distribution::Uniform { min: 0.0, max: 1.0 }),
        ],
        correlations: vec![],
        method: SamplingMethod::LatinHypercube,
    };
    let m = sample_matrix(&spec, n, 42).unwrap();
    for j in 0..2 {
        let mut hits = vec![0; n];
        for x in column(&m, j) {
            hits[(x * n as f64).floor() as usize] += 1;
        }
        assert!(hits.iter().all(|&h| h == 1), "driver {j}: {hits:?}");
    }
}

#[test]
fn latin_hypercube_strata_survive_rank_correlation() {
    let n = 500;
    let spec = SamplingSpec {
        drivers: vec![
            driver("a", Distribution::Uniform { min: 0.0, max: 1.0 }),
            driver("b", Distribution::Uniform { min: 0.0, max: 1.0 }),
        ],
        correlations: vec![RankCorrelation {
            a: "a".into(),
            b: "b".into(),
            rho: 0.8,
        }],
        method: SamplingMethod::LatinHypercube,
    };
    let m = sample_matrix(&spec, n, 3).unwrap();
    for j in 0..2 {
        let mut hits = vec![0; n];
        for x in column(&m, j) {
            hits[(x * n as f64).floor() as usize] += 1;
        }
        assert!(hits.iter().all(|&h| h == 1));
    }
}

#[test]
fn plain_monte_carlo_draws_stay_in_range_and_differ_by_seed() {
    let spec = SamplingSpec {
        drivers: vec![driver(
            "price",
            Distribution::Triangular {
                min: 90.0,
                mode: 100.0,
                max: 130.0,
            },
        )],
        correlations: vec![],
        method: SamplingMethod::MonteCarlo,
    };
    let a = sample_matrix(&spec, 5_000, 1).unwrap();
    let b = sample_matrix(&spec, 5_000, 2).unwrap();
    assert!(a.iter().all(|row| (90.0..=130.0).contains(&row[0])));
    assert_ne!(a, b);
    // The triangular mean is (90 + 100 + 130) / 3.
    let mean = column(&a, 0).iter().sum::<f64>() / 5_000.0;
    close(mean, 320.0 / 3.0, 0.5);
}

#[test]
fn fixed_drivers_give_their_value_every_time() {
    let spec = SamplingSpec {
        drivers: vec![
            driver("royalty", Distribution::Fixed { value: 0.035 }),
            driver("units", Distribution::Uniform { min: 1.0, max: 2.0 }),
        ],
        correlations: vec![RankCorrelation {
            a: "royalty".into(),
            b: "units".into(),
            rho: 0.5,
        }],
        method: SamplingMethod::LatinHypercube,
    };
    let m = sample_matrix(&spec, 100, 9).unwrap();
    assert!(m.iter().all(|row| row[0] == 0.035));
}

// ---- rank correlation ----

fn three_drivers(method: SamplingMethod) -> SamplingSpec {
    SamplingSpec {
        drivers: vec![
            driver(
                "fx",
                Distribution::Lognormal {
                    mean: 0.1,
                    sd: 0.05,
                },
            ),
            driver(
                "inflation",
                Distribution::Pert {
                    min: 0.02,
                    mode: 0.06,
                    max: 0.2,
                },
            ),
            driver(
                "units",
                Distribution::Normal {
                    mean: 5_000.0,
                    sd: 800.0,
                },
            ),
        ],
        correlations: vec![
            RankCorrelation {
                a: "fx".into(),
                b: "inflation".into(),
                rho: 0.7,
            },
            RankCorrelation {
                a: "inflation".into(),
                b: "units".into(),
                rho: -0.4,
            },
        ],
        method,
    }
}

#[test]
fn spearman_correlation_is_within_0_05_of_the_target_at_10_000_samples() {
    for method in [SamplingMethod::LatinHypercube, SamplingMethod::MonteCarlo] {
        let m = sample_matrix(&three_drivers(method), 10_000, 2026).unwrap();
        let (fx, inflation, units) = (column(&m, 0), column(&m, 1), column(&m, 2));
        close(spearman(&fx, &inflation).unwrap(), 0.7, 0.05);
        close(spearman(&inflation, &units).unwrap(), -0.4, 0.05);
        close(spearman(&fx, &units).unwrap(), 0.0, 0.05);
    }
}

#[test]
fn a_non_positive_semi_definite_matrix_is_refused_naming_the_drivers() {
    let mut spec = three_drivers(SamplingMethod::LatinHypercube);
    spec.correlations = vec![
        RankCorrelation {
            a: "fx".into(),
            b: "inflation".into(),
            rho: 0.9,
        },
        RankCorrelation {
            a: "inflation".into(),
            b: "units".into(),
            rho: 0.9,
        },
        RankCorrelation {
            a: "fx".into(),
            b: "units".into(),
            rho: -0.9,
        },
    ];
    let error = sample_matrix(&spec, 1_000, 1).unwrap_err();
    assert_eq!(
        error,
        SamplingError::NotPositiveSemiDefinite {
            driver: "units".into(),
            others: "fx, inflation".into(),
        }
    );
    assert!(error.to_string().contains("not positive semi-definite"));
}

#[test]
fn a_singular_but_semi_definite_matrix_is_accepted() {
    let names: Vec<String> = ["a", "b", "c"].iter().map(|s| (*s).to_owned()).collect();
    let rows = vec![
        vec![1.0, 1.0, 0.5],
        vec![1.0, 1.0, 0.5],
        vec![0.5, 0.5, 1.0],
    ];
    assert!(CorrelationMatrix::new(&names, rows).is_ok());
}

#[test]
fn malformed_matrices_name_the_offending_pair() {
    let names: Vec<String> = ["a", "b"].iter().map(|s| (*s).to_owned()).collect();
    let error = |rows: Vec<Vec<f64>>| CorrelationMatrix::new(&names, rows).unwrap_err();
    assert_eq!(
        error(vec![vec![1.0, 0.3], vec![0.2, 1.0]]),
        SamplingError::NotSymmetric {
            a: "a".into(),
            b: "b".into(),
            ab: 0.3,
            ba: 0.2,
        }
    );
    assert_eq!(
        error(vec![vec![1.0, 1.2], vec![1.2, 1.0]]),
        SamplingError::CorrelationOutOfRange {
            a: "a".into(),
            b: "b".into(),
            value: 1.2,
        }
    );
    assert_eq!(
        error(vec![vec![0.9, 0.0], vec![0.0, 1.0]]),
        SamplingError::DiagonalNotOne {
            driver: "a".into(),
            value: 0.9,
        }
    );
    assert_eq!(
        error(vec![vec![1.0, 0.0]]),
        SamplingError::MatrixShape { expected: 2 }
    );
}

#[test]
fn correlations_must_name_known_distinct_drivers_once() {
    let mut spec = three_drivers(SamplingMethod::MonteCarlo);
    spec.correlations.push(RankCorrelation {
        a: "tariff".into(),
        b: "fx".into(),
        rho: 0.1,
    });
    assert_eq!(
        spec.validate().unwrap_err(),
        SamplingError::UnknownDriver {
            driver: "tariff".into()
        }
    );
    let mut spec = three_drivers(SamplingMethod::MonteCarlo);
    spec.correlations.push(RankCorrelation {
        a: "units".into(),
        b: "inflation".into(),
        rho: 0.1,
    });
    assert!(matches!(
        spec.validate(),
        Err(SamplingError::DuplicateCorrelation { .. })
    ));
    let mut spec = three_drivers(SamplingMethod::MonteCarlo);
    spec.drivers
        .push(driver("fx", Distribution::Fixed { value: 0.0 }));
    assert!(matches!(
        spec.validate(),
        Err(SamplingError::DuplicateDriver { .. })
    ));
}

#[test]
fn correlating_needs_more_iterations_than_drivers() {
    let spec = three_drivers(SamplingMethod::LatinHypercube);
    assert_eq!(
        sample_matrix(&spec, 3, 1).unwrap_err(),
        SamplingError::TooFewIterations {
            drivers: 3,
            iterations: 3,
        }
    );
}

// ---- determinism ----

/// A stand-in for evaluating the deal: any pure function of one row.
fn outcome(row: &[f64]) -> f64 {
    row[0] * 1_000.0 - row[1] * 5_000.0 + row[2].sqrt()
}

fn evaluate_in_chunks(spec: &SamplingSpec, n: usize, seed: u64, threads: usize) -> Vec<f64> {
    let matrix = sample_matrix(spec, n, seed).unwrap();
    let chunk = n.div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = matrix
            .chunks(chunk)
            .map(|rows| scope.spawn(move || rows.iter().map(|r| outcome(r)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

#[test]
fn same_seed_same_result_on_one_and_two_threads() {
    for method in [SamplingMethod::LatinHypercube, SamplingMethod::MonteCarlo] {
        let spec = three_drivers(method);
        let one = evaluate_in_chunks(&spec, 2_001, 99, 1);
        let two = evaluate_in_chunks(&spec, 2_001, 99, 2);
        assert_eq!(one.len(), 2_001);
        assert!(
            one.iter()
                .zip(&two)
                .all(|(a, b)| a.to_bits() == b.to_bits())
        );
    }
}

#[test]
fn sampling_on_another_thread_gives_the_same_matrix() {
    let spec = three_drivers(SamplingMethod::LatinHypercube);
    let here = sample_matrix(&spec, 1_000, 5).unwrap();
    let there = std::thread::scope(|s| {
        s.spawn(|| sample_matrix(&spec, 1_000, 5).unwrap())
            .join()
            .unwrap()
    });
    assert_eq!(here, there);
}

#[test]
fn the_first_draws_of_seed_1_are_pinned() {
    // Pins the generator and the plan: a change here changes every saved result.
    let spec = SamplingSpec {
        drivers: vec![driver("u", Distribution::Uniform { min: 0.0, max: 1.0 })],
        correlations: vec![],
        method: SamplingMethod::MonteCarlo,
    };
    let m = sample_matrix(&spec, 3, 1).unwrap();
    assert_eq!(
        column(&m, 0),
        [
            0.935_391_793_516_581_6,
            0.556_954_403_265_5,
            0.751_315_158_273_499_6
        ]
    );
}

// ---- summaries ----

#[test]
fn percentiles_interpolate_linearly_between_order_statistics() {
    let values = [15.0, 20.0, 35.0, 40.0, 50.0];
    // h = p (n − 1): P10 → 0.4 → 15 + 0.4·5 = 17; P50 → 35; P90 → 3.6 → 40 + 0.6·10 = 46.
    let p = p10_p50_p90(&values).unwrap();
    close(p.p10, 17.0, 1e-12);
    close(p.p50, 35.0, 1e-12);
    close(p.p90, 46.0, 1e-12);
    close(percentile(&values, 0.4).unwrap(), 29.0, 1e-12);
    close(percentile(&[7.0], 0.9).unwrap(), 7.0, 0.0);
    assert_eq!(p10_p50_p90(&[]), Err(SamplingError::EmptySample));
    assert!(percentile(&values, 1.1).is_err());
}

#[test]
fn probability_above_counts_values_strictly_above() {
    let irr = [0.05, 0.12, 0.15, 0.2, 0.31];
    close(probability_above(&irr, 0.15).unwrap(), 0.4, 0.0);
    close(probability_above(&irr, 0.0).unwrap(), 1.0, 0.0);
}

#[test]
fn spearman_handles_ties_and_monotone_transforms() {
    let x = [1.0, 2.0, 3.0, 4.0, 5.0];
    let y: Vec<f64> = x.iter().map(|v: &f64| v.exp()).collect();
    close(spearman(&x, &y).unwrap(), 1.0, 1e-12);
    let reversed: Vec<f64> = x.iter().rev().copied().collect();
    close(spearman(&x, &reversed).unwrap(), -1.0, 1e-12);
    // Ties: ranks of [1, 2, 2, 3] are [1, 2.5, 2.5, 4]; against [1, 2, 3, 4] ρ = 4.5/√(4.5·5).
    close(
        spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]).unwrap(),
        4.5 / (4.5_f64 * 5.0).sqrt(),
        1e-12,
    );
    close(
        spearman(&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]).unwrap(),
        0.0,
        0.0,
    );
    assert!(spearman(&x, &[1.0]).is_err());
}

#[test]
fn histogram_uses_freedman_diaconis_and_counts_every_value() {
    let values: Vec<f64> = (0..1_000).map(f64::from).collect();
    let bins = histogram(&values).unwrap();
    // IQR = 499.5, width = 2·499.5/10 = 99.9, range 999 → 10 bins of 99.9.
    assert_eq!(bins.len(), 10);
    close(bins[0].lower, 0.0, 0.0);
    close(bins[9].upper, 999.0, 0.0);
    assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 1_000);
    assert_eq!(bins[0].count, 100);
}

#[test]
fn histogram_falls_back_to_sturges_and_handles_constants() {
    // IQR 0 (mostly zeros, a few outliers): Sturges, ⌈log₂ 100⌉ + 1 = 8 bins.
    let mut values = vec![0.0; 100];
    values[0] = 10.0;
    values[1] = -10.0;
    let bins = histogram(&values).unwrap();
    assert_eq!(bins.len(), 8);
    assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 100);
    let constant = histogram(&[3.0; 5]).unwrap();
    assert_eq!(constant.len(), 1);
    assert_eq!(constant[0].count, 5);
}

#[test]
fn the_driver_that_moves_the_outcome_most_has_the_largest_rank_correlation() {
    let spec = three_drivers(SamplingMethod::LatinHypercube);
    let m = sample_matrix(&spec, 5_000, 11).unwrap();
    // Units dominate, fx pushes the other way a little; inflation only through its correlations.
    let outcome: Vec<f64> = m.iter().map(|r| r[2] - 2_000.0 * r[0]).collect();
    let rho = rank_correlations_with_outcome(&m, &outcome).unwrap();
    assert_eq!(rho.len(), 3);
    assert!(rho[2] > 0.9, "{rho:?}");
    assert!(rho[0] < 0.0 && rho[0] > -0.3, "{rho:?}");
    assert!(rank_correlations_with_outcome(&m, &outcome[1..]).is_err());
}
