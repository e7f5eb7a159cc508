//! A two-year deal small enough to compute by hand: every figure of the projection, the
//! cap table and each party's flows is asserted against the arithmetic written out here.

#![allow(clippy::unwrap_used)]

use jv_engine::{Evaluation, evaluate, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn evaluation() -> Evaluation {
    let text = include_str!("fixtures/hand-computed.jvdeal");
    evaluate(&read_deal(text).unwrap()).unwrap()
}

fn close(actual: Decimal, expected: Decimal) {
    assert!(
        (actual - expected).abs() < dec!(0.000001),
        "{actual} != {expected}"
    );
}

#[test]
fn cap_table_follows_contributed_value() {
    let ev = evaluation();
    // maker 1,000 cash + 200 technology, dealer 2,000 cash: 37.5 % and 62.5 % of 1,000.
    let rows = &ev.equity.parties;
    assert_eq!((rows[0].shares, rows[0].percent), (dec!(375), dec!(37.5)));
    assert_eq!((rows[1].shares, rows[1].percent), (dec!(625), dec!(62.5)));
    assert_eq!(rows[0].value_contributed, dec!(1200));
}

#[test]
fn projection_year_one() {
    let y = &evaluation().projection.years[1];
    assert_eq!(y.fx, dec!(110));
    // 10 units at wholesale 25,000 × (1 − 20 %) = 20,000.
    assert_eq!(y.revenue, dec!(200000));
    // Kit 100 USD × 1.10 duty × 110 = 12,100, plus 1,000 local parts.
    assert_eq!(y.landed_kit_cost, dec!(12100));
    assert_eq!(y.cogs, dec!(131000));
    assert_eq!(y.royalty, dec!(10000));
    assert_eq!(y.opex, dec!(10000));
    assert_eq!(y.ebitda, dec!(49000));
    assert_eq!(y.depreciation, dec!(50000));
    // Technology 200 USD × 100 KES at closing over 2 years.
    assert_eq!(y.amortisation, dec!(10000));
    assert_eq!(y.ebit, dec!(-11000));
    assert_eq!(y.tax, dec!(0));
    assert_eq!(y.net_income, dec!(-11000));
    assert_eq!(y.losses_carried_forward, dec!(11000));
    assert_eq!(y.dividends, dec!(0));
    // 200,000 after closing capex, −11,000 profit, +60,000 depreciation and amortisation.
    assert_eq!(y.cash, dec!(249000));
    assert_eq!(y.book_equity, dec!(309000));
}

#[test]
fn projection_year_two() {
    let y = &evaluation().projection.years[2];
    assert_eq!(y.fx, dec!(121));
    assert_eq!(y.retail_price, dec!(27500));
    assert_eq!(y.revenue, dec!(440000));
    assert_eq!(y.landed_kit_cost, dec!(13310));
    assert_eq!(y.cogs, dec!(288200));
    assert_eq!(y.ebitda, dec!(118800));
    assert_eq!(y.ebit, dec!(58800));
    // The year-1 loss of 11,000 is used first: 30 % of 47,800.
    assert_eq!(y.tax, dec!(14340));
    assert_eq!(y.net_income, dec!(44460));
    // Full payout of cumulative profit −11,000 + 44,460.
    assert_eq!(y.dividends, dec!(33460));
    assert_eq!(y.cash, dec!(320000));
    assert_eq!(y.book_equity, dec!(320000));
}

#[test]
fn closing_year_holds_only_funding() {
    let y = &evaluation().projection.years[0];
    assert_eq!(y.cash_contributed, dec!(300000));
    assert_eq!(y.capex, dec!(100000));
    assert_eq!(y.cash, dec!(200000));
    assert_eq!(y.book_equity, dec!(320000));
}

#[test]
fn technology_partner_flows_by_channel() {
    let ev = evaluation();
    let maker = &ev.parties[0];
    let ch = &maker.channels;
    assert_eq!(ch.contributions, vec![dec!(-1000), dec!(0), dec!(0)]);
    assert_eq!(ch.in_kind, vec![dec!(-200), dec!(0), dec!(0)]);
    // Royalties after 20 % withholding, converted at 110 and 121.
    close(ch.royalties[1], dec!(8000) / dec!(110));
    close(ch.royalties[2], dec!(17600) / dec!(121));
    assert_eq!(ch.kit_margin, vec![dec!(0), dec!(200), dec!(400)]);
    // 37.5 % of 33,460 after 10 % withholding.
    close(ch.dividends[2], dec!(11292.75) / dec!(121));
    // 37.5 % of book equity 320,000.
    close(ch.exit[2], dec!(120000) / dec!(121));
    let y1 = dec!(8000) / dec!(110) + dec!(200);
    let y2 =
        dec!(11292.75) / dec!(121) + dec!(17600) / dec!(121) + dec!(400) + dec!(120000) / dec!(121);
    let cash_npv = dec!(-1000) + y1 / dec!(1.1) + y2 / dec!(1.21);
    close(maker.views.cash.npv, cash_npv);
    close(maker.views.economic.npv, cash_npv - dec!(200));
    close(maker.views.cash.flows[2], y2);
    // MOIC: gross inflows over the 1,000 paid in (1,200 in the economic view).
    close(maker.views.cash.moic.unwrap(), (y1 + y2) / dec!(1000));
    close(maker.views.economic.moic.unwrap(), (y1 + y2) / dec!(1200));
    assert_eq!(maker.views.cash.payback_year, Some(2));
}

#[test]
fn dealer_flows_by_channel() {
    let ev = evaluation();
    let dealer = &ev.parties[1];
    let ch = &dealer.channels;
    // Resident: no withholding on its 62.5 % of the dividend.
    close(ch.dividends[2], dec!(20912.5) / dec!(121));
    // Units × retail × (20 % − 5 %) × (1 − 30 %) in USD.
    close(ch.distribution[1], dec!(26250) / dec!(110));
    close(ch.distribution[2], dec!(57750) / dec!(121));
    close(ch.exit[2], dec!(200000) / dec!(121));
    assert_eq!(ch.royalties, vec![dec!(0); 3]);
    let irr = dealer.views.cash.irr.unwrap();
    let flows = &dealer.views.cash.flows;
    let npv_at_irr = flows[0]
        + flows[1] / (Decimal::ONE + irr)
        + flows[2] / ((Decimal::ONE + irr) * (Decimal::ONE + irr));
    assert!(
        npv_at_irr.abs() < dec!(0.000001),
        "NPV at IRR is {npv_at_irr}"
    );
}

#[test]
fn book_value_exit_and_jv_metrics() {
    let ev = evaluation();
    assert_eq!(ev.exit.equity_value, dec!(320000));
    assert_eq!(ev.exit.net_debt, dec!(-320000));
    assert_eq!(ev.jv.first_profit_year, Some(2));
    // Shareholders paid in 3,000 USD of cash at closing and nothing since.
    assert_eq!(ev.jv.peak_funding, dec!(3000));
    assert!(ev.warnings.is_empty(), "{:?}", ev.warnings);
}
