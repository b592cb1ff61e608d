//! Dated events: every date expression of a source's body with the sentence it dates.
//!
//! `In June 2022, the Prime Minister ... participated in the 2022 NATO Summit` is one event of
//! June 2022; `since 2001` an event that began then; `From 2015 until spring 2021` and
//! `between 2001-2021` ranges. Numbers that are not dates (`32 member countries`, `75th`,
//! `25 years`, `13 days`, `1News`, `10.30am`) are not taken: a bare year needs a word around
//! it that makes it one (`in`, `since`, `the 2021 NATO Summit`). Year-less expressions
//! (`in July`, `March 20-24`) are kept with year 0 until [`resolve_yearless`] gives them the
//! year the source's date and the sentence's tense imply.

use serde::Serialize;
use std::ops::Range;

use super::date::{DateStamp, Precision, month_from_word, weekday_from_word};
use super::search::sentences;
use super::source::Source;

/// How an event sits in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// At a date: `in June 2022`.
    Point,
    /// From a date on: `since 2001`.
    Since,
    /// Between two dates: `From 2015 until spring 2021`.
    Range,
}

impl EventKind {
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Point => "point",
            EventKind::Since => "since",
            EventKind::Range => "range",
        }
    }
}

/// A date expression and the sentence it dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The date, or the first of a range; year 0 while a year-less date is unresolved.
    pub start: DateStamp,
    /// The last date of a range.
    pub end: Option<DateStamp>,
    pub kind: EventKind,
    /// Index of the paragraph in [`Source::paragraphs`].
    pub paragraph: u32,
    /// The sentence, as a byte range of the paragraph's text.
    pub sentence: Range<u32>,
    /// The date expression, as a byte range of the paragraph's text.
    pub expression: Range<u32>,
    /// Stated without a year (`in July`): the year comes from the source's date.
    pub yearless: bool,
    /// The weekday stated with a year-less day (`Tuesday 12 March`), 0 for Monday: it tells
    /// which year the day is in.
    pub weekday: Option<u8>,
    /// Told as still to come (`will`, `would`, `is expected to`).
    pub future: bool,
}

impl Event {
    /// ISO cut to the precision; a range as `start/end`.
    pub fn date(&self) -> String {
        match self.end {
            Some(end) => format!("{}/{end}", self.start),
            None => self.start.to_string(),
        }
    }

    pub fn precision(&self) -> Precision {
        self.start.precision()
    }

    /// The date the event ends on or, for a point, its date: what a source mentioning it in
    /// the past tense must come after.
    pub fn last(&self) -> DateStamp {
        self.end.unwrap_or(self.start)
    }

    /// Whether its day, stated with a weekday (`Tuesday 12 March`), falls on that weekday in
    /// `year`; false for a day stated without one.
    pub fn falls_on_its_weekday(&self, year: i16) -> bool {
        self.weekday.is_some_and(|w| {
            jiff::civil::Date::new(year, self.start.month as i8, self.start.day as i8)
                .is_ok_and(|d| d.weekday().to_monday_zero_offset() as u8 == w)
        })
    }

    /// The sentence's text in `source`.
    pub fn sentence_text<'a>(&self, source: &'a Source) -> &'a str {
        let text = source.paragraph_text(self.paragraph as usize);
        text.get(self.sentence.start as usize..self.sentence.end as usize)
            .unwrap_or(text)
    }
}

/// Every date expression in the content paragraphs of `source`, in text order, year-less ones
/// unresolved.
pub fn extract(source: &Source) -> Vec<Event> {
    let mut out = Vec::new();
    for (index, (paragraph, text)) in source.paragraphs_with_text().enumerate() {
        if paragraph.is_furniture() || !may_hold_a_date(text) {
            continue;
        }
        for range in sentences(text) {
            let sentence = &text[range.clone()];
            if !may_hold_a_date(sentence) {
                continue;
            }
            let found = in_sentence(sentence);
            if found.is_empty() {
                continue;
            }
            let future = is_future(sentence);
            out.extend(found.into_iter().map(|f| Event {
                start: f.start,
                end: f.end,
                kind: f.kind,
                paragraph: index as u32,
                sentence: range.start as u32..range.end as u32,
                expression: (range.start + f.bytes.start) as u32
                    ..(range.start + f.bytes.end) as u32,
                yearless: f.start.year == 0,
                weekday: f.weekday,
                future,
            }));
        }
    }
    out
}

/// Give year-less events the year that `reference` (the source's date) and their tense imply:
/// a month still to come is the next one, any other the last one; a day stated with its weekday
/// is in the nearest year where it falls on that weekday (from a reference of a year alone, a
/// lower bound, the first such year from it on). Without a reference they are dropped: an
/// event without a year cannot be placed.
pub fn resolve_yearless(events: &mut Vec<Event>, reference: Option<DateStamp>) {
    events.retain_mut(|e| {
        if !e.yearless || e.start.year != 0 {
            return true;
        }
        let Some(r) = reference else {
            return false;
        };
        let candidates: Vec<i16> = if r.month == 0 {
            (r.year..r.year + 7).collect()
        } else {
            vec![r.year, r.year - 1, r.year + 1]
        };
        let year = if let Some(y) = candidates.into_iter().find(|&y| e.falls_on_its_weekday(y)) {
            y
        } else if r.month == 0 {
            // A year alone: the event is taken to be in it.
            r.year
        } else if e.future {
            if e.start.month >= r.month {
                r.year
            } else {
                r.year + 1
            }
        } else if e.start.month <= r.month {
            r.year
        } else {
            r.year - 1
        };
        e.start.year = year;
        if let Some(end) = &mut e.end {
            end.year = year;
        }
        true
    });
}

/// Cheap test before the word scan: a digit, or a capital followed by the letters that begin
/// a month (`Jan`, `Jul`, `Mar`, ...). Most sentences have neither.
fn may_hold_a_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c.is_ascii_digit()
            || matches!(
                (c, b.get(i + 1), b.get(i + 2)),
                (b'J', Some(b'a'), Some(b'n'))
                    | (b'J', Some(b'u'), Some(b'n' | b'l'))
                    | (b'F', Some(b'e'), Some(b'b'))
                    | (b'M', Some(b'a'), Some(b'r' | b'y'))
                    | (b'A', Some(b'p' | b'u'), Some(b'r' | b'g'))
                    | (b'S', Some(b'e'), Some(b'p'))
                    | (b'O', Some(b'c'), Some(b't'))
                    | (b'N', Some(b'o'), Some(b'v'))
                    | (b'D', Some(b'e'), Some(b'c'))
            )
    })
}

const FUTURE_CUES: [&str; 12] = [
    " will ",
    " would ",
    "’ll ",
    "'ll ",
    " shall ",
    " expected to ",
    " due to ",
    " scheduled ",
    " upcoming ",
    " to be held",
    " going to ",
    " planned for ",
];

fn is_future(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    FUTURE_CUES.iter().any(|cue| lower.contains(cue))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Word(&'a str),
    /// Digits alone.
    Number(&'a str),
    /// `22nd`, `75th`.
    Ordinal(u32),
    /// Digits glued to letters or to more digits (`1News`, `1990s`, `10.30am`, `2,000`).
    Mixed,
    Dash,
    Slash,
    Comma,
    Other(char),
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    tok: Tok<'a>,
    start: usize,
    end: usize,
}

fn tokenize(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let tok = if c.is_ascii_digit() {
            let mut mixed = false;
            while let Some(&(i, n)) = chars.peek() {
                let glued = (n == '.' || n == ',' || n == ':')
                    && s[i + 1..].starts_with(|d: char| d.is_ascii_digit());
                if n.is_ascii_digit() {
                    end = i + 1;
                } else if glued {
                    mixed = true;
                    end = i + 1;
                } else if n.is_alphanumeric() {
                    mixed = true;
                    end = i + n.len_utf8();
                } else {
                    break;
                }
                chars.next();
            }
            let text = &s[start..end];
            let digits = text.trim_end_matches(|c: char| c.is_alphabetic());
            let suffix = text[digits.len()..].to_ascii_lowercase();
            if !mixed {
                Tok::Number(text)
            } else if ["st", "nd", "rd", "th"].contains(&suffix.as_str())
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                Tok::Ordinal(digits.parse().unwrap_or(0))
            } else {
                Tok::Mixed
            }
        } else if c.is_alphabetic() {
            while let Some(&(i, n)) = chars.peek() {
                let inner_apostrophe = (n == '’' || n == '\'')
                    && s[i + n.len_utf8()..].starts_with(char::is_alphabetic);
                if !(n.is_alphabetic() || inner_apostrophe) {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            Tok::Word(&s[start..end])
        } else if c.is_whitespace() {
            continue;
        } else {
            match c {
                '-' | '–' | '—' => Tok::Dash,
                '/' => Tok::Slash,
                ',' => Tok::Comma,
                other => Tok::Other(other),
            }
        };
        out.push(Token { tok, start, end });
    }
    out
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    start: DateStamp,
    end: Option<DateStamp>,
    kind: EventKind,
    /// Bytes of the sentence.
    bytes: Range<usize>,
    /// Tokens it spans.
    tokens: Range<usize>,
    weekday: Option<u8>,
}

/// Words before a bare number that make it a year: `in 2012`, `since 2001`, `the 2021 Summit`.
const BEFORE_A_YEAR: [&str; 28] = [
    "in", "since", "from", "by", "until", "till", "to", "through", "between", "of", "during",
    "before", "after", "early", "late", "mid", "the", "and", "or", "circa", "around", "spring",
    "summer", "autumn", "fall", "winter", "year", "its",
];

/// Words before a month name alone that make it a date: `in July`, `since March`.
const BEFORE_A_MONTH: [&str; 16] = [
    "in", "on", "since", "by", "until", "till", "from", "last", "next", "this", "early", "late",
    "mid", "during", "before", "after",
];

/// Words after a number that make it a count, not a year: `2000 people`, `1500 per week`,
/// `1200 young doctors`.
const COUNTED: [&str; 28] = [
    "per",
    "young",
    "extra",
    "children",
    "patients",
    "doctors",
    "nurses",
    "teachers",
    "visitors",
    "families",
    "businesses",
    "applications",
    "people",
    "members",
    "households",
    "homes",
    "jobs",
    "students",
    "cases",
    "units",
    "times",
    "hectares",
    "tonnes",
    "votes",
    "staff",
    "workers",
    "submissions",
    "signatures",
];

const SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];

fn word_at<'a>(tokens: &[Token<'a>], i: usize) -> Option<&'a str> {
    match tokens.get(i)?.tok {
        Tok::Word(w) => Some(w),
        _ => None,
    }
}

fn lower_word_at(tokens: &[Token<'_>], i: Option<usize>) -> Option<String> {
    word_at(tokens, i?).map(str::to_lowercase)
}

fn year_at(tokens: &[Token<'_>], i: usize) -> Option<i16> {
    match tokens.get(i)?.tok {
        Tok::Number(n) if n.len() == 4 => n.parse().ok().filter(|y| (1000..=2199).contains(y)),
        _ => None,
    }
}

fn day_at(tokens: &[Token<'_>], i: usize) -> Option<u8> {
    match tokens.get(i)?.tok {
        Tok::Number(n) if n.len() <= 2 => n.parse().ok().filter(|d| (1..=31).contains(d)),
        Tok::Ordinal(d) if (1..=31).contains(&d) => Some(d as u8),
        _ => None,
    }
}

/// A month named in full (`July`) or, before a day or year, abbreviated (`Jul.`); capitalised,
/// so that `may` and `march` as words are not months.
fn month_at(tokens: &[Token<'_>], i: usize, abbreviated: bool) -> Option<u8> {
    let w = word_at(tokens, i)?;
    if !w.starts_with(|c: char| c.is_uppercase()) || (!abbreviated && w.len() < 3) {
        return None;
    }
    let m = month_from_word(w)?;
    (abbreviated || w.len() > 4 || ["June", "July", "May"].contains(&w)).then_some(m)
}

fn stamp(year: i16, month: u8, day: u8) -> Option<DateStamp> {
    if day == 0 {
        Some(DateStamp {
            year,
            month,
            day: 0,
            minute_of_day: None,
        })
    } else if year == 0 {
        // Year-less: checked against a leap year so that 29 February passes.
        DateStamp::ymd(2000, month, day).map(|d| DateStamp { year: 0, ..d })
    } else {
        DateStamp::ymd(year, month, day)
    }
}

/// An optional `, 2024` or `of 2023` after a month or day at `i`: the year and the next token.
fn year_after(tokens: &[Token<'_>], mut i: usize) -> (Option<i16>, usize) {
    let joiner = matches!(tokens.get(i).map(|t| t.tok), Some(Tok::Comma))
        || word_at(tokens, i) == Some("of");
    if joiner && year_at(tokens, i + 1).is_some() {
        i += 1;
    }
    match year_at(tokens, i) {
        Some(y) => (Some(y), i + 1),
        None => (None, i),
    }
}

/// `-24` after a day: the last day of a range.
fn day_range_after(tokens: &[Token<'_>], i: usize) -> Option<u8> {
    (matches!(tokens.get(i).map(|t| t.tok), Some(Tok::Dash)))
        .then(|| day_at(tokens, i + 1))
        .flatten()
}

/// The date expression starting at token `i`, if any, with the token after it.
fn date_at(tokens: &[Token<'_>], i: usize) -> Option<(DateStamp, Option<DateStamp>, usize)> {
    let prev = i.checked_sub(1);
    // 2024-04-04
    if let (Some(y), Some(Tok::Dash), Some(Tok::Number(m)), Some(Tok::Dash), Some(d)) = (
        year_at(tokens, i),
        tokens.get(i + 1).map(|t| t.tok),
        tokens.get(i + 2).map(|t| t.tok),
        tokens.get(i + 3).map(|t| t.tok),
        day_at(tokens, i + 4),
    ) && m.len() == 2
        && tokens[i + 4].start == tokens[i + 3].end
    {
        let date = stamp(y, m.parse().ok()?, d)?;
        return Some((date, None, i + 5));
    }
    // 22 August 2003, 20-24 March
    if let Some(day) = day_at(tokens, i) {
        let last = day_range_after(tokens, i + 1);
        let at = if last.is_some() { i + 3 } else { i + 1 };
        let month = month_at(tokens, at, true)?;
        let (year, next) = year_after(tokens, at + 1);
        let y = year.unwrap_or(0);
        let start = stamp(y, month, day)?;
        let end = last.and_then(|d| stamp(y, month, d)).filter(|e| e > &start);
        return Some((start, end, next));
    }
    // August 22, 2003; March 20-24; June 2022; June of 2023; in July
    if let Some(month) = month_at(tokens, i, true) {
        if let Some(day) = day_at(tokens, i + 1) {
            let last = day_range_after(tokens, i + 2);
            let at = if last.is_some() { i + 4 } else { i + 2 };
            let (year, next) = year_after(tokens, at);
            let y = year.unwrap_or(0);
            let start = stamp(y, month, day)?;
            let end = last.and_then(|d| stamp(y, month, d)).filter(|e| e > &start);
            return Some((start, end, next));
        }
        let (year, next) = year_after(tokens, i + 1);
        if let Some(y) = year {
            return Some((stamp(y, month, 0)?, None, next));
        }
        let before = lower_word_at(tokens, prev)?;
        let alone = month_at(tokens, i, false).is_some();
        return (alone && BEFORE_A_MONTH.contains(&before.as_str()))
            .then(|| Some((stamp(0, month, 0)?, None, i + 1)))
            .flatten();
    }
    // spring 2021
    if let Some(w) = word_at(tokens, i)
        && SEASONS.contains(&w.to_lowercase().as_str())
    {
        let (year, next) = year_after(tokens, i + 1);
        return Some((DateStamp::year(year?), None, next));
    }
    // A bare year, in context.
    let year = year_at(tokens, i)?;
    let next_tok = tokens.get(i + 1).map(|t| t.tok);
    // 2015/16, 2001-2021
    if let (Some(Tok::Dash | Tok::Slash), Some(Tok::Number(n))) =
        (next_tok, tokens.get(i + 2).map(|t| t.tok))
    {
        let last = match n.len() {
            4 => n.parse::<i16>().ok(),
            2 => n.parse::<i16>().ok().map(|yy| year - year % 100 + yy),
            _ => None,
        };
        if let Some(last) = last.filter(|l| *l > year && *l - year < 100) {
            return Some((DateStamp::year(year), Some(DateStamp::year(last)), i + 3));
        }
    }
    let before = prev.map(|p| tokens[p].tok);
    // A bare number before 1800 in news is nearly always a count (`a rate of 1500 per week`,
    // `a total of 1673`): such years are only taken with a day or month.
    if year < 1800 || matches!(before, Some(Tok::Other('$' | '£' | '€' | '#' | '+'))) {
        return None;
    }
    let next_word = word_at(tokens, i + 1);
    if next_word.is_some_and(|w| COUNTED.contains(&w.to_lowercase().as_str()))
        || matches!(next_tok, Some(Tok::Other('%' | ':')))
    {
        return None;
    }
    let capital = |w: Option<&str>| w.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    let before_word = lower_word_at(tokens, prev);
    let in_context = before_word
        .as_deref()
        .is_some_and(|w| BEFORE_A_YEAR.contains(&w))
        || matches!(before, Some(Tok::Dash))
            && lower_word_at(tokens, i.checked_sub(2)).as_deref() == Some("mid")
        || capital(next_word) && (prev.is_none() || capital(prev.and_then(|p| word_at(tokens, p))));
    in_context.then(|| (DateStamp::year(year), None, i + 1))
}

/// The date expressions of one sentence, ranges joined, `since` marked, and a bare year left
/// out when a finer date of the same year dates the sentence (`In June 2022 ... the 2022 NATO
/// Summit` is one event).
fn in_sentence(sentence: &str) -> Vec<Found> {
    let tokens = tokenize(sentence);
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((start, end, next)) = date_at(&tokens, i) else {
            i += 1;
            continue;
        };
        let kind = if end.is_some() {
            EventKind::Range
        } else {
            EventKind::Point
        };
        // `Tuesday 12 March`, `Tuesday, March 12`
        let weekday = (start.day != 0)
            .then(|| {
                let before = match i.checked_sub(1).map(|p| tokens[p].tok) {
                    Some(Tok::Comma) => i.checked_sub(2),
                    _ => i.checked_sub(1),
                };
                word_at(&tokens, before?).and_then(weekday_from_word)
            })
            .flatten();
        found.push(Found {
            start,
            end,
            kind,
            bytes: tokens[i].start..tokens[next - 1].end,
            tokens: i..next,
            weekday,
        });
        i = next;
    }
    // Join `from A to B`, `between A and B`, `A until B`.
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = joined.last_mut()
            && last.end.is_none()
            && f.end.is_none()
            && f.tokens.start == last.tokens.end + 1
            && f.start > last.start
            && f.start.year != 0
        {
            let link = lower_word_at(&tokens, Some(last.tokens.end));
            let opener = lower_word_at(&tokens, last.tokens.start.checked_sub(1));
            let joins = match link.as_deref() {
                Some("until" | "till" | "through") => true,
                Some("to") => opener.as_deref() == Some("from"),
                Some("and") => opener.as_deref() == Some("between"),
                _ => false,
            };
            if joins {
                last.end = Some(f.start);
                last.kind = EventKind::Range;
                last.bytes.end = f.bytes.end;
                last.tokens.end = f.tokens.end;
                continue;
            }
        }
        joined.push(f);
    }
    for f in &mut joined {
        if f.kind == EventKind::Point
            && lower_word_at(&tokens, f.tokens.start.checked_sub(1)).as_deref() == Some("since")
        {
            f.kind = EventKind::Since;
        }
    }
    let finer: Vec<(i16, Precision)> = joined
        .iter()
        .map(|f| (f.start.year, f.start.precision()))
        .collect();
    joined.retain(|f| {
        !(f.kind == EventKind::Point
            && f.start.precision() == Precision::Year
            && finer
                .iter()
                .any(|&(y, p)| y == f.start.year && p > Precision::Year))
    });
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(sentence: &str) -> Vec<String> {
        in_sentence(sentence)
            .into_iter()
            .map(|f| {
                let date = match f.end {
                    Some(e) => format!("{}/{e}", f.start),
                    None => f.start.to_string(),
                };
                format!("{date} {} [{}]", f.kind.name(), &sentence[f.bytes])
            })
            .collect()
    }

    #[test]
    fn full_dates_months_and_years_in_context() {
        assert_eq!(
            dates("In June 2022, the Prime Minister participated in the 2022 NATO Summit."),
            ["2022-06 point [June 2022]"]
        );
        assert_eq!(
            dates("Negotiations began in June of 2023, and will end."),
            ["2023-06 point [June of 2023]"]
        );
        assert_eq!(
            dates("It completed its mission in December 2014."),
            ["2014-12 point [December 2014]"]
        );
        assert_eq!(
            dates("On 22 August 2003 and on August 23, 2003 and 2003-08-24."),
            [
                "2003-08-22 point [22 August 2003]",
                "2003-08-23 point [August 23, 2003]",
                "2003-08-24 point [2003-08-24]"
            ]
        );
        assert_eq!(
            dates("At the 2021 NATO Summit in Brussels, Allies agreed."),
            ["2021 point [2021]"]
        );
        assert_eq!(
            dates("This was reiterated in the NATO 2022 Strategic Concept."),
            ["2022 point [2022]"]
        );
        assert_eq!(
            dates("In 2012, New Zealand and NATO agreed."),
            ["2012 point [2012]"]
        );
    }

    #[test]
    fn since_and_ranges() {
        assert_eq!(
            dates("They have engaged in dialogue since 2001."),
            ["2001 since [2001]"]
        );
        assert_eq!(
            dates("various efforts, including in Afghanistan, between 2001-2021."),
            ["2001/2021 range [2001-2021]"]
        );
        assert_eq!(
            dates("From 2015 until spring 2021, New Zealand contributed."),
            ["2015/2021 range [2015 until spring 2021]"]
        );
        assert_eq!(
            dates("between 2001 and 2021, and in the 2015/16 year"),
            [
                "2001/2021 range [2001 and 2021]",
                "2015/2016 range [2015/16]"
            ]
        );
    }

    #[test]
    fn yearless_dates_wait_for_a_year() {
        assert_eq!(
            dates("officials visited Australia and New Zealand from March 20-24.“Russia’s war"),
            ["0000-03-20/0000-03-24 range [March 20-24]"]
        );
        assert_eq!(
            dates("the alliance would celebrate at its meeting in Washington in July"),
            ["0000-07 point [July]"]
        );
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for s in [
            "the alliance’s 32 member countries",
            "on its 75th anniversary",
            "a partnership of 25 years",
            "just 13 days after",
            "he told 1News at 10.30am",
            "in the 1990s",
            "there were 2000 people and $2020 raised",
            "we may march on Parliament",
            "It rose 2019%",
            "Call 0800 2021 2022 now",
            "people leave at a rate of 1500 per week",
            "for a total of 1673.",
            "Up to 1200 young doctors will take part",
            "school choice taken from 1500 disadvantaged students",
        ] {
            assert_eq!(dates(s), Vec::<String>::new(), "{s}");
        }
        assert_eq!(
            dates("In 2019 more than 2000 new homes"),
            ["2019 point [2019]"]
        );
    }

    #[test]
    fn yearless_dates_take_the_year_of_the_source_and_tense() {
        let event = |month: u8, future: bool| Event {
            start: DateStamp {
                year: 0,
                month,
                day: 0,
                minute_of_day: None,
            },
            end: None,
            kind: EventKind::Point,
            paragraph: 0,
            sentence: 0..0,
            expression: 0..0,
            yearless: true,
            weekday: None,
            future,
        };
        let april = DateStamp::ymd(2024, 4, 4);
        let mut events = vec![
            event(7, true),
            event(3, false),
            event(7, false),
            event(2, true),
        ];
        resolve_yearless(&mut events, april);
        let got: Vec<String> = events.iter().map(Event::date).collect();
        assert_eq!(got, ["2024-07", "2024-03", "2023-07", "2025-02"]);
        // 12 March was a Tuesday in 2024 and 2019, a Sunday in 2023.
        let tuesday = |e: Event| Event {
            start: DateStamp { day: 12, ..e.start },
            weekday: Some(1),
            ..e
        };
        let mut events = vec![tuesday(event(3, false))];
        resolve_yearless(&mut events, DateStamp::ymd(2023, 4, 1));
        assert_eq!(
            events[0].date(),
            "2024-03-12",
            "nearest year with that weekday"
        );
        let mut events = vec![tuesday(event(3, false))];
        resolve_yearless(&mut events, Some(DateStamp::year(2020)));
        assert_eq!(events[0].date(), "2024-03-12", "first from a year on");
        let mut unplaced = vec![event(7, true)];
        resolve_yearless(&mut unplaced, None);
        assert!(unplaced.is_empty());
    }
}
