//! Guardrails (DOMAIN.md §8): one deal that trips each market rule and one that does not,
//! each a small variant of the hand-computed two-year deal (`fixtures/hand-computed.jvdeal`).
//!
//! The base deal, moved to Nigeria for these tests: the Chinese maker brings cash 1,000 and
//! technology 200 (37.5 % at closing), the Nigerian dealer cash 2,000; the maker licenses at a
//! 5 % royalty with no technical fee and supplies the kits; year 2 pays a dividend.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::model::{
    ContributionKind, Deal, DutyBase, MarketRule, RoyaltyCap, RoyaltyCapKind, RuleBasis,
    ValueSource,
};
use jv_engine::{Evaluation, Warning, evaluate, read_deal};
use rust_decimal_macros::dec;

const SOURCE: &str = "https://example.org/rules/article-7";

fn nigeria() -> Deal {
    let mut deal = read_deal(include_str!("fixtures/hand-computed.jvdeal")).unwrap();
    deal.market.country = "NG".to_owned();
    deal.market.name = "Nigeria".to_owned();
    deal.market.currency = "NGN".to_owned();
    deal.parties[1].home_country = "NG".to_owned();
    deal
}

fn basis(summary: &str) -> RuleBasis {
    RuleBasis {
        summary: summary.to_owned(),
        source: SOURCE.to_owned(),
        as_of: "2024-11".to_owned(),
    }
}

fn run(deal: &Deal) -> Evaluation {
    match evaluate(deal) {
        Ok(ev) => ev,
        Err(e) => panic!("the deal does not evaluate: {e:?}"),
    }
}

/// The warnings of `deal` with `code`.
fn with_code(deal: &Deal, code: &str) -> Vec<Warning> {
    run(deal)
        .warnings
        .into_iter()
        .filter(|w| w.code == code)
        .collect()
}

/// The one warning of `deal` with `code`.
#[track_caller]
fn one(deal: &Deal, code: &str) -> Warning {
    let mut found = with_code(deal, code);
    assert_eq!(found.len(), 1, "one {code}: {found:?}");
    found.remove(0)
}

#[track_caller]
fn says(warning: &Warning, words: &[&str]) {
    for word in words {
        assert!(
            warning.message.contains(word),
            "{:?} does not say {word:?}",
            warning.message
        );
    }
}

// ---------------------------------------------------------------------------------------
// technology_fee_refused_on_ckd
// ---------------------------------------------------------------------------------------

fn notap() -> MarketRule {
    MarketRule::TechnologyFeesRefusedOnCkd {
        basis: basis("NOTAP refuses royalties and technical fees on plain CKD assembly."),
    }
}

#[test]
fn a_royalty_on_ckd_kits_trips_the_technology_fee_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![notap()];
    let w = one(&deal, "technology_fee_refused_on_ckd");
    assert_eq!(w.path, "agreements.licence.royalty_rate");
    assert_eq!(w.source.as_deref(), Some(SOURCE));
    says(
        &w,
        &[
            "Nigeria: NOTAP refuses royalties and technical fees on plain CKD assembly. ",
            "supplied by Maker",
            "a royalty of 5.0 % of net sales",
            "Set the royalty to 0",
            "kit margin",
        ],
    );

    // A fee alone points at the fee.
    deal.agreements.licence.as_mut().unwrap().royalty_rate = dec!(0);
    deal.agreements.licence.as_mut().unwrap().technical_fee = dec!(500);
    let w = one(&deal, "technology_fee_refused_on_ckd");
    assert_eq!(w.path, "agreements.licence.technical_fee");
    says(
        &w,
        &[
            "a technical fee of USD 500 a year",
            "Set the technical fee to 0",
        ],
    );
}

#[test]
fn no_royalty_or_no_party_kits_does_not_trip_the_technology_fee_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![notap()];
    deal.agreements.licence.as_mut().unwrap().royalty_rate = dec!(0);
    assert!(with_code(&deal, "technology_fee_refused_on_ckd").is_empty());

    // Kits from a third party: the licence alone is not CKD assembly for the licensor.
    let mut deal = nigeria();
    deal.market.rules = vec![notap()];
    deal.agreements.kit_supply.supplier = None;
    assert!(with_code(&deal, "technology_fee_refused_on_ckd").is_empty());

    // Without the rule, the same royalty is fine.
    assert!(with_code(&nigeria(), "technology_fee_refused_on_ckd").is_empty());
}

// ---------------------------------------------------------------------------------------
// foreign_trade_licence
// ---------------------------------------------------------------------------------------

fn trade_licence(
    max: Option<rust_decimal::Decimal>,
    min: Option<rust_decimal::Decimal>,
) -> MarketRule {
    MarketRule::ForeignTradeLicence {
        max_foreign_share: max,
        min_foreign_investment: min,
        basis: basis("A trading company with foreign owners needs a minimum investment"),
    }
}

#[test]
fn a_foreign_share_above_the_licence_limit_trips_the_trade_licence_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![trade_licence(Some(dec!(0.30)), None)];
    let w = one(&deal, "foreign_trade_licence");
    assert_eq!(w.path, "equity");
    assert_eq!(w.source.as_deref(), Some(SOURCE));
    says(
        &w,
        &[
            "Nigeria: A trading company",
            "Foreign parties (Maker) hold 37.5 % of the JV at closing, above the 30.0 %",
            "Give local partners at least 70.0 % of the shares",
        ],
    );
}

#[test]
fn too_little_foreign_investment_trips_the_trade_licence_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![trade_licence(None, Some(dec!(5000)))];
    let w = one(&deal, "foreign_trade_licence");
    assert_eq!(w.path, "parties[0].contributions");
    assert_eq!(w.source.as_deref(), Some(SOURCE));
    says(
        &w,
        &[
            "Foreign parties contribute USD 1,200 in all, below the USD 5,000",
            "Raise Maker's cash or equipment contribution by USD 3,800",
        ],
    );
}

#[test]
fn a_deal_within_the_trade_licence_limits_does_not_trip_it() {
    let mut deal = nigeria();
    deal.market.rules = vec![trade_licence(Some(dec!(0.40)), Some(dec!(1200)))];
    assert!(with_code(&deal, "foreign_trade_licence").is_empty());
    // No foreign party at all: nothing to license.
    deal.parties[0].home_country = "NG".to_owned();
    deal.market.rules = vec![trade_licence(Some(dec!(0)), Some(dec!(1_000_000)))];
    assert!(with_code(&deal, "foreign_trade_licence").is_empty());
}

// ---------------------------------------------------------------------------------------
// capital_import_cash_or_goods
// ---------------------------------------------------------------------------------------

fn capital_import() -> MarketRule {
    MarketRule::CapitalImportNeedsCashOrGoods {
        basis: basis(
            "Foreign capital must come in as cash or goods to get a Certificate of Capital Importation",
        ),
    }
}

#[test]
fn an_ip_only_stake_trips_the_capital_import_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![capital_import()];
    deal.parties[0]
        .contributions
        .retain(|c| c.kind == ContributionKind::Technology);
    let w = one(&deal, "capital_import_cash_or_goods");
    assert_eq!(w.path, "parties[0].contributions");
    assert_eq!(w.source.as_deref(), Some(SOURCE));
    says(
        &w,
        &[
            "Certificate of Capital Importation",
            "Maker brings only technology for its shares",
            "cash or as equipment or kits",
        ],
    );
}

#[test]
fn a_stake_with_cash_or_goods_does_not_trip_the_capital_import_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![capital_import()];
    assert!(with_code(&deal, "capital_import_cash_or_goods").is_empty());
    // Equipment counts as goods.
    deal.parties[0].contributions[0].kind = ContributionKind::Asset;
    deal.parties[0].contributions[0].useful_life_years = Some(2);
    assert!(with_code(&deal, "capital_import_cash_or_goods").is_empty());
    // A resident with only a network needs no capital import.
    deal.parties[1].contributions[0].kind = ContributionKind::Distribution;
    deal.parties[1].contributions[0].useful_life_years = Some(2);
    assert!(with_code(&deal, "capital_import_cash_or_goods").is_empty());
}

// ---------------------------------------------------------------------------------------
// repatriation_restricted
// ---------------------------------------------------------------------------------------

fn repatriation() -> MarketRule {
    MarketRule::RepatriationRestricted {
        basis: basis("Only profits of fiscal years from 2025 may be paid out as dividends abroad"),
    }
}

#[test]
fn dividends_to_a_foreign_party_trip_the_repatriation_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![repatriation()];
    let ev = run(&deal);
    let dividends: rust_decimal::Decimal = ev.parties[0].channels.dividends.iter().sum();
    assert!(dividends > dec!(0), "the maker is paid dividends");
    let w = one(&deal, "repatriation_restricted");
    assert_eq!(w.path, "parties[0]");
    assert_eq!(w.source.as_deref(), Some(SOURCE));
    says(
        &w,
        &[
            "Only profits of fiscal years from 2025",
            "Maker is projected to receive USD",
            "blocked or delayed",
            "royalties or kit margin",
            "reinvest",
        ],
    );
}

#[test]
fn no_dividends_abroad_does_not_trip_the_repatriation_rule() {
    let mut deal = nigeria();
    deal.market.rules = vec![repatriation()];
    deal.plan.payout_ratio = dec!(0);
    assert!(with_code(&deal, "repatriation_restricted").is_empty());
    // With dividends, only the foreign party is flagged, never the resident dealer.
    deal.plan.payout_ratio = dec!(1);
    let flagged: Vec<String> = with_code(&deal, "repatriation_restricted")
        .into_iter()
        .map(|w| w.path)
        .collect();
    assert_eq!(flagged, ["parties[0]"]);
}

// ---------------------------------------------------------------------------------------
// duty_change_scheduled
// ---------------------------------------------------------------------------------------

fn duty(applies_to: DutyBase, rate: rust_decimal::Decimal) -> MarketRule {
    MarketRule::DutyChange {
        applies_to,
        rate,
        effective: "2026-07-01".to_owned(),
        basis: basis("Import duty on electric vehicles rises in steps to 35 % by July 2026"),
    }
}

#[test]
fn a_kit_duty_change_names_the_new_rate_and_date() {
    let mut deal = nigeria();
    deal.market.rules = vec![duty(DutyBase::Kits, dec!(0.35))];
    let w = one(&deal, "duty_change_scheduled");
    assert_eq!(w.path, "market.import_duty_kits");
    assert_eq!(w.source.as_deref(), Some(SOURCE));
    says(
        &w,
        &[
            "Duty on kits becomes 35.0 % from 2026-07-01; the deal uses 10.0 %",
            "Set the kit duty to 35.0 %",
        ],
    );
    // A vehicle duty concerns the imports the JV competes with.
    deal.market.rules = vec![duty(DutyBase::Vehicles, dec!(0.5))];
    let w = one(&deal, "duty_change_scheduled");
    assert_eq!(w.path, "plan.retail_price");
    says(&w, &["finished vehicles becomes 50.0 % from 2026-07-01"]);
}

#[test]
fn a_kit_duty_already_at_the_new_rate_is_not_flagged() {
    let mut deal = nigeria();
    deal.market.rules = vec![duty(DutyBase::Kits, dec!(0.10))];
    assert!(with_code(&deal, "duty_change_scheduled").is_empty());
}

// ---------------------------------------------------------------------------------------
// Caps and limits held in market fields: their source comes from the provenance
// ---------------------------------------------------------------------------------------

fn sourced(field: &str, source: &str) -> ValueSource {
    ValueSource {
        field: field.to_owned(),
        source: source.to_owned(),
        as_of: "2025-02".to_owned(),
    }
}

#[test]
fn a_royalty_above_the_cap_cites_the_cap_source_and_says_what_to_change() {
    let mut deal = nigeria();
    deal.market.royalty_cap = Some(RoyaltyCap {
        kind: RoyaltyCapKind::Approval,
        rate: dec!(0.03),
        covers_fees: false,
    });
    deal.market.provenance = vec![
        sourced("corporate_tax_rate", "https://example.org/cit"),
        sourced("royalty_cap", "https://notap.gov.ng/guidelines"),
    ];
    let w = one(&deal, "royalty_above_cap");
    assert_eq!(w.path, "agreements.licence.royalty_rate");
    assert_eq!(w.source.as_deref(), Some("https://notap.gov.ng/guidelines"));
    says(
        &w,
        &[
            "The royalty rate is 5.0 % of net sales, above Nigeria's cap of 3.0 %",
            "needs the regulator's approval",
            "Lower the royalty rate to 3.0 %",
        ],
    );
    // Without a sourced cap the warning has no source; within the cap there is none.
    deal.market.provenance.clear();
    assert_eq!(one(&deal, "royalty_above_cap").source, None);
    deal.agreements.licence.as_mut().unwrap().royalty_rate = dec!(0.03);
    assert!(with_code(&deal, "royalty_above_cap").is_empty());
}

#[test]
fn a_foreign_share_above_the_limit_cites_the_limit_source() {
    let mut deal = nigeria();
    deal.market.foreign_ownership_limit = Some(dec!(0.3));
    deal.market.provenance = vec![sourced(
        "foreign_ownership_limit",
        "https://example.org/fdi",
    )];
    let w = one(&deal, "foreign_share_above_limit");
    assert_eq!(w.path, "equity");
    assert_eq!(w.source.as_deref(), Some("https://example.org/fdi"));
    says(
        &w,
        &[
            "above Nigeria's limit of 30.0 %",
            "at least 70.0 % of the shares",
        ],
    );
    deal.market.foreign_ownership_limit = Some(dec!(0.4));
    assert!(with_code(&deal, "foreign_share_above_limit").is_empty());
}

// ---------------------------------------------------------------------------------------
// Rules inform; they never change or block the calculation
// ---------------------------------------------------------------------------------------

#[test]
fn rules_change_only_the_warnings() {
    let plain = run(&nigeria());
    let mut deal = nigeria();
    deal.market.rules = vec![
        notap(),
        trade_licence(Some(dec!(0)), Some(dec!(1_000_000))),
        capital_import(),
        repatriation(),
        duty(DutyBase::Kits, dec!(0.35)),
        duty(DutyBase::Vehicles, dec!(0.5)),
    ];
    let ruled = run(&deal);
    assert_eq!(ruled.projection, plain.projection);
    assert_eq!(ruled.parties, plain.parties);
    assert_eq!(ruled.equity, plain.equity);
    let codes: Vec<&str> = ruled
        .warnings
        .iter()
        .filter(|w| w.source.is_some())
        .map(|w| w.code)
        .collect();
    assert_eq!(
        codes,
        [
            "technology_fee_refused_on_ckd",
            "foreign_trade_licence",
            "foreign_trade_licence",
            "repatriation_restricted",
            "duty_change_scheduled",
            "duty_change_scheduled",
        ]
    );
    // A guardrail's source travels with it in the JSON; other warnings have none.
    let json = serde_json::to_value(&ruled.warnings).unwrap();
    let guardrail = json
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "technology_fee_refused_on_ckd")
        .unwrap();
    assert_eq!(guardrail["source"], SOURCE);
    let json = serde_json::to_value(&plain.warnings).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|w| w.get("source").is_none())
    );
}
