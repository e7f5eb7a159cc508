//! The report's first lines: which deal, where, in which currencies, over how long.

use jv_engine::Evaluation;

use crate::format::number;

/// The header.
pub fn render(e: &Evaluation) -> String {
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
    out
}
