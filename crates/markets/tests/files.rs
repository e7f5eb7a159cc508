//! The shipped preset files: each parses, is embedded, follows the committed JSON Schema,
//! cites a web page and a date for every value and rule, and agrees with the reference data
//! (`shared/markets/markets.csv`, whose figures are copied into the table below).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::str::FromStr;

use jv_engine::model::{DutyBase, MarketRule};
use jv_markets::{
    MarketPreset, TreatyStatus, parse_preset, parse_preset_file, preset_schema, preset_to_toml,
    shipped, shipped_files, shipped_preset,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;
use support::schema_check::violations;
use support::{preset_files, repo};

/// The 16 markets of the reference data.
const COUNTRIES: [&str; 16] = [
    "AR", "BR", "CI", "CL", "CO", "EG", "ET", "GH", "KE", "MA", "MX", "NG", "PE", "TZ", "UG", "ZA",
];

fn preset(country: &str) -> MarketPreset {
    shipped_preset(country).unwrap_or_else(|| panic!("no preset for {country}"))
}

fn number(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|_| panic!("{text} is not a decimal"))
}

#[test]
fn every_file_in_markets_is_embedded_and_parses() {
    let on_disk = preset_files();
    let embedded: Vec<(String, String)> = shipped_files()
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    assert_eq!(
        on_disk.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        embedded.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        "every markets/*.toml is embedded (build.rs lists the folder)"
    );
    assert_eq!(on_disk, embedded, "the embedded text is the file's");
    for (name, text) in &on_disk {
        let preset =
            parse_preset_file(&format!("markets/{name}"), text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format!("{}.toml", preset.country), *name);
    }
    let countries: Vec<String> = shipped().into_iter().map(|p| p.country).collect();
    assert_eq!(countries, COUNTRIES, "all 16 markets, sorted by code");
    assert_eq!(shipped_preset(" ke ").unwrap().name, "Kenya");
    assert_eq!(shipped_preset("XX"), None);
}

#[test]
fn committed_schema_is_current() {
    let path = repo("markets/preset.schema.json");
    let mut fresh = serde_json::to_string_pretty(&preset_schema()).unwrap();
    fresh.push('\n');
    if std::env::var_os("JV_UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "markets/preset.schema.json is stale: rerun with JV_UPDATE_GENERATED=1 and commit it"
    );
}

fn as_json(text: &str) -> Value {
    let value: toml::Value = toml::from_str(text).unwrap();
    serde_json::to_value(value).unwrap()
}

#[test]
fn every_file_follows_the_committed_schema() {
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("markets/preset.schema.json")).unwrap())
            .unwrap();
    for (name, text) in preset_files() {
        let problems = violations(&committed, &as_json(&text));
        assert!(problems.is_empty(), "{name}: {problems:#?}");
    }
}

#[test]
fn the_schema_check_catches_what_the_schema_forbids() {
    let schema = preset_schema();
    let text = std::fs::read_to_string(repo("markets/KE.toml")).unwrap();
    let broken = text
        .replace("value = \"0.30\"", "value = \"30 %\"")
        .replace("as_of = \"2024\"", "as_of = \"last year\"")
        .replace("[values.fx_spot]", "[values.fx_spot_rate]")
        .replace("status = \"signed_not_in_force\"", "status = \"pending\"")
        .replacen(
            "source = \"https://taxsummaries",
            "source = \"taxsummaries",
            1,
        );
    let problems = violations(&schema, &as_json(&broken));
    for expected in [
        ".values.corporate_tax_rate.value: \"30 %\" does not match",
        ".values.inflation.as_of: \"last year\" does not match",
        ".values: misses \"fx_spot\"",
        ".values: unknown key fx_spot_rate",
        ".treaties.CN.status: 0 branches of oneOf match \"pending\"",
        ".values.corporate_tax_rate.source: \"taxsummaries.pwc.com",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} in {problems:#?}"
        );
    }
}

#[test]
fn every_value_and_rule_cites_a_web_page_and_a_date() {
    for preset in shipped() {
        let entries = preset.entries();
        // 20 market values, 6 reference values, 2 treaty rates, and the rules.
        assert_eq!(entries.len(), 28 + preset.rules.len(), "{}", preset.country);
        for entry in entries {
            let where_ = format!("{} {}", preset.country, entry.key);
            assert!(
                entry.source.starts_with("https://") || entry.source.starts_with("http://"),
                "{where_}: {}",
                entry.source
            );
            assert!(entry.source.len() > "https://".len(), "{where_}");
            assert!(
                matches!(entry.as_of.len(), 4 | 7 | 10),
                "{where_}: {}",
                entry.as_of
            );
        }
    }
}

#[test]
fn every_unknown_value_says_why() {
    for preset in shipped() {
        let toml = preset_to_toml(&preset).unwrap();
        let value: toml::Value = toml::from_str(&toml).unwrap();
        let mut tables = vec![
            ("values", &value["values"]),
            ("reference", &value["reference"]),
        ];
        let mut unknowns = 0;
        while let Some((key, table)) = tables.pop() {
            let table = table.as_table().unwrap();
            if table.get("value").and_then(toml::Value::as_str) == Some("unknown") {
                unknowns += 1;
                assert!(
                    table
                        .get("note")
                        .and_then(toml::Value::as_str)
                        .is_some_and(|n| !n.is_empty()),
                    "{} {key}: an unknown value needs a note",
                    preset.country
                );
            }
            for (name, sub) in table {
                if sub.is_table() {
                    tables.push((name, sub));
                }
            }
        }
        assert!(unknowns > 0, "{}", preset.country);
    }
}

#[test]
fn version_is_the_month_of_the_newest_dated_fact() {
    for preset in shipped() {
        let start = |as_of: &str| match as_of.len() {
            4 => format!("{as_of}-01-01"),
            7 => format!("{as_of}-01"),
            _ => as_of.to_owned(),
        };
        let newest = preset
            .entries()
            .iter()
            .filter(|e| e.value != "unknown")
            .map(|e| start(&e.as_of))
            .max()
            .unwrap();
        assert_eq!(preset.version, newest[..7], "{}", preset.country);
    }
    assert_eq!(preset("KE").version, "2025-02");
}

#[test]
fn every_market_has_a_china_treaty_entry() {
    for preset in shipped() {
        let treaty = preset
            .treaties
            .get("CN")
            .unwrap_or_else(|| panic!("{} has no CN treaty", preset.country));
        let in_force = treaty.status == TreatyStatus::InForce;
        assert_eq!(
            treaty.dividends.value != "none",
            in_force,
            "{}",
            preset.country
        );
    }
    assert_eq!(
        preset("KE").treaties["CN"].status,
        TreatyStatus::SignedNotInForce
    );
    assert_eq!(
        preset("UG").treaties["CN"].status,
        TreatyStatus::SignedNotInForce
    );
    assert_eq!(preset("GH").treaties["CN"].status, TreatyStatus::None);
}

/// The figures of `shared/markets/markets.csv`, as fractions: corporate tax, dividend and
/// royalty withholding to non-residents, the China treaty's dividend and royalty rates
/// ("none" where no treaty is in force), VAT, inflation and the country risk premium.
const REFERENCE: [[&str; 9]; 16] = [
    [
        "KE", "0.30", "0.15", "0.20", "none", "none", "0.16", "0.045", "0.1001",
    ],
    [
        "NG", "0.30", "0.10", "0.10", "0.075", "0.075", "0.075", "0.332", "0.1001",
    ],
    [
        "ET", "0.30", "0.10", "0.05", "0.05", "0.05", "0.15", "0.21", "0.1202",
    ],
    [
        "EG", "0.225", "0.10", "0.20", "0.08", "0.08", "0.14", "0.283", "0.1001",
    ],
    [
        "ZA", "0.27", "0.20", "0.15", "0.05", "0.10", "0.15", "0.044", "0.0402",
    ],
    [
        "GH", "0.25", "0.08", "0.15", "none", "none", "0.15", "0.228", "0.1202",
    ],
    [
        "TZ", "0.30", "0.10", "0.15", "none", "none", "0.18", "0.031", "0.0601",
    ],
    [
        "MA", "0.20", "0.10", "0.10", "0.10", "0.10", "0.20", "0.01", "0.0334",
    ],
    [
        "CI", "0.25", "0.15", "0.20", "none", "none", "0.18", "0.035", "0.0402",
    ],
    [
        "UG", "0.30", "0.15", "0.15", "none", "none", "0.18", "0.033", "0.0868",
    ],
    [
        "BR", "0.34", "0.10", "0.15", "0.15", "0.15", "unknown", "0.044", "0.0334",
    ],
    [
        "CO", "0.35", "0.20", "0.20", "none", "none", "0.19", "0.066", "0.0254",
    ],
    [
        "PE", "0.295", "0.05", "0.30", "none", "none", "0.18", "0.02", "0.0213",
    ],
    [
        "CL", "0.27", "0.35", "0.30", "0.35", "0.10", "0.19", "0.043", "0.0113",
    ],
    [
        "AR", "0.35", "0.07", "0.28", "0.10", "0.10", "0.21", "0.315", "0.1602",
    ],
    [
        "MX", "0.30", "0.10", "0.25", "0.05", "0.10", "0.16", "0.047", "0.0254",
    ],
];

#[test]
fn values_match_the_reference_data() {
    let same = |found: &str, expected: &str, what: &str| {
        if matches!(expected, "none" | "unknown") {
            assert_eq!(found, expected, "{what}");
        } else {
            assert_eq!(number(found), number(expected), "{what}");
        }
    };
    for [
        country,
        cit,
        dividends,
        royalties,
        cn_dividends,
        cn_royalties,
        vat,
        inflation,
        crp,
    ] in REFERENCE
    {
        let p = preset(country);
        let v = &p.values;
        same(&v.corporate_tax_rate.value, cit, &format!("{country} CIT"));
        same(
            &v.dividend_withholding.non_resident.value,
            dividends,
            &format!("{country} dividend WHT"),
        );
        same(
            &v.royalty_withholding.non_resident.value,
            royalties,
            &format!("{country} royalty WHT"),
        );
        same(
            &p.treaties["CN"].dividends.value,
            cn_dividends,
            &format!("{country} CN dividends"),
        );
        same(
            &p.treaties["CN"].royalties.value,
            cn_royalties,
            &format!("{country} CN royalties"),
        );
        same(&p.reference.vat_rate.value, vat, &format!("{country} VAT"));
        same(
            &v.inflation.value,
            inflation,
            &format!("{country} inflation"),
        );
        same(
            &p.reference.country_risk_premium.value,
            crp,
            &format!("{country} CRP"),
        );
    }
    // Spot checks with their sources and dates.
    let ke = preset("KE");
    assert_eq!(ke.values.corporate_tax_rate.value, "0.30");
    assert_eq!(
        ke.values.corporate_tax_rate.source,
        "https://taxsummaries.pwc.com/kenya/corporate/taxes-on-corporate-income"
    );
    assert_eq!(ke.values.corporate_tax_rate.as_of, "2025-02-18");
    assert_eq!(ke.values.tax_incentive.rate, Some(dec!(0.15)));
    assert_eq!(ke.values.tax_incentive.years, Some(5));
    assert_eq!(ke.values.other_import_levies.value, "0.045");
    let ng = preset("NG");
    assert_eq!(ng.values.dividend_withholding.non_resident.value, "0.10");
    assert_eq!(ng.treaties["CN"].dividends.value, "0.075");
    assert_eq!(
        ng.treaties["CN"].dividends.source,
        "https://taxsummaries.pwc.com/peoples-republic-of-china/corporate/withholding-taxes"
    );
    assert_eq!(ng.values.import_duty_kits.value, "0");
    assert_eq!(preset("ET").values.corporate_tax_rate.value, "0.30");
    assert_eq!(preset("EG").values.corporate_tax_rate.value, "0.225");
    assert_eq!(preset("GH").values.tax_holiday_years.value, "10");
    assert_eq!(preset("TZ").values.tax_incentive.rate, Some(dec!(0.10)));
}

#[test]
fn values_the_reference_does_not_give_are_unknown() {
    for preset in shipped() {
        let v = &preset.values;
        for (what, value) in [
            ("fx_spot", &v.fx_spot),
            ("fx_depreciation", &v.fx_depreciation),
            ("loss_carry_forward_years", &v.loss_carry_forward_years),
            ("interest_deduction_limit", &v.interest_deduction_limit),
            ("capital_gains_tax_rate", &v.capital_gains_tax_rate),
            (
                "dividend_withholding.resident",
                &v.dividend_withholding.resident,
            ),
        ] {
            assert_eq!(value.value, "unknown", "{} {what}", preset.country);
        }
    }
}

#[test]
fn royalty_caps_are_nigerias_approval_range_and_brazils_revoked_cap() {
    let ng = preset("NG").values.royalty_cap;
    assert_eq!(
        (ng.value, ng.kind, ng.rate, ng.covers_fees),
        (
            None,
            Some(jv_engine::model::RoyaltyCapKind::Approval),
            Some(dec!(0.05)),
            Some(true)
        )
    );
    let br = preset("BR").values.royalty_cap;
    assert_eq!(br.value, Some(jv_markets::Absent::None));
    assert!(br.note.unwrap().contains("Law 14,596/2023"));
}

fn duty_changes(country: &str) -> Vec<(DutyBase, Decimal, String)> {
    preset(country)
        .rules
        .into_iter()
        .filter_map(|rule| match rule {
            MarketRule::DutyChange {
                applies_to,
                rate,
                effective,
                ..
            } => Some((applies_to, rate, effective)),
            _ => None,
        })
        .collect()
}

#[test]
fn ev_duty_changes_carry_their_effective_dates() {
    assert_eq!(
        duty_changes("BR"),
        [
            (DutyBase::Vehicles, dec!(0.35), "2026-07-01".to_owned()),
            (DutyBase::Kits, dec!(0.35), "2027-01-01".to_owned()),
        ]
    );
    assert_eq!(
        duty_changes("MX"),
        [(DutyBase::Vehicles, dec!(0.50), "2026-01-01".to_owned())]
    );
}

fn kinds(country: &str) -> Vec<&'static str> {
    preset(country)
        .rules
        .iter()
        .map(|rule| match rule {
            MarketRule::TechnologyFeesRefusedOnCkd { .. } => "technology_fees_refused_on_ckd",
            MarketRule::ForeignTradeLicence { .. } => "foreign_trade_licence",
            MarketRule::CapitalImportNeedsCashOrGoods { .. } => {
                "capital_import_needs_cash_or_goods"
            }
            MarketRule::RepatriationRestricted { .. } => "repatriation_restricted",
            MarketRule::DutyChange { .. } => "duty_change",
        })
        .collect()
}

#[test]
fn market_rules_are_where_the_reference_puts_them() {
    assert_eq!(
        kinds("NG"),
        [
            "technology_fees_refused_on_ckd",
            "capital_import_needs_cash_or_goods"
        ]
    );
    assert_eq!(kinds("AR"), ["repatriation_restricted"]);
    assert_eq!(kinds("TZ"), ["foreign_trade_licence"]);
    assert_eq!(kinds("GH"), ["foreign_trade_licence"]);
    assert_eq!(kinds("UG"), ["foreign_trade_licence"]);
    for country in ["KE", "ET", "EG", "ZA", "MA", "CI", "CO", "PE", "CL"] {
        assert_eq!(kinds(country), Vec::<&str>::new(), "{country}");
    }
    let licence = |country: &str| match &preset(country).rules[0] {
        MarketRule::ForeignTradeLicence {
            max_foreign_share,
            min_foreign_investment,
            basis,
        } => (*max_foreign_share, *min_foreign_investment, basis.clone()),
        other => panic!("{other:?}"),
    };
    let (share, investment, basis) = licence("TZ");
    assert_eq!((share, investment), (Some(dec!(0)), None));
    assert!(basis.summary.contains("GN 487A"));
    let (share, investment, basis) = licence("GH");
    assert_eq!((share, investment), (None, Some(dec!(1000000))));
    assert!(basis.summary.contains("USD 1m"));
    let MarketRule::RepatriationRestricted { basis } = &preset("AR").rules[0] else {
        panic!("AR's rule");
    };
    assert!(basis.summary.contains("1 Jan 2025"));
    assert_eq!(basis.as_of, "2025-04-13");
}

#[test]
fn presets_round_trip_through_toml_and_json() {
    for preset in shipped() {
        let toml = preset_to_toml(&preset).unwrap();
        assert_eq!(parse_preset(&toml).unwrap(), preset, "{}", preset.country);
        let json = serde_json::to_string(&preset).unwrap();
        let back: MarketPreset = serde_json::from_str(&json).unwrap();
        assert_eq!(back, preset, "{}", preset.country);
    }
}
