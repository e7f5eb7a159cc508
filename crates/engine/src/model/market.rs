use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::rules::{MarketRule, PresetRef, ValueSource};

/// The market the JV operates in: the facts and rules of one country.
///
/// A later preset fills this block; the deal always keeps its own copy of the values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// ISO 3166-1 alpha-2 code, e.g. "KE"; decides which parties are resident.
    pub country: String,
    /// Country name as shown to people.
    #[serde(default)]
    pub name: String,
    /// ISO 4217 code of the local currency, in which the JV keeps its books.
    pub currency: String,
    /// Statutory corporate income tax rate, a fraction.
    pub corporate_tax_rate: Decimal,
    /// A reduced rate for the first years (e.g. Kenya's 15 % for vehicle assemblers).
    #[serde(default)]
    pub tax_incentive: Option<TaxIncentive>,
    /// Years 1..h in which the JV pays no income tax (losses still carry forward).
    #[serde(default)]
    pub tax_holiday_years: u32,
    /// Years a tax loss may be carried forward; none means without limit.
    #[serde(default)]
    pub loss_carry_forward_years: Option<u32>,
    /// Share of EBITDA up to which interest is deductible (e.g. 0.30); none means no limit.
    #[serde(default)]
    pub interest_deduction_limit: Option<Decimal>,
    /// Years disallowed interest may be carried forward; none means it is lost.
    #[serde(default)]
    pub interest_carry_forward_years: Option<u32>,
    /// Whether amortisation of contributed intangibles is tax-deductible (default true).
    #[serde(default = "yes")]
    pub amortisation_deductible: bool,
    /// Withholding tax on dividends.
    pub dividend_withholding: Withholding,
    /// Withholding tax on royalties and technical fees.
    pub royalty_withholding: Withholding,
    /// Tax on a shareholder's gain at exit, measured in local currency; none means no tax.
    #[serde(default)]
    pub capital_gains_tax_rate: Option<Decimal>,
    /// Import duty on kits, levied on CIF value, a fraction.
    pub import_duty_kits: Decimal,
    /// Other import levies on CIF value (e.g. Kenya's IDF 2.5 % and RDL 2 %), a fraction.
    #[serde(default)]
    pub other_import_levies: Decimal,
    /// Local consumer-price inflation π, a fraction per year.
    pub inflation: Decimal,
    /// Optional inflation by year 1..N, replacing `inflation` year by year.
    #[serde(default)]
    pub inflation_path: Option<Vec<Decimal>>,
    /// Spot rate at closing: local currency per 1 unit of reporting currency.
    pub fx_spot: Decimal,
    /// Yearly depreciation of the local currency; none means relative PPP.
    #[serde(default)]
    pub fx_depreciation: Option<Decimal>,
    /// Optional explicit FX rates for years 0..N (local per reporting), replacing the above.
    #[serde(default)]
    pub fx_path: Option<Vec<Decimal>>,
    /// Legal reserve the JV must set aside before paying dividends.
    #[serde(default)]
    pub legal_reserve: Option<LegalReserve>,
    /// A cap on royalties: deductibility (tax) or approval (regulator).
    #[serde(default)]
    pub royalty_cap: Option<RoyaltyCap>,
    /// Highest share foreign parties may hold in this sector, a fraction; none means no limit.
    #[serde(default)]
    pub foreign_ownership_limit: Option<Decimal>,
    /// Where the values came from (shown in the memo).
    #[serde(default)]
    pub sources: Vec<String>,
    /// The preset the values were copied from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<PresetRef>,
    /// Source and as-of date of each value copied from a preset.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<ValueSource>,
    /// The market's rules the deal is checked against (guardrails).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<MarketRule>,
}

fn yes() -> bool {
    true
}

/// A reduced income-tax rate for the first years of operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct TaxIncentive {
    /// The reduced rate, a fraction.
    pub rate: Decimal,
    /// Years 1..n in which it applies.
    pub years: u32,
}

/// Withholding tax rates for one kind of payment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Withholding {
    /// Rate on payments to a resident party, a fraction.
    #[serde(default)]
    pub resident: Decimal,
    /// Domestic rate on payments to a non-resident, a fraction.
    pub non_resident: Decimal,
    /// Treaty rates by the recipient's home country; a treaty caps, it never raises.
    #[serde(default)]
    pub treaties: Vec<TreatyRate>,
}

/// The rate a double-tax treaty with one country allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct TreatyRate {
    /// ISO 3166-1 alpha-2 code of the recipient's home country, e.g. "CN".
    pub country: String,
    /// The treaty rate, a fraction.
    pub rate: Decimal,
}

/// The legal reserve rule: a share of profit set aside until the reserve reaches a cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct LegalReserve {
    /// Share of the year's profit (after absorbing losses) set aside, a fraction.
    pub share_of_profit: Decimal,
    /// The reserve stops growing at this share of share capital, a fraction.
    pub cap_share_of_capital: Decimal,
}

/// Whether a royalty cap limits tax deduction or regulatory approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RoyaltyCapKind {
    /// Royalty above the cap is paid but not deductible (e.g. Brazil).
    Deductibility,
    /// Royalty above the cap needs approval (e.g. Nigeria's NOTAP); no tax effect.
    Approval,
}

/// A cap on royalties as a share of net sales.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct RoyaltyCap {
    /// `deductibility` or `approval`.
    pub kind: RoyaltyCapKind,
    /// The cap, a fraction of net sales.
    pub rate: Decimal,
    /// Whether fixed technical fees count against the cap (default false).
    #[serde(default)]
    pub covers_fees: bool,
}
