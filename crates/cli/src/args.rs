//! The command line: what `jv` accepts, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Evaluate, validate and describe JV Studio deal files (`.jvdeal`).
#[derive(Debug, Parser)]
#[command(name = "jv", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate a deal: cap table, projection, each party's returns, warnings.
    Evaluate {
        /// The deal file.
        file: PathBuf,
        /// `text` for a person, `json` for tools (decimals as strings, at most 6 places).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Re-evaluate on the shipped market preset of this country (ISO code, e.g. KE):
        /// its values replace the deal's market values; the plan is unchanged.
        #[arg(long, value_name = "COUNTRY")]
        market: Option<String>,
        /// With --market: today's spot rate, local currency per reporting-currency unit,
        /// for a preset without one; local-currency amounts are converted at it.
        #[arg(long, value_name = "RATE", requires = "market")]
        fx_spot: Option<rust_decimal::Decimal>,
        /// The day the market data's age is measured on, instead of the system clock.
        #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
        today: Option<String>,
    },
    /// Check a deal file: print "valid: <name>" and its warnings, or every error.
    Validate {
        /// The deal file.
        file: PathBuf,
    },
    /// Print the JSON Schema of the deal file format.
    Schema,
    /// Run the base case and the deal's scenarios side by side: each party's NPV, IRR and
    /// MOIC, and the JV's cash low point.
    Scenarios {
        /// The deal file.
        file: PathBuf,
        /// `text` for a person, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Run the built-in scenarios (FX crisis, tariff shock, volume shortfall, dealer
        /// cannot fund, milestone missed, royalty cap) instead of the deal's own.
        #[arg(long)]
        builtin: bool,
    },
    /// Move every driver to −20 % and +20 % and show how one party's metric swings.
    Tornado {
        /// The deal file.
        file: PathBuf,
        /// The party whose metric is measured (its id, e.g. `dealer`).
        #[arg(long)]
        party: String,
        /// The metric.
        #[arg(long, value_enum, default_value_t = MetricArg::Npv)]
        metric: MetricArg,
        /// Cash flows only, or with contributions in kind.
        #[arg(long, value_enum, default_value_t = ViewArg::Cash)]
        view: ViewArg,
        /// `text` for a person, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// The metric of `jv tornado`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MetricArg {
    /// Net present value at the party's discount rate.
    Npv,
    /// Internal rate of return.
    Irr,
}

/// The view of `jv tornado`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Cash in and out.
    Cash,
    /// Contributions in kind counted at their value.
    Economic,
}

/// How `jv evaluate` writes its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A report for a person, in aligned tables.
    Text,
    /// The full evaluation as JSON.
    Json,
}
