use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the JV is valued at the end of the horizon (year N).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Exit {
    /// No terminal value: the parties keep only what was paid out.
    None,
    /// Book equity at the end of year N, after that year's dividend.
    BookValue,
    /// Enterprise value = multiple × EBITDA of year N, less net debt.
    EbitdaMultiple {
        /// The EV/EBITDA multiple.
        multiple: Decimal,
    },
    /// Enterprise value by a growing perpetuity of steady-state free cash flow, less net debt.
    Perpetuity {
        /// Long-run growth g, a fraction; must be below `discount_rate`.
        growth: Decimal,
        /// Discount rate k (cost of capital), a fraction.
        discount_rate: Decimal,
    },
}
