//! `jv goalseek` and `jv fairsplit`: the input that hits a target, and the fair split with
//! the share-against-royalty curve, as text or JSON.

use std::path::Path;

use jv_engine::analysis::drivers::Unit;
use jv_engine::analysis::fairsplit::{self, FairSplit, PartyAtSplit, Split};
use jv_engine::analysis::goalseek::{self, GoalSeek, GoalSeekError, Outcome, Target};
use jv_engine::analysis::tornado::{Metric, View};
use rust_decimal::Decimal;

use crate::args::Format;
use crate::failure::Failure;
use crate::format::{money, multiple, number, percent};
use crate::text::table::{Align, Table};

/// Widest line of the text output.
const WIDTH: usize = 120;

fn to_json(value: &impl serde::Serialize) -> Result<String, Failure> {
    let mut value = serde_json::to_value(value)
        .map_err(|error| Failure::Output(format!("cannot write the result: {error}")))?;
    crate::json::round_decimals(&mut value);
    serde_json::to_string_pretty(&value)
        .map_err(|error| Failure::Output(format!("cannot write the result: {error}")))
}

fn failure(file: &Path, error: GoalSeekError) -> Failure {
    match error {
        GoalSeekError::Deal(error) => Failure::invalid(file, error),
        other => Failure::Usage(format!("jv: {other}")),
    }
}

fn push_wrapped(out: &mut String, text: &str) {
    for line in crate::text::table::wrap(text, WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// What `jv goalseek` was asked.
pub struct Request<'a> {
    /// The input's id.
    pub input: &'a str,
    /// The target.
    pub target: Target,
    /// The bounds, when given.
    pub bounds: Option<(Decimal, Decimal)>,
}

/// `jv goalseek`: the value of one input that makes one party's metric hit the target.
pub fn goalseek(file: &Path, request: Request<'_>, format: Format) -> Result<String, Failure> {
    let deal = crate::load::deal(file)?;
    let result = goalseek::goal_seek(&deal, request.input, &request.target, request.bounds)
        .map_err(|error| failure(file, error))?;
    match format {
        Format::Json => to_json(&result),
        Format::Text => Ok(goalseek_text(&deal, &result)),
    }
}

fn input(unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Rate => percent(value, 4),
        Unit::Count => number(value, 0),
        Unit::Amount | Unit::Years => number(value, 2),
        Unit::Factor => multiple(value),
    }
}

fn metric_text(metric: Metric, value: Option<Decimal>) -> String {
    match (metric, value) {
        (Metric::Npv, Some(v)) => money(v),
        (Metric::Irr, Some(v)) => percent(v, 4),
        (_, None) => "none".to_owned(),
    }
}

fn view_word(view: View) -> &'static str {
    match view {
        View::Cash => "cash",
        View::Economic => "economic",
    }
}

fn goalseek_text(deal: &jv_engine::Deal, g: &GoalSeek) -> String {
    let t = &g.target;
    let what = match t.metric {
        Metric::Npv => format!("NPV ({}, {})", view_word(t.view), deal.reporting_currency),
        Metric::Irr => format!("IRR ({})", view_word(t.view)),
    };
    let mut out = String::new();
    push_wrapped(&mut out, &format!("Goal seek: {}", deal.name));
    out.push_str(&format!(
        "{} of {} = {}, by moving {} from {} to {}\n",
        what,
        t.party,
        metric_text(t.metric, Some(t.value)),
        g.label,
        input(g.unit, g.low),
        input(g.unit, g.high),
    ));
    out.push_str(&format!(
        "In the deal: {} = {}, {} = {}\n\n",
        g.label,
        input(g.unit, g.base_input),
        what,
        metric_text(t.metric, g.base_metric)
    ));
    match &g.outcome {
        Outcome::Solved {
            value,
            metric,
            evaluations,
        } => {
            out.push_str(&format!(
                "Solved: {} = {}\n",
                g.label,
                input(g.unit, *value)
            ));
            out.push_str(&format!(
                "{what} there: {} (tolerance {}), {evaluations} evaluations\n",
                metric_text(t.metric, Some(*metric)),
                metric_text(t.metric, Some(g.tolerance)),
            ));
        }
        Outcome::NoSolution {
            reason,
            metric_at_low,
            metric_at_high,
        } => {
            push_wrapped(&mut out, &format!("No solution in range: {reason}"));
            out.push_str(&format!(
                "At the low bound: {}; at the high bound: {}\n",
                metric_text(t.metric, *metric_at_low),
                metric_text(t.metric, *metric_at_high)
            ));
        }
    }
    out
}

/// `jv fairsplit`: the split by value contributed and by hurdle margin, and the curve.
pub fn fairsplit(file: &Path, format: Format) -> Result<String, Failure> {
    let deal = crate::load::deal(file)?;
    let result = fairsplit::fair_split(&deal).map_err(|error| failure(file, error))?;
    match format {
        Format::Json => to_json(&result),
        Format::Text => Ok(fairsplit_text(&deal, &result)),
    }
}

fn or_none(value: Option<Decimal>, show: impl Fn(Decimal) -> String) -> String {
    value.map_or_else(|| "none".to_owned(), show)
}

fn split_table(rcy: &str, parties: &[PartyAtSplit]) -> String {
    let mut table = Table::new()
        .column("Party", Align::Left)
        .column("Share", Align::Right)
        .column(&format!("Contributed, {rcy}"), Align::Right)
        .column(&format!("NPV economic, {rcy}"), Align::Right)
        .column("NPV ÷ contributed", Align::Right)
        .column("IRR economic", Align::Right)
        .column("Hurdle", Align::Right)
        .column("Margin", Align::Right);
    for p in parties {
        table.row(vec![
            p.id.clone(),
            percent(p.share, 4),
            money(p.value_contributed),
            money(p.npv_economic),
            or_none(p.ratio, |r| number(r, 6)),
            or_none(p.irr_economic, |r| percent(r, 2)),
            percent(p.hurdle, 2),
            or_none(p.margin, |m| {
                format!("{} pts", number(m * Decimal::ONE_HUNDRED, 2))
            }),
        ]);
    }
    table.render_within(WIDTH, 1)
}

fn split_section(out: &mut String, rcy: &str, title: &str, split: &Split) {
    out.push('\n');
    push_wrapped(out, title);
    match &split.outcome {
        Outcome::Solved { .. } => out.push_str(&split_table(rcy, &split.parties)),
        Outcome::NoSolution { reason, .. } => {
            push_wrapped(out, &format!("No split from 1 % to 99 % does it: {reason}"));
        }
    }
}

fn fairsplit_text(deal: &jv_engine::Deal, f: &FairSplit) -> String {
    let rcy = &deal.reporting_currency;
    let mut out = String::new();
    push_wrapped(&mut out, &format!("Fair split: {}", deal.name));
    push_wrapped(
        &mut out,
        &format!(
            "Economic view. The share of {} is solved; the other parties move pro rata.",
            f.technology_partner
        ),
    );
    out.push('\n');
    out.push_str("The deal as it is\n");
    out.push_str(&split_table(rcy, &f.current));
    split_section(
        &mut out,
        rcy,
        "By value contributed: equal economic NPV ÷ value contributed",
        &f.by_value,
    );
    split_section(
        &mut out,
        rcy,
        "By hurdle margin: each economic IRR clears its hurdle by the same margin",
        &f.by_hurdle,
    );
    out.push('\n');
    match &f.curve {
        Some(curve) => {
            push_wrapped(
                &mut out,
                &format!(
                    "Share of {} against royalty rate at a constant economic NPV of {} {rcy}",
                    f.technology_partner,
                    money(curve.npv_economic)
                ),
            );
            let mut table = Table::new()
                .column("Royalty rate", Align::Right)
                .column(&format!("Share of {}", f.technology_partner), Align::Right)
                .column("", Align::Left);
            for point in &curve.points {
                table.row(vec![
                    percent(point.royalty_rate, 2),
                    or_none(point.share, |s| percent(s, 2)),
                    if point.current {
                        "← the deal".to_owned()
                    } else {
                        point.note.clone().unwrap_or_default()
                    },
                ]);
            }
            out.push_str(&table.render_within(WIDTH, 2));
        }
        None => out.push_str("No curve: the deal has no licence, so no royalty.\n"),
    }
    out
}
