//! Applying a preset to a deal: the values copied with their sources, the treaty rates for
//! the foreign parties, the rules, and what the preset does not know left to the deal.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use jv_engine::model::{
    Deal, MarketRule, PresetRef, RoyaltyCap, RoyaltyCapKind, TaxIncentive, TreatyRate, ValueSource,
};
use jv_engine::{DealError, evaluate, read_deal};
use jv_markets::{apply_preset, shipped, shipped_preset};
use rust_decimal_macros::dec;
use support::{example_deals, repo};

fn example(name: &str) -> Deal {
    read_deal(&std::fs::read_to_string(repo(&format!("examples/{name}"))).unwrap()).unwrap()
}

fn source<'a>(deal: &'a Deal, field: &str) -> &'a ValueSource {
    deal.market
        .provenance
        .iter()
        .find(|v| v.field == field)
        .unwrap_or_else(|| panic!("no provenance for {field}"))
}

/// What every preset leaves to the deal, because the reference data has no value for it.
const ALWAYS_UNKNOWN: [&str; 10] = [
    "loss_carry_forward_years",
    "interest_deduction_limit",
    "interest_carry_forward_years",
    "amortisation_deductible",
    "dividend_withholding.resident",
    "royalty_withholding.resident",
    "capital_gains_tax_rate",
    "fx_spot",
    "fx_depreciation",
    "legal_reserve",
];

#[test]
fn nigeria_on_the_kenya_deal() {
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    let nigeria = shipped_preset("NG").unwrap();
    let applied = apply_preset(&mut deal, &nigeria);

    let market = &deal.market;
    assert_eq!(
        (
            market.country.as_str(),
            market.name.as_str(),
            market.currency.as_str()
        ),
        ("NG", "Nigeria", "NGN")
    );
    assert_eq!(
        market.preset,
        Some(PresetRef {
            country: "NG".to_owned(),
            version: nigeria.version.clone(),
        })
    );
    assert_eq!(market.corporate_tax_rate, dec!(0.30));
    assert_eq!(market.dividend_withholding.non_resident, dec!(0.10));
    assert_eq!(market.royalty_withholding.non_resident, dec!(0.10));
    assert_eq!(market.import_duty_kits, dec!(0));
    assert_eq!(market.inflation, dec!(0.332));
    assert_eq!(
        market.royalty_cap,
        Some(RoyaltyCap {
            kind: RoyaltyCapKind::Approval,
            rate: dec!(0.05),
            covers_fees: true,
        })
    );
    assert_eq!(market.foreign_ownership_limit, None);
    // The maker is Chinese: the China-Nigeria treaty's rates.
    let cn = vec![TreatyRate {
        country: "CN".to_owned(),
        rate: dec!(0.075),
    }];
    assert_eq!(market.dividend_withholding.treaties, cn);
    assert_eq!(market.royalty_withholding.treaties, cn);
    assert_eq!(market.rules, nigeria.rules);
    assert_eq!(market.rules.len(), 2);

    assert_eq!(
        source(&deal, "corporate_tax_rate"),
        &ValueSource {
            field: "corporate_tax_rate".to_owned(),
            source: "https://regfollower.com/nigeria-gazettes-tax-reform-acts-updates-corporate-and-minimum-effective-tax-rates".to_owned(),
            as_of: "2026-01-01".to_owned(),
        }
    );
    assert_eq!(
        source(&deal, "dividend_withholding.treaties.CN").source,
        "https://taxsummaries.pwc.com/peoples-republic-of-china/corporate/withholding-taxes"
    );
    assert_eq!(source(&deal, "royalty_cap").as_of, "2026-11");
    assert_eq!(
        source(&deal, "dividend_withholding.non_resident").as_of,
        "2024-09-16"
    );

    // Unknown values keep the deal's own: the Kenya FX spot (no rate was given, so nothing
    // was converted). Kenya's assembler incentive and its interest limit are rules of
    // Kenya: they do not follow the deal to Nigeria, and stay listed as unknown.
    assert_eq!(deal.market.fx_spot, dec!(129));
    assert!(applied.rebased.is_empty());
    assert_eq!(deal.market.tax_incentive, None);
    assert_eq!(deal.market.interest_deduction_limit, None);
    for rule in ["tax_incentive", "interest_deduction_limit"] {
        assert!(applied.cleared.contains(&rule.to_owned()), "{rule}");
        assert!(applied.unknown.contains(&rule.to_owned()), "{rule}");
    }
    // The dealer follows the deal to Nigeria, so no Kenya treaty is needed.
    assert_eq!(applied.moved, ["dealer"]);
    assert_eq!(deal.parties[1].home_country, "NG");
    assert_eq!(deal.parties[0].home_country, "CN");
    let mut expected: Vec<&str> = vec!["tax_incentive", "tax_holiday_years", "other_import_levies"];
    expected.extend(ALWAYS_UNKNOWN);
    let mut unknown = applied.unknown.clone();
    unknown.sort();
    expected.sort();
    assert_eq!(unknown, expected);
    // Only Kenya's rules the Nigeria preset does not know are removed; no path was set.
    assert_eq!(
        applied.cleared,
        ["tax_incentive", "interest_deduction_limit"]
    );
    // One provenance entry per copied value: 20 fields and two China treaty rates
    // (dividends and royalties), less the unknown ones.
    assert_eq!(deal.market.provenance.len(), 20 + 2 - applied.unknown.len());
    assert!(deal.market.sources.contains(
        &"http://www.notap.gov.ng/content/extracts-cbn-foreign-exchange-manual".to_owned()
    ));

    let evaluation = evaluate(&deal).unwrap();
    assert_eq!(evaluation.deal.market, "NG");
    let refused: Vec<_> = evaluation
        .warnings
        .iter()
        .filter(|w| w.code == "technology_fee_refused_on_ckd")
        .collect();
    assert_eq!(refused.len(), 1, "{:#?}", evaluation.warnings);
    assert_eq!(
        refused[0].source.as_deref(),
        Some("http://www.notap.gov.ng/content/extracts-cbn-foreign-exchange-manual")
    );

    // Back to Kenya: the guardrail goes, and so does the China treaty (not in force there).
    let applied = apply_preset(&mut deal, &shipped_preset("KE").unwrap());
    assert!(deal.market.dividend_withholding.treaties.is_empty());
    assert!(deal.market.royalty_withholding.treaties.is_empty());
    assert_eq!(
        source(&deal, "dividend_withholding.treaties.CN").as_of,
        "2024-12-31"
    );
    assert!(
        !applied
            .unknown
            .contains(&"dividend_withholding.treaties.CN".to_owned())
    );
    assert!(deal.market.rules.is_empty());
    // The Nigeria cap is not Kenya's: it stays until the user decides, and is listed.
    assert!(applied.unknown.contains(&"royalty_cap".to_owned()));
    let evaluation = evaluate(&deal).unwrap();
    assert!(
        evaluation
            .warnings
            .iter()
            .all(|w| w.code != "technology_fee_refused_on_ckd")
    );
}

#[test]
fn none_clears_a_limit_and_compound_values_are_copied_whole() {
    let mut deal = example("nigeria-dealer-diluted.jvdeal");
    assert!(deal.market.royalty_cap.is_some());
    apply_preset(&mut deal, &shipped_preset("BR").unwrap());
    // Brazil's cap was revoked from 2024: no cap, with the source that says so.
    assert_eq!(deal.market.royalty_cap, None);
    assert_eq!(
        source(&deal, "royalty_cap").source,
        "https://www.machadoassociados.com.br/en/publicacoes/law-14596-new-brazilian-transfer-pricing-rules/"
    );
    // The treaty rate above the domestic one is stored; the engine takes the lower.
    assert_eq!(
        deal.market.dividend_withholding.treaties,
        [TreatyRate {
            country: "CN".to_owned(),
            rate: dec!(0.15)
        }]
    );
    apply_preset(&mut deal, &shipped_preset("KE").unwrap());
    assert_eq!(
        deal.market.tax_incentive,
        Some(TaxIncentive {
            rate: dec!(0.15),
            years: 5
        })
    );
    assert_eq!(source(&deal, "tax_incentive").as_of, "2025-02-18");
    apply_preset(&mut deal, &shipped_preset("GH").unwrap());
    assert_eq!(deal.market.tax_holiday_years, 10);
    assert_eq!(deal.market.foreign_ownership_limit, Some(dec!(0.90)));
    // Brazil's legal reserve is Brazilian company law; Mexico's preset does not give one,
    // so the rule is removed and the user is asked for Mexico's.
    let mut brazil = example("brazil-negotiated-60-40.jvdeal");
    assert!(brazil.market.legal_reserve.is_some());
    let applied = apply_preset(&mut brazil, &shipped_preset("MX").unwrap());
    assert_eq!(brazil.market.legal_reserve, None);
    assert!(applied.unknown.contains(&"legal_reserve".to_owned()));
    assert!(applied.cleared.contains(&"legal_reserve".to_owned()));
    assert!(matches!(
        brazil.market.rules.as_slice(),
        [MarketRule::DutyChange { .. }]
    ));
}

#[test]
fn a_partner_country_without_a_treaty_entry_is_unknown() {
    let mut deal = example("nigeria-dealer-diluted.jvdeal");
    let maker = deal
        .parties
        .iter_mut()
        .find(|p| p.home_country == "CN")
        .unwrap();
    maker.home_country = "IN".to_owned();
    deal.market.dividend_withholding.treaties = vec![
        TreatyRate {
            country: "IN".to_owned(),
            rate: dec!(0.075),
        },
        TreatyRate {
            country: "CN".to_owned(),
            rate: dec!(0.075),
        },
    ];
    let applied = apply_preset(&mut deal, &shipped_preset("ZA").unwrap());
    assert!(
        applied
            .unknown
            .contains(&"dividend_withholding.treaties.IN".to_owned())
    );
    assert!(
        applied
            .unknown
            .contains(&"royalty_withholding.treaties.IN".to_owned())
    );
    // The deal's own rate for India stays; China's goes with the old market (no party is
    // Chinese any more).
    assert_eq!(
        deal.market.dividend_withholding.treaties,
        [TreatyRate {
            country: "IN".to_owned(),
            rate: dec!(0.075)
        }]
    );
    assert!(
        deal.market
            .provenance
            .iter()
            .all(|v| !v.field.contains("treaties"))
    );
}

#[test]
fn explicit_paths_of_the_old_market_are_cleared() {
    let mut deal = example("kenya-e3w-ckd.jvdeal");
    deal.market.inflation_path = Some(vec![dec!(0.05); 10]);
    deal.market.fx_path = Some(vec![dec!(129); 11]);
    let applied = apply_preset(&mut deal, &shipped_preset("TZ").unwrap());
    assert!(
        applied
            .cleared
            .ends_with(&["inflation_path".to_owned(), "fx_path".to_owned()])
    );
    assert_eq!(deal.market.inflation_path, None);
    assert_eq!(deal.market.fx_path, None);
    // A second application of the same preset keeps what the user set since.
    deal.market.fx_path = Some(vec![dec!(2500); 11]);
    let applied = apply_preset(&mut deal, &shipped_preset("tz").unwrap());
    assert_eq!(applied.cleared, Vec::<String>::new());
    assert!(deal.market.fx_path.is_some());
}

#[test]
fn every_preset_on_every_example_evaluates() {
    let mut checked = 0;
    for (name, text) in example_deals() {
        let original = read_deal(&text).unwrap();
        for preset in shipped() {
            let mut deal = original.clone();
            let applied = apply_preset(&mut deal, &preset);
            for field in ALWAYS_UNKNOWN {
                assert!(
                    applied.unknown.contains(&field.to_owned()),
                    "{name} on {}: {field}",
                    preset.country
                );
            }
            let outcome: Result<_, DealError> = evaluate(&deal);
            let evaluation =
                outcome.unwrap_or_else(|e| panic!("{name} on {}: {e:?}", preset.country));
            assert_eq!(evaluation.deal.market, preset.country);
            assert_eq!(evaluation.deal.local_currency, preset.currency);
            checked += 1;
        }
    }
    assert_eq!(checked, 5 * 16);
}
