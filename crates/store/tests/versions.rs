//! Versions, the deal list, drafts and settings on a real temporary SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::str::FromStr;

use common::{BRAZIL, NIGERIA, deal, kenya, raw, temp_db};
use jv_store::{DealFilter, InputChange, Store, StoreError};
use rust_decimal::Decimal;
use sqlx::Connection;

fn active(search: Option<&str>) -> DealFilter {
    DealFilter {
        search: search.map(str::to_owned),
        archived: false,
    }
}

fn names(items: &[jv_store::DealListItem]) -> Vec<&str> {
    items.iter().map(|i| i.name.as_str()).collect()
}

#[tokio::test]
async fn saves_number_versions_and_keep_the_first_one_exact() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.path(), path);
    assert!(path.exists(), "open creates the file and its folder");

    let original = kenya();
    let v1 = store
        .create_deal(&original, Some("first offer"))
        .await
        .unwrap();
    assert_eq!((v1.number, v1.evaluated), (1, true));
    assert_eq!(v1.note.as_deref(), Some("first offer"));
    let id = v1.deal_id.clone();
    assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4);

    let mut changed = original.clone();
    changed.plan.payout_ratio = Decimal::from_str("0.6").unwrap();
    let v2 = store
        .save_version(&id, &changed, Some("higher payout"))
        .await
        .unwrap();
    changed.name = "Kenya JV, second round".to_owned();
    let v3 = store.save_version(&id, &changed, None).await.unwrap();
    assert_eq!((v2.number, v3.number), (2, 3));
    assert_eq!(v3.note, None);
    assert!(v1.saved_at < v2.saved_at && v2.saved_at < v3.saved_at);
    // ISO 8601 UTC with milliseconds, from SQLite's clock.
    assert_eq!(v3.saved_at.len(), "2026-11-01T10:00:00.000Z".len());
    assert!(v3.saved_at.ends_with('Z') && v3.saved_at.as_bytes()[10] == b'T');

    let listed = store.list_versions(&id).await.unwrap();
    assert_eq!(listed, vec![v3.clone(), v2.clone(), v1.clone()]);

    let first = store.open_version(&id, 1).await.unwrap();
    assert_eq!(first.meta, v1);
    assert!(
        first.deal == original,
        "version 1 is the deal exactly as saved"
    );
    let latest = store.latest_version(&id).await.unwrap();
    assert_eq!(latest.meta, v3);
    assert_eq!(latest.deal, changed);

    let items = store.list_deals(&active(None)).await.unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(
        item.name, "Kenya JV, second round",
        "the list follows the newest version"
    );
    assert_eq!(item.market, "KE");
    assert_eq!((item.latest_version, item.version_count), (3, 3));
    assert_eq!(item.created_at, v1.saved_at);
    assert_eq!(item.last_saved, v3.saved_at);
    assert!(!item.archived);

    let missing = store.open_version(&id, 4).await.unwrap_err();
    assert_eq!(missing.code(), "not_found");
    assert_eq!(
        missing.to_string(),
        format!("version 4 of deal {id} was not found")
    );
    let unknown = store
        .save_version("no-such-deal", &original, None)
        .await
        .unwrap_err();
    assert_eq!(
        unknown,
        StoreError::NotFound {
            what: "deal no-such-deal".to_owned()
        }
    );
    assert_eq!(
        store
            .list_versions("no-such-deal")
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
    store.close().await;

    // Reopening finds everything as it was.
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.open_version(&id, 1).await.unwrap().deal, original);
    assert_eq!(store.list_versions(&id).await.unwrap().len(), 3);
    store.close().await;
}

#[tokio::test]
async fn key_figures_come_from_the_engine_at_save_time() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let deal = kenya();
    store.create_deal(&deal, None).await.unwrap();
    let evaluation = jv_engine::evaluate(&deal).unwrap();

    let items = store.list_deals(&active(None)).await.unwrap();
    let figures = &items[0].figures;
    let ids: Vec<&str> = figures.iter().map(|f| f.party_id.as_str()).collect();
    assert_eq!(ids, ["maker", "dealer"]);
    for (f, party) in figures.iter().zip(&evaluation.parties) {
        let row = evaluation
            .equity
            .parties
            .iter()
            .find(|r| r.id == party.id)
            .unwrap();
        assert_eq!(f.name, party.name);
        assert_eq!(f.share_percent, Some(row.percent));
        assert_eq!(f.npv_cash, Some(party.views.cash.npv));
        assert_eq!(f.irr_cash, party.views.cash.irr);
        assert_eq!(f.npv_economic, Some(party.views.economic.npv));
        assert_eq!(f.irr_economic, party.views.economic.irr);
    }
    let shares: Decimal = figures.iter().map(|f| f.share_percent.unwrap()).sum();
    assert_eq!(shares.round_dp(6), Decimal::ONE_HUNDRED);

    // Stored as canonical text: no trailing zeros, exactly the engine's digits.
    let mut conn = raw(&path).await;
    let stored: Vec<Option<String>> =
        sqlx::query_scalar("SELECT npv_cash FROM version_figures ORDER BY ordinal")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    for (text, party) in stored.iter().zip(&evaluation.parties) {
        assert_eq!(
            text.as_deref(),
            Some(party.views.cash.npv.normalize().to_string().as_str())
        );
    }
    conn.close().await.unwrap();
    store.close().await;
}

#[tokio::test]
async fn versions_cannot_be_changed_or_deleted_even_with_raw_sql() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let id = store
        .create_deal(&kenya(), Some("keep me"))
        .await
        .unwrap()
        .deal_id;
    store.close().await;

    let mut conn = raw(&path).await;
    for sql in [
        "UPDATE versions SET note = 'rewritten'",
        "UPDATE versions SET deal_json = '{}'",
        "DELETE FROM versions",
        "UPDATE version_figures SET npv_cash = '1'",
        "DELETE FROM version_figures",
    ] {
        let error = sqlx::query(sql).execute(&mut conn).await.unwrap_err();
        let db = error.as_database_error().expect(sql);
        assert_eq!(db.message(), "versions are immutable", "{sql}");
    }
    let kept: (String, i64) =
        sqlx::query_as("SELECT note, (SELECT COUNT(*) FROM version_figures) FROM versions")
            .fetch_one(&mut conn)
            .await
            .unwrap();
    assert_eq!(kept, ("keep me".to_owned(), 2));
    // The file-level settings the store chose: WAL is persistent, so any connection sees it.
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(journal, "wal");
    conn.close().await.unwrap();

    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.list_versions(&id).await.unwrap().len(), 1);
    store.close().await;
}

#[tokio::test]
async fn the_list_searches_literally_and_ignores_case() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let named = |name: &str| {
        let mut d = kenya();
        d.name = name.to_owned();
        d
    };
    let plain = named("Kenya e-three-wheeler JV");
    let percent = named("100% local_assembly");
    let lookalike = named("100X localXassembly");
    let accented = named("São Paulo cargo JV");
    for d in [&plain, &percent, &lookalike, &accented] {
        store.create_deal(d, None).await.unwrap();
    }

    let search = |s: &'static str| {
        let store = store.clone();
        async move { store.list_deals(&active(Some(s))).await.unwrap() }
    };
    assert_eq!(names(&search("KENYA").await), ["Kenya e-three-wheeler JV"]);
    assert_eq!(names(&search("0% l").await), ["100% local_assembly"]);
    assert_eq!(names(&search("%").await), ["100% local_assembly"]);
    assert_eq!(names(&search("l_a").await), ["100% local_assembly"]);
    assert_eq!(names(&search("_").await), ["100% local_assembly"]);
    // SQLite's LIKE folds ASCII only; the store folds every letter.
    assert_eq!(names(&search("SÃO PAULO").await), ["São Paulo cargo JV"]);
    assert!(search("nothing like it").await.is_empty());
    // Blank search lists everything, newest saved first.
    assert_eq!(
        names(&search("  ").await),
        [
            "São Paulo cargo JV",
            "100X localXassembly",
            "100% local_assembly",
            "Kenya e-three-wheeler JV"
        ]
    );
    store.close().await;
}

#[tokio::test]
async fn archiving_moves_a_deal_between_the_lists_and_saving_moves_it_to_the_top() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let kenya_id = store.create_deal(&kenya(), None).await.unwrap().deal_id;
    let brazil_id = store
        .create_deal(&deal(BRAZIL), None)
        .await
        .unwrap()
        .deal_id;
    let nigeria_id = store
        .create_deal(&deal(NIGERIA), None)
        .await
        .unwrap()
        .deal_id;
    let ids = |items: Vec<jv_store::DealListItem>| -> Vec<String> {
        items.into_iter().map(|i| i.id).collect()
    };
    let archived = DealFilter {
        search: None,
        archived: true,
    };

    assert_eq!(
        ids(store.list_deals(&active(None)).await.unwrap()),
        [nigeria_id.clone(), brazil_id.clone(), kenya_id.clone()]
    );
    store
        .save_version(&kenya_id, &kenya(), Some("again"))
        .await
        .unwrap();
    assert_eq!(
        ids(store.list_deals(&active(None)).await.unwrap()),
        [kenya_id.clone(), nigeria_id.clone(), brazil_id.clone()]
    );

    store.set_archived(&brazil_id, true).await.unwrap();
    assert_eq!(
        ids(store.list_deals(&active(None)).await.unwrap()),
        [kenya_id.clone(), nigeria_id.clone()]
    );
    let archived_items = store.list_deals(&archived).await.unwrap();
    assert_eq!(archived_items.len(), 1);
    assert_eq!(archived_items[0].id, brazil_id);
    assert!(archived_items[0].archived);
    assert_eq!(archived_items[0].market, "BR");
    assert_eq!(
        archived_items[0].figures.len(),
        2,
        "figures survive archiving"
    );

    store.set_archived(&brazil_id, false).await.unwrap();
    assert!(store.list_deals(&archived).await.unwrap().is_empty());
    assert_eq!(store.list_deals(&active(None)).await.unwrap().len(), 3);
    assert_eq!(
        store
            .set_archived("no-such-deal", true)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
    store.close().await;
}

#[tokio::test]
async fn duplicating_copies_the_newest_version_under_a_new_name() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let id = store.create_deal(&kenya(), None).await.unwrap().deal_id;
    let mut newer = kenya();
    newer.plan.retail_price = Decimal::from(540_000);
    store.save_version(&id, &newer, None).await.unwrap();

    let copy = store
        .duplicate_deal(&id, "Kenya JV — plan B")
        .await
        .unwrap();
    assert_ne!(copy.deal_id, id);
    assert_eq!(copy.number, 1);
    assert_eq!(
        copy.note.as_deref(),
        Some("Copy of “Kenya e-three-wheeler CKD assembly JV”, version 2")
    );
    let copied = store.open_version(&copy.deal_id, 1).await.unwrap().deal;
    let mut expected = newer.clone();
    expected.name = "Kenya JV — plan B".to_owned();
    assert_eq!(copied, expected);
    // The source is untouched.
    assert_eq!(store.list_versions(&id).await.unwrap().len(), 2);
    assert_eq!(store.latest_version(&id).await.unwrap().deal, newer);
    let listed = store.list_deals(&active(Some("plan b"))).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, copy.deal_id);
    assert_eq!(
        store.duplicate_deal("nope", "x").await.unwrap_err().code(),
        "not_found"
    );
    store.close().await;
}

#[tokio::test]
async fn restoring_saves_an_old_version_again_as_the_newest() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let original = kenya();
    let id = store.create_deal(&original, None).await.unwrap().deal_id;
    let mut changed = original.clone();
    changed.plan.retail_price = Decimal::from(600_000);
    store.save_version(&id, &changed, None).await.unwrap();

    let restored = store.restore_version(&id, 1, None).await.unwrap();
    assert_eq!(restored.number, 3);
    assert_eq!(restored.note.as_deref(), Some("Restored from version 1"));
    let v3 = store.open_version(&id, 3).await.unwrap();
    assert_eq!(v3.deal, store.open_version(&id, 1).await.unwrap().deal);
    assert_eq!(v3.deal, original);
    // Same deal, same engine: same figures, and nothing changed in the comparison.
    let diff = store.compare_versions(&id, 1, 3).await.unwrap();
    assert!(diff.inputs.is_empty());
    assert!(
        diff.parties
            .iter()
            .all(|p| p.before == p.after && p.after.is_some())
    );

    let noted = store
        .restore_version(&id, 2, Some("back to the high price"))
        .await
        .unwrap();
    assert_eq!(noted.number, 4);
    assert_eq!(noted.note.as_deref(), Some("back to the high price"));
    assert_eq!(store.latest_version(&id).await.unwrap().deal, changed);
    assert_eq!(
        store
            .restore_version(&id, 9, None)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
    store.close().await;
}

#[tokio::test]
async fn comparing_lists_the_changed_inputs_and_how_each_party_moved() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let original = kenya();
    let id = store.create_deal(&original, None).await.unwrap().deal_id;
    let mut changed = original.clone();
    changed
        .agreements
        .distribution
        .as_mut()
        .unwrap()
        .dealer_margin = Decimal::from_str("0.12").unwrap();
    changed.plan.retail_price = Decimal::from_str("540000").unwrap();
    changed.plan.capex.pop();
    store
        .save_version(&id, &changed, Some("dealer asks 12 %"))
        .await
        .unwrap();

    let diff = store.compare_versions(&id, 1, 2).await.unwrap();
    assert_eq!(
        (diff.deal_id.as_str(), diff.from, diff.to),
        (id.as_str(), 1, 2)
    );
    let change = |path: &str, before: Option<&str>, after: Option<&str>| InputChange {
        path: path.to_owned(),
        before: before.map(str::to_owned),
        after: after.map(str::to_owned),
    };
    assert_eq!(
        diff.inputs,
        [
            change(
                "agreements.distribution.dealer_margin",
                Some("0.10"),
                Some("0.12")
            ),
            change("plan.retail_price", Some("520000"), Some("540000")),
            change(
                "plan.capex[1]",
                Some(
                    r#"{"name":"Fit-out of the leased plant and battery store","amount":"35000000","year":0,"useful_life_years":10}"#
                ),
                None
            ),
        ]
    );

    let parties: Vec<&str> = diff.parties.iter().map(|p| p.party_id.as_str()).collect();
    assert_eq!(parties, ["maker", "dealer"]);
    let dealer = &diff.parties[1];
    assert_eq!(dealer.name, "Nairobi motorcycle and three-wheeler dealer");
    let (before, after) = (
        dealer.before.as_ref().unwrap(),
        dealer.after.as_ref().unwrap(),
    );
    let (npv_before, npv_after) = (before.npv_cash.unwrap(), after.npv_cash.unwrap());
    assert_ne!(npv_before, npv_after);
    let expected_before = jv_engine::evaluate(&original).unwrap().parties[1]
        .views
        .cash
        .npv;
    let expected_after = jv_engine::evaluate(&changed).unwrap().parties[1]
        .views
        .cash
        .npv;
    assert_eq!((npv_before, npv_after), (expected_before, expected_after));

    // The other way round swaps every side.
    let back = store.compare_versions(&id, 2, 1).await.unwrap();
    assert_eq!(
        back.inputs[0],
        change(
            "agreements.distribution.dealer_margin",
            Some("0.12"),
            Some("0.10")
        )
    );
    assert_eq!(
        back.parties[1].before.as_ref().unwrap().npv_cash,
        Some(npv_after)
    );
    assert_eq!(
        store
            .compare_versions(&id, 1, 7)
            .await
            .unwrap_err()
            .to_string(),
        format!("version 7 of deal {id} was not found")
    );
    store.close().await;
}

#[tokio::test]
async fn a_deal_that_does_not_evaluate_is_saved_without_figures() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let mut broken = kenya();
    broken
        .agreements
        .distribution
        .as_mut()
        .unwrap()
        .dealer_margin = Decimal::ONE;
    assert!(
        jv_engine::evaluate(&broken).is_err(),
        "the test needs an invalid deal"
    );

    let v1 = store
        .create_deal(&broken, Some("work in progress"))
        .await
        .unwrap();
    assert!(!v1.evaluated);
    let items = store.list_deals(&active(None)).await.unwrap();
    assert!(items[0].figures.is_empty());
    let record = store.open_version(&v1.deal_id, 1).await.unwrap();
    assert_eq!(record.deal, broken);
    assert!(!record.meta.evaluated);

    let v2 = store
        .save_version(&v1.deal_id, &kenya(), Some("fixed"))
        .await
        .unwrap();
    assert!(v2.evaluated);
    let diff = store.compare_versions(&v1.deal_id, 1, 2).await.unwrap();
    assert_eq!(diff.parties.len(), 2);
    assert!(
        diff.parties
            .iter()
            .all(|p| p.before.is_none() && p.after.is_some())
    );
    assert_eq!(
        store.list_deals(&active(None)).await.unwrap()[0]
            .figures
            .len(),
        2
    );
    store.close().await;
}

#[tokio::test]
async fn drafts_are_upserted_listed_discarded_and_cleared_by_a_save() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let id = store.create_deal(&kenya(), None).await.unwrap().deal_id;
    assert!(store.drafts().await.unwrap().is_empty());

    store
        .save_draft(None, "{\"name\": \"half-typed")
        .await
        .unwrap();
    store.save_draft(Some(&id), "{\"v\": 1}").await.unwrap();
    store.save_draft(Some(&id), "{\"v\": 2}").await.unwrap();
    let drafts = store.drafts().await.unwrap();
    assert_eq!(drafts.len(), 2);
    assert_eq!(
        drafts[0].deal_id.as_deref(),
        Some(id.as_str()),
        "newest first"
    );
    assert_eq!(drafts[0].deal_json, "{\"v\": 2}");
    assert_eq!(drafts[1].deal_id, None);
    assert_eq!(drafts[1].deal_json, "{\"name\": \"half-typed");
    assert!(drafts[0].saved_at >= drafts[1].saved_at);

    store.save_version(&id, &kenya(), None).await.unwrap();
    let left = store.drafts().await.unwrap();
    assert_eq!(left.len(), 1, "saving a version drops that deal's draft");
    assert_eq!(left[0].deal_id, None);

    store.discard_draft(None).await.unwrap();
    store.discard_draft(None).await.unwrap();
    assert!(store.drafts().await.unwrap().is_empty());

    let unknown = store
        .save_draft(Some("no-such-deal"), "{}")
        .await
        .unwrap_err();
    assert_eq!(unknown.code(), "not_found");
    store.close().await;
}

#[tokio::test]
async fn settings_round_trip() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.setting("theme").await.unwrap(), None);
    store.set_setting("theme", "dark").await.unwrap();
    store.set_setting("locale", "en-KE").await.unwrap();
    store.set_setting("theme", "light").await.unwrap();
    assert_eq!(
        store.setting("theme").await.unwrap().as_deref(),
        Some("light")
    );
    store.close().await;
    let store = Store::open(&path).await.unwrap();
    assert_eq!(
        store.setting("locale").await.unwrap().as_deref(),
        Some("en-KE")
    );
    store.close().await;
}

#[tokio::test]
async fn a_stored_deal_that_no_longer_parses_is_an_invalid_deal_error() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).await.unwrap();
    let id = store.create_deal(&kenya(), None).await.unwrap().deal_id;
    store.close().await;
    // Triggers guard UPDATE, so damage the row the way a foreign tool could: drop them first.
    let mut conn = raw(&path).await;
    sqlx::query("DROP TRIGGER versions_no_update")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("UPDATE versions SET deal_json = '{\"schema_version\": 1, \"nam\": 3}'")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    let store = Store::open(&path).await.unwrap();
    let error = store.open_version(&id, 1).await.unwrap_err();
    assert_eq!(error.code(), "invalid_deal");
    assert!(
        error.to_string().starts_with(&format!(
            "version 1 of deal {id} can no longer be read as a deal: "
        )),
        "{error}"
    );
    store.close().await;
}
