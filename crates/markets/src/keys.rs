//! The keys of a preset's values and what each holds, in file order: the parser checks them,
//! `apply_preset` copies them and `entries` lists them.

use crate::preset::{MarketPreset, PresetValue, PresetValues, ReferenceValues};
use crate::reading::Kind;

/// Every single (not compound) value the deal's market copies, with its key and kind.
pub(crate) fn market_values(values: &PresetValues) -> [(&'static str, Kind, &PresetValue); 15] {
    [
        ("corporate_tax_rate", Kind::Rate, &values.corporate_tax_rate),
        ("tax_holiday_years", Kind::Years, &values.tax_holiday_years),
        (
            "loss_carry_forward_years",
            Kind::OptionalYears,
            &values.loss_carry_forward_years,
        ),
        (
            "interest_deduction_limit",
            Kind::OptionalRate,
            &values.interest_deduction_limit,
        ),
        (
            "interest_carry_forward_years",
            Kind::OptionalYears,
            &values.interest_carry_forward_years,
        ),
        (
            "amortisation_deductible",
            Kind::Flag,
            &values.amortisation_deductible,
        ),
        (
            "dividend_withholding.resident",
            Kind::Rate,
            &values.dividend_withholding.resident,
        ),
        (
            "dividend_withholding.non_resident",
            Kind::Rate,
            &values.dividend_withholding.non_resident,
        ),
        (
            "royalty_withholding.resident",
            Kind::Rate,
            &values.royalty_withholding.resident,
        ),
        (
            "royalty_withholding.non_resident",
            Kind::Rate,
            &values.royalty_withholding.non_resident,
        ),
        (
            "capital_gains_tax_rate",
            Kind::OptionalRate,
            &values.capital_gains_tax_rate,
        ),
        ("import_duty_kits", Kind::Rate, &values.import_duty_kits),
        (
            "other_import_levies",
            Kind::Rate,
            &values.other_import_levies,
        ),
        ("inflation", Kind::Growth, &values.inflation),
        ("fx_spot", Kind::Spot, &values.fx_spot),
    ]
}

/// The single values after the compound ones, in file order.
pub(crate) fn late_market_values(values: &PresetValues) -> [(&'static str, Kind, &PresetValue); 2] {
    [
        (
            "fx_depreciation",
            Kind::OptionalGrowth,
            &values.fx_depreciation,
        ),
        (
            "foreign_ownership_limit",
            Kind::OptionalRate,
            &values.foreign_ownership_limit,
        ),
    ]
}

/// The reference values other than the rating, with their key and kind.
pub(crate) fn reference_values(
    reference: &ReferenceValues,
) -> [(&'static str, Kind, &PresetValue); 5] {
    [
        ("vat_rate", Kind::Rate, &reference.vat_rate),
        (
            "import_duty_vehicles",
            Kind::Rate,
            &reference.import_duty_vehicles,
        ),
        (
            "country_risk_premium",
            Kind::Rate,
            &reference.country_risk_premium,
        ),
        ("default_spread", Kind::Rate, &reference.default_spread),
        (
            "equity_risk_premium",
            Kind::Rate,
            &reference.equity_risk_premium,
        ),
    ]
}

/// One dated fact of a preset, as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetEntry {
    /// Where it sits in the file: `values.corporate_tax_rate`, `reference.vat_rate`,
    /// `treaties.CN.dividends`, `rules[0]`.
    pub key: String,
    /// The value as written; a compound value's parts joined (`rate 0.15, years 5`); a
    /// rule's kind.
    pub value: String,
    /// Where it comes from.
    pub source: String,
    /// When the source stated it.
    pub as_of: String,
}

impl MarketPreset {
    /// Every dated fact of the preset (values, reference values, treaty rates and rules), in
    /// file order: what the memo lists and the source checks walk.
    pub fn entries(&self) -> Vec<PresetEntry> {
        let values = &self.values;
        let single = |prefix: &str, (key, _, value): &(&str, Kind, &PresetValue)| {
            entry(
                format!("{prefix}.{key}"),
                &value.value,
                &value.source,
                &value.as_of,
            )
        };
        let market = market_values(values);
        let mut out = vec![single("values", &market[0])];
        let incentive = &values.tax_incentive;
        out.push(entry(
            "values.tax_incentive".to_owned(),
            &compound(
                incentive.value,
                &[
                    ("rate", incentive.rate.map(|r| r.to_string())),
                    ("years", incentive.years.map(|y| y.to_string())),
                ],
            ),
            &incentive.source,
            &incentive.as_of,
        ));
        out.extend(market[1..].iter().map(|v| single("values", v)));
        let reserve = &values.legal_reserve;
        out.push(entry(
            "values.legal_reserve".to_owned(),
            &compound(
                reserve.value,
                &[
                    (
                        "share_of_profit",
                        reserve.share_of_profit.map(|r| r.to_string()),
                    ),
                    (
                        "cap_share_of_capital",
                        reserve.cap_share_of_capital.map(|r| r.to_string()),
                    ),
                ],
            ),
            &reserve.source,
            &reserve.as_of,
        ));
        let cap = &values.royalty_cap;
        out.push(entry(
            "values.royalty_cap".to_owned(),
            &compound(
                cap.value,
                &[
                    ("kind", cap.kind.map(|k| kind_name(k).to_owned())),
                    ("rate", cap.rate.map(|r| r.to_string())),
                    ("covers_fees", cap.covers_fees.map(|c| c.to_string())),
                ],
            ),
            &cap.source,
            &cap.as_of,
        ));
        out.extend(
            late_market_values(values)
                .iter()
                .map(|v| single("values", v)),
        );
        out.extend(
            reference_values(&self.reference)
                .iter()
                .map(|v| single("reference", v)),
        );
        let rating = &self.reference.sovereign_rating;
        out.push(entry(
            "reference.sovereign_rating".to_owned(),
            &rating.value,
            &rating.source,
            &rating.as_of,
        ));
        for (partner, treaty) in &self.treaties {
            for (what, value) in [
                ("dividends", &treaty.dividends),
                ("royalties", &treaty.royalties),
            ] {
                out.push(entry(
                    format!("treaties.{partner}.{what}"),
                    &value.value,
                    &value.source,
                    &value.as_of,
                ));
            }
        }
        for (k, rule) in self.rules.iter().enumerate() {
            let (kind, basis) = crate::rules::describe(rule);
            out.push(entry(
                format!("rules[{k}]"),
                kind,
                &basis.source,
                &basis.as_of,
            ));
        }
        out
    }
}

fn entry(key: String, value: &str, source: &str, as_of: &str) -> PresetEntry {
    PresetEntry {
        key,
        value: value.to_owned(),
        source: source.to_owned(),
        as_of: as_of.to_owned(),
    }
}

/// A compound value's parts as text: "unknown", "none", or "rate 0.15, years 5".
fn compound(absent: Option<crate::preset::Absent>, parts: &[(&str, Option<String>)]) -> String {
    match absent {
        Some(crate::preset::Absent::Unknown) => "unknown".to_owned(),
        Some(crate::preset::Absent::None) => "none".to_owned(),
        None => parts
            .iter()
            .filter_map(|(name, part)| part.as_ref().map(|p| format!("{name} {p}")))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The file's name for a royalty cap kind.
pub(crate) fn kind_name(kind: jv_engine::model::RoyaltyCapKind) -> &'static str {
    match kind {
        jv_engine::model::RoyaltyCapKind::Deductibility => "deductibility",
        jv_engine::model::RoyaltyCapKind::Approval => "approval",
    }
}
