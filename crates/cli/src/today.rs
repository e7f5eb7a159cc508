//! Today's date, the one thing the CLI reads from the clock: it dates the market data
//! ("Data age"). The engine never reads the clock; `--today` makes runs reproducible.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::failure::Failure;

/// Today (UTC) as `YYYY-MM-DD`, from the system clock.
pub fn from_clock() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let (year, month, day) = civil(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The date given with `--today`, checked: a real day written `YYYY-MM-DD`.
pub fn given(text: &str) -> Result<String, Failure> {
    given_as("--today", text)
}

/// The date given with the option `flag`, checked: a real day written `YYYY-MM-DD`.
pub fn given_as(flag: &str, text: &str) -> Result<String, Failure> {
    if is_day(text) {
        Ok(text.to_owned())
    } else {
        Err(Failure::Usage(format!(
            "{flag} must be a date written YYYY-MM-DD, like 2025-12-01; it is \"{text}\""
        )))
    }
}

/// The calendar day `days` after 1970-01-01 (proleptic Gregorian), by Howard Hinnant's
/// `civil_from_days`.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return false;
    };
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=last).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_the_epoch_are_calendar_days() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(59), (1970, 3, 1));
        assert_eq!(civil(11_016), (2000, 2, 29));
        assert_eq!(civil(20_423), (2025, 12, 1));
        assert_eq!(civil(-1), (1969, 12, 31));
    }

    #[test]
    fn the_clock_gives_a_real_day() {
        assert!(is_day(&from_clock()), "{}", from_clock());
    }

    #[test]
    fn given_dates_are_checked() {
        assert!(given("2025-12-01").is_ok());
        assert!(given("2024-02-29").is_ok());
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-12",
            "01-12-2025",
            "today",
            "",
        ] {
            assert!(given(bad).is_err(), "{bad}");
        }
    }
}
