//! Turning the editor's deal JSON into a `Deal` for saving and exporting.

use jv_engine::{Deal, DealError, read_deal};

use crate::error::AppError;

/// Parses a deal for saving: semantic errors (a negative price, shares not adding up) are
/// allowed, because a version may be work in progress; a deal that does not fit the file
/// format is refused with every field error.
pub fn parse_for_saving(deal_json: &str) -> Result<Deal, AppError> {
    match read_deal(deal_json) {
        Ok(deal) => Ok(deal),
        Err(DealError::Invalid(errors)) => match serde_json::from_str::<Deal>(deal_json) {
            Ok(deal) => Ok(deal),
            Err(_) => Err(DealError::Invalid(errors).into()),
        },
        Err(other) => Err(other.into()),
    }
}

/// The deal as a `.jvdeal` text: two-space indented JSON ending with a newline.
pub fn to_file_text(deal: &Deal) -> Result<String, AppError> {
    let mut text = serde_json::to_string_pretty(deal).map_err(|error| {
        AppError::new(
            crate::error::ErrorCode::Internal,
            format!("could not write the deal as JSON: {error}"),
        )
    })?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::error::ErrorCode;

    const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

    #[test]
    fn keeps_a_deal_with_semantic_errors() {
        let text = KENYA.replacen(
            "\"dealer_margin\": \"0.10\"",
            "\"dealer_margin\": \"1.5\"",
            1,
        );
        assert_ne!(text, KENYA, "the example's dealer margin changed");
        let deal = parse_for_saving(&text).unwrap();
        assert_eq!(
            deal.agreements
                .distribution
                .unwrap()
                .dealer_margin
                .to_string(),
            "1.5"
        );
    }

    #[test]
    fn refuses_a_deal_that_does_not_fit_the_format() {
        let text = KENYA.replacen("\"horizon_years\"", "\"horizon_yaers\"", 1);
        let error = parse_for_saving(&text).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidDeal);
        assert!(
            error
                .fields
                .iter()
                .any(|f| f.message.contains("horizon_years"))
        );
    }
}
