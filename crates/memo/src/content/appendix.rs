//! The appendix: the JV's full projection and each party's flows by channel, year by year.
//! Years are split into blocks of six columns so a page can hold them.

use jv_engine::projection::YearRow;
use jv_engine::returns::Channels;
use rust_decimal::Decimal;

use super::text::{fig, heading, left, right_text, row, strong, table};
use super::{Built, Context, format, labels};
use crate::document::{Block, Section, Text};

/// Years per table.
const YEARS_PER_TABLE: usize = 6;

type Line = (labels::L, fn(&YearRow) -> Decimal, bool);

const LINES: [Line; 22] = [
    (labels::UNITS, |y| y.units, false),
    (labels::REVENUE, |y| y.revenue, true),
    (labels::COGS, |y| -y.cogs, false),
    (labels::GROSS_PROFIT, |y| y.gross_profit, true),
    (labels::ROYALTY, |y| -y.royalty, false),
    (labels::TECH_FEES, |y| -y.technical_fees, false),
    (labels::OPEX, |y| -y.opex, false),
    (labels::EBITDA, |y| y.ebitda, true),
    (labels::DEPRECIATION, |y| -y.depreciation, false),
    (labels::AMORTISATION, |y| -y.amortisation, false),
    (labels::EBIT, |y| y.ebit, true),
    (labels::INTEREST, |y| -y.interest, false),
    (labels::EBT, |y| y.ebt, true),
    (labels::TAX, |y| -y.tax, false),
    (labels::NET_INCOME, |y| y.net_income, true),
    (labels::WC_CHANGE, |y| -y.working_capital_change, false),
    (labels::CAPEX, |y| -y.capex, false),
    (labels::CAPITAL_CALL, |y| y.capital_call, false),
    (labels::DIVIDENDS, |y| -y.dividends, false),
    (labels::CASH, |y| y.cash, true),
    (labels::LOAN_BALANCE, |y| y.loan_balance, false),
    (labels::BOOK_EQUITY, |y| y.book_equity, false),
];

fn year_columns(years: &[u32]) -> Vec<crate::document::Column> {
    let mut columns = vec![left(labels::LINE)];
    columns.extend(
        years
            .iter()
            .map(|y| right_text(Text::same(format::year(*y)))),
    );
    columns
}

/// The appendix.
pub fn section(ctx: &Context) -> Built {
    let years = &ctx.eval.projection.years;
    if years.is_empty() {
        return Ok(None);
    }
    let mut blocks = vec![heading(labels::APPENDIX_PROJECTION.t())];
    for chunk in years.chunks(YEARS_PER_TABLE) {
        let ids: Vec<u32> = chunk.iter().map(|y| y.year).collect();
        let mut rows = Vec::new();
        for (label, pick, key) in LINES {
            let cells = chunk.iter().map(|y| {
                let v = pick(y);
                // Units are a count, not an amount in thousands.
                if label == labels::UNITS {
                    fig(format::count(v))
                } else {
                    fig(format::thousands(v))
                }
            });
            let mut all = vec![label.t()];
            all.extend(cells);
            rows.push(if key { strong(all) } else { row(all) });
        }
        let mut fx = vec![labels::FX.t()];
        fx.extend(chunk.iter().map(|y| fig(format::number(y.fx, 2))));
        rows.push(row(fx));
        blocks.push(table(
            Text::default(),
            year_columns(&ids),
            rows,
            labels::thousands_note(ctx.lcy),
        ));
    }

    blocks.push(heading(labels::APPENDIX_FLOWS.t()));
    for p in &ctx.eval.parties {
        blocks.push(Block::Heading {
            text: Text::same(&p.name),
        });
        let c: &Channels = &p.channels;
        let series: [(labels::L, &Vec<Decimal>); 8] = [
            (labels::CONTRIBUTIONS, &c.contributions),
            (labels::CALLS, &c.capital_calls),
            (labels::DIVIDENDS, &c.dividends),
            (labels::ROYALTIES, &c.royalties),
            (labels::KIT_MARGIN, &c.kit_margin),
            (labels::DISTRIBUTION, &c.distribution),
            (labels::EXIT, &c.exit),
            (labels::IN_KIND, &c.in_kind),
        ];
        let n = p.views.cash.flows.len();
        for start in (0..n).step_by(YEARS_PER_TABLE) {
            let end = (start + YEARS_PER_TABLE).min(n);
            let ids: Vec<u32> = (start..end).map(|t| t as u32).collect();
            let mut rows = Vec::new();
            for (label, values) in series {
                if values.iter().all(|v| v.is_zero()) {
                    continue;
                }
                let mut cells = vec![label.t()];
                cells.extend((start..end).map(|t| {
                    fig(format::thousands(
                        values.get(t).copied().unwrap_or_default(),
                    ))
                }));
                rows.push(row(cells));
            }
            for (label, flows) in [
                (labels::CASH_VIEW, &p.views.cash.flows),
                (labels::ECONOMIC_VIEW, &p.views.economic.flows),
            ] {
                let mut cells = vec![label.t()];
                cells
                    .extend((start..end).map(|t| {
                        fig(format::thousands(flows.get(t).copied().unwrap_or_default()))
                    }));
                rows.push(strong(cells));
            }
            blocks.push(table(
                Text::default(),
                year_columns(&ids),
                rows,
                labels::thousands_note(ctx.rcy),
            ));
        }
    }
    Ok(Some(Section {
        id: "appendix".to_owned(),
        title: labels::APPENDIX.t(),
        blocks,
    }))
}
