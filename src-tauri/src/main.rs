//! The `jv-studio` desktop app.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    match jv_studio::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("JV Studio could not start: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
