//! Where the market's values came from and the rules the deal is checked against (DOMAIN.md
//! §8): the preset reference, each value's source and date, and each rule's own figures.

use super::Check;
use crate::model::{MarketRule, RuleBasis};

impl Check<'_> {
    pub(super) fn market_rules(&mut self) {
        let market = &self.deal.market;
        if let Some(preset) = &market.preset {
            self.country("market.preset.country", &preset.country);
            self.not_blank(
                "market.preset.version",
                &preset.version,
                "the preset's version, like \"2025-02\"",
            );
        }
        for (k, value) in market.provenance.iter().enumerate() {
            let path = format!("market.provenance[{k}]");
            self.not_blank(
                &format!("{path}.field"),
                &value.field,
                "the market field it is the source of, like \"corporate_tax_rate\"",
            );
            if market.provenance[..k]
                .iter()
                .any(|earlier| earlier.field == value.field && !value.field.trim().is_empty())
            {
                self.push(
                    format!("{path}.field"),
                    format!(
                        "gives a second source for \"{}\"; keep one source per field",
                        value.field
                    ),
                );
            }
            self.not_blank(&format!("{path}.source"), &value.source, SOURCE);
            self.as_of(&format!("{path}.as_of"), &value.as_of);
        }
        for (k, rule) in market.rules.iter().enumerate() {
            self.rule(&format!("market.rules[{k}]"), rule);
        }
    }

    fn rule(&mut self, path: &str, rule: &MarketRule) {
        match rule {
            MarketRule::TechnologyFeesRefusedOnCkd { basis }
            | MarketRule::CapitalImportNeedsCashOrGoods { basis }
            | MarketRule::RepatriationRestricted { basis } => self.basis(path, basis),
            MarketRule::ForeignTradeLicence {
                max_foreign_share,
                min_foreign_investment,
                basis,
            } => {
                if let Some(share) = max_foreign_share {
                    self.fraction(&format!("{path}.max_foreign_share"), *share);
                }
                if let Some(amount) = min_foreign_investment {
                    self.amount(&format!("{path}.min_foreign_investment"), *amount);
                }
                if max_foreign_share.is_none() && min_foreign_investment.is_none() {
                    self.push(
                        path,
                        "sets neither max_foreign_share nor min_foreign_investment; give the limit the licence sets (0 when foreign parties may hold none)",
                    );
                }
                self.basis(path, basis);
            }
            MarketRule::DutyChange {
                rate,
                effective,
                basis,
                ..
            } => {
                self.fraction(&format!("{path}.rate"), *rate);
                if !is_day(effective) {
                    self.push(
                        format!("{path}.effective"),
                        format!(
                            "must be the date the change takes effect, written YYYY-MM-DD like \"2026-07-01\"; it is \"{effective}\""
                        ),
                    );
                }
                self.basis(path, basis);
            }
        }
    }

    fn basis(&mut self, path: &str, basis: &RuleBasis) {
        self.not_blank(
            &format!("{path}.basis.summary"),
            &basis.summary,
            "the rule in one sentence",
        );
        self.not_blank(&format!("{path}.basis.source"), &basis.source, SOURCE);
        self.as_of(&format!("{path}.basis.as_of"), &basis.as_of);
    }

    /// Text that must say something; `what` says what belongs there.
    fn not_blank(&mut self, path: &str, text: &str, what: &str) {
        if text.trim().is_empty() {
            self.push(path, format!("must not be empty: give {what}"));
        }
    }

    /// When a source stated a value: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn as_of(&mut self, path: &str, text: &str) {
        if !is_as_of(text) {
            self.push(
                path,
                format!(
                    "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02\"; it is \"{text}\""
                ),
            );
        }
    }
}

/// What a source field wants.
const SOURCE: &str = "where the value comes from: a URL, or a document and page";

/// Whether `text` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, naming a real day or month.
pub(crate) fn is_as_of(text: &str) -> bool {
    match text.len() {
        4 => year(text).is_some(),
        7 => month(text).is_some(),
        _ => is_day(text),
    }
}

/// Whether `text` is a real day written `YYYY-MM-DD`.
pub(crate) fn is_day(text: &str) -> bool {
    let (Some(head), Some(day)) = (text.get(..7), text.get(7..)) else {
        return false;
    };
    let Some((year, month)) = month(head) else {
        return false;
    };
    let Some(day) = day.strip_prefix('-').and_then(|d| digits(d, 2)) else {
        return false;
    };
    (1..=days_in(year, month)).contains(&day)
}

/// `YYYY-MM` as year and month 1–12.
fn month(text: &str) -> Option<(u32, u32)> {
    let (year_text, month_text) = text.split_once('-')?;
    let month = digits(month_text, 2).filter(|m| (1..=12).contains(m))?;
    Some((year(year_text)?, month))
}

/// `YYYY` as a year.
fn year(text: &str) -> Option<u32> {
    digits(text, 4)
}

/// Exactly `len` ASCII digits as a number.
fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use rust_decimal_macros::dec;

    use super::super::test_support::{assert_only, minimal};
    use super::super::validate;
    use super::*;
    use crate::model::{DutyBase, PresetRef, ValueSource};
    use crate::problem::FieldError;

    fn basis() -> RuleBasis {
        RuleBasis {
            summary: "NOTAP refuses royalties on plain CKD assembly".to_owned(),
            source: "https://notap.gov.ng/guidelines".to_owned(),
            as_of: "2023-05".to_owned(),
        }
    }

    #[test]
    fn dates_are_real_days_months_or_years() {
        for good in ["2025", "2025-02", "2025-02-18", "2024-02-29", "2000-02-29"] {
            assert!(is_as_of(good), "{good}");
        }
        for bad in [
            "",
            "25",
            "2025-2",
            "2025-13",
            "2025-00",
            "2025-02-30",
            "2023-02-29",
            "1900-02-29",
            "2025/02",
            "Feb 2025",
            "2025-02-18T00",
            "２０２５",
        ] {
            assert!(!is_as_of(bad), "{bad}");
        }
        assert!(is_day("2026-07-01"));
        assert!(!is_day("2026-07"));
    }

    #[test]
    fn a_complete_market_block_is_valid() {
        let mut deal = minimal();
        deal.market.preset = Some(PresetRef {
            country: "NG".to_owned(),
            version: "2025-06".to_owned(),
        });
        deal.market.provenance = vec![ValueSource {
            field: "corporate_tax_rate".to_owned(),
            source: "https://taxsummaries.pwc.com/nigeria".to_owned(),
            as_of: "2025-01-15".to_owned(),
        }];
        deal.market.rules = vec![
            MarketRule::TechnologyFeesRefusedOnCkd { basis: basis() },
            MarketRule::ForeignTradeLicence {
                max_foreign_share: None,
                min_foreign_investment: Some(dec!(1000000)),
                basis: basis(),
            },
            MarketRule::DutyChange {
                applies_to: DutyBase::Kits,
                rate: dec!(0.35),
                effective: "2026-07-01".to_owned(),
                basis: basis(),
            },
        ];
        assert_eq!(validate(&deal), vec![]);
    }

    #[test]
    fn preset_names_a_country_and_a_version() {
        let mut deal = minimal();
        deal.market.preset = Some(PresetRef {
            country: "Kenya".to_owned(),
            version: " ".to_owned(),
        });
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.preset.country",
                    "must be a two-letter ISO 3166 country code in capitals, like \"KE\"; it is \"Kenya\""
                ),
                FieldError::new(
                    "market.preset.version",
                    "must not be empty: give the preset's version, like \"2025-02\""
                ),
            ]
        );
    }

    #[test]
    fn every_value_has_one_source_and_a_date() {
        let mut deal = minimal();
        let value = ValueSource {
            field: "inflation".to_owned(),
            source: "https://data.worldbank.org".to_owned(),
            as_of: "2024".to_owned(),
        };
        deal.market.provenance = vec![
            value.clone(),
            ValueSource {
                source: String::new(),
                as_of: "18 Feb 2025".to_owned(),
                ..value
            },
        ];
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.provenance[1].field",
                    "gives a second source for \"inflation\"; keep one source per field"
                ),
                FieldError::new(
                    "market.provenance[1].source",
                    "must not be empty: give where the value comes from: a URL, or a document and page"
                ),
                FieldError::new(
                    "market.provenance[1].as_of",
                    "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02\"; it is \"18 Feb 2025\""
                ),
            ]
        );
    }

    #[test]
    fn a_rule_has_a_summary_a_source_and_a_date() {
        let mut deal = minimal();
        deal.market.rules = vec![MarketRule::RepatriationRestricted {
            basis: RuleBasis {
                summary: String::new(),
                source: "https://www.bcra.gob.ar".to_owned(),
                as_of: "2025-13".to_owned(),
            },
        }];
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.rules[0].basis.summary",
                    "must not be empty: give the rule in one sentence"
                ),
                FieldError::new(
                    "market.rules[0].basis.as_of",
                    "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02\"; it is \"2025-13\""
                ),
            ]
        );
    }

    #[test]
    fn trade_licence_limits_are_a_fraction_and_a_bounded_amount() {
        let mut deal = minimal();
        deal.market.rules = vec![MarketRule::ForeignTradeLicence {
            max_foreign_share: Some(dec!(1.5)),
            min_foreign_investment: Some(dec!(-1)),
            basis: basis(),
        }];
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.rules[0].max_foreign_share",
                    "must be between 0 and 1 (0 % to 100 %); it is 1.5"
                ),
                FieldError::new(
                    "market.rules[0].min_foreign_investment",
                    "must not be negative; it is -1"
                ),
            ]
        );
        deal.market.rules = vec![MarketRule::ForeignTradeLicence {
            max_foreign_share: None,
            min_foreign_investment: Some(dec!(1e20)),
            basis: basis(),
        }];
        assert_only(
            &deal,
            "market.rules[0].min_foreign_investment",
            "is larger than 10,000,000,000,000, the largest amount the model handles",
        );
        deal.market.rules = vec![MarketRule::ForeignTradeLicence {
            max_foreign_share: None,
            min_foreign_investment: None,
            basis: basis(),
        }];
        assert_only(
            &deal,
            "market.rules[0]",
            "sets neither max_foreign_share nor min_foreign_investment; give the limit the licence sets (0 when foreign parties may hold none)",
        );
    }

    #[test]
    fn a_duty_change_has_a_rate_and_a_day() {
        let mut deal = minimal();
        deal.market.rules = vec![MarketRule::DutyChange {
            applies_to: DutyBase::Vehicles,
            rate: dec!(35),
            effective: "2026-07".to_owned(),
            basis: basis(),
        }];
        assert_eq!(
            validate(&deal),
            vec![
                FieldError::new(
                    "market.rules[0].rate",
                    "must be between 0 and 1 (0 % to 100 %); it is 35"
                ),
                FieldError::new(
                    "market.rules[0].effective",
                    "must be the date the change takes effect, written YYYY-MM-DD like \"2026-07-01\"; it is \"2026-07\""
                ),
            ]
        );
    }
}
