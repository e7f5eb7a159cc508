//! Time to read and evaluate the Kenya example deal, over its own 10 years and over 30, and
//! with every kind of market rule tripped (the guardrails' cost).
//!
//! `cargo bench -p jv-engine`; target: under 100 µs for the 10-year evaluation, under 20 ms
//! for the tornado.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use divan::{Bencher, black_box};
use jv_engine::model::{DutyBase, MarketRule, RuleBasis};
use jv_engine::{Deal, evaluate, read_deal};
use rust_decimal::Decimal;

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

/// The Kenya example with one rule of every kind, each of which it breaks.
fn kenya_with_rules() -> Deal {
    let mut deal = kenya(10);
    let basis = RuleBasis {
        summary: "A rule".to_owned(),
        source: "https://example.org/rule".to_owned(),
        as_of: "2025-01".to_owned(),
    };
    deal.market.rules = vec![
        MarketRule::TechnologyFeesRefusedOnCkd {
            basis: basis.clone(),
        },
        MarketRule::ForeignTradeLicence {
            max_foreign_share: Some(Decimal::ZERO),
            min_foreign_investment: Some(Decimal::from(100_000_000)),
            basis: basis.clone(),
        },
        MarketRule::CapitalImportNeedsCashOrGoods {
            basis: basis.clone(),
        },
        MarketRule::RepatriationRestricted {
            basis: basis.clone(),
        },
        MarketRule::DutyChange {
            applies_to: DutyBase::Kits,
            rate: Decimal::new(35, 2),
            effective: "2026-07-01".to_owned(),
            basis,
        },
    ];
    assert!(evaluate(&deal).unwrap().warnings.len() >= 5);
    deal
}

#[divan::bench]
fn evaluate_kenya_with_rules(bencher: Bencher) {
    let deal = kenya_with_rules();
    bencher.bench_local(|| evaluate(black_box(&deal)).unwrap());
}

/// A tornado of the dealer's cash NPV over every driver of the Kenya example (21 drivers,
/// 42 evaluations); target: under 20 ms.
#[divan::bench]
fn tornado(bencher: Bencher) {
    use jv_engine::analysis::drivers::drivers;
    use jv_engine::analysis::tornado::{Metric, View, tornado};
    let deal = kenya(10);
    assert!(drivers(&deal).len() >= 20);
    bencher
        .bench_local(|| tornado(black_box(&deal), "dealer", Metric::Npv, View::Cash, &[]).unwrap());
}

/// Goal seek: the dealer margin that gives the dealer a cash IRR of 25 % (target < 50 ms).
#[divan::bench]
fn goal_seek(bencher: Bencher) {
    use jv_engine::analysis::goalseek::{Outcome, Target, goal_seek};
    use jv_engine::analysis::tornado::{Metric, View};
    let deal = kenya(10);
    let target = Target {
        party: "dealer".to_owned(),
        metric: Metric::Irr,
        view: View::Cash,
        value: Decimal::new(25, 2),
    };
    bencher.bench_local(|| {
        let result = goal_seek(black_box(&deal), "dealer_margin", &target, None).unwrap();
        assert!(matches!(result.outcome, Outcome::Solved { .. }));
        result
    });
}
