//! Live evaluation of the deal being edited, with the age of its market data.

use jv_engine::{Evaluation, FieldError, evaluate, read_deal};
use jv_markets::{StaleValue, stale_values};
use serde::Serialize;

use crate::error::AppError;

/// The result of evaluating the editor's deal: results, or every field error.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum EvaluateOutcome {
    /// The deal is valid; here is everything about it.
    Evaluated {
        /// The results.
        evaluation: Box<Evaluation>,
        /// Market values whose source is more than 12 months older than today.
        data_age: Vec<StaleValue>,
    },
    /// The deal has invalid fields; each is at its path.
    Invalid {
        /// Every problem, all at once.
        errors: Vec<FieldError>,
    },
}

/// Evaluates deal JSON as typed in the editor, dating its market values against `today`
/// (`YYYY-MM-DD`). Invalid input is an outcome, not an error: it is what the user sees while
/// typing.
pub fn evaluate_deal(deal_json: &str, today: &str) -> EvaluateOutcome {
    let result =
        read_deal(deal_json).and_then(|deal| evaluate(&deal).map(|evaluation| (evaluation, deal)));
    match result {
        Ok((evaluation, deal)) => EvaluateOutcome::Evaluated {
            evaluation: Box::new(evaluation),
            data_age: stale_values(&deal.market, today),
        },
        Err(error) => EvaluateOutcome::Invalid {
            errors: AppError::from(error).fields_or_message(),
        },
    }
}

impl AppError {
    /// The field errors, or the message as one error for the whole deal.
    fn fields_or_message(self) -> Vec<FieldError> {
        if self.fields.is_empty() {
            vec![FieldError::new("", self.message)]
        } else {
            self.fields
        }
    }
}
