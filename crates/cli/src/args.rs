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
}

/// How `jv evaluate` writes its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A report for a person, in aligned tables.
    Text,
    /// The full evaluation as JSON.
    Json,
}
