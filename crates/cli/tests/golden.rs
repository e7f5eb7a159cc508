//! Golden tests: the JSON `jv evaluate` prints for each shipped example, kept as insta
//! snapshots so that any change to a figure shows up in review.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{example, jv_on, stdout};

fn golden(file: &str) {
    // A fixed day, so that the data's age does not change with the clock.
    let output = jv_on(
        "evaluate",
        &example(file),
        &["--format", "json", "--today", "2025-12-01"],
    );
    assert!(output.status.success(), "{file} evaluates");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    insta::assert_json_snapshot!(file.trim_end_matches(".jvdeal"), json);
}

#[test]
fn kenya_e3w_ckd() {
    golden("kenya-e3w-ckd.jvdeal");
}

#[test]
fn brazil_negotiated_60_40() {
    golden("brazil-negotiated-60-40.jvdeal");
}

#[test]
fn nigeria_dealer_diluted() {
    golden("nigeria-dealer-diluted.jvdeal");
}

#[test]
fn vesting_three_tranches() {
    golden("vesting-three-tranches.jvdeal");
}

#[test]
fn no_cash_tech_partner() {
    golden("no-cash-tech-partner.jvdeal");
}

#[test]
fn every_example_has_a_golden_test() {
    let names: Vec<String> = common::examples()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "brazil-negotiated-60-40.jvdeal",
            "kenya-e3w-ckd.jvdeal",
            "nigeria-dealer-diluted.jvdeal",
            "no-cash-tech-partner.jvdeal",
            "vesting-three-tranches.jvdeal",
        ]
    );
}
