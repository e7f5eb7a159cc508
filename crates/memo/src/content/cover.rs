//! The cover page: deal name, date, parties, market, draft or final.

use super::labels::{self, L};
use super::{Context, MemoOptions};
use crate::document::{Cover, Status};

/// The cover of the memo.
pub fn cover(ctx: &Context, options: &MemoOptions) -> Cover {
    let n = ctx.eval.deal.horizon_years;
    let country = labels::country(&ctx.deal.market.country, &ctx.deal.market.name);
    Cover {
        kind: labels::DEAL_MEMO.t(),
        deal_name: ctx.deal.name.clone(),
        date: options.date.clone(),
        status: options.status,
        status_label: match options.status {
            Status::Draft => labels::DRAFT,
            Status::Final => labels::FINAL,
        }
        .t(),
        parties: ctx
            .deal
            .parties
            .iter()
            .map(|p| (p.name.clone(), labels::role(p.role)))
            .collect(),
        market: labels::market_line(&country, ctx.lcy, n),
        footer: L::t(labels::FOOTER),
    }
}
