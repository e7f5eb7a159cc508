//! Two stores (two pools, as two windows or processes would have) saving the same deal at once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use common::{kenya, temp_db};
use jv_store::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_pools_saving_at_once_lose_nothing_and_never_collide() {
    let (_dir, path) = temp_db();
    let first = Store::open(&path).await.unwrap();
    let second = Store::open(&path).await.unwrap();
    let id = first
        .create_deal(&kenya(), Some("seed"))
        .await
        .unwrap()
        .deal_id;

    let mut tasks = Vec::new();
    for (label, store) in [("a", &first), ("b", &second)] {
        for i in 0..40 {
            let (store, id) = (store.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                let mut deal = kenya();
                deal.description = format!("writer {label}, save {i}");
                store
                    .save_version(&id, &deal, Some(&format!("{label}{i}")))
                    .await
            }));
        }
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }

    let versions = second.list_versions(&id).await.unwrap();
    assert_eq!(versions.len(), 81);
    let numbers: Vec<u32> = versions.iter().rev().map(|v| v.number).collect();
    assert_eq!(numbers, (1..=81).collect::<Vec<u32>>());
    let notes: BTreeSet<String> = versions.iter().filter_map(|v| v.note.clone()).collect();
    let expected: BTreeSet<String> = ["a", "b"]
        .iter()
        .flat_map(|l| (0..40).map(move |i| format!("{l}{i}")))
        .chain(["seed".to_owned()])
        .collect();
    assert_eq!(notes, expected, "every save is there exactly once");
    // Time never runs backwards along the version numbers.
    assert!(versions.windows(2).all(|w| w[0].saved_at > w[1].saved_at));
    // Each saved deal is the one its writer sent.
    for v in &versions[..3] {
        let record = first.open_version(&id, v.number).await.unwrap();
        let note = v.note.as_deref().unwrap();
        let (label, i) = note.split_at(1);
        assert_eq!(record.deal.description, format!("writer {label}, save {i}"));
    }
    let list = first.list_deals(&Default::default()).await.unwrap();
    assert_eq!((list[0].latest_version, list[0].version_count), (81, 81));
    first.close().await;
    second.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_opens_of_a_new_file_at_once_both_succeed() {
    for _ in 0..20 {
        let (_dir, path) = temp_db();
        let (a, b) = tokio::join!(Store::open(&path), Store::open(&path));
        let (a, b) = (a.unwrap(), b.unwrap());
        let id = a.create_deal(&kenya(), None).await.unwrap().deal_id;
        assert_eq!(b.list_versions(&id).await.unwrap().len(), 1);
        a.close().await;
        b.close().await;
    }
}
