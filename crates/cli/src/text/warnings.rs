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

/// The warnings section, each wrapped to the report's width.
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
    }
    out
}
