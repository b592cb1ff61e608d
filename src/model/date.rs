//! Dates as sources state them: in front matter (`2017-03-08 2:05:17 -0400`) and in the text
//! (`Last updated: 05 Jul. 2024 16:18`, `**Friday, 22 August 2003, 4:10 pm**`).
//!
//! A date keeps the precision it was stated with: `2024` is a year, not 1 January.

use serde::Serialize;
use std::fmt;

/// A calendar date, possibly with a time of day, cut to the precision it was given with.
/// Times are kept as written (local to the source); zones are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateStamp {
    pub year: i16,
    /// 1-12, or 0 when only the year is known.
    pub month: u8,
    /// 1-31, or 0 when not known.
    pub day: u8,
    /// Minutes after midnight, when a time was given.
    pub minute_of_day: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
}

/// Whether the date says when the source was first published or last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    Published,
    Updated,
}

/// A date a source states, with the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedDate {
    pub stamp: DateStamp,
    pub kind: DateKind,
    /// The text the date was read from, e.g. `Last updated: 05 Jul. 2024 16:18`.
    pub evidence: String,
}

impl DateKind {
    pub fn name(self) -> &'static str {
        match self {
            DateKind::Published => "published",
            DateKind::Updated => "updated",
        }
    }
}

impl DateStamp {
    pub fn year(year: i16) -> Self {
        DateStamp {
            year,
            month: 0,
            day: 0,
            minute_of_day: None,
        }
    }

    /// A validated date; `None` for impossible dates such as 31 February.
    pub fn ymd(year: i16, month: u8, day: u8) -> Option<Self> {
        jiff::civil::Date::new(year, month as i8, day as i8).ok()?;
        Some(DateStamp {
            year,
            month,
            day,
            minute_of_day: None,
        })
    }

    pub fn with_time(self, hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60 && self.day != 0).then(|| DateStamp {
            minute_of_day: Some(u16::from(hour) * 60 + u16::from(minute)),
            ..self
        })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.minute_of_day) {
            (0, _, _) => Precision::Year,
            (_, 0, _) => Precision::Month,
            (_, _, None) => Precision::Day,
            _ => Precision::Minute,
        }
    }

    /// The same calendar day, ignoring the time.
    pub fn same_day(&self, other: &DateStamp) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

/// ISO 8601 cut to the precision: `2024`, `2024-04`, `2024-04-04`, `2024-07-05T16:18`.
impl fmt::Display for DateStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        if let Some(m) = self.minute_of_day {
            write!(f, "T{:02}:{:02}", m / 60, m % 60)?;
        }
        Ok(())
    }
}

/// Parse a front-matter date: `2024-04-04`, `2024-04`, `2024`, `2024-04-04T10:00:00Z`,
/// `2017-03-08 2:05:17 -0400` (unpadded hour), or a textual date as in [`parse_text_date`].
pub fn parse_metadata_date(text: &str) -> Option<DateStamp> {
    let s = text.trim().trim_matches(['"', '\'']);
    parse_iso(s).or_else(|| {
        let (stamp, end) = scan_text_date(s)?;
        rest_is_noise(&s[end..]).then_some(stamp)
    })
}

fn parse_iso(s: &str) -> Option<DateStamp> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        })
    };
    let year = i16::try_from(digits(0..4)?).ok()?;
    if b.len() == 4 {
        return Some(DateStamp::year(year));
    }
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let month = u8::try_from(digits(5..7)?).ok()?;
    if b.len() == 7 {
        return (1..=12).contains(&month).then_some(DateStamp {
            year,
            month,
            day: 0,
            minute_of_day: None,
        });
    }
    if b.get(7) != Some(&b'-') {
        return None;
    }
    let day = u8::try_from(digits(8..10)?).ok()?;
    let date = DateStamp::ymd(year, month, day)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?.trim_start();
    let (hour, minute, _) = scan_clock(rest)?;
    date.with_time(hour, minute)
}

/// `H:MM`, `HH:MM:SS(.fff)`, with an optional `am`/`pm`; returns hour, minute and bytes used.
fn scan_clock(s: &str) -> Option<(u8, u8, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() && i < 2 {
        i += 1;
    }
    if i == 0 || !matches!(b.get(i), Some(b':') | Some(b'.')) {
        return None;
    }
    let hour: u8 = s[..i].parse().ok()?;
    let m0 = i + 1;
    if !(b.get(m0)?.is_ascii_digit() && b.get(m0 + 1)?.is_ascii_digit()) {
        return None;
    }
    if b.get(m0 + 2).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let minute: u8 = s[m0..m0 + 2].parse().ok()?;
    let mut end = m0 + 2;
    // Seconds and fractions are read and dropped: the finest precision shown is the minute.
    if b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while b.get(end).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
            end += 1;
        }
    }
    let after = s[end..].trim_start();
    let spaces = s[end..].len() - after.len();
    let lower = after.get(..4).unwrap_or(after).to_ascii_lowercase();
    let (hour, used) = if lower.starts_with("pm") || lower.starts_with("p.m.") {
        (
            if hour == 12 { 12 } else { hour + 12 },
            if lower.starts_with("pm") { 2 } else { 4 },
        )
    } else if lower.starts_with("am") || lower.starts_with("a.m.") {
        (
            if hour == 12 { 0 } else { hour },
            if lower.starts_with("am") { 2 } else { 4 },
        )
    } else {
        (hour, 0)
    };
    let end = if used > 0 { end + spaces + used } else { end };
    (hour < 24 && minute < 60).then_some((hour, minute, end))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month a word names (`Jul`, `Jul.`, `July`, `Sept`), 1-12.
pub fn month_from_word(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    name_or_abbreviation(&MONTHS, w).map(|i| i as u8 + 1)
}

/// Where `w` is in `names`, spelt out or cut to three letters, in any ASCII case (no String
/// made: quote attribution asks this of every capitalised word).
fn name_or_abbreviation(names: &[&str], w: &str) -> Option<usize> {
    if w.len() < 3 {
        return None;
    }
    names.iter().position(|n| {
        n.len() >= w.len()
            && n.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            && (w.len() == n.len() || w.len() == 3)
    })
}

fn is_weekday(word: &str) -> bool {
    weekday_from_word(word).is_some()
}

/// The weekday a word names (`Tue`, `Tuesday`), 0 for Monday to 6 for Sunday.
pub fn weekday_from_word(word: &str) -> Option<u8> {
    let w = word.trim_end_matches([',', '.']);
    name_or_abbreviation(&WEEKDAYS, w).map(|i| i as u8)
}

/// A word of a date: a run of letters (with a trailing dot) or digits, and where it ends.
fn next_word(s: &str, from: usize) -> Option<(&str, usize, usize)> {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() && matches!(b[i], b' ' | b',' | b'\t') {
        i += 1;
    }
    let start = i;
    if i >= b.len() {
        return None;
    }
    if b[i].is_ascii_digit() {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // Ordinals: 22nd, 1st, 3rd, 4th.
        let ordinal = s
            .get(i..i + 2)
            .is_some_and(|x| ["st", "nd", "rd", "th"].contains(&x.to_ascii_lowercase().as_str()));
        if ordinal && !b.get(i + 2).is_some_and(u8::is_ascii_alphanumeric) {
            return Some((&s[start..i], start, i + 2));
        }
    } else if b[i].is_ascii_alphabetic() {
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
        }
    } else {
        return None;
    }
    Some((&s[start..i], start, i))
}

fn day_number(word: &str) -> Option<u8> {
    let d: u8 = word.parse().ok()?;
    (word.len() <= 2 && (1..=31).contains(&d)).then_some(d)
}

fn year_number(word: &str) -> Option<i16> {
    let y: i16 = word.parse().ok()?;
    (word.len() == 4 && (1800..=2200).contains(&y)).then_some(y)
}

/// Scan a textual date at the start of `s`: an optional weekday, then `22 August 2003`,
/// `August 22, 2003`, `05 Jul. 2024` or an ISO date, then an optional time
/// (`, 4:10 pm`, `16:18`, `at 10.30am`). Returns the date and the byte where it ends.
pub fn scan_text_date(s: &str) -> Option<(DateStamp, usize)> {
    let s_trim = s.trim_start();
    let offset = s.len() - s_trim.len();
    if let Some(stamp) = s_trim.get(..10).and_then(parse_iso) {
        let (stamp, end) = scan_time_after(s_trim, 10, stamp);
        return Some((stamp, offset + end));
    }
    let (mut word, _, mut end) = next_word(s_trim, 0)?;
    if is_weekday(word) {
        (word, _, end) = next_word(s_trim, end)?;
    }
    let (date, end) = if let Some(day) = day_number(word) {
        // 22 August 2003
        let (month_word, _, e) = next_word(s_trim, end)?;
        let month = month_from_word(month_word)?;
        let (year_word, _, e) = next_word(s_trim, e)?;
        (DateStamp::ymd(year_number(year_word)?, month, day)?, e)
    } else if let Some(month) = month_from_word(word) {
        // August 22, 2003
        let (day_word, _, e) = next_word(s_trim, end)?;
        let day = day_number(day_word)?;
        let (year_word, _, e) = next_word(s_trim, e)?;
        (DateStamp::ymd(year_number(year_word)?, month, day)?, e)
    } else {
        return None;
    };
    let (stamp, end) = scan_time_after(s_trim, end, date);
    Some((stamp, offset + end))
}

fn scan_time_after(s: &str, end: usize, date: DateStamp) -> (DateStamp, usize) {
    let rest = &s[end..];
    let trimmed = rest.trim_start_matches([' ', ',', '\t']);
    let trimmed = trimmed
        .strip_prefix("at ")
        .map(str::trim_start)
        .unwrap_or(trimmed);
    let skipped = rest.len() - trimmed.len();
    match scan_clock(trimmed).and_then(|(h, m, used)| Some((date.with_time(h, m)?, used))) {
        Some((stamp, used)) => (stamp, end + skipped + used),
        None => (date, end),
    }
}

/// True when what follows a date is only punctuation, markup or a zone name.
fn rest_is_noise(rest: &str) -> bool {
    rest.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || (w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()))
            || w.starts_with(['+', '-']) && w[1..].chars().all(|c| c.is_ascii_digit())
            || w.chars().all(|c| c.is_ascii_digit() || c == ':')
    })
}

/// A date stated in a paragraph near the top of the text: a labelled date
/// (`Last updated: 05 Jul. 2024 16:18`, `Published: ...`), a byline that is only a date
/// (`**Friday, 22 August 2003, 4:10 pm**`), or a dateline (`WELLINGTON, 3 March 2024 -`).
pub fn parse_text_date(paragraph: &str) -> Option<(DateStamp, DateKind)> {
    let p = paragraph
        .trim()
        .trim_start_matches(['•', '-', '*', '–', ' ']);
    let lower = p.to_ascii_lowercase();
    for (label, kind) in [
        ("last updated", DateKind::Updated),
        ("updated", DateKind::Updated),
        ("last modified", DateKind::Updated),
        ("modified", DateKind::Updated),
        ("published", DateKind::Published),
        ("posted", DateKind::Published),
        ("first published", DateKind::Published),
        ("date", DateKind::Published),
    ] {
        if let Some(rest) = lower.strip_prefix(label) {
            let rest_start = p.len() - rest.len();
            let rest = p[rest_start..].trim_start_matches([':', ' ']);
            let rest = rest.strip_prefix("on ").unwrap_or(rest);
            let (stamp, end) = scan_text_date(rest)?;
            return rest_is_noise(&rest[end..]).then_some((stamp, kind));
        }
    }
    if let Some((stamp, end)) = scan_text_date(p) {
        return rest_is_noise(&p[end..]).then_some((stamp, DateKind::Published));
    }
    // Dateline: up to four capitalised words and a comma, the date, then a dash.
    let (place, rest) = p.split_once(',')?;
    if place.split_whitespace().count() > 4 || !place.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let (stamp, end) = scan_text_date(rest)?;
    let after = rest[end..].trim_start();
    after
        .starts_with(['-', '–', '—', '('])
        .then_some((stamp, DateKind::Published))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: Option<DateStamp>) -> String {
        s.map(|d| d.to_string()).unwrap_or_else(|| "none".into())
    }

    #[test]
    fn metadata_dates_in_every_shape_the_corpora_use() {
        assert_eq!(iso(parse_metadata_date("2024-04-04")), "2024-04-04");
        assert_eq!(
            iso(parse_metadata_date("2017-03-08 2:05:17 -0400")),
            "2017-03-08T02:05"
        );
        assert_eq!(
            iso(parse_metadata_date("2014-05-23 12:00:33 -0400")),
            "2014-05-23T12:00"
        );
        assert_eq!(
            iso(parse_metadata_date("2024-04-04T10:30:00Z")),
            "2024-04-04T10:30"
        );
        assert_eq!(
            iso(parse_metadata_date("2024-04-04T10:30:00+12:00")),
            "2024-04-04T10:30"
        );
        assert_eq!(iso(parse_metadata_date("'2016-02-25'")), "2016-02-25");
        assert_eq!(iso(parse_metadata_date("2024-04")), "2024-04");
        assert_eq!(iso(parse_metadata_date("2024")), "2024");
        assert_eq!(
            iso(parse_metadata_date("Wed, 08 Mar 2017 14:05:17 -0400")),
            "2017-03-08T14:05"
        );
        assert_eq!(iso(parse_metadata_date("2023-02-30")), "none");
        assert_eq!(iso(parse_metadata_date("soon")), "none");
        assert_eq!(iso(parse_metadata_date("2024-13")), "none");
    }

    #[test]
    fn text_dates_with_labels_weekdays_and_times() {
        let p = |s| parse_text_date(s).map(|(d, k)| format!("{d} {k:?}"));
        assert_eq!(
            p("  • Last updated: 05 Jul. 2024 16:18").as_deref(),
            Some("2024-07-05T16:18 Updated")
        );
        assert_eq!(
            p("**Friday, 22 August 2003, 4:10 pm**").as_deref(),
            Some("2003-08-22T16:10 Published")
        );
        assert_eq!(
            p("Friday, 22 August 2003, 12:05 am").as_deref(),
            Some("2003-08-22T00:05 Published")
        );
        assert_eq!(
            p("26 October 2016").as_deref(),
            Some("2016-10-26 Published")
        );
        assert_eq!(
            p("March 3rd, 2024").as_deref(),
            Some("2024-03-03 Published")
        );
        assert_eq!(
            p("Published on 4 April 2024 at 10.30am").as_deref(),
            Some("2024-04-04T10:30 Published")
        );
        assert_eq!(
            p("WELLINGTON, 3 March 2024 - The minister said").as_deref(),
            Some("2024-03-03 Published")
        );
        assert_eq!(p("In June 2022, the Prime Minister took part."), None);
        assert_eq!(p("22 August 2003 was a day of sunshine and rain"), None);
        assert_eq!(p("32 member countries"), None);
    }

    #[test]
    fn precision_follows_what_was_stated() {
        assert_eq!(DateStamp::year(2024).precision(), Precision::Year);
        assert_eq!(
            DateStamp::ymd(2024, 4, 4).unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            DateStamp::ymd(2024, 4, 4)
                .unwrap()
                .with_time(9, 5)
                .unwrap()
                .to_string(),
            "2024-04-04T09:05"
        );
    }
}
