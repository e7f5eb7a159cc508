//! Goal seek on the Kenya example (DOMAIN.md §7): lands within tolerance, re-evaluated by
//! the deterministic engine, or says there is no solution in range.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::drivers::{Override, apply};
use jv_engine::analysis::goalseek::{
    GoalSeekError, MAX_EVALUATIONS, Outcome, Target, goal_seek, inputs,
};
use jv_engine::analysis::tornado::{Metric, View};
use jv_engine::model::SplitMode;
use jv_engine::{Deal, evaluate, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

fn kenya() -> Deal {
    read_deal(KENYA).unwrap()
}

fn target(party: &str, metric: Metric, view: View, value: Decimal) -> Target {
    Target {
        party: party.to_owned(),
        metric,
        view,
        value,
    }
}

fn dealer_irr(deal: &Deal) -> Decimal {
    evaluate(deal).unwrap().parties[1].views.cash.irr.unwrap()
}

#[test]
fn dealer_margin_for_a_25_percent_dealer_cash_irr() {
    let deal = kenya();
    let t = target("dealer", Metric::Irr, View::Cash, dec!(0.25));
    let result = goal_seek(&deal, "dealer_margin", &t, None).unwrap();
    assert_eq!(result.base_input, dec!(0.10));
    assert_eq!((result.low, result.high), (dec!(0), dec!(0.5)));
    assert_eq!(result.base_metric.unwrap().round_dp(6), dec!(0.340975));
    let Outcome::Solved {
        value,
        metric,
        evaluations,
    } = result.outcome
    else {
        panic!("{:?}", result.outcome);
    };
    assert!(evaluations <= MAX_EVALUATIONS, "{evaluations}");
    assert!((metric - dec!(0.25)).abs() <= dec!(0.000001), "{metric}");
    // A lower margin lowers the dealer's IRR from 34.1 % to 25 %.
    assert!(value > dec!(0) && value < dec!(0.10), "{value}");
    // The deterministic engine on the deal with that margin agrees.
    let solved = apply(
        &deal,
        &[Override::set(
            "agreements.distribution.dealer_margin",
            value,
        )],
    )
    .unwrap();
    let irr = dealer_irr(&solved);
    assert_eq!(irr, metric);
    assert!((irr - dec!(0.25)).abs() <= dec!(0.000001), "{irr}");
    // The base deal is untouched.
    assert_eq!(deal, kenya());
}

#[test]
fn royalty_rate_for_a_maker_npv_target_lands_within_one_dollar() {
    let deal = kenya();
    let base = evaluate(&deal).unwrap().parties[0].views.economic.npv;
    let goal = base + dec!(250000);
    let t = target("maker", Metric::Npv, View::Economic, goal);
    let result = goal_seek(&deal, "royalty_rate", &t, None).unwrap();
    let Outcome::Solved { value, metric, .. } = result.outcome else {
        panic!("{:?}", result.outcome);
    };
    assert!((metric - goal).abs() <= dec!(1));
    assert!(
        value > dec!(0.03),
        "a higher NPV needs a higher royalty: {value}"
    );
    let solved = apply(
        &deal,
        &[Override::set("agreements.licence.royalty_rate", value)],
    )
    .unwrap();
    assert_eq!(
        evaluate(&solved).unwrap().parties[0].views.economic.npv,
        metric
    );
}

#[test]
fn a_share_moves_the_others_pro_rata_and_sums_to_one() {
    let deal = kenya();
    let t = target("dealer", Metric::Npv, View::Economic, dec!(800000));
    let result = goal_seek(&deal, "share.dealer", &t, None).unwrap();
    // Dealer's share in the deal: 1.25m of 3.140928m contributed.
    assert_eq!(result.base_input.round_dp(6), dec!(0.397971));
    let Outcome::Solved { value, metric, .. } = result.outcome else {
        panic!("{:?}", result.outcome);
    };
    assert!((metric - dec!(800000)).abs() <= dec!(1));
    assert!(value > result.base_input, "{value}");
    let mut solved = deal.clone();
    solved.equity.mode = SplitMode::Negotiated;
    solved.equity.shares_issued = 1_000_000_000_000;
    solved.equity.shares = vec![
        jv_engine::model::NegotiatedShare {
            party: "maker".to_owned(),
            share: Decimal::ONE - value,
        },
        jv_engine::model::NegotiatedShare {
            party: "dealer".to_owned(),
            share: value,
        },
    ];
    let npv = evaluate(&solved).unwrap().parties[1].views.economic.npv;
    assert!((npv - dec!(800000)).abs() <= dec!(1), "{npv}");
}

#[test]
fn an_impossible_target_is_no_solution_with_both_ends() {
    let deal = kenya();
    let t = target("dealer", Metric::Irr, View::Cash, dec!(5));
    let result = goal_seek(&deal, "dealer_margin", &t, None).unwrap();
    let Outcome::NoSolution {
        reason,
        metric_at_low,
        metric_at_high,
    } = &result.outcome
    else {
        panic!("{:?}", result.outcome);
    };
    let low = metric_at_low.unwrap();
    let high = metric_at_high.unwrap();
    assert!(low < high && high < dec!(5), "{low} {high}");
    assert!(reason.contains("no value in the range"), "{reason}");
    // The ends are the engine's figures at the bounds.
    let at = |m: Decimal| {
        dealer_irr(
            &apply(
                &deal,
                &[Override::set("agreements.distribution.dealer_margin", m)],
            )
            .unwrap(),
        )
    };
    assert_eq!(low, at(dec!(0)));
    assert_eq!(high, at(dec!(0.5)));
}

#[test]
fn the_dealer_irr_rises_monotonically_with_its_margin() {
    let deal = kenya();
    let irrs: Vec<Decimal> = [dec!(0.02), dec!(0.06), dec!(0.10), dec!(0.14), dec!(0.18)]
        .iter()
        .map(|m| {
            dealer_irr(
                &apply(
                    &deal,
                    &[Override::set("agreements.distribution.dealer_margin", *m)],
                )
                .unwrap(),
            )
        })
        .collect();
    assert!(irrs.windows(2).all(|w| w[0] < w[1]), "{irrs:?}");
    // And goal seek finds the same order: a higher target needs a higher margin.
    let solve = |irr: Decimal| match goal_seek(
        &deal,
        "dealer_margin",
        &target("dealer", Metric::Irr, View::Cash, irr),
        None,
    )
    .unwrap()
    .outcome
    {
        Outcome::Solved { value, .. } => value,
        other => panic!("{other:?}"),
    };
    let (a, b, c) = (solve(dec!(0.25)), solve(dec!(0.30)), solve(dec!(0.40)));
    assert!(a < b && b < dec!(0.10) && dec!(0.10) < c, "{a} {b} {c}");
}

#[test]
fn bounds_the_caller_gives_are_searched_and_a_target_at_an_end_is_solved() {
    let deal = kenya();
    let at_low = dealer_irr(
        &apply(
            &deal,
            &[Override::set(
                "agreements.distribution.dealer_margin",
                dec!(0.05),
            )],
        )
        .unwrap(),
    );
    let t = target("dealer", Metric::Irr, View::Cash, at_low);
    let result = goal_seek(&deal, "dealer_margin", &t, Some((dec!(0.05), dec!(0.2)))).unwrap();
    assert_eq!(
        result.outcome,
        Outcome::Solved {
            value: dec!(0.05),
            metric: at_low,
            evaluations: 2
        }
    );
}

#[test]
fn unknown_party_input_and_bad_bounds_are_errors() {
    let deal = kenya();
    let t = target("nobody", Metric::Npv, View::Cash, dec!(0));
    assert!(matches!(
        goal_seek(&deal, "royalty_rate", &t, None),
        Err(GoalSeekError::UnknownParty { .. })
    ));
    let t = target("dealer", Metric::Npv, View::Cash, dec!(0));
    let error = goal_seek(&deal, "moon_phase", &t, None).unwrap_err();
    assert!(matches!(error, GoalSeekError::UnknownInput { .. }));
    assert!(error.to_string().contains("share.dealer"), "{error}");
    assert!(matches!(
        goal_seek(&deal, "share.nobody", &t, None),
        Err(GoalSeekError::UnknownParty { .. })
    ));
    assert!(matches!(
        goal_seek(&deal, "royalty_rate", &t, Some((dec!(0.2), dec!(0.1)))),
        Err(GoalSeekError::BadBounds { .. })
    ));
    let ids = inputs(&deal);
    for id in [
        "royalty_rate",
        "kit_margin",
        "retail_price",
        "units",
        "dealer_margin",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id}");
    }
}

#[test]
fn units_and_retail_price_are_solved_too() {
    let deal = kenya();
    let base = evaluate(&deal).unwrap().parties[0].views.cash.npv;
    for input in ["units", "retail_price", "kit_margin"] {
        let goal = base * dec!(1.1);
        let t = target("maker", Metric::Npv, View::Cash, goal);
        let result = goal_seek(&deal, input, &t, None).unwrap();
        match result.outcome {
            Outcome::Solved { value, metric, .. } => {
                assert!(value > result.base_input, "{input}: {value}");
                if input != "units" {
                    assert!((metric - goal).abs() <= dec!(1), "{input}: {metric}");
                }
            }
            // Whole units may step over the target: that is an answer too.
            Outcome::NoSolution { reason, .. } => {
                assert_eq!(input, "units", "{reason}");
                assert!(reason.contains("jumps past"), "{reason}");
            }
        }
    }
}
