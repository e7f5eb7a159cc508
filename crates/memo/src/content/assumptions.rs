//! Assumptions: the market's values with each one's source and date, the deal-wide
//! assumptions, and the sources listed with the deal.

use jv_engine::model::{Exit, RoyaltyCapKind};

use super::text::{fig, heading, left, para, row, table};
use super::{Built, Context, format, labels};
use crate::document::{Block, Row, Section, Text};

/// The assumptions section.
pub fn section(ctx: &Context) -> Built {
    let m = &ctx.deal.market;
    let provenance = |field: &str| -> (Text, Text) {
        m.provenance.iter().find(|p| p.field == field).map_or_else(
            || (labels::DEAL_INPUT.t(), Text::same("—")),
            |p| (Text::same(&p.source), Text::same(&p.as_of)),
        )
    };
    let line = |label: labels::L, value: String, field: &str| -> Row {
        let (source, as_of) = provenance(field);
        row(vec![label.t(), fig(value), source, as_of])
    };
    let mut rows = vec![line(
        labels::CIT,
        format::rate(m.corporate_tax_rate),
        "corporate_tax_rate",
    )];
    if let Some(i) = &m.tax_incentive {
        rows.push(line(
            labels::INCENTIVE,
            format!("{} (Y1–{})", format::rate(i.rate), format::year(i.years)),
            "tax_incentive",
        ));
    }
    if m.tax_holiday_years > 0 {
        rows.push(line(
            labels::HOLIDAY,
            format!("Y1–{}", format::year(m.tax_holiday_years)),
            "tax_holiday_years",
        ));
    }
    rows.push(line(
        labels::DIV_WHT,
        format::rate(m.dividend_withholding.non_resident),
        "dividend_withholding.non_resident",
    ));
    rows.push(line(
        labels::ROY_WHT,
        format::rate(m.royalty_withholding.non_resident),
        "royalty_withholding.non_resident",
    ));
    rows.push(line(
        labels::DUTY,
        format::rate(m.import_duty_kits),
        "import_duty_kits",
    ));
    rows.push(line(
        labels::LEVIES,
        format::rate(m.other_import_levies),
        "other_import_levies",
    ));
    rows.push(line(
        labels::INFLATION,
        format::rate(m.inflation),
        "inflation",
    ));
    rows.push(line(
        labels::FX_SPOT,
        format::number(m.fx_spot, 2),
        "fx_spot",
    ));
    let depreciation = m
        .fx_depreciation
        .map_or_else(|| labels::PPP.0.to_owned(), format::rate);
    let mut fx_row = line(labels::FX_DEPRECIATION, depreciation, "fx_depreciation");
    if m.fx_depreciation.is_none() {
        fx_row.cells[1] = labels::PPP.t();
    }
    rows.push(fx_row);
    if let Some(cgt) = m.capital_gains_tax_rate {
        rows.push(line(
            labels::CGT,
            format::rate(cgt),
            "capital_gains_tax_rate",
        ));
    }
    if let Some(limit) = m.interest_deduction_limit {
        rows.push(line(
            labels::INTEREST_LIMIT,
            format::rate(limit),
            "interest_deduction_limit",
        ));
    }
    if let Some(cap) = &m.royalty_cap {
        let mut cap_row = line(labels::ROYALTY_CAP, String::new(), "royalty_cap");
        cap_row.cells[1] = labels::cap_kind(
            cap.kind == RoyaltyCapKind::Deductibility,
            &format::rate(cap.rate),
        );
        rows.push(cap_row);
    }
    if let Some(limit) = m.foreign_ownership_limit {
        rows.push(line(
            labels::FOREIGN_LIMIT,
            format::rate(limit),
            "foreign_ownership_limit",
        ));
    }
    let preset_note = match &m.preset {
        Some(p) => labels::preset_note(&p.country, &p.version),
        None => labels::NO_PRESET_NOTE.t(),
    };
    let mut blocks = vec![
        heading(labels::MARKET_FACTS.t()),
        table(
            Text::default(),
            vec![
                left(labels::ITEM),
                left(labels::SETTING),
                left(labels::SOURCE),
                left(labels::AS_OF),
            ],
            rows,
            preset_note,
        ),
    ];

    let escalation = ctx
        .deal
        .rcy_escalation
        .unwrap_or(ctx.deal.reporting_inflation);
    let exit = match &ctx.deal.exit {
        Exit::None => labels::exit_method("none", ""),
        Exit::BookValue => labels::exit_method("book_value", ""),
        Exit::EbitdaMultiple { multiple } => {
            labels::exit_method("ebitda_multiple", &format::multiple(*multiple))
        }
        Exit::Perpetuity {
            growth,
            discount_rate,
        } => labels::exit_method(
            "perpetuity",
            &format!(
                "g {}, k {}",
                format::rate(*growth),
                format::rate(*discount_rate)
            ),
        ),
    };
    blocks.push(heading(labels::DEAL_TERMS.t()));
    blocks.push(table(
        Text::default(),
        vec![left(labels::ITEM), left(labels::SETTING)],
        vec![
            row(vec![
                labels::HORIZON.t(),
                labels::years(ctx.deal.horizon_years),
            ]),
            row(vec![labels::REPORTING.t(), fig(ctx.rcy.to_owned())]),
            row(vec![
                labels::RCY_INFLATION.t(),
                labels::escalation(
                    &format::rate(ctx.deal.reporting_inflation),
                    &format::rate(escalation),
                ),
            ]),
            row(vec![labels::EXIT_METHOD.t(), exit]),
        ],
        Text::default(),
    ));
    if !m.sources.is_empty() {
        blocks.push(heading(labels::SOURCES.t()));
        blocks.push(Block::Bullets {
            items: m.sources.iter().map(Text::same).collect(),
        });
    }
    if !ctx.deal.description.trim().is_empty() {
        blocks.push(heading(labels::DEAL_DESCRIPTION.t()));
        blocks.push(para(Text::same(&ctx.deal.description)));
    }
    Ok(Some(Section {
        id: "assumptions".to_owned(),
        title: labels::ASSUMPTIONS.t(),
        blocks,
    }))
}
