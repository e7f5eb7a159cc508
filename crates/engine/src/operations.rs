//! The JV's operations year by year: units, prices, revenue, costs, EBITDA, capex and
//! working capital. None of it depends on equity or financing, so it is computed first.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{ContributionKind, Deal, Units};
use crate::timeline::Timeline;

/// Operating lines for years 0..N in local currency (year 0 carries only capex).
#[derive(Debug, Clone, Default)]
pub struct Operations {
    /// Whole units sold.
    pub units: Vec<Decimal>,
    /// Retail price per unit.
    pub retail_price: Vec<Decimal>,
    /// Price the dealer pays the JV per unit.
    pub wholesale_price: Vec<Decimal>,
    /// Net revenue: units × wholesale price.
    pub revenue: Vec<Decimal>,
    /// Kit FOB price per unit in reporting currency (escalated).
    pub kit_fob: Vec<Decimal>,
    /// Landed cost of one kit: CIF plus duty and levies, converted.
    pub landed_kit_cost: Vec<Decimal>,
    /// Local parts and labour per unit.
    pub local_cost: Vec<Decimal>,
    /// Cost of goods sold.
    pub cogs: Vec<Decimal>,
    /// Running royalty on revenue.
    pub royalty: Vec<Decimal>,
    /// Fixed technical fees, converted.
    pub technical_fees: Vec<Decimal>,
    /// Overhead, marketing and warranty.
    pub opex: Vec<Decimal>,
    /// Revenue − COGS − royalty − fees − opex.
    pub ebitda: Vec<Decimal>,
    /// Capex paid in the year (items and maintenance).
    pub capex: Vec<Decimal>,
    /// Maintenance capex alone (for the steady-state exit).
    pub maintenance_capex: Vec<Decimal>,
    /// Depreciation of capex and contributed assets.
    pub depreciation: Vec<Decimal>,
    /// Working capital at year end (zero at closing).
    pub working_capital: Vec<Decimal>,
}

const DAYS: Decimal = Decimal::from_parts(365, 0, 0, false, 0);

impl Operations {
    /// Projects the operating lines of a validated deal.
    pub fn project(deal: &Deal, time: &Timeline) -> Self {
        let n = time.years;
        let plan = &deal.plan;
        let kit = &deal.agreements.kit_supply;
        let dealer_margin = deal
            .agreements
            .distribution
            .as_ref()
            .map_or(Decimal::ZERO, |d| d.dealer_margin);
        let (royalty_rate, fee, customs) = deal
            .agreements
            .licence
            .as_ref()
            .map_or((Decimal::ZERO, Decimal::ZERO, false), |l| {
                (l.royalty_rate, l.technical_fee, l.royalty_in_customs_value)
            });
        let duty = deal.market.import_duty_kits + deal.market.other_import_levies;
        let units = units_by_year(&plan.units, n);
        let mut ops = Operations {
            units,
            ..Default::default()
        };
        let wc = &plan.working_capital;
        for t in 0..=n {
            let u = ops.units[t];
            let operating = t >= 1;
            let fx = time.fx[t];
            let price = if operating {
                plan.retail_price * time.price_index[t]
            } else {
                Decimal::ZERO
            };
            let wholesale = price * (Decimal::ONE - dealer_margin);
            let revenue = u * wholesale;
            let fob = if operating {
                kit.kit_fob_price * time.rcy_index[t]
            } else {
                Decimal::ZERO
            };
            let royalty = royalty_rate * revenue;
            // Customs may add the running royalty to the dutiable value; only the duty on it
            // is a cost here, since the royalty itself is already an expense.
            let customs_royalty = if customs && !u.is_zero() {
                royalty / u
            } else {
                Decimal::ZERO
            };
            let landed = fob * (Decimal::ONE + kit.freight_insurance) * (Decimal::ONE + duty) * fx
                + customs_royalty * duty;
            let local = if operating {
                (plan.local_parts_per_unit + plan.labour_hours_per_unit * plan.wage_per_hour)
                    * time.local_index[t]
            } else {
                Decimal::ZERO
            };
            let cogs = u * (landed + local);
            let fees = if operating {
                fee * time.rcy_index[t] * fx
            } else {
                Decimal::ZERO
            };
            let opex = if operating {
                plan.fixed_overhead * time.local_index[t]
                    + (plan.marketing_rate + plan.warranty_rate) * revenue
            } else {
                Decimal::ZERO
            };
            let maintenance = if operating {
                plan.maintenance_capex * time.local_index[t]
            } else {
                Decimal::ZERO
            };
            let items: Decimal = plan
                .capex
                .iter()
                .filter(|c| c.year as usize == t)
                .map(|c| c.amount)
                .sum();
            let working_capital = if operating {
                (wc.receivable_days * revenue + (wc.inventory_days - wc.payable_days) * cogs) / DAYS
            } else {
                Decimal::ZERO
            };
            ops.retail_price.push(price);
            ops.wholesale_price.push(wholesale);
            ops.revenue.push(revenue);
            ops.kit_fob.push(fob);
            ops.landed_kit_cost.push(landed);
            ops.local_cost.push(local);
            ops.cogs.push(cogs);
            ops.royalty.push(royalty);
            ops.technical_fees.push(fees);
            ops.opex.push(opex);
            ops.ebitda.push(revenue - cogs - royalty - fees - opex);
            ops.capex.push(items + maintenance);
            ops.maintenance_capex.push(maintenance);
            ops.working_capital.push(working_capital);
        }
        ops.depreciation = depreciation(deal, time, &ops.maintenance_capex);
        ops
    }

    /// Gross margin (revenue − COGS) ÷ revenue of year t, if there is revenue.
    pub fn gross_margin(&self, t: usize) -> Option<Decimal> {
        let revenue = *self.revenue.get(t)?;
        if revenue.is_zero() {
            return None;
        }
        Some((revenue - self.cogs[t]) / revenue)
    }
}

/// Whole units for years 0..N (year 0 sells nothing); a ramp rounds half-up each year.
fn units_by_year(units: &Units, n: usize) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; n + 1];
    match units {
        Units::Explicit { units } => {
            for (t, u) in units.iter().take(n).enumerate() {
                out[t + 1] = *u;
            }
        }
        Units::Ramp {
            first_year,
            growth,
            capacity,
        } => {
            let mut level = *first_year;
            for slot in out.iter_mut().skip(1) {
                let mut u = level.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
                if let Some(cap) = capacity {
                    u = u.min(*cap);
                }
                *slot = u;
                level *= Decimal::ONE + growth;
            }
        }
    }
    out
}

/// Straight-line depreciation of capex items, maintenance capex and contributed assets,
/// each from the year after it is placed in service.
fn depreciation(deal: &Deal, time: &Timeline, maintenance: &[Decimal]) -> Vec<Decimal> {
    let n = time.years;
    let mut dep = vec![Decimal::ZERO; n + 1];
    let mut add = |amount: Decimal, year: usize, life: u32| {
        if life == 0 {
            return;
        }
        let per_year = amount / Decimal::from(life);
        for slot in dep.iter_mut().skip(year + 1).take(life as usize) {
            *slot += per_year;
        }
    };
    for item in &deal.plan.capex {
        add(item.amount, item.year as usize, item.useful_life_years);
    }
    for (year, amount) in maintenance.iter().enumerate() {
        add(*amount, year, deal.plan.maintenance_life_years);
    }
    for party in &deal.parties {
        for c in party
            .contributions
            .iter()
            .filter(|c| c.kind == ContributionKind::Asset)
        {
            if let crate::model::Valuation::Agreed { value } = c.valuation {
                let year = c.year as usize;
                let fx = time.fx.get(year).copied().unwrap_or(Decimal::ONE);
                add(value * fx, year, c.useful_life_years.unwrap_or(0));
            }
        }
    }
    dep
}
