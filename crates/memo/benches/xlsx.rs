//! Writing the Excel model of the Kenya deal (issue 6: under 0.5 s).

#![allow(clippy::unwrap_used)]

use std::path::Path;

use jv_engine::{evaluate, read_deal};

fn main() {
    divan::main();
}

#[divan::bench]
fn kenya_xlsx(bencher: divan::Bencher) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kenya-e3w-ckd.jvdeal");
    let deal = read_deal(&std::fs::read_to_string(file).unwrap()).unwrap();
    let evaluation = evaluate(&deal).unwrap();
    bencher.bench(|| jv_memo::xlsx::write_xlsx(&deal, &evaluation).unwrap());
}
