//! The text patterns of the preset format, written once: the JSON Schema states them and the
//! parser checks the same rules by hand.

/// ISO 3166-1 alpha-2 code in capitals, e.g. "KE".
pub const COUNTRY_PATTERN: &str = r"^[A-Z]{2}$";

/// ISO 4217 code in capitals, e.g. "KES".
pub const CURRENCY_PATTERN: &str = r"^[A-Z]{3}$";

/// A preset's version: a month, `YYYY-MM`.
pub const VERSION_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}$";

/// When a source stated a value: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub const AS_OF_PATTERN: &str = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

/// A web address: `http://` or `https://` and no spaces.
pub const SOURCE_PATTERN: &str = r"^https?://[^\s]+$";

/// A value: a decimal, a whole number, `true`/`false`, `none` or `unknown`.
pub const VALUE_PATTERN: &str = r"^(unknown|none|true|false|-?[0-9]+(\.[0-9]+)?)$";

/// A rating or label: letters, digits, `+` and `-`.
pub const RATING_PATTERN: &str = r"^[A-Za-z0-9+-]+$";

/// A decimal written as a string: an optional minus, digits, an optional fraction.
pub const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";
