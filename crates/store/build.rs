//! `sqlx::migrate!` embeds `migrations/` but cannot tell cargo to watch the folder on stable
//! Rust, so a newly added migration would otherwise not trigger a rebuild.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
