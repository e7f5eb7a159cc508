use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The side agreements through which money moves besides dividends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Agreements {
    /// Technology licence: running royalty and fixed technical fees.
    #[serde(default)]
    pub licence: Option<Licence>,
    /// Kit supply: the manufacturer sells CKD/SKD kits to the JV.
    pub kit_supply: KitSupply,
    /// Distribution: the dealer buys at wholesale and earns a margin on every unit.
    #[serde(default)]
    pub distribution: Option<Distribution>,
}

/// The technology licence agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// The party paid: the licensor.
    pub licensor: String,
    /// Running royalty, a fraction of the JV's net revenue.
    pub royalty_rate: Decimal,
    /// Fixed technical-service fee per year, reporting currency (year-1 value, escalating).
    #[serde(default)]
    pub technical_fee: Decimal,
    /// Customs add the running royalty to the kits' dutiable value (WTO CVA art. 8.1(c)).
    #[serde(default)]
    pub royalty_in_customs_value: bool,
}

/// The kit-supply agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct KitSupply {
    /// The party selling kits; none when kits come from a third party.
    #[serde(default)]
    pub supplier: Option<String>,
    /// FOB price of one kit, reporting currency (year-1 value, escalating).
    pub kit_fob_price: Decimal,
    /// The supplier's margin, a fraction of the FOB price.
    #[serde(default)]
    pub kit_margin: Decimal,
    /// Freight and insurance, a fraction of FOB.
    #[serde(default)]
    pub freight_insurance: Decimal,
}

/// The distribution agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// The party that distributes.
    pub distributor: String,
    /// Dealer margin m_d, a fraction of the retail price.
    pub dealer_margin: Decimal,
    /// The dealer's own cost to serve, a fraction of the retail price.
    #[serde(default)]
    pub cost_to_serve: Decimal,
}
