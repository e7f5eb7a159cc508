//! The example deals and the blank template that "New deal" starts from.

use jv_engine::read_deal;
use serde::Serialize;

use crate::error::AppError;

/// One deal the user can start from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ExampleDeal {
    /// Stable id (the file stem).
    pub id: String,
    /// Deal name.
    pub name: String,
    /// Market country code.
    pub country: String,
    /// Market name.
    pub market: String,
    /// What the deal shows.
    pub description: String,
    /// The deal file's text.
    pub deal_json: String,
}

/// The shipped examples, as files in `examples/`.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "kenya-e3w-ckd",
        include_str!("../../../examples/kenya-e3w-ckd.jvdeal"),
    ),
    (
        "brazil-negotiated-60-40",
        include_str!("../../../examples/brazil-negotiated-60-40.jvdeal"),
    ),
    (
        "nigeria-dealer-diluted",
        include_str!("../../../examples/nigeria-dealer-diluted.jvdeal"),
    ),
    (
        "vesting-three-tranches",
        include_str!("../../../examples/vesting-three-tranches.jvdeal"),
    ),
    (
        "no-cash-tech-partner",
        include_str!("../../../examples/no-cash-tech-partner.jvdeal"),
    ),
];

/// The blank deal: two parties, a placeholder market, every section present.
const BLANK: &str = include_str!("../../templates/blank.jvdeal");

/// One deal file as the gallery shows it.
pub(crate) fn describe(id: &str, text: &str) -> Result<ExampleDeal, AppError> {
    let deal = read_deal(text)?;
    Ok(ExampleDeal {
        id: id.to_owned(),
        name: deal.name,
        country: deal.market.country,
        market: deal.market.name,
        description: deal.description,
        deal_json: text.to_owned(),
    })
}

/// Every example, in gallery order.
pub fn examples() -> Result<Vec<ExampleDeal>, AppError> {
    EXAMPLES
        .iter()
        .map(|(id, text)| describe(id, text))
        .collect()
}

/// The blank deal's JSON.
pub fn blank_deal() -> Result<ExampleDeal, AppError> {
    describe("blank", BLANK)
}
