//! The report's first lines: which deal, where, in which currencies, over how long.

use jv_engine::Evaluation;

use super::table::wrap;
use crate::format::number;
use crate::market::PresetUse;

/// The header; with `--market`, the preset swapped in and what it could not fill.
pub fn render(e: &Evaluation, preset: Option<&PresetUse>) -> String {
    let d = &e.deal;
    let mut out = super::title(&d.name);
    out.push_str(&format!(
        "Market {} · local currency {} · reporting currency {} · horizon {} years (year 0 is closing)\n",
        d.market, d.local_currency, d.reporting_currency, d.horizon_years
    ));
    if let Some(closing) = e.projection.years.first() {
        out.push_str(&format!(
            "FX at closing {} {} per {}; each year's flows convert at that year's rate.\n",
            number(closing.fx, 2),
            d.local_currency,
            d.reporting_currency
        ));
    }
    if let Some(preset) = preset {
        out.push_str(&format!(
            "Market values from the {} preset ({}), version {}; the plan and the parties are the deal's own.\n",
            preset.name, preset.country, preset.version
        ));
        let mut lines = Vec::new();
        for (field, kept) in &preset.unknown {
            lines.push(match (kept, &preset.former_currency) {
                (Some(value), Some(former)) if field.starts_with("fx_") => format!(
                    "unknown: {field} — using the deal's {value}, set for {former}: enter the rate for {}",
                    d.local_currency
                ),
                (Some(value), _) => format!("unknown: {field} — using the deal's {value}"),
                (None, _) => format!("unknown: {field} — the deal has no value either"),
            });
        }
        if !preset.moved.is_empty() {
            lines.push(format!(
                "moved to {}: {} (a local partner is resident where the JV is)",
                preset.country,
                preset.moved.join(", ")
            ));
        }
        if let (Some(former), false) = (&preset.former_currency, preset.rebased.is_empty()) {
            lines.push(format!(
                "converted from {former} to {}, keeping each amount's value in {}: {}",
                d.local_currency,
                d.reporting_currency,
                preset.rebased.join(", ")
            ));
        }
        for field in &preset.cleared {
            lines.push(format!(
                "cleared: {field} — it described the deal's former market"
            ));
        }
        for line in lines {
            for (i, text) in wrap(&line, super::MAX_WIDTH - 4).into_iter().enumerate() {
                out.push_str(if i == 0 { "  " } else { "    " });
                out.push_str(&text);
                out.push('\n');
            }
        }
    }
    out
}
