//! The rules of the preset format beyond its shape: codes, dates, sources, and what each
//! value may hold. Every problem is reported at once, each with its key.

use jv_engine::model::MarketRule;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::dates;
use crate::keys::{late_market_values, market_values, reference_values};
use crate::preset::{
    Absent, LegalReserveValue, MarketPreset, PresetValue, RoyaltyCapValue, TaxIncentiveValue,
    TreatyStatus,
};
use crate::reading::{Kind, Reading, read};
use crate::rules::describe;

/// One problem in a preset: the key it concerns and what is wrong, in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresetProblem {
    /// The key in the file, e.g. `values.corporate_tax_rate.value`.
    pub key: String,
    /// What is wrong and what it must be.
    pub message: String,
}

impl std::fmt::Display for PresetProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

/// Every problem of a preset that parsed, in file order; empty when it follows the format.
pub(crate) fn problems(preset: &MarketPreset) -> Vec<PresetProblem> {
    let mut check = Check::default();
    check.header(preset);
    let values = &preset.values;
    let market = market_values(values);
    check.value("values", &market[0]);
    check.tax_incentive(&values.tax_incentive);
    for entry in &market[1..] {
        check.value("values", entry);
    }
    check.legal_reserve(&values.legal_reserve);
    check.royalty_cap(&values.royalty_cap);
    for entry in &late_market_values(values) {
        check.value("values", entry);
    }
    for entry in &reference_values(&preset.reference) {
        check.value("reference", entry);
    }
    let rating = &preset.reference.sovereign_rating;
    let key = "reference.sovereign_rating";
    if rating.value.is_empty()
        || !rating
            .value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-')
    {
        check.push(
            format!("{key}.value"),
            format!(
                "must be a rating like \"Caa1\" or \"unknown\"; it is \"{}\"",
                rating.value
            ),
        );
    }
    check.dated(key, &rating.source, &rating.as_of);
    check.treaties(preset);
    for (k, rule) in preset.rules.iter().enumerate() {
        check.rule(&format!("rules[{k}]"), rule);
    }
    check.problems
}

#[derive(Default)]
struct Check {
    problems: Vec<PresetProblem>,
}

impl Check {
    fn push(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.problems.push(PresetProblem {
            key: key.into(),
            message: message.into(),
        });
    }

    fn header(&mut self, preset: &MarketPreset) {
        if preset.schema_version != crate::PRESET_SCHEMA_VERSION {
            self.push(
                "schema_version",
                format!(
                    "is {}; this build reads presets of version {}",
                    preset.schema_version,
                    crate::PRESET_SCHEMA_VERSION
                ),
            );
        }
        if !is_code(&preset.country, 2) {
            self.push(
                "country",
                format!(
                    "must be a two-letter ISO 3166 country code in capitals, like \"KE\"; it is \"{}\"",
                    preset.country
                ),
            );
        }
        if !is_code(&preset.currency, 3) {
            self.push(
                "currency",
                format!(
                    "must be a three-letter ISO 4217 currency code in capitals, like \"KES\"; it is \"{}\"",
                    preset.currency
                ),
            );
        }
        if dates::month(&preset.version).is_none() {
            self.push(
                "version",
                format!(
                    "must be the month of the newest value, written YYYY-MM like \"2025-02\"; it is \"{}\"",
                    preset.version
                ),
            );
        }
        for (key, text) in [("name", &preset.name), ("summary", &preset.summary)] {
            if text.trim().is_empty() {
                self.push(key, "must not be empty");
            }
        }
    }

    /// A single value: what it holds, where it comes from and when.
    fn value(&mut self, prefix: &str, (key, kind, value): &(&str, Kind, &PresetValue)) {
        let key = format!("{prefix}.{key}");
        if let Err(message) = read(*kind, &value.value) {
            self.push(format!("{key}.value"), message);
        }
        self.dated(&key, &value.source, &value.as_of);
    }

    /// A source that is a web address and a date the format reads.
    fn dated(&mut self, key: &str, source: &str, as_of: &str) {
        if !is_web_address(source) {
            self.push(
                format!("{key}.source"),
                format!(
                    "must be the web address of the page that states the value, starting with https:// or http://; it is \"{source}\""
                ),
            );
        }
        if !dates::is_as_of(as_of) {
            self.push(
                format!("{key}.as_of"),
                format!(
                    "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02-18\"; it is \"{as_of}\""
                ),
            );
        }
    }

    /// Either `value` ("none"/"unknown") or every part, never both or some.
    fn compound(&mut self, key: &str, absent: Option<Absent>, parts: &[(&str, bool)]) {
        let given: Vec<&str> = parts
            .iter()
            .filter(|(_, set)| *set)
            .map(|(name, _)| *name)
            .collect();
        let names: Vec<&str> = parts.iter().map(|(name, _)| *name).collect();
        match absent {
            Some(_) if !given.is_empty() => self.push(
                key,
                format!(
                    "gives both `value` and {}; give either value = \"none\" or \"unknown\", or the parts",
                    given.join(" and ")
                ),
            ),
            None if given.len() != parts.len() => self.push(
                key,
                format!(
                    "must give {} (or value = \"none\" or \"unknown\")",
                    names.join(" and ")
                ),
            ),
            _ => {}
        }
    }

    fn fraction(&mut self, key: String, rate: Option<Decimal>) {
        if let Some(rate) = rate
            && !(Decimal::ZERO..=Decimal::ONE).contains(&rate)
        {
            self.push(
                key,
                format!("must be a fraction from 0 to 1 (\"0.30\" is 30 %); it is {rate}"),
            );
        }
    }

    fn tax_incentive(&mut self, value: &TaxIncentiveValue) {
        let key = "values.tax_incentive";
        self.compound(
            key,
            value.value,
            &[
                ("rate", value.rate.is_some()),
                ("years", value.years.is_some()),
            ],
        );
        self.fraction(format!("{key}.rate"), value.rate);
        self.dated(key, &value.source, &value.as_of);
    }

    fn legal_reserve(&mut self, value: &LegalReserveValue) {
        let key = "values.legal_reserve";
        self.compound(
            key,
            value.value,
            &[
                ("share_of_profit", value.share_of_profit.is_some()),
                ("cap_share_of_capital", value.cap_share_of_capital.is_some()),
            ],
        );
        self.fraction(format!("{key}.share_of_profit"), value.share_of_profit);
        self.fraction(
            format!("{key}.cap_share_of_capital"),
            value.cap_share_of_capital,
        );
        self.dated(key, &value.source, &value.as_of);
    }

    fn royalty_cap(&mut self, value: &RoyaltyCapValue) {
        let key = "values.royalty_cap";
        if value.value.is_some() && value.covers_fees.is_some() {
            self.push(
                key,
                "gives both `value` and covers_fees; give either value = \"none\" or \"unknown\", or the cap",
            );
        }
        self.compound(
            key,
            value.value,
            &[
                ("kind", value.kind.is_some()),
                ("rate", value.rate.is_some()),
            ],
        );
        self.fraction(format!("{key}.rate"), value.rate);
        self.dated(key, &value.source, &value.as_of);
    }

    fn treaties(&mut self, preset: &MarketPreset) {
        for (partner, treaty) in &preset.treaties {
            let key = format!("treaties.{partner}");
            if !is_code(partner, 2) {
                self.push(
                    key.clone(),
                    format!(
                        "must be keyed by a two-letter ISO 3166 country code in capitals, like \"CN\"; it is \"{partner}\""
                    ),
                );
            } else if *partner == preset.country {
                self.push(
                    key.clone(),
                    "is the preset's own country; a treaty is with another country",
                );
            }
            for (what, value) in [
                ("dividends", &treaty.dividends),
                ("royalties", &treaty.royalties),
            ] {
                let value_key = format!("{key}.{what}");
                match (treaty.status, read(Kind::OptionalRate, &value.value)) {
                    (_, Err(message)) => self.push(format!("{value_key}.value"), message),
                    (TreatyStatus::InForce, Ok(Reading::None)) => self.push(
                        format!("{value_key}.value"),
                        "is \"none\" but the treaty is in force; give its rate or \"unknown\"",
                    ),
                    (TreatyStatus::SignedNotInForce | TreatyStatus::None, Ok(reading))
                        if reading != Reading::None =>
                    {
                        self.push(
                            format!("{value_key}.value"),
                            "must be \"none\": only a treaty in force gives a rate",
                        );
                    }
                    _ => {}
                }
                self.dated(&value_key, &value.source, &value.as_of);
            }
        }
    }

    fn rule(&mut self, key: &str, rule: &MarketRule) {
        let (_, basis) = describe(rule);
        if basis.summary.trim().is_empty() {
            self.push(
                format!("{key}.basis.summary"),
                "must say the rule in one sentence",
            );
        }
        self.dated(&format!("{key}.basis"), &basis.source, &basis.as_of);
        match rule {
            MarketRule::ForeignTradeLicence {
                max_foreign_share,
                min_foreign_investment,
                ..
            } => {
                self.fraction(format!("{key}.max_foreign_share"), *max_foreign_share);
                if min_foreign_investment.is_some_and(|amount| amount < Decimal::ZERO) {
                    self.push(
                        format!("{key}.min_foreign_investment"),
                        "must not be negative",
                    );
                }
                if max_foreign_share.is_none() && min_foreign_investment.is_none() {
                    self.push(
                        key,
                        "sets neither max_foreign_share nor min_foreign_investment; give the limit the licence sets (0 when foreign parties may hold none)",
                    );
                }
            }
            MarketRule::DutyChange {
                rate, effective, ..
            } => {
                self.fraction(format!("{key}.rate"), Some(*rate));
                if dates::day(effective).is_none() {
                    self.push(
                        format!("{key}.effective"),
                        format!(
                            "must be the date the change takes effect, written YYYY-MM-DD like \"2026-07-01\"; it is \"{effective}\""
                        ),
                    );
                }
            }
            MarketRule::TechnologyFeesRefusedOnCkd { .. }
            | MarketRule::CapitalImportNeedsCashOrGoods { .. }
            | MarketRule::RepatriationRestricted { .. } => {}
        }
    }
}

/// Capital ASCII letters, exactly `len` of them.
fn is_code(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// `http://` or `https://`, something after it, and no spaces.
pub(crate) fn is_web_address(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !text.chars().any(char::is_whitespace))
}
