//! The scalar inputs of the model, each with the defined name the formulas use.

use jv_engine::model::{Deal, Exit, RoyaltyCapKind};
use rust_decimal::Decimal;

use super::style::Kind;

fn flag(on: bool) -> Decimal {
    if on { Decimal::ONE } else { Decimal::ZERO }
}

/// The scalar inputs: defined name, label, value, kind.
pub fn scalars(deal: &Deal) -> Vec<(&'static str, &'static str, Decimal, Kind)> {
    let m = &deal.market;
    let plan = &deal.plan;
    let kit = &deal.agreements.kit_supply;
    let licence = deal.agreements.licence.as_ref();
    let distribution = deal.agreements.distribution.as_ref();
    let loan = deal.financing.loan.as_ref();
    let cap = m
        .royalty_cap
        .as_ref()
        .filter(|c| c.kind == RoyaltyCapKind::Deductibility);
    let zero = Decimal::ZERO;
    let (multiple, growth, exit_rate) = match &deal.exit {
        Exit::EbitdaMultiple { multiple } => (*multiple, zero, zero),
        Exit::Perpetuity {
            growth,
            discount_rate,
        } => (zero, *growth, *discount_rate),
        _ => (zero, zero, zero),
    };
    use Kind::{Count, Factor, Money, Rate};
    vec![
        (
            "Horizon_years",
            "Horizon (years)",
            Decimal::from(deal.horizon_years),
            Count,
        ),
        (
            "Fx_spot",
            "FX spot (local per reporting unit)",
            m.fx_spot,
            Factor,
        ),
        (
            "Fx_depreciation_applies",
            "FX follows a set depreciation (1) or relative inflation (0)",
            flag(m.fx_depreciation.is_some()),
            Count,
        ),
        (
            "Fx_depreciation",
            "FX depreciation per year",
            m.fx_depreciation.unwrap_or_default(),
            Rate,
        ),
        (
            "Reporting_inflation",
            "Reporting-currency inflation",
            deal.reporting_inflation,
            Rate,
        ),
        (
            "Rcy_escalation",
            "Escalation of reporting-currency prices",
            deal.rcy_escalation.unwrap_or(deal.reporting_inflation),
            Rate,
        ),
        (
            "Retail_price",
            "Retail price per unit, year 1",
            plan.retail_price,
            Money,
        ),
        (
            "Dealer_margin",
            "Dealer margin on retail",
            distribution.map_or(zero, |d| d.dealer_margin),
            Rate,
        ),
        (
            "Dealer_cost_to_serve",
            "Dealer cost to serve, share of retail",
            distribution.map_or(zero, |d| d.cost_to_serve),
            Rate,
        ),
        (
            "Royalty_rate",
            "Running royalty on net revenue",
            licence.map_or(zero, |l| l.royalty_rate),
            Rate,
        ),
        (
            "Technical_fee",
            "Technical fee per year (reporting currency)",
            licence.map_or(zero, |l| l.technical_fee),
            Money,
        ),
        (
            "Royalty_in_customs",
            "Royalty in customs value (1 yes, 0 no)",
            flag(licence.is_some_and(|l| l.royalty_in_customs_value)),
            Count,
        ),
        (
            "Kit_fob",
            "Kit FOB price, year 1 (reporting currency)",
            kit.kit_fob_price,
            Money,
        ),
        (
            "Kit_margin",
            "Supplier's margin on the kit FOB price",
            kit.kit_margin,
            Rate,
        ),
        (
            "Freight_insurance",
            "Freight and insurance, share of FOB",
            kit.freight_insurance,
            Rate,
        ),
        (
            "Import_duty",
            "Import duty on kits",
            m.import_duty_kits,
            Rate,
        ),
        (
            "Import_levies",
            "Other import levies",
            m.other_import_levies,
            Rate,
        ),
        (
            "Local_parts",
            "Local parts per unit, year 1",
            plan.local_parts_per_unit,
            Money,
        ),
        (
            "Labour_hours",
            "Labour hours per unit",
            plan.labour_hours_per_unit,
            Factor,
        ),
        (
            "Wage_per_hour",
            "Wage per hour, year 1",
            plan.wage_per_hour,
            Money,
        ),
        (
            "Fixed_overhead",
            "Fixed overhead, year 1",
            plan.fixed_overhead,
            Money,
        ),
        (
            "Marketing_rate",
            "Marketing, share of revenue",
            plan.marketing_rate,
            Rate,
        ),
        (
            "Warranty_rate",
            "Warranty, share of revenue",
            plan.warranty_rate,
            Rate,
        ),
        (
            "Maintenance_capex",
            "Maintenance capex per year, year 1",
            plan.maintenance_capex,
            Money,
        ),
        (
            "Maintenance_life",
            "Useful life of maintenance capex (years)",
            Decimal::from(plan.maintenance_life_years),
            Count,
        ),
        (
            "Receivable_days",
            "Receivable days",
            plan.working_capital.receivable_days,
            Count,
        ),
        (
            "Inventory_days",
            "Inventory days",
            plan.working_capital.inventory_days,
            Count,
        ),
        (
            "Payable_days",
            "Payable days",
            plan.working_capital.payable_days,
            Count,
        ),
        (
            "Payout_ratio",
            "Dividend payout ratio",
            plan.payout_ratio,
            Rate,
        ),
        (
            "Tax_rate",
            "Corporate income tax rate (statutory)",
            m.corporate_tax_rate,
            Rate,
        ),
        (
            "Incentive_rate",
            "Incentive tax rate",
            m.tax_incentive.as_ref().map_or(zero, |i| i.rate),
            Rate,
        ),
        (
            "Incentive_years",
            "Incentive years",
            Decimal::from(m.tax_incentive.as_ref().map_or(0, |i| i.years)),
            Count,
        ),
        (
            "Holiday_years",
            "Tax holiday years",
            Decimal::from(m.tax_holiday_years),
            Count,
        ),
        (
            "Interest_limit_applies",
            "Interest deduction limited (1 yes, 0 no)",
            flag(m.interest_deduction_limit.is_some()),
            Count,
        ),
        (
            "Interest_limit",
            "Deductible interest, share of EBITDA",
            m.interest_deduction_limit.unwrap_or_default(),
            Rate,
        ),
        (
            "Amortisation_deductible",
            "Amortisation deductible (1 yes, 0 no)",
            flag(m.amortisation_deductible),
            Count,
        ),
        (
            "Royalty_cap_applies",
            "Royalty deductibility cap (1 yes, 0 no)",
            flag(cap.is_some()),
            Count,
        ),
        (
            "Royalty_cap",
            "Deductible royalty, share of revenue",
            cap.map_or(zero, |c| c.rate),
            Rate,
        ),
        (
            "Royalty_cap_covers_fees",
            "Cap covers technical fees (1 yes, 0 no)",
            flag(cap.is_some_and(|c| c.covers_fees)),
            Count,
        ),
        (
            "Legal_reserve_applies",
            "Legal reserve (1 yes, 0 no)",
            flag(m.legal_reserve.is_some()),
            Count,
        ),
        (
            "Legal_reserve_share",
            "Legal reserve, share of profit",
            m.legal_reserve.as_ref().map_or(zero, |r| r.share_of_profit),
            Rate,
        ),
        (
            "Legal_reserve_cap",
            "Legal reserve cap, share of paid-in capital",
            m.legal_reserve
                .as_ref()
                .map_or(zero, |r| r.cap_share_of_capital),
            Rate,
        ),
        (
            "Capital_gains_tax",
            "Capital-gains tax on the exit",
            m.capital_gains_tax_rate.unwrap_or_default(),
            Rate,
        ),
        (
            "Loan_amount",
            "Loan amount (local)",
            loan.map_or(zero, |l| l.amount),
            Money,
        ),
        (
            "Loan_rate",
            "Loan interest rate",
            loan.map_or(zero, |l| l.rate),
            Rate,
        ),
        (
            "Loan_tenor",
            "Loan tenor (years)",
            Decimal::from(loan.map_or(0, |l| l.tenor_years)),
            Count,
        ),
        (
            "Loan_drawdown_year",
            "Loan drawdown year",
            Decimal::from(loan.map_or(0, |l| l.drawdown_year)),
            Count,
        ),
        (
            "Minimum_cash",
            "Minimum cash (local)",
            deal.financing.minimum_cash,
            Money,
        ),
        ("Exit_multiple", "Exit EV/EBITDA multiple", multiple, Factor),
        ("Exit_growth", "Exit perpetuity growth", growth, Rate),
        (
            "Exit_discount_rate",
            "Exit perpetuity discount rate",
            exit_rate,
            Rate,
        ),
    ]
}
