//! Entry modes on the Kenya example (DOMAIN.md §7): the manufacturer's cash view under direct
//! export, licensing, the JV as entered and a wholly-owned subsidiary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::entry_modes::{
    EntryMode, EntryOptions, ModeResult, cbu_fob_price, compare_modes, mode_deal,
};
use jv_engine::analysis::settings::SpecSource;
use jv_engine::{Deal, evaluate, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

fn kenya() -> Deal {
    read_deal(KENYA).unwrap()
}

/// The default options without the Monte Carlo P10 (tested on its own below).
fn no_p10() -> EntryOptions {
    EntryOptions {
        p10_iterations: 0,
        ..EntryOptions::default()
    }
}

fn modes() -> Vec<ModeResult> {
    compare_modes(&kenya(), &no_p10()).unwrap().modes
}

fn mode(mode: EntryMode) -> ModeResult {
    modes().into_iter().find(|m| m.mode == mode).unwrap()
}

#[test]
fn every_mode_evaluates_in_order() {
    let all = modes();
    let order: Vec<EntryMode> = all.iter().map(|m| m.mode).collect();
    assert_eq!(order, EntryMode::ALL.to_vec());
    for m in &all {
        assert_eq!(m.error, None, "{}", m.label);
        assert!(m.npv_cash.is_some(), "{}", m.label);
        assert_eq!(m.flows.len(), 11, "{}", m.label);
        assert_eq!(m.monte_carlo_p10, None);
        assert_eq!(
            m.p10_note.as_deref(),
            Some("Monte Carlo P10 not computed (0 iterations asked for)")
        );
    }
}

#[test]
fn the_jv_mode_is_the_deal_as_entered() {
    let deal = kenya();
    let evaluation = evaluate(&deal).unwrap();
    let maker = &evaluation.parties[0].views.cash;
    let jv = mode(EntryMode::JointVenture);
    assert_eq!(jv.npv_cash, Some(maker.npv));
    assert_eq!(jv.irr_cash, maker.irr);
    assert_eq!(jv.npv_cash.unwrap().round_dp(2), dec!(3669599.06));
    assert_eq!(jv.irr_cash, Some(dec!(0.45319333431047)));
    // The maker pays USD 1.2m at closing and never calls more.
    assert_eq!(jv.capital_at_risk, Some(dec!(1200000)));
}

#[test]
fn the_wholly_owned_subsidiary_risks_all_the_cash() {
    let wos = mode(EntryMode::WhollyOwned);
    let jv = mode(EntryMode::JointVenture);
    // Both partners' USD 1.2m + 0.8m now come from the maker.
    assert_eq!(wos.capital_at_risk, Some(dec!(2000000)));
    assert!(wos.capital_at_risk >= jv.capital_at_risk);
    assert_eq!(wos.npv_cash.unwrap().round_dp(2), dec!(3933309.32));
    assert_eq!(wos.irr_cash, Some(dec!(0.35133094275836)));
    // The maker keeps the whole JV profit.
    let (deal, _) = mode_deal(&kenya(), EntryMode::WhollyOwned, &EntryOptions::default()).unwrap();
    let evaluation = evaluate(&deal).unwrap();
    assert_eq!(evaluation.equity.parties[0].percent, dec!(100));
    assert_eq!(evaluation.equity.parties[1].percent, dec!(0));
    // The dealer still earns its distribution margin.
    assert!(evaluation.parties[1].views.cash.npv > Decimal::ZERO);
}

#[test]
fn licensing_risks_no_cash_and_keeps_royalty_and_kit_margin() {
    let licensing = mode(EntryMode::Licensing);
    assert_eq!(licensing.capital_at_risk, Some(Decimal::ZERO));
    assert_eq!(licensing.irr_cash, None);
    assert!(licensing.irr_note.unwrap().starts_with("no cash invested"));
    assert_eq!(licensing.npv_cash.unwrap().round_dp(2), dec!(3260107.01));
    assert!(licensing.flows.iter().all(|f| *f >= Decimal::ZERO));
    let (deal, _) = mode_deal(&kenya(), EntryMode::Licensing, &EntryOptions::default()).unwrap();
    assert!(deal.parties[0].contributions.is_empty());
    let evaluation = evaluate(&deal).unwrap();
    assert_eq!(evaluation.equity.parties[1].percent, dec!(100));
    let maker = &evaluation.parties[0].views.cash.pv_by_channel;
    assert_eq!(maker.dividends, Decimal::ZERO);
    assert!(maker.royalties > Decimal::ZERO);
    assert!(maker.kit_margin > Decimal::ZERO);
}

#[test]
fn direct_export_earns_the_margin_on_finished_vehicles_only() {
    let deal = kenya();
    // Kit FOB 2,200 plus (28,000 + 14 × 420) KES ÷ 129 KES/USD of assembly.
    assert_eq!(cbu_fob_price(&deal).round_dp(2), dec!(2462.64));
    let export = mode(EntryMode::DirectExport);
    assert_eq!(export.capital_at_risk, Some(Decimal::ZERO));
    assert_eq!(export.irr_cash, None);
    assert_eq!(export.npv_cash.unwrap().round_dp(2), dec!(2609305.70));
    let (changed, note) =
        mode_deal(&deal, EntryMode::DirectExport, &EntryOptions::default()).unwrap();
    assert!(note.contains("25 points"));
    assert_eq!(changed.market.import_duty_kits, dec!(0.25));
    assert!(changed.agreements.licence.is_none());
    let evaluation = evaluate(&changed).unwrap();
    let maker = &evaluation.parties[0].views.cash;
    assert_eq!(maker.pv_by_channel.royalties, Decimal::ZERO);
    assert_eq!(maker.pv_by_channel.dividends, Decimal::ZERO);
    assert_eq!(maker.npv, maker.pv_by_channel.kit_margin);
    // Year 1: 600 units × 2,462.64 × 12 %.
    assert_eq!(maker.flows[1].round_dp(2), dec!(177309.77));
}

#[test]
fn the_cbu_duty_does_not_change_the_makers_margin_but_is_used() {
    let options = EntryOptions {
        cbu_duty_difference: dec!(0.40),
        ..no_p10()
    };
    let (changed, _) = mode_deal(&kenya(), EntryMode::DirectExport, &options).unwrap();
    assert_eq!(changed.market.import_duty_kits, dec!(0.40));
    let result = compare_modes(&kenya(), &options).unwrap();
    assert_eq!(result.options.cbu_duty_difference, dec!(0.40));
    // Same units, same CBU price: the maker's export margin does not depend on the duty.
    assert_eq!(
        result.modes[0].npv_cash,
        mode(EntryMode::DirectExport).npv_cash
    );
}

#[test]
fn the_base_deal_is_never_edited() {
    let deal = kenya();
    let before = deal.clone();
    let _ = compare_modes(&deal, &no_p10()).unwrap();
    assert_eq!(deal, before);
}

#[test]
fn each_mode_has_a_monte_carlo_p10_from_the_stored_spec() {
    let options = EntryOptions {
        p10_iterations: 200,
        ..EntryOptions::default()
    };
    let result = compare_modes(&kenya(), &options).unwrap();
    assert_eq!(result.p10_spec, SpecSource::Stored);
    for m in &result.modes {
        let p10 = m
            .monte_carlo_p10
            .unwrap_or_else(|| panic!("{}: {:?}", m.label, m.p10_note));
        // The stored spec leans to the downside (fewer units, a weaker shilling), so a
        // 1-in-10 bad draw is below the base case.
        assert!(p10 < m.npv_cash.unwrap(), "{}: {p10}", m.label);
    }
    // Reproducible: the seed is fixed.
    let again = compare_modes(&kenya(), &options).unwrap();
    assert_eq!(result.modes, again.modes);
    // Without the stored spec the default one is used, and the figures differ.
    let mut deal = kenya();
    deal.analysis.monte_carlo = None;
    let default = compare_modes(&deal, &options).unwrap();
    assert_eq!(default.p10_spec, SpecSource::Default);
    assert_ne!(
        default.modes[2].monte_carlo_p10,
        result.modes[2].monte_carlo_p10
    );
}
