//! Test support for tests/crash.rs: saves versions of one deal as fast as it can until it is
//! killed, printing "ready" once open and then each committed version number.
//!
//! Usage: store-crash-writer <database> <deal id>

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use jv_store::Store;

#[path = "crash_plan.rs"]
mod crash_plan;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("store-crash-writer: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(deal_id)) = (args.next(), args.next()) else {
        return Err("usage: store-crash-writer <database> <deal id>".to_owned());
    };
    let store = Store::open(&PathBuf::from(path))
        .await
        .map_err(|e| e.to_string())?;
    let seed = store
        .open_version(&deal_id, 1)
        .await
        .map_err(|e| e.to_string())?
        .deal;
    let mut next = store
        .latest_version(&deal_id)
        .await
        .map_err(|e| e.to_string())?
        .meta
        .number
        + 1;
    let mut out = std::io::stdout().lock();
    say(&mut out, "ready")?;
    loop {
        let deal = crash_plan::deal_for(&seed, next);
        let note = crash_plan::note_for(next);
        let meta = store
            .save_version(&deal_id, &deal, Some(&note))
            .await
            .map_err(|e| e.to_string())?;
        if meta.number != next {
            return Err(format!(
                "expected version {next}, the store gave {}",
                meta.number
            ));
        }
        // Printed only after the commit returned: a number on stdout is a promise.
        say(&mut out, &meta.number.to_string())?;
        next += 1;
    }
}

fn say(out: &mut impl Write, line: &str) -> Result<(), String> {
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())
}
