//! Deal templates for the manufacturers JV Studio serves: "New deal" offers them, and a
//! template with a market's preset applied is a working deal in one call.

use jv_store::Store;
use rust_decimal::Decimal;

use crate::api::deal_text::parse_for_saving;
use crate::api::examples::{ExampleDeal, describe};
use crate::api::presets;
use crate::error::{AppError, ErrorCode};

/// The shipped templates, as files in `templates/` at the repository root, in gallery order.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "e3w-ckd-dealer",
        include_str!("../../../templates/e3w-ckd-dealer.jvdeal"),
    ),
    (
        "motorcycle-assembly",
        include_str!("../../../templates/motorcycle-assembly.jvdeal"),
    ),
    (
        "coatings-blending",
        include_str!("../../../templates/coatings-blending.jvdeal"),
    ),
    (
        "machinery-service",
        include_str!("../../../templates/machinery-service.jvdeal"),
    ),
];

/// Every template, in gallery order.
pub fn templates() -> Result<Vec<ExampleDeal>, AppError> {
    TEMPLATES
        .iter()
        .map(|(id, text)| describe(id, text))
        .collect()
}

/// A new deal: the template with the preset in use for `country` applied (its local partner
/// moved to that market, its amounts converted at `fx_spot` when the currency changes and the
/// preset has no spot rate; without one, `needs_fx_spot`).
pub async fn new_deal_from_template(
    store: &Store,
    template_id: &str,
    country: &str,
    fx_spot: Option<Decimal>,
) -> Result<ExampleDeal, AppError> {
    let (id, text) = TEMPLATES
        .iter()
        .find(|(id, _)| *id == template_id)
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::NotFound,
                format!("there is no deal template {template_id:?}"),
            )
        })?;
    let template = parse_for_saving(text)?;
    let applied = presets::apply(store, &template, country, fx_spot).await?;
    describe(id, &applied.deal_json)
}
