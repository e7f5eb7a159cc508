use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The JV's business plan, in local currency; inflating inputs are year-1 values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Units sold per year.
    pub units: Units,
    /// Retail price per unit, year 1, local currency.
    pub retail_price: Decimal,
    /// Yearly growth of the retail price; none means local inflation.
    #[serde(default)]
    pub price_growth: Option<Decimal>,
    /// Locally sourced parts per unit, year 1, local currency (inflating).
    #[serde(default)]
    pub local_parts_per_unit: Decimal,
    /// Assembly labour hours per unit.
    #[serde(default)]
    pub labour_hours_per_unit: Decimal,
    /// Wage per labour hour, year 1, local currency (inflating).
    #[serde(default)]
    pub wage_per_hour: Decimal,
    /// Fixed overhead per year, year 1, local currency (inflating).
    #[serde(default)]
    pub fixed_overhead: Decimal,
    /// Marketing, a fraction of revenue.
    #[serde(default)]
    pub marketing_rate: Decimal,
    /// Warranty, a fraction of revenue.
    #[serde(default)]
    pub warranty_rate: Decimal,
    /// Investments, local currency, each depreciated over its life.
    #[serde(default)]
    pub capex: Vec<CapexItem>,
    /// Maintenance capex per year from year 1, year-1 value, local currency (inflating).
    #[serde(default)]
    pub maintenance_capex: Decimal,
    /// Useful life of maintenance capex, years (default 5).
    #[serde(default = "default_maintenance_life")]
    pub maintenance_life_years: u32,
    /// Working-capital days.
    #[serde(default)]
    pub working_capital: WorkingCapital,
    /// Share of distributable profit paid as dividends, a fraction.
    #[serde(default)]
    pub payout_ratio: Decimal,
}

fn default_maintenance_life() -> u32 {
    5
}

/// Units sold per year: an explicit list or a ramp.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Units {
    /// Year-1 units growing each year up to a capacity ceiling, rounded half-up.
    Ramp {
        /// Units in year 1.
        first_year: Decimal,
        /// Growth per year, a fraction.
        growth: Decimal,
        /// Ceiling on units per year; none means no ceiling.
        #[serde(default)]
        capacity: Option<Decimal>,
    },
    /// Units for each year 1..N.
    Explicit {
        /// One whole number per year.
        units: Vec<Decimal>,
    },
}

/// A capital expenditure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct CapexItem {
    /// What it buys, e.g. "assembly line".
    pub name: String,
    /// Amount, local currency.
    pub amount: Decimal,
    /// Year it is spent and placed in service (default 0).
    #[serde(default)]
    pub year: u32,
    /// Depreciation life, years.
    pub useful_life_years: u32,
}

/// Working-capital days.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct WorkingCapital {
    /// Days of revenue outstanding as receivables.
    #[serde(default)]
    pub receivable_days: Decimal,
    /// Days of COGS held as inventory.
    #[serde(default)]
    pub inventory_days: Decimal,
    /// Days of COGS owed to suppliers.
    #[serde(default)]
    pub payable_days: Decimal,
}
