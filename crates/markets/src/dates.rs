//! The dates of the preset format: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and how old one is.

/// A calendar day as (year, month, day).
pub(crate) type Day = (u32, u32, u32);

/// The first day a date names: "2025" is 2025-01-01, "2025-02" is 2025-02-01.
pub(crate) fn start(text: &str) -> Option<Day> {
    match text.len() {
        4 => Some((digits(text)?, 1, 1)),
        7 => {
            let (year, month) = month(text)?;
            Some((year, month, 1))
        }
        10 => day(text),
        _ => None,
    }
}

/// Whether `text` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, naming a real day or month.
pub(crate) fn is_as_of(text: &str) -> bool {
    start(text).is_some()
}

/// `YYYY-MM-DD` naming a real day.
pub(crate) fn day(text: &str) -> Option<Day> {
    let (head, tail) = (text.get(..7)?, text.get(7..)?);
    let (year, month) = month(head)?;
    let day = digits(tail.strip_prefix('-')?).filter(|_| tail.len() == 3)?;
    (1..=days_in(year, month))
        .contains(&day)
        .then_some((year, month, day))
}

/// `YYYY-MM` as year and month 1–12.
pub(crate) fn month(text: &str) -> Option<(u32, u32)> {
    let (year, month) = text.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    let month = digits(month).filter(|m| (1..=12).contains(m))?;
    Some((digits(year)?, month))
}

/// Whole months from `from` to `to`, counting a month only once its day is reached;
/// none when `to` comes first.
pub(crate) fn months_between(from: Day, to: Day) -> Option<u32> {
    if to < from {
        return None;
    }
    let months = (to.0 * 12 + to.1) - (from.0 * 12 + from.1);
    Some(if to.2 < from.2 { months - 1 } else { months })
}

/// ASCII digits only, as a number.
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn reads_days_months_and_years() {
        assert_eq!(start("2025-02-18"), Some((2025, 2, 18)));
        assert_eq!(start("2025-02"), Some((2025, 2, 1)));
        assert_eq!(start("2024"), Some((2024, 1, 1)));
        assert_eq!(start("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "",
            "25",
            "2025-2",
            "2025-13",
            "2025-02-30",
            "2023-02-29",
            "2025/02/18",
            "2025-02-1",
            "20250218",
            "2025-02-18x",
            "Feb 2025",
            "-202-01",
        ] {
            assert_eq!(start(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_whole_months() {
        assert_eq!(months_between((2025, 2, 18), (2026, 11, 29)), Some(21));
        assert_eq!(months_between((2025, 2, 28), (2026, 2, 27)), Some(11));
        assert_eq!(months_between((2025, 2, 28), (2026, 2, 28)), Some(12));
        assert_eq!(months_between((2026, 1, 1), (2026, 11, 29)), Some(10));
        assert_eq!(months_between((2026, 12, 1), (2026, 11, 29)), None);
    }
}
