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
    /// Move every driver to its low and high (the deal's stored range, else −20 % and
    /// +20 %) and show how one party's metric swings.
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
        /// A driver's range as relative changes, e.g. `units=-0.3:0.1`; replaces the range
        /// the deal stores for it. Repeatable.
        #[arg(
            long = "range",
            value_name = "DRIVER=LOW:HIGH",
            allow_hyphen_values = true
        )]
        ranges: Vec<String>,
        /// `text` for a person, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Find the value of one input (e.g. `dealer_margin`, `royalty_rate`, `share.maker`) at
    /// which one party's NPV or IRR hits a target, within bounds.
    Goalseek {
        /// The deal file.
        file: PathBuf,
        /// The input moved: a driver's id (`royalty_rate`, `kit_margin`, `retail_price`,
        /// `units`, `dealer_margin`, …) or `share.<party>` (the others move pro rata).
        #[arg(long)]
        input: String,
        /// The party whose metric is aimed at (its id, e.g. `dealer`).
        #[arg(long)]
        party: String,
        /// The metric.
        #[arg(long, value_enum)]
        metric: MetricArg,
        /// Cash flows only, or with contributions in kind.
        #[arg(long, value_enum, default_value_t = ViewArg::Cash)]
        view: ViewArg,
        /// The value to hit: reporting currency for an NPV, a fraction for an IRR (0.25).
        #[arg(long, allow_hyphen_values = true)]
        target: rust_decimal::Decimal,
        /// The lowest value of the input searched (default by input, e.g. 0 for a rate).
        #[arg(long, allow_hyphen_values = true)]
        low: Option<rust_decimal::Decimal>,
        /// The highest value of the input searched (default by input, e.g. 0.5 for a rate).
        #[arg(long, allow_hyphen_values = true)]
        high: Option<rust_decimal::Decimal>,
        /// `text` for a person, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The fair split: equal economic NPV ÷ value contributed, equal margins over the
    /// hurdles, and the technology partner's share against the royalty rate.
    Fairsplit {
        /// The deal file.
        file: PathBuf,
        /// `text` for a person, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Simulate the deal with the Monte Carlo spec it stores (else 10 drivers drawn at
    /// ±20 %, FX heavier on the downside): each party's NPV and IRR as P10/P50/P90, the
    /// chance of clearing zero and the hurdle, and a histogram of NPV.
    Montecarlo {
        /// The deal file.
        file: PathBuf,
        /// How many times the deal is evaluated (default: the deal's, else 1000).
        #[arg(long, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
        iterations: Option<usize>,
        /// The seed: the same seed gives the same result (default: the deal's, else 1).
        #[arg(long)]
        seed: Option<u64>,
        /// Threads to share the iterations (the result does not depend on it).
        #[arg(long, default_value_t = 1, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=256))]
        threads: usize,
        /// `text` for a person, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare the manufacturer's entry modes (--modes) or the deal on several market
    /// presets (--markets KE,NG,BR) side by side.
    #[command(group(clap::ArgGroup::new("what").required(true).args(["modes", "markets"])))]
    Compare {
        /// The deal file.
        file: PathBuf,
        /// Direct export, licensing only, this JV and a wholly-owned subsidiary: the
        /// manufacturer's NPV, IRR, capital at risk and Monte Carlo P10.
        #[arg(long)]
        modes: bool,
        /// With --modes: duty on finished vehicles minus the deal's duty on kits, a fraction
        /// (default 0.25).
        #[arg(long, value_name = "RATE", requires = "modes")]
        cbu_duty_difference: Option<rust_decimal::Decimal>,
        /// With --modes: iterations of the Monte Carlo behind the P10 column (0 leaves it
        /// out; default 1000).
        #[arg(long, value_name = "N", requires = "modes", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=100_000))]
        p10_iterations: Option<usize>,
        /// Shipped market presets, comma-separated ISO codes, e.g. KE,NG,BR.
        #[arg(long, value_name = "CODES")]
        markets: Vec<String>,
        /// With --markets: spot rates for presets in another currency, e.g. NG=1500,BR=5.2.
        #[arg(long, value_name = "CODE=RATE", requires = "markets")]
        fx_spot: Vec<String>,
        /// `text` for a person, `json` for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the deal memo: PDF (default), DOCX or Markdown, in English, Chinese or both.
    Memo {
        /// The deal file.
        file: PathBuf,
        /// Where to write the memo.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// `en`, `zh` or `en+zh` (each section in English, then Chinese).
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
        /// The file format; without it, the output's extension decides (else PDF).
        #[arg(long, value_enum)]
        format: Option<MemoFormatArg>,
        /// Mark the memo final instead of draft.
        #[arg(long = "final")]
        is_final: bool,
        /// The memo's date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Write the model as an Excel workbook whose formulas recompute from its Inputs sheet.
    ExportXlsx {
        /// The deal file.
        file: PathBuf,
        /// Where to write the workbook (.xlsx).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// The languages of `jv memo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
    /// English and Chinese, section by section.
    #[value(name = "en+zh")]
    EnZh,
}

/// The file formats of `jv memo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MemoFormatArg {
    /// PDF.
    Pdf,
    /// Word (.docx).
    Docx,
    /// Markdown.
    Md,
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
