//! Reading and writing a preset file (TOML), with errors that name the file, the key and
//! the problem.

use serde::Serialize;

use crate::check::{PresetProblem, problems};
use crate::preset::{MarketPreset, PRESET_SCHEMA_VERSION};

/// Why a preset could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PresetError {
    /// The text is not TOML, or not shaped like a preset (a missing or unknown key, a value
    /// of the wrong type); the message gives the line and the key.
    #[error("{file}: {message}")]
    Syntax {
        /// The file, or "preset" for text without a name.
        file: String,
        /// What the TOML reader found, with the line and the key.
        message: String,
    },
    /// The preset was written for a newer version of the format.
    #[error(
        "{file}: schema_version is {found}; this build reads presets of version {PRESET_SCHEMA_VERSION}: update JV Studio"
    )]
    NewerVersion {
        /// The file, or "preset".
        file: String,
        /// The version the file declares.
        found: i64,
    },
    /// The preset reads but breaks the format's rules; every problem is listed.
    #[error("{file}: {}", list(problems))]
    Invalid {
        /// The file, or "preset".
        file: String,
        /// Every problem, in file order.
        problems: Vec<PresetProblem>,
    },
    /// The preset could not be written as TOML.
    #[error("the preset could not be written as TOML: {message}")]
    Write {
        /// What the TOML writer reported.
        message: String,
    },
}

fn list(problems: &[PresetProblem]) -> String {
    problems
        .iter()
        .map(PresetProblem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads the TOML text of one preset file and checks it against the format's rules.
pub fn parse_preset(text: &str) -> Result<MarketPreset, PresetError> {
    parse_preset_file("preset", text)
}

/// As [`parse_preset`], naming `file` (e.g. `markets/KE.toml`) in every error.
pub fn parse_preset_file(file: &str, text: &str) -> Result<MarketPreset, PresetError> {
    let syntax = |error: toml::de::Error| PresetError::Syntax {
        file: file.to_owned(),
        message: error.to_string().trim_end().to_owned(),
    };
    // The version first, so a newer file gets that answer rather than its unknown keys.
    let table: toml::Table = toml::from_str(text).map_err(syntax)?;
    if let Some(found) = table
        .get("schema_version")
        .and_then(toml::Value::as_integer)
        && found > i64::from(PRESET_SCHEMA_VERSION)
    {
        return Err(PresetError::NewerVersion {
            file: file.to_owned(),
            found,
        });
    }
    let preset: MarketPreset = toml::from_str(text).map_err(syntax)?;
    let problems = problems(&preset);
    if problems.is_empty() {
        Ok(preset)
    } else {
        Err(PresetError::Invalid {
            file: file.to_owned(),
            problems,
        })
    }
}

/// Writes a preset as the TOML text of a preset file (without the comments a hand-written
/// file may have); [`parse_preset`] reads it back to the same preset.
pub fn preset_to_toml(preset: &MarketPreset) -> Result<String, PresetError> {
    toml::to_string_pretty(preset).map_err(|error| PresetError::Write {
        message: error.to_string(),
    })
}
