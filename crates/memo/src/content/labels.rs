//! Every fixed string of the memo in English and Simplified Chinese, in one place so a
//! translator can review them together. Sentences with figures are functions taking the
//! already formatted figures; user text is passed through untouched.

use jv_engine::model::{ContributionKind, Role};
use jv_engine::projection::EventKind;

use crate::document::Text;

/// A fixed label: English and Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct L(pub &'static str, pub &'static str);

impl L {
    /// The label as document text.
    pub fn t(self) -> Text {
        Text::new(self.0, self.1)
    }
}

// Cover.
pub const DEAL_MEMO: L = L("Deal memo", "交易备忘录");
pub const DRAFT: L = L("Draft", "草稿");
pub const FINAL: L = L("Final", "定稿");
pub const FOOTER: L = L(
    "Prepared with JV Studio. Confidential: for the parties and their advisers only.",
    "由 JV Studio 编制。保密文件：仅供交易各方及其顾问使用。",
);

// Section titles.
pub const SUMMARY: L = L("Executive summary", "执行摘要");
pub const PARTIES: L = L("Parties and contributions", "各方及出资");
pub const EQUITY: L = L("Equity and cap table", "股权结构与股权表");
pub const GOVERNANCE: L = L("Governance", "公司治理");
pub const AGREEMENTS: L = L("Side agreements", "附属协议");
pub const PLAN: L = L("Business plan", "商业计划");
pub const RETURNS: L = L("Returns per party", "各方回报");
pub const SCENARIOS: L = L("Scenarios", "情景分析");
pub const SENSITIVITY: L = L("Sensitivity", "敏感性分析");
pub const RISKS: L = L("Guardrails and risks", "合规限制与风险");
pub const ASSUMPTIONS: L = L("Assumptions and sources", "假设与数据来源");
pub const APPENDIX: L = L("Appendix: projection tables", "附录：预测表");

// Roles, contribution kinds and valuation methods.
/// A party's role.
pub fn role(role: Role) -> Text {
    match role {
        Role::TechnologyPartner => L("Technology partner", "技术合作方"),
        Role::LocalPartner => L("Local partner", "本地合作方"),
        Role::Investor => L("Investor", "投资方"),
    }
    .t()
}

/// A contribution's kind.
pub fn kind(kind: ContributionKind) -> Text {
    match kind {
        ContributionKind::Cash => L("Cash", "现金"),
        ContributionKind::Asset => L("Assets", "实物资产"),
        ContributionKind::Technology => L("Technology", "技术"),
        ContributionKind::Distribution => L("Distribution network", "分销网络"),
        ContributionKind::Services => L("Services", "服务"),
    }
    .t()
}

/// A valuation method, by the engine's name for it.
pub fn method(method: &str) -> Text {
    match method {
        "agreed" => L("Agreed value", "协议作价"),
        "relief_from_royalty" => L("Relief from royalty", "特许权使用费节省法"),
        "excess_earnings" => L("Excess earnings", "超额收益法"),
        "cost_to_recreate" => L("Cost to recreate", "重置成本法"),
        other => return Text::same(other),
    }
    .t()
}

// Common column headers and figure labels.
pub const PARTY: L = L("Party", "合作方");
pub const KIND: L = L("Contribution", "出资类型");
pub const DESCRIPTION: L = L("Description", "说明");
pub const METHOD: L = L("Valuation method", "估值方法");
pub const INPUTS: L = L("Inputs", "参数");
pub const YEAR: L = L("Year", "年度");
pub const VALUE: L = L("Value", "价值");
pub const SETTING: L = L("Value", "数值");
pub const TOTAL: L = L("Total", "合计");
pub const SHARES: L = L("Shares", "股数");
pub const SHARE: L = L("Share", "持股比例");
pub const VALUE_CONTRIBUTED: L = L("Value contributed", "出资价值");
pub const VALUE_TRANSFER: L = L("Value transfer", "价值转移");
pub const MILESTONE: L = L("Milestone", "里程碑");
pub const TRANCHE_SHARE: L = L("Share of the stake", "占该出资股份比例");
pub const STATUS: L = L("Status", "状态");
pub const EXPECTED: L = L("Expected", "预期达成");
pub const MISSED: L = L("Missed", "未达成");
pub const EVENT: L = L("Event", "事件");
pub const PRICE: L = L("Price per share", "每股价格");
pub const AMOUNT: L = L("Amount", "金额");
pub const NPV_CASH: L = L("NPV (cash)", "净现值（现金）");
pub const IRR_CASH: L = L("IRR (cash)", "内部收益率（现金）");
pub const NPV_ECONOMIC: L = L("NPV (economic)", "净现值（经济）");
pub const NPV_IRR_CASH: L = L("NPV / IRR (cash)", "净现值 / 内部收益率（现金）");
pub const IRR_ECONOMIC: L = L("IRR (economic)", "内部收益率（经济）");
pub const NPV: L = L("NPV", "净现值");
pub const IRR: L = L("IRR", "内部收益率");
pub const MOIC: L = L("MOIC", "投资回报倍数");
pub const PAYBACK: L = L("Payback", "回收期");
pub const DISCOUNT_RATE: L = L("Discount rate", "折现率");
pub const NOT_AVAILABLE: L = L("n/a", "不适用");
pub const NOT_REACHED: L = L("not reached", "未回本");
pub const CASH_VIEW: L = L("Cash view", "现金视角");
pub const ECONOMIC_VIEW: L = L("Economic view", "经济视角");
pub const PROJECT_IRR: L = L("Project IRR", "项目内部收益率");
pub const EQUITY_IRR: L = L("Equity IRR", "股权内部收益率");
pub const PEAK_FUNDING: L = L("Peak funding need", "峰值资金需求");
pub const FIRST_PROFIT: L = L("First year of profit", "首个盈利年度");
pub const NONE_YET: L = L("none in the horizon", "预测期内无");
pub const CHANNEL: L = L("Channel", "收益渠道");
pub const PV: L = L("Present value", "现值");
pub const SCENARIO: L = L("Scenario", "情景");
pub const BASE_CASE: L = L("Base case", "基准情景");
pub const CASH_LOW: L = L("JV cash low point", "合资公司现金最低点");
pub const DRIVER: L = L("Driver", "驱动因素");
pub const LOW_INPUT: L = L("Low input", "低值");
pub const HIGH_INPUT: L = L("High input", "高值");
pub const AT_LOW: L = L("NPV at low", "低值下净现值");
pub const AT_HIGH: L = L("NPV at high", "高值下净现值");
pub const SWING: L = L("Swing", "波动幅度");
pub const LOW: L = L("Low", "低值");
pub const HIGH: L = L("High", "高值");
pub const ITEM: L = L("Item", "项目");
pub const SOURCE: L = L("Source", "来源");
pub const AS_OF: L = L("As of", "截至日期");
pub const DEAL_INPUT: L = L("Deal input", "交易输入");
pub const LINE: L = L("Line", "项目");

// Channels of a party's returns.
pub const DIVIDENDS: L = L("Dividends", "股息");
pub const ROYALTIES: L = L("Royalties and fees", "特许权使用费及技术服务费");
pub const KIT_MARGIN: L = L("Kit margin", "散件供应利润");
pub const DISTRIBUTION: L = L("Distribution profit", "分销利润");
pub const EXIT: L = L("Exit", "退出价值");
pub const CONTRIBUTIONS: L = L("Cash contributions", "现金出资");
pub const IN_KIND: L = L("In-kind contributions", "非现金出资");
pub const CALLS: L = L("Capital calls", "增资");

// Business plan lines.
pub const UNITS: L = L("Units sold", "销量（台）");
pub const REVENUE: L = L("Revenue", "营业收入");
pub const COGS: L = L("Cost of goods sold", "销售成本");
pub const GROSS_PROFIT: L = L("Gross profit", "毛利");
pub const ROYALTY: L = L("Royalty", "特许权使用费");
pub const TECH_FEES: L = L("Technical fees", "技术服务费");
pub const OPEX: L = L("Operating expenses", "营业费用");
pub const EBITDA: L = L("EBITDA", "EBITDA");
pub const EBITDA_MARGIN: L = L("EBITDA margin", "EBITDA 利润率");
pub const DEPRECIATION: L = L("Depreciation", "折旧");
pub const AMORTISATION: L = L("Amortisation", "摊销");
pub const EBIT: L = L("EBIT", "息税前利润");
pub const INTEREST: L = L("Interest", "利息");
pub const EBT: L = L("Earnings before tax", "税前利润");
pub const TAX: L = L("Income tax", "所得税");
pub const NET_INCOME: L = L("Net income", "净利润");
pub const WC_CHANGE: L = L("Increase in working capital", "营运资金增加");
pub const CAPEX: L = L("Capital expenditure", "资本支出");
pub const CAPITAL_CALL: L = L("Capital called", "增资额");
pub const LOAN_BALANCE: L = L("Loan outstanding", "贷款余额");
pub const CASH: L = L("Cash at year end", "年末现金");
pub const BOOK_EQUITY: L = L("Book equity", "账面净资产");
pub const FX: L = L("FX rate", "汇率");

// Governance.
pub const BOARD: L = L("Board seats", "董事会席位");
pub const RESERVED: L = L("Reserved matters", "保留事项");
pub const DEADLOCK: L = L("Deadlock", "僵局解决机制");
pub const TRANSFER: L = L("Transfer restrictions", "股权转让限制");
pub const EXIT_OPTIONS: L = L("Exit options", "退出安排");
pub const NON_COMPETE: L = L("Non-compete", "竞业限制");
pub const IP_TERMINATION: L = L("IP on termination", "终止时的知识产权安排");

/// "Jiangsu Motors: 2 seats".
pub fn seats(party: &str, seats: u32) -> Text {
    Text::new(
        format!("{party}: {seats} seat{}", if seats == 1 { "" } else { "s" }),
        format!("{party}：{seats} 席"),
    )
}

// Agreements.
pub const LICENCE: L = L("Technology licence", "技术许可协议");
pub const KIT_SUPPLY: L = L("Kit supply", "散件供应协议");
pub const DISTRIBUTION_AGREEMENT: L = L("Distribution", "分销协议");
pub const LICENSOR: L = L("Licensor", "许可方");
pub const ROYALTY_RATE: L = L("Running royalty (of net revenue)", "提成费率（占净收入）");
pub const TECH_FEE: L = L(
    "Technical fee per year (year 1)",
    "年度技术服务费（第 1 年）",
);
pub const CUSTOMS: L = L(
    "Customs add the running royalty to the kits' dutiable value (WTO Customs Valuation \
     Agreement, art. 8.1(c)); the duty and levies on it are part of the landed cost.",
    "海关将提成费计入散件完税价格（WTO《海关估价协定》第 8.1(c) 条）；由此产生的关税及税费计入到岸成本。",
);
pub const SUPPLIER: L = L("Supplier", "供应方");
pub const KIT_FOB: L = L("Kit FOB price (year 1)", "散件离岸价（第 1 年）");
pub const KIT_MARGIN_RATE: L = L("Supplier margin (of FOB)", "供应方利润率（占离岸价）");
pub const FREIGHT: L = L("Freight and insurance (of FOB)", "运费及保险（占离岸价）");
pub const DISTRIBUTOR: L = L("Distributor", "分销商");
pub const DEALER_MARGIN: L = L(
    "Dealer margin (of retail price)",
    "经销商毛利率（占零售价）",
);
pub const COST_TO_SERVE: L = L("Dealer's cost to serve", "经销商服务成本");
pub const NO_AGREEMENT: L = L("None", "无");

// Assumptions.
pub const CIT: L = L("Corporate income tax", "企业所得税税率");
pub const INCENTIVE: L = L("Reduced rate", "优惠税率");
pub const HOLIDAY: L = L("Tax holiday", "免税期");
pub const DIV_WHT: L = L(
    "Dividend withholding (non-resident)",
    "股息预提税（非居民）",
);
pub const ROY_WHT: L = L(
    "Royalty withholding (non-resident)",
    "特许权使用费预提税（非居民）",
);
pub const DUTY: L = L("Import duty on kits", "散件进口关税");
pub const LEVIES: L = L("Other import levies", "其他进口税费");
pub const INFLATION: L = L("Local inflation", "本地通胀率");
pub const FX_SPOT: L = L(
    "FX spot (local per reporting)",
    "即期汇率（每单位报告货币）",
);
pub const FX_DEPRECIATION: L = L("Local currency depreciation", "本币年贬值率");
pub const PPP: L = L("relative PPP", "相对购买力平价");
pub const CGT: L = L("Capital-gains tax", "资本利得税");
pub const INTEREST_LIMIT: L = L(
    "Interest deduction limit (of EBITDA)",
    "利息扣除上限（占 EBITDA）",
);
pub const ROYALTY_CAP: L = L("Royalty cap", "特许权使用费上限");
pub const FOREIGN_LIMIT: L = L("Foreign-ownership limit", "外资持股上限");
pub const HORIZON: L = L("Horizon", "预测期");
pub const REPORTING: L = L("Reporting currency", "报告货币");
pub const RCY_INFLATION: L = L("Reporting-currency inflation", "报告货币通胀率");
pub const EXIT_METHOD: L = L("Exit valuation", "退出估值方法");
pub const DEAL_DESCRIPTION: L = L("The deal as described by the parties", "各方对交易的描述");
pub const MARKET_FACTS: L = L("Market facts", "市场参数");
pub const SOURCES: L = L("Sources listed with the deal", "交易文件所列来源");
pub const DEAL_TERMS: L = L("Deal-wide assumptions", "交易整体假设");

/// "10 years".
pub fn years(n: u32) -> Text {
    Text::new(format!("{n} years"), format!("{n} 年"))
}

/// The exit method, in words, with its parameters already formatted.
pub fn exit_method(method: &str, detail: &str) -> Text {
    match method {
        "none" => L("No terminal value", "不计终值").t(),
        "book_value" => L("Book equity at year N", "第 N 年末账面净资产").t(),
        "ebitda_multiple" => Text::new(
            format!("EV/EBITDA multiple of {detail}"),
            format!("EV/EBITDA 倍数 {detail}"),
        ),
        _ => Text::new(
            format!("Growing perpetuity ({detail})"),
            format!("永续增长模型（{detail}）"),
        ),
    }
}

// Notes that DOMAIN.md requires in the memo.
pub const TAX_NOTE: L = L(
    "Every channel is measured after the taxes levied in the market and before any tax in the \
     party's home country: dividends and royalties after withholding, distribution profit after \
     local income tax, kit margin as earned (no market tax falls on it), exit after local \
     capital-gains tax.",
    "各收益渠道均按扣除市场所在国税负后、未计合作方本国税负前计量：股息及特许权使用费为扣除预提税后金额，\
     分销利润为扣除当地所得税后金额，散件供应利润按实际赚取计（所在国不对其征税），退出价值为扣除当地资本利得税后金额。",
);
pub const CONSERVATIVE_NOTE: L = L(
    "No tax amortisation benefit is added to any valuation, so contributed values are \
     conservative. Values set by relief from royalty or excess earnings use the JV's own \
     projection and change with the plan and each scenario.",
    "各项估值均未计入税务摊销收益，出资价值因此较为保守。采用特许权使用费节省法或超额收益法的估值以合资公司自身预测为基础，\
     会随商业计划及各情景而变化。",
);
pub const VIEWS_NOTE: L = L(
    "The cash view counts money actually paid and received; the economic view also counts every \
     in-kind contribution as an outflow at its value in the year it is made.",
    "现金视角仅计实际收付的资金；经济视角另将各项非现金出资按其价值在出资年度计为流出。",
);
pub const PV_CHART: L = L(
    "Present value by channel, cash view",
    "各渠道现值（现金视角）",
);
pub const PLAN_CHART: L = L(
    "Revenue, EBITDA and net income",
    "营业收入、EBITDA 与净利润",
);
pub const TORNADO_CHART: L = L("Change in NPV from base", "净现值相对基准的变动");
pub const NO_RULE_BROKEN: L = L(
    "The deal breaks none of the market rules recorded with it, and the engine raised no warning.",
    "本交易未违反所录入的任何市场规则，模型亦未提示任何警告。",
);
pub const GUARDRAILS: L = L("Market rules (guardrails)", "市场规则（合规限制）");
pub const WARNINGS: L = L("Warnings", "警示事项");
pub const MAIN_SENSITIVITIES: L = L("Main sensitivities", "主要敏感因素");
pub const OMITTED: L = L("Left out of this memo", "本备忘录未包含的部分");
pub const FLAGS_INFORM: L = L(
    "Flags inform; they never block the calculation. Each names the rule, its source and what to \
     change.",
    "以下提示仅供参考，不影响计算。每项均列明规则、来源及调整建议。",
);
pub const NO_CASH_INVESTED: L = L("no cash invested", "无现金投入");
pub const NO_OUTFLOW: L = L("no outflow", "无现金流出");
pub const NO_INFLOW: L = L("no inflow", "无现金流入");
pub const NO_ROOT: L = L("no IRR", "无内部收益率");
pub const AMBIGUOUS_NOTE: L = L(
    "Where a party's flows change sign more than once there may be several IRRs; the one closest \
     to its discount rate is shown.",
    "如现金流多次改变符号，可能存在多个内部收益率；此处列示最接近该方折现率者。",
);
pub const SCENARIO_NOTE: L = L(
    "Each scenario changes only the inputs it names; the base case is never edited.",
    "每个情景仅调整其列明的参数，基准情景保持不变。",
);
pub const TOP_DRIVERS_NOTE: L = L(
    "The eight drivers with the largest swing, each moved to its low and high (±20 % unless the \
     deal stores its own range) with every other input at base.",
    "波动幅度最大的八个驱动因素，每次仅将一个因素调至低值或高值（除交易另行设定区间外为 ±20%），其余参数保持基准。",
);
pub const APPENDIX_FLOWS: L = L("Cash flows by channel", "分渠道现金流");
pub const APPENDIX_PROJECTION: L = L("Projection of the JV", "合资公司财务预测");
pub const VESTING: L = L("Vesting of shares", "股份归属安排");
pub const HOLDINGS: L = L("Holdings by year", "各年度持股");
pub const HISTORY: L = L("Changes to the cap table", "股权变动记录");
pub const CAP_TABLE: L = L("Cap table at closing", "交割时股权表");
pub const KEY_FIGURES: L = L("Key figures per party", "各方关键数据");
pub const JV_FIGURES: L = L("The JV as a whole", "合资公司整体指标");
pub const HOLDING_PLAIN_NOTE: L = L(
    "Share of all shares outstanding at each year end.",
    "各年度末占全部已发行股份的比例。",
);
pub const HOLDING_CELL_NOTE: L = L(
    "Each cell: share of all shares outstanding (share of vested shares, which earn dividends and \
     exit proceeds).",
    "各单元格：占全部已发行股份比例（括号内为占已归属股份比例，已归属股份享有股息及退出收益）。",
);

/// A cap-table event's kind.
pub fn event(kind: EventKind) -> Text {
    match kind {
        EventKind::Closing => L("Issued at closing", "交割时发行"),
        EventKind::Vesting => L("Vested", "归属"),
        EventKind::Forfeiture => L("Forfeited", "没收注销"),
        EventKind::CapitalCall => L("Capital call", "增资发行"),
    }
    .t()
}

/// The sentence for a split of the equity.
pub fn split_sentence(contribution_based: bool, shares_issued: &str) -> Text {
    if contribution_based {
        Text::new(
            format!(
                "The equity is split in proportion to the value each party contributes at \
                 closing. The JV issues {shares_issued} shares."
            ),
            format!("股权按各方在交割时的出资价值比例分配。合资公司发行 {shares_issued} 股。"),
        )
    } else {
        Text::new(
            format!(
                "The equity split is negotiated; the value transfer shows what each party \
                 receives beyond (or gives up against) what it contributes. The JV issues \
                 {shares_issued} shares."
            ),
            format!(
                "股权比例由各方协商确定；价值转移反映各方所获股权价值高于（或低于）其出资价值的部分。合资公司发行 {shares_issued} 股。"
            ),
        )
    }
}

// Sentences with figures. Each takes figures already formatted and user text untouched.

/// "{name}: {label}", e.g. a chart title for one party.
pub fn titled(name: &str, label: L) -> Text {
    Text::new(
        format!("{name}: {}", label.0),
        format!("{name}：{}", label.1),
    )
}

/// The Chinese name of a market with a shipped preset, by ISO code.
fn country_zh(code: &str) -> Option<&'static str> {
    Some(match code.to_ascii_uppercase().as_str() {
        "AR" => "阿根廷",
        "BR" => "巴西",
        "CI" => "科特迪瓦",
        "CL" => "智利",
        "CN" => "中国",
        "CO" => "哥伦比亚",
        "EG" => "埃及",
        "ET" => "埃塞俄比亚",
        "GH" => "加纳",
        "KE" => "肯尼亚",
        "MA" => "摩洛哥",
        "MX" => "墨西哥",
        "NG" => "尼日利亚",
        "PE" => "秘鲁",
        "TZ" => "坦桑尼亚",
        "UG" => "乌干达",
        "ZA" => "南非",
        _ => return None,
    })
}

/// The market's country: its name as entered (else its code), and in Chinese where known.
pub fn country(code: &str, name: &str) -> Text {
    let en = if name.trim().is_empty() { code } else { name };
    Text::new(en, country_zh(code).unwrap_or(en))
}

/// The market line of the cover: "Kenya · KES · 10-year plan".
pub fn market_line(country: &Text, lcy: &str, years: u32) -> Text {
    Text::new(
        format!("{} · {lcy} · {years}-year plan", country.en),
        format!("{} · {lcy} · {years} 年计划", country.zh),
    )
}

/// A section left out of the memo, and why.
pub fn omitted(title: &Text, reason: &str) -> Text {
    Text::new(
        format!("{}: {reason}", title.en),
        format!("{}：{reason}", title.zh),
    )
}

fn list_en(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The opening sentence of the summary.
pub fn opening(names: &[String], country: &Text, years: u32, rcy: &str) -> Text {
    Text::new(
        format!(
            "{} propose to form a joint venture in {}. The plan runs {years} years and returns \
             are reported in {rcy}.",
            list_en(names),
            country.en
        ),
        format!(
            "{} 拟在{}共同设立合资公司。商业计划期为 {years} 年，回报以 {rcy} 计量。",
            names.join("、"),
            country.zh
        ),
    )
}

/// What one contribution is, for the summary: "USD 1,200,000 in cash".
pub fn contribution_phrase(kind: ContributionKind, value: &str) -> Text {
    match kind {
        ContributionKind::Cash => Text::new(format!("{value} in cash"), format!("现金 {value}")),
        ContributionKind::Asset => Text::new(
            format!("assets valued at {value}"),
            format!("作价 {value} 的实物资产"),
        ),
        ContributionKind::Technology => Text::new(
            format!("technology valued at {value}"),
            format!("作价 {value} 的技术"),
        ),
        ContributionKind::Distribution => Text::new(
            format!("its distribution network valued at {value}"),
            format!("作价 {value} 的分销网络"),
        ),
        ContributionKind::Services => Text::new(
            format!("services valued at {value}"),
            format!("作价 {value} 的服务"),
        ),
    }
}

/// "{name}, the technology partner, brings …".
pub fn brings(name: &str, role: &Text, items: &[Text]) -> Text {
    if items.is_empty() {
        return Text::new(
            format!(
                "{name}, the {}, contributes nothing for its shares.",
                role.en.to_lowercase()
            ),
            format!("{name}（{}）不以出资换取股份。", role.zh),
        );
    }
    let en: Vec<String> = items.iter().map(|t| t.en.clone()).collect();
    let zh: Vec<&str> = items.iter().map(|t| t.zh.as_str()).collect();
    Text::new(
        format!(
            "{name}, the {}, brings {}.",
            role.en.to_lowercase(),
            list_en(&en)
        ),
        format!("{name}（{}）出资{}。", role.zh, zh.join("、")),
    )
}

/// How the equity is split, with each party's share already formatted.
pub fn split_summary(contribution_based: bool, shares: &[(String, String)]) -> Text {
    let en: Vec<String> = shares.iter().map(|(n, s)| format!("{n} {s}")).collect();
    let zh: Vec<String> = shares.iter().map(|(n, s)| format!("{n} {s}")).collect();
    if contribution_based {
        Text::new(
            format!("The equity follows contributed value: {}.", list_en(&en)),
            format!("股权按出资价值分配：{}。", zh.join("，")),
        )
    } else {
        Text::new(
            format!("The parties have negotiated the split: {}.", list_en(&en)),
            format!("股权比例经协商确定：{}。", zh.join("，")),
        )
    }
}

/// The licence as a channel.
pub fn royalty_channel(rate: &str, fee: Option<&str>, who: &str) -> Text {
    match fee {
        None => Text::new(
            format!("a running royalty of {rate} of net revenue to {who}"),
            format!("向 {who} 支付净收入 {rate} 的提成费"),
        ),
        Some(fee) => Text::new(
            format!(
                "a running royalty of {rate} of net revenue and a technical fee of {fee} a year \
                 to {who}"
            ),
            format!("向 {who} 支付净收入 {rate} 的提成费及每年 {fee} 的技术服务费"),
        ),
    }
}

/// Kit supply as a channel.
pub fn kit_channel(margin: &str, who: &str) -> Text {
    Text::new(
        format!("a {margin} margin on the kits {who} sells to the JV"),
        format!("{who} 向合资公司供应散件，利润率 {margin}"),
    )
}

/// Distribution as a channel.
pub fn dealer_channel(margin: &str, who: &str) -> Text {
    Text::new(
        format!("a dealer margin of {margin} of the retail price to {who}"),
        format!("{who} 获得零售价 {margin} 的经销商毛利"),
    )
}

/// The sentence listing the channels besides dividends.
pub fn channels_sentence(items: &[Text]) -> Text {
    let en: Vec<String> = items.iter().map(|t| t.en.clone()).collect();
    let zh: Vec<&str> = items.iter().map(|t| t.zh.as_str()).collect();
    Text::new(
        format!(
            "Besides dividends, money moves through the side agreements: {}.",
            en.join("; ")
        ),
        format!("除股息外，资金还通过附属协议流动：{}。", zh.join("；")),
    )
}

/// One party's headline: NPV at its rate, and its IRR or why there is none.
pub fn headline(name: &str, npv: &str, rate: &str, irr: &Text, has_irr: bool) -> Text {
    if has_irr {
        Text::new(
            format!(
                "{name} has an NPV of {npv} at {rate} and an IRR of {}",
                irr.en
            ),
            format!(
                "{name} 按 {rate} 折现的净现值为 {npv}，内部收益率为 {}",
                irr.zh
            ),
        )
    } else {
        Text::new(
            format!(
                "{name} has an NPV of {npv} at {rate} and no IRR ({})",
                irr.en
            ),
            format!(
                "{name} 按 {rate} 折现的净现值为 {npv}，无内部收益率（{}）",
                irr.zh
            ),
        )
    }
}

/// The returns sentence of the summary.
pub fn returns_sentence(headlines: &[Text]) -> Text {
    let en: Vec<&str> = headlines.iter().map(|t| t.en.as_str()).collect();
    let zh: Vec<&str> = headlines.iter().map(|t| t.zh.as_str()).collect();
    Text::new(
        format!(
            "On the cash view, each at its own discount rate: {}. Every channel is counted after \
             the market's taxes and before any home-country tax.",
            en.join("; ")
        ),
        format!(
            "按现金视角、以各方自身折现率计算：{}。各渠道收益均为扣除市场所在国税负后、未计本国税负前的金额。",
            zh.join("；")
        ),
    )
}

/// The biggest risk when the deal breaks a market rule (the engine's message, untranslated).
pub fn rule_risk(message: &Text) -> Text {
    Text::new(
        format!(
            "The deal breaks a market rule, which is the first point to resolve: {}",
            message.en
        ),
        format!("本交易违反一项市场规则，应优先解决：{}", message.zh),
    )
}

/// A label set inside a sentence: "Retail price" → "retail price", but "FX rate" stays.
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

/// The biggest risk as the driver with the largest swing.
pub fn driver_risk(who: &str, driver: &Text, swing: &str) -> Text {
    Text::new(
        format!(
            "The biggest risk to {who} is the {}: moving it between its low and its high swings \
             {who}'s cash NPV by {swing}.",
            in_sentence(&driver.en)
        ),
        format!(
            "{who} 面临的最大风险来自“{}”：该因素在低值与高值之间变动时，{who} 的现金净现值波动 {swing}。",
            driver.zh
        ),
    )
}

/// "Retail price: swings the maker's cash NPV by USD 1".
pub fn swings(driver: &Text, who: &str, swing: &str) -> Text {
    Text::new(
        format!("{}: swings {who}'s cash NPV by {swing}", driver.en),
        format!("{}：{who} 的现金净现值波动 {swing}", driver.zh),
    )
}

/// A party's line under its name.
pub fn party_line(role: &Text, home: &str, rate: &str, joins_calls: bool) -> Text {
    let (en, zh) = if joins_calls {
        ("It takes part in capital calls.", "该方参与增资。")
    } else {
        (
            "It does not take part in capital calls and is diluted when the JV calls capital.",
            "该方不参与增资，合资公司增资时其股权将被稀释。",
        )
    };
    Text::new(
        format!(
            "{}, home country {home}; discount rate (hurdle) {rate}. {en}",
            role.en
        ),
        format!(
            "{}，所属国家 {home}；折现率（门槛收益率）{rate}。{zh}",
            role.zh
        ),
    )
}

/// A party that brings nothing.
pub const BRINGS_NOTHING: L = L(
    "It contributes nothing for its shares.",
    "该方未以出资换取股份。",
);

/// The total contributed by all parties.
pub fn together(total: &str) -> Text {
    Text::new(
        format!("Together the parties contribute {total} at closing values."),
        format!("各方出资按交割时价值合计 {total}。"),
    )
}

/// Inputs of an agreed value.
pub fn agreed_at(value: &str) -> Text {
    Text::new(format!("agreed at {value}"), format!("协议作价 {value}"))
}

/// Inputs of a relief-from-royalty valuation.
pub fn relief_inputs(royalty: &str, discount: &str) -> Text {
    Text::new(
        format!("notional royalty {royalty}, discount rate {discount}"),
        format!("假设提成率 {royalty}，折现率 {discount}"),
    )
}

/// Inputs of an excess-earnings valuation.
pub fn excess_inputs(share: &str, discount: &str) -> Text {
    Text::new(
        format!("share of EBIT {share}, discount rate {discount}"),
        format!("归属息税前利润比例 {share}，折现率 {discount}"),
    )
}

/// Inputs of a cost-to-recreate valuation.
pub fn cost_inputs(cost: &str, obsolescence: &str) -> Text {
    Text::new(
        format!("cost {cost}, obsolescence {obsolescence}"),
        format!("重置成本 {cost}，贬值率 {obsolescence}"),
    )
}

/// Appends the useful life to a valuation's inputs.
pub fn with_life(inputs: Text, years: u32) -> Text {
    Text::new(
        format!("{}, useful life {years} years", inputs.en),
        format!("{}，使用年限 {years} 年", inputs.zh),
    )
}

pub const ESCROW_NOTE: L = L(
    "Until its milestone a tranche's shares are held in escrow: they count for capital calls but \
     earn no dividends and no exit proceeds.",
    "里程碑达成前，该部分股份由托管持有：计入增资分摊，但不享有股息及退出收益。",
);

/// "Prices and amounts in KES."
pub fn amounts_in(currency: &str) -> Text {
    Text::new(
        format!("Prices and amounts in {currency}."),
        format!("价格及金额以 {currency} 计。"),
    )
}

pub const AGREEMENTS_INTRO: L = L(
    "Around the equity sit the agreements through which money really moves. The terms below are \
     those the returns are computed on.",
    "股权之外，资金主要通过以下附属协议流动。下列条款即为回报测算所依据的条款。",
);
pub const DOUBLE_PAID: L = L(
    "A partner may be paid twice for the same thing (a running royalty or margin on top of a \
     stake valued on the same earnings): see Guardrails and risks.",
    "存在同一贡献被重复支付的可能（在以相同收益估值的股权之外另收提成费或毛利）：详见“合规限制与风险”。",
);

/// The note under the market facts when they come from a preset.
pub fn preset_note(country: &str, version: &str) -> Text {
    Text::new(
        format!(
            "Values copied from the {country} market preset, version {version}; the deal keeps \
             its own copy, so a later preset update does not change it."
        ),
        format!(
            "数值取自 {country} 市场预设（版本 {version}）；交易文件保存其自身副本，预设日后更新不会改变本交易。"
        ),
    )
}

pub const NO_PRESET_NOTE: L = L(
    "Values entered with the deal; \"Deal input\" marks a value without a recorded source.",
    "数值随交易录入；“交易输入”表示该数值未记录来源。",
);

/// Reporting-currency inflation with the escalation of prices set in it.
pub fn escalation(inflation: &str, escalation: &str) -> Text {
    Text::new(
        format!("{inflation} (prices set in it escalate at {escalation})"),
        format!("{inflation}（以其计价的价格年涨幅 {escalation}）"),
    )
}

/// The royalty cap's kind, in words.
pub fn cap_kind(deductibility: bool, rate: &str) -> Text {
    if deductibility {
        Text::new(
            format!("{rate} (deductibility)"),
            format!("{rate}（税前扣除上限）"),
        )
    } else {
        Text::new(format!("{rate} (approval)"), format!("{rate}（审批上限）"))
    }
}

/// The figures of the business plan, formatted, for its opening paragraph.
pub struct PlanFigures<'a> {
    pub first_year: &'a str,
    pub last_year: &'a str,
    pub first_units: &'a str,
    pub last_units: &'a str,
    pub first_revenue: &'a str,
    pub last_revenue: &'a str,
    pub first_ebitda: &'a str,
    pub last_ebitda: &'a str,
    pub first_profit: Text,
    pub peak_funding: &'a str,
    pub peak_year: &'a str,
}

/// The opening paragraph of the business plan.
pub fn plan_paragraph(f: &PlanFigures) -> Text {
    Text::new(
        format!(
            "Units grow from {} in {} to {} in {}; revenue from {} to {}, and EBITDA from {} to \
             {}. The first year of profit is {}; shareholders' funding peaks at {} in {}.",
            f.first_units,
            f.first_year,
            f.last_units,
            f.last_year,
            f.first_revenue,
            f.last_revenue,
            f.first_ebitda,
            f.last_ebitda,
            f.first_profit.en,
            f.peak_funding,
            f.peak_year,
        ),
        format!(
            "销量由 {} 的 {} 台增至 {} 的 {} 台；营业收入由 {} 增至 {}，EBITDA 由 {} 增至 {}。首个盈利年度为 {}；股东资金投入峰值为 {}（{}）。",
            f.first_year,
            f.first_units,
            f.last_year,
            f.last_units,
            f.first_revenue,
            f.last_revenue,
            f.first_ebitda,
            f.last_ebitda,
            f.first_profit.zh,
            f.peak_funding,
            f.peak_year,
        ),
    )
}

pub const FULL_PROJECTION: L = L(
    "The full projection is in the appendix.",
    "完整预测见附录。",
);

/// "Amounts in thousands of KES." for a table's note.
pub fn thousands_note(currency: &str) -> Text {
    Text::new(
        format!("Amounts in thousands of {currency}."),
        format!("金额单位：千 {currency}。"),
    )
}

/// "KES thousand" for a chart's value axis.
pub fn thousand_unit(currency: &str) -> Text {
    Text::new(format!("{currency} thousand"), format!("千 {currency}"))
}

pub const WITHHOLDING: L = L("Withholding applied", "适用预提税率");

/// The withholding rates that apply to one party.
pub fn withholding_line(name: &str, dividends: &str, royalties: &str, resident: bool) -> Text {
    let (en, zh) = if resident {
        ("resident", "居民")
    } else {
        ("non-resident", "非居民")
    };
    Text::new(
        format!("{name} ({en}): dividends {dividends}, royalties and fees {royalties}"),
        format!("{name}（{zh}）：股息 {dividends}，特许权使用费及技术服务费 {royalties}"),
    )
}

/// A broken market rule with its source (the engine's message, untranslated).
pub fn with_source(message: &Text, source: &str) -> Text {
    Text::new(
        format!("{} (Source: {source})", message.en),
        format!("{}（来源：{source}）", message.zh),
    )
}

/// The scenarios that could not be run.
pub fn scenario_failures(items: &[String]) -> Text {
    Text::new(
        format!("These scenarios could not be run: {}.", items.join("; ")),
        format!("以下情景无法运行：{}。", items.join("；")),
    )
}

/// The opening line of the sensitivity.
pub fn tornado_intro(who: &str, base: &str) -> Text {
    Text::new(
        format!(
            "How {who}'s cash NPV (base {base}) moves when each driver goes to its low and its \
             high, one at a time."
        ),
        format!("{who} 的现金净现值（基准 {base}）在各驱动因素分别调至低值和高值时的变动。"),
    )
}
