//! Chinese for the text the engine writes in English: tornado driver labels (by driver id),
//! built-in scenario names and descriptions (by name) and warnings (by code).
//!
//! Anything not listed here (a driver, scenario or warning the engine adds later, a
//! scenario the user named) keeps its English text in both languages, so nothing breaks.

use jv_engine::Warning;

use crate::document::Text;

/// A driver's label: Chinese by the driver's id, the engine's English otherwise.
pub fn driver(id: &str, label: &str) -> Text {
    if let Some(party_id) = id.strip_prefix("discount_rate.") {
        let party = label.strip_prefix("Discount rate of ").unwrap_or(party_id);
        return Text::new(label, format!("{party} 的折现率"));
    }
    if id == "negotiated_share" {
        let party = label.strip_prefix("Negotiated share of ").unwrap_or(label);
        return Text::new(label, format!("{party} 的谈判持股比例"));
    }
    let zh = match id {
        "retail_price" => "零售价格",
        // The same id varies the first year of a ramp or every year of an explicit plan.
        "units" if label.contains("first year") => "首年销量",
        "units" => "各年销量",
        "unit_growth" => "销量增长率",
        "kit_fob_price" => "散件 FOB 价格",
        "kit_margin" => "散件利润率",
        "royalty_rate" => "特许权使用费率",
        "technical_fee" => "技术服务费",
        "dealer_margin" => "经销商毛利率",
        "fx_level" => "汇率水平（第 1..N 年）",
        "inflation" => "本地通胀率",
        "corporate_tax_rate" => "企业所得税率",
        "import_duty_kits" => "散件进口关税",
        "other_import_levies" => "其他进口税费",
        "local_parts" => "单车本地零部件成本",
        "wage_per_hour" => "小时工资",
        "fixed_overhead" => "固定间接费用",
        "capex" => "资本支出（全部项目）",
        "maintenance_capex" => "维护性资本支出",
        "payout_ratio" => "分红比例",
        _ => return Text::same(label),
    };
    Text::new(label, zh)
}

/// A scenario's name: Chinese for the built-in ones, the user's name otherwise.
pub fn scenario_name(name: &str) -> Text {
    let zh = match name {
        "FX crisis" => "汇率危机",
        "Tariff shock" => "关税冲击",
        "Volume shortfall" => "销量不足",
        "Dealer cannot fund" => "经销商无力出资",
        "Milestone missed" => "里程碑未达成",
        "Royalty cap enforced" => "执行特许权使用费上限",
        _ => return Text::same(name),
    };
    Text::new(name, zh)
}

/// A scenario's description: Chinese for the built-in ones (which the engine writes from
/// the scenario's name), the user's text otherwise.
pub fn scenario_description(name: &str, description: &str) -> Text {
    let zh = match name {
        "FX crisis" => "本地货币在第 1 年额外贬值 30%，并维持在该水平。".to_owned(),
        "Tariff shock" => "散件进口关税上调 15 个百分点。".to_owned(),
        "Volume shortfall" => "销量比计划低 30%。".to_owned(),
        "Dealer cannot fund" => "本地合作方无力参与增资，股份被稀释。".to_owned(),
        "Milestone missed" => match quoted(description) {
            Some(milestone) => format!("技术里程碑“{milestone}”未达成。"),
            None => return Text::same(description),
        },
        "Royalty cap enforced" => "特许权使用费率降至市场上限。".to_owned(),
        _ => return Text::same(description),
    };
    Text::new(description, zh)
}

/// The text between the first pair of double quotes.
fn quoted(text: &str) -> Option<&str> {
    let start = text.find('"')? + 1;
    let len = text.get(start..)?.find('"')?;
    text.get(start..start + len)
}

/// A warning: the engine's English sentence, and in Chinese a summary by its code followed
/// by the English original, which carries the figures and names.
pub fn warning(warning: &Warning) -> Text {
    match warning_summary(warning.code) {
        Some(summary) => Text::new(
            warning.message.clone(),
            format!("{summary}（原文：{}）", warning.message),
        ),
        None => Text::same(&warning.message),
    }
}

/// The Chinese summary of a warning code, if it is known.
pub fn warning_summary(code: &str) -> Option<&'static str> {
    Some(match code {
        "contribution_value_floored" => "按此商业计划，某项出资的估值为负，按零计算。",
        "exit_value_floored" => "退出估值方法得出的末年企业价值为负，按零计算。",
        "no_cash_invested" => {
            "该合作方未投入现金，因此不存在现金内部收益率；请以净现值和经济视角评估。"
        }
        "irr_ambiguous" => "该合作方的现金流多次变号，内部收益率不唯一；请以净现值为准。",
        "double_paid_technology" => {
            "技术合作方既收取持续的特许权使用费，又持有以特许权节省法估值的技术股份，可能就同一技术获得双重回报。"
        }
        "double_paid_distribution" => {
            "经销商既赚取分销毛利，又持有以超额收益法估值的渠道股份，可能就同一渠道获得双重回报。"
        }
        "royalty_above_cap" => "特许权使用费率高于市场上限。",
        "foreign_share_above_limit" => "外资持股比例高于该行业的外资持股上限。",
        "negative_cash_before_calls" => "在增资前合资公司现金将出现负数，需由股东注资。",
        "unfunded_capital_call" => "没有股东参与增资，资金缺口无法弥补，现金低于最低要求。",
        "real_fx_drift" => "设定的货币贬值率偏离购买力平价，隐含实际汇率变动。",
        "gross_margin_erosion" => "合资公司毛利率逐年下降。",
        "technology_fee_refused_on_ckd" => "当地规定不允许对散件组装（CKD）收取技术费。",
        "foreign_trade_licence" => "该安排需要外贸许可。",
        "capital_import_cash_or_goods" => "当地规定外资出资须为现金或实物。",
        "repatriation_restricted" => "当地对利润汇出有限制。",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ids_are_translated_and_unknown_ones_stay_english() {
        assert_eq!(driver("retail_price", "Retail price").zh, "零售价格");
        assert_eq!(
            driver("discount_rate.tech", "Discount rate of Jiangsu Motors").zh,
            "Jiangsu Motors 的折现率"
        );
        assert_eq!(
            driver("negotiated_share", "Negotiated share of Jiangsu").zh,
            "Jiangsu 的谈判持股比例"
        );
        assert_eq!(driver("new_driver", "New driver"), Text::same("New driver"));
        assert_eq!(scenario_name("My case"), Text::same("My case"));
        assert_eq!(
            scenario_description(
                "Milestone missed",
                "The technology milestone \"SOP\" is missed."
            )
            .zh,
            "技术里程碑“SOP”未达成。"
        );
    }

    #[test]
    fn warnings_keep_the_original_in_chinese() {
        let known = Warning {
            code: "royalty_above_cap",
            message: "The royalty is 6% of net sales, above Nigeria's cap of 5%.".to_owned(),
            path: String::new(),
            source: None,
        };
        let text = warning(&known);
        assert_eq!(text.en, known.message);
        assert!(
            text.zh
                .starts_with("特许权使用费率高于市场上限。（原文：The royalty is 6%")
        );
        let unknown = Warning {
            code: "something_new",
            ..known
        };
        assert_eq!(warning(&unknown), Text::same(&unknown.message));
    }
}
