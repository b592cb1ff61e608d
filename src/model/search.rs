//! The fuzzy filter: every source, quote and sentence matched against an fzf-style query.
//!
//! Items are prepared once: their text folded to lowercase without diacritics, one character
//! for one character (so a match's character positions are the original's), and a bitmask of
//! the characters present, which rules most items out before any scoring. Terms are matched as
//! whole words, then substrings, then (where asked) scattered fuzzy matches, in three tiers
//! so that `nato` finds "NATO" before "not as the outcome". The fuzzy scorer sits behind
//! [`Scorer`]: [`Scattered`] ranks by the shortest window and asks fuzzy-matcher's
//! SkimMatcherV2 for the characters to highlight.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;
use rayon::prelude::*;

use super::{Corpus, QuoteRef, Source};

/// What a query searches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Title, outlet, date, people, url and id of every source.
    #[default]
    Sources,
    /// Every quotation, with its speaker.
    Quotes,
    /// Every sentence of every source.
    Text,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Sources, Scope::Quotes, Scope::Text];

    pub fn name(self) -> &'static str {
        match self {
            Scope::Sources => "sources",
            Scope::Quotes => "quotes",
            Scope::Text => "text",
        }
    }

    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A fuzzy scorer: fuzzy-matcher's, or any other.
pub trait Scorer {
    /// The score of `pattern` scattered in `text` (both folded), if it is there at all.
    fn score(&self, text: &str, pattern: &str) -> Option<i64>;
    /// The same, with the character positions matched.
    fn positions(&self, text: &str, pattern: &str) -> Option<Vec<usize>>;
}

/// Scattered matches ranked by their shortest window (fzf's v1: the first occurrence of the
/// letters in order, shrunk back from its end), positions from fuzzy-matcher's SkimMatcherV2.
/// Skim's score was the ranking at first, but its dynamic programme over every item is what
/// kept the filter above its targets (21 ms for three letters over 10,000 sources); the
/// window is one pass, and positions are only asked for the rows on screen.
pub struct Scattered(SkimMatcherV2);

impl Default for Scattered {
    fn default() -> Self {
        Scattered(SkimMatcherV2::default().respect_case())
    }
}

impl Scorer for Scattered {
    fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        let (start, end) = window(text.as_bytes(), pattern.as_bytes())?;
        let at_word = start == 0 || !text.as_bytes()[start - 1].is_ascii_alphanumeric();
        let span = (end - start) as i64;
        Some(1000 - span.min(900) + if at_word { 50 } else { 0 })
    }
    fn positions(&self, text: &str, pattern: &str) -> Option<Vec<usize>> {
        self.0.fuzzy_indices(text, pattern).map(|(_, p)| p)
    }
}

/// The shortest-ending window of `text` holding `pattern`'s bytes in order, found greedily:
/// forward to the first complete occurrence, then back to the latest start.
/// Each step jumps to the next wanted byte with `memchr`, which beats a byte loop.
fn window(text: &[u8], pattern: &[u8]) -> Option<(usize, usize)> {
    let mut end = 0;
    for &b in pattern {
        end += memchr::memchr(b, &text[end..])? + 1;
    }
    let mut from = end;
    for &b in pattern.iter().rev() {
        from = memchr::memrchr(b, &text[..from])?;
    }
    Some((from, end))
}

/// Fold one character: lowercase, Latin diacritics dropped (`Ā` → `a`); always one character.
pub fn fold_char(c: char) -> char {
    // Base letters of U+00C0..=U+017F; `_` where there is none (×, ÷, ß, æ, ...).
    const LATIN: &str = concat!(
        "aaaaaa_ceeeeiiii_nooooo_ouuuuy__aaaaaa_ceeeeiiii",
        "_nooooo_ouuuuy_yaaaaaaccccccccddddeeeeeeeeeegggg",
        "gggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooo",
        "oo__rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
    );
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if ('\u{C0}'..='\u{17F}').contains(&c) {
        let base = LATIN.as_bytes()[c as usize - 0xC0];
        if base != b'_' {
            return base as char;
        }
    }
    match c {
        '’' | '‘' | '`' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '–' | '—' => '-',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// `text` folded character by character.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `text` folded onto the end of `out`. Runs of ASCII, most of any text, are copied and
/// lowercased whole (folding the text scope char by char was most of preparing it).
fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let at = out.len();
        out.push_str(&rest[..ascii]);
        out[at..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            out.push(fold_char(c));
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// Which characters a folded text has: a bit per letter and digit, the rest share bits.
fn mask(folded: &str) -> u64 {
    // ASCII bytes, nearly all of them, are looked up without decoding a character.
    const ASCII: [u64; 128] = {
        let mut bits = [0; 128];
        let mut b = 0;
        while b < 128 {
            bits[b] = char_bit(b as u8 as char);
            b += 1;
        }
        bits
    };
    let bytes = folded.as_bytes();
    let mut m = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii() {
            m |= ASCII[b as usize];
        } else if b >= 0xC0 {
            // The lead byte of a character; its continuation bytes (0x80..0xC0) are skipped.
            m |= folded[i..].chars().next().map_or(0, char_bit);
        }
    }
    m
}

const fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 0,
        _ => 1 << (36 + (c as u32 % 28)),
    }
}

/// What an item is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Source,
    Quote(u32),
    /// Bytes `range` of paragraph `paragraph`.
    Sentence {
        paragraph: u32,
        range: Range<u32>,
    },
}

/// An item prepared for matching: where its folded text lies in its scope's [`Items`].
#[derive(Debug)]
struct Entry {
    source: u32,
    target: Target,
    text: Range<usize>,
    mask: u64,
}

/// The items of one scope, prepared, in parts built in parallel and never joined (joining
/// copied every folded sentence once more, most of it fresh pages the kernel had to zero).
#[derive(Debug, Default)]
pub struct Items {
    parts: Vec<Part>,
    len: usize,
}

/// Consecutive items: their folded texts end to end in one string, each followed by a NUL
/// (which no query can match across). One allocation instead of one per item, and one string
/// that a substring search runs over whole, as fast as `memmem` goes.
#[derive(Debug, Default)]
struct Part {
    /// The index in [`Items`] of the first entry.
    first: u32,
    folded: String,
    entries: Vec<Entry>,
}

impl Part {
    fn push(&mut self, corpus: &Corpus, source: u32, target: Target) {
        let start = self.folded.len();
        fold_into(&item_text(corpus, source, &target), &mut self.folded);
        let text = start..self.folded.len();
        self.folded.push('\0');
        self.entries.push(Entry {
            source,
            target,
            mask: mask(&self.folded[text.clone()]),
            text,
        });
    }

    /// The entries whose text contains `needle` (indices in this part), found by one search
    /// over their joined text.
    fn containing(&self, needle: &Needle) -> Vec<u32> {
        let mut out = Vec::new();
        let mut entry = 0;
        let mut from = 0;
        let folded = self.folded.as_bytes();
        while let Some(at) = folded.get(from..).and_then(|rest| needle.finder.find(rest)) {
            let end = from + at + needle.text.len();
            // No match runs across the NUL between two items: the first entry ending at or
            // after the match's end holds it.
            while self.entries[entry].text.end < end {
                entry += 1;
            }
            out.push(entry as u32);
            // The next search starts after this item: a common letter occurs hundreds of
            // times in one quote, and stepping through each was most of a one-letter query.
            from = self.entries[entry].text.end + 1;
        }
        out
    }

    /// The folded text of entry `i` of this part.
    fn folded(&self, i: usize) -> &str {
        &self.folded[self.entries[i].text.clone()]
    }
}

impl Items {
    /// The items of `sources`, in order, built in parallel parts.
    fn build<T: Iterator<Item = Target>>(
        sources: &[usize],
        targets: impl Fn(usize) -> T + Sync,
        corpus: &Corpus,
    ) -> Items {
        let mut parts: Vec<Part> = sources
            .par_chunks(SOURCES_PER_PART)
            .map(|chunk| {
                let mut part = Part::default();
                for &i in chunk {
                    for target in targets(i) {
                        part.push(corpus, i as u32, target);
                    }
                }
                part
            })
            .collect();
        let mut len = 0;
        for part in &mut parts {
            part.first = len as u32;
            len += part.entries.len();
        }
        parts.retain(|p| !p.entries.is_empty());
        Items { parts, len }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The part holding item `i`, and the item's index in it.
    fn locate(&self, i: u32) -> (&Part, usize) {
        let part = &self.parts[self.parts.partition_point(|p| p.first <= i) - 1];
        (part, (i - part.first) as usize)
    }
}

/// The text an item shows and is matched on (before folding).
pub fn item_text<'a>(corpus: &'a Corpus, source: u32, target: &Target) -> Cow<'a, str> {
    let s = &corpus.sources[source as usize];
    match target {
        Target::Source => Cow::Owned(source_text(s)),
        Target::Quote(q) => {
            let quote = &s.quotes[*q as usize];
            match &quote.speaker {
                Some(speaker) => Cow::Owned(format!("{} — {speaker}", quote.text(s))),
                None => quote.text(s),
            }
        }
        Target::Sentence { paragraph, range } => Cow::Borrowed(
            &s.paragraph_text(*paragraph as usize)[range.start as usize..range.end as usize],
        ),
    }
}

/// `Title · outlet · 2024-04-04 · people · url · id`.
fn source_text(s: &Source) -> String {
    let mut parts: Vec<String> = vec![s.display_title(120).0];
    parts.extend(s.outlet.clone());
    parts.extend(s.placed_date().map(|d| d.to_string()));
    parts.extend(s.people_line());
    parts.extend(s.url.clone());
    parts.push(s.id.clone());
    parts.join(" · ")
}

/// The sentences of a paragraph, as byte ranges: split after `.`, `?` or `!` and a space (or
/// a no-break space) before a capital, a digit or a quote mark, or glued to an opening quote
/// (`20-24.“Russia’s`), but not after an initialism (`N.A.T.O. summit`, `J. Smith`).
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in memchr::memchr3_iter(b'.', b'?', b'!', bytes) {
        let b = bytes[i];
        if i < start {
            continue;
        }
        let after = &text[i + 1..];
        let (gap, next) = match after.chars().next() {
            Some(c @ (' ' | '\u{a0}')) => (c.len_utf8(), after[c.len_utf8()..].chars().next()),
            Some(c @ ('“' | '‘')) => (0, Some(c)),
            _ => continue,
        };
        if !next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c))
        {
            continue;
        }
        let word = text[start..i].rsplit([' ', '\u{a0}']).next().unwrap_or("");
        let initialism = b == b'.'
            && (word.contains('.') || (word.len() == 1 && word.chars().all(char::is_uppercase)));
        if initialism {
            continue;
        }
        out.push(start..i + 1);
        start = i + 1 + gap;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out.retain(|r| !text[r.clone()].trim().is_empty());
    out
}

/// Every item of every scope, prepared; items in date order, so equal scores keep it.
#[derive(Debug)]
pub struct SearchIndex {
    sources: Items,
    quotes: Items,
    /// Sentences are many: prepared the first time the text scope is searched.
    text: OnceLock<Items>,
    date_order: Vec<usize>,
}

impl SearchIndex {
    /// Sources and quotes prepared; `date_order` is `corpus.by_date()`.
    pub fn new(corpus: &Corpus, date_order: Vec<usize>) -> SearchIndex {
        let sources = Items::build(&date_order, |_| std::iter::once(Target::Source), corpus);
        let quotes = Items::build(
            &date_order,
            |i| (0..corpus.sources[i].quotes.len() as u32).map(Target::Quote),
            corpus,
        );
        SearchIndex {
            sources,
            quotes,
            text: OnceLock::new(),
            date_order,
        }
    }

    pub fn items(&self, scope: Scope, corpus: &Corpus) -> &Items {
        match scope {
            Scope::Sources => &self.sources,
            Scope::Quotes => &self.quotes,
            Scope::Text => self.text.get_or_init(|| {
                Items::build(
                    &self.date_order,
                    |i| {
                        let s = &corpus.sources[i];
                        (0..s.paragraphs.len())
                            .filter(|&p| s.paragraphs[p].is_content())
                            .flat_map(move |p| {
                                sentences(s.paragraph_text(p)).into_iter().map(move |r| {
                                    Target::Sentence {
                                        paragraph: p as u32,
                                        range: r.start as u32..r.end as u32,
                                    }
                                })
                            })
                    },
                    corpus,
                )
            }),
        }
    }
}

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// Word, substring, or scattered.
    Fuzzy,
    /// Word or substring.
    Substring,
    Prefix,
    Suffix,
}

/// A string to look for, with its searcher built once per query rather than once per item
/// (building `str::find`'s searcher for every item was most of the filter's time).
#[derive(Debug, Clone)]
struct Needle {
    text: String,
    finder: memmem::Finder<'static>,
}

impl Needle {
    fn new(text: &str) -> Needle {
        Needle {
            text: text.to_string(),
            finder: memmem::Finder::new(text.as_bytes()).into_owned(),
        }
    }

    fn as_str(&self) -> &str {
        &self.text
    }

    /// Where it occurs in `hay`, preferring an occurrence that is a whole word.
    fn find(&self, hay: &str) -> Option<(usize, bool)> {
        let mut first = None;
        // One letter (the last of a word being typed) occurs many times in an item: memchr's
        // own iterator steps through them with less setup per hit than memmem's.
        let hits: &mut dyn Iterator<Item = usize> = match self.text.as_bytes() {
            &[b] => &mut memchr::memchr_iter(b, hay.as_bytes()),
            _ => &mut self.finder.find_iter(hay.as_bytes()),
        };
        for i in hits {
            let before = hay[..i].chars().next_back();
            let after = hay[i + self.text.len()..].chars().next();
            let word = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            if word {
                return Some((i, true));
            }
            first.get_or_insert((i, false));
        }
        first
    }
}

impl PartialEq for Needle {
    fn eq(&self, other: &Needle) -> bool {
        self.text == other.text
    }
}

impl Eq for Needle {}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    how: How,
    /// Folded, unless `case_sensitive`.
    text: Needle,
    /// Typed with an uppercase letter: matched against the original text.
    case_sensitive: bool,
    negated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Speaker(String),
    Source(String),
    /// A date prefix, or a range of them (inclusive).
    Date(String, Option<String>),
    Kind(String),
}

/// A parsed query: every group must match (a group is `a | b | c`), every field hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    groups: Vec<Vec<Term>>,
    fields: Vec<Field>,
    /// The plain terms in order, when there are several: found together as typed, they
    /// rank above the same words scattered.
    phrase: Option<Needle>,
}

impl Query {
    /// Parse fzf's syntax (`'exact ^prefix suffix$ !not a | b`, smart case) plus fields
    /// (`speaker:` `source:` `date:2024-04` `date:2022..2023` `kind:partial`) and `~fuzzy`.
    /// In the text scope a plain term is a substring (fuzzy over millions of sentences
    /// matches nearly everything).
    pub fn parse(text: &str, scope: Scope) -> Query {
        let mut query = Query::default();
        let mut join_next = false;
        for word in text.split_whitespace() {
            if word == "|" {
                join_next = !query.groups.is_empty();
                continue;
            }
            if let Some((name, value)) = word.split_once(':')
                && !value.is_empty()
            {
                let value = fold(value);
                let field = match name {
                    "speaker" => Some(Field::Speaker(value)),
                    "source" => Some(Field::Source(value)),
                    "kind" => Some(Field::Kind(value)),
                    "date" => Some(match value.split_once("..") {
                        Some((from, to)) => Field::Date(from.to_string(), Some(to.to_string())),
                        None => Field::Date(value, None),
                    }),
                    _ => None,
                };
                if let Some(field) = field {
                    query.fields.push(field);
                    join_next = false;
                    continue;
                }
            }
            let Some(term) = Term::parse(word, scope) else {
                continue;
            };
            match query.groups.last_mut() {
                Some(group) if join_next => group.push(term),
                _ => query.groups.push(vec![term]),
            }
            join_next = false;
        }
        let plain: Vec<&str> = query
            .groups
            .iter()
            .filter(|g| g.len() == 1 && !g[0].negated && !g[0].case_sensitive)
            .map(|g| g[0].text.as_str())
            .collect();
        if plain.len() > 1 && plain.len() == query.groups.len() {
            query.phrase = Some(Needle::new(&plain.join(" ")));
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.fields.is_empty()
    }

    /// Characters every match must have.
    fn required(&self) -> u64 {
        self.groups
            .iter()
            .filter(|g| g.len() == 1 && !g[0].negated)
            .fold(0, |m, g| m | mask(&fold(g[0].text.as_str())))
    }

    /// A term every match must contain as it is typed (folded), the longest such: where
    /// there is one, a substring search over a scope's whole text finds the few items worth
    /// scoring, instead of scoring every item.
    fn key(&self) -> Option<&Needle> {
        self.groups
            .iter()
            .filter(|g| g.len() == 1)
            .map(|g| &g[0])
            .filter(|t| !t.negated && !t.case_sensitive && t.how != How::Fuzzy)
            .map(|t| &t.text)
            .max_by_key(|n| n.as_str().len())
    }
}

impl Term {
    fn parse(word: &str, scope: Scope) -> Option<Term> {
        let (negated, word) = match word.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, word),
        };
        let default = if scope == Scope::Text {
            How::Substring
        } else {
            How::Fuzzy
        };
        let (how, text) = if let Some(rest) = word.strip_prefix('\'') {
            (How::Substring, rest)
        } else if let Some(rest) = word.strip_prefix('^') {
            (How::Prefix, rest)
        } else if let Some(rest) = word.strip_prefix('~') {
            (How::Fuzzy, rest)
        } else if let Some(rest) = word.strip_suffix('$') {
            (How::Suffix, rest)
        } else {
            (default, word)
        };
        if text.is_empty() {
            return None;
        }
        let case_sensitive = text.chars().any(char::is_uppercase);
        Some(Term {
            how: if negated { How::Substring } else { how },
            text: Needle::new(&if case_sensitive {
                text.to_string()
            } else {
                fold(text)
            }),
            case_sensitive,
            negated,
        })
    }
}

/// Scores: the tier (word, substring, scattered) first, then the scorer's score within it.
const TIER: i64 = 1 << 32;

impl Term {
    /// The term's score in `hay` (folded or original, as the term asks), if it matches.
    fn score(&self, hay: &str, scorer: &dyn Scorer) -> Option<i64> {
        let close = |i: usize| 1000 - (i.min(1000) as i64);
        match self.how {
            How::Prefix => hay.starts_with(self.text.as_str()).then_some(3 * TIER),
            How::Suffix => hay.ends_with(self.text.as_str()).then_some(3 * TIER),
            How::Substring | How::Fuzzy => match self.text.find(hay) {
                Some((i, true)) => Some(3 * TIER + close(i)),
                Some((i, false)) => Some(2 * TIER + close(i)),
                None if self.how == How::Fuzzy => scorer
                    .score(hay, self.text.as_str())
                    .map(|s| TIER + s.min(TIER - 1)),
                None => None,
            },
        }
    }

    /// Character positions of the match in `hay`.
    fn positions(&self, hay: &str, scorer: &dyn Scorer) -> Vec<usize> {
        let chars = |from: usize, len: usize| {
            let start = hay[..from].chars().count();
            (start..start + len).collect::<Vec<_>>()
        };
        let text = self.text.as_str();
        let len = text.chars().count();
        match self.how {
            How::Prefix if hay.starts_with(text) => chars(0, len),
            How::Suffix if hay.ends_with(text) => chars(hay.len() - text.len(), len),
            How::Substring | How::Fuzzy => match self.text.find(hay) {
                Some((i, _)) => chars(i, len),
                None if self.how == How::Fuzzy => scorer.positions(hay, text).unwrap_or_default(),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}

/// Every match of a query in a scope, and the best of them ranked: kept so that a longer
/// query narrows them instead of starting over.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub query: String,
    pub scope: Option<Scope>,
    /// The best matches, best first, equal scores in item (date) order: (item, score).
    pub ranked: Vec<(u32, i64)>,
    /// How many items match in all.
    pub total: usize,
    /// Every match, per part of the scope's items, in item order (empty for an empty query).
    found: Vec<Vec<Found>>,
}

/// A match as a longer query narrows it: the score of every group but the last, which a
/// longer query keeps as it is (only its last group can still grow), so that typing one
/// more letter scores one or two groups per item instead of all of them.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// The index in its part.
    item: u32,
    /// Whether every settled group was found as typed (a phrase can only hold if so).
    settled_as_typed: bool,
    settled: i64,
}

impl Found {
    /// Item `item` with nothing settled.
    fn fresh(item: u32) -> Found {
        Found {
            item,
            settled_as_typed: true,
            settled: 0,
        }
    }
}

impl Matches {
    /// Whether the matches of `query` are a subset of these: the query only grew, with
    /// nothing in it that could widen (alternatives, negations, anchors, fields).
    fn narrows_to(&self, query: &str, scope: Scope) -> bool {
        self.scope == Some(scope)
            && !self.query.is_empty()
            && !self.found.is_empty()
            && query.starts_with(&self.query)
            && !query.contains(['|', '!', '$', ':'])
    }
}

/// Sources whose items make one part: prepared together, and scored together (one scorer
/// per part; the cancel flag is read between parts).
const SOURCES_PER_PART: usize = 256;

/// Match `query` in `scope`, the `best` best ranked; narrows `previous` when the query only
/// grew. `None` when `cancelled` says a newer query has come.
pub fn filter(
    index: &SearchIndex,
    corpus: &Corpus,
    text: &str,
    scope: Scope,
    previous: Option<&Matches>,
    best: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Matches> {
    let query = Query::parse(text, scope);
    let items = index.items(scope, corpus);
    if query.is_empty() {
        // Nothing typed: sources and quotes in date order; no sentence (too many to mean it).
        let total = match scope {
            Scope::Text => 0,
            _ => items.len(),
        };
        return Some(Matches {
            query: text.to_string(),
            scope: Some(scope),
            ranked: (0..total.min(best) as u32).map(|i| (i, 0)).collect(),
            total,
            found: Vec::new(),
        });
    }
    let required = query.required();
    // Narrowing: the previous matches, and how many of their groups are settled (kept as
    // they were scored). With none settled and the previous matches most of the items, a
    // fresh search is faster: the key's substring search skips items a whole part at a time.
    let kept = previous
        .filter(|p| p.narrows_to(text, scope))
        .map(|p| {
            let prior = Query::parse(&p.query, scope);
            let settled = prior.groups.len().saturating_sub(1);
            let same =
                query.groups.len() > settled && query.groups[..settled] == prior.groups[..settled];
            (&p.found, p.total, if same { settled } else { 0 })
        })
        .filter(|&(_, total, settled)| settled > 0 || total < items.len() / 4)
        .map(|(found, _, settled)| (found, settled));
    let key = query.key();
    // Per part: its matches, and their (item, score) to rank.
    let parts: Vec<_> = items
        .parts
        .par_iter()
        .enumerate()
        .map(|(p, part)| {
            if cancelled() {
                return None;
            }
            let scorer = Scattered::default();
            let mut found = Vec::new();
            let mut scored = Vec::new();
            let mut score_one = |i: u32, from: usize, base: Found| {
                if part.entries[i as usize].mask & required != required {
                    return;
                }
                if let Some((f, s)) = score(&query, from, base, part, corpus, &scorer) {
                    found.push(f);
                    scored.push((part.first + i, s));
                }
            };
            match kept {
                Some((previous, from)) => {
                    previous[p].iter().for_each(|&f| score_one(f.item, from, f))
                }
                None => match key {
                    Some(key) => part
                        .containing(key)
                        .into_iter()
                        .for_each(|i| score_one(i, 0, Found::fresh(i))),
                    None => (0..part.entries.len() as u32)
                        .for_each(|i| score_one(i, 0, Found::fresh(i))),
                },
            }
            Some((found, scored))
        })
        .collect::<Option<Vec<(Vec<Found>, Vec<(u32, i64)>)>>>()?;
    let total = parts.iter().map(|(f, _)| f.len()).sum();
    let mut ranked = Vec::with_capacity(total);
    let mut found = Vec::with_capacity(parts.len());
    for (f, scored) in parts {
        found.push(f);
        ranked.extend(scored);
    }
    let order = |a: &(u32, i64), b: &(u32, i64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if best < ranked.len() {
        ranked.select_nth_unstable_by(best, order);
        ranked.truncate(best);
    }
    ranked.par_sort_unstable_by(order);
    Some(Matches {
        query: text.to_string(),
        scope: Some(scope),
        ranked,
        total,
        found,
    })
}

/// The score of item `base.item` of `part` for the query, its groups from `from` on scored
/// and those before taken from `base` (nothing taken when `from` is 0): the sum of each group's best term, and a bonus where
/// the terms stand together as typed. `None` if it fails.
fn score(
    query: &Query,
    from: usize,
    base: Found,
    part: &Part,
    corpus: &Corpus,
    scorer: &dyn Scorer,
) -> Option<(Found, i64)> {
    let i = base.item as usize;
    let e = &part.entries[i];
    let folded = part.folded(i);
    if from == 0 && !query.fields.iter().all(|f| field_holds(f, e, corpus)) {
        return None;
    }
    let mut original: Option<Cow<str>> = None;
    let mut found = if from == 0 {
        Found::fresh(base.item)
    } else {
        base
    };
    let mut total = found.settled;
    let mut all_found_as_typed = found.settled_as_typed;
    let last = query.groups.len().saturating_sub(1);
    for (g, group) in query.groups.iter().enumerate().skip(from) {
        let mut best: Option<i64> = None;
        for term in group {
            let hay = if term.case_sensitive {
                original.get_or_insert_with(|| item_text(corpus, e.source, &e.target))
            } else {
                folded
            };
            let s = term.score(hay, scorer);
            let s = if term.negated {
                if s.is_some() { None } else { Some(0) }
            } else {
                s
            };
            best = best.max(s);
        }
        let best = best?;
        all_found_as_typed &= best >= 2 * TIER;
        total += best;
        if g < last {
            found.settled = total;
            found.settled_as_typed = all_found_as_typed;
        }
    }
    // The phrase holds every term as typed: where one was only found scattered, it is not
    // there, and most items of a long query are spared the search.
    if all_found_as_typed
        && query
            .phrase
            .as_ref()
            .is_some_and(|p| p.finder.find(folded.as_bytes()).is_some())
    {
        total += 3 * TIER;
    }
    Some((found, total))
}

fn field_holds(field: &Field, e: &Entry, corpus: &Corpus) -> bool {
    let source = &corpus.sources[e.source as usize];
    let quote = match e.target {
        Target::Quote(q) => Some(&source.quotes[q as usize]),
        _ => None,
    };
    match field {
        Field::Speaker(name) => quote
            .and_then(|q| q.speaker.as_deref())
            .is_some_and(|s| fold(s).contains(name.as_str())),
        Field::Kind(kind) => quote.is_some_and(|q| {
            let name = match q.kind {
                super::quotes::QuoteKind::Direct => "direct",
                super::quotes::QuoteKind::Partial => "partial",
            };
            name.starts_with(kind.as_str())
        }),
        Field::Source(s) => {
            fold(&source.id).contains(s.as_str())
                || source
                    .outlet
                    .as_deref()
                    .is_some_and(|o| fold(o).contains(s.as_str()))
        }
        Field::Date(from, to) => {
            let Some(date) = source.placed_date().map(|d| d.to_string()) else {
                return false;
            };
            match to {
                None => date.starts_with(from.as_str()),
                // Inclusive at both ends, each end at its own precision.
                Some(to) => {
                    date.as_str() >= from.as_str()
                        && (date.as_str() <= to.as_str() || date.starts_with(to.as_str()))
                }
            }
        }
    }
}

/// A match, ready to show: where it is, its text, and (on request) the matched positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub source: usize,
    pub target: Target,
    pub text: String,
    pub score: i64,
    /// Character positions of `text` that matched.
    pub positions: Vec<usize>,
}

impl Hit {
    /// The quote this hit is, if any.
    pub fn quote(&self) -> Option<QuoteRef> {
        match self.target {
            Target::Quote(q) => Some(QuoteRef {
                source: self.source as u32,
                quote: q,
            }),
            _ => None,
        }
    }

    /// The 1-based line of the original file the hit starts on.
    pub fn line(&self, corpus: &Corpus) -> u32 {
        let s = &corpus.sources[self.source];
        let paragraph = match &self.target {
            Target::Source => return 1,
            Target::Quote(q) => s.quotes[*q as usize].parts[0].paragraph,
            Target::Sentence { paragraph, .. } => *paragraph as usize,
        };
        s.paragraphs[paragraph].line
    }
}

/// `text` cut into runs of matched and unmatched characters (`positions`: character
/// positions, ascending): what a highlighter paints.
pub fn matched_runs<'a>(text: &'a str, positions: &[usize]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut marked = positions.iter().peekable();
    let (mut start, mut on) = (0, false);
    for (i, (byte, _)) in text.char_indices().enumerate() {
        let hit = marked.next_if(|&&p| p == i).is_some();
        if hit != on {
            if byte > start {
                out.push((&text[start..byte], on));
            }
            (start, on) = (byte, hit);
        }
    }
    if start < text.len() {
        out.push((&text[start..], on));
    }
    out
}

/// The first `limit` matches as hits (no more than were ranked); positions for the first
/// `with_positions` of them (the rows on screen).
pub fn hits(
    index: &SearchIndex,
    corpus: &Corpus,
    matches: &Matches,
    limit: usize,
    with_positions: usize,
) -> Vec<Hit> {
    let Some(scope) = matches.scope else {
        return Vec::new();
    };
    let query = Query::parse(&matches.query, scope);
    let items = index.items(scope, corpus);
    let scorer = Scattered::default();
    matches
        .ranked
        .iter()
        .take(limit)
        .enumerate()
        .map(|(n, &(i, score))| {
            let (part, i) = items.locate(i);
            let e = &part.entries[i];
            let text = item_text(corpus, e.source, &e.target);
            let mut positions = Vec::new();
            if n < with_positions {
                for term in query.groups.iter().flatten().filter(|t| !t.negated) {
                    let hay = if term.case_sensitive {
                        &text
                    } else {
                        part.folded(i)
                    };
                    positions.extend(term.positions(hay, &scorer));
                }
                positions.sort_unstable();
                positions.dedup();
            }
            Hit {
                source: e.source as usize,
                target: e.target.clone(),
                text: text.into_owned(),
                score,
                positions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_one_character_per_character() {
        assert_eq!(fold("Māori Ōtautahi ÉTÉ"), "maori otautahi ete");
        assert_eq!(fold("“NATO’s”").chars().count(), "“NATO’s”".chars().count());
        for c in '\u{C0}'..='\u{17F}' {
            assert_eq!(fold(&c.to_string()).chars().count(), 1, "{c}");
        }
        for text in ["", "abc 09", "maori", "é ü ß ı", "a—b"] {
            let by_chars = text.chars().fold(0, |m, c| m | char_bit(c));
            assert_eq!(mask(text), by_chars, "{text}");
        }
        // Runs of ASCII are folded whole; the rest char by char, to the same result.
        for text in [
            "",
            "ABC",
            "Ā",
            "AĀb",
            "Te Pāti Māori’s “NATO” – 20-24.",
            "ÉTÉ été ß İ",
        ] {
            let one_by_one: String = text.chars().map(fold_char).collect();
            assert_eq!(fold(text), one_by_one, "{text}");
        }
    }

    #[test]
    fn query_syntax() {
        let q = Query::parse(
            "nato 'exact ^pre suf$ !not a | b speaker:peters date:2022..2023",
            Scope::Quotes,
        );
        let hows: Vec<(How, &str, bool)> = q
            .groups
            .iter()
            .flatten()
            .map(|t| (t.how, t.text.as_str(), t.negated))
            .collect();
        assert_eq!(
            hows,
            [
                (How::Fuzzy, "nato", false),
                (How::Substring, "exact", false),
                (How::Prefix, "pre", false),
                (How::Suffix, "suf", false),
                (How::Substring, "not", true),
                (How::Fuzzy, "a", false),
                (How::Fuzzy, "b", false),
            ]
        );
        assert_eq!(q.groups.len(), 6, "a | b is one group");
        assert_eq!(
            q.fields,
            [
                Field::Speaker("peters".into()),
                Field::Date("2022".into(), Some("2023".into()))
            ]
        );
        assert_eq!(
            Query::parse("nato", Scope::Text).groups[0][0].how,
            How::Substring
        );
        assert_eq!(
            Query::parse("~nato", Scope::Text).groups[0][0].how,
            How::Fuzzy
        );
        assert!(Query::parse("NATO", Scope::Quotes).groups[0][0].case_sensitive);
    }

    #[test]
    fn words_rank_above_substrings_above_scattered_letters() {
        let scorer = Scattered::default();
        let term = Term::parse("nato", Scope::Sources).unwrap();
        let word = term.score(&fold("Relations with NATO"), &scorer).unwrap();
        let inside = term.score(&fold("the natomic age"), &scorer).unwrap();
        let scattered = term.score(&fold("not as the outcome"), &scorer).unwrap();
        assert!(
            word > inside && inside > scattered,
            "{word} {inside} {scattered}"
        );
        assert_eq!(term.score("nothing here", &scorer), None);
        assert_eq!(
            term.positions(&fold("Relations with NATO"), &scorer),
            vec![15, 16, 17, 18]
        );
    }

    #[test]
    fn the_window_is_the_shortest_ending_at_the_first_full_match() {
        assert_eq!(window(b"n a t o nato", b"nato"), Some((0, 7)));
        assert_eq!(window(b"xx nnato", b"nato"), Some((4, 8)));
        assert_eq!(window(b"nat", b"nato"), None);
        assert_eq!(window(b"", b"a"), None);
    }

    use crate::model::Corpus;

    /// (source, text) of each hit, in rank order.
    fn found(corpus: &Corpus, query: &str, scope: Scope, best: usize) -> Vec<(usize, String)> {
        let index = SearchIndex::new(corpus, corpus.by_date());
        let m = filter(&index, corpus, query, scope, None, best, &|| false).unwrap();
        hits(&index, corpus, &m, usize::MAX, 0)
            .into_iter()
            .map(|h| (h.source, h.text))
            .collect()
    }

    #[test]
    fn the_text_scope_finds_every_sentence_holding_the_terms_and_no_other() {
        let c = Corpus::of_plain_texts(&[
            "The Minister spoke. Nothing here.\n\nMinisters met. Ministerial.",
            "A minister. Administer it. Min ister apart.",
        ]);
        let mut got = found(&c, "minister", Scope::Text, usize::MAX);
        got.sort();
        assert_eq!(
            got,
            [
                (0, "Ministerial.".to_string()),
                (0, "Ministers met.".to_string()),
                (0, "The Minister spoke.".to_string()),
                (1, "A minister.".to_string()),
                (1, "Administer it.".to_string()),
            ]
        );
        // The longest plain term finds the candidates; the others still have to hold.
        let got = found(&c, "minister spoke", Scope::Text, usize::MAX);
        assert_eq!(got, [(0, "The Minister spoke.".to_string())]);
        // A match never runs from one sentence into the next.
        assert!(found(&c, "'spoke. nothing", Scope::Text, usize::MAX).is_empty());
    }

    #[test]
    fn the_best_are_ranked_and_every_match_kept_for_narrowing() {
        let texts: Vec<String> = (0..50)
            .map(|i| format!("Sentence {i} about nato{}.", "x".repeat(i % 7)))
            .collect();
        let c = Corpus::of_plain_texts(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let index = SearchIndex::new(&c, c.by_date());
        let all = filter(&index, &c, "nato", Scope::Text, None, usize::MAX, &|| false).unwrap();
        let top = filter(&index, &c, "nato", Scope::Text, None, 5, &|| false).unwrap();
        assert_eq!(all.ranked.len(), 50);
        assert!(
            all.ranked.windows(2).all(|w| w[0].1 >= w[1].1),
            "best first"
        );
        assert_eq!(top.total, 50, "every match counted");
        assert_eq!(top.ranked[..], all.ranked[..5]);
        assert_eq!(
            top.found.iter().map(Vec::len).sum::<usize>(),
            50,
            "and kept"
        );
        assert_eq!(
            hits(&index, &c, &top, 20, 0).len(),
            5,
            "no hit past the ranked"
        );
    }

    #[test]
    fn narrowing_finds_what_a_fresh_search_finds() {
        // A few sentences hold `nato` (narrowed from), many `natural` (searched afresh).
        let texts: Vec<String> = (0..40)
            .map(|i| match i % 10 {
                0 => format!("Item {i}: the nato summit."),
                1 => format!("Item {i}: nato and the summit of {i}."),
                _ => format!("Item {i}: a natural thing."),
            })
            .collect();
        let c = Corpus::of_plain_texts(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let index = SearchIndex::new(&c, c.by_date());
        let run = |q: &str, previous: Option<&Matches>| {
            filter(&index, &c, q, Scope::Text, previous, usize::MAX, &|| false).unwrap()
        };
        for (before, after) in [("nato", "nato s"), ("nat", "natu"), ("na", "nato summit")] {
            let previous = run(before, None);
            let narrowed = run(after, Some(&previous));
            let fresh = run(after, None);
            assert!(!fresh.ranked.is_empty(), "{after}");
            assert_eq!(narrowed.ranked, fresh.ranked, "{before} → {after}");
        }
        // Typed a letter at a time, each query narrowing the last, scattered terms included:
        // the groups a match settled are reused, and must score as a fresh search scores.
        for typed in [
            "nato summit of",
            "~nt ~smt ~of",
            "item nat thing",
            "~im ~a ~tng",
        ] {
            let mut previous: Option<Matches> = None;
            for end in 1..=typed.len() {
                let query = &typed[..end];
                let narrowed = run(query, previous.as_ref());
                let fresh = run(query, None);
                assert_eq!(narrowed.ranked, fresh.ranked, "{query}");
                assert_eq!(narrowed.total, fresh.total, "{query}");
                previous = Some(narrowed);
            }
            assert!(previous.unwrap().total > 0, "{typed}");
        }
    }

    #[test]
    fn matched_runs_alternate_and_cover_the_text() {
        assert_eq!(
            matched_runs("Māori NATO", &[0, 1, 6]),
            [("Mā", true), ("ori ", false), ("N", true), ("ATO", false)]
        );
        assert_eq!(matched_runs("abc", &[]), [("abc", false)]);
        assert_eq!(matched_runs("", &[0]), []);
    }

    #[test]
    fn sentences_split_after_their_end() {
        let text = "One. Two? Three! 3.5 stays. The N.A.T.O. summit and J. Smith. Then e.g. this. \
                    Glued 20-24.“Quote.\u{a0}After no-break. End";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "One.",
                "Two?",
                "Three!",
                "3.5 stays.",
                "The N.A.T.O. summit and J. Smith.",
                "Then e.g. this.",
                "Glued 20-24.",
                "“Quote.",
                "After no-break.",
                "End"
            ]
        );
    }
}
