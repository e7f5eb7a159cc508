use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A shareholder of the JV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Short unique id used in references, e.g. "maker".
    pub id: String,
    /// Name as shown to people.
    pub name: String,
    /// Its role in the deal.
    pub role: Role,
    /// ISO 3166-1 alpha-2 code of its tax home; decides withholding and treaty rates.
    pub home_country: String,
    /// Hurdle and discount rate for its NPV, a fraction.
    pub discount_rate: Decimal,
    /// Whether it funds capital calls (default true); if not, it is diluted.
    #[serde(default = "yes")]
    pub joins_capital_calls: bool,
    /// What it brings to the JV in exchange for shares.
    #[serde(default)]
    pub contributions: Vec<Contribution>,
}

fn yes() -> bool {
    true
}

/// The role a party plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The manufacturer that licenses technology and supplies kits.
    TechnologyPartner,
    /// The local partner, usually a dealer bringing distribution.
    LocalPartner,
    /// A financial investor.
    Investor,
}

/// What a party contributes for shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    /// Money paid into the JV.
    Cash,
    /// Equipment, land or buildings; depreciated in the JV.
    Asset,
    /// A licence of IP and know-how.
    Technology,
    /// The dealer's network, showrooms and licences.
    Distribution,
    /// Pre-opening work, permits, homologation.
    Services,
}

impl ContributionKind {
    /// Whether the JV books it as an intangible asset and amortises it.
    pub fn is_intangible(self) -> bool {
        matches!(self, Self::Technology | Self::Distribution | Self::Services)
    }
}

/// One contribution of one party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// What it is.
    pub kind: ContributionKind,
    /// How its value (reporting currency, at closing) is set.
    pub valuation: Valuation,
    /// Year it is made (default 0, closing).
    #[serde(default)]
    pub year: u32,
    /// Years over which the JV depreciates or amortises it (assets and intangibles).
    #[serde(default)]
    pub useful_life_years: Option<u32>,
    /// Optional vesting tranches of the shares it earns; fractions summing to 1.
    #[serde(default)]
    pub tranches: Vec<Tranche>,
    /// A short description, e.g. "EV drivetrain licence and assembly know-how".
    #[serde(default)]
    pub note: String,
}

/// How a contribution's value is set, in reporting currency at closing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Valuation {
    /// An agreed amount (for cash: the amount paid).
    Agreed {
        /// The value.
        value: Decimal,
    },
    /// Technology: PV of the royalty the JV is relieved from paying, after tax.
    ReliefFromRoyalty {
        /// Notional royalty rate ρ, a fraction of net revenue.
        royalty_rate: Decimal,
        /// Discount rate for the asset, a fraction.
        discount_rate: Decimal,
    },
    /// Distribution: PV of the share of after-tax operating profit due to the network.
    ExcessEarnings {
        /// Share s of EBIT attributed to the network, a fraction.
        profit_share: Decimal,
        /// Discount rate for the asset, a fraction.
        discount_rate: Decimal,
    },
    /// What it would cost to build again, less obsolescence.
    CostToRecreate {
        /// Cost to recreate, reporting currency.
        cost: Decimal,
        /// Obsolescence, a fraction.
        obsolescence: Decimal,
    },
}

/// A vesting tranche of the shares a contribution earns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    /// Fraction of the contribution's shares in this tranche.
    pub share: Decimal,
    /// The milestone, e.g. "first local assembly".
    pub milestone: String,
    /// Year the milestone is expected; the tranche vests at that year's end.
    pub year: u32,
    /// The milestone was missed: the tranche's shares are cancelled in its year.
    #[serde(default)]
    pub missed: bool,
}
