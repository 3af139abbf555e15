//! Calendar dates as the catalog writes them (`2026-03-17`); formatting for readers is `i18n`'s job.

use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date, checked on construction (no 2026-02-30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 for January.
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The text is not an ISO 8601 calendar date (`YYYY-MM-DD`) that exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidDate;

impl FromStr for Date {
    type Err = InvalidDate;

    fn from_str(text: &str) -> Result<Date, InvalidDate> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(InvalidDate);
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u16>().map_err(|_| InvalidDate);
        let month = u8::try_from(number(5..7)?).map_err(|_| InvalidDate)?;
        let day = u8::try_from(number(8..10)?).map_err(|_| InvalidDate)?;
        Date::new(number(0..4)?, month, day).ok_or(InvalidDate)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        let parsed = text.parse::<Date>().ok().map(|d| d.to_string());
        assert_eq!(parsed.as_deref(), expected, "{text:?}");
    }

    #[test]
    fn parses_iso_dates_and_prints_them_back() {
        check("2026-03-17", Some("2026-03-17"));
        check("2024-02-29", Some("2024-02-29"));
        check("2000-02-29", Some("2000-02-29"));
    }

    #[test]
    fn rejects_dates_that_do_not_exist_or_are_not_iso() {
        check("2026-02-29", None);
        check("1900-02-29", None);
        check("2026-04-31", None);
        check("2026-13-01", None);
        check("2026-00-10", None);
        check("2026-3-17", None);
        check("17/3/2026", None);
        check("2026-03-17T00:00", None);
        check("+026-03-17", None);
    }
}
