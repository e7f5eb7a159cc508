use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Agreements, Exit, Governance, Market, Party, Plan};
use crate::analysis::scenarios::Scenario;
use crate::analysis::settings::AnalysisSettings;

/// The newest `schema_version` this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole joint-venture deal: the content of one `.jvdeal` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Deal {
    /// Version of the file format; files from a newer version are refused.
    pub schema_version: u32,
    /// Name of the deal, e.g. "Kenya e-three-wheeler JV".
    pub name: String,
    /// Free text: what the deal is and where its figures come from.
    #[serde(default)]
    pub description: String,
    /// Years projected after closing, 1 to 30.
    #[serde(default = "default_horizon")]
    pub horizon_years: u32,
    /// ISO 4217 code of the currency returns are reported in (kit prices are set in it).
    #[serde(default = "default_rcy")]
    pub reporting_currency: String,
    /// Inflation of the reporting currency, a fraction per year (default 0.025).
    #[serde(default = "default_rcy_inflation")]
    pub reporting_inflation: Decimal,
    /// Yearly escalation of prices set in the reporting currency (kit FOB, technical fees);
    /// defaults to `reporting_inflation`; zero for a fixed-price contract.
    #[serde(default)]
    pub rcy_escalation: Option<Decimal>,
    /// The market the JV operates in: taxes, duties, inflation, currency, rules.
    pub market: Market,
    /// The shareholders, 2 to 20.
    pub parties: Vec<Party>,
    /// How the JV's shares are split.
    pub equity: Equity,
    /// The side agreements: licence, kit supply, distribution.
    pub agreements: Agreements,
    /// The JV's business plan.
    pub plan: Plan,
    /// Debt and minimum cash.
    #[serde(default)]
    pub financing: Financing,
    /// How the JV is valued at the end of the horizon.
    pub exit: Exit,
    /// Governance terms (board, reserved matters, deadlock, exit…), shown in the memo.
    #[serde(default, skip_serializing_if = "Governance::is_empty")]
    pub governance: Governance,
    /// Named what-if cases, each a set of overrides of this base deal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Stored analysis settings: the Monte Carlo spec and tornado ranges.
    #[serde(default, skip_serializing_if = "AnalysisSettings::is_empty")]
    pub analysis: AnalysisSettings,
}

fn default_horizon() -> u32 {
    10
}

fn default_rcy() -> String {
    "USD".to_owned()
}

fn default_rcy_inflation() -> Decimal {
    Decimal::new(25, 3)
}

fn default_shares() -> u64 {
    1_000_000
}

/// How the equity is split between the parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SplitMode {
    /// Each party's share is its contributed value over the total.
    ContributionBased,
    /// Shares fixed by the parties; the value transfer is shown.
    Negotiated,
}

/// The equity block: split mode, negotiated shares and the number of shares issued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Equity {
    /// `contribution_based` or `negotiated`.
    pub mode: SplitMode,
    /// With `negotiated`: each party's share, fractions summing to exactly 1.
    #[serde(default)]
    pub shares: Vec<NegotiatedShare>,
    /// Whole shares the JV issues at closing (default 1,000,000).
    #[serde(default = "default_shares")]
    pub shares_issued: u64,
}

/// One party's negotiated share of the equity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct NegotiatedShare {
    /// The party's id.
    pub party: String,
    /// Its share, a fraction (0.6 = 60 %).
    pub share: Decimal,
}

/// Debt and cash policy of the JV.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Financing {
    /// An optional term loan to the JV.
    #[serde(default)]
    pub loan: Option<Loan>,
    /// Cash the JV keeps at least, in local currency; a shortfall is called from shareholders.
    #[serde(default)]
    pub minimum_cash: Decimal,
}

/// A term loan: drawn once, repaid in equal principal instalments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Loan {
    /// Principal in local currency.
    pub amount: Decimal,
    /// Interest rate per year, a fraction.
    pub rate: Decimal,
    /// Years of repayment after drawdown.
    pub tenor_years: u32,
    /// Year the loan is drawn (at year end; default 0, closing).
    #[serde(default)]
    pub drawdown_year: u32,
}
