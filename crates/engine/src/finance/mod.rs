//! Financial primitives of the deal model: NPV and discount factors, IRR
//! with every root found, MOIC and payback. All are pure, use `Decimal`
//! and never panic: any overflow is reported as `None` or a status.

mod irr;
mod metrics;
mod npv;

pub use irr::{IrrOutcome, irr, without_dust};
pub use metrics::{Payback, moic, payback_year};
pub use npv::{discount_factors, npv};
