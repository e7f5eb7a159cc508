//! The deal's clock: FX rates, inflation indices and tax rates for years 0..N.

use rust_decimal::Decimal;

use crate::model::Deal;

/// Year-by-year factors every other computation reads; index t is year t (0 = closing).
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Horizon N.
    pub years: usize,
    /// Local currency per 1 reporting-currency unit, years 0..N.
    pub fx: Vec<Decimal>,
    /// Local inflation rate π_t for years 1..N (index 0 unused, zero).
    pub inflation: Vec<Decimal>,
    /// Local inflation index, 1 in year 1 (and year 0).
    pub local_index: Vec<Decimal>,
    /// Retail price index, 1 in year 1.
    pub price_index: Vec<Decimal>,
    /// Escalation of reporting-currency prices (kit FOB, technical fees), 1 in year 1.
    pub rcy_index: Vec<Decimal>,
    /// The JV's income-tax rate in each year (holiday and incentive applied).
    pub tax_rate: Vec<Decimal>,
    /// Whether year t is a tax-holiday year.
    pub holiday: Vec<bool>,
    /// The statutory rate, used for valuations after the holiday and for dealers.
    pub statutory_tax: Decimal,
}

impl Timeline {
    /// Builds the clock of a validated deal.
    pub fn new(deal: &Deal) -> Self {
        let n = deal.horizon_years as usize;
        let market = &deal.market;
        let inflation: Vec<Decimal> = (0..=n)
            .map(|t| match (&market.inflation_path, t) {
                (_, 0) => Decimal::ZERO,
                (Some(path), t) => path.get(t - 1).copied().unwrap_or(market.inflation),
                (None, _) => market.inflation,
            })
            .collect();
        let local_index = index_from(&inflation);
        let price_index = match deal.plan.price_growth {
            Some(g) => index_from(&vec![g; n + 1]),
            None => local_index.clone(),
        };
        let escalation = deal.rcy_escalation.unwrap_or(deal.reporting_inflation);
        let rcy_index = index_from(&vec![escalation; n + 1]);
        let fx = fx_path(deal, &inflation);
        let statutory_tax = market.corporate_tax_rate;
        let holiday: Vec<bool> = (0..=n)
            .map(|t| t >= 1 && t <= market.tax_holiday_years as usize)
            .collect();
        let tax_rate = (0..=n)
            .map(|t| {
                if holiday[t] {
                    Decimal::ZERO
                } else {
                    match &market.tax_incentive {
                        Some(inc) if t >= 1 && t <= inc.years as usize => inc.rate,
                        _ => statutory_tax,
                    }
                }
            })
            .collect();
        Self {
            years: n,
            fx,
            inflation,
            local_index,
            price_index,
            rcy_index,
            tax_rate,
            holiday,
            statutory_tax,
        }
    }

    /// The implied real depreciation of the local currency per year when a nominal rate
    /// is given: positive means local prices lose ground against kit costs.
    pub fn real_depreciation(deal: &Deal) -> Option<Decimal> {
        let d = deal.market.fx_depreciation?;
        if deal.market.fx_path.is_some() {
            return None;
        }
        let local = Decimal::ONE + deal.market.inflation;
        if local.is_zero() {
            return None;
        }
        Some((Decimal::ONE + d) * (Decimal::ONE + deal.reporting_inflation) / local - Decimal::ONE)
    }
}

/// Decimal places kept in compounded factors (indices, FX): a relative error below 1e−12
/// changes no figure anyone sees, and short factors keep every later product exact and fast.
const FACTOR_DP: u32 = 12;

/// Cumulative index with value 1 in years 0 and 1, growing by `rates[t]` from year 2 on.
fn index_from(rates: &[Decimal]) -> Vec<Decimal> {
    let mut index = Vec::with_capacity(rates.len());
    let mut level = Decimal::ONE;
    for (t, rate) in rates.iter().enumerate() {
        if t >= 2 {
            level = (level * (Decimal::ONE + rate)).round_dp(FACTOR_DP);
        }
        index.push(level);
    }
    index
}

/// FX for years 0..N: an explicit path, a given depreciation, or relative PPP year by year.
fn fx_path(deal: &Deal, inflation: &[Decimal]) -> Vec<Decimal> {
    let n = deal.horizon_years as usize;
    let market = &deal.market;
    if let Some(path) = &market.fx_path
        && path.len() == n + 1
    {
        return path.clone();
    }
    let mut fx = Vec::with_capacity(n + 1);
    let mut rate = market.fx_spot;
    fx.push(rate);
    let rcy = Decimal::ONE + deal.reporting_inflation;
    for pi in inflation.iter().skip(1) {
        let step = match market.fx_depreciation {
            Some(d) => Decimal::ONE + d,
            // Relative PPP keeps local prices and dollar kit costs moving together.
            None if !rcy.is_zero() => (Decimal::ONE + pi) / rcy,
            None => Decimal::ONE,
        };
        rate = (rate * step).round_dp(FACTOR_DP);
        fx.push(rate);
    }
    fx
}
