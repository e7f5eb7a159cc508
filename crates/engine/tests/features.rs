//! One test per model feature, each a small variant of the hand-computed two-year deal
//! (`fixtures/hand-computed.jvdeal`, checked in `hand_computed.rs`), with the expected
//! figures worked out by hand in the test.
//!
//! The base deal, for reference (LCY = KES, RCY = USD):
//! - fx 100, 110, 121 (10 % depreciation); local inflation 10 %, RCY inflation and
//!   escalation 0; tax 30 %; kit duty 10 %; WHT to non-residents: dividends 10 %,
//!   royalties 20 %; residents 0.
//! - maker (CN, 10 %): cash 1,000 + technology 200 (life 2); dealer (KE, 10 %): cash 2,000.
//! - units 10, 20; retail 25,000 (+10 %); dealer margin 20 %, cost to serve 5 %; kit FOB
//!   100 USD, margin 20 %; local parts 1,000; overhead 10,000; royalty 5 %.
//! - capex 100,000 at closing, life 2; payout 100 %; book-value exit.
//! - year 1: revenue 200,000, COGS 131,000, royalty 10,000, opex 10,000, EBITDA 49,000,
//!   depreciation 50,000, amortisation 10,000, EBIT −11,000, net income −11,000,
//!   cash 249,000.
//! - year 2: revenue 440,000, COGS 288,200, royalty 22,000, opex 11,000, EBITDA 118,800,
//!   EBIT 58,800, tax 30 % × 47,800 = 14,340, net income 44,460, dividend 33,460,
//!   cash 320,000, book equity 320,000.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::model::{
    Contribution, ContributionKind, Deal, Exit, LegalReserve, Loan, NegotiatedShare, Party, Role,
    RoyaltyCap, RoyaltyCapKind, SplitMode, TaxIncentive, Tranche, TreatyRate, Units, Valuation,
};
use jv_engine::projection::EventKind;
use jv_engine::{Evaluation, evaluate, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn base() -> Deal {
    read_deal(include_str!("fixtures/hand-computed.jvdeal")).unwrap()
}

fn run(deal: &Deal) -> Evaluation {
    match evaluate(deal) {
        Ok(ev) => ev,
        Err(e) => panic!("the deal does not evaluate: {e:?}"),
    }
}

fn close(actual: Decimal, expected: Decimal) {
    assert!(
        (actual - expected).abs() < dec!(0.000001),
        "{actual} != {expected}"
    );
}

fn codes(ev: &Evaluation) -> Vec<&'static str> {
    ev.warnings.iter().map(|w| w.code).collect()
}

fn has(ev: &Evaluation, code: &str) -> bool {
    ev.warnings.iter().any(|w| w.code == code)
}

fn agreed(kind: ContributionKind, value: Decimal, life: Option<u32>) -> Contribution {
    Contribution {
        kind,
        valuation: Valuation::Agreed { value },
        year: 0,
        useful_life_years: life,
        tranches: Vec::new(),
        note: String::new(),
    }
}

fn investor(cash: Decimal) -> Party {
    Party {
        id: "fund".to_owned(),
        name: "Fund".to_owned(),
        role: Role::Investor,
        home_country: "US".to_owned(),
        discount_rate: dec!(0.12),
        joins_capital_calls: true,
        contributions: vec![agreed(ContributionKind::Cash, cash, None)],
    }
}

/// The base deal over three years: units 10, 20, `units_3` … with year 3 at fx 133.1,
/// retail 30,250 (wholesale 24,200), landed kit 100 × 1.1 × 133.1 = 14,641, local parts
/// 1,210, overhead 12,100; capex and technology are fully written off after year 2.
fn three_years(units: [Decimal; 3]) -> Deal {
    let mut deal = base();
    deal.horizon_years = 3;
    deal.plan.units = Units::Explicit {
        units: units.to_vec(),
    };
    deal
}

// ---------------------------------------------------------------------------------------
// Valuation of contributions
// ---------------------------------------------------------------------------------------

#[test]
fn relief_from_royalty_discounts_after_tax_royalty_in_rcy() {
    let mut deal = base();
    deal.parties[0].contributions[1].valuation = Valuation::ReliefFromRoyalty {
        royalty_rate: dec!(0.04),
        discount_rate: dec!(0.25),
    };
    let ev = run(&deal);
    // Σ ρ × Rev_t ÷ fx_t × (1 − τ) ÷ (1 + r)^t over the 2-year life.
    let y1 = dec!(0.04) * dec!(200000) / dec!(110) * dec!(0.7) / dec!(1.25);
    let y2 = dec!(0.04) * dec!(440000) / dec!(121) * dec!(0.7) / dec!(1.5625);
    let value = y1 + y2;
    assert_eq!(ev.contributions[1].method, "relief_from_royalty");
    close(ev.contributions[1].value, value);
    // About 105.89 USD: the maker holds (1,000 + 105.89) ÷ 3,105.89 of the shares.
    close(ev.equity.parties[0].value_contributed, dec!(1000) + value);
    // Booked at the closing rate and amortised over 2 years.
    close(
        ev.projection.years[1].amortisation,
        value * dec!(100) / dec!(2),
    );
    // A running royalty on top of a stake valued by relief from royalty.
    assert!(has(&ev, "double_paid_technology"), "{:?}", codes(&ev));
    assert!(!has(&ev, "double_paid_distribution"));

    // In a tax-holiday year τ = 0.
    deal.market.tax_holiday_years = 1;
    let ev = run(&deal);
    let y1_holiday = dec!(0.04) * dec!(200000) / dec!(110) / dec!(1.25);
    close(ev.contributions[1].value, y1_holiday + y2);
}

#[test]
fn excess_earnings_use_ebit_before_amortisation_of_contributed_intangibles() {
    let mut deal = base();
    deal.parties[1].contributions.push(Contribution {
        kind: ContributionKind::Distribution,
        valuation: Valuation::ExcessEarnings {
            profit_share: dec!(0.5),
            discount_rate: dec!(0.2),
        },
        year: 0,
        useful_life_years: Some(2),
        tranches: Vec::new(),
        note: String::new(),
    });
    let ev = run(&deal);
    // EBIT before amortisation = EBITDA − depreciation of capex: −1,000 and 68,800.
    // The technology's (and the network's own) amortisation does not enter.
    let y1 = dec!(0.5) * (dec!(49000) - dec!(50000)) * dec!(0.7) / dec!(110) / dec!(1.2);
    let y2 = dec!(0.5) * (dec!(118800) - dec!(50000)) * dec!(0.7) / dec!(121) / dec!(1.44);
    let value = y1 + y2;
    let network = &ev.contributions[3];
    assert_eq!(
        (network.party.as_str(), network.method),
        ("dealer", "excess_earnings")
    );
    close(network.value, value);
    assert!(!network.floored);
    close(ev.equity.parties[1].value_contributed, dec!(2000) + value);
    // Its own amortisation (value × 100 ÷ 2) now lowers EBIT, but not its value.
    close(
        ev.projection.years[1].amortisation,
        dec!(10000) + value * dec!(50),
    );
    assert!(has(&ev, "double_paid_distribution"), "{:?}", codes(&ev));
    assert!(!has(&ev, "double_paid_technology"));
}

#[test]
fn cost_to_recreate_less_obsolescence() {
    let mut deal = base();
    deal.parties[0].contributions[1].valuation = Valuation::CostToRecreate {
        cost: dec!(500),
        obsolescence: dec!(0.2),
    };
    let ev = run(&deal);
    // 500 × (1 − 20 %) = 400.
    assert_eq!(ev.contributions[1].value, dec!(400));
    assert_eq!(ev.contributions[1].method, "cost_to_recreate");
    // 1,400 ÷ 3,400 of 1,000 shares = 411.76 and 588.24: the larger remainder gets the
    // last share.
    assert_eq!(ev.equity.parties[0].shares, dec!(412));
    assert_eq!(ev.equity.parties[1].shares, dec!(588));
    // 400 × 100 ÷ 2 amortised per year.
    assert_eq!(ev.projection.years[1].amortisation, dec!(20000));
}

// ---------------------------------------------------------------------------------------
// Equity
// ---------------------------------------------------------------------------------------

#[test]
fn negotiated_split_shows_value_transfer() {
    let mut deal = base();
    deal.equity.mode = SplitMode::Negotiated;
    deal.equity.shares = vec![
        NegotiatedShare {
            party: "maker".to_owned(),
            share: dec!(0.45),
        },
        NegotiatedShare {
            party: "dealer".to_owned(),
            share: dec!(0.55),
        },
    ];
    let ev = run(&deal);
    let rows = &ev.equity.parties;
    assert_eq!((rows[0].shares, rows[1].shares), (dec!(450), dec!(550)));
    // Total value 3,200: maker 45 % × 3,200 − 1,200 = +240, dealer 55 % × 3,200 − 2,000 = −240.
    assert_eq!(rows[0].value_transfer, dec!(240));
    assert_eq!(rows[1].value_transfer, dec!(-240));
    assert_eq!(rows[0].value_contributed, dec!(1200));
    // The dividend follows the negotiated shares: 45 % of 33,460 after 10 % WHT.
    close(
        ev.parties[0].channels.dividends[2],
        dec!(33460) * dec!(0.45) * dec!(0.9) / dec!(121),
    );
}

#[test]
fn largest_remainder_with_three_parties_ties_go_to_the_first_listed() {
    // Maker 1,200, dealer 600, fund 600 of 2,400, 10 shares: quotas 5, 2.5, 2.5. One share
    // is left for two equal remainders: the dealer, listed before the fund, gets it.
    let mut deal = base();
    deal.parties[1].contributions[0].valuation = Valuation::Agreed { value: dec!(600) };
    deal.parties.push(investor(dec!(600)));
    deal.equity.shares_issued = 10;
    let ev = run(&deal);
    let shares: Vec<Decimal> = ev.equity.parties.iter().map(|r| r.shares).collect();
    assert_eq!(shares, vec![dec!(5), dec!(3), dec!(2)]);
    assert_eq!(ev.equity.parties[1].percent, dec!(30));

    // Three equal stakes of 1,200 and 1,000 shares: 333.33 each, the first listed gets 334.
    let mut deal = base();
    deal.parties[1].contributions[0].valuation = Valuation::Agreed { value: dec!(1200) };
    deal.parties.push(investor(dec!(1200)));
    let ev = run(&deal);
    let shares: Vec<Decimal> = ev.equity.parties.iter().map(|r| r.shares).collect();
    assert_eq!(shares, vec![dec!(334), dec!(333), dec!(333)]);
}

/// The base deal without capex, so that year 1 is profitable and pays a dividend, and with
/// the technology stake vesting half at signing (year 0) and half at homologation (year 2).
///
/// Year 1: EBITDA 49,000, amortisation 10,000, EBIT 39,000, tax 11,700, net income 27,300,
/// all paid out. Year 2: EBIT 108,800, tax 32,640, net income 76,160, all paid out.
/// Cash 300,000 → 310,000 → 320,000; book equity 320,000 at the end.
///
/// The maker's 375 shares split by value over [cash 1,000, tranche 100, tranche 100]:
/// quotas 312.5, 31.25, 31.25 → 313, 31, 31 (the largest remainder takes the spare share).
fn vesting_deal(missed: bool) -> Deal {
    let mut deal = base();
    deal.plan.capex.clear();
    deal.parties[0].contributions[1].tranches = vec![
        Tranche {
            share: dec!(0.5),
            milestone: "licence signing".to_owned(),
            year: 0,
            missed: false,
        },
        Tranche {
            share: dec!(0.5),
            milestone: "homologation".to_owned(),
            year: 2,
            missed,
        },
    ];
    deal
}

#[test]
fn escrowed_tranche_gets_no_dividend_and_vests_at_the_end_of_its_year() {
    let ev = run(&vesting_deal(false));
    let y1 = &ev.projection.years[1];
    assert_eq!((y1.net_income, y1.dividends), (dec!(27300), dec!(27300)));
    assert_eq!(ev.projection.years[2].dividends, dec!(76160));
    // Year 1: 31 of the maker's shares are in escrow; 969 shares are vested.
    let maker = &ev.equity.by_year[1].parties[0];
    assert_eq!((maker.vested, maker.escrow), (dec!(344), dec!(31)));
    close(maker.vested_percent, dec!(34400) / dec!(969));
    close(maker.percent, dec!(37.5));
    let ch = &ev.parties[0].channels;
    close(
        ch.dividends[1],
        dec!(27300) * dec!(344) / dec!(969) * dec!(0.9) / dec!(110),
    );
    close(
        ev.parties[1].channels.dividends[1],
        dec!(27300) * dec!(625) / dec!(969) / dec!(110),
    );
    // The homologation tranche vests at the end of year 2, before that year's dividend.
    let maker = &ev.equity.by_year[2].parties[0];
    assert_eq!((maker.vested, maker.escrow), (dec!(375), dec!(0)));
    close(
        ch.dividends[2],
        dec!(76160) * dec!(0.375) * dec!(0.9) / dec!(121),
    );
    close(ch.exit[2], dec!(320000) * dec!(0.375) / dec!(121));
    let history: Vec<(u32, EventKind, &str, Decimal)> = ev
        .equity
        .history
        .iter()
        .map(|e| (e.year, e.kind, e.party.as_str(), e.shares))
        .collect();
    assert_eq!(
        history,
        vec![
            (0, EventKind::Closing, "maker", dec!(375)),
            (0, EventKind::Closing, "dealer", dec!(625)),
            (0, EventKind::Vesting, "maker", dec!(31)),
            (2, EventKind::Vesting, "maker", dec!(31)),
        ]
    );
    assert_eq!(ev.equity.history[3].milestone, "homologation");
}

#[test]
fn missed_milestone_cancels_shares_and_the_others_grow_pro_rata() {
    let ev = run(&vesting_deal(true));
    // The homologation tranche is cancelled at the end of year 2: 969 shares remain.
    let year2 = &ev.equity.by_year[2].parties;
    assert_eq!((year2[0].vested, year2[0].escrow), (dec!(344), dec!(0)));
    assert_eq!(year2[1].vested, dec!(625));
    // The dealer's 625 shares grow from 62.5 % to 625 ÷ 969.
    close(year2[1].percent, dec!(62500) / dec!(969));
    close(year2[1].vested_percent, dec!(62500) / dec!(969));
    let last = ev.equity.history.last().unwrap();
    assert_eq!(
        (last.year, last.kind, last.shares),
        (2, EventKind::Forfeiture, dec!(31))
    );
    assert_eq!(last.milestone, "homologation");
    // The contribution stays in the JV: the accounts are those of the vesting deal.
    assert_eq!(ev.projection.years[2].book_equity, dec!(320000));
    assert_eq!(ev.projection.years[2].amortisation, dec!(10000));
    let maker = &ev.parties[0];
    close(
        maker.channels.dividends[2],
        dec!(76160) * dec!(344) / dec!(969) * dec!(0.9) / dec!(121),
    );
    close(
        maker.channels.exit[2],
        dec!(320000) * dec!(344) / dec!(969) / dec!(121),
    );
    close(
        ev.parties[1].channels.exit[2],
        dec!(320000) * dec!(625) / dec!(969) / dec!(121),
    );
    // The economic view still counts the whole technology as given.
    assert_eq!(maker.channels.in_kind[0], dec!(-200));
    assert_eq!(maker.views.economic.flows[0], dec!(-1200));
}

// ---------------------------------------------------------------------------------------
// Capital calls
// ---------------------------------------------------------------------------------------

/// The base deal with a 400,000 loan at closing (rate 0, two equal repayments) and a
/// minimum cash of 400,000. Cash before calls: 600,000 at closing; year 1
/// 600,000 − 11,000 + 60,000 − 200,000 = 449,000; year 2 449,000 + 44,460 + 60,000 −
/// 200,000 = 353,460, a shortfall of 46,540.
fn call_deal() -> Deal {
    let mut deal = base();
    deal.financing.loan = Some(Loan {
        amount: dec!(400000),
        rate: dec!(0),
        tenor_years: 2,
        drawdown_year: 0,
    });
    deal.financing.minimum_cash = dec!(400000);
    deal.parties[1].joins_capital_calls = false;
    deal
}

#[test]
fn capital_call_prices_at_book_equity_per_share_and_dilutes_who_does_not_join() {
    let ev = run(&call_deal());
    let y = &ev.projection.years;
    assert_eq!((y[0].capital_call, y[1].capital_call), (dec!(0), dec!(0)));
    assert_eq!(y[1].cash, dec!(449000));
    assert_eq!(y[1].book_equity, dec!(309000));
    assert_eq!(y[2].cash_before_call, dec!(353460));
    assert_eq!(y[2].capital_call, dec!(46540));
    assert_eq!(y[2].unfunded_shortfall, dec!(0));
    // After the call cash is exactly the minimum: nothing is left for a dividend.
    assert_eq!(y[2].dividends, dec!(0));
    assert_eq!(y[2].cash, dec!(400000));
    assert_eq!(y[2].book_equity, dec!(400000));
    // Price: book equity at the end of year 1 ÷ shares outstanding = 309,000 ÷ 1,000 = 309
    // (par is 320). 46,540 ÷ 309 = 150.61 → 151 new shares, all to the maker.
    let calls: Vec<_> = ev
        .equity
        .history
        .iter()
        .filter(|e| e.kind == EventKind::CapitalCall)
        .collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        (calls[0].year, calls[0].party.as_str(), calls[0].shares),
        (2, "maker", dec!(151))
    );
    assert_eq!(calls[0].price, Some(dec!(309)));
    assert_eq!(calls[0].amount, Some(dec!(46540)));
    let h = &ev.equity.by_year[2].parties;
    assert_eq!((h[0].vested, h[1].vested), (dec!(526), dec!(625)));
    close(h[1].percent, dec!(62500) / dec!(1151));
    let maker = &ev.parties[0].channels;
    close(maker.capital_calls[2], dec!(-46540) / dec!(121));
    assert_eq!(ev.parties[1].channels.capital_calls, vec![dec!(0); 3]);
    close(
        maker.exit[2],
        dec!(400000) * dec!(526) / dec!(1151) / dec!(121),
    );
    close(
        ev.parties[1].channels.exit[2],
        dec!(400000) * dec!(625) / dec!(1151) / dec!(121),
    );
    assert!(!has(&ev, "negative_cash_before_calls"), "{:?}", codes(&ev));
}

#[test]
fn capital_call_at_par_when_book_equity_is_not_positive() {
    // A 1,000,000 loan at closing (rate 0, two repayments of 500,000) funds overheads of
    // 400,000 (440,000 in year 2); minimum cash 0; the dealer does not join.
    let mut deal = base();
    deal.financing.loan = Some(Loan {
        amount: dec!(1000000),
        rate: dec!(0),
        tenor_years: 2,
        drawdown_year: 0,
    });
    deal.plan.fixed_overhead = dec!(400000);
    deal.parties[1].joins_capital_calls = false;
    let ev = run(&deal);
    let y = &ev.projection.years;
    // Year 1: EBITDA 200,000 − 131,000 − 10,000 − 400,000 = −341,000; net income −401,000;
    // cash 1,200,000 − 401,000 + 60,000 − 500,000 = 359,000; book equity −81,000.
    assert_eq!(y[1].ebitda, dec!(-341000));
    assert_eq!(y[1].cash, dec!(359000));
    assert_eq!(y[1].book_equity, dec!(-81000));
    // Year 2: EBITDA 440,000 − 288,200 − 22,000 − 440,000 = −310,200; net income −370,200;
    // cash before call 359,000 − 370,200 + 60,000 − 500,000 = −451,200.
    assert_eq!(y[2].ebitda, dec!(-310200));
    assert_eq!(y[2].cash_before_call, dec!(-451200));
    assert_eq!(y[2].capital_call, dec!(451200));
    assert_eq!(y[2].cash, dec!(0));
    assert_eq!(y[2].book_equity, dec!(0));
    // Book equity −81,000 ≤ 0: par 320,000 ÷ 1,000 = 320; 451,200 ÷ 320 = 1,410 shares.
    let call = ev
        .equity
        .history
        .iter()
        .find(|e| e.kind == EventKind::CapitalCall)
        .unwrap();
    assert_eq!(
        (call.party.as_str(), call.shares, call.price),
        ("maker", dec!(1410), Some(dec!(320)))
    );
    assert_eq!(ev.equity.by_year[2].parties[0].vested, dec!(1785));
    assert!(has(&ev, "negative_cash_before_calls"), "{:?}", codes(&ev));
    assert!(!has(&ev, "unfunded_capital_call"));
}

#[test]
fn shortfall_stays_unfunded_when_no_party_joins() {
    let mut deal = call_deal();
    deal.parties[0].joins_capital_calls = false;
    let ev = run(&deal);
    let y = &ev.projection.years[2];
    assert_eq!(y.capital_call, dec!(0));
    assert_eq!(y.unfunded_shortfall, dec!(46540));
    // Cash stays below the minimum; no dividend is paid from it.
    assert_eq!(y.dividends, dec!(0));
    assert_eq!(y.cash, dec!(353460));
    assert_eq!(y.book_equity, dec!(353460));
    assert!(
        ev.equity
            .history
            .iter()
            .all(|e| e.kind != EventKind::CapitalCall)
    );
    assert_eq!(ev.equity.by_year[2].parties[0].vested, dec!(375));
    assert!(has(&ev, "unfunded_capital_call"), "{:?}", codes(&ev));
    assert!(
        ev.parties
            .iter()
            .all(|p| p.channels.capital_calls.iter().all(|c| c.is_zero()))
    );
}

// ---------------------------------------------------------------------------------------
// Financing and tax
// ---------------------------------------------------------------------------------------

#[test]
fn term_loan_interest_on_opening_balance_and_equal_principal() {
    let mut deal = base();
    deal.financing.loan = Some(Loan {
        amount: dec!(200000),
        rate: dec!(0.1),
        tenor_years: 2,
        drawdown_year: 0,
    });
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!(
        (y[0].loan_drawdown, y[0].interest, y[0].loan_balance),
        (dec!(200000), dec!(0), dec!(200000))
    );
    assert_eq!(y[0].cash, dec!(400000));
    // Year 1: 10 % of 200,000; 100,000 repaid.
    assert_eq!(
        (y[1].interest, y[1].principal_repaid, y[1].loan_balance),
        (dec!(20000), dec!(100000), dec!(100000))
    );
    assert_eq!(y[1].ebt, dec!(-31000));
    assert_eq!(y[1].net_income, dec!(-31000));
    // 400,000 − 31,000 + 60,000 − 100,000.
    assert_eq!(y[1].cash, dec!(329000));
    // Year 2: 10 % of 100,000; EBT 48,800, less the 31,000 loss: tax 30 % × 17,800 = 5,340.
    assert_eq!(
        (y[2].interest, y[2].principal_repaid, y[2].loan_balance),
        (dec!(10000), dec!(100000), dec!(0))
    );
    assert_eq!(y[2].tax, dec!(5340));
    assert_eq!(y[2].net_income, dec!(43460));
    assert_eq!(y[2].dividends, dec!(12460));
    assert_eq!(y[2].cash, dec!(320000));
    assert_eq!(ev.exit.net_debt, dec!(-320000));
}

#[test]
fn interest_above_thirty_percent_of_ebitda_is_added_back() {
    // 800,000 drawn at the end of year 1 at 10 %, repaid in year 2.
    let mut deal = base();
    deal.market.interest_deduction_limit = Some(dec!(0.3));
    deal.financing.loan = Some(Loan {
        amount: dec!(800000),
        rate: dec!(0.1),
        tenor_years: 1,
        drawdown_year: 1,
    });
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!((y[1].interest, y[1].loan_drawdown), (dec!(0), dec!(800000)));
    assert_eq!(y[1].cash, dec!(1049000));
    // Year 2: interest 80,000; deductible at most 30 % × 118,800 = 35,640; 44,360 added
    // back: taxable 58,800 − 80,000 + 44,360 = 23,160; less the 11,000 loss → tax 3,648.
    assert_eq!(y[2].interest, dec!(80000));
    assert_eq!(y[2].ebt, dec!(-21200));
    assert_eq!(y[2].taxable_income, dec!(23160));
    assert_eq!(y[2].tax, dec!(3648));
    assert_eq!(y[2].net_income, dec!(-24848));
    // 1,049,000 − 24,848 + 60,000 − 800,000; no dividend on a cumulative loss.
    assert_eq!(y[2].cash, dec!(284152));
    assert_eq!(y[2].dividends, dec!(0));

    // A loan at closing: year 1 interest 20,000 against room 14,700 → 5,300 added back.
    let mut deal = base();
    deal.market.interest_deduction_limit = Some(dec!(0.3));
    deal.financing.loan = Some(Loan {
        amount: dec!(200000),
        rate: dec!(0.1),
        tenor_years: 2,
        drawdown_year: 0,
    });
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!(y[1].taxable_income, dec!(-25700));
    assert_eq!(y[1].losses_carried_forward, dec!(25700));
    // Year 2: interest 10,000 within room 35,640; without carry-forward the 5,300 is lost:
    // 30 % × (48,800 − 25,700) = 6,930.
    assert_eq!(y[2].taxable_income, dec!(48800));
    assert_eq!(y[2].tax, dec!(6930));
    // With a carry-forward the year-1 excess uses year 2's spare room:
    // 30 % × (48,800 − 5,300 − 25,700) = 5,340.
    deal.market.interest_carry_forward_years = Some(5);
    let ev = run(&deal);
    assert_eq!(ev.projection.years[2].taxable_income, dec!(43500));
    assert_eq!(ev.projection.years[2].tax, dec!(5340));
}

#[test]
fn tax_holiday_carries_losses_forward_and_holiday_profits_do_not_use_them() {
    let mut deal = three_years([dec!(10), dec!(20), dec!(30)]);
    deal.market.tax_holiday_years = 2;
    let ev = run(&deal);
    let y = &ev.projection.years;
    // Year 1 loss 11,000 carried forward; year 2 profit 58,800 untaxed, the loss untouched.
    assert_eq!(y[1].losses_carried_forward, dec!(11000));
    assert_eq!(y[2].ebt, dec!(58800));
    assert_eq!(y[2].tax, dec!(0));
    assert_eq!(y[2].losses_carried_forward, dec!(11000));
    // Year 3: revenue 30 × 24,200 = 726,000; COGS 30 × (14,641 + 1,210) = 475,530;
    // royalty 36,300; opex 12,100: EBITDA = EBIT = 202,070.
    assert_eq!(y[3].revenue, dec!(726000));
    assert_eq!(y[3].cogs, dec!(475530));
    assert_eq!(y[3].ebit, dec!(202070));
    // Tax 30 % × (202,070 − 11,000) = 57,321.
    assert_eq!(y[3].tax, dec!(57321));
    assert_eq!(y[3].losses_carried_forward, dec!(0));
    assert_eq!(y[3].net_income, dec!(144749));
}

#[test]
fn tax_incentive_rate_applies_in_its_years_only_to_the_jv() {
    let mut deal = base();
    deal.market.tax_incentive = Some(TaxIncentive {
        rate: dec!(0.15),
        years: 2,
    });
    let ev = run(&deal);
    // 15 % × (58,800 − 11,000).
    assert_eq!(ev.projection.years[2].tax, dec!(7170));
    assert_eq!(ev.projection.years[2].net_income, dec!(51630));
    // The dealer's own profit stays taxed at the statutory 30 %.
    close(
        ev.parties[1].channels.distribution[2],
        dec!(57750) / dec!(121),
    );
    // After the incentive's years the statutory rate is back.
    let mut deal = three_years([dec!(10), dec!(20), dec!(30)]);
    deal.market.tax_incentive = Some(TaxIncentive {
        rate: dec!(0.15),
        years: 2,
    });
    assert_eq!(run(&deal).projection.years[3].tax, dec!(0.3) * dec!(202070));
}

#[test]
fn loss_carry_forward_limit_expires_old_losses() {
    // Units 10, 10, 30: year 2 revenue 220,000, COGS 10 × 14,410 = 144,100, royalty 11,000,
    // opex 11,000: EBITDA 53,900, EBIT −6,100.
    let mut deal = three_years([dec!(10), dec!(10), dec!(30)]);
    deal.market.loss_carry_forward_years = Some(1);
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!(y[2].ebit, dec!(-6100));
    assert_eq!(y[2].losses_carried_forward, dec!(17100));
    // Year 3: the year-1 loss (usable through year 2) has expired; 30 % × (202,070 − 6,100).
    assert_eq!(y[3].tax, dec!(58791));
    assert_eq!(y[3].losses_carried_forward, dec!(0));
    // Two years' carry-forward keeps both: 30 % × (202,070 − 17,100).
    deal.market.loss_carry_forward_years = Some(2);
    assert_eq!(run(&deal).projection.years[3].tax, dec!(55491));
    deal.market.loss_carry_forward_years = None;
    assert_eq!(run(&deal).projection.years[3].tax, dec!(55491));
}

#[test]
fn royalty_above_a_deductibility_cap_is_not_deductible() {
    let mut deal = base();
    deal.market.royalty_cap = Some(RoyaltyCap {
        kind: RoyaltyCapKind::Deductibility,
        rate: dec!(0.03),
        covers_fees: false,
    });
    let ev = run(&deal);
    let y = &ev.projection.years;
    // Year 1: 10,000 − 3 % × 200,000 = 4,000 not deductible: taxable −7,000.
    assert_eq!(y[1].taxable_income, dec!(-7000));
    assert_eq!(y[1].losses_carried_forward, dec!(7000));
    // Year 2: 22,000 − 13,200 = 8,800 added back: 67,600 − 7,000 at 30 % = 18,180.
    assert_eq!(y[2].taxable_income, dec!(67600));
    assert_eq!(y[2].tax, dec!(18180));
    assert_eq!(y[2].net_income, dec!(40620));
    // The royalty is still paid in full to the licensor.
    assert_eq!(y[2].royalty, dec!(22000));
    assert!(has(&ev, "royalty_above_cap"), "{:?}", codes(&ev));

    // An approval cap is flagged but has no tax effect.
    deal.market.royalty_cap = Some(RoyaltyCap {
        kind: RoyaltyCapKind::Approval,
        rate: dec!(0.03),
        covers_fees: false,
    });
    let ev = run(&deal);
    assert_eq!(ev.projection.years[2].tax, dec!(14340));
    assert!(has(&ev, "royalty_above_cap"));
    // A cap above the rate is not flagged.
    deal.market.royalty_cap = Some(RoyaltyCap {
        kind: RoyaltyCapKind::Deductibility,
        rate: dec!(0.05),
        covers_fees: false,
    });
    let ev = run(&deal);
    assert!(!has(&ev, "royalty_above_cap"));
    assert_eq!(ev.projection.years[2].tax, dec!(14340));
}

#[test]
fn royalty_in_customs_value_adds_duty_on_royalty_per_unit() {
    let mut deal = base();
    deal.agreements
        .licence
        .as_mut()
        .unwrap()
        .royalty_in_customs_value = true;
    let ev = run(&deal);
    let y = &ev.projection.years;
    // Year 1: royalty per unit 10,000 ÷ 10 = 1,000, duty 10 % on it: 12,100 + 100.
    assert_eq!(y[1].landed_kit_cost, dec!(12200));
    assert_eq!(y[1].cogs, dec!(132000));
    assert_eq!(y[1].ebitda, dec!(48000));
    // Year 2: 22,000 ÷ 20 = 1,100 → + 110.
    assert_eq!(y[2].landed_kit_cost, dec!(13420));
    assert_eq!(y[2].cogs, dec!(290400));
    assert_eq!(y[2].ebitda, dec!(116600));
    // The royalty itself is unchanged.
    assert_eq!(y[2].royalty, dec!(22000));
}

// ---------------------------------------------------------------------------------------
// Reserve, dividends, exit, withholding
// ---------------------------------------------------------------------------------------

#[test]
fn legal_reserve_comes_before_dividends_up_to_its_cap() {
    let mut deal = base();
    deal.market.legal_reserve = Some(LegalReserve {
        share_of_profit: dec!(0.1),
        cap_share_of_capital: dec!(0.2),
    });
    let ev = run(&deal);
    let y = &ev.projection.years;
    // Year 1 is a loss: nothing set aside.
    assert_eq!(y[1].legal_reserve_addition, dec!(0));
    // Year 2: profit 44,460 after absorbing the 11,000 loss = 33,460; 10 % = 3,346.
    assert_eq!(y[2].legal_reserve_addition, dec!(3346));
    assert_eq!(y[2].legal_reserve, dec!(3346));
    assert_eq!(y[2].dividends, dec!(30114));
    assert_eq!(y[2].book_equity, dec!(323346));

    // The cap binds: 50 % × 33,460 = 16,730 > 5 % × 320,000 = 16,000.
    deal.market.legal_reserve = Some(LegalReserve {
        share_of_profit: dec!(0.5),
        cap_share_of_capital: dec!(0.05),
    });
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!(y[2].legal_reserve_addition, dec!(16000));
    assert_eq!(y[2].dividends, dec!(17460));
    assert_eq!(y[2].cash, dec!(336000));
    assert_eq!(y[2].book_equity, dec!(336000));
}

#[test]
fn dividends_are_limited_by_cash_above_the_minimum() {
    // The 200,000 loan of the term-loan test: cash 400,000, 329,000, then 332,460 before the
    // year-2 dividend of 12,460. With a minimum of 325,000 only 7,460 can be paid.
    let mut deal = base();
    deal.financing.loan = Some(Loan {
        amount: dec!(200000),
        rate: dec!(0.1),
        tenor_years: 2,
        drawdown_year: 0,
    });
    deal.financing.minimum_cash = dec!(325000);
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!(y[1].capital_call, dec!(0));
    assert_eq!(y[2].cash_before_call, dec!(332460));
    assert_eq!(y[2].dividends, dec!(7460));
    assert_eq!(y[2].cash, dec!(325000));
    assert_eq!(y[2].book_equity, dec!(325000));
}

#[test]
fn exit_by_ebitda_multiple_less_net_debt() {
    let mut deal = base();
    deal.exit = Exit::EbitdaMultiple { multiple: dec!(4) };
    let ev = run(&deal);
    // EV 4 × 118,800 = 475,200; net debt 0 − 320,000; equity 795,200.
    assert_eq!(ev.exit.enterprise_value, Some(dec!(475200)));
    assert_eq!(ev.exit.net_debt, dec!(-320000));
    assert_eq!(ev.exit.equity_value, dec!(795200));
    close(ev.parties[0].channels.exit[2], dec!(298200) / dec!(121));
    close(ev.parties[1].channels.exit[2], dec!(497000) / dec!(121));
}

#[test]
fn exit_by_perpetuity_of_steady_state_free_cash_flow() {
    // Maintenance capex 10,000 (11,000 in year 2) over 2 years, receivables 36.5 days.
    let mut deal = base();
    deal.plan.maintenance_capex = dec!(10000);
    deal.plan.maintenance_life_years = 2;
    deal.plan.working_capital.receivable_days = dec!(36.5);
    deal.exit = Exit::Perpetuity {
        growth: dec!(0.03),
        discount_rate: dec!(0.13),
    };
    let ev = run(&deal);
    let y = &ev.projection.years;
    // Working capital = revenue ÷ 10: 20,000 and 44,000.
    assert_eq!(
        (y[1].working_capital, y[2].working_capital),
        (dec!(20000), dec!(44000))
    );
    // Year 1: cash 200,000 − 11,000 + 60,000 − 20,000 − 10,000 = 219,000.
    assert_eq!(y[1].cash, dec!(219000));
    // Year 2: depreciation 50,000 + 5,000; EBIT 53,800; tax 30 % × 42,800 = 12,840;
    // net income 40,960; cash 219,000 + 40,960 + 65,000 − 24,000 − 11,000 − 29,960.
    assert_eq!(y[2].depreciation, dec!(55000));
    assert_eq!(y[2].tax, dec!(12840));
    assert_eq!(y[2].dividends, dec!(29960));
    assert_eq!(y[2].cash, dec!(260000));
    // FCFF* = (118,800 − 11,000) × (1 − 30 %) − 3 % × 44,000 = 74,140;
    // EV = 74,140 × 1.03 ÷ (0.13 − 0.03) = 763,642; equity 763,642 + 260,000.
    assert_eq!(ev.exit.steady_state_fcff, Some(dec!(74140)));
    assert_eq!(ev.exit.enterprise_value, Some(dec!(763642)));
    assert_eq!(ev.exit.equity_value, dec!(1023642));
    close(
        ev.parties[1].channels.exit[2],
        dec!(1023642) * dec!(0.625) / dec!(121),
    );
}

#[test]
fn negative_enterprise_value_is_floored_with_a_warning() {
    // No sales in year 2: EBITDA = −11,000 of overhead; 4 × −11,000 < 0.
    let mut deal = base();
    deal.plan.units = Units::Explicit {
        units: vec![dec!(10), dec!(0)],
    };
    deal.exit = Exit::EbitdaMultiple { multiple: dec!(4) };
    let ev = run(&deal);
    assert_eq!(ev.projection.years[2].ebitda, dec!(-11000));
    assert_eq!(ev.exit.enterprise_value, Some(dec!(0)));
    assert!(ev.exit.enterprise_value_floored);
    // Net income −71,000: cash 249,000 − 71,000 + 60,000 = 238,000 is the whole equity.
    assert_eq!(ev.projection.years[2].cash, dec!(238000));
    assert_eq!(ev.exit.equity_value, dec!(238000));
    assert!(has(&ev, "exit_value_floored"), "{:?}", codes(&ev));
}

#[test]
fn capital_gains_tax_on_the_gain_in_local_currency() {
    let mut deal = base();
    deal.exit = Exit::EbitdaMultiple { multiple: dec!(4) };
    deal.market.capital_gains_tax_rate = Some(dec!(0.1));
    let ev = run(&deal);
    // Maker: proceeds 37.5 % × 795,200 = 298,200 KES, cost (1,000 + 200) × 100 = 120,000 KES:
    // tax 10 % × 178,200 = 17,820.
    close(
        ev.parties[0].channels.exit[2],
        (dec!(298200) - dec!(17820)) / dec!(121),
    );
    // Dealer: 497,000 against 200,000: tax 29,700.
    close(
        ev.parties[1].channels.exit[2],
        (dec!(497000) - dec!(29700)) / dec!(121),
    );

    // Book value: the maker gets back 120,000 KES, its cost: no gain, no tax, although in
    // dollars it gets 991.74 for 1,200.
    let mut deal = base();
    deal.market.capital_gains_tax_rate = Some(dec!(0.1));
    let ev = run(&deal);
    close(ev.parties[0].channels.exit[2], dec!(120000) / dec!(121));
}

#[test]
fn treaty_rate_caps_withholding_and_never_raises_it() {
    let mut deal = base();
    deal.market.dividend_withholding.treaties = vec![TreatyRate {
        country: "CN".to_owned(),
        rate: dec!(0.05),
    }];
    deal.market.royalty_withholding.treaties = vec![
        TreatyRate {
            country: "CN".to_owned(),
            rate: dec!(0.3),
        },
        TreatyRate {
            country: "IN".to_owned(),
            rate: dec!(0),
        },
    ];
    let ev = run(&deal);
    let maker = &ev.parties[0];
    assert!(!maker.resident);
    assert_eq!(maker.withholding.dividends, dec!(0.05));
    assert_eq!(maker.withholding.royalties, dec!(0.2));
    close(
        maker.channels.dividends[2],
        dec!(33460) * dec!(0.375) * dec!(0.95) / dec!(121),
    );
    close(
        maker.channels.royalties[1],
        dec!(10000) * dec!(0.8) / dec!(110),
    );
    // The resident dealer pays the resident rate whatever the treaties say.
    assert_eq!(ev.parties[1].withholding.dividends, dec!(0));
}

// ---------------------------------------------------------------------------------------
// Plan mechanics: working capital, FX and inflation
// ---------------------------------------------------------------------------------------

#[test]
fn working_capital_changes_are_cash_flows() {
    let mut deal = base();
    let wc = &mut deal.plan.working_capital;
    wc.receivable_days = dec!(36.5);
    wc.inventory_days = dec!(73);
    wc.payable_days = dec!(36.5);
    let ev = run(&deal);
    let y = &ev.projection.years;
    // WC = 36.5/365 × revenue + (73 − 36.5)/365 × COGS = (revenue + COGS) ÷ 10.
    assert_eq!(y[0].working_capital, dec!(0));
    assert_eq!(y[1].working_capital, dec!(33100));
    assert_eq!(y[2].working_capital, dec!(72820));
    assert_eq!(y[2].working_capital_change, dec!(39720));
    // Cash: 249,000 − 33,100; then 215,900 + 44,460 + 60,000 − 39,720 − 33,460.
    assert_eq!(y[1].cash, dec!(215900));
    assert_eq!(y[2].cash, dec!(247180));
    // Not released at exit: book equity still 320,000 (cash 247,180 + WC 72,820).
    assert_eq!(y[2].book_equity, dec!(320000));
    // Profit is unchanged.
    assert_eq!(y[2].net_income, dec!(44460));
}

#[test]
fn fx_follows_relative_ppp_without_a_depreciation() {
    let mut deal = base();
    deal.market.fx_depreciation = None;
    deal.reporting_inflation = dec!(0.02);
    let ev = run(&deal);
    let fx1 = dec!(100) * dec!(1.1) / dec!(1.02);
    let fx2 = fx1 * dec!(1.1) / dec!(1.02);
    let y = &ev.projection.years;
    assert_eq!(y[0].fx, dec!(100));
    close(y[1].fx, fx1);
    close(y[2].fx, fx2);
    // The kit price is fixed (escalation 0): 100 × 1.1 × fx.
    close(y[1].landed_kit_cost, dec!(110) * fx1);
    close(ev.parties[0].channels.royalties[1], dec!(8000) / fx1);
    assert!(!has(&ev, "real_fx_drift"), "{:?}", codes(&ev));
}

#[test]
fn explicit_fx_path_replaces_depreciation() {
    let mut deal = base();
    deal.market.fx_path = Some(vec![dec!(100), dec!(120), dec!(150)]);
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!((y[1].fx, y[2].fx), (dec!(120), dec!(150)));
    assert_eq!(y[1].landed_kit_cost, dec!(13200));
    assert_eq!(y[2].landed_kit_cost, dec!(16500));
    // Royalty of year 2 converted at 150: 22,000 × 80 % ÷ 150.
    close(ev.parties[0].channels.royalties[2], dec!(17600) / dec!(150));
}

#[test]
fn explicit_inflation_path_drives_prices_costs_and_ppp() {
    let mut deal = base();
    deal.market.inflation_path = Some(vec![dec!(0.1), dec!(0.2)]);
    deal.market.fx_depreciation = None;
    let ev = run(&deal);
    let y = &ev.projection.years;
    // PPP with RCY inflation 0: fx 100 × 1.1 = 110, then 110 × 1.2 = 132.
    assert_eq!((y[1].fx, y[2].fx), (dec!(110), dec!(132)));
    // Year-2 values grow by year 2's inflation, 20 %.
    assert_eq!(y[2].retail_price, dec!(30000));
    assert_eq!(y[2].revenue, dec!(480000));
    // COGS 20 × (100 × 1.1 × 132 + 1,200); royalty 24,000; opex 12,000.
    assert_eq!(y[2].cogs, dec!(314400));
    assert_eq!(y[2].opex, dec!(12000));
    assert_eq!(y[2].ebitda, dec!(129600));
    assert_eq!(y[1].revenue, dec!(200000));
}

// ---------------------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------------------

#[test]
fn foreign_share_above_the_limit_is_flagged() {
    let mut deal = base();
    // The Chinese maker holds 37.5 %.
    deal.market.foreign_ownership_limit = Some(dec!(0.3));
    assert!(has(&run(&deal), "foreign_share_above_limit"));
    deal.market.foreign_ownership_limit = Some(dec!(0.4));
    assert!(!has(&run(&deal), "foreign_share_above_limit"));
}

#[test]
fn technology_only_partner_has_no_cash_irr() {
    let mut deal = base();
    deal.parties[0].contributions.remove(0);
    let ev = run(&deal);
    // 200 ÷ 2,200 of 1,000 = 90.91 → 91; the dealer 909.
    assert_eq!(ev.equity.parties[0].shares, dec!(91));
    let maker = &ev.parties[0];
    assert_eq!(maker.views.cash.irr, None);
    assert_eq!(maker.views.cash.irr_status, "no_cash_invested");
    assert!(
        maker
            .views
            .cash
            .irr_note
            .as_deref()
            .unwrap()
            .contains("no cash invested")
    );
    assert_eq!(maker.views.cash.moic, None);
    // The economic view counts the technology as an outflow and has an IRR.
    let irr = maker.views.economic.irr.unwrap();
    let f = &maker.views.economic.flows;
    assert_eq!(f[0], dec!(-200));
    let v = Decimal::ONE / (Decimal::ONE + irr);
    assert!((f[0] + f[1] * v + f[2] * v * v).abs() < dec!(0.000001));
    assert!(has(&ev, "no_cash_invested"), "{:?}", codes(&ev));
}

#[test]
fn real_depreciation_beyond_three_percent_is_flagged() {
    let mut deal = base();
    // (1.15 × 1.00) ÷ 1.10 − 1 = 4.5 % real depreciation.
    deal.market.fx_depreciation = Some(dec!(0.15));
    assert!(has(&run(&deal), "real_fx_drift"));
    // 1.12 ÷ 1.10 − 1 = 1.8 %.
    deal.market.fx_depreciation = Some(dec!(0.12));
    assert!(!has(&run(&deal), "real_fx_drift"));
    // 1.05 ÷ 1.10 − 1 = −4.5 %: a real appreciation is flagged too.
    deal.market.fx_depreciation = Some(dec!(0.05));
    let ev = run(&deal);
    let w = ev
        .warnings
        .iter()
        .find(|w| w.code == "real_fx_drift")
        .unwrap();
    assert!(w.message.contains("appreciation"), "{}", w.message);
}

#[test]
fn gross_margin_erosion_names_the_cause() {
    let mut deal = base();
    deal.plan.price_growth = Some(dec!(0));
    deal.market.fx_depreciation = Some(dec!(0.3));
    let ev = run(&deal);
    let y = &ev.projection.years;
    // Year 1: fx 130, COGS 10 × (110 × 130 + 1,000) = 153,000 on revenue 200,000: 23.5 %.
    // Year 2: fx 169, COGS 20 × (110 × 169 + 1,100) = 393,800 on 400,000: 1.55 %.
    assert_eq!(y[1].cogs, dec!(153000));
    assert_eq!(y[2].cogs, dec!(393800));
    let w = ev
        .warnings
        .iter()
        .find(|w| w.code == "gross_margin_erosion")
        .unwrap();
    // (rust_decimal's `{:.1}` truncates 1.55 to "1.5": display only.)
    assert!(w.message.contains("from 23.5 % in year 1"), "{}", w.message);
    assert!(w.message.contains("landed kit costs"), "{}", w.message);
    // Flat prices at a 10 % depreciation: 34.5 % → 27.95 %, a 6.55-point fall: no warning.
    deal.market.fx_depreciation = Some(dec!(0.1));
    let ev = run(&deal);
    assert_eq!(ev.projection.years[2].cogs, dec!(288200));
    assert!(!has(&ev, "gross_margin_erosion"), "{:?}", codes(&ev));
}

#[test]
fn double_payment_warnings_need_both_the_running_payment_and_the_method() {
    // A stake valued by relief from royalty without a running royalty is not flagged.
    let mut deal = base();
    deal.parties[0].contributions[1].valuation = Valuation::ReliefFromRoyalty {
        royalty_rate: dec!(0.04),
        discount_rate: dec!(0.25),
    };
    deal.agreements.licence.as_mut().unwrap().royalty_rate = dec!(0);
    assert!(!has(&run(&deal), "double_paid_technology"));
    // A network valued at an agreed amount is not flagged.
    let mut deal = base();
    deal.parties[1]
        .contributions
        .push(agreed(ContributionKind::Distribution, dec!(300), Some(2)));
    assert!(!has(&run(&deal), "double_paid_distribution"));
}

#[test]
fn dilution_spiral_over_thirty_years_stays_computable() {
    // Flat prices and FX (inflation 0, fx 100), 10 units a year, overhead 870,000: EBITDA
    // 200,000 − 120,000 − 10,000 − 870,000 = −800,000 every year. Receivables of 365 days
    // hold working capital at 200,000, so book equity stays at 200,000 from year 3 while
    // each year's 800,000 shortfall is called at 200,000 ÷ outstanding: every call issues
    // four times the shares outstanding. After 30 years some 1e24 shares exist, and
    // share × amount products (1e29 and more) no longer fit in a Decimal.
    let mut deal = base();
    deal.horizon_years = 30;
    deal.market.inflation = dec!(0);
    deal.market.fx_depreciation = Some(dec!(0));
    deal.plan.units = Units::Explicit {
        units: vec![dec!(10); 30],
    };
    deal.plan.fixed_overhead = dec!(870000);
    deal.plan.working_capital.receivable_days = dec!(365);
    deal.parties[1].joins_capital_calls = false;
    let ev = run(&deal);
    let y = &ev.projection.years;
    assert_eq!(y[1].ebitda, dec!(-800000));
    // Year 1: 200,000 − 860,000 + 60,000 − 200,000 of working capital: 800,000 called at
    // par 320 → 2,500 shares.
    assert_eq!(y[1].capital_call, dec!(800000));
    assert_eq!(
        ev.equity
            .history
            .iter()
            .find(|e| e.kind == EventKind::CapitalCall)
            .unwrap()
            .shares,
        dec!(2500)
    );
    assert_eq!(y[1].book_equity, dec!(260000));
    let mut outstanding = dec!(1000);
    for (row, holdings) in y.iter().zip(&ev.equity.by_year).skip(1) {
        let t = row.year;
        let held: Decimal = holdings.parties.iter().map(|h| h.vested).sum();
        let issued = held - outstanding;
        if t >= 3 {
            assert_eq!(row.capital_call, dec!(800000), "year {t}");
            assert_eq!(row.book_equity, dec!(200000), "year {t}");
            // 800,000 ÷ (200,000 ÷ outstanding), rounded half-up; once the price is below
            // ~1e-13 its 28 decimal places keep only ~15 significant digits.
            let slack = Decimal::ONE + outstanding * dec!(0.000000001);
            assert!(
                (issued - dec!(4) * outstanding).abs() <= slack,
                "year {t}: {issued} vs 4 × {outstanding}"
            );
        }
        outstanding = held;
    }
    assert!(outstanding > dec!(1e23), "{outstanding}");
    // The dealer, who never joins, keeps its 625 shares; the maker holds the rest.
    assert_eq!(ev.equity.by_year[30].parties[1].vested, dec!(625));
    // Book-value exit: 200,000, nearly all to the maker.
    close(
        ev.parties[0].channels.exit[30],
        dec!(2000) * (outstanding - dec!(625)) / outstanding,
    );
    close(
        ev.parties[1].channels.exit[30],
        dec!(2000) * dec!(625) / outstanding,
    );
}

#[test]
fn dilution_past_decimal_range_is_an_error_not_a_crash() {
    // As the thirty-year spiral above, with overhead 1,870,000: each year's 1,800,000 call
    // at 200,000 ÷ outstanding issues nine times the shares outstanding, so shares grow
    // tenfold a year, past 1e28 in the mid-20s.
    let mut deal = base();
    deal.horizon_years = 30;
    deal.market.inflation = dec!(0);
    deal.market.fx_depreciation = Some(dec!(0));
    deal.plan.units = Units::Explicit {
        units: vec![dec!(10); 30],
    };
    deal.plan.fixed_overhead = dec!(1870000);
    deal.plan.working_capital.receivable_days = dec!(365);
    // A known limit (docs/model.md): share counts past Decimal's 7.9e28 cannot be computed,
    // and the deal gets an error naming the likely cause instead of a crash.
    match evaluate(&deal) {
        Err(jv_engine::DealError::Invalid(errors)) => {
            assert_eq!(errors.len(), 1);
            assert!(
                errors[0].message.contains("capital calls"),
                "{}",
                errors[0].message
            );
        }
        other => panic!("expected the overflow error, got {other:?}"),
    }
}
