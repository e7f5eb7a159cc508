//! `jv schema` and the command line itself.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::Value;

#[test]
fn schema_is_json_that_describes_schema_version() {
    let output = jv(&["schema"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let schema: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(schema["title"].is_string(), "the schema has a title");
    assert!(
        schema["properties"]["schema_version"].is_object(),
        "{schema:#}"
    );
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let output = jv(&["evaluat", "x.jvdeal"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("evaluat"));
}

#[test]
fn no_subcommand_is_a_usage_error() {
    assert_eq!(jv(&[]).status.code(), Some(2));
}

#[test]
fn evaluate_without_a_file_is_a_usage_error() {
    assert_eq!(jv(&["evaluate"]).status.code(), Some(2));
}

#[test]
fn help_and_version_succeed() {
    let help = jv(&["--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    for command in ["evaluate", "validate", "schema"] {
        assert!(text.contains(command), "{text}");
    }
    assert!(jv(&["--version"]).status.success());
}
