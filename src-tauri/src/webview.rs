//! Settings of the platform webview.

/// On Linux, WebKitGTK composites with the GPU by default. JV Studio draws flat tables and
/// charts with no 3-D or animation, so software rendering looks the same, costs about
/// 160 MB less resident memory (measured under Xvfb) and avoids the blank windows some
/// GPU drivers give WebKitGTK.
#[cfg(target_os = "linux")]
pub fn tune(app: &tauri::App) -> tauri::Result<()> {
    use tauri::Manager;
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    for window in app.webview_windows().values() {
        window.with_webview(|webview| {
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        })?;
    }
    Ok(())
}

/// Other platforms keep their webview's defaults.
#[cfg(not(target_os = "linux"))]
pub fn tune(_app: &tauri::App) -> tauri::Result<()> {
    Ok(())
}
