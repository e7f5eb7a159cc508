//! The same deal on several shipped market presets side by side: each party's figures, the
//! JV's cash low point and the warnings per market. The plan is unchanged; only the market
//! (and, on a change of currency, the local-currency amounts at the given spot rate) moves.

use jv_engine::analysis::scenarios::{self, PartyFigures};
use jv_engine::{Deal, DealError, evaluate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::apply::{ApplyError, ApplyOptions, apply_preset_with};
use crate::shipped::{shipped, shipped_preset};

/// The deal on one market.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MarketFigures {
    /// ISO code of the preset.
    pub country: String,
    /// The country's name.
    pub name: String,
    /// The market's currency.
    pub currency: String,
    /// The FX spot used, local currency per reporting-currency unit.
    pub fx_spot: Decimal,
    /// Each party's figures, reporting currency, file order.
    pub parties: Vec<PartyFigures>,
    /// The JV's lowest year-end cash, in the market's currency.
    pub jv_cash_low_point: Option<Decimal>,
    /// The year of that low point.
    pub jv_cash_low_year: Option<u32>,
    /// Guardrail and other warnings.
    pub warnings: Vec<MarketWarning>,
}

/// A warning on one market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MarketWarning {
    /// Stable code.
    pub code: String,
    /// What to change.
    pub message: String,
}

/// A market whose currency differs from the deal's and whose preset has no spot rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MissingSpot {
    /// The preset's country.
    pub country: String,
    /// The preset's currency.
    pub currency: String,
}

/// Why the markets cannot be compared.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompareError {
    /// No market was asked for.
    #[error("choose at least one market to compare")]
    NoMarkets,
    /// No shipped preset has that code.
    #[error("no market preset has the code \"{country}\"; the presets are {known}")]
    UnknownCountry {
        /// The code asked for.
        country: String,
        /// The codes there are.
        known: String,
    },
    /// Markets in another currency without a spot rate; every one is named.
    #[error(
        "a change of currency needs today's spot rate ({reporting_currency} to the market's currency); enter it for {}",
        .missing.iter().map(|m| format!("{} ({})", m.country, m.currency)).collect::<Vec<_>>().join(", ")
    )]
    NeedsFxSpot {
        /// The deal's reporting currency.
        reporting_currency: String,
        /// The markets missing a rate.
        missing: Vec<MissingSpot>,
    },
    /// The preset could not be applied (e.g. a spot rate not above zero).
    #[error("{country}: {source}")]
    Apply {
        /// The preset's country.
        country: String,
        /// What went wrong.
        source: ApplyError,
    },
    /// The deal on that market is invalid.
    #[error("the deal on the {country} market is invalid: {source}")]
    Deal {
        /// The preset's country.
        country: String,
        /// The field errors.
        source: DealError,
    },
}

/// The deal on each of `countries` (preset codes, in that order), with `spots` as
/// (country, local currency per reporting-currency unit) for presets without their own rate.
pub fn compare_markets(
    deal: &Deal,
    countries: &[String],
    spots: &[(String, Decimal)],
) -> Result<Vec<MarketFigures>, CompareError> {
    if countries.is_empty() {
        return Err(CompareError::NoMarkets);
    }
    let spot_of = |code: &str| {
        spots
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, rate)| *rate)
    };
    let mut presets = Vec::new();
    for code in countries {
        let preset = shipped_preset(code).ok_or_else(|| CompareError::UnknownCountry {
            country: code.clone(),
            known: shipped()
                .iter()
                .map(|p| p.country.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
        presets.push(preset);
    }
    // Every missing rate is named at once, before anything is evaluated.
    let mut missing = Vec::new();
    let mut changed = Vec::new();
    for preset in &presets {
        let mut copy = deal.clone();
        let options = ApplyOptions {
            fx_spot: spot_of(&preset.country),
        };
        match apply_preset_with(&mut copy, preset, &options) {
            Ok(_) => changed.push(copy),
            Err(ApplyError::NeedsFxSpot { .. }) => missing.push(MissingSpot {
                country: preset.country.clone(),
                currency: preset.currency.clone(),
            }),
            Err(source) => {
                return Err(CompareError::Apply {
                    country: preset.country.clone(),
                    source,
                });
            }
        }
    }
    if !missing.is_empty() {
        return Err(CompareError::NeedsFxSpot {
            reporting_currency: deal.reporting_currency.clone(),
            missing,
        });
    }
    presets
        .iter()
        .zip(changed)
        .map(|(preset, market_deal)| {
            let evaluation = evaluate(&market_deal).map_err(|source| CompareError::Deal {
                country: preset.country.clone(),
                source,
            })?;
            let figures = scenarios::figures(&preset.name, "", &evaluation);
            Ok(MarketFigures {
                country: preset.country.clone(),
                name: preset.name.clone(),
                currency: market_deal.market.currency.clone(),
                fx_spot: market_deal.market.fx_spot,
                parties: figures.parties,
                jv_cash_low_point: figures.jv_cash_low_point,
                jv_cash_low_year: figures.jv_cash_low_year,
                warnings: evaluation
                    .warnings
                    .iter()
                    .map(|w| MarketWarning {
                        code: w.code.to_owned(),
                        message: w.message.clone(),
                    })
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use jv_engine::read_deal;
    use rust_decimal_macros::dec;

    const KENYA: &str = include_str!("../../../examples/kenya-e3w-ckd.jvdeal");

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn kenya_on_its_own_market_matches_the_deal_evaluated_after_the_preset() {
        let deal = read_deal(KENYA).unwrap();
        let result = compare_markets(&deal, &codes(&["KE"]), &[]).unwrap();
        assert_eq!(result.len(), 1);
        let ke = &result[0];
        assert_eq!((ke.country.as_str(), ke.currency.as_str()), ("KE", "KES"));
        let mut alone = deal.clone();
        apply_preset_with(
            &mut alone,
            &shipped_preset("KE").unwrap(),
            &ApplyOptions::default(),
        )
        .unwrap();
        let evaluation = evaluate(&alone).unwrap();
        assert_eq!(ke.parties.len(), deal.parties.len());
        assert_eq!(ke.parties[0].npv_cash, evaluation.parties[0].views.cash.npv);
        assert_eq!(ke.warnings.len(), evaluation.warnings.len());
        assert!(ke.jv_cash_low_point.is_some());
    }

    #[test]
    fn a_market_in_another_currency_without_a_rate_is_named() {
        let deal = read_deal(KENYA).unwrap();
        let other = shipped()
            .into_iter()
            .find(|p| p.currency != deal.market.currency && p.values.fx_spot.value == "unknown")
            .unwrap();
        let error = compare_markets(&deal, &codes(&["KE", &other.country]), &[]).unwrap_err();
        let CompareError::NeedsFxSpot { missing, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].country, other.country);
        assert!(error.to_string().contains(&other.country), "{error}");
        let spots = vec![(other.country.to_lowercase(), dec!(100))];
        let result = compare_markets(&deal, &codes(&["KE", &other.country]), &spots).unwrap();
        assert_eq!(result[1].fx_spot, dec!(100));
        assert_eq!(result[1].currency, other.currency);
    }

    #[test]
    fn an_unknown_code_and_no_markets_are_errors() {
        let deal = read_deal(KENYA).unwrap();
        assert_eq!(
            compare_markets(&deal, &[], &[]).unwrap_err(),
            CompareError::NoMarkets
        );
        let error = compare_markets(&deal, &codes(&["XX"]), &[]).unwrap_err();
        assert!(
            matches!(error, CompareError::UnknownCountry { ref country, .. } if country == "XX")
        );
    }
}
