//! The TypeScript bindings and the UI's test fixtures are generated from Rust and
//! committed; these tests fail when they are stale. Regenerate with `./x generate`
//! (sets `JV_UPDATE_GENERATED=1`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use jv_studio::api::evaluate::evaluate_deal;
use jv_studio::bindings;

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
        let outcome = evaluate_deal(&text);
        let mut json = serde_json::to_string_pretty(&outcome).unwrap();
        json.push('\n');
        assert!(
            json.contains("\"status\": \"evaluated\""),
            "{example} evaluates"
        );
        check(&repo(fixture), &json);
    }
}
