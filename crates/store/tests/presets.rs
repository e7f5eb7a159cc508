//! Market presets in the database on real temporary files: the first run, upgrades that
//! offer a newer shipped preset without touching the user's edits, user presets, and saved
//! deals that keep the values they copied.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{kenya, raw, temp_db};
use jv_markets::MarketPreset;
use jv_store::{PresetOrigin, PresetSummary, Store, StoreError};
use sqlx::Connection;

/// The shipped presets with Kenya's replaced by a later version with another tax rate.
fn upgrade(version: &str, tax_rate: &str) -> Vec<MarketPreset> {
    let mut shipped = jv_markets::shipped();
    let kenya = shipped.iter_mut().find(|p| p.country == "KE").unwrap();
    kenya.version = version.to_owned();
    kenya.values.corporate_tax_rate.value = tax_rate.to_owned();
    shipped
}

/// Kenya's preset in use with the user's own tax rate.
async fn edit_kenya(store: &Store, tax_rate: &str) -> MarketPreset {
    let mut edited = store.preset("KE").await.unwrap().unwrap();
    edited.values.corporate_tax_rate.value = tax_rate.to_owned();
    edited.values.corporate_tax_rate.note = Some("our tax adviser's reading".to_owned());
    let summary = store.save_user_preset(&edited).await.unwrap();
    assert_eq!(summary.origin, PresetOrigin::User);
    edited
}

async fn kenya_summary(store: &Store) -> PresetSummary {
    store.preset_summary("KE").await.unwrap().unwrap()
}

fn tax_rate(preset: &MarketPreset) -> &str {
    &preset.values.corporate_tax_rate.value
}

#[tokio::test]
async fn the_first_run_loads_every_shipped_preset() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    assert!(store.list_presets().await.unwrap().is_empty());

    let shipped = jv_markets::shipped();
    store.sync_shipped_presets(&shipped).await.unwrap();
    let list = store.list_presets().await.unwrap();
    let countries: Vec<&str> = list.iter().map(|p| p.country.as_str()).collect();
    assert_eq!(
        countries,
        [
            "AR", "BR", "CI", "CL", "CO", "EG", "ET", "GH", "KE", "MA", "MX", "NG", "PE", "TZ",
            "UG", "ZA"
        ]
    );
    for summary in &list {
        assert_eq!(summary.origin, PresetOrigin::Shipped, "{}", summary.country);
        assert_eq!(summary.newer_shipped, None);
        assert_eq!(summary.user_saved_at, None);
    }
    let kenya = list.iter().find(|p| p.country == "KE").unwrap();
    assert_eq!(
        (kenya.name.as_str(), kenya.currency.as_str()),
        ("Kenya", "KES")
    );
    let nigeria = list.iter().find(|p| p.country == "NG").unwrap();
    assert_eq!(nigeria.currency, "NGN");

    // Every preset comes back exactly as shipped, sources and dates included.
    for preset in &shipped {
        let stored = store.preset(&preset.country).await.unwrap().unwrap();
        assert!(stored == *preset, "{} round-trips", preset.country);
        assert_eq!(
            store
                .shipped_preset_version(&preset.country)
                .await
                .unwrap()
                .as_deref(),
            Some(preset.version.as_str())
        );
    }
    // Codes are looked up as ISO writes them, whatever the case typed.
    assert_eq!(
        store.preset("ke").await.unwrap().unwrap().country,
        "KE",
        "lower case finds Kenya"
    );
    assert_eq!(store.preset("ZZ").await.unwrap(), None);
    assert_eq!(store.shipped_preset_version("ZZ").await.unwrap(), None);

    // The next start finds nothing to do.
    store.sync_shipped_presets(&shipped).await.unwrap();
    assert_eq!(store.list_presets().await.unwrap(), list);
    store.close().await;
}

#[tokio::test]
async fn an_upgrade_updates_a_preset_the_user_did_not_edit() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    store
        .sync_shipped_presets(&jv_markets::shipped())
        .await
        .unwrap();
    let before = store.preset("KE").await.unwrap().unwrap();
    assert_ne!(tax_rate(&before), "0.27");

    store
        .sync_shipped_presets(&upgrade("2099-01", "0.27"))
        .await
        .unwrap();
    let after = store.preset("KE").await.unwrap().unwrap();
    assert_eq!(
        (after.version.as_str(), tax_rate(&after)),
        ("2099-01", "0.27")
    );
    let summary = kenya_summary(&store).await;
    assert_eq!(summary.version, "2099-01");
    assert_eq!(summary.origin, PresetOrigin::Shipped);
    assert_eq!(
        summary.newer_shipped, None,
        "nothing to offer: it is in use"
    );

    // An older JV Studio started on the same file later never downgrades the shipped copy.
    store
        .sync_shipped_presets(&jv_markets::shipped())
        .await
        .unwrap();
    assert_eq!(
        store.shipped_preset_version("KE").await.unwrap().as_deref(),
        Some("2099-01")
    );
    assert_eq!(
        tax_rate(&store.preset("KE").await.unwrap().unwrap()),
        "0.27"
    );
    // The other countries were not touched.
    let nigeria = jv_markets::shipped_preset("NG").unwrap();
    assert!(store.preset("NG").await.unwrap().unwrap() == nigeria);
    store.close().await;
}

#[tokio::test]
async fn an_upgrade_offers_a_newer_preset_and_keeps_the_users_edits() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let shipped_version = jv_markets::shipped_preset("KE").unwrap().version;
    store
        .sync_shipped_presets(&jv_markets::shipped())
        .await
        .unwrap();
    let edited = edit_kenya(&store, "0.25").await;
    let summary = kenya_summary(&store).await;
    assert_eq!(summary.origin, PresetOrigin::User);
    assert_eq!(summary.version, shipped_version);
    assert_eq!(summary.newer_shipped, None);
    let saved_at = summary.user_saved_at.clone().unwrap();
    assert!(
        saved_at.ends_with('Z') && saved_at.as_bytes()[10] == b'T',
        "{saved_at}"
    );

    // JV Studio is upgraded and ships a newer Kenya preset.
    store.close().await;
    let store = Store::open(&path).await.unwrap();
    store
        .sync_shipped_presets(&upgrade("2099-01", "0.27"))
        .await
        .unwrap();
    let in_use = store.preset("KE").await.unwrap().unwrap();
    assert!(in_use == edited, "the user's copy is still the one in use");
    assert_eq!(tax_rate(&in_use), "0.25");
    let summary = kenya_summary(&store).await;
    assert_eq!(summary.origin, PresetOrigin::User);
    assert_eq!(summary.version, shipped_version);
    assert_eq!(summary.newer_shipped.as_deref(), Some("2099-01"));
    assert_eq!(summary.user_saved_at.as_deref(), Some(saved_at.as_str()));
    assert_eq!(
        store.shipped_preset_version("KE").await.unwrap().as_deref(),
        Some("2099-01")
    );

    // Another start changes nothing; saving another edit is not accepting the offer.
    store
        .sync_shipped_presets(&upgrade("2099-01", "0.27"))
        .await
        .unwrap();
    edit_kenya(&store, "0.26").await;
    let summary = kenya_summary(&store).await;
    assert_eq!(summary.newer_shipped.as_deref(), Some("2099-01"));
    assert_eq!(
        tax_rate(&store.preset("KE").await.unwrap().unwrap()),
        "0.26"
    );

    // Accepting drops the user's copy and puts the newest shipped preset in use.
    let accepted = store.accept_shipped_preset("ke").await.unwrap();
    assert_eq!(accepted.origin, PresetOrigin::Shipped);
    assert_eq!(accepted.version, "2099-01");
    assert_eq!(accepted.newer_shipped, None);
    assert_eq!(accepted.user_saved_at, None);
    let in_use = store.preset("KE").await.unwrap().unwrap();
    assert_eq!(
        (in_use.version.as_str(), tax_rate(&in_use)),
        ("2099-01", "0.27")
    );
    assert_eq!(kenya_summary(&store).await, accepted);
    store.close().await;
}

#[tokio::test]
async fn the_user_can_create_a_preset_for_another_country() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    store
        .sync_shipped_presets(&jv_markets::shipped())
        .await
        .unwrap();
    let mut zambia = store.preset("KE").await.unwrap().unwrap();
    zambia.country = "ZM".to_owned();
    zambia.name = "Zambia".to_owned();
    zambia.currency = "ZMW".to_owned();
    zambia.version = "2026-03".to_owned();
    let summary = store.save_user_preset(&zambia).await.unwrap();
    assert_eq!(
        (
            summary.country.as_str(),
            summary.name.as_str(),
            summary.currency.as_str(),
            summary.version.as_str(),
            summary.origin
        ),
        ("ZM", "Zambia", "ZMW", "2026-03", PresetOrigin::User)
    );
    assert_eq!(store.list_presets().await.unwrap().len(), 17);
    assert!(store.preset("ZM").await.unwrap().unwrap() == zambia);
    assert_eq!(store.shipped_preset_version("ZM").await.unwrap(), None);

    // There is no shipped preset to go back to.
    let error = store.accept_shipped_preset("ZM").await.unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(error.to_string(), "a shipped preset for ZM was not found");
    assert!(store.preset("ZM").await.unwrap().unwrap() == zambia);

    // A later JV Studio that ships Zambia offers its preset; the user's stays in use.
    let mut shipped = jv_markets::shipped();
    let mut official = zambia.clone();
    official.version = "2026-09".to_owned();
    official.values.corporate_tax_rate.value = "0.30".to_owned();
    shipped.push(official);
    store.sync_shipped_presets(&shipped).await.unwrap();
    let summary = store.preset_summary("ZM").await.unwrap().unwrap();
    assert_eq!(summary.origin, PresetOrigin::User);
    assert_eq!(summary.newer_shipped.as_deref(), Some("2026-09"));
    assert!(store.preset("ZM").await.unwrap().unwrap() == zambia);
    store.close().await;
}

#[tokio::test]
async fn a_preset_that_breaks_the_preset_file_rules_is_refused() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    store
        .sync_shipped_presets(&jv_markets::shipped())
        .await
        .unwrap();
    let shipped_kenya = store.preset("KE").await.unwrap().unwrap();

    let mut broken = shipped_kenya.clone();
    broken.values.corporate_tax_rate.value = "1.5".to_owned();
    let error = store.save_user_preset(&broken).await.unwrap_err();
    assert!(
        matches!(&error, StoreError::InvalidPreset { message } if message.contains("corporate_tax_rate")),
        "{error}"
    );
    assert_eq!(error.code(), "invalid_preset");

    let mut undated = shipped_kenya.clone();
    undated.values.inflation.as_of = "last year".to_owned();
    let error = store.save_user_preset(&undated).await.unwrap_err();
    assert_eq!(error.code(), "invalid_preset", "{error}");

    // Nothing was saved.
    assert_eq!(kenya_summary(&store).await.origin, PresetOrigin::Shipped);
    assert!(store.preset("KE").await.unwrap().unwrap() == shipped_kenya);
    store.close().await;
}

#[tokio::test]
async fn a_saved_deal_keeps_its_copied_values_when_the_preset_changes() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    store
        .sync_shipped_presets(&jv_markets::shipped())
        .await
        .unwrap();
    let preset = store.preset("KE").await.unwrap().unwrap();
    let mut deal = kenya();
    jv_markets::apply_preset(&mut deal, &preset);
    let copied = deal.market.clone();
    let used = copied.preset.clone().unwrap();
    assert_eq!(
        (used.country.as_str(), used.version.as_str()),
        ("KE", preset.version.as_str())
    );
    let meta = store
        .create_deal(&deal, Some("on the Kenya preset"))
        .await
        .unwrap();

    // The preset changes twice: the user's edit, then an upgrade the user accepts.
    edit_kenya(&store, "0.25").await;
    store
        .sync_shipped_presets(&upgrade("2099-01", "0.27"))
        .await
        .unwrap();
    store.accept_shipped_preset("KE").await.unwrap();
    assert_eq!(
        tax_rate(&store.preset("KE").await.unwrap().unwrap()),
        "0.27"
    );

    let saved = store.open_version(&meta.deal_id, 1).await.unwrap();
    assert!(
        saved.deal == deal,
        "the saved version is the deal as it was saved"
    );
    assert!(saved.deal.market == copied);
    assert_eq!(
        saved.deal.market.corporate_tax_rate, copied.corporate_tax_rate,
        "the copied tax rate stays"
    );
    assert_eq!(saved.deal.market.preset, Some(used));
    store.close().await;
}

#[tokio::test]
async fn a_schema_1_database_is_upgraded_with_its_deals_kept() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let meta = store.create_deal(&kenya(), None).await.unwrap();
    store.close().await;
    // Take the file back to what JV Studio wrote before presets existed.
    let mut conn = raw(&path).await;
    sqlx::query("DROP TABLE market_presets")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = 2")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    let store = Store::open(&path).await.unwrap();
    store
        .sync_shipped_presets(&jv_markets::shipped())
        .await
        .unwrap();
    assert_eq!(store.list_presets().await.unwrap().len(), 16);
    let deal = store.open_version(&meta.deal_id, 1).await.unwrap().deal;
    assert!(deal == kenya());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_apps_starting_at_once_both_load_the_presets() {
    let (_dir, path) = temp_db();
    Store::open(&path).await.unwrap().close().await;
    let shipped = jv_markets::shipped();
    let (a, b) = (
        Store::open(&path).await.unwrap(),
        Store::open(&path).await.unwrap(),
    );
    let (left, right) = tokio::join!(
        a.sync_shipped_presets(&shipped),
        b.sync_shipped_presets(&shipped)
    );
    left.unwrap();
    right.unwrap();
    assert_eq!(a.list_presets().await.unwrap().len(), 16);
    a.close().await;
    b.close().await;
}
