//! Reading a preset that breaks the format: every error names the file, the key and the
//! problem, and every problem of a file is reported at once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use jv_markets::{PresetError, PresetProblem, parse_preset, parse_preset_file};
use support::repo;

fn kenya() -> String {
    std::fs::read_to_string(repo("markets/KE.toml")).unwrap()
}

fn problems(text: &str) -> Vec<PresetProblem> {
    match parse_preset_file("markets/KE.toml", text) {
        Err(PresetError::Invalid { file, problems }) => {
            assert_eq!(file, "markets/KE.toml");
            problems
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

fn problem(key: &str, message: &str) -> PresetProblem {
    PresetProblem {
        key: key.to_owned(),
        message: message.to_owned(),
    }
}

#[test]
fn a_percentage_instead_of_a_fraction_is_refused_with_its_key() {
    let text = kenya().replacen("value = \"0.30\"", "value = \"30\"", 1);
    let error = parse_preset_file("markets/KE.toml", &text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "markets/KE.toml: values.corporate_tax_rate.value: must be a fraction from 0 to 1 \
         written as a string (\"0.30\" is 30 %), or \"unknown\"; it is \"30\""
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = kenya()
        .replacen("value = \"0.30\"", "value = \"30\"", 1)
        .replace("as_of = \"2024\"", "as_of = \"2024-13\"")
        .replacen(
            "source = \"https://the-star.co.ke",
            "source = \"the-star.co.ke",
            1,
        )
        .replace("country = \"KE\"", "country = \"Kenya\"")
        .replace("version = \"2025-02\"", "version = \"Feb 2025\"");
    assert_eq!(
        problems(&text),
        [
            problem(
                "country",
                "must be a two-letter ISO 3166 country code in capitals, like \"KE\"; it is \"Kenya\""
            ),
            problem(
                "version",
                "must be the month of the newest value, written YYYY-MM like \"2025-02\"; it is \"Feb 2025\""
            ),
            problem(
                "values.corporate_tax_rate.value",
                "must be a fraction from 0 to 1 written as a string (\"0.30\" is 30 %), or \"unknown\"; it is \"30\""
            ),
            problem(
                "values.import_duty_kits.source",
                "must be the web address of the page that states the value, starting with https:// or http://; it is \"the-star.co.ke/news/2023-02-08-state-reduces-excise-duty-for-electric-vehicles-to-10-per-cent\""
            ),
            problem(
                "values.inflation.as_of",
                "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02-18\"; it is \"2024-13\""
            ),
            problem(
                "values.fx_depreciation.as_of",
                "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02-18\"; it is \"2024-13\""
            ),
        ]
    );
}

#[test]
fn a_misspelt_key_names_the_key_and_the_line() {
    let text = kenya().replace("[values.fx_spot]", "[values.fx_spot_rate]");
    let Err(PresetError::Syntax { file, message }) = parse_preset_file("markets/KE.toml", &text)
    else {
        panic!("expected a syntax error");
    };
    assert_eq!(file, "markets/KE.toml");
    assert!(
        message.contains("unknown field `fx_spot_rate`"),
        "{message}"
    );
    assert!(message.contains("line "), "{message}");

    let text = kenya().replace("[values.fx_spot]\n", "[values.fx_spot]\nvalue = \"1\"\n");
    let message = parse_preset(&text).unwrap_err().to_string();
    assert!(message.starts_with("preset: "), "{message}");
    assert!(message.contains("duplicate key"), "{message}");
}

#[test]
fn a_value_without_a_source_is_refused() {
    let text = kenya().replacen(
        "source = \"https://taxsummaries.pwc.com/kenya/corporate/taxes-on-corporate-income\"\n",
        "",
        1,
    );
    let message = parse_preset(&text).unwrap_err().to_string();
    assert!(message.contains("missing field `source`"), "{message}");
}

#[test]
fn a_newer_file_asks_for_a_newer_app() {
    let text = kenya().replace("schema_version = 1", "schema_version = 2\nnew_key = 1");
    assert_eq!(
        parse_preset_file("markets/KE.toml", &text)
            .unwrap_err()
            .to_string(),
        "markets/KE.toml: schema_version is 2; this build reads presets of version 1: update JV Studio"
    );
}

#[test]
fn compound_values_are_all_or_nothing() {
    let text = kenya().replace("rate = \"0.15\"\nyears = 5\n", "rate = \"0.15\"\n");
    assert_eq!(
        problems(&text),
        [problem(
            "values.tax_incentive",
            "must give rate and years (or value = \"none\" or \"unknown\")"
        )]
    );
    let text = kenya().replace("rate = \"0.15\"\n", "value = \"none\"\nrate = \"1.5\"\n");
    assert_eq!(
        problems(&text),
        [
            problem(
                "values.tax_incentive",
                "gives both `value` and rate and years; give either value = \"none\" or \"unknown\", or the parts"
            ),
            problem(
                "values.tax_incentive.rate",
                "must be a fraction from 0 to 1 (\"0.30\" is 30 %); it is 1.5"
            ),
        ]
    );
}

#[test]
fn treaties_give_rates_only_when_in_force() {
    let text = kenya().replacen(
        "dividends = { value = \"none\"",
        "dividends = { value = \"0.05\"",
        1,
    );
    assert_eq!(
        problems(&text),
        [problem(
            "treaties.CN.dividends.value",
            "must be \"none\": only a treaty in force gives a rate"
        )]
    );
    let text = kenya().replace("status = \"signed_not_in_force\"", "status = \"in_force\"");
    assert_eq!(
        problems(&text),
        [
            problem(
                "treaties.CN.dividends.value",
                "is \"none\" but the treaty is in force; give its rate or \"unknown\""
            ),
            problem(
                "treaties.CN.royalties.value",
                "is \"none\" but the treaty is in force; give its rate or \"unknown\""
            ),
        ]
    );
    let text = kenya().replace("[treaties.CN]", "[treaties.KE]");
    assert_eq!(
        problems(&text),
        [problem(
            "treaties.KE",
            "is the preset's own country; a treaty is with another country"
        )]
    );
}

#[test]
fn rules_need_their_figures_a_source_and_a_date() {
    let brazil = std::fs::read_to_string(repo("markets/BR.toml")).unwrap();
    let text = brazil
        .replace("effective = \"2026-07-01\"", "effective = \"July 2026\"")
        .replacen("as_of = \"2025-07\" }", "as_of = \"recent\" }", 1);
    let Err(PresetError::Invalid { problems, .. }) = parse_preset_file("markets/BR.toml", &text)
    else {
        panic!("expected problems");
    };
    assert_eq!(
        problems,
        [
            problem(
                "rules[0].basis.as_of",
                "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02-18\"; it is \"recent\""
            ),
            problem(
                "rules[0].effective",
                "must be the date the change takes effect, written YYYY-MM-DD like \"2026-07-01\"; it is \"July 2026\""
            ),
        ]
    );
    let tanzania = std::fs::read_to_string(repo("markets/TZ.toml")).unwrap();
    let text = tanzania.replace("max_foreign_share = \"0\"\n", "");
    let Err(PresetError::Invalid { problems, .. }) = parse_preset(&text) else {
        panic!("expected problems");
    };
    assert_eq!(
        problems,
        [problem(
            "rules[0]",
            "sets neither max_foreign_share nor min_foreign_investment; give the limit the licence sets (0 when foreign parties may hold none)"
        )]
    );
}

#[test]
fn values_of_the_wrong_kind_are_refused() {
    let text = kenya()
        .replace(
            "[values.tax_holiday_years]\nvalue = \"unknown\"",
            "[values.tax_holiday_years]\nvalue = \"none\"",
        )
        .replace(
            "[values.amortisation_deductible]\nvalue = \"unknown\"",
            "[values.amortisation_deductible]\nvalue = \"0\"",
        )
        .replace(
            "[values.loss_carry_forward_years]\nvalue = \"unknown\"",
            "[values.loss_carry_forward_years]\nvalue = \"none\"",
        );
    assert_eq!(
        problems(&text),
        [
            problem(
                "values.tax_holiday_years.value",
                "must be a whole number of years from 0 to 99, like \"5\", or \"unknown\"; it is \"none\""
            ),
            problem(
                "values.amortisation_deductible.value",
                "must be \"true\", \"false\" or \"unknown\"; it is \"0\""
            ),
        ]
    );
}
