//! Each party's cash flows by channel, in reporting currency, and its metrics in the cash
//! and economic views (DOMAIN.md §6).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::exit_value::ExitValue;
use crate::finance::{
    IrrOutcome, Payback, discount_factors, irr, moic, payback_year, without_dust,
};
use crate::model::{ContributionKind, Deal, Party, Role, Withholding};
use crate::operations::Operations;
use crate::projection::Projection;
use crate::rounding::pro_rata;
use crate::timeline::Timeline;
use crate::valuation::ContributionValue;

/// A party's flows by channel for years 0..N, reporting currency, its point of view.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Channels {
    /// Cash it pays in as contributions (negative).
    pub contributions: Vec<Decimal>,
    /// In-kind contributions at their value (negative; economic view only).
    pub in_kind: Vec<Decimal>,
    /// Capital calls it funds (negative).
    pub capital_calls: Vec<Decimal>,
    /// Dividends after withholding.
    pub dividends: Vec<Decimal>,
    /// Royalties and technical fees after withholding.
    pub royalties: Vec<Decimal>,
    /// Margin on kits sold to the JV.
    pub kit_margin: Vec<Decimal>,
    /// Distribution profit after local income tax.
    pub distribution: Vec<Decimal>,
    /// Its share of the exit value after capital-gains tax.
    pub exit: Vec<Decimal>,
}

/// Present value of each channel at the party's discount rate.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChannelValues {
    /// Cash contributions.
    pub contributions: Decimal,
    /// In-kind contributions (zero in the cash view).
    pub in_kind: Decimal,
    /// Capital calls.
    pub capital_calls: Decimal,
    /// Dividends.
    pub dividends: Decimal,
    /// Royalties and fees.
    pub royalties: Decimal,
    /// Kit margin.
    pub kit_margin: Decimal,
    /// Distribution profit.
    pub distribution: Decimal,
    /// Exit.
    pub exit: Decimal,
}

/// A party's metrics in one view.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ViewMetrics {
    /// Net flow per year 0..N.
    pub flows: Vec<Decimal>,
    /// NPV at the party's discount rate, year 0 undiscounted.
    pub npv: Decimal,
    /// IRR, or null with `irr_note` saying why.
    pub irr: Option<Decimal>,
    /// `unique`, `ambiguous`, `no_cash_invested`, `no_outflow`, `no_inflow` or `no_root`.
    pub irr_status: &'static str,
    /// Why there is no IRR, or that it is one of several.
    pub irr_note: Option<String>,
    /// Every IRR root found when there are several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub irr_roots: Vec<Decimal>,
    /// Gross inflows ÷ gross outflows, or null with `moic_note`.
    pub moic: Option<Decimal>,
    /// Why there is no MOIC.
    pub moic_note: Option<String>,
    /// First year the cumulative flow is ≥ 0 after having been negative.
    pub payback_year: Option<u32>,
    /// Why there is no payback year.
    pub payback_note: Option<String>,
    /// PV of each channel.
    pub pv_by_channel: ChannelValues,
}

/// Both views of a party.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Views {
    /// Money actually paid and received.
    pub cash: ViewMetrics,
    /// As cash, plus in-kind contributions at their value as outflows.
    pub economic: ViewMetrics,
}

/// Withholding rates that apply to a party.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppliedWithholding {
    /// On dividends.
    pub dividends: Decimal,
    /// On royalties and technical fees.
    pub royalties: Decimal,
}

/// Everything one party gets out of the deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartyReturns {
    /// The party's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// Its discount rate.
    pub discount_rate: Decimal,
    /// Whether it is resident in the market.
    pub resident: bool,
    /// Withholding applied to it.
    pub withholding: AppliedWithholding,
    /// Flows by channel.
    pub channels: Channels,
    /// Metrics in both views.
    pub views: Views,
}

/// Builds each party's flows and metrics.
pub fn party_returns(
    deal: &Deal,
    time: &Timeline,
    ops: &Operations,
    values: &[ContributionValue],
    proj: &Projection,
    exit: &ExitValue,
) -> Vec<PartyReturns> {
    deal.parties
        .iter()
        .enumerate()
        .map(|(i, party)| {
            let resident = party.home_country == deal.market.country;
            let withholding = AppliedWithholding {
                dividends: rate_for(&deal.market.dividend_withholding, party, resident),
                royalties: rate_for(&deal.market.royalty_withholding, party, resident),
            };
            let channels = channels(deal, time, ops, values, proj, exit, i, &withholding);
            let views = views(party, &channels);
            PartyReturns {
                id: party.id.clone(),
                name: party.name.clone(),
                role: party.role,
                discount_rate: party.discount_rate,
                resident,
                withholding,
                channels,
                views,
            }
        })
        .collect()
}

/// The resident rate, or the non-resident rate capped by a treaty with the party's home.
fn rate_for(w: &Withholding, party: &Party, resident: bool) -> Decimal {
    if resident {
        return w.resident;
    }
    let treaty = w
        .treaties
        .iter()
        .find(|t| t.country == party.home_country)
        .map(|t| t.rate);
    treaty.map_or(w.non_resident, |t| t.min(w.non_resident))
}

/// A rate as "12.34 %"; an IRR can be astronomically large, so no unchecked multiply.
fn percent_text(rate: Decimal) -> String {
    rate.checked_mul(Decimal::ONE_HUNDRED)
        .map_or_else(|| format!("{rate} × 100 %"), |p| format!("{p:.2} %"))
}

#[allow(clippy::too_many_arguments)]
fn channels(
    deal: &Deal,
    time: &Timeline,
    ops: &Operations,
    values: &[ContributionValue],
    proj: &Projection,
    exit: &ExitValue,
    i: usize,
    wht: &AppliedWithholding,
) -> Channels {
    let n = time.years;
    let party = &deal.parties[i];
    let zero = vec![Decimal::ZERO; n + 1];
    let mut ch = Channels {
        contributions: zero.clone(),
        in_kind: zero.clone(),
        capital_calls: zero.clone(),
        dividends: zero.clone(),
        royalties: zero.clone(),
        kit_margin: zero.clone(),
        distribution: zero.clone(),
        exit: zero,
    };
    let mut cost_local = Decimal::ZERO;
    for v in values.iter().filter(|v| v.party == party.id) {
        let y = (v.year as usize).min(n);
        if v.kind == ContributionKind::Cash {
            ch.contributions[y] -= v.value;
        } else {
            ch.in_kind[y] -= v.value;
        }
        cost_local += v.value * time.fx[y];
    }
    let is = |id: Option<&String>| id.is_some_and(|id| *id == party.id);
    let licensor = is(deal.agreements.licence.as_ref().map(|l| &l.licensor));
    let supplier = is(deal.agreements.kit_supply.supplier.as_ref());
    let distribution = deal
        .agreements
        .distribution
        .as_ref()
        .filter(|d| d.distributor == party.id);
    for t in 0..=n {
        let fx = time.fx[t];
        let row = &proj.years[t];
        ch.capital_calls[t] = -proj.calls_paid[i][t] / fx;
        cost_local += proj.calls_paid[i][t];
        let holdings = &proj.holdings[t];
        let vested: Decimal = holdings.iter().map(|h| h.vested).sum();
        let mine = holdings.get(i).map_or(Decimal::ZERO, |h| h.vested);
        if !vested.is_zero() {
            ch.dividends[t] =
                pro_rata(row.dividends, mine, vested) * (Decimal::ONE - wht.dividends) / fx;
        }
        if licensor {
            ch.royalties[t] =
                (row.royalty + row.technical_fees) * (Decimal::ONE - wht.royalties) / fx;
        }
        if supplier {
            ch.kit_margin[t] =
                ops.units[t] * ops.kit_fob[t] * deal.agreements.kit_supply.kit_margin;
        }
        if let Some(d) = distribution {
            // The dealer's profit is taxed at the statutory rate: a holiday is the JV's alone.
            ch.distribution[t] = ops.units[t]
                * ops.retail_price[t]
                * (d.dealer_margin - d.cost_to_serve)
                * (Decimal::ONE - time.statutory_tax)
                / fx;
        }
        if t == n && !vested.is_zero() {
            let proceeds = pro_rata(exit.equity_value, mine, vested);
            let gain = (proceeds - cost_local).max(Decimal::ZERO);
            let cgt = deal.market.capital_gains_tax_rate.unwrap_or_default() * gain;
            ch.exit[t] = (proceeds - cgt) / fx;
        }
    }
    ch
}

fn views(party: &Party, ch: &Channels) -> Views {
    let cash_channels: [&[Decimal]; 7] = [
        &ch.contributions,
        &ch.capital_calls,
        &ch.dividends,
        &ch.royalties,
        &ch.kit_margin,
        &ch.distribution,
        &ch.exit,
    ];
    let cash = view(party, &cash_channels, ch, false);
    let economic_channels: [&[Decimal]; 8] = [
        &ch.contributions,
        &ch.in_kind,
        &ch.capital_calls,
        &ch.dividends,
        &ch.royalties,
        &ch.kit_margin,
        &ch.distribution,
        &ch.exit,
    ];
    let economic = view(party, &economic_channels, ch, true);
    Views { cash, economic }
}

fn view(party: &Party, channels: &[&[Decimal]], ch: &Channels, economic: bool) -> ViewMetrics {
    let len = ch.contributions.len();
    // Residue below a millionth of a unit is not money; kept, it can fake an IRR.
    let flows: Vec<Decimal> = (0..len)
        .map(|t| without_dust(channels.iter().map(|c| c[t]).sum()))
        .collect();
    let factors = discount_factors(party.discount_rate, len).unwrap_or_default();
    // Checked: flows are bounded by validation, but a saturated sum beats a panic.
    let pv = |c: &[Decimal]| -> Decimal {
        c.iter()
            .zip(&factors)
            .filter_map(|(a, f)| a.checked_mul(*f))
            .fold(Decimal::ZERO, |acc, x| acc.saturating_add(x))
    };
    let pv_by_channel = ChannelValues {
        contributions: pv(&ch.contributions),
        in_kind: if economic {
            pv(&ch.in_kind)
        } else {
            Decimal::ZERO
        },
        capital_calls: pv(&ch.capital_calls),
        dividends: pv(&ch.dividends),
        royalties: pv(&ch.royalties),
        kit_margin: pv(&ch.kit_margin),
        distribution: pv(&ch.distribution),
        exit: pv(&ch.exit),
    };
    let npv = pv(&flows);
    let (irr_value, irr_status, irr_note, irr_roots) = match irr(&flows, party.discount_rate) {
        IrrOutcome::Unique(r) => (Some(r), "unique", None, Vec::new()),
        IrrOutcome::Ambiguous { chosen, roots } => {
            let list: Vec<String> = roots.iter().map(|r| percent_text(*r)).collect();
            let note = format!(
                "the flows change sign more than once and have several IRRs ({}); the one closest to the discount rate is shown",
                list.join(", ")
            );
            (Some(chosen), "ambiguous", Some(note), roots)
        }
        IrrOutcome::NoOutflow if economic => (
            None,
            "no_outflow",
            Some("no outflow: the party gives nothing, so there is no IRR".to_owned()),
            Vec::new(),
        ),
        IrrOutcome::NoOutflow => (
            None,
            "no_cash_invested",
            Some(
                "no cash invested: the party puts in no cash, so a cash IRR does not exist"
                    .to_owned(),
            ),
            Vec::new(),
        ),
        IrrOutcome::NoInflow => (
            None,
            "no_inflow",
            Some("no inflow: the party receives nothing back".to_owned()),
            Vec::new(),
        ),
        IrrOutcome::NoRoot => (
            None,
            "no_root",
            Some("no rate makes the flows' NPV zero".to_owned()),
            Vec::new(),
        ),
    };
    let moic_value = moic(channels);
    let moic_note = moic_value.is_none().then(|| {
        if economic {
            "no outflow".to_owned()
        } else {
            "no cash invested".to_owned()
        }
    });
    let (payback, payback_note) = match payback_year(&flows) {
        Payback::Year(y) => (Some(y), None),
        Payback::NeverNegative => (None, Some("never negative: nothing to pay back".to_owned())),
        Payback::NotReached => (None, Some("not reached within the horizon".to_owned())),
    };
    ViewMetrics {
        flows,
        npv,
        irr: irr_value,
        irr_status,
        irr_note,
        irr_roots,
        moic: moic_value,
        moic_note,
        payback_year: payback,
        payback_note,
        pv_by_channel,
    }
}
