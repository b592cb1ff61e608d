//! Dates of undated sources, inferred from their text and from the sources they share
//! passages with, always with the evidence and a confidence.
//!
//! The text gives bounds and estimates: a past event (`Negotiations began in June of 2023`)
//! means the source is not older; an event still to come (`would celebrate ... in July`) that
//! it is not newer; an anniversary (`NATO celebrating its 75th anniversary`), `one year on`
//! after a well-known event, or `13 days after March 20-24` say when it was written. A source
//! that copies a dated one is not older than it, and one copied by a dated source not newer;
//! which copied which is told by who is the origin (an official release, a minister's
//! statement) when the dates cannot tell it.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::Corpus;
use super::date::{DateKind, DateStamp, Precision};
use super::events::{self, Event};
use super::nearest_dated::{YearScore, YearScores};
use super::source::{PersonRole, Source};

/// What a piece of evidence says about the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    NotBefore,
    NotAfter,
    About,
}

impl Bound {
    pub fn name(self) -> &'static str {
        match self {
            Bound::NotBefore => "not before",
            Bound::NotAfter => "not after",
            Bound::About => "about",
        }
    }
}

/// One reason for an inferred date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub bound: Bound,
    #[serde(serialize_with = "iso")]
    pub date: DateStamp,
    /// Why, in words: `the latest past event`, `NATO's 75th anniversary (founded 1949-04-04)`.
    pub reason: String,
    /// The paragraph the text evidence is in.
    pub paragraph: Option<u32>,
    /// The sentence or passage it rests on.
    pub text: String,
    /// The other source, for evidence from a shared passage.
    pub source: Option<String>,
}

impl Evidence {
    /// Evidence the text gives, in a sentence of paragraph `paragraph`.
    fn in_text(bound: Bound, date: DateStamp, reason: String, paragraph: u32, text: &str) -> Self {
        Evidence {
            bound,
            date,
            reason,
            paragraph: Some(paragraph),
            text: text.to_string(),
            source: None,
        }
    }
}

/// `not before 2024-04-04: copies a passage of 000_c913cf1023a538cf (2024-04-04)`.
impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.bound.name(), self.date, self.reason)
    }
}

fn iso<S: serde::Serializer>(d: &DateStamp, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// A date the source does not state, with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InferredDate {
    /// The best guess, cut to the precision the evidence allows.
    #[serde(serialize_with = "iso")]
    pub best: DateStamp,
    /// The earliest and latest possible dates, when bounded.
    #[serde(skip)]
    pub earliest: Option<DateStamp>,
    #[serde(skip)]
    pub latest: Option<DateStamp>,
    /// 0 to 1: how far the evidence agrees and narrows the date.
    pub confidence: f32,
    pub evidence: Vec<Evidence>,
}

impl InferredDate {
    /// `2024-04-04/2024-07-31`, `2023-06-01/..`, `../2024-07-31`.
    pub fn range(&self) -> String {
        let side = |d: Option<DateStamp>| d.map_or_else(|| "..".to_string(), |d| d.to_string());
        format!("{}/{}", side(self.earliest), side(self.latest))
    }

    /// The bounds in words: `between 2024-04-04 and 2024-07-31`, `from 2023-03-24 on`.
    pub fn bounds(&self) -> String {
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) => format!("between {a} and {b}"),
            (Some(a), None) => format!("from {a} on"),
            (None, Some(b)) => format!("until {b}"),
            (None, None) => "unbounded".to_string(),
        }
    }
}

/// A strong passage the source shares with a dated one.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedPassage {
    pub other: String,
    pub date: DateStamp,
    /// Which copied which, when it can be told.
    pub direction: Direction,
    /// The shared words.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The source took the passage from the other.
    Copies,
    /// The other took it from the source.
    CopiedBy,
    Unknown,
}

/// A source that originates what others report: a minister's release, a government or
/// international organisation's page.
pub fn is_origin(source: &Source) -> bool {
    const OFFICIAL: [&str; 7] = [
        ".govt.nz",
        ".gov",
        ".gov.uk",
        ".gov.au",
        ".int",
        ".mil",
        ".parliament.nz",
    ];
    source.people.iter().any(|p| p.role == PersonRole::Minister)
        || source
            .outlet
            .as_deref()
            .is_some_and(|o| OFFICIAL.iter().any(|suffix| o.ends_with(suffix)))
}

/// Which of `source` and `other` (dated, published on `other`'s date) copied the other.
pub fn direction(source: &Source, other: &Source) -> Option<Direction> {
    let d = other.date.as_ref()?;
    // An update date says when the page last changed, not when the passage was first there.
    if d.kind == DateKind::Updated {
        return None;
    }
    Some(match (is_origin(source), is_origin(other)) {
        (false, true) => Direction::Copies,
        (true, false) => Direction::CopiedBy,
        _ => Direction::Unknown,
    })
}

/// A date well known enough to date what mentions it.
struct Anchor {
    /// Lowercase phrases that name it.
    names: &'static [&'static str],
    date: (i16, u8, u8),
    what: &'static str,
    /// A founding, counted from by anniversaries; otherwise an event whose mention dates the
    /// text after it.
    founding: bool,
}

const ANCHORS: [Anchor; 14] = [
    Anchor {
        names: &[
            "nato",
            "n.a.t.o.",
            "north atlantic treaty organization",
            "the alliance",
        ],
        date: (1949, 4, 4),
        what: "NATO founded",
        founding: true,
    },
    Anchor {
        names: &["united nations"],
        date: (1945, 10, 24),
        what: "the United Nations founded",
        founding: true,
    },
    Anchor {
        names: &["treaty of waitangi", "te tiriti"],
        date: (1840, 2, 6),
        what: "the Treaty of Waitangi signed",
        founding: true,
    },
    Anchor {
        names: &["anzus"],
        date: (1951, 9, 1),
        what: "the ANZUS treaty signed",
        founding: true,
    },
    Anchor {
        names: &[
            "invasion of ukraine",
            "invaded ukraine",
            "war against ukraine",
            "war in ukraine",
            "war on ukraine",
            "ukraine war",
        ],
        date: (2022, 2, 24),
        what: "Russia's full-scale invasion of Ukraine",
        founding: false,
    },
    Anchor {
        names: &["covid-19", "covid19"],
        date: (2020, 2, 11),
        what: "COVID-19 named",
        founding: false,
    },
    Anchor {
        names: &["cyclone gabrielle"],
        date: (2023, 2, 13),
        what: "Cyclone Gabrielle",
        founding: false,
    },
    Anchor {
        names: &["mosque attacks", "mosque shootings", "march 15 attacks"],
        date: (2019, 3, 15),
        what: "the Christchurch mosque attacks",
        founding: false,
    },
    Anchor {
        names: &["kaikōura earthquake", "kaikoura earthquake"],
        date: (2016, 11, 14),
        what: "the Kaikōura earthquake",
        founding: false,
    },
    Anchor {
        names: &["canterbury earthquake", "christchurch earthquake"],
        date: (2010, 9, 4),
        what: "the first Canterbury earthquake",
        founding: false,
    },
    Anchor {
        names: &["prime minister jacinda ardern", "prime minister ardern"],
        date: (2017, 10, 26),
        what: "Jacinda Ardern became Prime Minister",
        founding: false,
    },
    Anchor {
        names: &["prime minister john key"],
        date: (2008, 11, 19),
        what: "John Key became Prime Minister",
        founding: false,
    },
    Anchor {
        names: &[
            "prime minister chris hipkins",
            "prime minister hipkins",
            "hipkins government",
        ],
        date: (2023, 1, 25),
        what: "Chris Hipkins became Prime Minister",
        founding: false,
    },
    Anchor {
        names: &["prime minister christopher luxon", "prime minister luxon"],
        date: (2023, 11, 27),
        what: "Christopher Luxon became Prime Minister",
        founding: false,
    },
];

fn civil(d: DateStamp) -> Date {
    Date::new(d.year, d.month.max(1) as i8, d.day.max(1) as i8).unwrap_or(Date::MIN)
}

fn stamp(d: Date, precision: Precision) -> DateStamp {
    DateStamp {
        year: d.year(),
        month: if precision >= Precision::Month {
            d.month() as u8
        } else {
            0
        },
        day: if precision >= Precision::Day {
            d.day() as u8
        } else {
            0
        },
        minute_of_day: None,
    }
}

/// The first and last day a date at its precision covers.
fn days(d: DateStamp) -> (Date, Date) {
    let first = civil(d);
    let last = match d.precision() {
        Precision::Year => Date::new(d.year, 12, 31).unwrap_or(first),
        Precision::Month => first.last_of_month(),
        _ => first,
    };
    (first, last)
}

const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// `13`, `one`, `a` as a count.
fn count(word: &str) -> Option<i64> {
    if word == "a" || word == "an" {
        return Some(1);
    }
    word.parse().ok().or_else(|| {
        NUMBER_WORDS
            .iter()
            .position(|w| *w == word)
            .map(|i| i as i64 + 1)
    })
}

/// Evidence the text gives, from its events (all with a year: [`place`] leaves out or
/// resolves the year-less) and sentences.
fn text_evidence(source: &Source, events: &[Event]) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut latest_past: Option<&Event> = None;
    let mut earliest_future: Option<&Event> = None;
    for e in events {
        // `by 2030` is a deadline, not a past event.
        let deadline = source
            .paragraph_text(e.paragraph as usize)
            .get(..e.expression.start as usize)
            .and_then(|before| before.split_whitespace().next_back())
            .is_some_and(|word| {
                ["by", "until", "target"]
                    .iter()
                    .any(|d| word.eq_ignore_ascii_case(d))
            });
        if e.future || deadline {
            if e.future && earliest_future.is_none_or(|f| e.start < f.start) {
                earliest_future = Some(e);
            }
        } else if latest_past.is_none_or(|l| days(e.last()).0 > days(l.last()).0) {
            latest_past = Some(e);
        }
    }
    let of_event = |bound, date, reason: &str, e: &Event| {
        Evidence::in_text(
            bound,
            date,
            reason.into(),
            e.paragraph,
            e.sentence_text(source),
        )
    };
    // A day named with its weekday (`on Tuesday 12 March`) is one of the days around the
    // writing: press releases name this week's days so.
    if let Some(e) = events
        .iter()
        .filter(|e| e.weekday.is_some())
        .max_by_key(|e| e.start)
    {
        out.push(of_event(
            Bound::About,
            e.start,
            "a day named with its weekday",
            e,
        ));
    }
    if let Some(e) = latest_past {
        out.push(of_event(
            Bound::NotBefore,
            e.last(),
            "the latest past event it tells",
            e,
        ));
    }
    if let Some(e) = earliest_future {
        out.push(of_event(
            Bound::NotAfter,
            e.start,
            "an event still to come",
            e,
        ));
    }
    for (index, (p, text)) in source.paragraphs_with_text().enumerate() {
        if p.is_furniture() {
            continue;
        }
        for range in super::search::sentences(text) {
            let sentence = Sentence {
                text: &text[range.clone()],
                paragraph: index as u32,
                range: range.start as u32..range.end as u32,
            };
            sentence_evidence(&sentence, events, &mut out);
        }
    }
    out
}

/// A sentence of a paragraph.
struct Sentence<'a> {
    text: &'a str,
    paragraph: u32,
    range: std::ops::Range<u32>,
}

/// Anniversaries, `N years on`, `N days after <date>` and mentions of well-known events in
/// one sentence.
fn sentence_evidence(s: &Sentence<'_>, events: &[Event], out: &mut Vec<Evidence>) {
    let (sentence, paragraph) = (s.text, s.paragraph);
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.'))
        .collect();
    let anchors_here: Vec<&Anchor> = ANCHORS
        .iter()
        .filter(|a| a.names.iter().any(|n| lower.contains(n)))
        .collect();
    let about = |date: Date, reason: String, out: &mut Vec<Evidence>| {
        let date = stamp(date, Precision::Month);
        out.push(Evidence::in_text(
            Bound::About,
            date,
            reason,
            paragraph,
            sentence,
        ));
    };
    for a in &anchors_here {
        let (y, m, d) = a.date;
        let Ok(date) = Date::new(y, m as i8, d as i8) else {
            continue;
        };
        if a.founding {
            // `its 75th anniversary`
            for w in words.windows(2) {
                // `75th`, `1st`: the ordinal as written.
                if w[1] == "anniversary"
                    && let Ok(n) = w[0].trim_end_matches(char::is_alphabetic).parse::<i64>()
                    && let Ok(at) = date.checked_add(n.years())
                {
                    let reason = format!("{} anniversary: {} {y}-{m:02}-{d:02}", w[0], a.what);
                    about(at, reason, out);
                }
            }
        } else {
            out.push(Evidence::in_text(
                Bound::NotBefore,
                stamp(date, Precision::Day),
                format!("mentions {} ({y}-{m:02}-{d:02})", a.what),
                paragraph,
                sentence,
            ));
            // `one year on`
            for w in words.windows(3) {
                if w[2] == "on"
                    && (w[1] == "year" || w[1] == "years")
                    && let Some(n) = count(w[0])
                    && let Ok(at) = date.checked_add(n.years())
                {
                    about(at, format!("{} {} on from {}", w[0], w[1], a.what), out);
                }
            }
        }
    }
    // `13 days after ... March 20-24`
    for w in words.windows(3) {
        let unit = match w[1] {
            "day" | "days" => 1.days(),
            "week" | "weeks" => 1.weeks(),
            "month" | "months" => 1.months(),
            _ => continue,
        };
        if w[2] != "after" {
            continue;
        }
        let Some(n) = count(w[0]) else { continue };
        let after = events
            .iter()
            .find(|e| e.paragraph == paragraph && e.sentence == s.range);
        if let Some(e) = after
            && let Ok(span) = unit.checked_mul(n)
            && let Ok(at) = days(e.last()).0.checked_add(span)
        {
            about(at, format!("{} {} after {}", w[0], w[1], e.date()), out);
        }
    }
}

/// What a strong passage shared with a dated source says.
fn copy_evidence(c: &DatedPassage) -> Evidence {
    let (bound, reason) = match c.direction {
        Direction::Copies => (Bound::NotBefore, "copies a passage of"),
        Direction::CopiedBy => (Bound::NotAfter, "is copied by"),
        Direction::Unknown => (Bound::About, "shares a passage with"),
    };
    Evidence {
        bound,
        date: if bound == Bound::About {
            stamp(civil(c.date), Precision::Month)
        } else {
            c.date
        },
        reason: format!("{reason} {} ({})", c.other, c.date),
        paragraph: None,
        text: c.text.clone(),
        source: Some(c.other.clone()),
    }
}

/// The date the text of an undated `source` and `copies` (the strong passages it shares with
/// dated sources) imply; `None` for a dated source, or when nothing places it.
pub fn place(
    source: &Source,
    copies: &[DatedPassage],
    votes: Option<&YearScores>,
) -> Option<InferredDate> {
    if source.date.is_some() {
        return None;
    }
    let mut events = events::extract(source);
    // Year-less days named with their weekdays: each falls so in one year of about seven.
    let named_days: Vec<Event> = events
        .iter()
        .filter(|e| e.yearless && e.weekday.is_some())
        .cloned()
        .collect();
    // Year-less events need a year: a first guess without them gives it.
    let absolute: Vec<Event> = events.iter().filter(|e| !e.yearless).cloned().collect();
    let first = infer(source, &absolute, copies, votes, &named_days);
    events::resolve_yearless(
        &mut events,
        first.as_ref().map(|d| DateStamp::year(d.best.year)),
    );
    infer(source, &events, copies, votes, &named_days).or(first)
}

/// The dated events of `source`, year-less ones given the year of its stated date, or of its
/// inferred one (dropped when it has neither).
pub fn events_of(source: &Source) -> Vec<Event> {
    let mut events = events::extract(source);
    let reference = match (&source.date, &source.inferred) {
        (Some(d), _) => Some(d.stamp),
        (None, Some(d)) => Some(DateStamp::year(d.best.year)),
        (None, None) => None,
    };
    events::resolve_yearless(&mut events, reference);
    events
}

fn infer(
    source: &Source,
    events: &[Event],
    copies: &[DatedPassage],
    votes: Option<&YearScores>,
    named_days: &[Event],
) -> Option<InferredDate> {
    let mut evidence = text_evidence(source, events);
    evidence.extend(copies.iter().map(copy_evidence));
    combine(evidence, votes, named_days)
}

/// How likely a source is written `gap` years after the latest past event it tells, and
/// `gap` years before the earliest event it tells as still to come: what the dated releases
/// of scoop-nz show (40% in the year of the latest past event, 13% the year after; 11% before
/// it, where the text's tense misled; a third of the "future" events already past).
fn after_latest_past(gap: i32) -> f64 {
    match gap {
        ..0 => 0.03,
        0 => 0.40,
        1 => 0.13,
        2 => 0.08,
        3 => 0.05,
        4 => 0.03,
        _ => 0.02,
    }
}

fn before_earliest_future(gap: i32) -> f64 {
    match gap {
        ..0 => 0.06,
        0 => 0.35,
        1 => 0.17,
        2 => 0.06,
        _ => 0.03,
    }
}

/// Votes below this share of all count as this much: the bounds may pick a year no near
/// source is of.
const LEAST_VOTE: f64 = 0.03;

/// What the text says of the year, beside the votes: the latest past event's year, the
/// earliest future event's, and the days named with their weekdays.
#[derive(Debug, Clone, Copy, Default)]
struct YearHints<'a> {
    lower: Option<i16>,
    upper: Option<i16>,
    named_days: &'a [Event],
}

/// How much each hint weighs against the votes (exponents of its likelihood), fitted on
/// scoop-nz's dated releases: the tenses mislead often, and a wrong weekday all but rules a
/// year out. With them (and a least vote of 0.03, not 0.05), 54.3% of its years come out
/// right, against 50.8% with both tenses at full weight and no weekdays; the exponents are
/// on a plateau (0.6 to 0.7 for the past, 0.3 to 0.5 for the future, 3 to 5 for weekdays
/// move it by less than 0.1 point).
const PAST_WEIGHT: f64 = 0.7;
const FUTURE_WEIGHT: f64 = 0.5;
const WEEKDAY_WEIGHT: f64 = 3.0;

/// The likeliest year by the votes of the dated sources nearest in words, weighed by how
/// likely each year is after the latest past event and before the earliest future one, and
/// by how many of the named days fall on their weekdays in it.
fn likeliest_year(scores: &YearScores, hints: YearHints<'_>) -> Option<i16> {
    let YearHints {
        lower,
        upper,
        named_days,
    } = hints;
    let candidates = scores
        .years
        .iter()
        .map(|y| y.year)
        .chain(lower)
        .chain(upper);
    let weight = |y: i16| {
        let fitting = named_days
            .iter()
            .filter(|d| d.falls_on_its_weekday(y))
            .count() as f64;
        scores.share(y).max(LEAST_VOTE)
            * lower.map_or(1.0, |l| {
                after_latest_past(i32::from(y - l)).powf(PAST_WEIGHT)
            })
            * upper.map_or(1.0, |u| {
                before_earliest_future(i32::from(u - y)).powf(FUTURE_WEIGHT)
            })
            * (WEEKDAY_WEIGHT * fitting / named_days.len().max(1) as f64).exp()
    };
    candidates.max_by(|&a, &b| weight(a).total_cmp(&weight(b)).then(b.cmp(&a)))
}

/// What the dated sources nearest in words say of the year `voted`, which has `share` of
/// their votes.
fn words_evidence(voted: &YearScore, share: f64) -> Option<Evidence> {
    let year = voted.year;
    Some(Evidence {
        bound: Bound::About,
        date: DateStamp::year(year),
        reason: format!(
            "{:.0}% of the votes of the dated sources nearest in words are for {year}, \
             the nearest of them {}",
            100.0 * share,
            voted.voters.first()?,
        ),
        paragraph: None,
        text: voted
            .voters
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        source: None,
    })
}

/// Bounds intersected (the text's future events give way when they contradict the rest), then
/// the best guess: just after a source it copies, else the latest estimate within the bounds,
/// else the likeliest year by the votes of the dated sources nearest in words and the text's
/// events (the month of the latest past event when that is the year), else just after the
/// latest past event.
fn combine(
    all: Vec<Evidence>,
    votes: Option<&YearScores>,
    named_days: &[Event],
) -> Option<InferredDate> {
    let first_day = |e: &Evidence| days(e.date).0;
    let last_day = |e: &Evidence| days(e.date).1;
    let lower = all
        .iter()
        .filter(|e| e.bound == Bound::NotBefore)
        .max_by_key(|e| (first_day(e), e.source.is_some()));
    let mut upper = all
        .iter()
        .filter(|e| e.bound == Bound::NotAfter)
        .min_by_key(|e| last_day(e));
    if let (Some(l), Some(u)) = (lower, upper)
        && first_day(l) > last_day(u)
    {
        upper = None;
    }
    let (lo, hi) = (lower.map(first_day), upper.map(last_day));
    let within =
        |e: &&Evidence| lo.is_none_or(|l| last_day(e) >= l) && hi.is_none_or(|h| first_day(e) <= h);
    let mut estimates: Vec<&Evidence> = all
        .iter()
        .filter(|e| e.bound == Bound::About)
        .filter(within)
        .collect();
    estimates.sort_by_key(|e| first_day(e));
    estimates.dedup_by(|a, b| a.reason == b.reason);
    let month = |e: &Evidence| stamp(first_day(e), e.date.precision().min(Precision::Month));
    // The likeliest year, its share of the votes, and its voters (none when the text's
    // events chose a year no near source is of).
    let by_words = votes.and_then(|v| {
        let hints = YearHints {
            lower: lower.map(|l| l.date.year),
            upper: upper.map(|u| u.date.year),
            named_days,
        };
        let year = likeliest_year(v, hints)?;
        Some((year, v.share(year), v.years.iter().find(|y| y.year == year)))
    });
    let (best, mut confidence) = if let Some(c) = lower.filter(|e| e.source.is_some()) {
        (month(c), 0.7)
    } else if let Some(e) = estimates.last() {
        (month(e), 0.6)
    } else if let Some((year, share, voted)) = by_words {
        // On scoop-nz, a year with half the votes is right 79% of the time, with 70% of them
        // 91%.
        let confidence = 0.3 + 0.5 * share;
        let voted_month = voted.and_then(YearScore::month);
        match lower {
            // The later of the latest past event and the month the votes give.
            Some(l) if l.date.year == year => (
                voted_month.map_or(month(l), |v| month(l).max(v)),
                confidence + 0.1,
            ),
            _ => (voted_month.unwrap_or(DateStamp::year(year)), confidence),
        }
    } else if let Some(l) = lower {
        (month(l), 0.4)
    } else {
        (month(upper?), 0.2)
    };
    if estimates.iter().any(|e| month(e) == best) && lower.is_some_and(|l| l.source.is_some()) {
        confidence += 0.1;
    }
    if let (Some(l), Some(h)) = (lo, hi)
        && (h - l).get_days() < 366
    {
        confidence += 0.1;
    }
    let mut evidence: Vec<Evidence> = lower.into_iter().chain(upper).cloned().collect();
    evidence.extend(estimates.into_iter().cloned());
    evidence.extend(by_words.and_then(|(_, share, voted)| words_evidence(voted?, share)));
    evidence.extend(
        all.iter()
            .filter(|e| e.source.is_some() && !evidence.contains(e))
            .cloned()
            .collect::<Vec<_>>(),
    );
    Some(InferredDate {
        best,
        earliest: lo.map(|d| stamp(d, Precision::Day)),
        latest: hi.map(|d| stamp(d, Precision::Day)),
        confidence: (confidence as f32).min(0.9),
        evidence,
    })
}

/// Every dated event of the corpus with its source, in date order (a range by its start,
/// then its end), then source and text order. Found on demand (in parallel): only the events
/// views need them.
pub fn all_events(corpus: &Corpus) -> Vec<(usize, Event)> {
    use rayon::prelude::*;
    let mut all: Vec<(usize, Event)> = corpus
        .sources
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, s)| events_of(s).into_iter().map(move |e| (i, e)))
        .collect();
    all.sort_by(|(sa, a), (sb, b)| (a.start, a.end, sa).cmp(&(b.start, b.end, sb)));
    all
}

/// An event as the corpus tells it: one date, and the sentences of every source that tell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventGroup {
    /// Indices in the [`all_events`] list, the first in source order.
    pub tellings: Vec<usize>,
}

/// Words of a sentence that say what happened: four letters or more, not the commonest.
fn content_words(sentence: &str) -> Vec<String> {
    const COMMON: [&str; 16] = [
        "have", "been", "with", "from", "that", "this", "which", "their", "they", "were", "will",
        "also", "into", "than", "when", "since",
    ];
    let mut words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The events of `all` (as [`all_events`] lists them) grouped: an event told by several
/// sources (the same date and kind, and half the words of the shorter sentence in common) is
/// one group.
pub fn event_groups(corpus: &Corpus, all: &[(usize, Event)]) -> Vec<EventGroup> {
    let mut groups: Vec<EventGroup> = Vec::new();
    // Groups of the current date, with their words.
    let mut current: Vec<(usize, Vec<String>)> = Vec::new();
    let mut previous: Option<&Event> = None;
    for (index, (si, e)) in all.iter().enumerate() {
        let (si, source) = (*si, &corpus.sources[*si]);
        let same_date =
            previous.is_some_and(|p| (p.start, p.end, p.kind) == (e.start, e.end, e.kind));
        if !same_date {
            current.clear();
        }
        previous = Some(e);
        let words = content_words(e.sentence_text(source));
        // The latest groups of the date only: a year alone can date thousands of sentences.
        let told = current.iter().rev().take(64).find(|(g, w)| {
            let common = w.iter().filter(|x| words.binary_search(x).is_ok()).count();
            !groups[*g].tellings.iter().any(|&t| all[t].0 == si)
                && common * 2 >= w.len().min(words.len()).max(1)
        });
        match told {
            Some(&(g, _)) => groups[g].tellings.push(index),
            None => {
                current.push((groups.len(), words));
                groups.push(EventGroup {
                    tellings: vec![index],
                });
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ingest::{Document, Format, ingest};

    fn source(body: &str) -> Source {
        ingest(Document {
            id: "s".into(),
            path: "s.txt".into(),
            text: &format!("Title\n\n{body}\n"),
            format: Format::Plain,
            warnings: vec![],
        })
    }

    fn inferred(body: &str) -> InferredDate {
        place(&source(body), &[], None).expect("a date")
    }

    #[test]
    fn anniversaries_and_years_on_estimate_when_it_was_written() {
        let d = inferred("NATO is celebrating its 75th anniversary this week.");
        assert_eq!(d.best.to_string(), "2024-04");
        assert_eq!(
            d.evidence[0].reason,
            "75th anniversary: NATO founded 1949-04-04"
        );
        let d = inferred("We condemn Russia’s invasion of Ukraine one year on.");
        assert_eq!(d.best.to_string(), "2023-02");
        assert_eq!(
            d.earliest.unwrap().to_string(),
            "2022-02-24",
            "the invasion bounds it"
        );
    }

    #[test]
    fn past_events_bound_from_below_future_ones_from_above_and_deadlines_neither() {
        let d = inferred(
            "The plan began in March 2019. Emissions must fall by 2030. \
             The summit will be held in July 2019.",
        );
        assert_eq!(d.best.to_string(), "2019-03");
        assert_eq!(d.range(), "2019-03-01/2019-07-31");
        assert!((d.confidence - 0.5).abs() < 1e-6, "{}", d.confidence);
        // A future event before the latest past one contradicts it and gives way.
        let d = inferred("It began in May 2020. The vote will be in 2019.");
        assert_eq!(d.range(), "2020-05-01/..");
        assert!(place(&source("Nothing dated here."), &[], None).is_none());
    }

    #[test]
    fn copying_a_dated_release_puts_a_source_just_after_it() {
        let copies = [DatedPassage {
            other: "release".into(),
            date: DateStamp::ymd(2024, 4, 4).unwrap(),
            direction: Direction::Copies,
            text: "New Zealand must be prepared to do its part".into(),
        }];
        let d = place(&source("Talks began in June of 2023."), &copies, None).unwrap();
        assert_eq!(d.best.to_string(), "2024-04");
        assert_eq!(
            d.evidence[0].reason,
            "copies a passage of release (2024-04-04)"
        );
        let copied_by = [DatedPassage {
            direction: Direction::CopiedBy,
            ..copies[0].clone()
        }];
        let d = place(&source("Talks began in June of 2023."), &copied_by, None);
        assert_eq!(d.unwrap().range(), "2023-06-01/2024-04-04");
    }

    #[test]
    fn the_votes_of_the_nearest_sources_are_weighed_with_the_texts_events() {
        use crate::model::nearest_dated::{Voter, YearScore};
        let votes = |v: &[(i16, f64)]| YearScores {
            years: v
                .iter()
                .map(|&(year, score)| YearScore {
                    year,
                    score,
                    voters: vec![Voter {
                        id: "a".into(),
                        date: DateStamp::year(year),
                        vote: score,
                    }],
                })
                .collect(),
        };
        // Nothing else known: the most votes.
        assert_eq!(
            likeliest_year(&votes(&[(2014, 1.0), (2016, 2.0)]), YearHints::default()),
            Some(2016)
        );
        // Past events of 2014: that year, unless the votes for a later one are overwhelming.
        let split = votes(&[(2014, 1.0), (2016, 2.0)]);
        let after_2014 = YearHints {
            lower: Some(2014),
            ..YearHints::default()
        };
        assert_eq!(likeliest_year(&split, after_2014), Some(2014));
        let clear = votes(&[(2014, 0.2), (2016, 9.8)]);
        assert_eq!(likeliest_year(&clear, after_2014), Some(2016));
        // No voter of the year of the latest past event: it is still a candidate, and wins
        // when the votes agree on nothing (one each for ten years before it).
        let after_2012 = YearHints {
            lower: Some(2012),
            ..YearHints::default()
        };
        let scattered: Vec<(i16, f64)> = (1995..2005).map(|y| (y, 1.0)).collect();
        assert_eq!(likeliest_year(&votes(&scattered), after_2012), Some(2012));
        // `Tuesday 12 March` is of 2013 or 2019, not 2014 to 2018: the votes for 2014 give
        // way to the few for 2013.
        let tuesday = events::extract(&source("We met on Tuesday 12 March."));
        assert_eq!(tuesday.len(), 1);
        let named = YearHints {
            named_days: &tuesday,
            ..YearHints::default()
        };
        let mostly_2014 = votes(&[(2013, 1.0), (2014, 3.0), (2016, 1.0)]);
        assert_eq!(likeliest_year(&mostly_2014, named), Some(2013));
        assert_eq!(
            likeliest_year(&mostly_2014, YearHints::default()),
            Some(2014)
        );
        // Placed by the votes, with them as evidence.
        let d = place(&source("A plan began in 2014."), &[], Some(&clear)).unwrap();
        assert_eq!(d.best.to_string(), "2016");
        let words = d
            .evidence
            .iter()
            .find(|e| e.reason.contains("nearest in words"));
        assert_eq!(words.unwrap().text, "a (2016)");
        assert!(d.confidence > 0.7, "98% of the votes: {}", d.confidence);
    }

    #[test]
    fn the_origin_is_the_official_source() {
        let mut release = source("Text.");
        release.people.push(crate::model::Person {
            name: "Winston Peters".into(),
            role: PersonRole::Minister,
        });
        let news = source("Text.");
        assert!(is_origin(&release) && !is_origin(&news));
    }
}
