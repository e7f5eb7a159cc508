//! JV Studio's desktop shell: the window, the database, and thin commands over the
//! engine and the store. Command bodies live in `api` so tests run them without a window.

pub mod api;
pub mod bindings;
pub mod calendar;
pub mod commands;
pub mod error;
pub mod state;
mod webview;

use tauri::Manager;

/// Starts the app; returns when the last window closes.
pub fn run() -> Result<(), tauri::Error> {
    let builder = bindings::builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(|app| {
            let path = state::database_path(&app.path().app_data_dir()?);
            let state = tauri::async_runtime::block_on(state::AppState::open(path))
                .with_startup_file(state::startup_file(std::env::args_os()));
            app.manage(state);
            webview::tune(app)?;
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"))
}
