//! The analysis block a deal stores (Monte Carlo spec, tornado ranges), its validation, and
//! the negotiated-share driver.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::drivers::{NEGOTIATED_SHARE, apply, drivers};
use jv_engine::analysis::sampling::Distribution;
use jv_engine::analysis::settings::{
    AnalysisSettings, Correlation, DistributionSpec, DriverDistribution, MonteCarloSettings,
    SpecSource, monte_carlo_spec,
};
use jv_engine::analysis::tornado::{Metric, Range, View, tornado};
use jv_engine::problem::FieldError;
use jv_engine::validate::validate;
use jv_engine::{Deal, DealError, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");
const BRAZIL: &str = include_str!("../../../examples/brazil-negotiated-60-40.jvdeal");

fn kenya() -> Deal {
    read_deal(KENYA).unwrap()
}

fn triangular(min: Decimal, mode: Decimal, max: Decimal) -> DistributionSpec {
    DistributionSpec::Triangular { min, mode, max }
}

fn spec(drivers: &[(&str, DistributionSpec)], correlations: &[(&str, &str, Decimal)]) -> Deal {
    let mut deal = kenya();
    deal.analysis.monte_carlo = Some(MonteCarloSettings {
        drivers: drivers
            .iter()
            .map(|(d, distribution)| DriverDistribution {
                driver: (*d).to_owned(),
                distribution: *distribution,
            })
            .collect(),
        correlations: correlations
            .iter()
            .map(|(a, b, rho)| Correlation {
                a: (*a).to_owned(),
                b: (*b).to_owned(),
                rho: *rho,
            })
            .collect(),
        method: Default::default(),
        iterations: None,
        seed: None,
    });
    deal
}

#[test]
fn the_kenya_example_stores_a_spec_and_ranges() {
    let deal = kenya();
    assert_eq!(validate(&deal), vec![]);
    let (spec, source) = monte_carlo_spec(&deal);
    assert_eq!(source, SpecSource::Stored);
    assert_eq!(
        spec.names(),
        [
            "units",
            "retail_price",
            "kit_fob_price",
            "fx_level",
            "inflation",
            "unit_growth"
        ]
    );
    assert_eq!(
        spec.drivers[0].distribution,
        Distribution::Pert {
            min: 420.0,
            mode: 600.0,
            max: 720.0
        }
    );
    assert_eq!(spec.correlations.len(), 1);
    assert_eq!(spec.correlations[0].rho, 0.5);
    assert_eq!(deal.analysis.tornado.len(), 2);
    // The block survives a round trip through the file format.
    let again = read_deal(&serde_json::to_string_pretty(&deal).unwrap()).unwrap();
    assert_eq!(again.analysis, deal.analysis);
}

#[test]
fn without_a_stored_spec_the_default_is_used_and_nothing_is_written() {
    let mut deal = kenya();
    deal.analysis = AnalysisSettings::default();
    let (spec, source) = monte_carlo_spec(&deal);
    assert_eq!(source, SpecSource::Default);
    assert_eq!(spec.drivers.len(), 10);
    assert!(
        !serde_json::to_string_pretty(&deal)
            .unwrap()
            .contains("\"analysis\"")
    );
}

#[test]
fn the_file_format_of_a_distribution_is_tagged_by_kind() {
    let json =
        r#"{"driver":"units","distribution":{"kind":"pert","min":"1","mode":"2","max":"4"}}"#;
    let parsed: DriverDistribution = serde_json::from_str(json).unwrap();
    assert_eq!(
        parsed.distribution,
        DistributionSpec::Pert {
            min: dec!(1),
            mode: dec!(2),
            max: dec!(4)
        }
    );
}

#[test]
fn an_unknown_driver_is_named_with_the_known_ids() {
    let deal = spec(
        &[
            ("units", triangular(dec!(400), dec!(600), dec!(700))),
            ("retail_price", triangular(dec!(1), dec!(2), dec!(3))),
            ("unit", triangular(dec!(1), dec!(2), dec!(3))),
        ],
        &[],
    );
    let errors = validate(&deal);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "analysis.monte_carlo.drivers[2].driver");
    assert!(
        errors[0]
            .message
            .starts_with("no driver has the id \"unit\"; the drivers are retail_price, units,"),
        "{}",
        errors[0].message
    );
}

#[test]
fn bad_parameters_are_reported_at_the_distribution() {
    let deal = spec(
        &[
            ("units", triangular(dec!(700), dec!(600), dec!(400))),
            (
                "inflation",
                DistributionSpec::Normal {
                    mean: dec!(0.05),
                    sd: dec!(0),
                },
            ),
        ],
        &[],
    );
    assert_eq!(
        validate(&deal),
        vec![
            FieldError::new(
                "analysis.monte_carlo.drivers[0].distribution",
                "units: the minimum (700) must be below the maximum (400)"
            ),
            FieldError::new(
                "analysis.monte_carlo.drivers[1].distribution",
                "inflation: the standard deviation must be above zero, not 0"
            ),
        ]
    );
}

#[test]
fn correlations_that_cannot_hold_together_are_refused() {
    let t = || triangular(dec!(1), dec!(2), dec!(3));
    let deal = spec(
        &[("units", t()), ("retail_price", t()), ("inflation", t())],
        &[
            ("units", "retail_price", dec!(0.9)),
            ("units", "inflation", dec!(0.9)),
            ("retail_price", "inflation", dec!(-0.9)),
        ],
    );
    let errors = validate(&deal);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "analysis.monte_carlo.correlations");
    assert!(
        errors[0]
            .message
            .contains("the correlations cannot all hold at once"),
        "{}",
        errors[0].message
    );
}

#[test]
fn a_correlation_must_name_drivers_of_the_spec_and_lie_in_range() {
    let t = || triangular(dec!(1), dec!(2), dec!(3));
    let deal = spec(
        &[("units", t()), ("retail_price", t())],
        &[
            ("units", "fx_level", dec!(0.2)),
            ("units", "retail_price", dec!(1.5)),
        ],
    );
    assert_eq!(
        validate(&deal),
        vec![
            FieldError::new(
                "analysis.monte_carlo.correlations[0].b",
                "\"fx_level\" is not one of the drivers the spec varies (units, retail_price)"
            ),
            FieldError::new(
                "analysis.monte_carlo.correlations[1].rho",
                "must lie between −1 and 1; it is 1.5"
            ),
        ]
    );
}

#[test]
fn tornado_ranges_are_checked() {
    let mut deal = kenya();
    deal.analysis.tornado = vec![
        Range {
            driver: "unitz".to_owned(),
            low: dec!(-0.1),
            high: dec!(0.1),
        },
        Range {
            driver: "units".to_owned(),
            low: dec!(0.1),
            high: dec!(-0.1),
        },
    ];
    let errors = validate(&deal);
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["analysis.tornado[0].driver", "analysis.tornado[1].high"]
    );
    assert_eq!(
        errors[1].message,
        "must be above the low change (0.1); it is -0.1"
    );
    assert!(matches!(
        jv_engine::evaluate(&deal),
        Err(DealError::Invalid(_))
    ));
}

#[test]
fn the_tornado_uses_stored_ranges_and_given_ones_win() {
    let deal = kenya();
    let t = tornado(&deal, "dealer", Metric::Npv, View::Cash, &[]).unwrap();
    let bar = |t: &jv_engine::analysis::tornado::Tornado, id: &str| {
        t.bars.iter().find(|b| b.driver == id).unwrap().clone()
    };
    // Stored: units −30 % / +20 %, FX level −10 % / +30 %; the rest ±20 %.
    assert_eq!(bar(&t, "units").low_input, dec!(420));
    assert_eq!(bar(&t, "units").high_input, dec!(720));
    assert_eq!(bar(&t, "fx_level").high_input, dec!(1.3));
    assert_eq!(bar(&t, "retail_price").low_input, dec!(416000));
    let given = [Range {
        driver: "units".to_owned(),
        low: dec!(-0.5),
        high: dec!(0.1),
    }];
    let t = tornado(&deal, "dealer", Metric::Npv, View::Cash, &given).unwrap();
    assert_eq!(bar(&t, "units").low_input, dec!(300));
    assert_eq!(bar(&t, "units").high_input, dec!(660));
    // The other stored range still applies.
    assert_eq!(bar(&t, "fx_level").low_input, dec!(0.9));
}

#[test]
fn the_negotiated_share_moves_the_technology_partner_and_the_rest_pro_rata() {
    let deal = read_deal(BRAZIL).unwrap();
    let catalogue = drivers(&deal);
    let share = catalogue.iter().find(|d| d.id == NEGOTIATED_SHARE).unwrap();
    assert_eq!(
        share.label,
        "Negotiated share of Chinese electric-vehicle maker"
    );
    assert_eq!(share.base, dec!(0.60));
    let changed = apply(&deal, &share.set(dec!(0.7))).unwrap();
    let shares: Vec<Decimal> = changed.equity.shares.iter().map(|s| s.share).collect();
    assert_eq!(shares, [dec!(0.7), dec!(0.3)]);
    assert_eq!(validate(&changed), vec![]);
    // A tornado moves it ±20 %: 48 % to 72 %, and the maker gains with its share.
    let t = tornado(&deal, "maker", Metric::Npv, View::Cash, &[]).unwrap();
    let bar = t
        .bars
        .iter()
        .find(|b| b.driver == NEGOTIATED_SHARE)
        .unwrap();
    assert_eq!(bar.low_input, dec!(0.48));
    assert_eq!(bar.high_input, dec!(0.72));
    assert!(bar.high.unwrap() > bar.low.unwrap(), "{bar:?}");
    // Contribution-based deals have no such driver.
    assert!(!drivers(&kenya()).iter().any(|d| d.id == NEGOTIATED_SHARE));
}

#[test]
fn three_parties_keep_their_proportions_and_sum_to_one() {
    let mut deal = read_deal(BRAZIL).unwrap();
    let mut third = deal.parties[1].clone();
    third.id = "fund".to_owned();
    third.contributions.clear();
    deal.parties.push(third);
    deal.equity.shares[1].share = dec!(0.25);
    deal.equity.shares.push(jv_engine::model::NegotiatedShare {
        party: "fund".to_owned(),
        share: dec!(0.15),
    });
    let share = drivers(&deal)
        .into_iter()
        .find(|d| d.id == NEGOTIATED_SHARE)
        .unwrap();
    let changed = apply(&deal, &share.set(dec!(0.5))).unwrap();
    let shares: Vec<Decimal> = changed.equity.shares.iter().map(|s| s.share).collect();
    assert_eq!(shares[0], dec!(0.5));
    // 0.5 left, split 25 : 15.
    assert_eq!(shares[1], dec!(0.3125));
    assert_eq!(shares[2], dec!(0.1875));
    assert_eq!(shares.iter().copied().sum::<Decimal>(), Decimal::ONE);
}
