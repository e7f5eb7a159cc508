//! `jv`: evaluate, validate and describe JV Studio deal files from the command line.
//!
//! Exit status: 0 on success, 1 on an invalid deal, 2 on a usage error (bad arguments, or a
//! deal file that cannot be read).

mod analysis;
mod args;
mod compare;
mod failure;
mod format;
mod goalseek;
mod json;
mod load;
mod market;
mod memo;
mod montecarlo;
mod text;
mod today;

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;

use args::{Cli, Command, Format, MetricArg, ViewArg};
use failure::Failure;

fn main() -> ExitCode {
    // The engine turns an arithmetic overflow into a clean error; keep the default panic
    // hook from printing a backtrace note above that error.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(output) => write_stdout(&output),
        Err(failure) => {
            let _ = writeln!(std::io::stderr(), "{}", failure.message());
            failure.exit_code()
        }
    }
}

/// Runs one command and returns what it prints on success.
fn run(command: Command) -> Result<String, Failure> {
    match command {
        Command::Evaluate {
            file,
            format,
            market,
            fx_spot,
            today,
        } => {
            // Checked before the file is read: a usage error comes first.
            let today = match today {
                Some(given) => today::given(&given)?,
                None => today::from_clock(),
            };
            let mut deal = load::deal(&file)?;
            let preset = match market {
                Some(country) => Some(market::swap(&mut deal, &country, fx_spot)?),
                None => None,
            };
            let evaluation =
                jv_engine::evaluate(&deal).map_err(|error| Failure::invalid(&file, error))?;
            let data = market::MarketData::of(&deal, today, preset);
            match format {
                Format::Text => Ok(text::report(&evaluation, &data)),
                Format::Json => json::render(&evaluation, &data),
            }
        }
        Command::Validate { file } => {
            let deal = load::deal(&file)?;
            let evaluation =
                jv_engine::evaluate(&deal).map_err(|error| Failure::invalid(&file, error))?;
            let mut out = format!("valid: {}\n", evaluation.deal.name);
            for warning in &evaluation.warnings {
                out.push_str(&text::warnings::line(warning));
                out.push('\n');
                if let Some(source) = text::warnings::source_line(warning) {
                    out.push_str(&source);
                    out.push('\n');
                }
            }
            Ok(out)
        }
        Command::Schema => serde_json::to_string_pretty(&jv_engine::deal_schema())
            .map_err(|error| Failure::Output(format!("cannot write the schema: {error}"))),
        Command::Scenarios {
            file,
            format,
            builtin,
        } => analysis::scenarios(&file, format, builtin),
        Command::Tornado {
            file,
            party,
            metric,
            view,
            ranges,
            format,
        } => {
            use jv_engine::analysis::tornado::{Metric, View};
            let metric = match metric {
                MetricArg::Npv => Metric::Npv,
                MetricArg::Irr => Metric::Irr,
            };
            let view = match view {
                ViewArg::Cash => View::Cash,
                ViewArg::Economic => View::Economic,
            };
            analysis::tornado(&file, &party, metric, view, &ranges, format)
        }
        Command::Goalseek {
            file,
            input,
            party,
            metric,
            view,
            target,
            low,
            high,
            format,
        } => {
            use jv_engine::analysis::tornado::{Metric, View};
            let bounds = match (low, high) {
                (Some(l), Some(h)) => Some((l, h)),
                (None, None) => None,
                _ => {
                    return Err(Failure::Usage(
                        "jv: give both --low and --high, or neither".to_owned(),
                    ));
                }
            };
            let target = jv_engine::analysis::goalseek::Target {
                party,
                metric: match metric {
                    MetricArg::Npv => Metric::Npv,
                    MetricArg::Irr => Metric::Irr,
                },
                view: match view {
                    ViewArg::Cash => View::Cash,
                    ViewArg::Economic => View::Economic,
                },
                value: target,
            };
            let request = goalseek::Request {
                input: &input,
                target,
                bounds,
            };
            goalseek::goalseek(&file, request, format)
        }
        Command::Fairsplit { file, format } => goalseek::fairsplit(&file, format),
        Command::Montecarlo {
            file,
            iterations,
            seed,
            threads,
            format,
        } => montecarlo::montecarlo(&file, iterations, seed, threads, format),
        Command::Compare {
            file,
            modes,
            cbu_duty_difference,
            p10_iterations,
            markets,
            fx_spot,
            format,
        } => {
            if modes && !markets.is_empty() {
                return Err(Failure::Usage(
                    "give --modes or --markets, not both".to_owned(),
                ));
            }
            if modes {
                compare::modes(&file, cbu_duty_difference, p10_iterations, format)
            } else {
                compare::markets(&file, &markets, &fx_spot, format)
            }
        }
        Command::Memo {
            file,
            output,
            lang,
            format,
            is_final,
            date,
        } => {
            let date = match date {
                Some(given) => today::given_as("--date", &given)?,
                None => today::from_clock(),
            };
            memo::memo(&file, &output, lang, format, is_final, &date)
        }
        Command::ExportXlsx { file, output } => memo::workbook(&file, &output),
    }
}

/// Writes the output, ending it with a newline. A closed pipe (`jv evaluate … | head`) is
/// not an error: the reader has what it wanted.
fn write_stdout(output: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut result = stdout.write_all(output.as_bytes());
    if result.is_ok() && !output.ends_with('\n') {
        result = stdout.write_all(b"\n");
    }
    match result.and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let failure = Failure::Output(format!("cannot write the output: {error}"));
            let _ = writeln!(std::io::stderr(), "{}", failure.message());
            failure.exit_code()
        }
    }
}
