//! Fair split and equity against royalty on the Kenya example (DOMAIN.md §7).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::analysis::fairsplit::{FairSplit, fair_split};
use jv_engine::analysis::goalseek::{GoalSeekError, Outcome};
use jv_engine::{Deal, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

fn kenya() -> Deal {
    read_deal(KENYA).unwrap()
}

fn solved_share(outcome: &Outcome) -> Decimal {
    match outcome {
        Outcome::Solved { value, .. } => *value,
        other => panic!("{other:?}"),
    }
}

fn split() -> FairSplit {
    fair_split(&kenya()).unwrap()
}

#[test]
fn by_value_contributed_the_ratios_are_equal_and_the_split_sums_to_one() {
    let f = split();
    assert_eq!(f.technology_partner, "maker");
    let share = solved_share(&f.by_value.outcome);
    let [maker, dealer] = f.by_value.parties.as_slice() else {
        panic!("{:?}", f.by_value.parties);
    };
    assert_eq!(maker.share, share);
    assert_eq!(maker.share + dealer.share, Decimal::ONE);
    let (a, b) = (maker.ratio.unwrap(), dealer.ratio.unwrap());
    assert!((a - b).abs() <= dec!(0.000001), "{a} {b}");
    // Today the maker earns more per contributed dollar (2,978,671 / 1,890,928 = 1.58 against
    // the dealer's 664,067 / 1,250,000 = 0.53), so the fair split gives the dealer more.
    let [now_maker, now_dealer] = f.current.as_slice() else {
        panic!()
    };
    assert_eq!(now_maker.share.round_dp(6), dec!(0.602029));
    assert!(now_maker.ratio.unwrap() > now_dealer.ratio.unwrap());
    assert!(share < now_maker.share, "{share}");
    // Value contributed does not depend on the split.
    assert_eq!(maker.value_contributed, now_maker.value_contributed);
    assert_eq!(dealer.value_contributed, dec!(1250000));
}

#[test]
fn by_hurdle_margin_both_irrs_clear_their_hurdles_by_the_same_margin() {
    let f = split();
    let share = solved_share(&f.by_hurdle.outcome);
    let [maker, dealer] = f.by_hurdle.parties.as_slice() else {
        panic!("{:?}", f.by_hurdle.parties);
    };
    assert_eq!(maker.share, share);
    assert_eq!(maker.share + dealer.share, Decimal::ONE);
    assert_eq!(maker.hurdle, dec!(0.15));
    assert_eq!(dealer.hurdle, dec!(0.18));
    let (a, b) = (maker.margin.unwrap(), dealer.margin.unwrap());
    assert!((a - b).abs() <= dec!(0.000001), "{a} {b}");
    assert_eq!(a, maker.irr_economic.unwrap() - dec!(0.15));
}

#[test]
fn the_curve_passes_through_the_deal_and_a_higher_royalty_needs_a_lower_share() {
    let f = split();
    let curve = f.curve.unwrap();
    assert_eq!(curve.current_royalty, dec!(0.03));
    assert_eq!(curve.points.len(), 11);
    assert_eq!(curve.points[0].royalty_rate, dec!(0));
    assert_eq!(curve.points[10].royalty_rate, dec!(0.06));
    let marked: Vec<_> = curve.points.iter().filter(|p| p.current).collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].royalty_rate, dec!(0.03));
    // At the deal's royalty the share that keeps the maker's NPV is the deal's share.
    let at_deal = marked[0].share.unwrap();
    assert!(
        (at_deal - curve.current_share).abs() <= dec!(0.000001),
        "{at_deal} {}",
        curve.current_share
    );
    assert_eq!(
        curve.npv_economic.round(),
        f.current[0].npv_economic.round()
    );
    let shares: Vec<Decimal> = curve.points.iter().filter_map(|p| p.share).collect();
    assert!(shares.len() >= 6, "{:?}", curve.points);
    assert!(shares.windows(2).all(|w| w[0] > w[1]), "{shares:?}");
}

#[test]
fn a_deal_without_a_technology_partner_or_licence_is_not_applicable() {
    let mut deal = kenya();
    deal.parties[0].role = jv_engine::model::Role::Investor;
    deal.agreements.licence = None;
    assert!(matches!(
        fair_split(&deal),
        Err(GoalSeekError::NotApplicable(_))
    ));
}
