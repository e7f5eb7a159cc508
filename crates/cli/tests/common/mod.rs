//! Running the built `jv` binary on real files.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

/// Runs `jv` with `args` from the workspace root.
pub fn jv(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jv"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("the jv binary runs")
}

/// Runs `jv` with a path among its arguments.
pub fn jv_on(command: &str, file: &Path, extra: &[&str]) -> Output {
    let file = file.to_str().expect("a UTF-8 path");
    let mut args = vec![command, file];
    args.extend_from_slice(extra);
    jv(&args)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An example deal shipped in `examples/`.
pub fn example(name: &str) -> PathBuf {
    workspace().join("examples").join(name)
}

/// Every example deal.
pub fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("examples"))
        .expect("examples/ exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "jvdeal"))
        .collect();
    files.sort();
    files
}

/// The Kenya example as JSON, to change and write to a temporary file.
pub fn kenya() -> Value {
    let text = std::fs::read_to_string(example("kenya-e3w-ckd.jvdeal")).expect("the Kenya example");
    serde_json::from_str(&text).expect("the Kenya example is JSON")
}

/// `jv evaluate FILE --format json`, parsed.
pub fn evaluate_json(file: &Path) -> Value {
    let output = jv_on("evaluate", file, &["--format", "json"]);
    assert!(
        output.status.success(),
        "evaluate failed: {}",
        stderr(&output)
    );
    serde_json::from_str(&stdout(&output)).expect("the output is JSON")
}

/// A directory of its own under the system's temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("jv-cli-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("a temporary directory");
        Self(path)
    }

    /// Writes `text` to `name` in this directory and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).expect("the file is written");
        path
    }

    /// Writes `deal` as JSON.
    pub fn write_deal(&self, name: &str, deal: &Value) -> PathBuf {
        self.write(name, &serde_json::to_string_pretty(deal).expect("JSON"))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A decimal string from the JSON output.
pub fn decimal(value: &Value) -> Decimal {
    value
        .as_str()
        .expect("a decimal string")
        .parse()
        .expect("a decimal")
}

/// An independent rendering of whole units with thousands separators and U+2212 for
/// negatives, to find a JSON figure in the text report.
pub fn grouped(value: Decimal) -> String {
    let rounded = value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let digits = rounded.abs().trunc().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().rev().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.insert(0, ',');
        }
        out.insert(0, c);
    }
    if rounded < Decimal::ZERO {
        out.insert(0, '\u{2212}');
    }
    out
}
