//! `jv compare`: the manufacturer's entry modes side by side, or the same deal on several
//! shipped market presets side by side.

use std::path::Path;

use jv_engine::analysis::entry_modes::{self, EntryModes, EntryOptions};
use jv_markets::compare::{CompareError, MarketFigures};
use rust_decimal::Decimal;
use serde_json::json;

use crate::args::Format;
use crate::failure::Failure;
use crate::format::{money, percent};
use crate::text::table::{Align, Table, wrap};

/// Widest line of the text output.
const WIDTH: usize = 120;

fn to_json(value: serde_json::Value) -> Result<String, Failure> {
    let mut value = value;
    crate::json::round_decimals(&mut value);
    serde_json::to_string_pretty(&value)
        .map_err(|error| Failure::Output(format!("cannot write the result: {error}")))
}

fn push_wrapped(out: &mut String, text: &str) {
    for line in wrap(text, WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
}

fn or_words(value: Option<Decimal>, show: impl Fn(Decimal) -> String, none: &str) -> String {
    value.map_or_else(|| none.to_owned(), show)
}

/// `jv compare FILE --modes`.
pub fn modes(
    file: &Path,
    cbu_duty_difference: Option<Decimal>,
    p10_iterations: Option<usize>,
    format: Format,
) -> Result<String, Failure> {
    let deal = crate::load::deal(file)?;
    let mut options = EntryOptions::default();
    if let Some(difference) = cbu_duty_difference {
        options.cbu_duty_difference = difference;
    }
    if let Some(iterations) = p10_iterations {
        options.p10_iterations = iterations;
    }
    let result = entry_modes::compare_modes(&deal, &options)
        .map_err(|error| Failure::invalid(file, error))?;
    match format {
        Format::Json => to_json(
            serde_json::to_value(&result)
                .map_err(|error| Failure::Output(format!("cannot write the result: {error}")))?,
        ),
        Format::Text => Ok(modes_text(&deal.name, &result)),
    }
}

fn modes_text(name: &str, result: &EntryModes) -> String {
    let mut out = String::new();
    push_wrapped(
        &mut out,
        &format!(
            "Entry modes: {name} (the manufacturer, \"{}\", cash view)",
            result.party
        ),
    );
    out.push('\n');
    let rcy = &result.currency;
    let mut table = Table::new()
        .column("Mode", Align::Left)
        .column(&format!("NPV, {rcy}"), Align::Right)
        .column("IRR", Align::Right)
        .column(&format!("Capital at risk, {rcy}"), Align::Right)
        .column(&format!("MC P10, {rcy}"), Align::Right);
    for mode in &result.modes {
        if mode.error.is_some() {
            table.row(vec![
                mode.label.to_owned(),
                "failed".to_owned(),
                String::new(),
                String::new(),
                String::new(),
            ]);
            continue;
        }
        table.row(vec![
            mode.label.to_owned(),
            or_words(mode.npv_cash, money, ""),
            or_words(mode.irr_cash, |r| percent(r, 1), "no cash invested"),
            or_words(mode.capital_at_risk, money, ""),
            or_words(mode.monte_carlo_p10, money, "n/a"),
        ]);
    }
    out.push_str(&table.render_within(WIDTH, 1));
    out.push('\n');
    for mode in &result.modes {
        let text = match &mode.error {
            Some(error) => format!("{}: failed: {error}", mode.label),
            None => format!("{}: {}", mode.label, mode.assumptions),
        };
        push_wrapped(&mut out, &text);
    }
    for mode in &result.modes {
        if result.options.p10_iterations == 0 {
            break;
        }
        if let (None, Some(note)) = (&mode.error, &mode.p10_note) {
            push_wrapped(&mut out, &format!("{} P10: {note}", mode.label));
        }
    }
    let p10 = if result.options.p10_iterations == 0 {
        "MC P10: not computed.".to_owned()
    } else {
        format!(
            "MC P10: the NPV a 1-in-10 bad draw falls to, over {} iterations (seed {}) of the \
             same drawn inputs for every mode; spec: {}.",
            result.options.p10_iterations,
            result.options.p10_seed,
            result.p10_spec.describe()
        )
    };
    push_wrapped(
        &mut out,
        &format!("Capital at risk is the deepest cumulative cash outflow. {p10}"),
    );
    out
}

/// Parses `NG=1500,BR=5.2`.
pub fn parse_spots(given: &[String]) -> Result<Vec<(String, Decimal)>, Failure> {
    given
        .iter()
        .flat_map(|g| g.split(','))
        .filter(|s| !s.trim().is_empty())
        .map(|pair| {
            let (code, rate) = pair.split_once('=').ok_or_else(|| {
                Failure::Usage(format!(
                    "--fx-spot takes COUNTRY=RATE pairs, like NG=1500; \"{pair}\" is not one"
                ))
            })?;
            let rate: Decimal = rate.trim().parse().map_err(|_| {
                Failure::Usage(format!("--fx-spot {code}: \"{rate}\" is not a number"))
            })?;
            if rate <= Decimal::ZERO {
                return Err(Failure::Usage(format!(
                    "--fx-spot {code}: the rate must be above zero"
                )));
            }
            Ok((code.trim().to_uppercase(), rate))
        })
        .collect()
}

/// The deal on each preset, through `jv_markets::compare` (as the app does), with its
/// errors in the command line's words: every missing spot rate at once, as `--fx-spot`
/// pairs to give.
fn compare_markets(
    file: &Path,
    deal: &jv_engine::Deal,
    countries: &[String],
    spots: &[(String, Decimal)],
) -> Result<Vec<MarketFigures>, Failure> {
    jv_markets::compare::compare_markets(deal, countries, spots).map_err(|error| match error {
        CompareError::NeedsFxSpot {
            reporting_currency,
            missing,
        } => Failure::Usage(format!(
            "a change of currency needs a spot rate; missing for {}: give them with --fx-spot {}",
            missing
                .iter()
                .map(|m| format!("{} ({} per {reporting_currency})", m.country, m.currency))
                .collect::<Vec<_>>()
                .join(", "),
            missing
                .iter()
                .map(|m| format!("{}=RATE", m.country))
                .collect::<Vec<_>>()
                .join(",")
        )),
        CompareError::UnknownCountry { country, known } => Failure::Usage(format!(
            "there is no market preset for \"{country}\"; the presets are {known}"
        )),
        CompareError::Deal { source, .. } => Failure::invalid(file, source),
        other @ (CompareError::NoMarkets | CompareError::Apply { .. }) => {
            Failure::Usage(other.to_string())
        }
    })
}

/// `jv compare FILE --markets KE,NG,BR`.
pub fn markets(
    file: &Path,
    countries: &[String],
    fx_spot: &[String],
    format: Format,
) -> Result<String, Failure> {
    let countries: Vec<String> = countries
        .iter()
        .flat_map(|c| c.split(','))
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    if countries.is_empty() {
        return Err(Failure::Usage(
            "--markets needs at least one country code".to_owned(),
        ));
    }
    let spots = parse_spots(fx_spot)?;
    let deal = crate::load::deal(file)?;
    let results = compare_markets(file, &deal, &countries, &spots)?;
    match format {
        Format::Json => to_json(json!({
            "reporting_currency": deal.reporting_currency,
            "markets": serde_json::to_value(&results)
                .map_err(|error| Failure::Output(format!("cannot write the result: {error}")))?,
        })),
        Format::Text => Ok(markets_text(&deal.name, &deal.reporting_currency, &results)),
    }
}

fn markets_text(name: &str, rcy: &str, results: &[MarketFigures]) -> String {
    let mut out = String::new();
    push_wrapped(&mut out, &format!("Markets: {name}"));
    out.push('\n');
    let mut table = Table::new().column("", Align::Left);
    for market in results {
        table = table.column(
            &format!(
                "{}\n{} {}",
                market.country,
                market.currency,
                market.fx_spot.normalize()
            ),
            Align::Right,
        );
    }
    let ids: Vec<String> = results
        .first()
        .map(|r| r.parties.iter().map(|p| p.id.clone()).collect())
        .unwrap_or_default();
    for id in &ids {
        table.heading(id.clone());
        let mut npv = vec![format!("  NPV cash, {rcy}")];
        let mut irr = vec!["  IRR cash".to_owned()];
        for market in results {
            let party = market.parties.iter().find(|p| &p.id == id);
            npv.push(party.map_or_else(String::new, |p| money(p.npv_cash)));
            irr.push(party.map_or_else(String::new, |p| {
                or_words(p.irr_cash, |r| percent(r, 1), "no IRR")
            }));
        }
        table.row(npv);
        table.row(irr);
    }
    let mut count = vec!["Warnings".to_owned()];
    for market in results {
        count.push(market.warnings.len().to_string());
    }
    table.row(count);
    out.push_str(&table.render_within(WIDTH, 1));
    for market in results {
        out.push('\n');
        push_wrapped(&mut out, &format!("{} ({}):", market.name, market.country));
        if market.warnings.is_empty() {
            out.push_str("  no warnings\n");
        }
        for warning in &market.warnings {
            for line in wrap(
                &format!("[{}] {}", warning.code, warning.message),
                WIDTH - 4,
            ) {
                out.push_str("  ");
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}
