//! Embeds every `markets/*.toml` of the repository in the crate: lists the files and writes
//! `shipped.rs`, one `include_str!` per file, so adding a country needs no code change.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let dir = manifest.join("../../markets").canonicalize()?;
    // The directory itself, so that an added or removed file triggers a rebuild.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
    files.sort();
    let mut out = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or("a file name in markets/ is not UTF-8")?;
        let full = path.to_str().ok_or("a path to markets/ is not UTF-8")?;
        writeln!(out, "    ({name:?}, include_str!({full:?})),")?;
    }
    out.push(']');
    let target = PathBuf::from(std::env::var("OUT_DIR")?).join("shipped.rs");
    std::fs::write(target, out)?;
    Ok(())
}
