//! The TypeScript bindings and the UI's test fixtures are generated from Rust and
//! committed; these tests fail when they are stale. Regenerate with `./x generate`
//! (sets `JV_UPDATE_GENERATED=1`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use jv_studio::api::evaluate::evaluate_deal;
use jv_studio::api::{presets, templates};
use jv_studio::bindings;
use jv_studio::state::AppState;
use serde::Serialize;

/// The "today" the fixtures' data age is computed for, so they do not change by the day.
const FIXTURE_TODAY: &str = "2026-11-29";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Compares `fresh` with the committed file, or rewrites it when asked to.
fn check(path: &Path, fresh: &str) {
    if std::env::var_os("JV_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `./x generate` and commit the result",
        path.display()
    );
}

#[test]
fn typescript_bindings_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bindings.ts");
    bindings::builder()
        .export(bindings::typescript(), &out)
        .unwrap();
    let fresh = std::fs::read_to_string(&out).unwrap();
    assert!(
        fresh.contains("evaluateDeal"),
        "the evaluate command is exported"
    );
    check(&repo("ui/src/lib/bindings.ts"), &fresh);
}

#[test]
fn ui_fixtures_are_current() {
    for (example, fixture) in [
        (
            "examples/kenya-e3w-ckd.jvdeal",
            "ui/tests/fixtures/kenya-evaluation.json",
        ),
        (
            "examples/no-cash-tech-partner.jvdeal",
            "ui/tests/fixtures/no-cash-evaluation.json",
        ),
    ] {
        let text = std::fs::read_to_string(repo(example)).unwrap();
        let json = pretty(&evaluate_deal(&text, FIXTURE_TODAY));
        assert!(
            json.contains("\"status\": \"evaluated\""),
            "{example} evaluates"
        );
        check(&repo(fixture), &json);
    }
}

/// The commands' real answers for the market picker, the preset view, applying a preset and
/// the e-three-wheeler template on Nigeria (with its guardrail and stale values) and on Kenya,
/// for the UI's tests.
#[tokio::test]
async fn ui_preset_fixtures_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().join("deals.db")).await;
    let store = state.store().unwrap();
    let kenya = std::fs::read_to_string(repo("examples/kenya-e3w-ckd.jvdeal")).unwrap();

    // Every shipped preset by country code: markets/*.toml as the UI receives them.
    let shipped: serde_json::Map<String, serde_json::Value> = jv_markets::shipped()
        .into_iter()
        .map(|p| (p.country.clone(), serde_json::to_value(&p).unwrap()))
        .collect();
    assert_eq!(shipped.len(), 16);
    check(&repo("ui/tests/fixtures/presets.json"), &pretty(&shipped));
    let list = presets::market_presets(store).await.unwrap();
    check(
        &repo("ui/tests/fixtures/market-presets.json"),
        &pretty(&list),
    );
    let preset = presets::market_preset(store, "KE").await.unwrap();
    check(
        &repo("ui/tests/fixtures/market-preset-ke.json"),
        &pretty(&preset),
    );
    // No preset has a spot rate: this stands for the rate a user types in.
    let naira = Some(rust_decimal::Decimal::from(1500));
    let applied = presets::apply_market_preset(store, &kenya, "NG", naira)
        .await
        .unwrap();
    check(
        &repo("ui/tests/fixtures/apply-ng-to-kenya.json"),
        &pretty(&applied),
    );
    let all = templates::templates().unwrap();
    check(&repo("ui/tests/fixtures/templates.json"), &pretty(&all));

    for (country, fx_spot, guardrail) in [("NG", naira, true), ("KE", None, false)] {
        let deal = templates::new_deal_from_template(store, "e3w-ckd-dealer", country, fx_spot)
            .await
            .unwrap();
        let code = country.to_lowercase();
        check(
            &repo(&format!("ui/tests/fixtures/e3w-{code}-deal.json")),
            &pretty(&deal),
        );
        let json = pretty(&evaluate_deal(&deal.deal_json, FIXTURE_TODAY));
        assert_eq!(json.contains("technology_fee_refused_on_ckd"), guardrail);
        assert!(json.contains("\"months_old\""));
        check(
            &repo(&format!("ui/tests/fixtures/e3w-{code}-evaluation.json")),
            &json,
        );
    }
    store.close().await;
}

/// Two-space indented JSON ending with a newline.
fn pretty(value: &impl Serialize) -> String {
    let mut json = serde_json::to_string_pretty(value).unwrap();
    json.push('\n');
    json
}

/// The real `analysis_drivers` answer for the Kenya example: the catalogue and default spec
/// the UI's distributions editor is tested against.
#[test]
fn ui_analysis_drivers_fixture_is_current() {
    let kenya = std::fs::read_to_string(repo("examples/kenya-e3w-ckd.jvdeal")).unwrap();
    let answer = jv_studio::api::analysis::analysis_drivers(&kenya).unwrap();
    assert_eq!(answer.drivers[0].id, "retail_price");
    check(
        &repo("ui/tests/fixtures/kenya-analysis-drivers.json"),
        &pretty(&answer),
    );
}

/// The real `builtin_scenarios` answer for the Kenya example: the one-click starting points
/// the UI's scenarios panel is tested against.
#[test]
fn ui_builtin_scenarios_fixture_is_current() {
    let kenya = std::fs::read_to_string(repo("examples/kenya-e3w-ckd.jvdeal")).unwrap();
    let answer = jv_studio::api::analysis::builtin_scenarios(&kenya).unwrap();
    assert_eq!(answer.scenarios[0].name, "FX crisis");
    check(
        &repo("ui/tests/fixtures/kenya-builtin-scenarios.json"),
        &pretty(&answer),
    );
}
