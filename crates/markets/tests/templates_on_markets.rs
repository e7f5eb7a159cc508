//! Every deal template on every shipped market, at an exchange rate per currency: the deal
//! evaluates, the local partner becomes a resident, and the local-currency amounts follow
//! the new currency.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use jv_engine::model::{Deal, Role};
use jv_engine::{Evaluation, evaluate, read_deal};
use jv_markets::{ApplyOptions, apply_preset_with, shipped, shipped_preset};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use support::repo;

/// Test rates, not market data: local currency per USD, round figures of the right order of
/// magnitude chosen for this test only. The presets carry no spot rate (the reference data
/// has none); the app asks the user for today's rate.
const TEST_RATES: [(&str, Decimal); 16] = [
    ("ARS", dec!(1000)),
    ("BRL", dec!(5.5)),
    ("CLP", dec!(950)),
    ("COP", dec!(4000)),
    ("EGP", dec!(50)),
    ("ETB", dec!(130)),
    ("GHS", dec!(15)),
    ("KES", dec!(129)),
    ("MAD", dec!(10)),
    ("MXN", dec!(18)),
    ("NGN", dec!(1550)),
    ("PEN", dec!(3.7)),
    ("TZS", dec!(2600)),
    ("UGX", dec!(3700)),
    ("XOF", dec!(600)),
    ("ZAR", dec!(18)),
];

fn test_rate(currency: &str) -> Decimal {
    TEST_RATES
        .iter()
        .find(|(c, _)| *c == currency)
        .unwrap_or_else(|| panic!("no test rate for {currency}"))
        .1
}

/// The templates, as (file name, deal), sorted by name.
fn templates() -> Vec<(String, Deal)> {
    let mut files: Vec<(String, Deal)> = std::fs::read_dir(repo("templates"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "jvdeal"))
        .map(|path| {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let deal = read_deal(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            (name, deal)
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn template(name: &str) -> Deal {
    templates()
        .into_iter()
        .find(|(file, _)| file == name)
        .unwrap_or_else(|| panic!("no template {name}"))
        .1
}

fn on_market(deal: &Deal, country: &str) -> (Deal, Evaluation) {
    let preset = shipped_preset(country).unwrap();
    let mut deal = deal.clone();
    let options = ApplyOptions {
        fx_spot: Some(test_rate(&preset.currency)),
    };
    apply_preset_with(&mut deal, &preset, &options).unwrap();
    let evaluation = evaluate(&deal).unwrap_or_else(|e| panic!("{country}: {e:?}"));
    (deal, evaluation)
}

fn has_warning(evaluation: &Evaluation, code: &str) -> bool {
    evaluation.warnings.iter().any(|w| w.code == code)
}

#[test]
fn every_template_on_every_market_evaluates() {
    let templates = templates();
    assert_eq!(templates.len(), 4);
    let mut checked = 0;
    for (name, original) in &templates {
        for preset in shipped() {
            let mut deal = original.clone();
            let options = ApplyOptions {
                fx_spot: Some(test_rate(&preset.currency)),
            };
            let applied = apply_preset_with(&mut deal, &preset, &options)
                .unwrap_or_else(|e| panic!("{name} on {}: {e}", preset.country));
            let here = format!("{name} on {}", preset.country);
            if preset.country == original.market.country {
                assert!(applied.moved.is_empty(), "{here}");
            } else {
                assert_eq!(applied.moved, ["partner"], "{here}");
            }
            for party in &deal.parties {
                let home = match party.role {
                    Role::LocalPartner => preset.country.as_str(),
                    _ => "CN",
                };
                assert_eq!(party.home_country, home, "{here}: {}", party.id);
            }
            // Every template is in KES with a retail price, so a new currency converts it.
            let converted = applied.rebased.contains(&"plan.retail_price".to_owned());
            assert_eq!(converted, preset.currency != "KES", "{here}");
            assert_eq!(
                deal.agreements.kit_supply.kit_fob_price,
                original.agreements.kit_supply.kit_fob_price,
                "{here}"
            );
            let evaluation = evaluate(&deal).unwrap_or_else(|e| panic!("{here}: {e:?}"));
            assert_eq!(evaluation.deal.local_currency, preset.currency, "{here}");
            let partner = evaluation
                .parties
                .iter()
                .find(|p| p.id == "partner")
                .unwrap();
            assert!(partner.resident, "{here}");
            // The figures keep their dollar value, so no market turns a template absurd:
            // both parties gain everywhere (the lowest, the partner on e3w in Chile, USD 96k).
            for party in &evaluation.parties {
                let npv = party.views.cash.npv;
                assert!(npv > Decimal::ZERO, "{here}: {} {npv}", party.id);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 4 * 16);
}

#[test]
fn nigeria_refuses_the_technology_fees_of_the_ckd_template_and_kenya_does_not() {
    let e3w = template("e3w-ckd-dealer.jvdeal");
    let (_, on_nigeria) = on_market(&e3w, "NG");
    assert!(has_warning(&on_nigeria, "technology_fee_refused_on_ckd"));
    let (_, on_kenya) = on_market(&e3w, "KE");
    assert!(!has_warning(&on_kenya, "technology_fee_refused_on_ckd"));
}

#[test]
fn both_parties_gain_on_the_ckd_template_in_kenya_nigeria_and_brazil() {
    let e3w = template("e3w-ckd-dealer.jvdeal");
    for country in ["KE", "NG", "BR"] {
        let (_, evaluation) = on_market(&e3w, country);
        let npvs: Vec<(String, Decimal)> = evaluation
            .parties
            .iter()
            .map(|p| (p.id.clone(), p.views.cash.npv.round_dp(0)))
            .collect();
        eprintln!("e3w-ckd-dealer on {country}, cash NPV (USD): {npvs:?}");
        for (id, npv) in &npvs {
            assert!(*npv > Decimal::ZERO, "{country}: {id} {npv}");
        }
    }
}
