//! The user's preferences, kept in the database.

use jv_store::Store;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Preferences the UI reads on start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppSettings {
    /// UI language (`en` or `zh-CN`); `None` until the user picks one.
    pub language: Option<String>,
    /// Show large amounts in 万 / 亿 in the Chinese UI.
    pub chinese_units: bool,
}

/// A preference the UI may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SettingKey {
    /// `en` or `zh-CN`.
    Language,
    /// `true` or `false`.
    ChineseUnits,
}

impl SettingKey {
    fn name(self) -> &'static str {
        match self {
            Self::Language => "language",
            Self::ChineseUnits => "chinese_units",
        }
    }

    fn check(self, value: &str) -> Result<(), AppError> {
        let allowed: &[&str] = match self {
            Self::Language => &["en", "zh-CN"],
            Self::ChineseUnits => &["true", "false"],
        };
        if allowed.contains(&value) {
            Ok(())
        } else {
            Err(AppError::new(
                crate::error::ErrorCode::Internal,
                format!(
                    "{} must be one of {}; got {value:?}",
                    self.name(),
                    allowed.join(", ")
                ),
            ))
        }
    }
}

/// Reads every preference.
pub async fn settings(store: &Store) -> Result<AppSettings, AppError> {
    Ok(AppSettings {
        language: store.setting(SettingKey::Language.name()).await?,
        chinese_units: store
            .setting(SettingKey::ChineseUnits.name())
            .await?
            .as_deref()
            == Some("true"),
    })
}

/// Changes one preference.
pub async fn set_setting(store: &Store, key: SettingKey, value: &str) -> Result<(), AppError> {
    key.check(value)?;
    Ok(store.set_setting(key.name(), value).await?)
}
