//! How long the Kenya memo takes to set as a PDF (target: under 2 s), with the fonts
//! scanned once beforehand as the app does and Typst's cache emptied before each run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use divan::Bencher;
use jv_memo::content::{MemoOptions, build};
use jv_memo::document::{Lang, Memo, Status};
use jv_memo::pdf::{Fonts, to_pdf};

fn main() {
    divan::main();
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::system)
}

fn kenya(lang: Lang) -> Memo {
    let path = format!(
        "{}/../../examples/kenya-e3w-ckd.jvdeal",
        env!("CARGO_MANIFEST_DIR")
    );
    let deal = jv_engine::read_deal(&std::fs::read_to_string(path).unwrap()).unwrap();
    let evaluation = jv_engine::evaluate(&deal).unwrap();
    let options = MemoOptions {
        lang,
        status: Status::Draft,
        date: "2026-11-29".to_owned(),
    };
    build(&deal, &evaluation, &options).unwrap()
}

#[divan::bench(args = ["en", "zh", "en+zh"], sample_count = 10, sample_size = 1)]
fn kenya_memo_pdf(bencher: Bencher, lang: &str) {
    let memo = kenya(Lang::parse(lang).unwrap());
    // Typst memoizes across compiles; a cold cache is what a user meets on each new memo.
    bencher.bench(|| {
        typst::comemo::evict(0);
        to_pdf(&memo, fonts()).unwrap()
    });
}

/// Scanning the system's fonts, which the app does once at start.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn system_font_scan() -> Fonts {
    Fonts::system()
}
