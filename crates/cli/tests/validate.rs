//! `jv validate` and the exit status and messages of files that are not valid deals.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::Value;

/// Whether `line` starts with a field path and a colon: `parties[0].colour: …`.
fn path_first(line: &str) -> bool {
    line.split_once(": ").is_some_and(|(path, _)| {
        !path.is_empty()
            && !path.contains(' ')
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.[]".contains(c))
    })
}

#[test]
fn a_valid_deal_prints_its_name_and_warnings() {
    let output = jv_on("validate", &example("kenya-e3w-ckd.jvdeal"), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("valid: Kenya e-three-wheeler CKD assembly JV")
    );
    for line in lines {
        assert!(line.starts_with("warning "), "{line}");
    }
}

#[test]
fn every_example_is_valid() {
    for file in examples() {
        let output = jv_on("validate", &file, &[]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}: {}",
            file.display(),
            stderr(&output)
        );
        assert!(stdout(&output).starts_with("valid: "));
    }
}

#[test]
fn unknown_field_and_bad_decimal_exit_1_with_path_first_lines() {
    let dir = TempDir::new("broken");
    let mut deal = kenya();
    deal["parties"][0]["colour"] = "red".into();
    deal["market"]["fx_spot"] = "12x9".into();
    let file = dir.write_deal("broken.jvdeal", &deal);
    for command in ["validate", "evaluate"] {
        let output = jv_on(command, &file, &[]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert!(output.stdout.is_empty(), "{command}: nothing on stdout");
        let err = stderr(&output);
        let lines: Vec<&str> = err.lines().collect();
        assert!(
            lines.iter().any(|l| l.starts_with("parties[0].colour: ")),
            "{err}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("market.fx_spot: ")),
            "{err}"
        );
        let (last, errors) = lines.split_last().unwrap();
        assert!(
            last.starts_with("jv: ") && last.contains("broken.jvdeal"),
            "{err}"
        );
        assert!(errors.iter().all(|l| path_first(l)), "{err}");
    }
}

#[test]
fn invalid_values_exit_1_with_path_first_lines() {
    // These are caught by the engine's validation, after the file is read.
    let dir = TempDir::new("invalid-values");
    let mut deal = kenya();
    deal["horizon_years"] = 31.into();
    deal["plan"]["retail_price"] = "-5".into();
    let file = dir.write_deal("values.jvdeal", &deal);
    let output = jv_on("validate", &file, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let err = stderr(&output);
    assert!(
        err.lines().any(|l| l.starts_with("horizon_years: ")),
        "{err}"
    );
    assert!(
        err.lines().any(|l| l.starts_with("plan.retail_price: ")),
        "{err}"
    );
}

#[test]
fn a_file_that_is_not_json_exits_1() {
    let dir = TempDir::new("syntax");
    let file = dir.write("syntax.jvdeal", "{ \"name\": \"x\",, }");
    let output = jv_on("validate", &file, &[]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("syntax.jvdeal") && err.contains("not valid JSON"),
        "{err}"
    );
}

#[test]
fn a_file_from_a_newer_version_exits_1() {
    let dir = TempDir::new("newer");
    let mut deal = kenya();
    deal["schema_version"] = Value::from(999);
    let file = dir.write_deal("newer.jvdeal", &deal);
    let output = jv_on("evaluate", &file, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("newer version"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_file_exits_2_and_names_it() {
    for command in ["validate", "evaluate"] {
        let output = jv(&[command, "no/such/deal.jvdeal"]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let err = stderr(&output);
        assert!(err.contains("no/such/deal.jvdeal"), "{err}");
        assert!(err.contains("cannot read"), "{err}");
    }
}

#[test]
fn a_directory_is_not_a_deal_file() {
    let dir = TempDir::new("dir");
    let output = jv_on("validate", dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}
