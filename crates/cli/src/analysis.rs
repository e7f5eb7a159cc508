//! `jv scenarios` and `jv tornado`: the engine's what-if analyses as a table or JSON.

use std::path::Path;

use jv_engine::analysis::drivers::Unit;
use jv_engine::analysis::scenarios::{self, ScenarioResult, Skipped};
use jv_engine::analysis::tornado::{self, Metric, Range, Tornado, TornadoError, View};
use rust_decimal::Decimal;
use serde_json::json;

use crate::args::Format;
use crate::failure::Failure;
use crate::format::{money, multiple, number, percent};
use crate::text::table::{Align, Table};

/// Widest line of the text output.
const WIDTH: usize = 120;

fn to_json(value: serde_json::Value) -> Result<String, Failure> {
    let mut value = value;
    crate::json::round_decimals(&mut value);
    serde_json::to_string_pretty(&value)
        .map_err(|error| Failure::Output(format!("cannot write the result: {error}")))
}

fn output_error(error: serde_json::Error) -> Failure {
    Failure::Output(format!("cannot write the result: {error}"))
}

/// `jv scenarios`: the base case and the deal's scenarios (or the built-in ones).
pub fn scenarios(file: &Path, format: Format, builtin: bool) -> Result<String, Failure> {
    let deal = crate::load::deal(file)?;
    // The base must be valid before the built-ins, which read its FX path, are made.
    jv_engine::evaluate(&deal).map_err(|error| Failure::invalid(file, error))?;
    let (list, skipped) = if builtin {
        scenarios::builtins(&deal)
    } else {
        (deal.scenarios.clone(), Vec::new())
    };
    let results = scenarios::run(&deal, &list).map_err(|error| Failure::invalid(file, error))?;
    match format {
        Format::Json => to_json(json!({
            "reporting_currency": deal.reporting_currency,
            "local_currency": deal.market.currency,
            "scenarios": serde_json::to_value(&results).map_err(output_error)?,
            "skipped": serde_json::to_value(&skipped).map_err(output_error)?,
        })),
        Format::Text => Ok(scenarios_text(
            &deal.name,
            &deal.reporting_currency,
            &deal.market.currency,
            &results,
            &skipped,
            builtin,
        )),
    }
}

fn or_words(value: Option<Decimal>, show: impl Fn(Decimal) -> String, none: &str) -> String {
    value.map_or_else(|| none.to_owned(), show)
}

fn scenarios_text(
    name: &str,
    rcy: &str,
    lcy: &str,
    results: &[ScenarioResult],
    skipped: &[Skipped],
    builtin: bool,
) -> String {
    let mut out = String::new();
    for line in crate::text::table::wrap(&format!("Scenarios: {name}"), WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    if results.len() == 1 && !builtin {
        out.push_str(
            "The deal stores no scenarios; only the base case is shown. \
             Run with --builtin for the built-in ones.\n\n",
        );
    }
    let mut table = Table::new().column("", Align::Left);
    for result in results {
        table = table.column(&result.name.replace(' ', "\n"), Align::Right);
    }
    let ids: Vec<String> = results
        .first()
        .map(|r| r.parties.iter().map(|p| p.id.clone()).collect())
        .unwrap_or_default();
    for id in &ids {
        table.heading(id.clone());
        type Cell = fn(&scenarios::PartyFigures) -> String;
        let rows: [(String, Cell); 5] = [
            (format!("  NPV cash, {rcy}"), |p| money(p.npv_cash)),
            ("  IRR cash".to_owned(), |p| {
                or_words(p.irr_cash, |r| percent(r, 1), "no IRR")
            }),
            ("  MOIC cash".to_owned(), |p| {
                or_words(p.moic_cash, multiple, "none")
            }),
            (format!("  NPV economic, {rcy}"), |p| money(p.npv_economic)),
            ("  IRR economic".to_owned(), |p| {
                or_words(p.irr_economic, |r| percent(r, 1), "no IRR")
            }),
        ];
        for (label, cell) in rows {
            let mut cells = vec![label];
            for result in results {
                cells.push(
                    result
                        .parties
                        .iter()
                        .find(|p| &p.id == id)
                        .map_or_else(|| "failed".to_owned(), cell),
                );
            }
            table.row(cells);
        }
    }
    table.heading("JV");
    let mut low = vec![format!("  Cash low point, {lcy} m")];
    let mut year = vec!["  in year".to_owned()];
    for result in results {
        low.push(or_words(
            result.jv_cash_low_point,
            |c| number(c / Decimal::from(1_000_000), 1),
            "failed",
        ));
        year.push(or_words(
            result.jv_cash_low_year.map(Decimal::from),
            |y| number(y, 0),
            "",
        ));
    }
    table.row(low);
    table.row(year);
    out.push_str(&table.render_within(WIDTH, 1));
    let notes: Vec<String> = results
        .iter()
        .filter(|r| !r.description.is_empty() || r.error.is_some())
        .map(|r| match &r.error {
            Some(error) => format!("{}: failed: {error}", r.name),
            None => format!("{}: {}", r.name, r.description),
        })
        .chain(
            skipped
                .iter()
                .map(|s| format!("{}: not applicable: {}", s.name, s.reason)),
        )
        .collect();
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            for line in crate::text::table::wrap(&note, WIDTH) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// Parses `--range DRIVER=LOW:HIGH` (relative changes, e.g. `units=-0.3:0.1`).
pub fn parse_ranges(given: &[String]) -> Result<Vec<Range>, Failure> {
    given
        .iter()
        .map(|text| {
            let usage = || {
                Failure::Usage(format!(
                    "--range takes DRIVER=LOW:HIGH with relative changes, like units=-0.3:0.1; \
                     \"{text}\" is not one"
                ))
            };
            let (driver, ends) = text.split_once('=').ok_or_else(usage)?;
            let (low, high) = ends.split_once(':').ok_or_else(usage)?;
            let low: Decimal = low.trim().parse().map_err(|_| usage())?;
            let high: Decimal = high.trim().parse().map_err(|_| usage())?;
            if low < -Decimal::ONE || low >= high {
                return Err(Failure::Usage(format!(
                    "--range {text}: the low change must be −1 or more and below the high one"
                )));
            }
            Ok(Range {
                driver: driver.trim().to_owned(),
                low,
                high,
            })
        })
        .collect()
}

/// `jv tornado`: every driver at its range (given, stored in the deal, else ±20 %) for one
/// party's metric, largest swing first.
pub fn tornado(
    file: &Path,
    party: &str,
    metric: Metric,
    view: View,
    ranges: &[String],
    format: Format,
) -> Result<String, Failure> {
    let ranges = parse_ranges(ranges)?;
    let deal = crate::load::deal(file)?;
    let result =
        tornado::tornado(&deal, party, metric, view, &ranges).map_err(|error| match error {
            TornadoError::Deal(error) => Failure::invalid(file, error),
            other => Failure::Usage(format!("jv: {other}")),
        })?;
    match format {
        Format::Json => to_json(serde_json::to_value(&result).map_err(output_error)?),
        Format::Text => Ok(tornado_text(
            &deal,
            &result,
            !ranges.is_empty() || !deal.analysis.tornado.is_empty(),
        )),
    }
}

fn input(unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Rate => percent(value, 2),
        Unit::Amount | Unit::Count | Unit::Years => money(value),
        Unit::Factor => multiple(value),
    }
}

fn tornado_text(deal: &jv_engine::Deal, t: &Tornado, custom: bool) -> String {
    let rcy = &deal.reporting_currency;
    let show = |v: Option<Decimal>| match t.metric {
        Metric::Npv => or_words(v, money, "none"),
        Metric::Irr => or_words(v, |r| percent(r, 1), "no IRR"),
    };
    let (what, unit) = match t.metric {
        Metric::Npv => ("NPV", format!(", {rcy}")),
        Metric::Irr => ("IRR", String::new()),
    };
    let view = match t.view {
        View::Cash => "cash",
        View::Economic => "economic",
    };
    let mut out = String::new();
    for line in crate::text::table::wrap(&format!("Tornado: {}", deal.name), WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
    let ranges = if custom {
        "each driver at its range (given, else stored in the deal, else −20 % and +20 %)"
    } else {
        "each driver at −20 % and +20 %"
    };
    out.push_str(&format!(
        "{what} ({view}{unit}) of {}, {ranges}\nBase case: {}\n\n",
        t.party,
        show(t.base)
    ));
    let widest = t.bars.iter().map(|b| b.swing).max().unwrap_or_default();
    let mut table = Table::new()
        .column("Driver", Align::Left)
        .column("Low input", Align::Right)
        .column("High input", Align::Right)
        .column("At low", Align::Right)
        .column("At high", Align::Right)
        .column("Swing", Align::Right)
        .column("", Align::Left);
    for bar in &t.bars {
        let length = if widest.is_zero() {
            0
        } else {
            (bar.swing * Decimal::from(20) / widest)
                .round()
                .try_into()
                .unwrap_or(0usize)
        };
        table.row(vec![
            bar.label.clone(),
            input(bar.unit, bar.low_input),
            input(bar.unit, bar.high_input),
            show(bar.low),
            show(bar.high),
            match t.metric {
                Metric::Npv => money(bar.swing),
                Metric::Irr => format!("{} pts", number(bar.swing * Decimal::ONE_HUNDRED, 1)),
            },
            "#".repeat(length),
        ]);
    }
    out.push_str(&table.render_within(WIDTH, 1));
    let notes: Vec<String> = t
        .bars
        .iter()
        .filter_map(|b| b.note.as_ref().map(|n| format!("{}: {n}", b.label)))
        .collect();
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            for line in crate::text::table::wrap(&note, WIDTH) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}
