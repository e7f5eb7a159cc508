//! The market-preset and template command bodies, called without a window on a temporary
//! database that the app's own start-up filled with the shipped presets.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::{Deal, Evaluation, read_deal};
use jv_store::{InputChange, PresetOrigin};
use jv_studio::api::evaluate::{EvaluateOutcome, evaluate_deal};
use jv_studio::api::{presets, templates};
use jv_studio::error::ErrorCode;
use jv_studio::state::AppState;
use rust_decimal::Decimal;

const KENYA: &str = include_str!("../../examples/kenya-e3w-ckd.jvdeal");
/// A fixed "today", so the data age does not depend on when the tests run.
const TODAY: &str = "2026-11-29";

/// The app as it starts: the database opened and the shipped presets loaded.
async fn started() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().join("deals.db")).await;
    assert!(state.status().database_error.is_none());
    (dir, state)
}

fn evaluated(deal_json: &str) -> (Box<Evaluation>, Vec<jv_markets::StaleValue>) {
    match evaluate_deal(deal_json, TODAY) {
        EvaluateOutcome::Evaluated {
            evaluation,
            data_age,
        } => (evaluation, data_age),
        EvaluateOutcome::Invalid { errors } => panic!("the deal should evaluate: {errors:?}"),
    }
}

fn warning_codes(evaluation: &Evaluation) -> Vec<&str> {
    evaluation.warnings.iter().map(|w| w.code).collect()
}

fn change<'a>(changes: &'a [InputChange], path: &str) -> Option<&'a InputChange> {
    changes.iter().find(|c| c.path == path)
}

fn before_after(change: Option<&InputChange>) -> (Option<&str>, Option<&str>) {
    let change = change.expect("the change is listed");
    (change.before.as_deref(), change.after.as_deref())
}

#[tokio::test]
async fn the_app_loads_the_shipped_presets_when_it_starts() {
    let (dir, state) = started().await;
    let store = state.store().unwrap();
    let list = presets::market_presets(store).await.unwrap();
    assert_eq!(list.len(), 16);
    let kenya = list.iter().find(|p| p.country == "KE").unwrap();
    assert_eq!(
        (
            kenya.name.as_str(),
            kenya.currency.as_str(),
            kenya.version.as_str(),
            kenya.origin
        ),
        ("Kenya", "KES", "2025-02", PresetOrigin::Shipped)
    );
    assert_eq!(kenya.newer_shipped, None);

    let nigeria = presets::market_preset(store, "ng").await.unwrap();
    assert_eq!(
        (nigeria.country.as_str(), nigeria.currency.as_str()),
        ("NG", "NGN")
    );
    assert!(nigeria == jv_markets::shipped_preset("NG").unwrap());
    assert_eq!(nigeria.values.corporate_tax_rate.value, "0.30");
    assert!(
        nigeria
            .values
            .corporate_tax_rate
            .source
            .starts_with("https://")
    );

    let missing = presets::market_preset(store, "ZZ").await.unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    assert_eq!(missing.message, "there is no market preset for ZZ");

    // The next start finds the same list.
    let path = dir.path().join("deals.db");
    store.close().await;
    let again = AppState::open(path).await;
    assert_eq!(
        presets::market_presets(again.store().unwrap())
            .await
            .unwrap(),
        list
    );
}

/// The user's NGN/USD rate: no preset has a spot rate, so the app asks for today's.
fn naira() -> Option<Decimal> {
    Some(Decimal::from(1500))
}

#[tokio::test]
async fn applying_nigeria_to_the_kenya_example_lists_every_change() {
    let (_dir, state) = started().await;
    let store = state.store().unwrap();
    // The currency changes and Nigeria's preset has no spot rate: the user must give one.
    let error = presets::apply_market_preset(store, KENYA, "NG", None)
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NeedsFxSpot);
    assert_eq!(
        error.message,
        "the NG preset has no USD/NGN spot rate: enter today's rate"
    );
    assert_eq!(error.fields[0].path, "market.fx_spot");
    let error = presets::apply_market_preset(store, KENYA, "NG", Some(Decimal::ZERO))
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NeedsFxSpot);

    let applied = presets::apply_market_preset(store, KENYA, "NG", naira())
        .await
        .unwrap();
    assert_eq!(applied.preset.country, "NG");
    assert_eq!(applied.preset.origin, PresetOrigin::Shipped);

    let changes = &applied.changes;
    assert_eq!(
        before_after(change(changes, "market.country")),
        (Some("KE"), Some("NG"))
    );
    assert_eq!(
        before_after(change(changes, "market.currency")),
        (Some("KES"), Some("NGN"))
    );
    assert_eq!(
        before_after(change(changes, "market.inflation")),
        (Some("0.045"), Some("0.332"))
    );
    assert_eq!(
        before_after(change(changes, "market.dividend_withholding.non_resident")),
        (Some("0.15"), Some("0.10"))
    );
    // The China treaty is in force in Nigeria (7.5 %), not in Kenya.
    assert_eq!(
        before_after(change(changes, "market.dividend_withholding.treaties[0]")),
        (None, Some(r#"{"country":"CN","rate":"0.075"}"#))
    );
    assert_eq!(
        before_after(change(changes, "market.preset")),
        (None, Some(r#"{"country":"NG","version":"2026-11"}"#))
    );
    // Both tax corporate income at 30 %: not a change, however the rate is written.
    assert_eq!(change(changes, "market.corporate_tax_rate"), None);
    // The user's rate, and the dealer now resident in Nigeria.
    assert_eq!(
        before_after(change(changes, "market.fx_spot")),
        (Some("129"), Some("1500"))
    );
    assert_eq!(applied.moved, ["dealer"]);
    assert_eq!(
        before_after(change(changes, "parties[1].home_country")),
        (Some("KE"), Some("NG"))
    );
    // Local amounts keep their dollar value: year 1's rates are 129 × 1.045 / 1.025 KES and
    // 1500 × 1.332 / 1.025 NGN per USD, so KES 520,000 is NGN 520,000 × 1998 / 134.805.
    assert!(applied.rebased.iter().any(|p| p == "plan.retail_price"));
    assert_eq!(
        before_after(change(changes, "plan.retail_price")),
        (Some("520000"), Some("7707133"))
    );

    // Nigeria's preset gives no reduced rate: the deal keeps Kenya's and the app asks.
    assert!(
        applied.unknown.iter().any(|f| f == "tax_incentive"),
        "{:?}",
        applied.unknown
    );
    assert!(!applied.unknown.iter().any(|f| f == "fx_spot"));

    let deal: Deal = read_deal(&applied.deal_json).unwrap();
    assert_eq!(deal.market.country, "NG");
    assert_eq!(deal.market.corporate_tax_rate.to_string(), "0.30");
    let (evaluation, _) = evaluated(&applied.deal_json);
    assert!(
        warning_codes(&evaluation).contains(&"technology_fee_refused_on_ckd"),
        "{:?}",
        warning_codes(&evaluation)
    );

    let error = presets::apply_market_preset(store, KENYA, "ZZ", None)
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
    let error = presets::apply_market_preset(store, "{ not json", "NG", naira())
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidDeal);
}

#[tokio::test]
async fn kenya_on_kenya_needs_no_rate_and_asks_for_the_values_the_preset_lacks() {
    let (_dir, state) = started().await;
    let store = state.store().unwrap();
    let applied = presets::apply_market_preset(store, KENYA, "KE", None)
        .await
        .unwrap();
    // The same currency: nothing converted, the deal's own rate kept and asked about.
    assert!(applied.rebased.is_empty() && applied.moved.is_empty());
    assert!(
        applied.unknown.iter().any(|f| f == "fx_spot"),
        "{:?}",
        applied.unknown
    );
    assert_eq!(change(&applied.changes, "market.fx_spot"), None);
    assert_eq!(change(&applied.changes, "market.country"), None);
    assert_eq!(
        before_after(change(&applied.changes, "market.preset")),
        (None, Some(r#"{"country":"KE","version":"2025-02"}"#))
    );
}

#[test]
fn the_templates_are_the_four_kinds_of_manufacturer_and_each_evaluates() {
    let all = templates::templates().unwrap();
    let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "e3w-ckd-dealer",
            "motorcycle-assembly",
            "coatings-blending",
            "machinery-service"
        ]
    );
    assert_eq!(
        all[0].name,
        "Electric three-wheeler CKD assembly with a dealer network"
    );
    for template in &all {
        let (evaluation, _) = evaluated(&template.deal_json);
        assert!(
            evaluation.warnings.is_empty(),
            "{}: {:?}",
            template.id,
            warning_codes(&evaluation)
        );
    }
}

#[tokio::test]
async fn a_template_on_nigeria_is_a_working_deal_with_the_ckd_guardrail() {
    let (_dir, state) = started().await;
    let store = state.store().unwrap();
    let error = templates::new_deal_from_template(store, "e3w-ckd-dealer", "NG", None)
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NeedsFxSpot);
    let deal = templates::new_deal_from_template(store, "e3w-ckd-dealer", "NG", naira())
        .await
        .unwrap();
    assert_eq!(deal.id, "e3w-ckd-dealer");
    assert_eq!(
        (deal.country.as_str(), deal.market.as_str()),
        ("NG", "Nigeria")
    );
    let parsed = read_deal(&deal.deal_json).unwrap();
    let used = parsed.market.preset.clone().unwrap();
    assert_eq!(
        (used.country.as_str(), used.version.as_str()),
        ("NG", "2026-11")
    );

    let (evaluation, data_age) = evaluated(&deal.deal_json);
    let guardrail = evaluation
        .warnings
        .iter()
        .find(|w| w.code == "technology_fee_refused_on_ckd")
        .expect("NOTAP's refusal of fees on plain CKD assembly is flagged");
    assert!(guardrail.source.as_deref().is_some_and(|s| !s.is_empty()));
    // Nigeria's inflation is the World Bank's 2024 figure: 34 months old on 2026-11-29.
    let inflation = data_age.iter().find(|v| v.field == "inflation").unwrap();
    assert_eq!(
        (inflation.as_of.as_str(), inflation.months_old),
        ("2024", 34)
    );

    // The same template on Kenya raises no such flag.
    let kenya = templates::new_deal_from_template(store, "e3w-ckd-dealer", "KE", None)
        .await
        .unwrap();
    let (evaluation, _) = evaluated(&kenya.deal_json);
    assert!(
        !warning_codes(&evaluation).contains(&"technology_fee_refused_on_ckd"),
        "{:?}",
        warning_codes(&evaluation)
    );

    let error = templates::new_deal_from_template(store, "bakery", "NG", naira())
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(error.message, "there is no deal template \"bakery\"");
}

#[tokio::test]
async fn the_banner_says_when_a_newer_preset_is_in_use_than_the_deals() {
    let (_dir, state) = started().await;
    let store = state.store().unwrap();
    // The example was not made from a preset.
    assert_eq!(presets::preset_status(store, KENYA).await.unwrap(), None);

    let on_kenya = presets::apply_market_preset(store, KENYA, "KE", None)
        .await
        .unwrap()
        .deal_json;
    let status = presets::preset_status(store, &on_kenya)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            status.country.as_str(),
            status.deal_version.as_str(),
            status.current_version.as_str(),
            status.newer_available
        ),
        ("KE", "2025-02", "2025-02", false)
    );

    // The user saves a newer Kenya preset: the deal's is now the older one.
    let mut newer = presets::market_preset(store, "KE").await.unwrap();
    newer.version = "2026-06".to_owned();
    newer.values.inflation.value = "0.041".to_owned();
    newer.values.inflation.as_of = "2026-06".to_owned();
    let saved = presets::save_market_preset(store, &newer).await.unwrap();
    assert_eq!(
        (saved.origin, saved.version.as_str()),
        (PresetOrigin::User, "2026-06")
    );
    let status = presets::preset_status(store, &on_kenya)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (status.current_version.as_str(), status.newer_available),
        ("2026-06", true)
    );

    // Applying it again shows the difference and brings the deal up to date.
    let update = presets::apply_market_preset(store, &on_kenya, "KE", None)
        .await
        .unwrap();
    assert_eq!(
        before_after(change(&update.changes, "market.inflation")),
        (Some("0.045"), Some("0.041"))
    );
    assert_eq!(
        before_after(change(&update.changes, "market.preset.version")),
        (Some("2025-02"), Some("2026-06"))
    );
    let status = presets::preset_status(store, &update.deal_json)
        .await
        .unwrap()
        .unwrap();
    assert!(!status.newer_available);

    // Going back to the shipped preset: the deal on 2026-06 is not behind it.
    let accepted = presets::accept_shipped_preset(store, "KE").await.unwrap();
    assert_eq!(
        (accepted.origin, accepted.version.as_str()),
        (PresetOrigin::Shipped, "2025-02")
    );
    let status = presets::preset_status(store, &update.deal_json)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (status.current_version.as_str(), status.newer_available),
        ("2025-02", false)
    );

    let error = presets::preset_status(store, "{ not json")
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidDeal);
}

#[tokio::test]
async fn a_preset_that_breaks_the_rules_is_refused_with_each_problem_at_its_key() {
    let (_dir, state) = started().await;
    let store = state.store().unwrap();
    let mut broken = presets::market_preset(store, "KE").await.unwrap();
    broken.values.corporate_tax_rate.value = "30".to_owned();
    broken.values.inflation.source = String::new();
    let error = presets::save_market_preset(store, &broken)
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidPreset);
    assert_eq!(error.message, "the preset for KE has 2 problem(s)");
    let keys: Vec<&str> = error.fields.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        keys,
        ["values.corporate_tax_rate.value", "values.inflation.source"]
    );
    let list = presets::market_presets(store).await.unwrap();
    let kenya = list.iter().find(|p| p.country == "KE").unwrap();
    assert_eq!(kenya.origin, PresetOrigin::Shipped, "nothing was saved");

    let error = presets::accept_shipped_preset(store, "ZM")
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
}

#[test]
fn the_data_age_lists_values_older_than_a_year_on_the_day_given() {
    let mut deal: Deal = read_deal(KENYA).unwrap();
    jv_markets::apply_preset(&mut deal, &jv_markets::shipped_preset("KE").unwrap());
    let json = serde_json::to_string(&deal).unwrap();
    let (_, data_age) = evaluated(&json);
    let tax = data_age
        .iter()
        .find(|v| v.field == "corporate_tax_rate")
        .unwrap();
    assert_eq!((tax.as_of.as_str(), tax.months_old), ("2025-02-18", 21));
    // A year to the day after PwC's review nothing of it is stale yet.
    let EvaluateOutcome::Evaluated { data_age, .. } = evaluate_deal(&json, "2026-02-18") else {
        panic!("the deal evaluates")
    };
    assert!(
        !data_age.iter().any(|v| v.as_of == "2025-02-18"),
        "{data_age:?}"
    );
    // A deal not made from a preset has no dated values.
    let (_, data_age) = evaluated(KENYA);
    assert!(data_age.is_empty());
}
