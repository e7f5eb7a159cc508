//! The preset file: one country's market facts, each with its own source and date, and the
//! market's rules. The types are the format of `markets/XX.toml`; the JSON Schema in
//! `markets/preset.schema.json` is generated from them.

use std::collections::BTreeMap;

use jv_engine::model::{MarketRule, RoyaltyCapKind};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::patterns::{
    AS_OF_PATTERN, COUNTRY_PATTERN, CURRENCY_PATTERN, RATING_PATTERN, SOURCE_PATTERN,
    VALUE_PATTERN, VERSION_PATTERN,
};

/// The version of the preset format this build reads and writes.
pub const PRESET_SCHEMA_VERSION: u32 = 1;

/// One country's market preset: the values a deal's market copies, the values shown for
/// reference, treaty rates by partner country and the rules a deal is checked against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct MarketPreset {
    /// Version of the preset format; this build reads 1.
    pub schema_version: u32,
    /// ISO 3166-1 alpha-2 code of the country, e.g. "KE".
    #[schemars(pattern(COUNTRY_PATTERN))]
    pub country: String,
    /// The country's name as people read it.
    #[schemars(length(min = 1))]
    pub name: String,
    /// ISO 4217 code of the local currency, e.g. "KES".
    #[schemars(pattern(CURRENCY_PATTERN))]
    pub currency: String,
    /// The preset's version: the month of its newest dated value, `YYYY-MM`.
    #[schemars(pattern(VERSION_PATTERN))]
    pub version: String,
    /// One or two sentences for the market picker.
    #[schemars(length(min = 1))]
    pub summary: String,
    /// The values a deal's market copies, one per market field.
    pub values: PresetValues,
    /// Values shown beside the deal for reference; the model does not use them.
    pub reference: ReferenceValues,
    /// Double-tax treaties by the partner's ISO 3166-1 alpha-2 code, e.g. "CN".
    #[serde(default)]
    pub treaties: BTreeMap<String, Treaty>,
    /// The market's rules a deal is checked against (guardrails).
    #[serde(default)]
    pub rules: Vec<MarketRule>,
}

/// One sourced value: a decimal, a whole number, `true`/`false`, `"none"` or `"unknown"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PresetValue {
    /// The value as text: a decimal like "0.30" (rates are fractions), a whole number of
    /// years, "true" or "false", "none" (the market sets no limit) or "unknown" (the source
    /// gives no value: the deal keeps its own and the app asks).
    #[schemars(pattern(VALUE_PATTERN))]
    pub value: String,
    /// The page that states the value (or, for "unknown", the page that was checked).
    #[schemars(pattern(SOURCE_PATTERN))]
    pub source: String,
    /// When the source stated it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schemars(pattern(AS_OF_PATTERN))]
    pub as_of: String,
    /// What the value covers, its conditions, or why it is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A sourced rating or label, e.g. a sovereign rating "Caa1", or "unknown".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PresetText {
    /// The text, e.g. "Caa1", or "unknown".
    #[schemars(pattern(RATING_PATTERN))]
    pub value: String,
    /// The page that states the value.
    #[schemars(pattern(SOURCE_PATTERN))]
    pub source: String,
    /// When the source stated it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schemars(pattern(AS_OF_PATTERN))]
    pub as_of: String,
    /// What the value covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a compound value has no parts: the market sets none, or the source gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Absent {
    /// The source gives no value: the deal keeps its own and the app asks.
    Unknown,
    /// The market sets none (no incentive, no reserve, no cap).
    None,
}

/// The values a deal's market copies. Each key is the market field it fills; nested keys
/// (`dividend_withholding.non_resident`) are the nested fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PresetValues {
    /// Statutory corporate income tax rate, a fraction.
    pub corporate_tax_rate: PresetValue,
    /// A reduced rate for the first years (e.g. for vehicle assemblers).
    pub tax_incentive: TaxIncentiveValue,
    /// Years 1..h without income tax, a whole number ("0" for none).
    pub tax_holiday_years: PresetValue,
    /// Years a tax loss may be carried forward; "none" means without limit.
    pub loss_carry_forward_years: PresetValue,
    /// Share of EBITDA up to which interest is deductible; "none" means no limit.
    pub interest_deduction_limit: PresetValue,
    /// Years disallowed interest may be carried forward; "none" means it is lost.
    pub interest_carry_forward_years: PresetValue,
    /// Whether amortisation of contributed intangibles is deductible: "true" or "false".
    pub amortisation_deductible: PresetValue,
    /// Withholding tax on dividends.
    pub dividend_withholding: WithholdingValues,
    /// Withholding tax on royalties and technical fees.
    pub royalty_withholding: WithholdingValues,
    /// Tax on a shareholder's gain at exit; "none" means no tax.
    pub capital_gains_tax_rate: PresetValue,
    /// Import duty on CKD/SKD kits, on CIF value, a fraction.
    pub import_duty_kits: PresetValue,
    /// Other levies on the CIF value of imports, a fraction.
    pub other_import_levies: PresetValue,
    /// Consumer-price inflation, a fraction per year.
    pub inflation: PresetValue,
    /// Spot rate: local currency per 1 unit of reporting currency.
    pub fx_spot: PresetValue,
    /// Expected yearly depreciation of the local currency; "none" means relative PPP.
    pub fx_depreciation: PresetValue,
    /// Legal reserve the JV must set aside before paying dividends.
    pub legal_reserve: LegalReserveValue,
    /// A cap on royalties: deductibility (tax) or approval (regulator).
    pub royalty_cap: RoyaltyCapValue,
    /// Highest share foreign parties may hold; "none" means no limit.
    pub foreign_ownership_limit: PresetValue,
}

/// Withholding rates for one kind of payment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct WithholdingValues {
    /// Rate on payments to a resident company, a fraction.
    pub resident: PresetValue,
    /// Domestic rate on payments to a non-resident company, a fraction.
    pub non_resident: PresetValue,
}

/// A reduced income-tax rate for the first years: either `value` ("none" or "unknown") or
/// both `rate` and `years`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct TaxIncentiveValue {
    /// "none" (no incentive) or "unknown"; leave out when `rate` and `years` are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Absent>,
    /// The reduced rate, a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// Years 1..n in which it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// The page that states it.
    #[schemars(pattern(SOURCE_PATTERN))]
    pub source: String,
    /// When the source stated it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schemars(pattern(AS_OF_PATTERN))]
    pub as_of: String,
    /// Who qualifies, and on what conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The legal reserve rule: either `value` ("none" or "unknown") or both shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct LegalReserveValue {
    /// "none" (no reserve) or "unknown"; leave out when both shares are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Absent>,
    /// Share of the year's profit set aside, a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_of_profit: Option<Decimal>,
    /// The reserve stops growing at this share of share capital, a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_share_of_capital: Option<Decimal>,
    /// The page that states it.
    #[schemars(pattern(SOURCE_PATTERN))]
    pub source: String,
    /// When the source stated it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schemars(pattern(AS_OF_PATTERN))]
    pub as_of: String,
    /// Conditions, or why it is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A cap on royalties as a share of net sales: either `value` ("none" or "unknown") or
/// `kind` and `rate` (and `covers_fees`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct RoyaltyCapValue {
    /// "none" (no cap) or "unknown"; leave out when `kind` and `rate` are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Absent>,
    /// `deductibility` (the excess is not deductible) or `approval` (the excess needs a
    /// regulator's approval).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RoyaltyCapKind>,
    /// The cap, a fraction of net sales.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// Whether fixed technical fees count against the cap (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers_fees: Option<bool>,
    /// The page that states it.
    #[schemars(pattern(SOURCE_PATTERN))]
    pub source: String,
    /// When the source stated it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schemars(pattern(AS_OF_PATTERN))]
    pub as_of: String,
    /// What the cap covers, or why it is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Values the app shows beside a deal; the model does not use them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ReferenceValues {
    /// Standard VAT rate, a fraction (VAT passes through and is not modelled).
    pub vat_rate: PresetValue,
    /// Import duty on finished (CBU) vehicles, the imports local assembly competes with.
    pub import_duty_vehicles: PresetValue,
    /// Country risk premium added to a mature-market equity premium, a fraction.
    pub country_risk_premium: PresetValue,
    /// Sovereign default spread, a fraction.
    pub default_spread: PresetValue,
    /// Total equity risk premium (mature-market premium + country risk premium), a fraction.
    pub equity_risk_premium: PresetValue,
    /// Sovereign rating, e.g. Moody's "Caa1".
    pub sovereign_rating: PresetText,
}

/// A double-tax treaty with one partner country and the rates it allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Treaty {
    /// Whether the treaty is in force; only a treaty in force gives rates.
    pub status: TreatyStatus,
    /// Highest dividend withholding the treaty allows, a fraction; "none" when not in force.
    pub dividends: PresetValue,
    /// Highest royalty withholding the treaty allows, a fraction; "none" when not in force.
    pub royalties: PresetValue,
}

/// Where a treaty stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TreatyStatus {
    /// In force: its rates cap the domestic ones.
    InForce,
    /// Signed but not in force: the domestic rates apply.
    SignedNotInForce,
    /// No treaty: the domestic rates apply.
    None,
}
