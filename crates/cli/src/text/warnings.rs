//! Findings that do not block the calculation.

use jv_engine::{Evaluation, Warning};

use super::table::wrap;

/// A warning on one line: `warning <code> at <path>: <message>`.
pub fn line(warning: &Warning) -> String {
    if warning.path.is_empty() {
        format!("warning {}: {}", warning.code, warning.message)
    } else {
        format!(
            "warning {} at {}: {}",
            warning.code, warning.path, warning.message
        )
    }
}

/// The source of a guardrail warning, on its own line under it: `    Source: <url>`.
pub fn source_line(warning: &Warning) -> Option<String> {
    warning
        .source
        .as_ref()
        .map(|source| format!("    Source: {source}"))
}

/// The warnings section, each wrapped to the report's width, a guardrail's source under it.
pub fn render(e: &Evaluation) -> String {
    if e.warnings.is_empty() {
        return super::title("Warnings: none");
    }
    let mut out = super::title(&format!("Warnings ({})", e.warnings.len()));
    for warning in &e.warnings {
        for (i, text) in wrap(&line(warning), super::MAX_WIDTH - 4)
            .into_iter()
            .enumerate()
        {
            out.push_str(if i == 0 { "" } else { "    " });
            out.push_str(&text);
            out.push('\n');
        }
        if let Some(source) = source_line(warning) {
            // A URL is not broken across lines, so it stays clickable.
            out.push_str(&source);
            out.push('\n');
        }
    }
    out
}
