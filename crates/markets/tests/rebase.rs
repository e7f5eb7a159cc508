//! Moving a deal to a market with another currency: the local partner becomes a resident of
//! the new market, and every local-currency amount keeps its value in the reporting
//! currency at the new exchange rate.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use jv_engine::model::Deal;
use jv_engine::{Evaluation, evaluate, read_deal};
use jv_markets::{ApplyError, ApplyOptions, apply_preset_with, shipped_preset};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use support::repo;

fn example(name: &str) -> Deal {
    read_deal(&std::fs::read_to_string(repo(&format!("examples/{name}"))).unwrap()).unwrap()
}

/// Test rates, not market data: round figures of the right order of magnitude, chosen for
/// these tests only (the presets have no spot rate; the app asks the user for today's).
const TEST_NGN_PER_USD: Decimal = dec!(1550);
const TEST_GHS_PER_USD: Decimal = dec!(15);

fn at(fx_spot: Decimal) -> ApplyOptions {
    ApplyOptions {
        fx_spot: Some(fx_spot),
    }
}

/// Each party's NPV in the cash view, in party order.
fn cash_npvs(evaluation: &Evaluation) -> Vec<Decimal> {
    evaluation
        .parties
        .iter()
        .map(|p| p.views.cash.npv)
        .collect()
}

/// The local-currency amounts of a deal, by path.
fn amounts(deal: &Deal) -> Vec<Decimal> {
    let plan = &deal.plan;
    let mut all = vec![
        plan.retail_price,
        plan.local_parts_per_unit,
        plan.wage_per_hour,
        plan.fixed_overhead,
        plan.maintenance_capex,
        deal.financing.minimum_cash,
    ];
    all.extend(plan.capex.iter().map(|c| c.amount));
    all.extend(deal.financing.loan.iter().map(|l| l.amount));
    all
}

#[test]
fn the_kenya_deal_on_nigeria_at_a_given_rate() {
    let kenya = example("kenya-e3w-ckd.jvdeal");
    let on_kenya = evaluate(&kenya).unwrap();
    let mut deal = kenya.clone();
    let applied = apply_preset_with(
        &mut deal,
        &shipped_preset("NG").unwrap(),
        &at(TEST_NGN_PER_USD),
    )
    .unwrap();

    // The dealer is now a Nigerian resident; the maker stays Chinese.
    assert_eq!(applied.moved, ["dealer"]);
    assert_eq!(deal.parties[0].home_country, "CN");
    assert_eq!(deal.parties[1].home_country, "NG");
    assert_eq!(deal.market.fx_spot, dec!(1550));
    assert!(!applied.unknown.contains(&"fx_spot".to_owned()));

    // Year-1 amounts × fx_NG(1) ÷ fx_KE(1). Both markets move with relative PPP against
    // 2.5 % USD inflation: fx_KE(1) = 129 × 1.045 ÷ 1.025 = 131.517073170732 and
    // fx_NG(1) = 1550 × 1.332 ÷ 1.025 = 2014.243902439024 (12 dp, as the timeline keeps
    // them), a ratio of 15.315455658…; 520,000 × that = 7,964,036.94 → 7,964,037.
    let plan = &deal.plan;
    assert_eq!(plan.retail_price, dec!(7964037));
    assert_eq!(plan.local_parts_per_unit, dec!(428833));
    assert_eq!(plan.wage_per_hour, dec!(6432));
    assert_eq!(plan.fixed_overhead, dec!(842350061));
    assert_eq!(plan.maintenance_capex, dec!(61261823));
    // Year-0 amounts at the spot ratio 1550 ÷ 129: 110m × 12.015503876 = 1,321,705,426.
    assert_eq!(plan.capex[0].amount, dec!(1321705426));
    assert_eq!(plan.capex[1].amount, dec!(420542636));
    assert_eq!(
        deal.financing.loan.as_ref().unwrap().amount,
        dec!(600775194)
    );
    assert_eq!(deal.financing.minimum_cash, dec!(300387597));
    assert_eq!(
        applied.rebased,
        [
            "plan.retail_price",
            "plan.local_parts_per_unit",
            "plan.wage_per_hour",
            "plan.fixed_overhead",
            "plan.capex[0].amount",
            "plan.capex[1].amount",
            "plan.maintenance_capex",
            "financing.loan.amount",
            "financing.minimum_cash",
        ]
    );
    // Reporting-currency amounts stay: kit price, technical fee, contributions.
    assert_eq!(deal.agreements.kit_supply.kit_fob_price, dec!(2200));
    assert_eq!(
        deal.agreements.licence.as_ref().unwrap().technical_fee,
        dec!(40000)
    );
    assert_eq!(
        deal.parties[0].contributions,
        kenya.parties[0].contributions
    );
    assert_eq!(
        deal.parties[1].contributions,
        kenya.parties[1].contributions
    );

    let on_nigeria = evaluate(&deal).unwrap();
    let (ke, ng) = (cash_npvs(&on_kenya), cash_npvs(&on_nigeria));
    eprintln!("cash NPV, USD: Kenya {ke:?}, Nigeria {ng:?}");
    let dealer = &on_nigeria.parties[1];
    assert!(dealer.resident);
    assert_eq!(dealer.withholding.dividends, Decimal::ZERO);
    // Kenya: maker USD 3.67m, dealer 1.11m; Nigeria: 3.43m and 0.90m. Both markets move
    // with relative PPP, so the real business is the same and only the market's terms
    // differ: 30 % tax from year 1 instead of Kenya's 15 % for five years (the dealer's
    // dividends fall most), the 7.5 % China treaty rate instead of 15 %, no 4.5 % import
    // levies, and 33 % inflation eroding the tax value of depreciation. None of that moves a
    // party's NPV by more than 30 %.
    for (party, (ke, ng)) in ke.iter().zip(&ng).enumerate() {
        assert!(*ng > Decimal::ZERO, "party {party}: {ng}");
        assert!(
            *ng > ke * dec!(0.7) && *ng < ke * dec!(1.3),
            "party {party}: Kenya {ke}, Nigeria {ng}"
        );
    }
    let codes: Vec<&str> = on_nigeria.warnings.iter().map(|w| w.code).collect();
    assert!(
        codes.contains(&"technology_fee_refused_on_ckd"),
        "{codes:?}"
    );
    assert!(
        on_nigeria
            .warnings
            .iter()
            .all(|w| w.code != "foreign_share_above_limit" && w.code != "foreign_trade_licence"),
        "{codes:?}"
    );

    // Back to Kenya at the deal's old rate: the same ratios inverted give the same amounts.
    let applied =
        apply_preset_with(&mut deal, &shipped_preset("KE").unwrap(), &at(dec!(129))).unwrap();
    assert_eq!(applied.moved, ["dealer"]);
    assert_eq!(deal.parties[1].home_country, "KE");
    assert_eq!(amounts(&deal), amounts(&kenya));
}

#[test]
fn the_dealer_moved_counts_as_local_for_the_ownership_limit() {
    // Ghana caps the foreign share at 90 %: with the dealer resident, only the maker counts.
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    let applied = apply_preset_with(
        &mut deal,
        &shipped_preset("GH").unwrap(),
        &at(TEST_GHS_PER_USD),
    )
    .unwrap();
    assert_eq!(applied.moved, ["dealer"]);
    assert_eq!(deal.market.foreign_ownership_limit, Some(dec!(0.90)));
    let evaluation = evaluate(&deal).unwrap();
    assert!(
        evaluation
            .warnings
            .iter()
            .all(|w| w.code != "foreign_share_above_limit"),
        "{:#?}",
        evaluation.warnings
    );
    // Left in Kenya, the dealer would make the JV wholly foreign-owned.
    deal.parties[1].home_country = "KE".to_owned();
    let evaluation = evaluate(&deal).unwrap();
    assert!(
        evaluation
            .warnings
            .iter()
            .any(|w| w.code == "foreign_share_above_limit")
    );
}

#[test]
fn a_new_currency_without_a_rate_is_refused_and_the_deal_untouched() {
    let kenya = example("kenya-e3w-ckd.jvdeal");
    let mut deal = kenya.clone();
    let nigeria = shipped_preset("NG").unwrap();
    let error = apply_preset_with(&mut deal, &nigeria, &ApplyOptions::default()).unwrap_err();
    assert_eq!(
        error,
        ApplyError::NeedsFxSpot {
            country: "NG".to_owned(),
            currency: "NGN".to_owned(),
            reporting_currency: "USD".to_owned(),
        }
    );
    assert_eq!(
        error.to_string(),
        "the NG preset has no USD/NGN spot rate: enter today's rate"
    );
    assert_eq!(deal, kenya);

    let error = apply_preset_with(&mut deal, &nigeria, &at(dec!(0))).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the USD/NGN spot rate must be above zero; it is 0"
    );
    assert_eq!(deal, kenya);
}

#[test]
fn the_same_currency_again_converts_nothing() {
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    let nigeria = shipped_preset("NG").unwrap();
    apply_preset_with(&mut deal, &nigeria, &at(TEST_NGN_PER_USD)).unwrap();
    let before = amounts(&deal);
    // No rate needed for the same currency; a new one replaces the spot, not the amounts.
    let applied = apply_preset_with(&mut deal, &nigeria, &ApplyOptions::default()).unwrap();
    assert!(applied.rebased.is_empty() && applied.moved.is_empty());
    assert_eq!(deal.market.fx_spot, dec!(1550));
    let applied = apply_preset_with(&mut deal, &nigeria, &at(dec!(1600))).unwrap();
    assert!(applied.rebased.is_empty());
    assert_eq!(deal.market.fx_spot, dec!(1600));
    assert_eq!(amounts(&deal), before);
    // Kenya on Kenya: nothing moves, nothing is converted.
    let mut kenya = example("kenya-e3w-ckd.jvdeal");
    let applied = apply_preset_with(
        &mut kenya,
        &shipped_preset("KE").unwrap(),
        &ApplyOptions::default(),
    )
    .unwrap();
    assert!(applied.rebased.is_empty() && applied.moved.is_empty());
    assert_eq!(amounts(&kenya), amounts(&example("kenya-e3w-ckd.jvdeal")));
}
