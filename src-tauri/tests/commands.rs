//! The command bodies, called without a window on a temporary database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_store::{DealFilter, Store};
use jv_studio::api::evaluate::{EvaluateOutcome, evaluate_deal};
use jv_studio::api::settings::SettingKey;
use jv_studio::api::{deals, examples, files, settings};
use jv_studio::error::ErrorCode;
use jv_studio::state::AppState;

const KENYA: &str = include_str!("../../examples/kenya-e3w-ckd.jvdeal");
/// A fixed "today" for the data age, so no result depends on when the tests run.
const TODAY: &str = "2026-11-29";

fn with_dealer_margin(margin: &str) -> String {
    let text = KENYA.replacen(
        "\"dealer_margin\": \"0.10\"",
        &format!("\"dealer_margin\": \"{margin}\""),
        1,
    );
    assert_ne!(text, KENYA, "the example's dealer margin was found");
    text
}

fn dealer_cash_irr(deal_json: &str) -> String {
    match evaluate_deal(deal_json, TODAY) {
        EvaluateOutcome::Evaluated { evaluation, .. } => {
            let dealer = evaluation
                .parties
                .iter()
                .find(|p| p.id == "dealer")
                .unwrap();
            dealer.views.cash.irr.unwrap().round_dp(4).to_string()
        }
        EvaluateOutcome::Invalid { errors } => panic!("Kenya should evaluate: {errors:?}"),
    }
}

async fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("deals.db")).await.unwrap();
    (dir, store)
}

#[test]
fn a_higher_dealer_margin_raises_the_dealers_irr() {
    let base = dealer_cash_irr(KENYA);
    let higher = dealer_cash_irr(&with_dealer_margin("0.14"));
    assert!(
        higher.parse::<f64>().unwrap() > base.parse::<f64>().unwrap(),
        "{base} → {higher}"
    );
}

#[test]
fn an_invalid_deal_is_an_outcome_with_paths() {
    let outcome = evaluate_deal(&with_dealer_margin("1.5"), TODAY);
    let EvaluateOutcome::Invalid { errors } = outcome else {
        panic!("a 150 % dealer margin is invalid")
    };
    assert_eq!(errors[0].path, "agreements.distribution.dealer_margin");
}

#[test]
fn broken_json_is_one_error_for_the_whole_deal() {
    let EvaluateOutcome::Invalid { errors } = evaluate_deal("{ not json", TODAY) else {
        panic!("not JSON")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "");
    assert!(
        errors[0].message.contains("not valid JSON"),
        "{}",
        errors[0].message
    );
}

#[test]
fn every_example_and_the_blank_deal_evaluate() {
    let all = examples::examples().unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(all[0].id, "kenya-e3w-ckd");
    assert_eq!(all[0].country, "KE");
    for example in all.iter().chain([&examples::blank_deal().unwrap()]) {
        assert!(
            matches!(
                evaluate_deal(&example.deal_json, TODAY),
                EvaluateOutcome::Evaluated { .. }
            ),
            "{} evaluates",
            example.id
        );
    }
}

#[tokio::test]
async fn save_list_open_and_compare_versions() {
    let (_dir, store) = temp_store().await;
    let v1 = deals::create_deal(&store, KENYA, Some("first terms"))
        .await
        .unwrap();
    assert_eq!(v1.number, 1);
    let v2 = deals::save_version(&store, &v1.deal_id, &with_dealer_margin("0.14"), None)
        .await
        .unwrap();
    assert_eq!(v2.number, 2);

    let list = deals::list_deals(
        &store,
        &DealFilter {
            search: Some("kenya".into()),
            archived: false,
        },
    )
    .await
    .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].latest_version, 2);
    assert_eq!(list[0].figures.len(), 2);

    let old = deals::open_version(&store, &v1.deal_id, 1).await.unwrap();
    assert_eq!(old.meta.note.as_deref(), Some("first terms"));
    assert_eq!(
        old.deal
            .agreements
            .distribution
            .as_ref()
            .unwrap()
            .dealer_margin
            .to_string(),
        "0.10"
    );

    let diff = deals::compare_versions(&store, &v1.deal_id, 1, 2)
        .await
        .unwrap();
    let change = diff
        .inputs
        .iter()
        .find(|c| c.path == "agreements.distribution.dealer_margin")
        .expect("the dealer margin is listed as changed");
    assert_eq!(change.before.as_deref(), Some("0.10"));
    assert_eq!(change.after.as_deref(), Some("0.14"));
    let dealer = diff
        .parties
        .iter()
        .find(|p| p.party_id == "dealer")
        .unwrap();
    let before = dealer.before.as_ref().unwrap().npv_cash.unwrap();
    let after = dealer.after.as_ref().unwrap().npv_cash.unwrap();
    assert!(after > before, "dealer NPV {before} → {after}");
}

#[tokio::test]
async fn a_deal_with_field_errors_can_be_saved_as_work_in_progress() {
    let (_dir, store) = temp_store().await;
    let meta = deals::create_deal(&store, &with_dealer_margin("1.5"), None)
        .await
        .unwrap();
    assert!(!meta.evaluated);
}

#[tokio::test]
async fn a_deal_that_does_not_fit_the_format_is_refused_with_its_field() {
    let (_dir, store) = temp_store().await;
    let text = KENYA.replacen("\"horizon_years\"", "\"horizon_yeers\"", 1);
    let error = deals::create_deal(&store, &text, None).await.unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidDeal);
    assert!(
        error
            .fields
            .iter()
            .any(|f| f.message.contains("horizon_years")),
        "{error:?}"
    );
    let list = deals::list_deals(
        &store,
        &DealFilter {
            search: None,
            archived: false,
        },
    )
    .await
    .unwrap();
    assert!(list.is_empty());
}

#[tokio::test]
async fn creating_a_deal_clears_the_new_deal_draft() {
    let (_dir, store) = temp_store().await;
    deals::save_draft(&store, None, "{\"name\": \"half typed")
        .await
        .unwrap();
    assert_eq!(deals::drafts(&store).await.unwrap().len(), 1);
    deals::create_deal(&store, KENYA, None).await.unwrap();
    assert!(deals::drafts(&store).await.unwrap().is_empty());
}

#[tokio::test]
async fn settings_roundtrip_and_refuse_unknown_values() {
    let (_dir, store) = temp_store().await;
    assert_eq!(settings::settings(&store).await.unwrap().language, None);
    settings::set_setting(&store, SettingKey::Language, "zh-CN")
        .await
        .unwrap();
    settings::set_setting(&store, SettingKey::ChineseUnits, "true")
        .await
        .unwrap();
    let now = settings::settings(&store).await.unwrap();
    assert_eq!(now.language.as_deref(), Some("zh-CN"));
    assert!(now.chinese_units);
    let error = settings::set_setting(&store, SettingKey::Language, "fr")
        .await
        .unwrap_err();
    assert!(error.message.contains("en, zh-CN"), "{}", error.message);
}

#[test]
fn import_reads_good_files_and_names_the_problem_with_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("kenya.jvdeal");
    std::fs::write(&good, KENYA).unwrap();
    let imported = files::import_deal_file(&good).unwrap();
    assert_eq!(imported.file_name, "kenya.jvdeal");
    assert_eq!(imported.name, "Kenya e-three-wheeler CKD assembly JV");

    let broken = dir.path().join("broken.jvdeal");
    std::fs::write(&broken, KENYA.replacen("\"plan\"", "\"plann\"", 1)).unwrap();
    let error = files::import_deal_file(&broken).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidDeal);
    assert!(
        error.fields.iter().any(|f| f.message.contains("plann")),
        "{error:?}"
    );

    let newer = dir.path().join("newer.jvdeal");
    std::fs::write(
        &newer,
        KENYA.replacen("\"schema_version\": 1", "\"schema_version\": 7", 1),
    )
    .unwrap();
    assert_eq!(
        files::import_deal_file(&newer).unwrap_err().code,
        ErrorCode::NewerFile
    );

    let missing = files::import_deal_file(&dir.path().join("nope.jvdeal")).unwrap_err();
    assert_eq!(missing.code, ErrorCode::FileAccess);
    assert!(
        missing.message.contains("nope.jvdeal"),
        "{}",
        missing.message
    );

    let binary = dir.path().join("binary.jvdeal");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let error = files::import_deal_file(&binary).unwrap_err();
    assert_eq!(error.code, ErrorCode::FileAccess);
    assert!(error.message.contains("UTF-8"), "{}", error.message);
}

#[test]
fn export_writes_a_file_that_imports_back_to_the_same_deal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.jvdeal");
    files::export_deal_file(&path, KENYA).unwrap();
    let back = files::import_deal_file(&path).unwrap();
    let original: jv_engine::Deal = jv_engine::read_deal(KENYA).unwrap();
    assert_eq!(jv_engine::read_deal(&back.deal_json).unwrap(), original);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no partial file is left behind");
}

#[tokio::test]
async fn a_database_that_cannot_be_opened_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-database.db");
    std::fs::write(&path, "this is a text file, not SQLite").unwrap();
    let state = AppState::open(path.clone()).await;
    let error = state.store().err().expect("the store is unavailable");
    assert_eq!(error.code, ErrorCode::DatabaseUnavailable);
    let status = state.status();
    assert!(status.database_error.is_some());
    assert_eq!(status.database_path, path.display().to_string());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "this is a text file, not SQLite"
    );
}
