//! The age of a deal's market values: sources more than 12 months old are listed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use jv_engine::model::ValueSource;
use jv_engine::read_deal;
use jv_markets::{StaleValue, apply_preset, shipped_preset, stale_values};
use support::repo;

fn value(field: &str, as_of: &str) -> ValueSource {
    ValueSource {
        field: field.to_owned(),
        source: "https://example.org/page".to_owned(),
        as_of: as_of.to_owned(),
    }
}

fn market() -> jv_engine::model::Market {
    read_deal(&std::fs::read_to_string(repo("examples/kenya-e3w-ckd.jvdeal")).unwrap())
        .unwrap()
        .market
}

#[test]
fn values_older_than_twelve_months_are_listed_with_their_age() {
    let mut market = market();
    market.provenance = vec![
        value("corporate_tax_rate", "2025-02-18"),
        value("dividend_withholding.non_resident", "2026-01-01"),
        value("inflation", "2024"),
        value("import_duty_kits", "2025-11"),
        value("royalty_cap", "2025-11-29"),
        value("fx_spot", "2025-11-28"),
        value("tax_incentive", "not a date"),
    ];
    assert_eq!(
        stale_values(&market, "2026-11-29"),
        [
            StaleValue {
                field: "corporate_tax_rate".to_owned(),
                as_of: "2025-02-18".to_owned(),
                months_old: 21,
            },
            StaleValue {
                field: "inflation".to_owned(),
                as_of: "2024".to_owned(),
                months_old: 34,
            },
            // A month counts from its first day: 1 Nov 2025 is 12 months and 28 days back.
            StaleValue {
                field: "import_duty_kits".to_owned(),
                as_of: "2025-11".to_owned(),
                months_old: 12,
            },
            StaleValue {
                field: "fx_spot".to_owned(),
                as_of: "2025-11-28".to_owned(),
                months_old: 12,
            },
        ]
    );
    // Exactly 12 months old is not yet older than 12 months; a day later it is.
    let stale: Vec<String> = stale_values(&market, "2026-11-30")
        .into_iter()
        .map(|s| s.field)
        .collect();
    assert!(stale.contains(&"royalty_cap".to_owned()));
    assert!(stale_values(&market, "yesterday").is_empty());
    assert!(stale_values(&market, "2020-01-01").is_empty());
}

#[test]
fn a_fresh_preset_on_a_later_day() {
    let mut deal =
        read_deal(&std::fs::read_to_string(repo("examples/kenya-e3w-ckd.jvdeal")).unwrap())
            .unwrap();
    // The example names no preset, so nothing is dated.
    assert!(stale_values(&deal.market, "2026-11-29").is_empty());
    apply_preset(&mut deal, &shipped_preset("KE").unwrap());
    let stale = stale_values(&deal.market, "2026-11-29");
    let cit = stale
        .iter()
        .find(|s| s.field == "corporate_tax_rate")
        .unwrap();
    assert_eq!((cit.as_of.as_str(), cit.months_old), ("2025-02-18", 21));
    // Every Kenya value was stated before November 2025.
    assert_eq!(stale.len(), deal.market.provenance.len());
    // On 1 Mar 2025 only the kit duty (Feb 2023) and inflation (2024) were over a year old.
    let early: Vec<(String, u32)> = stale_values(&deal.market, "2025-03-01")
        .into_iter()
        .map(|s| (s.field, s.months_old))
        .collect();
    assert_eq!(
        early,
        [
            ("import_duty_kits".to_owned(), 24),
            ("inflation".to_owned(), 14)
        ]
    );
}
