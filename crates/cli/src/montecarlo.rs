//! `jv montecarlo`: the deal simulated with the spec it stores, else the default drivers
//! (±20 % triangular, FX heavier on the downside, two rank correlations), as a table of percentiles and probabilities per
//! party with a text histogram of each party's NPV, or as JSON.

use std::path::Path;

use jv_engine::analysis::montecarlo::{
    MonteCarloError, MonteCarloResult, PartyOutcome, run_monte_carlo,
};
use jv_engine::analysis::sampling::SamplingSpec;
use jv_engine::analysis::settings::{SpecSource, monte_carlo_spec};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive as _;

use crate::args::Format;
use crate::failure::Failure;
use crate::format::{money, number, percent};
use crate::text::table::{Align, Table};

/// Iterations when neither the command nor the deal gives them.
const DEFAULT_ITERATIONS: usize = 1000;

/// Seed when neither the command nor the deal gives one.
const DEFAULT_SEED: u64 = 1;

/// Longest bar of the text histogram.
const BAR: usize = 40;

/// `jv montecarlo`.
pub fn montecarlo(
    file: &Path,
    iterations: Option<usize>,
    seed: Option<u64>,
    threads: usize,
    format: Format,
) -> Result<String, Failure> {
    let deal = crate::load::deal(file)?;
    jv_engine::evaluate(&deal).map_err(|error| Failure::invalid(file, error))?;
    let (spec, source) = monte_carlo_spec(&deal);
    let stored = deal.analysis.monte_carlo.as_ref();
    let iterations = iterations
        .or_else(|| stored.and_then(|s| s.iterations).map(|n| n as usize))
        .unwrap_or(DEFAULT_ITERATIONS);
    let seed = seed
        .or_else(|| stored.and_then(|s| s.seed))
        .unwrap_or(DEFAULT_SEED);
    let result =
        run_monte_carlo(&deal, &spec, iterations, seed, threads, &|_| true).map_err(|error| {
            match error {
                MonteCarloError::Deal(error) => Failure::invalid(file, error),
                other => Failure::Usage(format!("jv: {other}")),
            }
        })?;
    match format {
        Format::Json => serde_json::to_string_pretty(&result)
            .map_err(|error| Failure::Output(format!("cannot write the result: {error}"))),
        Format::Text => Ok(text(&deal, &result, &spec, source)),
    }
}

fn dec(v: f64) -> Decimal {
    Decimal::from_f64(v).unwrap_or_default()
}

fn amount(v: f64) -> String {
    money(dec(v))
}

fn rate(v: f64) -> String {
    percent(dec(v), 1)
}

fn share(v: f64) -> String {
    percent(dec(v), 1)
}

fn text(
    deal: &jv_engine::Deal,
    r: &MonteCarloResult,
    spec: &SamplingSpec,
    source: SpecSource,
) -> String {
    let rcy = &deal.reporting_currency;
    let drivers = match source {
        SpecSource::Stored => format!(
            "{} drivers: {}",
            spec.drivers.len(),
            spec.names().join(", ")
        ),
        SpecSource::Default => format!(
            "{} drivers at ±20 % (FX level 0.9–1.3×)",
            spec.drivers.len()
        ),
    };
    let mut out = format!(
        "Monte Carlo: {}\n{} iterations, seed {}; spec: {}\n",
        deal.name,
        r.iterations,
        r.seed,
        source.describe()
    );
    for line in crate::text::table::wrap(&drivers, 120) {
        out.push_str(&line);
        out.push('\n');
    }
    if r.invalid > 0 {
        out.push_str(&format!(
            "{} iterations made the deal invalid and are left out; {}\n",
            r.invalid,
            r.first_invalid.as_deref().unwrap_or("")
        ));
    }
    out.push('\n');
    let mut table = Table::new()
        .column("Party", Align::Left)
        .column("Figure", Align::Left)
        .column("P10", Align::Right)
        .column("P50", Align::Right)
        .column("P90", Align::Right);
    for p in &r.parties {
        table.row(vec![
            p.party.clone(),
            format!("NPV cash, {rcy}"),
            amount(p.npv_cash.p10),
            amount(p.npv_cash.p50),
            amount(p.npv_cash.p90),
        ]);
        table.row(vec![
            String::new(),
            format!("NPV economic, {rcy}"),
            amount(p.npv_economic.p10),
            amount(p.npv_economic.p50),
            amount(p.npv_economic.p90),
        ]);
        for (what, spread, none) in [
            ("IRR cash", p.irr_cash, p.no_irr_cash),
            ("IRR economic", p.irr_economic, p.no_irr_economic),
        ] {
            let label = if none > 0 {
                format!("{what} ({none} without)")
            } else {
                what.to_owned()
            };
            match spread {
                Some(s) => table.row(vec![
                    String::new(),
                    label,
                    rate(s.p10),
                    rate(s.p50),
                    rate(s.p90),
                ]),
                None => table.row(vec![
                    String::new(),
                    label,
                    "no IRR".to_owned(),
                    "no IRR".to_owned(),
                    "no IRR".to_owned(),
                ]),
            }
        }
    }
    out.push_str(&table.render());
    out.push('\n');
    let mut odds = Table::new()
        .column("Party", Align::Left)
        .column("P(NPV > 0)", Align::Right)
        .column("Hurdle", Align::Right)
        .column("P(IRR > hurdle)", Align::Right)
        .column("Top drivers of NPV (Spearman ρ)", Align::Left);
    for p in &r.parties {
        let top: Vec<String> = p
            .drivers
            .iter()
            .take(3)
            .map(|d| format!("{} {}", d.driver, number(dec(d.rho), 2)))
            .collect();
        odds.row(vec![
            p.party.clone(),
            share(p.p_npv_positive),
            rate(p.hurdle),
            share(p.p_irr_above_hurdle),
            top.join(", "),
        ]);
    }
    out.push_str(&odds.render());
    for p in &r.parties {
        out.push('\n');
        out.push_str(&histogram(p, rcy));
    }
    out.trim_end().to_owned()
}

fn histogram(p: &PartyOutcome, rcy: &str) -> String {
    let mut out = format!("NPV (cash, {rcy}) of {}\n", p.party);
    let most = p
        .histogram
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let labels: Vec<String> = p
        .histogram
        .iter()
        .map(|b| format!("{} to {}", amount(b.lower), amount(b.upper)))
        .collect();
    let wide = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (bin, label) in p.histogram.iter().zip(&labels) {
        let length = (bin.count * BAR).div_ceil(most);
        let pad = wide - label.chars().count();
        out.push_str(&format!(
            "{}{label}  {:>6}  {}\n",
            " ".repeat(pad),
            bin.count,
            "█".repeat(length)
        ));
    }
    out
}
