//! A writer process killed with SIGKILL in the middle of saving: nothing committed is lost or
//! changed, nothing half-written appears, and the file stays intact.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

mod common;

#[path = "support/crash_plan.rs"]
mod crash_plan;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{kenya, raw, temp_db};
use jv_engine::Deal;
use jv_store::Store;
use sqlx::Connection;

const ROUNDS: u32 = 200;

/// xorshift64: reproducible delays without a rand dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

struct Round {
    /// Version numbers the child printed, i.e. saw committed.
    reported: Vec<u32>,
}

/// Runs one child and kills it `delay` after it is ready (or after it starts, when
/// `wait_ready` is false, so some kills land while it opens the database).
fn run_child(path: &Path, deal_id: &str, delay: Duration, wait_ready: bool) -> Round {
    let mut child = Command::new(env!("CARGO_BIN_EXE_store-crash-writer"))
        .arg(path)
        .arg(deal_id)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout);
        loop {
            let mut line = String::new();
            match lines.read_line(&mut line) {
                // A line cut short by the kill was never a promise.
                Ok(n) if n > 0 && line.ends_with('\n') => {
                    if tx.send(line.trim_end().to_owned()).is_err() {
                        break;
                    }
                }
                _ => break,
            }
        }
    });
    let mut lines = Vec::new();
    if wait_ready {
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if line == "ready" => {}
            other => {
                let _ = child.kill();
                let mut err = String::new();
                let _ = child.stderr.take().unwrap().read_to_string(&mut err);
                panic!("the writer did not get ready: {other:?}; stderr: {err}");
            }
        }
    }
    std::thread::sleep(delay);
    child.kill().unwrap();
    let status = child.wait().unwrap();
    reader.join().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "the writer stopped by itself: {err}"
    );
    lines.extend(rx.try_iter());
    Round {
        reported: lines
            .iter()
            .filter(|l| *l != "ready")
            .map(|l| l.parse().unwrap())
            .collect(),
    }
}

#[derive(sqlx::FromRow, Debug)]
struct Stored {
    number: u32,
    deal_json: String,
    note: Option<String>,
    evaluated: bool,
    figures: i64,
}

fn expected_json(seed: &Deal, number: u32) -> String {
    serde_json::to_string(&crash_plan::deal_for(seed, number)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_writers_never_lose_or_damage_committed_versions() {
    let started = Instant::now();
    let (_dir, path) = temp_db();
    let seed = kenya();
    let store = Store::open(&path).await.unwrap();
    let deal_id = store
        .create_deal(&seed, Some("seed"))
        .await
        .unwrap()
        .deal_id;
    store.close().await;

    let mut known: BTreeMap<u32, String> = BTreeMap::new();
    known.insert(1, serde_json::to_string(&seed).unwrap());
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let (mut reported_total, mut rounds_with_saves, mut unreported) = (0usize, 0u32, 0usize);

    for round in 0..ROUNDS {
        let delay = Duration::from_millis(rng.next() % 41);
        let outcome = run_child(&path, &deal_id, delay, round % 4 != 3);

        // A plain connection, as the next app start would: it recovers the WAL first.
        let mut conn = raw(&path).await;
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        let stored = sqlx::query_as::<_, Stored>(
            "SELECT v.number, v.deal_json, v.note, v.evaluated, \
                    (SELECT COUNT(*) FROM version_figures f \
                     WHERE f.deal_id = v.deal_id AND f.number = v.number) AS figures \
             FROM versions v WHERE v.deal_id = ? AND v.number > ? ORDER BY v.number",
        )
        .bind(&deal_id)
        .bind(*known.keys().next_back().unwrap())
        .fetch_all(&mut conn)
        .await
        .unwrap();
        let (count, max): (u32, u32) =
            sqlx::query_as("SELECT COUNT(*), MAX(number) FROM versions WHERE deal_id = ?")
                .bind(&deal_id)
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert_eq!(
            count, max,
            "round {round}: numbers are contiguous 1..={max}"
        );

        // New versions: each exactly what the writer meant to save, with all its figures.
        for row in &stored {
            assert_eq!(
                row.deal_json,
                expected_json(&seed, row.number),
                "v{}",
                row.number
            );
            assert_eq!(row.note, Some(crash_plan::note_for(row.number)));
            assert!(row.evaluated);
            assert_eq!(row.figures, 2, "v{} has all its figures", row.number);
            known.insert(row.number, row.deal_json.clone());
        }
        // Everything the child reported is there.
        for number in &outcome.reported {
            assert!(
                known.contains_key(number),
                "round {round}: v{number} was reported but is lost"
            );
        }
        // Every older version is unchanged (checked every 10 rounds and at the end, to keep
        // the test fast; new rows are checked every round above).
        if round % 10 == 9 || round == ROUNDS - 1 {
            let all: Vec<(u32, String)> = sqlx::query_as(
                "SELECT number, deal_json FROM versions WHERE deal_id = ? ORDER BY number",
            )
            .bind(&deal_id)
            .fetch_all(&mut conn)
            .await
            .unwrap();
            assert_eq!(all.len(), known.len());
            for (number, json) in all {
                assert_eq!(
                    known.get(&number),
                    Some(&json),
                    "round {round}: v{number} changed"
                );
            }
        }
        conn.close().await.unwrap();

        reported_total += outcome.reported.len();
        unreported += stored.len().saturating_sub(outcome.reported.len());
        rounds_with_saves += u32::from(!outcome.reported.is_empty());
    }

    // The store still opens and reads the deal normally.
    let store = Store::open(&path).await.unwrap();
    let versions = store.list_versions(&deal_id).await.unwrap();
    assert_eq!(versions.len(), known.len());
    let newest = store.latest_version(&deal_id).await.unwrap();
    assert_eq!(
        serde_json::to_string(&newest.deal).unwrap(),
        known[&newest.meta.number]
    );
    store.close().await;

    eprintln!(
        "{ROUNDS} kills in {:.1} s: {} versions, {reported_total} reported, {unreported} \
         committed but unreported, {rounds_with_saves} rounds with saves",
        started.elapsed().as_secs_f64(),
        known.len()
    );
    assert!(
        rounds_with_saves > ROUNDS / 4,
        "too few kills landed during saves"
    );
}
