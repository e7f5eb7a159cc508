//! `jv evaluate` on real deal files: the text report and the JSON agree.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::Value;

const KENYA: &str = "kenya-e3w-ckd.jvdeal";

#[test]
fn text_report_names_every_party_and_shows_json_figures_with_separators() {
    let file = example(KENYA);
    let json = evaluate_json(&file);
    let output = jv_on("evaluate", &file, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("Kenya e-three-wheeler CKD assembly JV"),
        "{text}"
    );
    for party in json["parties"].as_array().unwrap() {
        let name = party["name"].as_str().unwrap();
        assert!(text.contains(name), "the report names {name}");
        for view in ["cash", "economic"] {
            let npv = grouped(decimal(&party["views"][view]["npv"]));
            assert!(
                npv.len() > 4,
                "a figure large enough to need a separator: {npv}"
            );
            assert!(npv.contains(','), "{npv}");
            assert!(
                text.contains(&npv),
                "the report shows the {view} NPV {npv} of {name}"
            );
        }
    }
    for row in json["equity"]["parties"].as_array().unwrap() {
        let shares = grouped(decimal(&row["shares"]));
        assert!(
            text.contains(&shares),
            "the cap table shows {shares} shares"
        );
    }
    for heading in [
        "Cap table at closing",
        "Projection",
        "Returns to each party",
        "Present value by channel",
        "The JV as a whole",
        "Warnings",
    ] {
        assert!(text.contains(heading), "the report has a section {heading}");
    }
    assert!(
        text.contains("Channels are after taxes levied in the market and before home-country tax.")
    );
}

#[test]
fn text_report_is_honest_and_fits_the_width_for_every_example() {
    for file in examples() {
        let output = jv_on("evaluate", &file, &[]);
        assert!(
            output.status.success(),
            "{}: {}",
            file.display(),
            stderr(&output)
        );
        let text = stdout(&output);
        for bad in ["NaN", "inf", "Infinity", "null", "None"] {
            assert!(
                !text.contains(bad),
                "{}: the report says {bad}",
                file.display()
            );
        }
        for line in text.lines() {
            assert!(
                line.chars().count() <= 120,
                "{}: line too wide: {line}",
                file.display()
            );
            // Numbers use a real minus sign: an ASCII hyphen never precedes a digit in a figure.
            assert!(
                !line.contains(" -1") && !line.contains(" -2"),
                "{}: {line}",
                file.display()
            );
        }
    }
}

#[test]
fn json_has_the_keys_tools_rely_on() {
    let json = evaluate_json(&example(KENYA));
    assert_eq!(json["deal"]["horizon_years"], 10);
    for row in json["equity"]["parties"].as_array().unwrap() {
        for key in ["id", "shares", "percent"] {
            assert!(row.get(key).is_some(), "equity.parties[].{key}");
        }
    }
    let years = json["projection"]["years"].as_array().unwrap();
    assert_eq!(years.len(), 11);
    for year in years {
        for key in [
            "year",
            "revenue",
            "ebitda",
            "net_income",
            "dividends",
            "cash",
        ] {
            assert!(year.get(key).is_some(), "projection.years[].{key}");
        }
    }
    let parties = json["parties"].as_array().unwrap();
    assert!(parties.len() >= 2);
    for party in parties {
        assert!(party["id"].is_string());
        let channels = &party["channels"];
        for channel in [
            "contributions",
            "capital_calls",
            "dividends",
            "royalties",
            "kit_margin",
            "distribution",
            "exit",
            "in_kind",
        ] {
            let flows = channels[channel]
                .as_array()
                .unwrap_or_else(|| panic!("channels.{channel}"));
            assert_eq!(flows.len(), 11, "channels.{channel} has years 0..10");
        }
        for view in ["cash", "economic"] {
            let v = &party["views"][view];
            assert_eq!(
                v["flows"].as_array().map(Vec::len),
                Some(11),
                "views.{view}.flows"
            );
            assert!(v["npv"].is_string(), "views.{view}.npv");
            assert!(
                v["irr"].is_string() || v["irr"].is_null(),
                "views.{view}.irr"
            );
            assert!(v.get("irr_note").is_some(), "views.{view}.irr_note");
            assert!(v.get("moic").is_some(), "views.{view}.moic");
            assert!(v.get("payback_year").is_some(), "views.{view}.payback_year");
            if v["irr"].is_null() {
                assert!(v["irr_note"].is_string(), "a missing IRR says why");
            }
        }
    }
    for warning in json["warnings"].as_array().unwrap() {
        for key in ["code", "message", "path"] {
            assert!(warning[key].is_string(), "warnings[].{key}");
        }
    }
}

#[test]
fn json_decimals_have_at_most_six_places() {
    fn check(value: &Value, path: &str) {
        match value {
            Value::String(text) => {
                let numeric = text.strip_prefix('-').unwrap_or(text);
                let is_number =
                    !numeric.is_empty() && numeric.chars().all(|c| c.is_ascii_digit() || c == '.');
                if let Some((_, places)) = numeric.split_once('.').filter(|_| is_number) {
                    assert!(
                        places.len() <= 6 && !places.ends_with('0'),
                        "{path}: {text}"
                    );
                }
            }
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| check(v, &format!("{path}[{i}]"))),
            Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| check(v, &format!("{path}.{k}"))),
            _ => {}
        }
    }
    check(&evaluate_json(&example(KENYA)), "");
}

#[test]
fn thirty_year_deal_wraps_the_projection_within_the_width() {
    let dir = TempDir::new("thirty");
    let mut deal = kenya();
    deal["horizon_years"] = 30.into();
    let file = dir.write_deal("thirty.jvdeal", &deal);
    let output = jv_on("evaluate", &file, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.lines().all(|l| l.chars().count() <= 120), "{text}");
    // Every year appears as a column header, and the row labels repeat in each block.
    assert!(text.matches("Revenue, KES").count() >= 2, "{text}");
    let json = evaluate_json(&file);
    assert_eq!(
        json["parties"][0]["channels"]["dividends"]
            .as_array()
            .map(Vec::len),
        Some(31)
    );
}

#[test]
fn a_party_without_cash_reads_no_cash_invested() {
    let dir = TempDir::new("no-cash");
    let mut deal = kenya();
    // The maker brings only its technology and stays out of capital calls.
    let maker = &mut deal["parties"][0];
    let contributions = maker["contributions"].as_array_mut().unwrap();
    contributions.retain(|c| c["kind"] != "cash");
    maker["joins_capital_calls"] = false.into();
    let file = dir.write_deal("ip-only.jvdeal", &deal);
    let json = evaluate_json(&file);
    let cash = &json["parties"][0]["views"]["cash"];
    assert_eq!(cash["irr"], Value::Null);
    assert_eq!(cash["irr_status"], "no_cash_invested");
    let text = stdout(&jv_on("evaluate", &file, &[]));
    assert!(text.contains("no cash invested"), "{text}");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let output = jv_on("evaluate", &example(KENYA), &["--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
}
