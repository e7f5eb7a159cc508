//! Scenarios and the tornado on the Kenya example (DOMAIN.md §7).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::drivers::{Op, Override, OverrideError, apply, drivers, get};
use jv_engine::analysis::scenarios::{
    Scenario, ScenarioResult, builtins, dealer_cannot_fund, fx_crisis, milestone_missed,
    royalty_cap_enforced, run, run_scenarios, tariff_shock, volume_shortfall,
};
use jv_engine::analysis::tornado::{Metric, Range, View, tornado};
use jv_engine::model::{RoyaltyCap, RoyaltyCapKind, Tranche};
use jv_engine::{Deal, DealError, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

fn kenya() -> Deal {
    read_deal(KENYA).unwrap()
}

fn party<'r>(
    result: &'r ScenarioResult,
    id: &str,
) -> &'r jv_engine::analysis::scenarios::PartyFigures {
    result.parties.iter().find(|p| p.id == id).unwrap()
}

/// Base and one scenario.
fn pair(deal: &Deal, scenario: Scenario) -> (ScenarioResult, ScenarioResult) {
    let mut results = run(deal, &[scenario]).unwrap();
    assert_eq!(results.len(), 2);
    let changed = results.pop().unwrap();
    assert_eq!(changed.error, None, "{}", changed.name);
    (results.pop().unwrap(), changed)
}

#[test]
fn a_scenario_never_mutates_the_base() {
    let mut deal = kenya();
    let (mut all, _) = builtins(&deal);
    all.push(Scenario {
        name: "Bad".to_owned(),
        description: String::new(),
        overrides: vec![Override::set("plan.nothing", dec!(1))],
    });
    deal.scenarios = all.clone();
    let before = deal.clone();
    let _ = run(&deal, &all);
    for scenario in &all {
        let _ = apply(&deal, &scenario.overrides);
    }
    assert_eq!(deal, before);
}

#[test]
fn the_base_comes_first_and_matches_the_evaluation() {
    let deal = kenya();
    let results = run_scenarios(&deal).unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].name, "Base case");
    let evaluation = jv_engine::evaluate(&deal).unwrap();
    assert_eq!(
        party(&results[0], "maker").npv_cash,
        evaluation.parties[0].views.cash.npv
    );
    assert!(results[0].jv_cash_low_point.is_some());
}

#[test]
fn fx_crisis_lowers_the_dealers_npv_in_dollars() {
    let deal = kenya();
    let (base, crisis) = pair(&deal, fx_crisis(&deal).unwrap());
    assert!(party(&crisis, "dealer").npv_cash < party(&base, "dealer").npv_cash);
    assert!(party(&crisis, "maker").npv_economic < party(&base, "maker").npv_economic);
}

#[test]
fn tariff_shock_lowers_both_npvs() {
    let deal = kenya();
    let scenario = tariff_shock(&deal).unwrap();
    let changed = apply(&deal, &scenario.overrides).unwrap();
    assert_eq!(changed.market.import_duty_kits, dec!(0.15));
    let (base, shock) = pair(&deal, scenario);
    for id in ["maker", "dealer"] {
        assert!(
            party(&shock, id).npv_cash < party(&base, id).npv_cash,
            "{id}"
        );
    }
}

#[test]
fn volume_shortfall_lowers_both_npvs() {
    let deal = kenya();
    let (base, short) = pair(&deal, volume_shortfall(&deal).unwrap());
    for id in ["maker", "dealer"] {
        assert!(
            party(&short, id).npv_cash < party(&base, id).npv_cash,
            "{id}"
        );
    }
}

#[test]
fn dealer_cannot_fund_switches_off_its_capital_calls() {
    let deal = kenya();
    let scenario = dealer_cannot_fund(&deal).unwrap();
    let changed = apply(&deal, &scenario.overrides).unwrap();
    assert!(!changed.parties[1].joins_capital_calls);
    assert!(deal.parties[1].joins_capital_calls);
    let (_, result) = pair(&deal, scenario);
    assert_eq!(result.parties.len(), 2);
}

#[test]
fn milestone_missed_is_skipped_without_tranches_and_forfeits_the_first_with_them() {
    let mut deal = kenya();
    let reason = milestone_missed(&deal).unwrap_err().reason;
    assert!(reason.contains("tranches"), "{reason}");
    deal.parties[0].contributions[1].tranches = vec![
        Tranche {
            share: dec!(0.5),
            milestone: "first local assembly".to_owned(),
            year: 1,
            missed: false,
        },
        Tranche {
            share: dec!(0.5),
            milestone: "localisation 40 %".to_owned(),
            year: 3,
            missed: false,
        },
    ];
    jv_engine::evaluate(&deal).unwrap();
    let scenario = milestone_missed(&deal).unwrap();
    let changed = apply(&deal, &scenario.overrides).unwrap();
    assert!(changed.parties[0].contributions[1].tranches[0].missed);
    let (base, missed) = pair(&deal, scenario);
    assert!(party(&missed, "maker").npv_economic < party(&base, "maker").npv_economic);
    assert!(party(&missed, "dealer").npv_economic > party(&base, "dealer").npv_economic);
}

#[test]
fn royalty_cap_cuts_the_royalty_and_the_makers_royalty_income() {
    let mut deal = kenya();
    assert!(royalty_cap_enforced(&deal).is_err());
    deal.market.royalty_cap = Some(RoyaltyCap {
        kind: RoyaltyCapKind::Approval,
        rate: dec!(0.01),
        covers_fees: false,
    });
    let scenario = royalty_cap_enforced(&deal).unwrap();
    let (base, capped) = pair(&deal, scenario);
    assert!(party(&capped, "dealer").npv_cash > party(&base, "dealer").npv_cash);
    assert!(party(&capped, "maker").npv_cash < party(&base, "maker").npv_cash);
}

#[test]
fn builtins_on_kenya_are_four_and_two_skipped() {
    let (ok, skipped) = builtins(&kenya());
    let names: Vec<_> = ok.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "FX crisis",
            "Tariff shock",
            "Volume shortfall",
            "Dealer cannot fund"
        ]
    );
    assert_eq!(skipped.len(), 2);
}

#[test]
fn an_invalid_path_is_an_error_naming_it() {
    let deal = kenya();
    let error = apply(&deal, &[Override::set("plan.retail_prize", dec!(1))]).unwrap_err();
    assert_eq!(
        error,
        OverrideError::NoSuchField {
            path: "plan.retail_prize".to_owned()
        }
    );
    assert!(error.to_string().contains("plan.retail_prize"));
    let error = apply(&deal, &[Override::scale("market.country", dec!(2))]).unwrap_err();
    assert!(error.to_string().contains("market.country"), "{error}");
    assert!(error.to_string().contains("not a number"), "{error}");
    let error = apply(
        &deal,
        &[Override::scale("parties[7].discount_rate", dec!(2))],
    )
    .unwrap_err();
    assert_eq!(error.path(), "parties[7].discount_rate");
    let error = apply(&deal, &[Override::scale("market.fx_depreciation", dec!(2))]).unwrap_err();
    assert!(matches!(error, OverrideError::Empty { .. }));
}

#[test]
fn a_stored_scenario_with_a_bad_path_fails_validation_at_its_path() {
    let mut deal = kenya();
    deal.scenarios = vec![Scenario {
        name: "Typo".to_owned(),
        description: String::new(),
        overrides: vec![
            Override::scale("plan.retail_price", dec!(0.9)),
            Override {
                path: "market.inflaton".to_owned(),
                op: Op::Set(dec!(0.1)),
            },
        ],
    }];
    let Err(DealError::Invalid(errors)) = jv_engine::evaluate(&deal) else {
        panic!("a bad override path must fail validation");
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "scenarios[0].overrides[1].path");
    assert!(errors[0].message.contains("market.inflaton"));
}

#[test]
fn scenarios_survive_the_file_round_trip() {
    let mut deal = kenya();
    deal.scenarios = builtins(&deal).0;
    let text = serde_json::to_string_pretty(&deal).unwrap();
    assert_eq!(read_deal(&text).unwrap(), deal);
    let results = run_scenarios(&deal).unwrap();
    assert_eq!(results.len(), 5);
    assert!(results.iter().all(|r| r.error.is_none()));
}

#[test]
fn drivers_get_and_scale_their_fields() {
    let deal = kenya();
    let catalogue = drivers(&deal);
    assert!(catalogue.len() >= 20, "{}", catalogue.len());
    let royalty = catalogue.iter().find(|d| d.id == "royalty_rate").unwrap();
    assert_eq!(royalty.base, dec!(0.03));
    let changed = apply(&deal, &royalty.scaled(dec!(1.5))).unwrap();
    assert_eq!(
        get(&changed, "agreements.licence.royalty_rate").unwrap(),
        Some(dec!(0.045))
    );
    assert_eq!(get(&deal, "market.fx_depreciation").unwrap(), None);
}

#[test]
fn a_tornado_with_all_ranges_zero_has_zero_swings() {
    let deal = kenya();
    let ranges: Vec<Range> = drivers(&deal)
        .into_iter()
        .map(|d| Range {
            driver: d.id,
            low: Decimal::ZERO,
            high: Decimal::ZERO,
        })
        .collect();
    for (metric, view) in [(Metric::Npv, View::Cash), (Metric::Irr, View::Economic)] {
        let t = tornado(&deal, "dealer", metric, view, &ranges).unwrap();
        assert!(t.bars.iter().all(|b| b.swing.is_zero()), "{t:?}");
        assert!(t.bars.iter().all(|b| b.low == t.base && b.high == t.base));
    }
}

#[test]
fn the_tornado_is_sorted_and_moves_the_right_way() {
    let deal = kenya();
    let t = tornado(&deal, "dealer", Metric::Npv, View::Cash, &[]).unwrap();
    assert!(t.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    let price = t.bars.iter().find(|b| b.driver == "retail_price").unwrap();
    assert!(price.high.unwrap() > price.low.unwrap());
    assert_eq!(price.low_input, dec!(416000));
    let own = t
        .bars
        .iter()
        .find(|b| b.driver == "discount_rate.dealer")
        .unwrap();
    assert!(own.high.unwrap() < own.low.unwrap());
    assert!(t.bars[0].swing > Decimal::ZERO);
}

#[test]
fn the_tornado_names_an_unknown_party_or_driver() {
    let deal = kenya();
    let error = tornado(&deal, "bank", Metric::Npv, View::Cash, &[]).unwrap_err();
    assert!(error.to_string().contains("\"bank\""), "{error}");
    let range = Range {
        driver: "moon_phase".to_owned(),
        low: dec!(-0.1),
        high: dec!(0.1),
    };
    let error = tornado(&deal, "maker", Metric::Npv, View::Cash, &[range]).unwrap_err();
    assert!(error.to_string().contains("moon_phase"), "{error}");
}

#[test]
fn a_dealer_that_cannot_fund_pays_no_calls_and_is_diluted_when_calls_come() {
    // The Kenya base needs no capital calls; with the tariff shock and the volume shortfall
    // it does, and the dealer who cannot fund them is diluted.
    let kenya = kenya();
    let mut overrides = tariff_shock(&kenya).unwrap().overrides;
    overrides.extend(volume_shortfall(&kenya).unwrap().overrides);
    let stressed = apply(&kenya, &overrides).unwrap();
    let calls = |deal: &Deal| -> Decimal {
        jv_engine::evaluate(deal).unwrap().parties[1]
            .channels
            .capital_calls
            .iter()
            .copied()
            .sum()
    };
    assert!(
        !calls(&stressed).is_zero(),
        "the stressed deal calls capital"
    );
    let scenario = dealer_cannot_fund(&stressed).unwrap();
    let unfunded = apply(&stressed, &scenario.overrides).unwrap();
    assert!(calls(&unfunded).is_zero());
    let last = |deal: &Deal| {
        let e = jv_engine::evaluate(deal).unwrap();
        e.equity.by_year.last().unwrap().parties[1].percent
    };
    assert!(last(&unfunded) < last(&stressed));
}
