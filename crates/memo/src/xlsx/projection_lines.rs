//! The lines of the Projection sheet in the engine's order of computation (projection.rs,
//! DOMAIN.md §10), each with the formula that rebuilds it for year t and, where the engine
//! reports it, the engine's value for the Check sheet.

use std::collections::HashMap;

use jv_engine::model::{ContributionKind, Deal, Exit};
use jv_engine::projection::YearRow;
use rust_decimal::Decimal;
use rust_xlsxwriter::RowNum;

use super::cap_table::CapRefs;
use super::inputs::InputRefs;
use super::layout::{YEAR_ROW, at, year_cell};
use super::style::Kind;

/// The engine's value of a line in one year.
pub type EngineValue = fn(&YearRow) -> Decimal;

/// One line of the projection.
pub struct Line {
    /// Key the formulas refer to it by.
    pub key: String,
    /// What the row shows.
    pub label: String,
    /// How it is shown.
    pub kind: Kind,
    /// The engine's value, if the engine reports the line.
    pub engine: Option<EngineValue>,
    /// A section title rather than figures.
    pub header: bool,
}

/// The lines with their rows.
pub struct Lines {
    /// In sheet order.
    pub list: Vec<Line>,
    rows: HashMap<String, RowNum>,
    /// Rows of the exit block (one value each, in year 0's column).
    pub exit: Vec<(&'static str, &'static str, RowNum)>,
    /// The engine cannot be followed by formulas here (expiring carry-forward pools): the tax
    /// and the losses carried forward are written as the engine's values.
    pub engine_tax: bool,
    /// Disallowed interest carried forward expires too: taxable income is the engine's.
    pub engine_taxable: bool,
    n: usize,
}

/// First row of the lines.
const FIRST: RowNum = YEAR_ROW + 2;

macro_rules! engine {
    ($field:ident) => {
        Some((|y: &YearRow| y.$field) as EngineValue)
    };
}

/// The main lines: key, label, kind, engine value.
fn main_lines() -> Vec<(&'static str, &'static str, Kind, Option<EngineValue>)> {
    use Kind::{Count, Factor, Money};
    vec![
        ("#Operations", "Operations", Money, None),
        ("fx", "FX (local per reporting unit)", Factor, engine!(fx)),
        ("units", "Units sold", Count, engine!(units)),
        (
            "retail_price",
            "Retail price per unit",
            Money,
            engine!(retail_price),
        ),
        (
            "wholesale_price",
            "Wholesale price per unit",
            Money,
            engine!(wholesale_price),
        ),
        ("revenue", "Net revenue", Money, engine!(revenue)),
        (
            "kit_fob",
            "Kit FOB per unit (reporting currency)",
            Money,
            None,
        ),
        ("royalty", "Running royalty", Money, engine!(royalty)),
        (
            "landed_kit_cost",
            "Landed kit cost per unit",
            Money,
            engine!(landed_kit_cost),
        ),
        ("local_cost", "Local parts and labour per unit", Money, None),
        ("cogs", "Cost of goods sold", Money, engine!(cogs)),
        ("gross_profit", "Gross profit", Money, engine!(gross_profit)),
        (
            "technical_fees",
            "Technical fees",
            Money,
            engine!(technical_fees),
        ),
        ("opex", "Operating expenses", Money, engine!(opex)),
        ("ebitda", "EBITDA", Money, engine!(ebitda)),
        ("maintenance_capex", "Maintenance capex", Money, None),
        ("capex", "Capital expenditure", Money, engine!(capex)),
        ("depreciation", "Depreciation", Money, engine!(depreciation)),
        ("amortisation", "Amortisation", Money, engine!(amortisation)),
        ("ebit", "EBIT", Money, engine!(ebit)),
        ("#Financing", "Loan", Money, None),
        ("loan_drawdown", "Loan drawn", Money, engine!(loan_drawdown)),
        (
            "interest",
            "Interest on the opening balance",
            Money,
            engine!(interest),
        ),
        (
            "principal_repaid",
            "Principal repaid",
            Money,
            engine!(principal_repaid),
        ),
        (
            "loan_balance",
            "Loan outstanding",
            Money,
            engine!(loan_balance),
        ),
        ("#Tax", "Tax", Money, None),
        ("ebt", "Earnings before tax", Money, engine!(ebt)),
        (
            "royalty_add_back",
            "Add back: royalty above the deductibility cap",
            Money,
            None,
        ),
        (
            "interest_add_back",
            "Add back: interest above the deduction limit",
            Money,
            None,
        ),
        (
            "amortisation_add_back",
            "Add back: non-deductible amortisation",
            Money,
            None,
        ),
        (
            "taxable_income",
            "Taxable income",
            Money,
            engine!(taxable_income),
        ),
        ("loss_arising", "Tax loss arising", Money, None),
        ("losses_used", "Losses brought forward used", Money, None),
        (
            "losses_carried_forward",
            "Losses carried forward",
            Money,
            engine!(losses_carried_forward),
        ),
        ("tax", "Income tax", Money, engine!(tax)),
        ("net_income", "Net income", Money, engine!(net_income)),
        ("#Cash", "Cash, capital calls and dividends", Money, None),
        (
            "working_capital",
            "Working capital",
            Money,
            engine!(working_capital),
        ),
        (
            "working_capital_change",
            "Increase in working capital",
            Money,
            engine!(working_capital_change),
        ),
        (
            "contributed_capital",
            "Contributions booked as share capital",
            Money,
            None,
        ),
        (
            "cash_contributed",
            "Cash contributed",
            Money,
            engine!(cash_contributed),
        ),
        (
            "cash_before_call",
            "Cash before capital call",
            Money,
            engine!(cash_before_call),
        ),
        ("shortfall", "Shortfall below minimum cash", Money, None),
        (
            "capital_call",
            "Capital call funded",
            Money,
            engine!(capital_call),
        ),
        (
            "unfunded_shortfall",
            "Shortfall nobody funded",
            Money,
            engine!(unfunded_shortfall),
        ),
        ("cash_after_call", "Cash after capital call", Money, None),
        (
            "paid_in_capital",
            "Paid-in capital",
            Money,
            engine!(paid_in_capital),
        ),
        ("cumulative_income", "Cumulative net income", Money, None),
        (
            "retained",
            "Retained earnings before this year's reserve",
            Money,
            None,
        ),
        (
            "legal_reserve_addition",
            "Added to the legal reserve",
            Money,
            engine!(legal_reserve_addition),
        ),
        (
            "legal_reserve",
            "Legal reserve",
            Money,
            engine!(legal_reserve),
        ),
        (
            "reserve_base",
            "Cumulative profit after reserve (payout base)",
            Money,
            None,
        ),
        (
            "dividend_target",
            "Dividend the payout policy asks for",
            Money,
            None,
        ),
        ("distributable", "Distributable reserves", Money, None),
        ("above_minimum", "Cash above the minimum", Money, None),
        ("dividends", "Dividends paid", Money, engine!(dividends)),
        ("cumulative_dividends", "Cumulative dividends", Money, None),
        ("cash", "Cash at year end", Money, engine!(cash)),
        ("book_equity", "Book equity", Money, engine!(book_equity)),
    ]
}

/// Lays out the lines of `deal`'s projection.
pub fn layout(deal: &Deal, contributions: &[jv_engine::valuation::ContributionValue]) -> Lines {
    let n = deal.horizon_years as usize;
    let mut list: Vec<Line> = main_lines()
        .into_iter()
        .map(|(key, label, kind, engine)| Line {
            key: key.to_owned(),
            label: label.to_owned(),
            kind,
            engine,
            header: key.starts_with('#'),
        })
        .collect();
    let line = |key: String, label: String| Line {
        key,
        label,
        kind: Kind::Money,
        engine: None,
        header: false,
    };
    list.push(Line {
        header: true,
        ..line(
            "#Schedule".to_owned(),
            "Depreciation and amortisation schedule".to_owned(),
        )
    });
    for (k, item) in deal.plan.capex.iter().enumerate() {
        list.push(line(
            format!("dep_item_{k}"),
            format!("Depreciation: {}", item.name),
        ));
    }
    for s in 0..=n {
        list.push(line(
            format!("dep_maint_{s}"),
            format!("Depreciation: maintenance capex of year {s}"),
        ));
    }
    for (j, v) in contributions.iter().enumerate() {
        if v.kind == ContributionKind::Asset {
            list.push(line(
                format!("dep_asset_{j}"),
                format!("Depreciation: asset contributed by {}", v.party),
            ));
        } else if v.kind.is_intangible() {
            list.push(line(
                format!("amort_{j}"),
                format!("Amortisation: intangible contributed by {}", v.party),
            ));
        }
    }
    let rows: HashMap<String, RowNum> = list
        .iter()
        .enumerate()
        .map(|(i, l)| (l.key.clone(), FIRST + i as RowNum))
        .collect();
    let exit_first = FIRST + list.len() as RowNum + 1;
    let exit = [
        ("exit_net_debt", "Exit: net debt (loan less cash, year N)"),
        ("exit_fcff", "Exit: steady-state free cash flow"),
        ("exit_ev", "Exit: enterprise value"),
        ("exit_equity", "Exit: equity value"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (k, l))| (*k, *l, exit_first + 1 + i as RowNum))
    .collect();
    let market = &deal.market;
    let engine_taxable =
        market.interest_deduction_limit.is_some() && market.interest_carry_forward_years.is_some();
    let engine_tax = market.loss_carry_forward_years.is_some() || engine_taxable;
    Lines {
        list,
        rows,
        exit,
        engine_tax,
        engine_taxable,
        n,
    }
}

impl Lines {
    /// The row of line `key`.
    pub fn row(&self, key: &str) -> RowNum {
        self.rows.get(key).copied().unwrap_or_default()
    }

    /// `C7`: line `key` in year `t`.
    pub fn at(&self, key: &str, t: usize) -> String {
        at(self.row(key), t)
    }

    /// The row of an exit cell.
    pub fn exit_row(&self, key: &str) -> RowNum {
        self.exit
            .iter()
            .find(|(k, _, _)| *k == key)
            .map_or(0, |(_, _, r)| *r)
    }

    /// Whether the Projection writes `key` as the engine's value.
    pub fn is_engine(&self, key: &str) -> bool {
        (self.engine_tax && matches!(key, "tax" | "losses_carried_forward"))
            || (self.engine_taxable && key == "taxable_income")
    }

    /// The formula of line `key` in year `t`.
    pub fn formula(&self, key: &str, t: usize, inputs: &InputRefs, caps: &CapRefs) -> String {
        let v = |k: &str| self.at(k, t);
        let p = |k: &str| {
            if t == 0 {
                "0".to_owned()
            } else {
                self.at(k, t - 1)
            }
        };
        let input = |k: &str| inputs.year(k, t);
        let y = year_cell(t);
        let operating = t >= 1;
        let contrib = |col: u16| inputs.contribution_column(col);
        use super::inputs::contribution_col as cc;
        match key {
            "fx" => format!("={}", input("fx")),
            "units" => format!("={}", input("units")),
            "retail_price" if operating => format!("=Retail_price*{}", input("price_index")),
            "wholesale_price" => format!("={}*(1-Dealer_margin)", v("retail_price")),
            "revenue" => format!("={}*{}", v("units"), v("wholesale_price")),
            "kit_fob" if operating => format!("=Kit_fob*{}", input("rcy_index")),
            "royalty" => format!("=Royalty_rate*{}", v("revenue")),
            "landed_kit_cost" => format!(
                "={fob}*(1+Freight_insurance)*(1+Import_duty+Import_levies)*{fx}+IF(AND(Royalty_in_customs=1,{u}<>0),{r}/{u}*(Import_duty+Import_levies),0)",
                fob = v("kit_fob"),
                fx = v("fx"),
                u = v("units"),
                r = v("royalty")
            ),
            "local_cost" if operating => format!(
                "=(Local_parts+Labour_hours*Wage_per_hour)*{}",
                input("local_index")
            ),
            "cogs" => format!(
                "={}*({}+{})",
                v("units"),
                v("landed_kit_cost"),
                v("local_cost")
            ),
            "gross_profit" => format!("={}-{}", v("revenue"), v("cogs")),
            "technical_fees" if operating => {
                format!("=Technical_fee*{}*{}", input("rcy_index"), v("fx"))
            }
            "opex" if operating => format!(
                "=Fixed_overhead*{}+(Marketing_rate+Warranty_rate)*{}",
                input("local_index"),
                v("revenue")
            ),
            "ebitda" => format!(
                "={}-{}-{}-{}-{}",
                v("revenue"),
                v("cogs"),
                v("royalty"),
                v("technical_fees"),
                v("opex")
            ),
            "maintenance_capex" if operating => {
                format!("=Maintenance_capex*{}", input("local_index"))
            }
            "capex" => format!("={}+{}", input("capex_items"), v("maintenance_capex")),
            "depreciation" => self.schedule_sum(t, |k| k.starts_with("dep_")),
            "amortisation" => self.schedule_sum(t, |k| k.starts_with("amort_")),
            "ebit" => format!(
                "={}-{}-{}",
                v("ebitda"),
                v("depreciation"),
                v("amortisation")
            ),
            "loan_drawdown" => format!("=IF({y}=Loan_drawdown_year,Loan_amount,0)"),
            "interest" => format!("={}*Loan_rate", p("loan_balance")),
            "principal_repaid" => format!(
                "=IF(AND(Loan_tenor>0,{y}>Loan_drawdown_year,{y}<=Loan_drawdown_year+Loan_tenor),MIN(Loan_amount/Loan_tenor,{}),0)",
                p("loan_balance")
            ),
            "loan_balance" => format!(
                "={}+{}-{}",
                p("loan_balance"),
                v("loan_drawdown"),
                v("principal_repaid")
            ),
            "ebt" => format!("={}-{}", v("ebit"), v("interest")),
            "royalty_add_back" => format!(
                "=IF(Royalty_cap_applies=1,MAX(0,{}+IF(Royalty_cap_covers_fees=1,{},0)-Royalty_cap*{}),0)",
                v("royalty"),
                v("technical_fees"),
                v("revenue")
            ),
            "interest_add_back" => format!(
                "=IF(Interest_limit_applies=1,{i}-MIN({i},Interest_limit*MAX({e},0)),0)",
                i = v("interest"),
                e = v("ebitda")
            ),
            "amortisation_add_back" => {
                format!("=IF(Amortisation_deductible=1,0,{})", v("amortisation"))
            }
            "taxable_income" => format!(
                "={}+{}+{}+{}",
                v("ebt"),
                v("royalty_add_back"),
                v("interest_add_back"),
                v("amortisation_add_back")
            ),
            "loss_arising" if operating => format!("=MAX(0,-{})", v("taxable_income")),
            "losses_used" if operating => format!(
                "=IF(OR({ti}<0,{h}=1),0,MIN({prev},{ti}))",
                ti = v("taxable_income"),
                h = input("holiday"),
                prev = p("losses_carried_forward")
            ),
            "losses_carried_forward" => format!(
                "={}+{}-{}",
                p("losses_carried_forward"),
                v("loss_arising"),
                v("losses_used")
            ),
            "tax" if operating => format!(
                "={}*MAX(0,{}-{})",
                input("tax_rate"),
                v("taxable_income"),
                v("losses_used")
            ),
            "net_income" => format!("={}-{}", v("ebt"), v("tax")),
            "working_capital" if operating => format!(
                "=(Receivable_days*{}+(Inventory_days-Payable_days)*{})/365",
                v("revenue"),
                v("cogs")
            ),
            "working_capital_change" => {
                format!("={}-{}", v("working_capital"), p("working_capital"))
            }
            "contributed_capital" => {
                format!("=SUMIF({},{y},{})", contrib(cc::YEAR), contrib(cc::LOCAL))
            }
            "cash_contributed" => format!(
                "=SUMIFS({},{},{y},{},1)",
                contrib(cc::LOCAL),
                contrib(cc::YEAR),
                contrib(cc::CASH)
            ),
            "cash_before_call" => format!(
                "={}+{}+{}+{}-{}-{}+{}+{}-{}",
                p("cash"),
                v("net_income"),
                v("depreciation"),
                v("amortisation"),
                v("working_capital_change"),
                v("capex"),
                v("cash_contributed"),
                v("loan_drawdown"),
                v("principal_repaid")
            ),
            "shortfall" => format!("=MAX(0,Minimum_cash-{})", v("cash_before_call")),
            "capital_call" => format!("=IF({}>0,{},0)", caps.total_weight(t), v("shortfall")),
            "unfunded_shortfall" => format!("={}-{}", v("shortfall"), v("capital_call")),
            "cash_after_call" => format!("={}+{}", v("cash_before_call"), v("capital_call")),
            "paid_in_capital" => format!(
                "={}+{}+{}",
                p("paid_in_capital"),
                v("contributed_capital"),
                v("capital_call")
            ),
            "cumulative_income" => format!("={}+{}", p("cumulative_income"), v("net_income")),
            "retained" => format!(
                "={}-{}-{}",
                v("cumulative_income"),
                p("cumulative_dividends"),
                p("legal_reserve")
            ),
            "legal_reserve_addition" => format!(
                "=IF(Legal_reserve_applies=1,MIN(Legal_reserve_share*MAX(0,MIN({ni},{re})),MAX(0,Legal_reserve_cap*{pi}-{prev})),0)",
                ni = v("net_income"),
                re = v("retained"),
                pi = v("paid_in_capital"),
                prev = p("legal_reserve")
            ),
            "legal_reserve" => format!("={}+{}", p("legal_reserve"), v("legal_reserve_addition")),
            "reserve_base" => format!(
                "={}+{}-{}",
                p("reserve_base"),
                v("net_income"),
                v("legal_reserve_addition")
            ),
            "dividend_target" => format!(
                "=Payout_ratio*{}-{}",
                v("reserve_base"),
                p("cumulative_dividends")
            ),
            "distributable" => format!("={}-{}", v("retained"), v("legal_reserve_addition")),
            "above_minimum" => format!("={}-Minimum_cash", v("cash_after_call")),
            "dividends" if operating => format!(
                "=IF({}=0,0,MAX(0,MIN({},{},{})))",
                caps.total_vested(t),
                v("dividend_target"),
                v("distributable"),
                v("above_minimum")
            ),
            "cumulative_dividends" => {
                format!("={}+{}", p("cumulative_dividends"), v("dividends"))
            }
            "cash" => format!("={}-{}", v("cash_after_call"), v("dividends")),
            "book_equity" => format!(
                "={}+{}-{}",
                v("paid_in_capital"),
                v("cumulative_income"),
                v("cumulative_dividends")
            ),
            _ => self
                .schedule(key, t, inputs)
                .unwrap_or_else(|| "=0".to_owned()),
        }
    }

    fn schedule_sum(&self, t: usize, pick: impl Fn(&str) -> bool) -> String {
        let cells: Vec<String> = self
            .list
            .iter()
            .filter(|l| pick(&l.key))
            .map(|l| self.at(&l.key, t))
            .collect();
        if cells.is_empty() {
            "=0".to_owned()
        } else {
            format!("={}", cells.join("+"))
        }
    }

    /// Straight-line rows: each amount over its life from the year after it is booked.
    fn schedule(&self, key: &str, t: usize, inputs: &InputRefs) -> Option<String> {
        let y = year_cell(t);
        let straight = |amount: String, from: String, life: String| {
            format!("=IF({life}>0,IF(AND({y}>{from},{y}<={from}+{life}),{amount}/{life},0),0)")
        };
        if let Some(k) = key.strip_prefix("dep_item_") {
            let k: u32 = k.parse().ok()?;
            let row = inputs.capex.0 + k;
            let cell = |col: u16| {
                format!(
                    "{}{}",
                    super::layout::sheet(super::layout::INPUTS),
                    super::layout::absolute(row, col)
                )
            };
            return Some(straight(cell(1), cell(2), cell(3)));
        }
        if let Some(s) = key.strip_prefix("dep_maint_") {
            let s: usize = s.parse().ok()?;
            let amount =
                super::layout::absolute(self.row("maintenance_capex"), super::layout::year_col(s));
            return Some(straight(
                amount,
                s.to_string(),
                "Maintenance_life".to_owned(),
            ));
        }
        let contribution = key
            .strip_prefix("dep_asset_")
            .or_else(|| key.strip_prefix("amort_"))?;
        let j: u32 = contribution.parse().ok()?;
        let row = inputs.contributions.0 + j;
        use super::inputs::contribution_col as cc;
        let cell = |col: u16| {
            format!(
                "{}{}",
                super::layout::sheet(super::layout::INPUTS),
                super::layout::absolute(row, col)
            )
        };
        let amount = cell(cc::LOCAL);
        let straight_line = straight(amount, cell(cc::YEAR), cell(cc::LIFE));
        if key.starts_with("dep_asset_") {
            // Only assets at an agreed value are depreciated (the engine's rule).
            return Some(format!("={}*({})", cell(cc::ASSET), &straight_line[1..]));
        }
        Some(straight_line)
    }

    /// The exit formulas, by key.
    pub fn exit_formula(&self, key: &str, deal: &Deal) -> String {
        let n = self.n;
        let last = |k: &str| self.at(k, n);
        let cell = |k: &str| at(self.exit_row(k), 0);
        match (key, &deal.exit) {
            ("exit_net_debt", _) => format!("={}-{}", last("loan_balance"), last("cash")),
            ("exit_fcff", Exit::Perpetuity { .. }) => format!(
                "=({}-{})*(1-Tax_rate)-Exit_growth*{}",
                last("ebitda"),
                last("maintenance_capex"),
                last("working_capital")
            ),
            ("exit_ev", Exit::EbitdaMultiple { .. }) => {
                format!("=MAX(0,Exit_multiple*{})", last("ebitda"))
            }
            ("exit_ev", Exit::Perpetuity { .. }) => format!(
                "=MAX(0,IF(Exit_discount_rate-Exit_growth>0,{}*(1+Exit_growth)/(Exit_discount_rate-Exit_growth),0))",
                cell("exit_fcff")
            ),
            ("exit_equity", Exit::None) => "=0".to_owned(),
            ("exit_equity", Exit::BookValue) => format!("=MAX(0,{})", last("book_equity")),
            ("exit_equity", _) => format!("=MAX(0,{}-{})", cell("exit_ev"), cell("exit_net_debt")),
            _ => "=0".to_owned(),
        }
    }
}
