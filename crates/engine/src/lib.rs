//! The JV deal model of JV Studio: deals, contributions, equity, the JV's plan and each
//! party's returns. Pure: no I/O, no clock, no threads. Implements `shared/DOMAIN.md`;
//! the choices it leaves open are written down in `docs/model.md`.

pub mod analysis;
pub mod equity;
pub mod evaluation;
pub mod exit_value;
pub mod file;
pub mod finance;
mod guardrails;
pub mod jv_metrics;
pub mod model;
pub mod operations;
pub mod problem;
pub mod projection;
pub mod returns;
pub mod rounding;
pub mod tax;
pub mod timeline;
pub mod validate;
pub mod valuation;
mod warnings;

pub use evaluation::{Evaluation, evaluate};
pub use file::{deal_schema, read_deal};
pub use model::Deal;
pub use problem::{DealError, FieldError, Warning};
