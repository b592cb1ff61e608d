//! Quotations: the spans between quote marks in a source's content, whether they are speech
//! (direct or partial) or names and scare quotes, and who said them with which cue.
//!
//! Rules, in the order they apply:
//! - marks: `“…”`, `"…"`, `‘…’`, `'…'`, `«…»`, `„…“`; an apostrophe (`Zealand’s`, `we'd`,
//!   `students'`) is never a mark; single quotes inside double quotes are nested, not quotes;
//! - a paragraph that opens a quote and does not close it continues into the next content
//!   paragraph that opens with a quote mark (furniture in between is skipped); otherwise the
//!   quote ends with its paragraph;
//! - direct: the quote starts its sentence, or follows `X said:` / `According to X,`;
//!   partial: a fragment inside the reporter's sentence, which must then hold a reporting verb;
//!   a short Title Case span with no reporting verb is a name or title, not a quotation;
//! - speaker: `“…,” Mr Peters says` / `“…,” said X` / `“…,” he told 1News` after the quote;
//!   `X said: “…` / `According to X, “…` before it; for partial quotes the subject of the
//!   reporting verb (appositives skipped); pronouns take the nearest preceding speaker; a quote
//!   with no cue continues the previous quote's speaker; a press release falls back to the
//!   minister its front matter names. Names are normalised to the fullest form the source gives.

use std::borrow::Cow;
use std::ops::Range;

use super::date::weekday_from_word;
use super::source::{Furniture, ParagraphKind, PersonRole, Source};
use super::words::{BuildIdentity, for_each_word, run_keys};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A quoted sentence or more, standing on its own.
    Direct,
    /// A fragment quoted inside the reporter's sentence.
    Partial,
}

/// Where one part of a quote is: bytes `range` of paragraph `paragraph`'s text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotePart {
    pub paragraph: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// One part per paragraph the quote runs over.
    pub parts: Vec<QuotePart>,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    /// The reporting word: `says`, `told`, `according to`, ...
    pub cue: Option<String>,
    /// How sure the attribution is, 0 to 1.
    pub confidence: f32,
    /// Other sources that report the same words (verbatim or as a fragment); filled when the
    /// corpus is built.
    pub also_in: Vec<usize>,
}

impl Quote {
    /// The words between the marks; a quote over several paragraphs joins its parts with one
    /// space. Made on demand: the source's text is the only copy kept.
    pub fn text<'a>(&self, source: &'a Source) -> Cow<'a, str> {
        let part_text =
            |part: &QuotePart| source.paragraph_text(part.paragraph)[part.range.clone()].trim();
        if let [one] = self.parts.as_slice() {
            return Cow::Borrowed(part_text(one));
        }
        let mut out = String::new();
        for part in &self.parts {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(part_text(part));
        }
        Cow::Owned(out)
    }

    /// `“text” (Speaker, Outlet, “Title”, date, url)`: the quote as a user pastes it.
    pub fn citation(&self, source: &Source) -> String {
        let speaker = self.speaker.as_deref().unwrap_or("unattributed");
        // The comma that hands over to "he said" does not belong in a citation.
        let text = self.text(source);
        let text = text.trim_end_matches([',', ';', ':']);
        format!("“{text}” ({speaker}, {})", source.citation())
    }

    /// The speaker, `?`-marked when the attribution is unsure; `None` when unknown.
    pub fn speaker_label(&self) -> Option<String> {
        let name = self.speaker.as_deref()?;
        Some(if self.confidence < UNSURE_BELOW {
            format!("{name}?")
        } else {
            name.to_string()
        })
    }
}

/// Attributions below this confidence are shown as uncertain.
pub const UNSURE_BELOW: f32 = 0.5;

/// Reporting verbs and phrases, as they are written.
const CUES: &[&str] = &[
    "says",
    "said",
    "say",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "insisted",
    "insists",
    "announced",
    "announces",
    "explained",
    "explains",
    "explaining",
    "stated",
    "states",
    "continued",
    "continues",
    "argued",
    "argues",
    "arguing",
    "warned",
    "warns",
    "warning",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "replies",
    "claimed",
    "claims",
    "commented",
    "comments",
    "remarked",
    "urged",
    "urges",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "agreed",
    "agrees",
    "concluded",
    "declared",
    "declares",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "observed",
    "recalled",
    "responded",
    "responds",
    "described",
    "describes",
    "describing",
    "confirmed",
    "confirms",
    "predicted",
    "conceded",
    "cautioned",
    "saying",
    "tweeted",
    "posted",
    "wrote",
    "believes",
    "believed",
    "thinks",
    "called",
    "calls",
    "labelled",
    "labeled",
    "quipped",
    "joked",
    "promised",
    "pledged",
    "vowed",
    "recalls",
    "reiterated",
    "highlighted",
    "pointed",
    "mentioned",
    "mentions",
    "announcing",
    "tweeting",
    "writing",
    "asking",
    "beamed",
    "exhorted",
    "boasted",
    "lamented",
    "countered",
    "retorted",
    "complained",
    "demanded",
    "shouted",
    "yelled",
    "testified",
    "asserted",
    "asserts",
    "contended",
    "recounted",
    "mused",
    "scoffed",
    "gushed",
    "opined",
    "reacted",
    "exclaimed",
    "echoed",
];

/// Words that are titles or roles, not names: dropped from the front of a speaker.
const TITLES: &[&str] = &[
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    // The Green Party's releases call their women MPs `Mz`.
    "mz",
    "dr",
    "prof",
    "professor",
    "emeritus",
    // Professor, in te reo Māori.
    "ahorangi",
    "associate",
    "assistant",
    "rt",
    "hon",
    "right",
    "honourable",
    "honorable",
    "sir",
    "dame",
    "lord",
    "lady",
    "foreign",
    "affairs",
    "minister",
    "prime",
    "deputy",
    "president",
    "vice",
    "secretary",
    "general",
    "chief",
    "executive",
    "senator",
    "sen",
    "rep",
    "representative",
    "judge",
    "justice",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "mp",
    "councillor",
    "msp",
    "mep",
    "mayor",
    "ceo",
    "director",
    "ambassador",
    "governor",
    "commissioner",
    "officer",
    "manager",
    "head",
    "former",
    "acting",
    "labour",
    "national",
    "green",
    "greens",
    "act",
    "party",
    "opposition",
    "defence",
    "defense",
    "finance",
    "health",
    "education",
    "justice",
    "trade",
    "police",
    "state",
    "senior",
    "lecturer",
    "researcher",
    "economist",
    "analyst",
    "coach",
    "captain",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    // A manager, in sports reports (`Newcastle boss Graeme Souness`).
    "boss",
    "reverend",
    "rev",
    "father",
    "gov",
    "lt",
    "col",
    "sgt",
    "capt",
    "maj",
    "gen",
    "adm",
    "cllr",
    "nz",
    "first",
    "us",
    "uk",
    "un",
    "eu",
    "nato",
    "chancellor",
    "dean",
    "principal",
    "founder",
    "coordinator",
    "convenor",
    "organiser",
    "organizer",
    "member",
    "members",
    "candidate",
    "whip",
    "mathematician",
    "scientist",
    "expert",
    "lawyer",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "students",
    "union",
    "association",
    "spokesperson",
    "advocate",
    "campaigner",
    // Callings and positions that lead a sentence (`Drummer Larry Mullen echoed`), not
    // those that are surnames too (Peter Singer, Hugo Boss, Nikita Skipper, Mark Winger).
    "keeper",
    "goalkeeper",
    "drummer",
    "guitarist",
    "bassist",
    "striker",
    "midfielder",
    "defender",
    "actor",
    "actress",
    "author",
    "columnist",
    "editor",
    "reporter",
    "presenter",
    "producer",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "rep", "sen",
    "gov", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "rt", "hon", "capt", "maj", "cllr", "approx", "est",
];

/// A quote-mark span found in one paragraph, before joining across paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Span {
    /// Byte of the opening mark; `None` when the paragraph closes a quote it did not open.
    open: Option<usize>,
    /// Byte where the quoted words start (after the opening mark).
    start: usize,
    /// Byte where the quoted words end (the closing mark), or the paragraph's end.
    end: usize,
    /// Byte after the closing mark, when there is one.
    after: Option<usize>,
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‟')
}

fn is_double_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Bytes where a quote mark may start, in order: `"` `'` `` ` ``, and the lead bytes of
/// `“ ” ‘ ’ „ ‟` (E2) and of `« »` (C2). The text between is jumped over by `memchr`.
fn mark_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut common = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut rare = memchr::memchr2_iter(b'`', 0xC2, bytes).peekable();
    std::iter::from_fn(move || match (common.peek(), rare.peek()) {
        (Some(c), Some(r)) if r < c => rare.next(),
        (Some(_), _) => common.next(),
        (None, _) => rare.next(),
    })
}

/// Find the quote spans of one paragraph.
fn scan(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut double: Option<usize> = None;
    // Quotes open inside the open double quote (`“… who work “above and beyond” the call …,”`).
    let mut nested = 0;
    let mut single: Option<usize> = None;
    for i in mark_starts(text.as_bytes()) {
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        if !matches!(
            c,
            '“' | '„' | '«' | '‟' | '”' | '»' | '"' | '‘' | '`' | '\'' | '’'
        ) {
            continue;
        }
        let width = c.len_utf8();
        let prev = text[..i].chars().next_back();
        let next = text[i + width..].chars().next();
        let close_double = |spans: &mut Vec<Span>, open: Option<usize>| {
            spans.push(Span {
                open,
                start: open.map_or(0, |o| o + mark_len(text, o)),
                end: i,
                after: Some(i + width),
            });
        };
        match c {
            c if is_double_open(c) && double.is_none() => {
                double = Some(i);
                nested = 0;
                single = None;
            }
            // A second opening mark is a quote within the quote when the closing marks after
            // it close both; else the first was left open (`“No. “Really,” he said.`).
            c if is_double_open(c) && closes_both(&text[i..], nested) => nested += 1,
            c if is_double_close(c) && nested > 0 && double.is_some() => nested -= 1,
            c if is_double_close(c) => {
                match double.take() {
                    Some(o) => close_double(&mut spans, Some(o)),
                    // A close before any open: the paragraph ends a quote begun earlier.
                    None if spans.is_empty() => close_double(&mut spans, None),
                    None => {}
                }
                single = None;
            }
            '"' => {
                if let Some(o) = double {
                    // Closing, unless it looks like a new opening after a space (`" "`).
                    if !(prev.is_some_and(char::is_whitespace) && is_word_char(next)) || i == o + 1
                    {
                        close_double(&mut spans, Some(o));
                        double = None;
                        single = None;
                    } else {
                        close_double(&mut spans, Some(o));
                        double = Some(i);
                    }
                } else if next.is_some_and(|c| !c.is_whitespace()) {
                    double = Some(i);
                    single = None;
                } else if spans.is_empty() && prev.is_some_and(|c| !c.is_whitespace()) {
                    close_double(&mut spans, None);
                }
            }
            '‘' | '`' if double.is_none() && !is_word_char(prev) && is_word_char(next) => {
                single = Some(i);
            }
            '\'' if double.is_none()
                && single.is_none()
                && !is_word_char(prev)
                && is_word_char(next) =>
            {
                single = Some(i);
            }
            '’' | '\'' => {
                // An apostrophe inside a word (`Zealand’s`, `we'd`) never closes.
                if let Some(o) = single.filter(|_| !is_word_char(next)) {
                    if !is_word_char(prev) && !prev.is_some_and(|p| ".,!?".contains(p)) {
                        continue;
                    }
                    spans.push(Span {
                        open: Some(o),
                        start: o + mark_len(text, o),
                        end: i,
                        after: Some(i + width),
                    });
                    single = None;
                }
            }
            _ => {}
        }
    }
    if let Some(o) = double {
        spans.push(Span {
            open: Some(o),
            start: o + mark_len(text, o),
            end: text.len(),
            after: None,
        });
    }
    spans
}

/// Whether `rest`, from a double opening mark inside an open quote with `nested` quotes open
/// within it already, has closing marks enough for them all and the quote.
fn closes_both(rest: &str, nested: usize) -> bool {
    let (opens, closes) = rest.chars().fold((0, 0), |(o, c), ch| {
        (
            o + usize::from(is_double_open(ch)),
            c + usize::from(is_double_close(ch)),
        )
    });
    closes > opens + nested
}

fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// A quote before attribution: its parts, and the text around it.
struct Candidate<'a> {
    parts: Vec<QuotePart>,
    /// Text of its sentence before the opening mark (first paragraph).
    before: &'a str,
    /// Text after the closing mark, to the end of the sentence (last paragraph).
    after: &'a str,
    /// Paragraphs the quote starts and ends in.
    first_paragraph: usize,
    last_paragraph: usize,
    multi_paragraph: bool,
}

/// The reporting words around a candidate, found once for classifying and attributing it:
/// the last cue before the quote, and the speaker and cue right after it.
struct Cues {
    before: Option<(Range<usize>, &'static str)>,
    after: Option<(String, String)>,
}

/// Find quotations in a source, with their speakers.
pub fn extract(source: &Source) -> Vec<Quote> {
    let candidates = candidates(source);
    if candidates.is_empty() {
        return Vec::new();
    }
    let names = NameBook::new(source);
    let mut quotes: Vec<Quote> = Vec::new();
    for c in candidates {
        let mut quote = Quote {
            parts: c.parts.clone(),
            kind: QuoteKind::Direct,
            speaker: None,
            cue: None,
            confidence: 0.0,
            also_in: Vec::new(),
        };
        let text = quote.text(source);
        if text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .nth(1)
            .is_none()
        {
            continue;
        }
        let before = find_cue(c.before);
        let last_mark = text.trim_end().chars().next_back();
        // `Mr Blair said: “… Street.” He described …`: a quote that a cue and a colon lead
        // into and that ends its sentence is followed by a new sentence, not by its cue.
        let led_in = before.is_some()
            && c.before.trim_end().ends_with(':')
            && matches!(last_mark, Some('.' | '!' | '?'));
        let cues = Cues {
            before,
            after: if led_in {
                None
            } else {
                leading_attribution(c.after, last_mark == Some('.'))
            },
        };
        let Some(kind) = classify(&c, &cues, &text) else {
            continue;
        };
        quote.kind = kind;
        attribute(&mut quote, &c, &cues, &quotes, &names, source);
        quotes.push(quote);
    }
    quotes
}

fn candidates(source: &Source) -> Vec<Candidate<'_>> {
    let content: Vec<usize> = (0..source.paragraphs.len())
        .filter(|&i| {
            let p = &source.paragraphs[i];
            p.is_content() && !matches!(p.kind, ParagraphKind::Heading(_))
        })
        .collect();
    let mut out: Vec<Candidate> = Vec::new();
    // An unclosed quote waiting for its continuation.
    let mut open: Option<Candidate> = None;
    for (ci, &pi) in content.iter().enumerate() {
        let text = source.paragraph_text(pi);
        let mut spans = scan(text);
        if let Some(mut pending) = open.take() {
            let starts_with_mark = text.trim_start().starts_with(['“', '"', '‘', '«', '„']);
            let first_is_continuation = spans.first().is_some_and(|s| {
                s.open.is_none()
                    || (starts_with_mark && s.open == Some(text.len() - text.trim_start().len()))
            });
            let adjacent = content
                .get(ci.wrapping_sub(1))
                .is_some_and(|&prev| prev == pending.last_paragraph)
                || source.paragraphs[pending.last_paragraph + 1..pi]
                    .iter()
                    .all(|p| p.is_furniture());
            if first_is_continuation && adjacent {
                let span = spans.remove(0);
                pending.parts.push(QuotePart {
                    paragraph: pi,
                    range: span.start..span.end,
                });
                pending.last_paragraph = pi;
                pending.multi_paragraph = true;
                match span.after {
                    Some(after) => {
                        pending.after =
                            sentence_after(text, after, spans.first().and_then(|s| s.open));
                        out.push(pending);
                    }
                    None => {
                        open = Some(pending);
                        continue;
                    }
                }
            } else {
                out.push(pending);
            }
        }
        let mut previous_end = 0;
        for (k, span) in spans.iter().enumerate() {
            let Some(o) = span.open else { continue };
            let c = Candidate {
                parts: vec![QuotePart {
                    paragraph: pi,
                    range: span.start..span.end,
                }],
                before: sentence_before(text, o, previous_end),
                after: span
                    .after
                    .map(|a| sentence_after(text, a, spans.get(k + 1).and_then(|s| s.open)))
                    .unwrap_or(""),
                first_paragraph: pi,
                last_paragraph: pi,
                multi_paragraph: false,
            };
            previous_end = span.after.unwrap_or(text.len());
            if span.after.is_none() {
                open = Some(c);
            } else {
                out.push(c);
            }
        }
    }
    out.extend(open);
    out
}

/// The reporter's words before `open` in its sentence (after any earlier quote's close).
fn sentence_before(text: &str, open: usize, floor: usize) -> &str {
    let head = &text[floor.min(open)..open];
    let start = last_sentence_end(head).unwrap_or(0);
    head[start..].trim()
}

/// The words after a closing mark to the end of the sentence, or to the next opening mark.
fn sentence_after(text: &str, after: usize, next_open: Option<usize>) -> &str {
    let tail = &text[after..next_open.unwrap_or(text.len()).max(after)];
    let end = first_sentence_end(tail).unwrap_or(tail.len());
    tail[..end].trim()
}

/// Byte just after the last sentence end in `s`.
fn last_sentence_end(s: &str) -> Option<usize> {
    memchr::memrchr3_iter(b'.', b'!', b'?', s.as_bytes()).find_map(|i| sentence_end_at(s, i))
}

fn first_sentence_end(s: &str) -> Option<usize> {
    sentence_ends(s).next()
}

/// Bytes just after each `.`, `!` or `?` that ends a sentence (not `Mr.`, `N.A.T.O.`, `U.S.`).
fn sentence_ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr3_iter(b'.', b'!', b'?', s.as_bytes()).filter_map(|i| sentence_end_at(s, i))
}

/// The byte after the `.`, `!` or `?` at `i` when it ends a sentence.
fn sentence_end_at(s: &str, i: usize) -> Option<usize> {
    let next = s[i + 1..].chars().next();
    // A sentence ends before a space, a quote mark, or the end.
    let ends = next.is_none_or(|n| n.is_whitespace() || matches!(n, '“' | '"' | '‘' | '”' | '’'));
    if !ends {
        return None;
    }
    if s.as_bytes()[i] == b'.' {
        let word_start = s[..i]
            .char_indices()
            .rev()
            .find(|&(_, ch)| !ch.is_alphanumeric() && ch != '.')
            .map_or(0, |(p, ch)| p + ch.len_utf8());
        let word = &s[word_start..i];
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if initial
            || word.contains('.')
            || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        {
            return None;
        }
    }
    Some(i + 1)
}

/// Direct, partial, or not a quotation at all (a name, a title, a scare quote).
fn classify(c: &Candidate, cues: &Cues, text: &str) -> Option<QuoteKind> {
    if c.multi_paragraph {
        return Some(QuoteKind::Direct);
    }
    let before = c.before;
    let cue_before = cues.before.is_some();
    let cue_after = cues.after.is_some();
    let introduced = before.ends_with(':')
        || (before.ends_with(',') && (cue_before || rfind_according_to(before).is_some()));
    let title_like = is_title_like(text);
    if before.is_empty() || introduced {
        // A short Title Case span standing alone with no cue is a heading-like name.
        if title_like && !cue_after && !introduced {
            return None;
        }
        return Some(QuoteKind::Direct);
    }
    if title_like || !(cue_before || cue_after) {
        return None;
    }
    if text.split_whitespace().nth(7).is_some() && ends_sentence(text) && cue_after {
        // A whole quoted sentence after a lead-in (`He said "..." yesterday`).
        return Some(QuoteKind::Direct);
    }
    Some(QuoteKind::Partial)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ','])
}

/// Names, titles and programme names: few words, nearly all capitalised, no sentence end.
fn is_title_like(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ',']);
    let words: Vec<&str> = t.split_whitespace().take(9).collect();
    if words.is_empty() || words.len() > 8 || t.ends_with(['!', '?']) {
        return false;
    }
    title_case(&words) && (words.len() >= 2 || t.chars().all(|c| !c.is_lowercase()))
}

/// Whether every word of `words` but the small ones (`of`, `the`, `and`, ...) is capitalised
/// (or a number), as in a title or a headline.
fn title_case(words: &[&str]) -> bool {
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "and" | "for" | "in" | "on" | "a" | "an" | "to" | "at" | "with" | "&"
        )
    };
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    let content_words = words.iter().filter(|w| !small(w)).count();
    content_words > 0 && capitalised == content_words
}

/// A headline: five words or more, in title case (`Chuck Grassley Compares Trump’s Racism To
/// Sonia Sotomayor`), whose runs of capitals are no names.
fn is_headline(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(30).collect();
    words.len() >= 5 && title_case(&words)
}

/// Words of `s`, with their byte ranges: runs of letters, digits, apostrophes, hyphens and
/// dots, without trailing dots (`U.S.` is `U.S`, `said.` is `said`). One pass, ASCII bytes
/// without decoding: the rules call this on every sentence they read.
fn words(s: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    out.extend(Words { s, i: 0 });
    out
}

/// The [`words`] of `s`, one at a time: for rules that read only the first few.
struct Words<'a> {
    s: &'a str,
    /// Where the next word may start.
    i: usize,
}

impl<'a> Words<'a> {
    /// Whether the char at byte `i` is part of a word, and its width. `said.Trump claimed`: a
    /// dot between a lowercase letter and a capital ends a sentence whose space was lost,
    /// where `U.S.` and `e.g.` go on.
    fn part_at(&self, i: usize) -> (bool, usize) {
        let bytes = self.s.as_bytes();
        let b = bytes[i];
        if b.is_ascii() {
            let glued = b == b'.'
                && i > 0
                && bytes[i - 1].is_ascii_lowercase()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase);
            (ASCII_WORD_PART[usize::from(b)] && !glued, 1)
        } else {
            let c = self.s[i..].chars().next().unwrap_or_default();
            (is_word_part(c), c.len_utf8())
        }
    }

    /// Past the bytes from `self.i` that are `class`, ASCII and no dot, to the first that
    /// [`Words::part_at`] must read.
    fn skip(&mut self, class: ByteClass) {
        let bytes = self.s.as_bytes();
        while self.i < bytes.len() && BYTE_CLASSES[usize::from(bytes[self.i])] == class {
            self.i += 1;
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (Range<usize>, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        // The bytes that only one reading allows go by in tight loops; a dot and non-ASCII
        // chars are read char by char. One loop reading every char, with a state for inside
        // and outside a word, made finding quotes about 2% slower.
        loop {
            let start = loop {
                self.skip(ByteClass::Between);
                if self.i >= self.s.len() {
                    return None;
                }
                let (part, width) = self.part_at(self.i);
                if part {
                    break self.i;
                }
                self.i += width;
            };
            loop {
                self.skip(ByteClass::Within);
                if self.i >= self.s.len() {
                    break;
                }
                let (part, width) = self.part_at(self.i);
                if !part {
                    break;
                }
                self.i += width;
            }
            let word = self.s[start..self.i].trim_end_matches('.');
            if !word.is_empty() {
                return Some((start..start + word.len(), word));
            }
        }
    }
}

/// What a byte is to [`Words`] when its neighbours do not matter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// ASCII and no part of a word.
    Between,
    /// ASCII, part of a word, and no dot.
    Within,
    /// A dot (which may glue two sentences) or a byte of a non-ASCII char.
    Read,
}

const BYTE_CLASSES: [ByteClass; 256] = {
    let mut table = [ByteClass::Read; 256];
    let mut b = 0;
    while b < 128 {
        if b != b'.' as usize {
            table[b] = if ASCII_WORD_PART[b] {
                ByteClass::Within
            } else {
                ByteClass::Between
            };
        }
        b += 1;
    }
    table
};

/// [`is_word_part`] of each ASCII byte, looked up: [`words`] reads every byte of every
/// sentence the rules split.
const ASCII_WORD_PART: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || matches!(b as u8, b'\'' | b'-' | b'.');
        b += 1;
    }
    table
};

/// Whether `c` is part of a word to [`words`]: a letter, a digit, an apostrophe, a hyphen or
/// a dot.
fn is_word_part(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')
}

/// The reporting verb `word` is, as listed (lowercase), if it is one.
fn cue(word: &str) -> Option<&'static str> {
    static SET: WordSet = WordSet::new();
    listed(&SET, CUES, word)
}

/// A word list as a set, built on first use.
type WordSet = std::sync::OnceLock<std::collections::HashMap<u128, &'static str, FastHash>>;

/// Word lists and name tables hold short strings, for which SipHash costs more than the
/// lookup.
type FastHash = foldhash::fast::FixedState;

/// Bytes of the longest entry of a word list.
const LISTED_LONGEST: usize = 16;

/// `word` in ASCII lowercase, its bytes in one integer (zeros after them): what a word list is
/// keyed by. `None` past [`LISTED_LONGEST`] bytes, where no entry is.
fn listed_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut buf = [0u8; LISTED_LONGEST];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    buf.make_ascii_lowercase();
    Some(u128::from_le_bytes(buf))
}

/// The entry of `list` that `word` is, in any ASCII case: one integer made on the stack and
/// looked up. Scanning a list for every word read was a twentieth of finding quotes, and
/// hashing a lowercased string a twelfth.
fn listed(set: &WordSet, list: &'static [&'static str], word: &str) -> Option<&'static str> {
    let entries = set.get_or_init(|| {
        list.iter()
            .filter_map(|entry| {
                debug_assert!(entry.len() <= LISTED_LONGEST, "{entry} is too long to list");
                Some((listed_key(entry)?, *entry))
            })
            .collect()
    });
    entries.get(&listed_key(word)?).copied()
}

/// The cue `word`, at byte `at` of `s`, is. Capitalised, it is one only where it opens its
/// sentence or the sentence is in title case up to it (`Professor Paul Moon Says:`);
/// elsewhere it is a name's (`the United States responds`).
fn cue_in(s: &str, at: usize, word: &str) -> Option<&'static str> {
    let cue = cue(word)?;
    // In capitals it is a shouted headline's word (`RED STATES OUTNUMBER BLUE STATES`).
    let shouted = word.chars().all(|c| c.is_uppercase());
    (!word.starts_with(char::is_uppercase) || !shouted && capitalised_cue_is_one(s, at))
        .then_some(cue)
}

/// Whether a word after `head` is a noun: after a possessive or a determiner (`Sanders’
/// comments`, `his claims`, `the calls`), `comments` and `claims` are no reporting verbs.
fn is_noun_after(head: &str) -> bool {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those",
    ];
    let Some(prev) = head.split_whitespace().next_back() else {
        return false;
    };
    let prev = prev.to_lowercase();
    !is_contraction(&prev)
        && (prev.ends_with(['’', '\'']) && prev.len() > 2
            || is_possessive(&prev)
            || DETERMINERS.contains(&prev.as_str()))
}

/// `Twitter's`, `Obama’s` (and `It’s`, which [`is_contraction`] tells apart).
fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// `It’s said`, `That's like`: a pronoun's contraction, not a possessive.
fn is_contraction(word: &str) -> bool {
    [
        "it", "he", "she", "that", "there", "what", "who", "here", "let",
    ]
    .iter()
    .any(|p| {
        word.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
            && matches!(&word[p.len()..], "’s" | "'s")
    })
}

fn capitalised_cue_is_one(s: &str, at: usize) -> bool {
    let head = &s[..at];
    let sentence = &head[sentence_ends(head).last().unwrap_or(0)..];
    let before: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_start_matches(['“', '"', '‘', '\'']))
        .filter(|w| !w.is_empty())
        .collect();
    before.is_empty() || title_case(&before)
}

fn is_cue(word: &str) -> bool {
    cue(word).is_some()
}

/// Whether a cue is a participle (`saying`, `telling`): its subject is the sentence's, not the
/// words just before it.
fn is_participle(cue: &str) -> bool {
    cue.ends_with("ing")
}

const ACCORDING_TO: &str = "according to";

/// Byte where the last `according to` (any case) starts in `s`.
fn rfind_according_to(s: &str) -> Option<usize> {
    s.as_bytes()
        .windows(ACCORDING_TO.len())
        .rposition(|w| w.eq_ignore_ascii_case(ACCORDING_TO.as_bytes()))
}

/// The last reporting verb in `s`: its byte range and text. `reports` counts only leading
/// into a quote ([`report_lead`]).
fn find_cue(s: &str) -> Option<(Range<usize>, &'static str)> {
    if let Some(lead) = report_lead(s) {
        return Some(lead);
    }
    let last_cue = words(s)
        .into_iter()
        .rev()
        .find_map(|(r, w)| Some((r.clone(), cue_in(s, r.start, w)?)));
    if let Some(i) = rfind_according_to(s)
        && last_cue.as_ref().is_none_or(|(r, _)| r.start < i)
    {
        return Some((i..i + ACCORDING_TO.len(), ACCORDING_TO));
    }
    last_cue
}

/// `The New York Times reports:` leading into a quote. Elsewhere `reports` is as often a
/// noun (`welcoming reports`, `submit reports`), so it is on no list of cues.
fn report_lead(s: &str) -> Option<(Range<usize>, &'static str)> {
    let head = s.trim_end().strip_suffix(':')?.trim_end();
    ["reports", "reported"].into_iter().find_map(|cue| {
        let start = head.len().checked_sub(cue.len())?;
        (head.get(start..)?.eq_ignore_ascii_case(cue) && head.get(..start)?.ends_with(' '))
            .then_some((start..head.len(), cue))
    })
}

/// After a quote: `Mr Peters says`, `he told 1News`, `said Professor Jim Metson`,
/// `the minister said`. Returns the speaker words and the cue. `after_full_stop`: the quote
/// ends with a full stop (after `?` or `!` an attribution often follows: `“Why?” Jo asked`).
fn leading_attribution(after: &str, after_full_stop: bool) -> Option<(String, String)> {
    let a = without_brackets(after);
    if let Some(name) = dash_signature(&a) {
        return Some((name, DASH_CUE.to_string()));
    }
    // The rest of a closing mark (`''` closes a quote in some archives) is no part of a name.
    let a = a.trim_start_matches([',', ' ', '—', '–', '-', '\'', '’', '"', '”']);
    let w = words(a);
    if w.is_empty() {
        return None;
    }
    // `“…,” according to CNN.`
    if let Some(rest) = a
        .get(..ACCORDING_TO.len())
        .filter(|head| head.eq_ignore_ascii_case(ACCORDING_TO))
        .map(|_| &a[ACCORDING_TO.len()..])
    {
        return name_after(rest)
            .or_else(|| described_after(rest))
            .map(|who| (who, ACCORDING_TO.to_string()));
    }
    // Inverted: `said X`, and `read the email` (`read` is a cue only so placed: elsewhere it
    // is as often a reader's).
    let inverted = cue(w[0].1).or(read_cue(w[0].1));
    if let Some(cue) = inverted {
        let rest = &a[w[0].0.end..];
        // `says the New Zealand First Leader Rt Hon Winston Peters`: titles after `the`, then a
        // person's name in full that ends the clause (not `the Old Trafford boss`, `the
        // Birchfield Harrier`).
        let clause = rest.trim_end().trim_end_matches(['.', ',', ';', ':', ' ']);
        let person = |name: &String| {
            !is_organisation(name)
                && bare_name(name).is_some_and(|n| n.contains(' ') && n.len() < name.len())
                && name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| clause.ends_with(last))
        };
        let opening = rest.trim_start();
        let after_the = opening
            .get(..4)
            .filter(|head| head.eq_ignore_ascii_case("the "))
            .and_then(|_| name_after(&opening[4..]))
            .filter(person);
        // `said a senior Cruz adviser`, `said the agency`: no name, a description.
        let Some(mut name) = after_the.or_else(|| name_after(rest)) else {
            return named_after_its_role(rest)
                .or_else(|| described_after(rest))
                .map(|who| (who, cue.to_string()));
        };
        // `said Green Party transport spokesperson Julie Anne Genter MP.`: a name in full, then
        // letters (before a name, `MP` is a title: `said Tauranga MP Simon Bridges`).
        if let Some(named) = name.strip_suffix(" MP")
            && bare_name(named).is_some_and(|n| n.contains(' '))
            && clause.ends_with(&name)
        {
            name = named.to_string();
        }
        // `says NZEI National President, Bruce Adin`: titles only, then the name; or titles
        // with a portfolio (joined by `and`, or after `for`, `of`, `on`), then a person's name
        // in full that ends the clause (`says IPL Director and Associate Dean Professional
        // Learning, Jan Martin`).
        let titles_only = strip_titles(&name).is_none();
        let portfolio = [" and ", " for ", " of ", " on "]
            .iter()
            .any(|p| name.contains(p));
        if (titles_only || portfolio)
            && let Some((_, named)) = rest.split_once(',')
            && let Some(after_comma) = name_after(named)
            && (titles_only
                || !is_organisation(&after_comma)
                    && bare_name(&after_comma).is_some_and(|n| n.contains(' '))
                    && ends_clause(named, &after_comma))
        {
            name = after_comma;
        }
        // `said Logan Edgar OUSA President`, `said Dr Jamie Whyte Leader of the ACT Party`: a
        // name in full, then its organisation or titles.
        if let Some(named) = name_before_its_titles(&name)
            && bare_name(&name).is_none()
        {
            name = named;
        }
        return Some((name, cue.to_string()));
    }
    // `the editorial read`, `a BBC statement reads`: a document's words (`read` is a cue only
    // after a document: elsewhere it is as often a reader's).
    if let Some((k, read)) = w
        .iter()
        .take(CUE_WORDS)
        .enumerate()
        .find_map(|(k, (_, x))| Some((k, read_cue(x)?)))
        && w[..k].iter().all(|(_, x)| cue(x).is_none())
        && w[..k].last().is_some_and(|(_, head)| {
            let head = head.to_lowercase();
            DOCUMENTS.contains(&head.as_str()) || READ_OUT.contains(&head.as_str())
        })
        && let Some((described, _)) = description(&a[..w[k].0.start])
    {
        return Some((described, read.to_string()));
    }
    // `X says`: the cue within the first few words, and only name words before it.
    let Some((cue_at, cue)) = first_cue(a, &w, CUE_WORDS)
        .or_else(|| cue_after_appositive(a, &w, !after_full_stop))
        .or_else(|| cue_after_titles(a, &w))
    else {
        // After `“… today.”` a capitalised word starts the next sentence (`Previous winners
        // have included`): only a person (`He plans`, `Mr Negroponte wants`) makes it the
        // quote's attribution.
        let person = PRONOUNS.contains(&w[0].1.to_lowercase().as_str()) || is_honorific(w[0].1);
        return if after_full_stop && !person {
            None
        } else {
            any_verb_attribution(a, &w)
        };
    };
    let subject = &a[..w[cue_at].0.start];
    // `Sotomayor has said`
    let subject = without_adverbs(subject.trim().trim_end_matches(',').trim());
    // A sentence between the quote and the cue is not its attribution. The dot of `Mr.` or
    // `Charles B. Rangel` ends no sentence, nor does one just before the cue (`Mitch
    // McConnell, R-Ky., said`).
    let sentence_between = sentence_ends(subject).any(|end| end < subject.len());
    // `“… Australia.” Reuters also said that Mr Lilliu …`: after a full stop, a cue that
    // reports speech of its own opens a new sentence.
    let reports_more = after_full_stop && w.get(cue_at + 1).is_some_and(|(_, x)| *x == "that");
    if subject.is_empty() || subject.contains(';') || sentence_between || reports_more {
        return None;
    }
    // `Ramos, 58, told AFP`: the name before an appositive; `the White House spokesman, Josh
    // Earnest, said`: the name as the appositive.
    let subject = match subject.split_once(',') {
        // All of it a name, dots and all: `Dr. Christopher K. Tucker, chairman of ...`; not
        // titles only (`NZEI Te Riu Roa National President, Irene Cooper, said`).
        Some((name, _))
            if name_run_end(name).is_some_and(|n| n.split(' ').count() == words(name).len())
                && strip_titles(name).is_some() =>
        {
            name.trim()
        }
        Some((_, appositive)) if appositive_name(appositive).is_some() => appositive.trim(),
        // `an intelligence source, who was not authorized to speak, told`
        Some((described, _)) if description(described).is_some() => described.trim(),
        _ => subject,
    };
    let lower = subject.to_lowercase();
    if PRONOUNS.contains(&lower.as_str())
        || lower.starts_with("the ")
        || name_run_end(subject).is_some()
    {
        return Some((subject.to_string(), cue.to_string()));
    }
    voice_of(subject)
        .or_else(|| description(subject).map(|_| subject.to_string()))
        .map(|who| (who, cue.to_string()))
        // `Blige sings to Clinton before asking her`: a participle leaves its subject to the
        // sentence's own verb.
        .or_else(|| {
            is_participle(cue)
                .then(|| any_verb_attribution(a, &w))
                .flatten()
        })
}

/// `co-leader of the Green Party, Marama Davidson.`, `the Managing Director of BMW Group New
/// Zealand, Ms. Nina Englert.`, `joint unions’ industrial action committee speaker, Dr Karen
/// Rhodes.`: after a cue, a role and what it is of, then the name alone as its appositive.
fn named_after_its_role(rest: &str) -> Option<String> {
    let (_, named) = rest.split_once(',')?;
    appositive_name(named)
}

/// Whether `text` is `name` and the end of its clause.
fn ends_clause(text: &str, name: &str) -> bool {
    text.trim_start()
        .strip_prefix(name)
        .is_some_and(|rest| rest.trim_start_matches(['.', ',', ';', ' ']).is_empty())
}

/// `read` or `reads`: a cue only where it is a text's (`read the email`, `the editorial
/// read`); elsewhere it is as often a reader's, so it is on no list of cues.
fn read_cue(word: &str) -> Option<&'static str> {
    ["read", "reads"].into_iter().find(|r| *r == word)
}

/// The description right after a cue, up to its clause's end: `a senior Cruz adviser`; or the
/// name it is followed by (`the committee chairman, MP Edward Leigh`).
fn described_after(rest: &str) -> Option<String> {
    let mut clauses = rest.split([',', '.', ';', ':', '“', '”', '"']);
    let clause = clauses.next()?.trim();
    let (described, _) = description(clause)?;
    Some(
        clauses
            .next()
            .and_then(appositive_name)
            .unwrap_or(described),
    )
}

/// `Brent Bozell III, founder of the Media Research Center, tells`: after a quote, a name,
/// then an appositive too long for the cue to be among the first words. The cue's word index
/// in `w` (the words of `after`) and the cue.
fn cue_after_appositive(
    after: &str,
    w: &[(Range<usize>, &str)],
    runs_on: bool,
) -> Option<(usize, &'static str)> {
    let name_words = w
        .iter()
        .take_while(|(_, x)| x.starts_with(char::is_uppercase) && !is_never_a_name(x))
        .count();
    // A lone surname, when what follows describes a person: `Miller, a retired worker from
    // a nuclear plant, said`, `Fiorina, 61, said` (not `Yesterday, the council said`).
    let described_person = || {
        let end = w.first()?.0.end;
        let first = after
            .get(end..)?
            .strip_prefix(", ")?
            .split([' ', ','])
            .next()?;
        (matches!(first, "a" | "an") || first.bytes().all(|b| b.is_ascii_digit())).then_some(end)
    };
    let name_end = if name_words >= 2 {
        w[name_words - 1].0.end
    } else if let Some(end) = (name_words == 1).then(described_person).flatten() {
        end
    } else {
        // Or a description: `an intelligence source, who was not authorized to speak, told`.
        let (described, _) = after.split_once(',')?;
        description(described)?;
        described.len()
    };
    let rest = &after[name_end..];
    // A comma missing only after a name in full, and only when the quote runs on into it:
    // after a full stop, `Lisa Power, head of policy at the Trust said the policy ...` opens
    // a sentence of its own.
    let unclosed = || {
        (name_words >= 2 && runs_on)
            .then(|| unclosed_appositive(rest))
            .flatten()
    };
    let comma = name_end + appositive_before_cue(rest).or_else(unclosed)?;
    let at = w.iter().position(|(r, _)| r.start > comma)?;
    Some((at, cue(w[at].1)?))
}

/// `Will Davies, senior research fellow at the IPPR told`, `Kirsten Pfeifer from the
/// Consumer Electronics Association, told`: after a name, an appositive with one of its two
/// commas missing (a role in lowercase and no comma before the cue, or a phrase of `from`,
/// `of` or `at` and no comma after the name). The byte of `after` after which the cue comes.
fn unclosed_appositive(after: &str) -> Option<usize> {
    let head = appositive_reach(after);
    if let Some(role) = head.strip_prefix(", ") {
        if !role.starts_with(char::is_lowercase) {
            return None;
        }
        let (r, _) = Words { s: role, i: 0 }.find(|(_, x)| is_cue(x))?;
        return (!role[..r.start].contains(',')).then_some(r.start + 1);
    }
    let phrase = [" from ", " of ", " at "]
        .into_iter()
        .find_map(|p| head.strip_prefix(p))?;
    // Past commas within the phrase: `Ryan Gage from the University of Otago, Wellington,
    // says`.
    let comma = comma_before_cue(phrase)?;
    Some(head.len() - phrase.len() + comma + 1)
}

/// `Logan Edgar OUSA President` → `Logan Edgar`, `Dr Jamie Whyte Leader` → `Dr Jamie Whyte`,
/// `Winston Peters Leader of New Zealand First` → `Winston Peters`: a name of two capitalised
/// words or more, ended by an acronym or a number, or by a title after an honorific or before
/// `of` (not `Old Trafford boss`, `New Zealand First Leader`).
fn name_before_its_titles(run: &str) -> Option<String> {
    let words: Vec<&str> = run.split(' ').collect();
    let honorifics = words
        .iter()
        .take_while(|x| is_honorific(x.trim_end_matches('.')))
        .count();
    let letters = |x: &str| {
        x.chars().any(|c| c.is_ascii_digit()) || x.len() > 1 && x.chars().all(char::is_uppercase)
    };
    let name = words[honorifics..]
        .iter()
        .take_while(|x| x.starts_with(char::is_uppercase) && !letters(x) && !is_title(x))
        .count();
    let end = honorifics + name;
    let next = words.get(end)?;
    let titled = is_title(next)
        && (honorifics > 0 || words[end..].iter().find(|x| !is_title(x)) == Some(&"of"));
    (name >= 2 && (letters(next) || titled)).then(|| words[..end].join(" "))
}

/// The most words before a cue after a quote: a name and a title or two (`Mr Peters says`).
const CUE_WORDS: usize = 8;

/// The most words of titles and a name before a cue after a quote (`New Zealand First Leader
/// and Tauranga MP Winston Peters said`).
const TITLED_NAME_WORDS: usize = 14;

/// The first cue among the first `limit` words `w` of `text`: its word index and the cue.
fn first_cue(
    text: &str,
    w: &[(Range<usize>, &str)],
    limit: usize,
) -> Option<(usize, &'static str)> {
    w.iter()
        .take(limit)
        .enumerate()
        .find_map(|(i, (r, word))| Some((i, cue_in(text, r.start, word)?)))
}

/// `New Zealand First Leader and Tauranga MP Winston Peters said`: after a quote, a cue past
/// more words than [`leading_attribution`] reads for one, when they are all titles and a name
/// (capitalised words, the small words between titles, or a portfolio's before its title:
/// `Green Party energy and resources spokesperson Gareth Hughes said`), with only spaces
/// between them.
fn cue_after_titles(after: &str, w: &[(Range<usize>, &str)]) -> Option<(usize, &'static str)> {
    let (at, cue) = first_cue(after, w, TITLED_NAME_WORDS)?;
    let lowercase = |x: &str| x.starts_with(char::is_lowercase);
    // A word of a portfolio: lowercase words up to a title in lowercase (`energy and resources
    // spokesperson`), not a clause's (`may well apply if the UK Supreme Court`).
    let portfolio = |k: usize| {
        w[k..at]
            .iter()
            .take_while(|(_, x)| lowercase(x))
            .any(|(_, x)| is_title(x) && !is_article(x))
    };
    let titles = w[..at].iter().enumerate().all(|(k, (_, x))| {
        x.starts_with(char::is_uppercase)
            || is_title(x)
            || matches!(*x, "and" | "of" | "for" | "in" | "on")
            || portfolio(k)
    });
    let spaced = (1..=at).all(|k| {
        after[w[k - 1].0.end..w[k].0.start]
            .trim_matches('.')
            .trim()
            .is_empty()
    });
    (at > 0 && titles && spaced).then_some((at, cue))
}

/// The cue of a quote signed with a dash.
const DASH_CUE: &str = "—";

/// The most words of a paragraph that signs the quote before it (`- Hillary Clinton, former
/// secretary of state.`).
const SIGNATURE_WORDS: usize = 12;

/// The cue of a quote after a speaker's label, as in a transcript (`Rep. Trey Gowdy: “…`).
const LABEL_CUE: &str = ":";

/// `Former secretary of state Hillary Rodham Clinton:` right before a quote (`before`, the
/// text of its sentence up to the mark): the name a transcript labels the speech with. Short,
/// ending on a capitalised name, with no reporting verb (that is `X said:`). Within a
/// paragraph (`Clinton: “…” Bush: “…”`) the label is the name alone; opening it, a
/// description may come first. A longer lead ends on a label only when that is a person's
/// name in full (`… doesn't surprise Republican pollster Daron Shaw:`, `… FOR THE FIRST TIME
/// - Jeffrey M. Jones:`): with whether it is such a name, which the source must then confirm.
fn speaker_label(paragraph: &str, before: &str) -> Option<(String, bool)> {
    let lead = before.trim().strip_suffix(':')?;
    if find_cue(lead).is_some() {
        return None;
    }
    let name = name_run_end(&without_brackets(lead))?;
    let lead_words = words(lead).len();
    let opens_paragraph = paragraph.trim_start().starts_with(lead);
    let short = lead_words <= 8 && (opens_paragraph || name.split(' ').count() == lead_words);
    let in_full = strip_titles(&name).is_some_and(|n| {
        n.contains(' ')
            && !is_organisation(&n)
            && n.split(' ')
                .all(|w| w.len() == 1 || w.chars().any(char::is_lowercase))
    });
    (short || in_full).then_some((name, in_full))
}

/// `Kasich resisted:` (`before`, the quote's sentence up to its mark): all of it a name of
/// at most three words, then a verb in the past or present and at most two more lowercase
/// words (`Rubio fired back forcefully:`). The name and the verb.
fn verb_lead(before: &str) -> Option<(String, String)> {
    let lead = before.trim().strip_suffix(':')?;
    let w = words(lead);
    let name_len = w
        .iter()
        .take_while(|(_, x)| x.starts_with(char::is_uppercase) && !is_never_a_name(x))
        .count();
    let rest = w.get(name_len..)?;
    let verb = rest.first()?.1;
    let lowercase = rest.iter().all(|(_, x)| x.starts_with(char::is_lowercase));
    ((1..=3).contains(&name_len) && rest.len() <= 3 && is_any_verb(verb) && lowercase)
        .then(|| (lead[..w[name_len - 1].0.end].to_string(), verb.to_string()))
}

/// `“…” ― Sonya Herridge`: a dash, then a name that is all the rest of the quote's line (up to
/// a comma, the next quote or the line's end), as under a pull quote or a testimonial.
fn dash_signature(after: &str) -> Option<String> {
    let rest = after.trim_start_matches([' ', '\u{a0}']);
    // `-Michelle Marks, Philadelphia.`: a hyphen glued to a capital signs too.
    signed_name(
        rest.strip_prefix(['―', '—', '–'])
            .or_else(|| rest.strip_prefix("- "))
            .or_else(|| {
                rest.strip_prefix('-')
                    .filter(|r| r.starts_with(char::is_uppercase))
            })?,
    )
}

/// The name a signature's `line` (what follows its dash) is all of, up to a comma.
fn signed_name(line: &str) -> Option<String> {
    let line = line.split(['\n', '“', '”', '"']).next()?;
    let signed = line.split(',').next()?.trim().trim_end_matches('.');
    let name = name_after(signed)?;
    (name.split(' ').count() == words(signed).len()).then_some(name)
}

/// The body an unnamed voice speaks for: `a Home Office spokesman` → `Home Office`.
fn voice_of(words: &str) -> Option<String> {
    let (body, role) = words.trim().rsplit_once(' ')?;
    let role = role.trim_end_matches(|c: char| !c.is_alphanumeric());
    let voices = [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "statement",
    ];
    if !voices.iter().any(|v| v.eq_ignore_ascii_case(role)) {
        return None;
    }
    let body = name_run_end(body)?;
    (!body.split_whitespace().all(is_listed_title)).then_some(body)
}

/// `“…,” Trump barked.`: right after a quote, a name (or pronoun) of at most four words and a
/// verb in the past or present (`-ed`, `-s`) that is not on the list of cues.
fn any_verb_attribution(after: &str, w: &[(Range<usize>, &str)]) -> Option<(String, String)> {
    let is_subject_word = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let pronoun = PRONOUNS.contains(&w[0].1.to_lowercase().as_str());
    let name_len = if pronoun {
        1
    } else {
        w.iter()
            .take(5)
            .take_while(|(_, x)| is_subject_word(x))
            .count()
    };
    if name_len == 0 || name_len > 4 {
        return None;
    }
    let (verb_range, verb) = w.get(name_len)?;
    let gap = &after[w[name_len - 1].0.end..verb_range.start];
    if !is_any_verb(verb) || !gap.trim().is_empty() {
        return None;
    }
    let subject = after[..w[name_len - 1].0.end].trim();
    Some((subject.to_string(), verb.to_string()))
}

/// Whether `word` may be a verb in the past or present that reports speech though it is no
/// listed cue: lowercase, `-ed` or `-s`, or an irregular past of speaking (`Trump shot back`),
/// and none of the auxiliaries (`has`, `was`) or verbs of wanting.
fn is_any_verb(word: &str) -> bool {
    word.chars().all(char::is_lowercase)
        && word.len() > 3
        && (word.ends_with("ed") || word.ends_with('s') || matches!(word, "shot" | "spoke"))
        && !matches!(word, "has" | "was" | "does" | "is" | "needed" | "wanted")
}

/// A name right after a cue: `Professor Jim Metson, Deputy Vice-Chancellor` → `Professor Jim Metson`,
/// `National Police spokesman Tony Ryall` (titles in lower case go on) → the whole, whose titles
/// [`strip_titles`] then drops; `former tech executive Carly Fiorina` and `GOP strategist Keith
/// Nahigian` (a description, then the name in full) → the whole, which [`clean_name`] cuts to
/// the name.
fn name_after(rest: &str) -> Option<String> {
    let w = words(rest);
    let mut name = Vec::new();
    let mut k = 0;
    while let Some((range, word)) = w.get(k) {
        let title = || is_listed_title(word) && !is_article(word);
        // `ACT Deputy Leader and Health spokesperson Brooke van Velden`: `and` after a title.
        let joins_titles = || {
            *word == "and"
                && name.last().is_some_and(|x: &&str| is_title(x))
                && w.get(k + 1)
                    .is_some_and(|(_, x)| x.starts_with(char::is_uppercase))
        };
        // `Spokesperson for Pacific Island Affairs Pita Paraone`, `Member of Parliament for
        // Northland Rt Hon Winston Peters`: after a title, its portfolio, passed over, then the
        // name (a seat is read into the run, and the titles after it, `Rt Hon`, drop it).
        let portfolio = portfolio_after(rest, &name, &w[k..]);
        if portfolio > 0 {
            name.push(*word);
            k += portfolio;
            continue;
        }
        if word.chars().next().is_some_and(char::is_uppercase)
            || (!name.is_empty() && (is_particle(word) || title() || joins_titles()))
        {
            name.push(*word);
        } else if let Some(described) = description_of_a_name(rest, &w[k..], name.is_empty()) {
            name.extend(w[k..k + described].iter().map(|(_, x)| *x));
            k += described;
            continue;
        } else {
            break;
        }
        if rest[range.end..].starts_with(',') {
            break;
        }
        k += 1;
    }
    // A run that ends on a title named no one: `said the party spokesman`.
    while name
        .last()
        .is_some_and(|w: &&str| w.chars().next().is_some_and(char::is_lowercase))
    {
        name.pop();
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// Words of a portfolio after a title and `for`, `on` or `of` (`Spokesperson for Pacific Island
/// Affairs`, `Minister of Foreign Affairs and Trade`, `spokesperson for workplace relations`).
const PORTFOLIO_WORDS: &[&str] = &[
    "acc",
    "affairs",
    "agriculture",
    "alcohol",
    "animal",
    "arms",
    "arts",
    "biosecurity",
    "broadcasting",
    "building",
    "business",
    "change",
    "childhood",
    "children",
    "citizens",
    "civil",
    "climate",
    "commerce",
    "communications",
    "communities",
    "conservation",
    "construction",
    "consumer",
    "control",
    "corrections",
    "culture",
    "customs",
    "defence",
    "development",
    "disability",
    "disarmament",
    "drug",
    "early",
    "earthquake",
    "economic",
    "economy",
    "education",
    "efficiency",
    "emergency",
    "employment",
    "energy",
    "environment",
    "ethnic",
    "families",
    "family",
    "finance",
    "fisheries",
    "food",
    "foreign",
    "forestry",
    "gambling",
    "government",
    "health",
    "heritage",
    "housing",
    "human",
    "immigration",
    "industrial",
    "industries",
    "infrastructure",
    "innovation",
    "internal",
    "international",
    "island",
    "islands",
    "issues",
    "justice",
    "labour",
    "land",
    "law",
    "local",
    "management",
    "maori",
    "māori",
    "mental",
    "negotiations",
    "order",
    "pacific",
    "parliament",
    "peace",
    "peoples",
    "planning",
    "police",
    "policy",
    "primary",
    "public",
    "racing",
    "recovery",
    "recreation",
    "reform",
    "regional",
    "relations",
    "research",
    "resource",
    "revenue",
    "rights",
    "rural",
    "safety",
    "science",
    "senior",
    "seniors",
    "services",
    "skills",
    "small",
    "social",
    "sport",
    "state",
    "statistics",
    "student",
    "students",
    "technology",
    "tertiary",
    "tourism",
    "trade",
    "training",
    "transport",
    "treaty",
    "urban",
    "veterans",
    "waitangi",
    "waste",
    "water",
    "welfare",
    "wellbeing",
    "women",
    "workplace",
    "youth",
];

/// How many of `w` (words of `text`, from `for`, `on` or `of` on) a title's portfolio takes,
/// after the name words `name` read so far end in a title: the connector and the portfolio's
/// words (`and` or `&` between them). 0 where no portfolio follows a title.
fn portfolio_after(text: &str, name: &[&str], w: &[(Range<usize>, &str)]) -> usize {
    static SET: WordSet = WordSet::new();
    let in_portfolio = |x: &str| listed(&SET, PORTFOLIO_WORDS, x).is_some();
    let connects = |x: &str| matches!(x, "for" | "on" | "of");
    if !w.first().is_some_and(|(_, x)| connects(x)) {
        return 0;
    }
    // After a title, or after a portfolio passed over (`Member of Parliament for Northland`).
    if !name.last().is_some_and(|x| connects(x) || is_title(x)) {
        return 0;
    }
    let mut taken = 1;
    while let Some((_, x)) = w.get(taken) {
        let joined =
            matches!(*x, "and" | "&") && w.get(taken + 1).is_some_and(|(_, y)| in_portfolio(y));
        if !(in_portfolio(x) || joined) {
            break;
        }
        taken += 1;
    }
    // A connector is passed over only before two capitalised words or more, a name and its
    // titles (not `spokesman for the party`, `Co-president of NZUSA.`), or before another
    // portfolio's.
    let capitalised = w[taken..]
        .iter()
        .enumerate()
        .take_while(|&(i, (r, x))| {
            x.starts_with(char::is_uppercase)
                && (i == 0 || text[w[taken + i - 1].0.end..r.start].trim().is_empty())
        })
        .count();
    if capitalised >= 2 || w.get(taken).is_some_and(|(_, x)| taken > 1 && connects(x)) {
        taken
    } else {
        0
    }
}

/// The most words of a description before a name (`former Obama campaign adviser`).
const DESCRIPTION_WORDS: usize = 5;

/// How many of the words `w` (of `text`) open with a description of the person named in full
/// right after it: lowercase words that are neither small words nor verbs, with capitalised
/// words among them (`former Obama adviser`), then two capitalised words or more, with only
/// spaces between them all. `retired neurosurgeon Ben Carson`; after a capitalised word (`GOP
/// strategist Keith Nahigian`, not `opening`) a participle in `-ed` is a verb (`Smith visited
/// New Zealand`).
fn description_of_a_name(text: &str, w: &[(Range<usize>, &str)], opening: bool) -> Option<usize> {
    const SMALL: &[&str] = &[
        "a", "an", "the", "to", "for", "from", "with", "by", "about", "during", "and", "or", "was",
        "were", "is", "are", "has", "had", "have", "will", "would", "could", "should", "may",
        "might", "can", "who", "which", "last", "next", "not", "than", "told",
    ];
    // The dot of `Sen.` is outside its word, as is the slash of `9/11`.
    let spaced = |k: usize| {
        text[w[k - 1].0.end..w[k].0.start]
            .trim_matches(|c: char| c.is_whitespace() || c == '.' || c == '/')
            .is_empty()
    };
    let capital = |x: &str| x.starts_with(char::is_uppercase) && !is_never_a_name(x);
    // `9/11 widow Terry Strada`; a word in `-ing` only as a portfolio's, right before a title
    // in lowercase (`gambling spokesperson`).
    let describes = |k: usize| {
        let x = w[k].1;
        let before_title = || {
            w.get(k + 1).is_some_and(|(_, next)| {
                next.starts_with(char::is_lowercase) && is_listed_title(next)
            })
        };
        x.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            && (!x.ends_with("ing") || before_title())
            && (opening || !x.ends_with("ed"))
            && !SMALL.contains(&x)
            && !is_never_a_name(x)
            && !is_cue(x)
    };
    // How many capitalised words, with only spaces between them, `w` has from `k` on.
    let named = |k: usize| {
        w[k..]
            .iter()
            .enumerate()
            .take_while(|&(i, (_, x))| capital(x) && (i == 0 || spaced(k + i)))
            .count()
    };
    // `and` between two words of a portfolio (`local government and environment spokesperson`).
    let joins = |k: usize| w[k].1 == "and" && k > 0 && k + 1 < w.len() && describes(k + 1);
    // Description words, and capitalised words among them (`former Obama adviser David
    // Axelrod`), with only spaces between: the description ends at the first lowercase word
    // a name in full follows (`researcher Dr Nicola Starkey of the University`).
    for (k, (_, x)) in w.iter().enumerate().take(DESCRIPTION_WORDS) {
        if k > 0 && !spaced(k) || !(describes(k) || capital(x) || joins(k)) {
            return None;
        }
        if describes(k) && named(k + 1) >= 2 {
            return Some(k + 1);
        }
    }
    None
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van" | "von" | "der" | "da" | "di" | "le" | "la" | "bin" | "al" | "ten" | "te"
    )
}

/// Whether the person's name at the end of `text` ([`name_run_end`], then [`bare_name`]) may be
/// more than its last word, of `last` bytes: the word before it is capitalised or a particle,
/// with no punctuation that ends a run in between, and is no title (`Mr Peters` is `Peters`
/// once the title goes); or the last word is glued to what comes before. Most mentions of a
/// surname follow `said`, a full stop or a title: their runs need not be taken.
fn may_give_a_fuller_name(text: &str, last: usize) -> bool {
    let head = &text[..text.len() - last];
    let before = head.trim_end_matches(|c| !is_word_part(c));
    let word = &before[before.trim_end_matches(is_word_part).len()..];
    let word_start = before.len() - word.len();
    let word = word.trim_end_matches('.');
    // Glued, a word of dots only (which the run skips), or a word the run's window cuts.
    if before.len() == head.len() || word.is_empty() || word_start + NAME_WINDOW < text.len() {
        return true;
    }
    // A word with a dot inside may hold two of the run's (`said.Mr`): not taken for a title.
    let title = !word.contains('.') && is_title(word);
    !head[before.len()..].contains(ENDS_A_NAME_RUN)
        && (word.chars().next().is_some_and(char::is_uppercase) || is_particle(word))
        && !title
}

/// The bytes at the end of a text that [`name_run_end`] reads: a name with its titles fits.
const NAME_WINDOW: usize = 120;

/// Punctuation between two words that ends a run of [`name_run_end`] (`CTU Secretary, Sam
/// Huggard` runs from `Sam`).
const ENDS_A_NAME_RUN: [char; 10] = [',', ';', '(', ')', ':', '“', '”', '"', '—', '–'];

/// The capitalised run that ends `s` (a name, possibly with titles), if any.
fn name_run_end(s: &str) -> Option<String> {
    // The rest is never read.
    let mut from = s.len().saturating_sub(NAME_WINDOW);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let s = &s[from..];
    let w = words(s);
    let s_trim = s.trim_end();
    if w.last()
        .is_none_or(|(r, _)| r.end < s_trim.len().saturating_sub(1))
    {
        return None;
    }
    let mut run: Vec<&str> = Vec::new();
    for (i, (r, word)) in w.iter().enumerate().rev() {
        let capital = word.chars().next().is_some_and(|c| c.is_uppercase());
        if !(capital || (is_particle(word) && !run.is_empty())) {
            break;
        }
        run.push(word);
        // A comma or other punctuation before this word ends the run, as does a full stop
        // after a word that is no initial or title (`Guy Chambers. McFadden`).
        let gap_start = if i == 0 { 0 } else { w[i - 1].0.end };
        let gap = &s[gap_start..r.start];
        let full_stop = gap.starts_with('.') && i > 0 && !is_initial_or_title(w[i - 1].1);
        if gap.contains(ENDS_A_NAME_RUN) || full_stop {
            break;
        }
    }
    run.reverse();
    (!run.is_empty()).then(|| run.join(" "))
}

/// The subject of the reporting verb at `cue` in `before`: `Foreign Minister Winston Peters,
/// who's been meeting with NATO officials, said` → `Foreign Minister Winston Peters`.
fn subject_before(before: &str, cue: &Range<usize>) -> Option<String> {
    let head = without_brackets(&before[..cue.start]);
    let head = without_infinitive(without_adverbs(head.trim_end()));
    if let Some(name) = head.strip_suffix(',').and_then(|h| {
        let comma = h.rfind(',')?;
        let before = name_run_end(&h[..comma]);
        // The name as the appositive, after a description: `the White House spokesman, Josh
        // Earnest, said`, `the director of the Federal Bureau of Investigation, James B.
        // Comey, said`, `NZUSA Co-President, Fleur Fitzsimons, said` (a run before it of one
        // word once its titles go is no name of a person).
        let one_word = |b: &String| strip_titles(b).is_none_or(|n| !n.contains(' '));
        if before.as_ref().is_none_or(one_word)
            && let Some(name) = appositive_name(&h[comma + 1..])
        {
            return Some(name);
        }
        // Skip one appositive: `X, who ..., said`.
        before
    }) {
        return Some(name);
    }
    let last = words(head).last().map(|(_, w)| w.to_lowercase());
    if let Some(p) = last.filter(|w| PRONOUNS.contains(&w.as_str())) {
        return Some(p);
    }
    // Titles alone are no one's name (`Young Labour President`).
    let titles_only = |run: &str| strip_titles(run).is_none();
    // `Anthony Anton, president and CEO of Washington Restaurant Association stated`, `Colin
    // Asplin, Blackpool Hotel Association said`, `Ella Hardy, Young Labour President says`:
    // an appositive whose closing comma is missing; the name is before it. The appositive is
    // a role, titles or an organisation's name.
    let unclosed = || {
        let (name, appositive) = head.split_once(',')?;
        let run = name_run_end(name)?;
        let whole = run.split(' ').count() == words(name).len() && run.contains(' ');
        let appositive = appositive.trim_start();
        let role_or_organisation = appositive.starts_with(char::is_lowercase)
            || name_run_end(appositive).is_some_and(|org| {
                org == appositive && (is_organisation(&org) || titles_only(&org))
            });
        (whole && role_or_organisation).then_some(run)
    };
    let run = name_run_end(head);
    run.clone()
        .filter(|run| !is_organisation(run) && !titles_only(run))
        .or_else(unclosed)
        .or(run)
        .or_else(|| voice_of(head))
        .or_else(|| {
            let clause = head
                .rsplit([',', '.', ';', ':', '“', '”', '"'])
                .next()?
                .trim();
            description(clause).map(|_| clause.to_string())
        })
}

/// The name after a cue that opens its sentence: `Said Dorothy Poynter, who grew up with Ali,`,
/// `Stated Stone:`.
fn name_after_opening_cue(text: &str, cue: &Range<usize>) -> Option<String> {
    let head = &text[..cue.start];
    let opens = head.trim_end().is_empty()
        || last_sentence_end(head).is_some_and(|end| head[end..].trim().is_empty());
    opens.then(|| name_after(&text[cue.end..])).flatten()
}

/// `head` without an infinitive's `to` and the few words that lead to it: `Bryne went on to`
/// (say), `Mr. Trump was prompted to` (say) → the subject.
fn without_infinitive(head: &str) -> &str {
    let Some(rest) = head.strip_suffix(" to") else {
        return head;
    };
    let mut rest = rest.trim_end();
    for _ in 0..3 {
        let word = last_word(rest);
        if word.is_empty() || !word.starts_with(char::is_lowercase) {
            break;
        }
        rest = rest[..rest.len() - word.len()].trim_end();
    }
    rest
}

/// The letters `s` ends with: its last word, if nothing follows it.
fn last_word(s: &str) -> &str {
    &s[s.trim_end_matches(char::is_alphabetic).len()..]
}

/// `head`, the words before a reporting verb, without the adverbs and auxiliaries that end it:
/// `Ferdie Pacheco once` (said), `Mr Peters has repeatedly` (said) → the subject.
fn without_adverbs(head: &str) -> &str {
    const BETWEEN: &[&str] = &[
        "also", "once", "later", "then", "again", "earlier", "just", "never", "often", "still",
        "already", "further", "has", "had", "have", "would", "will", "may", "might", "could",
        "should", "must", "can",
    ];
    let mut head = head;
    loop {
        let word = last_word(head);
        let adverb = word.len() > 2 && word.ends_with("ly") && word.starts_with(char::is_lowercase);
        if word.is_empty() || !(adverb || BETWEEN.contains(&word)) {
            return head;
        }
        head = head[..head.len() - word.len()].trim_end();
    }
}

/// Last words of an organisation's name (`AUT Business School`, `General Motors Acceptance
/// Corp`), lowercase.
const ORGANISATIONS: &[&str] = &[
    "agency",
    "alliance",
    "association",
    "authority",
    "bank",
    "board",
    "campaign",
    "center",
    "centre",
    "church",
    "club",
    "coalition",
    "co",
    "college",
    "commission",
    "committee",
    "company",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "federation",
    "foundation",
    "government",
    "group",
    "herald",
    "house",
    "inc",
    "institute",
    "league",
    "limited",
    "ltd",
    "ministry",
    "network",
    "news",
    "office",
    "party",
    "police",
    "post",
    "school",
    "service",
    "services",
    "society",
    "states",
    "times",
    "trust",
    "union",
    "university",
];

/// Whether a run of capitalised words names an organisation, by its last word.
fn is_organisation(run: &str) -> bool {
    let last = run.rsplit(' ').next().unwrap_or_default();
    let last = last.trim_end_matches('.').to_lowercase();
    ORGANISATIONS.contains(&last.as_str())
}

/// `text` as a person's name: two words or more, all capitalised (or particles), which are
/// not titles only (`Foreign Minister`) nor an organisation's name (`AUT Business School`).
fn appositive_name(text: &str) -> Option<String> {
    let text = text.trim();
    let run = name_run_end(text)?;
    let whole = run.split(' ').count() == words(text).len();
    (whole
        && run.contains(' ')
        && !is_organisation(&run)
        && strip_titles(&run).is_some_and(|n| n.contains(' ')))
    .then_some(run)
}

/// The subject of a sentence whose reporting verb before the quote has none of its own: `X
/// said ... and added, “`, `X claimed victory in a tweet, saying: “`, `Huma Abedin, vice
/// chairwoman for the campaign, emailed supporters, telling them, “`. Only a cue that is a
/// participle or follows `and` leaves its subject earlier in the sentence: the subject of
/// the sentence's first reporting verb, else the name the sentence opens with.
fn sentence_subject(before: &str, cue: &Range<usize>) -> Option<String> {
    let head = before[..cue.start].trim_end();
    let head_words = words(head);
    let coordinated = head_words
        .last()
        .is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "and" | "then" | "but"));
    if !(coordinated || is_participle(&before[cue.clone()])) {
        return None;
    }
    // `Mr. Trump, who said last week ..., issued a statement saying`: the first cue's subject,
    // else the name the sentence opens with.
    if let Some((first, _)) = head_words
        .into_iter()
        .find(|(r, w)| cue_in(head, r.start, w).is_some() && !is_noun_after(&head[..r.start]))
        && let Some(subject) = subject_before(before, &first).filter(|s| clean_name(s).is_some())
    {
        return Some(subject);
    }
    opening_or_after_phrase(head)
}

/// The name `s` opens with, or opens with after an opening phrase (`Back in 1999, Mr. Trump
/// expressed admiration ...`).
fn opening_or_after_phrase(s: &str) -> Option<String> {
    // Past two phrases at most: `On Thursday, after remaining neutral, Warren appeared`.
    std::iter::once(0)
        .chain(s.match_indices(',').map(|(at, _)| at + 1))
        .take(3)
        .find_map(|from| opening_name(&s[from..]))
}

/// The name `s` opens with, when a comma (an appositive) or a verb follows it.
fn opening_name(s: &str) -> Option<String> {
    const NOT_VERBS: &[&str] = &[
        "in", "on", "at", "for", "of", "to", "from", "after", "before", "during", "with", "by",
    ];
    // `And then Trump went on the attack`: past the words that open a sentence, not a name.
    let all = words(s);
    let opening = all.iter().take_while(|(_, x)| is_never_a_name(x)).count();
    let (from, w) = (
        opening.checked_sub(1).map_or(0, |k| all[k].0.end),
        &all[opening..],
    );
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && !is_never_a_name(w);
    let mut run = w.iter().take_while(|(_, x)| capital(x)).count();
    // `Republican Presidential hopeful Sen. Ted Cruz was`: through a description to the name.
    if run > 0
        && let Some(described) = description_of_a_name(s, &w[run..], false)
    {
        run += described;
        run += w[run..].iter().take_while(|(_, x)| capital(x)).count();
    }
    let (last, (next, next_word)) = (w[..run].last()?, w.get(run)?);
    let between = &s[last.0.end..next.start];
    // One capitalised word before a word no verb is a sentence's opening word or a
    // description's (`Thankfully the`, `Auckland journalist and writer, Graeme Hunt`).
    let verb_or_comma = between.contains(',')
        || !NOT_VERBS.contains(&next_word.to_lowercase().as_str())
            && (run > 1 || verb_shaped(next_word));
    (verb_or_comma && !between.contains(['(', ':'])).then(|| s[from..last.0.end].trim().to_string())
}

/// Whether `word` may be the verb after a sentence's subject, or an adverb before it
/// (`Warren appeared`, `Weaver didn’t`, `Trump also`): not `journalist` in `Auckland journalist
/// and writer, Graeme Hunt`, nor `media` in `Otago media has`.
fn verb_shaped(word: &str) -> bool {
    const SHORT: &[&str] = &[
        "is", "are", "was", "were", "be", "has", "had", "have", "will", "would", "can", "could",
        "did", "does", "do", "may", "might", "must", "should", "went", "took", "told", "gave",
        "made", "got", "came", "spoke", "wrote", "met", "left", "sent", "held", "led", "won",
        "paid", "said", "fell", "felt", "thought", "knew", "saw", "found", "kept", "brought",
        "began", "became", "stood", "ran", "heard", "put", "set", "also", "then", "later", "again",
        "never", "still", "once", "now", "most", "who",
    ];
    word.chars().all(char::is_lowercase)
        && !word.ends_with("ss")
        && ["ed", "s", "ly", "n’t", "n't"]
            .iter()
            .any(|end| word.ends_with(end))
        || SHORT.contains(&word)
}

/// What speaks for itself: a document, not a person named elsewhere.
const DOCUMENTS: &[&str] = &[
    "report",
    "paper",
    "study",
    "letter",
    "statement",
    "review",
    "survey",
    "document",
    "article",
    "book",
    "ruling",
    "ad",
    "advert",
    "advertisement",
    "release",
    "submission",
    "analysis",
    "research",
    "poll",
    "website",
    "video",
    "film",
    "email",
    "memo",
    "policy",
    "plan",
    "bill",
    "guidance",
    "strategy",
    "decision",
    "judgment",
    "judgement",
    "verdict",
    "complaint",
    "petition",
    "summary",
    "newsletter",
    "newspaper",
    "editorial",
    "findings",
];

/// What is read out rather than said (`“…,” the editorial read`): a document, or a text on
/// something.
const READ_OUT: &[&str] = &[
    "sign",
    "banner",
    "placard",
    "inscription",
    "caption",
    "message",
    "note",
    "suit",
    "lawsuit",
    "motion",
    "resolution",
    "pledge",
    "clause",
    "section",
];

/// Whether `described` (`the aide`, `the authors`) is how a source speaks of someone it does
/// not name: more than one person, or a role given in place of a name. The person last named
/// is then someone else, often the one spoken about (`the spokesman` is not Donald Trump).
fn describes_someone_unnamed(described: &str) -> bool {
    const UNNAMED: &[&str] = &[
        "source",
        "person",
        "official",
        "aide",
        "insider",
        "organizer",
        "organiser",
        "adviser",
        "advisor",
        "strategist",
        "staffer",
        "operative",
        // The other side of an interview or an advertisement, not the one it is about.
        "host",
        "moderator",
        "interviewer",
        "announcer",
        "narrator",
    ];
    const PLURAL: &[&str] = &[
        "people",
        "spokespeople",
        "men",
        "women",
        "chairmen",
        "children",
    ];
    let mut last_two = described.rsplit(' ');
    let (Some(last), before) = (last_two.next(), last_two.next()) else {
        return false;
    };
    let head = last.to_lowercase();
    // A capitalised plural is a group's (`The Tories`) after a lowercase word, but a name
    // ends `the Rt Hon Winston Peters`.
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !(capital(last) && before.is_some_and(capital));
    // `the spokesman`, `the council's spokesperson`; but `the Green Party education
    // spokesperson` is how a release speaks again of the MP it named.
    let spokesperson = head.starts_with("spokes")
        && !described
            .split(' ')
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase));
    plural || spokesperson || UNNAMED.contains(&head.as_str()) || PLURAL.contains(&head.as_str())
}

/// Who spoke, as a source describes what it does not name: `a Democratic strategist`, `one
/// source familiar with the talks`, `the report`, `the 36-year-old` (cut where a verb or an
/// adverb begins: `The report also`). With whether it stands for someone the source named
/// before: `the spokesman` does; `a spokesman`, `the report` and `the company` do not.
fn description(raw: &str) -> Option<(String, bool)> {
    const ENDS_IT: &[&str] = &[
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "also",
        "now",
        "meanwhile",
        "not",
        "then",
        "still",
        "however",
        "today",
        "yesterday",
        "which",
        "who",
        "that",
        "this",
        "when",
        "where",
        "and",
        "but",
    ];
    // Roles a possessive names (`Obama's former campaign strategist`); documents count too.
    const ROLES: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "mayor",
        "adviser",
        "advisor",
        "strategist",
        "director",
        "chief",
        "leader",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "secretary",
        "manager",
        "lawyer",
        "attorney",
        "counsel",
        "aide",
        "aides",
        "advocates",
        "supervisors",
        "official",
        "officials",
        "founder",
        "executive",
        "head",
        "boss",
        "representative",
        "candidate",
        "campaign",
        "coach",
        "captain",
        "economist",
        "analyst",
        "researcher",
        "scientist",
        "professor",
        "editor",
        "correspondent",
        "author",
        "headline",
    ];
    let words: Vec<&str> = raw
        .split_whitespace()
        .take_while(|w| !ENDS_IT.contains(&w.to_lowercase().as_str()) && !is_cue(w))
        .collect();
    let (determiner, rest) = words.split_first()?;
    let role = |w: &&str| {
        let w = w.to_lowercase();
        ROLES.contains(&w.as_str()) || DOCUMENTS.contains(&w.as_str())
    };
    // `Obama's former campaign strategist`, `Labour’s website`: a role or a document its
    // possessor names, not the possessor, whoever holds it (named elsewhere, if at all); not
    // anything a name has (`Tonight's book launch`).
    let possessor = determiner.starts_with(char::is_uppercase)
        && is_possessive(determiner)
        && !is_contraction(determiner)
        && (1..=4).contains(&rest.len())
        && rest.iter().all(|w| {
            w.starts_with(char::is_lowercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && rest.last().is_some_and(role);
    if possessor {
        return Some((words.join(" "), false));
    }
    let determiner = determiner.to_lowercase();
    if !matches!(determiner.as_str(), "the" | "a" | "an" | "one" | "another")
        || rest.is_empty()
        || rest.len() > 5
    {
        return None;
    }
    let head = rest.last()?.trim_matches(|c: char| !c.is_alphanumeric());
    let head_lower = head.to_lowercase();
    let acronym = head.len() > 1 && head.chars().all(|c| c.is_ascii_uppercase());
    // `the company` and `the OSI` speak for themselves, as documents do (taking the last
    // speaker for `the company` lost as many speakers on PolNeAR as it found).
    let named_before = determiner == "the"
        && !DOCUMENTS.contains(&head_lower.as_str())
        && !ORGANISATIONS.contains(&head_lower.as_str())
        && !acronym;
    Some((words.join(" "), named_before))
}

/// Speakers named in the source, to expand `Peters` to `Winston Peters`. Looked up on demand:
/// most sources name few speakers, so their text is searched per surname, not indexed.
struct NameBook<'a> {
    source: &'a Source,
    ministers: Vec<String>,
    known: std::cell::RefCell<std::collections::HashMap<String, String, FastHash>>,
}

impl<'a> NameBook<'a> {
    fn new(source: &'a Source) -> NameBook<'a> {
        let ministers = source
            .people
            .iter()
            .filter(|p| p.role == PersonRole::Minister)
            .map(|p| p.name.clone())
            .collect();
        NameBook {
            source,
            ministers,
            known: Default::default(),
        }
    }

    /// `Peters` → `Winston Peters` when the source names him so; otherwise as given.
    fn fullest(&self, name: &str) -> String {
        // A name of two words or more is taken as given; only a lone surname is looked up.
        let last = name.trim();
        if last.is_empty() || name.split_whitespace().nth(1).is_some() {
            return name.to_string();
        }
        if let Some(known) = self.known.borrow().get(name) {
            return known.clone();
        }
        let full = self.search_fullest(name, last);
        self.known
            .borrow_mut()
            .insert(name.to_string(), full.clone());
        full
    }

    /// The fullest form of the lone surname `name` (`last` trimmed) in the source.
    fn search_fullest(&self, name: &str, last: &str) -> String {
        let finder = memchr::memmem::Finder::new(last.as_bytes());
        let fits = |candidate: &str| {
            candidate
                .strip_suffix(name)
                .is_some_and(|head| head.ends_with(' '))
                && candidate.split_whitespace().count() <= 4
        };
        let mut best: Option<String> = self
            .source
            .people
            .iter()
            .map(|p| p.name.clone())
            .filter(|n| fits(n))
            .max_by_key(|n| n.len());
        for (p, text) in self.source.paragraphs_with_text() {
            if !p.is_content() {
                continue;
            }
            let mut from = 0;
            while let Some(i) = finder.find(&text.as_bytes()[from..]) {
                let start = from + i;
                let end = start + last.len();
                from = end;
                // A whole word: `Trump` is not the end of `#WomenForTrump`.
                if !is_whole_word(text, start..end)
                    || !may_give_a_fuller_name(&text[..end], last.len())
                {
                    continue;
                }
                // `When Francis said`: the run's first word is no part of the name.
                let candidate = name_run_end(&text[..end])
                    .filter(|run| !opens_a_quote(&text[..end], run))
                    .and_then(|run| bare_name(&run));
                // A headline's runs of capitals hold verbs (`Chuck Grassley Compares Trump`);
                // a by-line's (`Green Party Co-Leader Metiria Turei`) a name, once its titles go.
                let headline_run =
                    |c: &String| c.split_whitespace().nth(2).is_some() && is_headline(text);
                if let Some(c) = candidate.filter(|c| {
                    fits(c) && !headline_run(c) && best.as_ref().is_none_or(|b| c.len() > b.len())
                }) {
                    best = Some(c);
                }
            }
        }
        best.or_else(|| self.filled_out_given_name(last))
            .unwrap_or_else(|| name.to_string())
    }

    /// `Nandor says`, `Sarah says`: a given name, filled out from the name in full the source
    /// opens with it (`Nandor Tanczos`), when it opens no other: two to four capitalised words
    /// with only spaces between them, none a title, an organisation's, a name's never, an
    /// acronym or with a digit, and none the source writes in lowercase too (`Google Video`,
    /// `Uefa Cup`). An acronym is no given name.
    fn filled_out_given_name(&self, given: &str) -> Option<String> {
        let acronym = given
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if acronym || is_title(given) || is_never_a_name(given) {
            return None;
        }
        let finder = memchr::memmem::Finder::new(given.as_bytes());
        let surname_like = |w: &&str| {
            !(is_title(w) || is_never_a_name(w) || is_cue(w))
                && w.chars().any(char::is_lowercase)
                && !w.chars().any(|c| c.is_ascii_digit())
        };
        let contents = self
            .source
            .paragraphs_with_text()
            .filter(|(p, _)| p.is_content());
        let mut fulls = contents.flat_map(|(_, text)| {
            finder.find_iter(text.as_bytes()).filter_map(move |at| {
                if !is_whole_word(text, at..at + given.len()) {
                    return None;
                }
                let run: Vec<&str> = Words {
                    s: &text[at..],
                    i: 0,
                }
                .scan(0, |end, (r, w)| {
                    let spaced = r.start == 0 || text[at + *end..at + r.start] == *" ";
                    *end = r.end;
                    spaced.then_some(w)
                })
                .take_while(|w| w.starts_with(char::is_uppercase))
                .take(4)
                .collect();
                let full = run.join(" ");
                let named = run.len() >= 2
                    && run[0] == given
                    && run[1..].iter().all(surname_like)
                    && !is_organisation(&full)
                    && written_as_a_name(self.source, &full)
                    && bare_name(&full).as_deref() == Some(full.as_str());
                // `the Uefa Cup`, `the Jewish Chronicle`: an article makes it a thing's name.
                let article = text[..at]
                    .strip_suffix(' ')
                    .and_then(|head| head.rsplit(' ').next())
                    .is_some_and(is_article);
                named.then_some((full, article))
            })
        });
        let (first, article) = fulls.next()?;
        (!article && fulls.all(|(full, article)| full == first && !article)).then_some(first)
    }
}

/// Whether every word of `name` is a name's: a particle (`de Blasio`), or a word `source` never
/// writes in lowercase (a sentence's first word is capitalised whatever it is: `Just`, `Best`).
fn written_as_a_name(source: &Source, name: &str) -> bool {
    name.split_whitespace()
        .all(|w| is_particle(&w.to_lowercase()) || !written_in_lowercase(source, w))
}

/// Whether `word`, lowercased, stands as a word of its own in `source`'s content: a common
/// word, not a name.
fn written_in_lowercase(source: &Source, word: &str) -> bool {
    let lower = word.to_lowercase();
    let finder = memchr::memmem::Finder::new(lower.as_bytes());
    source.paragraphs_with_text().any(|(p, text)| {
        p.is_content()
            && finder
                .find_iter(text.as_bytes())
                .any(|at| is_whole_word(text, at..at + lower.len()))
    })
}

/// Whether `text[range]` stands as a word of its own: no letter or digit on either side.
fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether the run of capitals ending `text` opens a quotation (`tweeting, “Notice Trump`):
/// its first word is capitalised as the quote's first, not as a name.
fn opens_a_quote(text: &str, run: &str) -> bool {
    let first = run.split(' ').next().unwrap_or(run);
    // As a whole word: `Jo` of `Jo Johnson` is not the `Jo` of `Johnson`.
    let Some((at, _)) = text
        .rmatch_indices(first)
        .find(|(at, _)| is_whole_word(text, *at..at + first.len()))
    else {
        return false;
    };
    let head = text[..at].trim_end();
    // A straight mark opens only after a space or at the start (`,"` closes).
    head.ends_with(['“', '‘', '«'])
        || head
            .strip_suffix('"')
            .is_some_and(|h| h.chars().next_back().is_none_or(char::is_whitespace))
}

/// The name at the end of what the rules took for one: after the last comma, quote mark or
/// bracket (`CTU Secretary, Sam Huggard` → `Sam Huggard`, `1990’s,” Ross Wilson` → `Ross
/// Wilson`), from its last run of capitalised words and particles (`as art historian Rémi
/// Labrusse` → `Rémi Labrusse`, `van de Molen` stays). `None` when no name is left.
fn clean_name(raw: &str) -> Option<String> {
    let raw = person_of_organisation(raw).unwrap_or(raw);
    let tail = raw
        .rsplit([',', ';', ':', '(', ')', '“', '”', '"', '`', '‘'])
        .next()
        .unwrap_or(raw);
    // A closing single quote before a space ends a quotation, not a name (`O’Neill` stays).
    let tail = tail.rsplit("’ ").next().unwrap_or(tail);
    let tail = tail.rsplit("' ").next().unwrap_or(tail);
    let words: Vec<&str> = tail.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if (capital && !is_never_a_name(w) && !is_cue(w)) || (is_particle(w) && start < words.len())
        {
            start -= 1;
        } else {
            break;
        }
    }
    let joined = words[start..].join(" ");
    let name = joined.trim_matches(|c: char| !c.is_alphanumeric());
    // `I` and `We` are the speaker's own voice, not a name.
    if name.is_empty() || matches!(name, "I" | "We") {
        return None;
    }
    Some(if name.len() == joined.len() {
        joined
    } else {
        name.to_string()
    })
}

/// `s` without its bracketed asides: a party and state (`Sen. Chuck Schumer (D-N.Y.) said`)
/// or an iwi (`Tom Roa (Ngāti Maniapoto)`) are no part of a name, and their capitals would
/// pass for one. An acronym in brackets stays: `the Association of University Teachers (AUT)`
/// is best called AUT.
fn without_brackets(s: &str) -> Cow<'_, str> {
    if !s.contains('(') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inside = &rest[open + 1..close];
        let acronym = !inside.is_empty()
            && inside
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&');
        let keep_to = if acronym { close + 1 } else { open };
        out.push_str(&rest[..keep_to]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The person of `Mr. Morgan of the Sierra Club` or `Jeffrey Lewis of the James Martin Center
/// for Nonproliferation Studies`: the name before ` of ` (or `from`, `at`), when what follows is an
/// organisation's name (capitalised words and the small words between them) and what comes
/// before is a person (two words, or one after an honorific). `Bank of New Zealand` and
/// `Secretary of State John Kerry` are left whole.
fn person_of_organisation(raw: &str) -> Option<&str> {
    // `of`, or `from` or `at` (`Kirsten Pfeifer from the Consumer Electronics Association`).
    let (at, link) = [" of ", " from ", " at "]
        .into_iter()
        .filter_map(|link| Some((raw.find(link)?, link)))
        .min()?;
    let (person, organisation) = (&raw[..at], &raw[at + link.len()..]);
    let small = |w: &str| matches!(w, "the" | "for" | "of" | "and" | "on" | "in" | "at" | "&");
    let is_organisation = organisation
        .split_whitespace()
        .all(|w| small(w) || w.chars().next().is_some_and(char::is_uppercase));
    let name = name_run_end(person)?;
    let named = strip_titles(&name)?;
    let is_person = named.split_whitespace().count() >= 2
        || name.split_whitespace().count() > named.split_whitespace().count();
    (is_organisation && is_person && !named.split_whitespace().any(is_listed_title))
        .then_some(person)
}

/// Content paragraphs read back, the quote's own among them, for a person a paragraph brings
/// in before a quote with no cue.
const BROUGHT_IN_REACH: usize = 3;

/// Content paragraphs read back for the person a pronoun stands for.
const PRONOUN_REACH: usize = 3;

/// Who a pronoun in the cue of quote `c` stands for, looking back from the quote: the person
/// the nearest sentence names (its first: the sentence's subject, mostly), back to the last
/// quote, whose speaker it then is; at most [`PRONOUN_REACH`] content paragraphs back. With how
/// sure that is. A person named in the quote's own sentence is looked for before this.
fn nearest_person(
    source: &Source,
    names: &NameBook,
    c: &Candidate,
    previous: Option<&Quote>,
    pronoun: Option<&str>,
) -> Option<(String, f32)> {
    let open = c.parts.first().map_or(0, |p| p.range.start);
    let last_quote = previous.and_then(|q| Some((q.parts.last()?, q.speaker.as_deref())));
    let paragraphs = (0..=c.first_paragraph)
        .rev()
        .filter(|&p| source.paragraphs[p].is_content())
        .take(PRONOUN_REACH + 1);
    for (back, p) in paragraphs.enumerate() {
        let text = source.paragraph_text(p);
        // The quote's own sentence was looked at already, and a lone surname in it is as
        // often the object (`Asked if Mr Blunkett could return, he replied`).
        let upper = if p == c.first_paragraph {
            last_sentence_end(&text[..open]).unwrap_or(0)
        } else {
            text.len()
        };
        let quoted_here = last_quote.filter(|(part, _)| part.paragraph == p);
        let lower = quoted_here.map_or(0, |(part, _)| part.range.end.min(upper));
        let span = &text[lower..upper];
        let mut starts: Vec<usize> = std::iter::once(0).chain(sentence_ends(span)).collect();
        starts.reverse();
        let mut end = span.len();
        for start in starts {
            let sentence = &span[start..end];
            // `He said they ... Mr Houston`: the person a sentence opening with a pronoun
            // names is not its subject; the one meant is named further back.
            let first_word = sentence.split_whitespace().next().unwrap_or_default();
            let opens_with_pronoun = PRONOUNS.iter().any(|p| first_word.eq_ignore_ascii_case(p));
            if !opens_with_pronoun
                && let Some(name) = first_person(sentence, true).or_else(|| {
                    matches!(pronoun, Some("he" | "she"))
                        .then(|| lone_subject(sentence, names))
                        .flatten()
                })
                && !other_gender(sentence, &name, pronoun)
            {
                return Some((name, if back == 0 { 0.7 } else { 0.6 }));
            }
            end = start;
        }
        if let Some((_, Some(speaker))) = quoted_here
            && description(speaker).is_none()
        {
            return Some((speaker.to_string(), 0.8));
        }
    }
    None
}

/// `Souness said he did not think ...`, `But Redford is not worried.`: a sentence's subject that
/// is a lone surname, the source naming its person in full elsewhere (`Graeme Souness`). The
/// surname is the sentence's first capitalised word, past words that are never names, and a
/// word in lowercase follows it.
fn lone_subject(sentence: &str, names: &NameBook) -> Option<String> {
    let mut w = Words { s: sentence, i: 0 }.skip_while(|(_, x)| is_never_a_name(x));
    let (_, surname) = w.next()?;
    let (_, next) = w.next()?;
    let name_like = surname.starts_with(char::is_uppercase)
        && surname.len() > 2
        && surname.chars().skip(1).all(char::is_lowercase)
        && !is_title(surname)
        && !is_cue(surname)
        && next.starts_with(char::is_lowercase);
    if !name_like {
        return None;
    }
    // A name in full, by words the source never writes in lowercase, none hyphenated before
    // the surname (`Top-seeded Andy Roddick`, `Eighteen-year-old Ishan`).
    let full = names.fullest(surname);
    let (given, _) = full.rsplit_once(' ')?;
    let given_names = !given.contains('-');
    (given_names && written_as_a_name(names.source, &full)).then_some(full)
}

/// The content paragraphs from quote `c`'s back to paragraph `from`, nearest first, with their
/// text; the quote's own up to its opening mark.
fn texts_back<'a>(
    source: &'a Source,
    c: &Candidate,
    from: usize,
) -> impl Iterator<Item = (usize, &'a str)> {
    let open = c.parts.first().map_or(0, |part| part.range.start);
    let first = c.first_paragraph;
    (from..=first)
        .rev()
        .filter(|&p| source.paragraphs[p].is_content())
        .map(move |p| {
            let text = source.paragraph_text(p);
            let text = if p == first {
                text.get(..open).unwrap_or(text)
            } else {
                text
            };
            (p, text)
        })
}

/// The person the source last names with the role `description` ends in, before the quote:
/// `Gov. Chris Christie` for `the New Jersey governor`, `Judge Berman` for `the judge`,
/// `Republican nominee Donald Trump` for `the nominee`; before the nearest person, whom a
/// pronoun would take (`Tory Liam Fox said …` between Home Secretary Charles Clarke and `the
/// home secretary said`).
fn role_holder(
    source: &Source,
    c: &Candidate,
    previous: &[Quote],
    description: &str,
) -> Option<String> {
    const PERSON_ROLES: &[&str] = &[
        "nominee",
        "candidate",
        "businessman",
        "businesswoman",
        "host",
        "investor",
        "congressman",
        "congresswoman",
    ];
    let head = description.rsplit(' ').next()?.to_lowercase();
    // A person's role, not `the magazine` or `the school`.
    if head.len() < 3 || !(is_listed_title(&head) || PERSON_ROLES.contains(&head.as_str())) {
        return None;
    }
    let short = match head.as_str() {
        "senator" => "sen",
        "governor" => "gov",
        "representative" | "congressman" | "congresswoman" => "rep",
        "secretary" => "sec",
        "general" => "gen",
        _ => head.as_str(),
    };
    const QUALIFIERS: &[&str] = &[
        "shadow",
        "former",
        "deputy",
        "vice",
        "assistant",
        "associate",
    ];
    let description_lower = description.to_lowercase();
    texts_back(source, c, 0)
        .find_map(|(p, text)| {
            // Not a name a quote holds (`“… against President Obama and me,” the former
            // president said`).
            let quoted: Vec<&Range<usize>> = previous
                .iter()
                .flat_map(|q| &q.parts)
                .filter(|part| part.paragraph == p)
                .map(|part| &part.range)
                .collect();
            let w = words(text);
            (0..w.len()).rev().find_map(|i| {
                let role = w[i].1;
                if !(role.eq_ignore_ascii_case(&head) || role.eq_ignore_ascii_case(short)) {
                    return None;
                }
                // `Shadow foreign secretary Michael Ancram` is not `the foreign secretary`.
                let qualified = w[i.saturating_sub(3)..i].iter().any(|(_, before)| {
                    let before = before.to_lowercase();
                    QUALIFIERS.contains(&before.as_str()) && !description_lower.contains(&before)
                });
                if qualified || quoted.iter().any(|r| r.contains(&w[i].0.start)) {
                    return None;
                }
                // The capitalised words (and particles) right after it, up to a comma or a
                // bracket.
                let run: Vec<&str> = (i + 1..w.len().min(i + 6))
                    .take_while(|&j| {
                        (w[j].1.starts_with(char::is_uppercase) || is_particle(w[j].1))
                            && !is_cue(w[j].1)
                            && text[w[j - 1].0.end..w[j].0.start]
                                .trim_start_matches('.')
                                .trim()
                                .is_empty()
                    })
                    .map(|j| w[j].1)
                    .collect();
                if run.is_empty() {
                    return None;
                }
                let name = bare_name(&run.join(" "));
                // A person's name, as the source writes one, in full: not a heading's capitals
                // (`Minister CIT CLOSURE`), nor a body's (`Attorney General Acts`). The nearest
                // holder or none: `US President Obama` is `the president`, though a surname
                // alone is too little to take, not `TEU President Sandra Grey` before him.
                let person = |name: &String| {
                    name.contains(' ')
                        && name.split(' ').all(|w| {
                            w.chars().any(char::is_lowercase)
                                && !is_never_a_name(w)
                                && !is_article(w)
                        })
                        && !is_organisation(name)
                        && written_as_a_name(source, name)
                };
                Some(name.filter(person))
            })
        })
        .flatten()
}

/// Whether `sentence` calls `name` by an honorific of the other gender than `pronoun`'s
/// (`Ms Hughes` for `he`): that person is not the one meant.
fn other_gender(sentence: &str, name: &str, pronoun: Option<&str>) -> bool {
    let other: &[&str] = match pronoun {
        Some("he") => &["Ms", "Mrs", "Miss"],
        Some("she") => &["Mr"],
        _ => return false,
    };
    let surname = name.rsplit(' ').next().unwrap_or(name);
    sentence.match_indices(surname).any(|(at, _)| {
        let before = sentence[..at].trim_end().trim_end_matches('.');
        other.iter().any(|h| {
            before
                .strip_suffix(h)
                .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
        })
    })
}

/// The longest appositive read past to a reporting verb, in bytes.
const APPOSITIVE_BYTES: usize = 120;

/// Where `after`, what follows a name, is an appositive and then a reporting verb (`, who is
/// UKIP Scotland chairman, said` after `Peter Nielson`): the end of the comma that closes it.
fn appositive_before_cue(after: &str) -> Option<usize> {
    comma_before_cue(after.strip_prefix(',')?).map(|comma| comma + 1)
}

/// The first [`APPOSITIVE_BYTES`] of `s`: only so far is an appositive read, so that a
/// paragraph with no comma after a name is read once, not once a name.
fn appositive_reach(s: &str) -> &str {
    let mut reach = s.len().min(APPOSITIVE_BYTES);
    while !s.is_char_boundary(reach) {
        reach -= 1;
    }
    &s[..reach]
}

/// The byte of the first comma in reach of `s` ([`appositive_reach`]) that a reporting verb
/// follows: where an appositive closes, past a second one too (`Scott Pruitt, the attorney
/// general of Oklahoma, one of the states suing the EPA, said`).
fn comma_before_cue(s: &str) -> Option<usize> {
    appositive_reach(s)
        .match_indices(',')
        .map(|(comma, _)| comma)
        .find(|&comma| {
            s[comma + 1..]
                .split_whitespace()
                .next()
                .is_some_and(|x| is_cue(x.trim_end_matches(|c: char| !c.is_alphanumeric())))
        })
}

/// The first person `text` names: a name of two words or more (once its titles go) that had a
/// title or is followed by a reporting verb (past an appositive too); with `lone_surnames`, a
/// surname after an honorific (`Mr Croucher`) too, which in a quote's own sentence is as often
/// its object (`Asked if Mr Blunkett could return, he replied`).
fn first_person(text: &str, lone_surnames: bool) -> Option<String> {
    let w = words(text);
    let mut i = 0;
    while i < w.len() {
        let capital = |k: usize| {
            w[k].1.chars().next().is_some_and(char::is_uppercase) && !is_never_a_name(w[k].1)
        };
        if !capital(i) {
            i += 1;
            continue;
        }
        // The run: capitalised words with only spaces between them, or the dot of an initial
        // or a title (`Sen. Claire McCaskill`), not of a sentence's end.
        let joined = |k: usize| {
            let gap = text[w[k - 1].0.end..w[k].0.start].trim();
            gap.is_empty() || gap == "." && is_initial_or_title(w[k - 1].1)
        };
        let mut end = i + 1;
        while end < w.len() && capital(end) && joined(end) {
            end += 1;
        }
        let after = &text[w[end - 1].0.end..];
        let past_appositive = appositive_before_cue(after).is_some();
        // `Labour’s spokesperson for Disability Issues, Clare Curran, says`: the name is the
        // appositive.
        if past_appositive
            && let Some(name) = after[1..].split(',').next().and_then(appositive_name)
        {
            return strip_titles(&name);
        }
        let start = i;
        i = end;
        // A person is two words, or a title and a surname.
        if end - start < 2 {
            continue;
        }
        let verb_follows = past_appositive || w.get(end).is_some_and(|(_, x)| is_cue(x));
        // `national coach Luis Aragones`, `minister of sport Jaime Lissavetzky`: a title in
        // lowercase just before the run; or a reporting verb whose subject the run is, ending
        // its clause (`..., says Jonathan Ayling, Chief Executive`; not `told BBC Radio 4`
        // nor `says TH Seeds genetics are`).
        let inverted = |verb: &str| {
            [
                "says",
                "said",
                "adds",
                "added",
                "notes",
                "noted",
                "explains",
                "explained",
            ]
            .iter()
            .any(|v| v.eq_ignore_ascii_case(verb))
                && text[w[end - 1].0.end..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, ',' | '.' | ';'))
        };
        // Or, the clause a reporting verb opens, a title in lowercase and a comma (`says
        // National’s Education spokeswoman, Katherine Rich.`; not `endorsed by the health
        // minister, David Clark`).
        let title_before = || {
            start > 0 && {
                let (gap, before) = (
                    text[w[start - 1].0.end..w[start].0.start].trim(),
                    w[start - 1].1,
                );
                let titled = is_listed_title(before) && !is_article(before);
                let verb_leads = || {
                    (start.saturating_sub(TITLED_NAME_WORDS)..start - 1).any(|k| {
                        inverted(w[k].1)
                            && !text[w[k].0.end..w[start - 1].0.start]
                                .contains(['.', ',', ';', ':'])
                    })
                };
                gap.is_empty() && (titled || inverted(before))
                    || gap == ","
                        && titled
                        && before.starts_with(char::is_lowercase)
                        && verb_leads()
            }
        };
        // And a title or a verb says so.
        let titles_in_run = || w[start..end].iter().any(|(_, x)| is_listed_title(x));
        if !(verb_follows || title_before() || titles_in_run()) {
            continue;
        }
        let run: Vec<&str> = w[start..end].iter().map(|(_, x)| *x).collect();
        if let Some(name) = strip_titles(&run.join(" ")) {
            // A title, not an article, was dropped (`The New Zealand Herald` is no person), nor
            // an owner (`the Aspen Institute’s Faculty Pioneer Awards`).
            let dropped = run.len() - name.split_whitespace().count();
            let titled = run[..dropped].iter().any(|x| is_title(x) && !is_article(x));
            // `Mr Croucher`, `Professor Skegg`: an honorific or a title makes a lone surname a
            // person's.
            let honoured = lone_surnames
                && dropped > 0
                && is_personal_title(run[dropped - 1].trim_end_matches('.'));
            let named = name.split_whitespace().nth(1).is_some()
                && (titled || verb_follows || title_before());
            if (named || honoured) && !is_organisation(&name) {
                return Some(name);
            }
        }
    }
    None
}

/// Whether a dot after `word` is an abbreviation's, not a sentence's end: `K.`, `Sen.`.
fn is_initial_or_title(word: &str) -> bool {
    word.chars().nth(1).is_none() || is_listed_title(word)
}

/// Whether `word` is a title, or has one among its hyphenated parts (`Vice-Chancellor`); a
/// title that is a surname too makes a hyphenated surname (`Benson-Pope`).
fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    is_listed_title(word)
        || word
            .split('-')
            .any(|part| part.len() > 2 && is_listed_title(part) && !is_surname_too(part))
}

/// Whether `word` (any case) is one of [`TITLES`].
fn is_listed_title(word: &str) -> bool {
    static SET: WordSet = WordSet::new();
    listed(&SET, TITLES, word).is_some()
}

/// A title in the plural, before the first of several names (`Professors Ian Craig and ...`,
/// `MPs Gerry Brownlee and ...`, `Drs`); not where the plural is a name's word (`Human Rights
/// Watch`, `Fiona Deans`).
fn is_plural_title(word: &str) -> bool {
    word.strip_suffix('s')
        .filter(|w| w.len() >= 2 && !w.ends_with('s') && is_title(w))
        .is_some_and(|w| {
            let w = w.to_lowercase();
            !is_article(&w) && !is_surname_too(&w) && !matches!(w.as_str(), "right" | "dean")
        })
}

/// Capitalised words that start a sentence or name a day, never a person: `Then Brafman`,
/// `His`, `Tuesday`.
fn is_never_a_name(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "then",
        "but",
        "and",
        "so",
        "when",
        "while",
        "in",
        "on",
        "at",
        "as",
        "if",
        "meanwhile",
        "however",
        "also",
        "still",
        "yet",
        "now",
        "later",
        "earlier",
        "after",
        "before",
        "during",
        "despite",
        "amid",
        "since",
        "until",
        "following",
        "without",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "yesterday",
        "today",
        "neither",
        "nor",
        "no",
        "because",
        "although",
        "though",
        "he",
        "she",
        "they",
        "it",
        // Months that are no one's name (`WASHINGTON, Dec. 8`); not May, June, April,
        // August, Jan, Jun, Mar or March (Ricardo Menéndez March).
        "january",
        "february",
        "feb",
        "apr",
        "july",
        "jul",
        "aug",
        "september",
        "sep",
        "sept",
        "october",
        "oct",
        "november",
        "nov",
        "december",
        "dec",
    ];
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    // A weekday spelt out: `Sun` and `Mon` are names too (Lifu Sun).
    let weekday = w.len() > 3 && weekday_from_word(w).is_some();
    static SET: WordSet = WordSet::new();
    weekday || listed(&SET, WORDS, w).is_some()
}

/// Titles that are surnames too.
fn is_surname_too(word: &str) -> bool {
    ["king", "prince", "pope", "bishop", "green"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(word))
}

/// An honorific, or a title only a person bears (not `National` or `General`, which name
/// organisations and events as often): before a lone surname, it is a person's. (`Sir` and
/// `Dame` go before a given name: `Sir John` is no surname's.)
fn is_personal_title(word: &str) -> bool {
    is_honorific(word)
        || [
            "professor",
            "prof",
            "lord",
            "lady",
            "president",
            "senator",
            "sen",
            "judge",
            "justice",
            "minister",
            "governor",
            "gov",
            "mayor",
            "councillor",
            "cllr",
        ]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(word))
}

/// Letters after a name: a counsel's, an honour's.
fn is_post_nominal(word: &str) -> bool {
    [
        "QC", "KC", "JP", "MBE", "OBE", "CBE", "KBE", "DBE", "KCVO", "ONZM", "MNZM", "CNZM",
        "KNZM", "DNZM", "ONZ", "QSO", "QSM",
    ]
    .contains(&word.trim_end_matches(['.', ',']))
}

/// A member of a parliament, as the letters after a name or a title before it.
fn is_member(word: &str) -> bool {
    ["MP", "MSP", "MEP"].contains(&word.trim_end_matches(['.', ',']))
}

fn is_honorific(word: &str) -> bool {
    ["mr", "mrs", "ms", "miss", "mx", "mz", "dr"]
        .iter()
        .any(|h| h.eq_ignore_ascii_case(word))
}

/// `the`, `a`, `an`: listed among [`TITLES`] so that they are dropped before a name, but no
/// title of a person.
fn is_article(word: &str) -> bool {
    ["the", "a", "an"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
}

/// The person's name in what the rules took for one: [`clean_name`], then [`strip_titles`]
/// (`CTU Secretary, Sam Huggard` → `Sam Huggard`, `Mr Peters` → `Peters`).
fn bare_name(raw: &str) -> Option<String> {
    strip_titles(&clean_name(raw)?)
}

/// Drop titles and roles: `Foreign Minister Winston Peters` → `Winston Peters`,
/// `Co-leader Dr Russel Norman` → `Russel Norman`. The name is what follows the last title.
fn strip_titles(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // Letters after a name (`Sir Ian Smith QC`) are no part of it; `MP` only after a name an
    // honorific opens (`Mr Peter Brown MP`), since before one it is a title (`Waiariki MP, Te
    // Ururoa Flavell`, `a British MP`).
    let honoured = words
        .first()
        .is_some_and(|w| is_honorific(w.trim_end_matches('.')));
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| is_post_nominal(w) || honoured && is_member(w))
    {
        words.pop();
    }
    // A plural title only before names: alone (`MPs`, `Judges`), it is the speaker described.
    let last = words.len().saturating_sub(1);
    let mut first_name = words
        .iter()
        .enumerate()
        .rposition(|(i, w)| is_title(w) || i < last && is_plural_title(w))
        .map_or(0, |i| i + 1);
    // A title that is also a surname, last: after a person's title (`Mr. King`, `Professor
    // Green`) or a given name (`Amy Pope`, `Chris Bishop`), it is the surname.
    if let [.., before, last] = words.as_slice()
        && first_name == words.len()
    {
        let before = before.trim_end_matches('.');
        if is_honorific(before) || is_personal_title(before) && is_surname_too(last) {
            first_name = words.len() - 1;
        } else if is_surname_too(last)
            && !is_title(before)
            && before.chars().next().is_some_and(char::is_uppercase)
            && before.chars().any(char::is_lowercase)
        {
            first_name = words.len() - 2;
        }
    }
    let mut kept = &words[first_name..];
    // `Twitter's Adam Sharp`: the name after a possessive.
    if let Some(at) = kept[..kept.len().saturating_sub(1)]
        .iter()
        .rposition(|w| is_possessive(w))
    {
        kept = &kept[at + 1..];
    }
    // Possessives (`Zealand’s`, `Sessions’`) are not names.
    if kept.is_empty()
        || kept
            .iter()
            .any(|w| is_possessive(w) || w.ends_with(['’', '\'']))
    {
        return None;
    }
    Some(kept.join(" "))
}

fn attribute(
    quote: &mut Quote,
    c: &Candidate,
    cues: &Cues,
    previous: &[Quote],
    names: &NameBook,
    source: &Source,
) {
    // The paragraph the last quote before this one ends in.
    let last_quoted = previous
        .last()
        .and_then(|q| q.parts.last())
        .map(|part| part.paragraph);
    // The last person quoted: a pronoun stands for a person, not for `the report`.
    let previous_speaker = || {
        previous
            .iter()
            .rev()
            .filter_map(|q| q.speaker.clone())
            .find(|s| description(s).is_none())
    };
    // Who a pronoun stands for: a person named in the quote's own sentence (`Sen. Claire
    // McCaskill scolded him: “…,” she said`); else the nearest person named before it, with
    // a title or a reporting verb (`Spokesperson Judith Tizard today welcomed ...`), or the
    // last person quoted if that quote is nearer; else the last person quoted anywhere.
    // `Feinstein said “…,” she said`: the subject of the cue before the quote, first.
    let subject_of_cue_before = || {
        let (range, _) = cues.before.as_ref()?;
        let subject = subject_before(c.before, range)?;
        let name = bare_name(&subject)?;
        (!PRONOUNS.contains(&name.to_lowercase().as_str()) && description(&subject).is_none())
            .then_some(name)
    };
    let person_meant = |pronoun: Option<&str>| {
        first_person(&without_brackets(c.before), false)
            .or_else(subject_of_cue_before)
            .map(|name| (name, 0.8))
            .or_else(|| nearest_person(source, names, c, previous.last(), pronoun))
            .map(|(name, confidence)| (names.fullest(&name), confidence))
            .or_else(|| previous_speaker().map(|s| (s, 0.7)))
    };
    let resolve = |raw: &str| -> Option<(String, f32)> {
        let lower = raw.trim().to_lowercase();
        if PRONOUNS.contains(&lower.as_str()) {
            return person_meant(Some(&lower));
        }
        if lower.starts_with("the ") && lower.contains("minister") && names.ministers.len() == 1 {
            // `the minister said`: the release's minister, if it names one.
            return Some((names.ministers[0].clone(), 0.7));
        }
        if let Some((described, named_before)) = description(raw) {
            // `the spokesman` is someone named before, as `he` is: the last one the source
            // gave that role (`the governor` for `Gov. Chris Christie`), or else the person
            // a pronoun would stand for.
            if named_before {
                // A holder is named in full already: nothing fuller to look up.
                let holder = role_holder(source, c, previous, &described).map(|name| (name, 0.75));
                // Else the person a pronoun would stand for, as `the 36-year-old` or `the
                // prime minister` stands for the one just named; but `the aide` and `the
                // authors` are described because the source does not name them.
                let meant = || {
                    (!describes_someone_unnamed(&described))
                        .then(|| person_meant(None))
                        .flatten()
                };
                // With no one found that it stands for, the description still says who
                // spoke (`According to the Ministry of Health`).
                return holder
                    .or_else(meant)
                    .map(|(name, confidence)| (name, confidence * 0.8))
                    .or(Some((described, 0.3)));
            }
            return Some((described, 0.5));
        }
        if lower.starts_with("the ") {
            return None;
        }
        let stripped = bare_name(raw)?;
        Some((names.fullest(&stripped), 0.95))
    };
    // After the quote.
    if let Some(((speaker, confidence), cue)) = cues
        .after
        .as_ref()
        .and_then(|(who, cue)| Some((resolve(who)?, cue)))
    {
        quote.speaker = Some(speaker);
        quote.cue = Some(cue.clone());
        quote.confidence = confidence;
        return;
    }
    // Before it: `X said:`, `According to X,`, or the subject of the reporting verb.
    let before = cues.before.as_ref().and_then(|(range, cue)| {
        let who = if *cue == ACCORDING_TO {
            let rest = &c.before[range.end..];
            name_after(rest)
                .or_else(|| described_after(rest))
                .and_then(|who| resolve(&who))
        } else {
            let own = || resolve(&subject_before(c.before, range)?);
            // A sentence's first word is capitalised whatever it is (`Just`, `Other`, `How`):
            // what the sentence gives counts only as a person the source names in full, by
            // words it never writes in lowercase (the subject of its first cue too, to keep
            // one rule for this fallback).
            let sentence = || {
                let subject = sentence_subject(c.before, range)?;
                // `Ms. Sherry smiled and said`: an honorific makes a surname a person's.
                let honoured = subject
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| is_honorific(w.trim_end_matches('.')));
                resolve(&subject).filter(|(who, _)| honoured || written_as_a_name(source, who))
            };
            // `Said Dorothy Poynter, who grew up with Ali, “`, `Continued Stone: “`: a cue
            // opening its sentence, then the name.
            let inverted = || resolve(&name_after_opening_cue(c.before, range)?);
            // `Mr. Trump expressed admiration for Clinton, telling CNBC:`: a participle's
            // subject is the sentence's, and only then the name just before it (which is its
            // object as often: PolNeAR's speaker accuracy falls without it).
            if is_participle(cue) {
                sentence().or_else(own)
            } else {
                own().or_else(sentence).or_else(inverted)
            }
        };
        Some((who?, cue))
    });
    if let Some(((speaker, confidence), cue)) = before {
        quote.speaker = Some(speaker);
        quote.cue = Some(cue.to_string());
        quote.confidence = confidence * 0.95;
        return;
    }
    // A transcript's label: `Rep. Trey Gowdy (R-S.C.): “…`. Labels name headings as often
    // (`Theme: “…”`, `Winner: “…”`), so the label must be a person's: one that resolving
    // changes (a title dropped, `Bush` filled out to Jeb Bush), or a speaker quoted before, or
    // a name in full whose every word the source writes capitalised only (not even a particle
    // in lowercase: `te Ao Maori:` opens a sentence in Māori).
    let label = speaker_label(source.paragraph_text(c.first_paragraph), c.before);
    if let Some((label, in_full)) = label
        && let Some((speaker, confidence)) = resolve(&label)
        && (speaker != label
            || previous
                .iter()
                .any(|q| q.speaker.as_deref() == Some(speaker.as_str()))
            || (in_full && speaker.split(' ').all(|w| !written_in_lowercase(source, w))))
    {
        quote.speaker = Some(speaker);
        quote.cue = Some(LABEL_CUE.to_string());
        quote.confidence = confidence * 0.85;
        return;
    }
    // `Kasich resisted:`, `Hannity interjected:`: a sentence of a name and a verb leads in.
    if let Some((name, verb)) = verb_lead(c.before)
        && let Some((speaker, confidence)) = resolve(&name)
        && written_as_a_name(source, &speaker)
    {
        quote.speaker = Some(speaker);
        quote.cue = Some(verb);
        quote.confidence = confidence * 0.85;
        return;
    }
    // A signature on the paragraph after the quote's: `- Clinton.`, a paragraph of its own
    // (a long one is a list's item: `- Firstly, waterfront developments have ...`).
    // Ingest keeps a dash that opens a line as a list's item, without the dash.
    let ends_its_sentence = c.after.trim().is_empty();
    // A name alone after a quote may have been taken for a photo's caption (`- Hillary
    // Clinton.`, its dash dropped as a list's): it signs the quote too, unless the quote goes
    // on from another in its paragraph (`“…,” he told 1News. “…”` above a photo's caption).
    let continues_paragraph = last_quoted == Some(c.first_paragraph);
    let caption = (!continues_paragraph).then_some(ParagraphKind::Furniture(Furniture::Caption));
    let signature = (c.last_paragraph + 1..source.paragraphs.len())
        .take_while(|_| ends_its_sentence)
        .find(|&p| source.paragraphs[p].is_content() || Some(source.paragraphs[p].kind) == caption)
        .map(|p| (source.paragraphs[p].kind, source.paragraph_text(p)))
        .filter(|(_, text)| Words { s: text, i: 0 }.nth(SIGNATURE_WORDS).is_none())
        .and_then(|(kind, text)| match kind {
            ParagraphKind::ListItem => signed_name(text),
            // Only a name: a subheading (`A Reclamation Plan.`) is captioned as well.
            kind if Some(kind) == caption => {
                signed_name(text).filter(|name| written_as_a_name(source, name))
            }
            _ => dash_signature(text),
        });
    if let Some((speaker, confidence)) = signature.as_deref().and_then(resolve) {
        quote.speaker = Some(speaker);
        quote.cue = Some(DASH_CUE.to_string());
        quote.confidence = confidence * 0.9;
        return;
    }
    // A paragraph that leads into the quote's: `Professor Charles Crothers says:`.
    let lead_in = (0..c.first_paragraph)
        .rev()
        .find(|&p| source.paragraphs[p].is_content())
        .map(|p| source.paragraph_text(p).trim_end())
        .filter(|text| c.before.trim().is_empty() && text.ends_with(':'));
    if let Some(text) = lead_in
        && let Some((range, cue)) = find_cue(text)
        && let Some((speaker, confidence)) = subject_before(text, &range)
            .or_else(|| name_after_opening_cue(text, &range))
            .as_deref()
            .and_then(resolve)
    {
        quote.speaker = Some(speaker);
        quote.cue = Some(cue.to_string());
        quote.confidence = confidence * 0.9;
        return;
    }
    // `President Clinton released the following statement:`: no reporting verb, but a person
    // the lead-in names with a title or a verb, or its last sentence opens with (`In response,
    // Republican presidential nominee Donald Trump issued the following statement:`).
    let lead_in_person = lead_in.and_then(|text| {
        first_person(&without_brackets(text), false).or_else(|| {
            let sentence = &text[last_sentence_end(text).unwrap_or(0)..];
            let opening = opening_or_after_phrase(sentence)?;
            let name = bare_name(&opening)?;
            (name.contains(' ') && !is_organisation(&name)).then_some(name)
        })
    });
    if let Some(person) = lead_in_person {
        quote.speaker = Some(names.fullest(&person));
        quote.cue = Some(LABEL_CUE.to_string());
        quote.confidence = 0.7;
        return;
    }
    // A quote with no cue of its own (`the spokeswoman said`, no one found for it) does not
    // continue what a description said (`the report`), and may be the person a paragraph
    // since the last quote brings in.
    let own_cue = cues.after.is_some() || cues.before.is_some();
    // `National student President Rory McCourt says the inquiry must ...` in a paragraph
    // before, or `..., Professor Felix Tan, says the research is outstanding.` before the quote
    // in its own: that person, nearer than any quote before.
    let since = last_quoted.map_or(0, |p| p + 1);
    let brought_in = || {
        texts_back(source, c, since)
            .take(BROUGHT_IN_REACH)
            .find_map(|(_, text)| first_person(&without_brackets(text), true))
    };
    if !own_cue && let Some(person) = brought_in() {
        quote.speaker = Some(names.fullest(&person));
        quote.confidence = 0.6;
        return;
    }
    // A continuation: a quote with no cue after a quote by X, in the same or a nearby paragraph.
    if let Some(prev) = previous.last() {
        let gap = source.paragraphs[last_quoted.unwrap_or(0)..c.first_paragraph]
            .iter()
            .filter(|p| p.is_content())
            .count();
        if gap <= 3
            && prev
                .speaker
                .as_deref()
                .is_some_and(|s| !own_cue || description(s).is_none())
        {
            quote.speaker = prev.speaker.clone();
            quote.cue = None;
            quote.confidence = if gap <= 1 { 0.75 } else { 0.6 };
            return;
        }
    }
    // A press release speaks for the minister its front matter names.
    if let [minister] = names.ministers.as_slice() {
        quote.speaker = Some(minister.clone());
        quote.confidence = 0.4;
        return;
    }
    // Last, `the spokesman said` with no one found that it stands for: the description,
    // taken from the subject of the cue before the quote (for `according to` too, which
    // `before` names by the words after it).
    let subject = cues
        .before
        .as_ref()
        .and_then(|(range, cue)| Some((subject_before(c.before, range)?, cue.to_string())));
    if let Some((described, cue)) = cues
        .after
        .clone()
        .into_iter()
        .chain(subject)
        .find_map(|(who, cue)| Some((description(&who)?.0, cue)))
    {
        quote.speaker = Some(described);
        quote.cue = Some(cue);
        quote.confidence = 0.3;
    }
}

/// Words compared across sources, as hashes: lowercase letters and digits, quote marks and
/// apostrophes folded, punctuation dropped. Hashes keep the index small on large corpora.
fn comparable_words(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 5);
    // Apostrophes inside words are dropped: `Zealand’s` and `Zealand's` hash alike.
    for_each_word(text, false, |_, _, h| out.push(h));
    out
}

/// The comparable words of each of `source`'s quotes, for [`link_across`]. Taken right after
/// extraction, while the source's text is still in the cache.
pub fn quote_words(source: &Source) -> Vec<Vec<u64>> {
    source
        .quotes
        .iter()
        .map(|q| comparable_words(&q.text(source)))
        .collect()
}

/// A one-hash Bloom filter over well-mixed 64-bit keys.
struct HeadBits(Vec<u64>);

impl HeadBits {
    const BITS: u32 = 22;

    fn new() -> HeadBits {
        HeadBits(vec![0; 1 << (Self::BITS - 6)])
    }

    fn slot(key: u64) -> (usize, u64) {
        let bit = (key >> (64 - Self::BITS)) as usize;
        (bit / 64, 1 << (bit % 64))
    }

    fn insert(&mut self, key: u64) {
        let (word, mask) = Self::slot(key);
        self.0[word] |= mask;
    }

    fn may_contain(&self, key: u64) -> bool {
        let (word, mask) = Self::slot(key);
        self.0[word] & mask != 0
    }
}

/// Fewest words a quote needs to be linked: shorter ones ("we agree") match by chance.
const LINK_MIN_WORDS: usize = 5;

/// Link each quote to the other sources that report the same words, verbatim or as a
/// fragment of a longer quote. Quotes are indexed by their first five words; each quote then
/// looks up every five-word window of its own text, so a fragment is found inside the quote it
/// was cut from. `words[s][q]` are the [`quote_words`] of quote `q` of source `s`.
pub fn link_across(sources: &mut [Source], words: &[Vec<Vec<u64>>]) {
    use rayon::prelude::*;
    use std::collections::HashMap;
    let mut by_head: HashMap<u64, Vec<(usize, usize)>, BuildIdentity> = HashMap::default();
    // Nearly every window heads no quote: one bit per key (512 KiB, cache-resident) answers
    // most lookups without touching the map.
    let mut heads = HeadBits::new();
    for (si, quotes) in words.iter().enumerate() {
        for (qi, w) in quotes.iter().enumerate() {
            if let Some(key) = run_keys(w, LINK_MIN_WORDS).next() {
                heads.insert(key);
                by_head.entry(key).or_default().push((si, qi));
            }
        }
    }
    let links: Vec<(usize, usize, usize, usize)> = words
        .par_iter()
        .enumerate()
        .flat_map_iter(|(si, quotes)| {
            let mut found = Vec::new();
            for (qi, w) in quotes.iter().enumerate() {
                for (start, key) in run_keys(w, LINK_MIN_WORDS).enumerate() {
                    if !heads.may_contain(key) {
                        continue;
                    }
                    for &(sj, qj) in by_head.get(&key).into_iter().flatten() {
                        let other = &words[sj][qj];
                        if sj != si
                            && w.len() - start >= other.len()
                            && w[start..start + other.len()] == other[..]
                        {
                            found.push((si, qi, sj, qj));
                        }
                    }
                }
            }
            found
        })
        .collect();
    for (si, qi, sj, qj) in links {
        for (a, q, b) in [(si, qi, sj), (sj, qj, si)] {
            let also = &mut sources[a].quotes[q].also_in;
            if !also.contains(&b) {
                also.push(b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_of_what_the_rules_took_along() {
        let clean = |s: &str| clean_name(s);
        assert_eq!(
            clean("CTU Secretary, Sam Huggard").as_deref(),
            Some("Sam Huggard")
        );
        assert_eq!(
            clean("1990’s,” Ross Wilson").as_deref(),
            Some("Ross Wilson")
        );
        assert_eq!(clean("’ Robertson").as_deref(), Some("Robertson"));
        assert_eq!(
            clean("as art historian Rémi Labrusse").as_deref(),
            Some("Rémi Labrusse")
        );
        assert_eq!(clean("van de Molen").as_deref(), Some("van de Molen"));
        assert_eq!(clean("John O’Neill").as_deref(), Some("John O’Neill"));
        assert_eq!(clean("Well, I"), None);
        assert_eq!(clean("Then Brafman").as_deref(), Some("Brafman"));
        assert_eq!(clean("His"), None);
        assert_eq!(clean("on Tuesday"), None);
        assert_eq!(clean("Kelly").as_deref(), Some("Kelly"));
        assert_eq!(clean("Lifu Sun").as_deref(), Some("Lifu Sun"));
        // A month that is no one's name; one that is someone's.
        assert_eq!(clean("In February John Key").as_deref(), Some("John Key"));
        assert_eq!(clean("WASHINGTON, Dec"), None);
        assert_eq!(
            clean("Ricardo Menéndez March").as_deref(),
            Some("Ricardo Menéndez March")
        );
        assert_eq!(clean("NZEI").as_deref(), Some("NZEI"));
        assert_eq!(clean("Beverly Hills").as_deref(), Some("Beverly Hills"));
        assert_eq!(clean("said"), None);
        // A run ends at a full stop, but not at an initial's or a title's.
        assert_eq!(
            name_run_end("written with Guy Chambers. McFadden").as_deref(),
            Some("McFadden")
        );
        assert_eq!(
            name_run_end("said Dr. Christopher K. Tucker").as_deref(),
            Some("Dr Christopher K Tucker")
        );
    }

    fn spans(text: &str) -> Vec<&str> {
        scan(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn marks_of_every_kind_and_apostrophes_that_are_not() {
        assert_eq!(spans("“Curly,” he said."), vec!["Curly,"]);
        assert_eq!(spans("\"Straight,\" he said."), vec!["Straight,"]);
        assert_eq!(
            spans("New Zealand’s and students' and we'd ‘single one’ ok"),
            vec!["single one"]
        );
        assert_eq!(spans("«Guillemets» here"), vec!["Guillemets"]);
        assert_eq!(
            spans("20-24.“Russia’s war,” Diella said."),
            vec!["Russia’s war,"]
        );
        assert_eq!(
            spans("a “logical fit.”“We believe,” he said."),
            vec!["logical fit.", "We believe,"]
        );
        assert_eq!(
            spans("“Mismatched marks,\" he said."),
            vec!["Mismatched marks,"]
        );
        assert_eq!(
            spans("“Outer ‘inner’ text,” she said."),
            vec!["Outer ‘inner’ text,"]
        );
        // A quote within a quote in the same marks; an opening mark that no closing mark
        // pairs with is the first quote left open.
        assert_eq!(
            spans("“Work “above and beyond” the call,” he said."),
            vec!["Work “above and beyond” the call,"]
        );
        assert_eq!(spans("“No. “Really,” he said."), vec!["No. “Really,"]);
        assert_eq!(spans("“Unclosed to the end"), vec!["Unclosed to the end"]);
        assert_eq!(
            spans("with an ‘Individually Tailored Partnership Programme'."),
            vec!["Individually Tailored Partnership Programme"]
        );
    }

    #[test]
    fn title_like_spans_are_names() {
        assert!(is_title_like("Individually Tailored Partnership Programme"));
        assert!(is_title_like("Saturday Night Live"));
        assert!(!is_title_like("logical fit."));
        assert!(!is_title_like(
            "New Zealand must be prepared to do its part"
        ));
    }

    #[test]
    fn attribution_after_the_quote() {
        assert_eq!(
            leading_attribution(" Mr Peters says, as he concludes", false),
            Some(("Mr Peters".into(), "says".into()))
        );
        assert_eq!(
            leading_attribution(" he told 1News.", false),
            Some(("he".into(), "told".into()))
        );
        assert_eq!(
            leading_attribution(" said Professor Jim Metson, Deputy Vice-Chancellor", false),
            Some(("Professor Jim Metson".into(), "said".into()))
        );
        assert_eq!(leading_attribution(" for global security.", false), None);
        let speaker =
            |after: &str| leading_attribution(after, false).and_then(|(who, _)| bare_name(&who));
        // A portfolio's `and`; letters after a name in full, not a title before none.
        assert_eq!(
            speaker(" said local government and environment spokesperson Jim Peters.").as_deref(),
            Some("Jim Peters")
        );
        assert_eq!(
            speaker(" said Green Party spokesperson Julie Anne Genter MP.").as_deref(),
            Some("Julie Anne Genter")
        );
        assert_eq!(
            leading_attribution(" said Waiariki MP.", false),
            Some(("Waiariki MP".into(), "said".into()))
        );
        // A portfolio in `-ing` before a title; titles joined by `and`, and then, past a
        // capitalised portfolio and a comma, the name.
        assert_eq!(
            speaker(" said Green Party gambling spokesperson Denise Roche.").as_deref(),
            Some("Denise Roche")
        );
        assert_eq!(
            speaker(" says ACT Deputy Leader and Health spokesperson Brooke van Velden.")
                .as_deref(),
            Some("Brooke van Velden")
        );
        assert_eq!(
            speaker(" says IPL Director and Associate Dean Professional Learning, Jan Martin.")
                .as_deref(),
            Some("Jan Martin")
        );
        assert_eq!(
            speaker(" says Vice-Chancellor and Professor Pat Walsh, Victoria University.")
                .as_deref(),
            Some("Pat Walsh")
        );
        // A portfolio or a seat after a title, passed over to the name; not a name's
        // organisation, nor past a comma.
        assert_eq!(
            speaker(
                " says New Zealand First Spokesperson for Pacific Island Affairs Pita Paraone."
            )
            .as_deref(),
            Some("Pita Paraone")
        );
        assert_eq!(
            speaker(
                " says New Zealand First Leader and Member of Parliament for Northland Rt Hon \
                 Winston Peters."
            )
            .as_deref(),
            Some("Winston Peters")
        );
        assert_eq!(speaker(" said Conor Roberts Co-president of NZUSA."), None);
        // A title and what it is of, then the name alone after a comma.
        assert_eq!(
            speaker(" says co-leader of the Green Party, Marama Davidson.").as_deref(),
            Some("Marama Davidson")
        );
        assert_eq!(
            speaker(" said Green Party spokesperson for conservation Eugenie Sage.").as_deref(),
            Some("Eugenie Sage")
        );
        // Titles after `the`, then a name; a name, then its organisation or titles.
        assert_eq!(
            speaker(" says the New Zealand First Leader Rt Hon Winston Peters.").as_deref(),
            Some("Winston Peters")
        );
        let who = |after: &str| leading_attribution(after, false).map(|(who, _)| who);
        assert_eq!(
            who(" said the Birchfield Harrier.").as_deref(),
            Some("the Birchfield Harrier")
        );
        assert_eq!(
            who(" said the Old Trafford boss.").as_deref(),
            Some("the Old Trafford boss")
        );
        assert_eq!(
            speaker(" said Logan Edgar OUSA President.").as_deref(),
            Some("Logan Edgar")
        );
        assert_eq!(
            speaker(" said Dr Jamie Whyte Leader of the ACT Party.").as_deref(),
            Some("Jamie Whyte")
        );
        assert_ne!(
            speaker(" says the former Black Ferns skipper and lecturer at the College.").as_deref(),
            Some("Black Ferns")
        );
        assert_eq!(name_before_its_titles("New Zealand First Leader"), None);
        assert_eq!(name_before_its_titles("Old Trafford boss"), None);
        // A name after the comma only as the end of the clause.
        assert_eq!(
            speaker(
                " says University of Otago Professor Indrawati Oey, Head of Otago’s Department \
                 of Food Sciences and the project leader."
            )
            .as_deref(),
            Some("Indrawati Oey")
        );
        assert_eq!(
            speaker(" says Associate Professor of Anthropology, Peter Wood, writing today.")
                .as_deref(),
            Some("Peter Wood")
        );
        // Signed with a dash, as under a pull quote: the name is all the rest of the line.
        assert_eq!(
            leading_attribution(" ― Julie A. Diaz Martinez\n“The next,” she", false),
            Some(("Julie A Diaz Martinez".into(), "—".into()))
        );
        assert_eq!(
            leading_attribution(" — Dr Jane Smith, teacher.", true),
            Some(("Dr Jane Smith".into(), "—".into()))
        );
        assert_eq!(
            leading_attribution(" — New Zealand is ready.", true),
            None,
            "a sentence, not a signature"
        );
        assert_eq!(
            leading_attribution(" says National Police spokesman Tony Ryall.", false),
            Some(("National Police spokesman Tony Ryall".into(), "says".into()))
        );
        assert_eq!(
            strip_titles("National Police spokesman Tony Ryall").as_deref(),
            Some("Tony Ryall")
        );
    }

    #[test]
    fn a_colon_lead_in_beats_the_next_sentence() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nEarlier, Liam Fox said it was over. \"Never,\" he said.\n\nIn Gateshead, \
             Mr Blair said: \"I have the same passion.\" He described his relationship.\n",
        ]);
        let source = &corpus.sources[0];
        let quotes = extract(source);
        let last = quotes.last().unwrap();
        assert_eq!(last.text(source), "I have the same passion.");
        assert_eq!(last.speaker.as_deref(), Some("Blair"));
        assert_eq!(last.cue.as_deref(), Some("said"));
    }

    #[test]
    fn a_described_speaker_is_the_description_unless_it_stands_for_a_name() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\n“We expect a decision soon,” a Democratic strategist said.\n\n\
             “Costs will rise,” the report also says.\n\n\
             “Nothing is settled,” the spokeswoman said.\n\n\
             Councillor Jo Bloggs spoke first. “It is early days,” said Jo Bloggs.\n\n\
             “We will look at it,” the councillor said. “Then we decide,” she added.\n",
        ]);
        let source = &corpus.sources[0];
        assert_eq!(
            extract(source)
                .iter()
                .map(|q| q.speaker.clone())
                .collect::<Vec<_>>(),
            [
                Some("a Democratic strategist".to_string()),
                // A document speaks for itself; the verb's adverb is no part of it.
                Some("the report".to_string()),
                // `the spokeswoman` stands for someone, but no one was named before.
                Some("the spokeswoman".to_string()),
                Some("Jo Bloggs".to_string()),
                // `the councillor` is the person quoted just before, and so is `she`.
                Some("Jo Bloggs".to_string()),
                Some("Jo Bloggs".to_string()),
            ]
        );
    }

    #[test]
    fn a_title_in_lowercase_or_a_reporting_verb_before_a_name_makes_it_a_persons() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nHearts manager John Robertson hopes to keep his players.\n\n\
             “It could help,” he said.\n\n\
             Other news.\n\n\
             Action is needed, says Labour’s transport spokesperson Megan Woods.\n\n\
             “The plan is no priority.”\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Other news.\n\n\
             The council is failing, says Jonathan Ayling, Chief Executive of the Union.\n\n\
             “It is time.”\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Rugby is popular, Ayling told BBC Sport.\n\n\
             “It is fun.”\n",
        ]);
        let speakers = speakers_of(&corpus.sources[0]);
        // A reporting verb before a name, when the name ends its clause; not `told`'s
        // object.
        assert_eq!(
            speakers,
            [
                Some("John Robertson".to_string()),
                Some("Megan Woods".to_string()),
                Some("Jonathan Ayling".to_string()),
                None,
            ]
        );
        // A title in lowercase and a comma, in the clause a reporting verb opens.
        assert_eq!(
            first_person(
                "Action is needed, says National’s Education spokeswoman, Katherine Rich.",
                true
            )
            .as_deref(),
            Some("Katherine Rich")
        );
        assert_eq!(
            first_person(
                "It was endorsed by the health minister, David Clark, today.",
                true
            ),
            None
        );
    }

    #[test]
    fn a_given_name_alone_is_filled_out_from_the_name_in_full() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nGreen MP Nandor Tanczos spoke today.\n\n\
             “Cannabis law must change,” Nandor says.\n\n\
             Students Sarah Whitty and Sarah Chamberlain won. Google Video sells films on video.\n\n\
             “We are thrilled,” Sarah says.\n\n\
             “We sell films,” Google says.\n\n\
             Members of the Apple Developer Connection get new software first.\n\n\
             “We are proud of it,” Apple said.\n",
        ]);
        let speakers = speakers_of(&corpus.sources[0]);
        // Not when the given name opens two names, nor a name with a word the source writes
        // in lowercase too, nor one an article opens.
        assert_eq!(
            speakers,
            [
                Some("Nandor Tanczos".to_string()),
                Some("Sarah".to_string()),
                Some("Google".to_string()),
                Some("Apple".to_string()),
            ]
        );
    }

    #[test]
    fn a_description_of_someone_unnamed_is_not_the_person_last_named() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nProfessor Ann Lee led the study of 400 workers.\n\n\
             “Influence matters,” the study's authors said.\n\n\
             Other news.\n\n\
             Donald Trump spoke on Monday.\n\n\
             “The prime minister disagrees,” the spokesman said.\n\n\
             Other news.\n\n\
             Former Chelsea captain Marcel Desailly says the side has changed.\n\n\
             “They are much stronger,” the 36-year-old said.\n\n\
             Other news.\n\n\
             Green MP Metiria Turei spoke today.\n\n\
             “Families are hit twice,” said the Green Party education spokesperson.\n",
        ]);
        let speakers = speakers_of(&corpus.sources[0]);
        assert_eq!(
            speakers,
            [
                // More than one person, and a role given in place of a name: not the one
                // named before.
                Some("the study's authors".to_string()),
                Some("the spokesman".to_string()),
                // The one just named, spoken of again.
                Some("Marcel Desailly".to_string()),
                Some("Metiria Turei".to_string()),
            ]
        );
    }

    #[test]
    fn a_surname_is_filled_out_from_names_not_from_the_words_before_them() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nWhen Francis arrived, Mexico Says Francis was the word.\n\n\
             “It is done,” Francis said.\n\nIt was Pope Francis Bergoglio’s day.\n",
        ]);
        let quotes = extract(&corpus.sources[0]);
        assert_eq!(quotes[0].speaker.as_deref(), Some("Francis"));
    }

    /// Each quote's speaker and cue, in order.
    fn said(source: &Source) -> Vec<(Option<String>, Option<String>)> {
        extract(source)
            .into_iter()
            .map(|q| (q.speaker, q.cue))
            .collect()
    }

    fn speakers_of(source: &Source) -> Vec<Option<String>> {
        extract(source).into_iter().map(|q| q.speaker).collect()
    }

    fn named(speaker: &str, cue: &str) -> (Option<String>, Option<String>) {
        (Some(speaker.to_string()), Some(cue.to_string()))
    }

    #[test]
    fn a_name_after_a_quote_past_titles_a_portfolio_or_an_appositive_missing_a_comma() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             “We propose a commons,” Will Davies, senior research fellow at the IPPR told the BBC.\n\n\
             Other news.\n\n\
             “It is going digital,” Kirsten Pfeifer from the Consumer Electronics Association, \
             told the BBC.\n\n\
             Other news.\n\n\
             “Asbestos kills,” CTU Secretary, Sam Huggard said.\n\n\
             Other news.\n\n\
             “It is worrying.” Lisa Power, head of policy at the Trust said the policy was wrong.\n\n\
             Other news.\n\n\
             “Gas is a step back,” Green Party energy and resources spokesperson Gareth Hughes \
             said.\n\n\
             Other news.\n\n\
             “It may apply,” and it will if the UK Supreme Court thinks so.\n\n\
             Other news.\n\n\
             “We only had surveys,” Ryan Gage from the Department of Public Health at the \
             University of Otago, Wellington, says.\n"]);
        let found = said(&corpus.sources[0]);
        assert_eq!(
            found[..3],
            [
                named("Will Davies", "told"),
                named("Kirsten Pfeifer", "told"),
                named("Sam Huggard", "said"),
            ]
        );
        // After a full stop, a sentence of its own: Lisa Power is not read as the speaker.
        assert_ne!(found[3].0.as_deref(), Some("Lisa Power"));
        // A portfolio in lowercase before its title; not a clause before a name.
        assert_eq!(found[4], named("Gareth Hughes", "said"));
        assert_ne!(
            found.get(5).and_then(|f| f.0.as_deref()),
            Some("Supreme Court")
        );
        // Past a comma within the organisation's name.
        assert_eq!(found[6], named("Ryan Gage", "says"));
    }

    #[test]
    fn transcript_labels_and_signature_paragraphs_name_speakers() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nJeb Bush and Hillary Clinton reject containment.\n\n\
             Clinton: “Our goal is to defeat ISIS.” Bush: “The mission is to destroy it.”\n\n\
             Rep. Trey Gowdy (R-S.C.): “Who told you that?”\n\n\
             “I was the one saying you are going to wreck the economy.”\n\n- Clinton.\n",
            // A heading is no speaker, and a list's item no signature.
            "Title\n\nTheme: “The warning signs are there for the Government.”\n\n\
             “Firstly, it is early.”\n\n- Secondly, waterfront developments have proved to \
             have major economic benefits for the cities that build them.\n",
        ]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                // Surnames of people named more fully before.
                named("Hillary Clinton", LABEL_CUE),
                named("Jeb Bush", LABEL_CUE),
                // Titled: the title goes, as everywhere.
                named("Trey Gowdy", LABEL_CUE),
                named("Hillary Clinton", DASH_CUE),
            ]
        );
        assert_eq!(said(&corpus.sources[1]), [(None, None), (None, None)]);
    }

    #[test]
    fn a_participle_or_a_second_cue_takes_the_sentence_subject() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            // A headline's run of capitals is no fuller name, nor is a quote's first word.
            "Axelrod Calls On Rendell To Apologize Now\n\n\
             Ed Rendell led the party; Donald Trump ran. Marcel Lazar is a hacker.\n\n\
             Rendell, a former party chairman, poked at Trump during the debate, tweeting, \
             “Notice Trump sniffing all the time.”\n\n\
             Back in 1999, Mr. Trump expressed admiration for Clinton, telling CNBC: \
             “I wish I could be like that.”\n\n\
             Lazar said he welcomed extradition and added, “I'll plead guilty, no problem.”\n\n\
             “Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before \
             asking her a question.\n",
        ]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Ed Rendell", "tweeting"),
                named("Donald Trump", "telling"),
                named("Marcel Lazar", "added"),
                // The sentence's own verb, not the participle.
                named("Blige", "sings"),
            ]
        );
    }

    #[test]
    fn a_name_as_the_appositive_is_the_speaker_and_a_capitalised_cue_a_name() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\n\
             The director of the Federal Bureau of Investigation, James B. Comey, said that \
             the messages were “direct, private messages.”\n\n\
             “Somebody entered the country,” the White House spokesman, Josh Earnest, said.\n\n\
             NZUSA Co-President, Fleur Fitzsimons, said: “It is not too late.”\n\n\
             Winston Peters, who has been meeting officials, said it was “a fine time.”\n\n\
             In Reaction To The Release, AUT History Professor Paul Moon Says: \
             “This is a major step.”\n",
            "Title\n\nIt is “a special place” in the way the United States responds.\n",
        ]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("James B Comey", "said"),
                named("Josh Earnest", "said"),
                named("Fleur Fitzsimons", "said"),
                named("Winston Peters", "said"),
                // A title-case lead-in's capitalised cue is one.
                named("Paul Moon", "says"),
            ]
        );
        // `States` is no cue: the quote has no speaker, not `United`.
        assert_eq!(said(&corpus.sources[1]), [(None, None)]);
    }

    #[test]
    fn a_description_before_a_name_a_long_appositive_and_a_label_closing_a_sentence() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\n#WomenForTrump trended.\n\n\
             \"Word is,\" Trump said on Twitter.\n\n\
             \"Watch it,\" said former tech executive Carly Fiorina during the debate.\n\n\
             \"This is a critical week,\" said GOP strategist Keith Nahigian, a veteran.\n\n\
             \"Absolutely,\" Eric Woolson, an Iowa Republican strategist and former adviser to \
             Scott Walker, said of Cruz.\n\n\
             “Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, \
             tells Breitbart News.\n\n\
             The surge doesn’t surprise Republican pollster Daron Shaw: “Lesser-known \
             candidates see the biggest boost.”\n\n\
             RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup finds 20 states.”\n\n\
             In line with Americans, Republican Presidential hopeful Sen. Ted Cruz was critical, \
             telling Breitbart London: “The comments are typical.”\n",
            // A label closing a longer lead must be a name the source never writes in lowercase.
            "Title\n\nHere is what the jury found in Best Picture: “a triumph.”\n\n\
             It was the best of the year.\n",
        ]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                // `Trump`, not the hashtag that ends in it.
                named("Trump", "said"),
                named("Carly Fiorina", "said"),
                named("Keith Nahigian", "said"),
                named("Eric Woolson", "said"),
                named("Brent Bozell III", "tells"),
                named("Daron Shaw", ":"),
                named("Jeffrey M Jones", ":"),
                named("Ted Cruz", "telling"),
            ]
        );
        assert_eq!(said(&corpus.sources[1]), [(None, None)]);
    }

    #[test]
    fn adverbs_before_the_cue_inverted_cues_descriptions_and_people_brought_in() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             Famed fight doctor Ferdie Pacheco once said: “Clay was born in Louisville.”\n\n\
             Other news.\n\n\
             Mr Peters has repeatedly said: “New Zealand must act.”\n\n\
             Other news.\n\n\
             Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”\n\n\
             Other news.\n\n\
             “That can go a long way,” said a senior Cruz adviser.\n\n\
             Other news.\n\n\
             “We are accountable,” said the committee chairman, MP Edward Leigh.\n\n\
             Other news.\n\n\
             According to the newspaper, “gun laws empower dealers.”\n\n\
             Other news.\n\n\
             National student President Rory McCourt says the inquiry must measure it.\n\n\
             “Students are borrowing like crazy.”\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Other news.\n\n\
             It is a step back, Labour’s spokesperson for Disability Issues, Clare Curran, says.\n\n\
             “Evidence is growing.”\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Other news.\n\n\
             Mr Tuhi, 50, says he enjoyed his time. “I thought Massey was cool.”\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Ferdie Pacheco", "said"),
                named("Peters", "said"),
                named("Dorothy Poynter", "said"),
                named("a senior Cruz adviser", "said"),
                named("Edward Leigh", "said"),
                named("the newspaper", "according to"),
                (Some("Rory McCourt".into()), None),
                (Some("Clare Curran".into()), None),
                (Some("Tuhi".into()), None),
            ]
        );
    }

    #[test]
    fn a_sentence_glued_to_the_cue_and_reactions_are_attributed() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             “The Chinese have control,” Trump said.Trump claimed he learned this.\n\n\
             Other news.\n\n\
             “Is Obama profiling?” reacted Trump.\n\n\
             Other news.\n\n\
             “We did it!” exclaimed Tariana Turia.\n\n\
             Other news.\n\n\
             Drummer Larry Mullen echoed those sentiments: “We're very competitive.”\n\n\
             Other news.\n\n\
             David Davis echoed criticisms of the way Mr Blunkett brought in the rules. \
             “There is genuine concern,” he said.\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Trump", "said"),
                named("Trump", "reacted"),
                named("Tariana Turia", "exclaimed"),
                named("Larry Mullen", "echoed"),
                named("David Davis", "said"),
            ]
        );
        // An outlet reporting, leading into a quote, speaks it.
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             The New York Times reports:\n\n\
             “Just 24 percent of the contributors have given $200 or less.”\n\n\
             Other news.\n\n\
             As the Herald reports: “The school's results seem to show that it works.”\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("The New York Times", "reports"),
                named("Herald", "reports"),
            ]
        );
        // A document's words are read; a person's `read` is no cue.
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             Mayor Jo Bloggs wrote to the council.\n\n\
             “If she wants to be president, she should act like one,” the editorial read.\n\n\
             Other news.\n\n\
             “The plan is sound and it is funded,” a BBC statement reads.\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("the editorial", "read"),
                named("a BBC statement", "reads"),
            ]
        );
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             “Once upon a time there was a town,” the man read to them.\n"]);
        assert_eq!(said(&corpus.sources[0]), [(None, None)]);
        // The dots of `U.S.` and `e.g.` still join.
        assert_eq!(
            words("the U.S. said.Then e.g. this")
                .into_iter()
                .map(|(_, w)| w)
                .collect::<Vec<_>>(),
            ["the", "U.S", "said", "Then", "e.g", "this"]
        );
    }

    /// [`Words`] char by char, as it was first written: what its loops over bytes must agree
    /// with.
    fn words_char_by_char(s: &str) -> Vec<(Range<usize>, &str)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = Vec::new();
        let mut push = |from: usize, to: usize| {
            let word = s[from..to].trim_end_matches('.');
            if !word.is_empty() {
                out.push((from..from + word.len(), word));
            }
        };
        let mut start = None;
        for (k, &(i, c)) in chars.iter().enumerate() {
            let glued = c == '.'
                && k > 0
                && chars[k - 1].1.is_ascii_lowercase()
                && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_uppercase());
            match (is_word_part(c) && !glued, start) {
                (true, None) => start = Some(i),
                (false, Some(from)) => {
                    push(from, i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(from) = start {
            push(from, s.len());
        }
        out
    }

    #[test]
    fn words_read_by_bytes_are_the_words_read_by_chars() {
        let pieces = [
            "a", "Z", "said", "9", ".", "..", "U.S.", "e.g.", "x.Y", "’", "'", "-", " ", "\n", "é",
            "Ā", "—", "“", ",", "Mr.", "ō.", "\u{a0}",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..(seed % 17) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            assert_eq!(words(&text), words_char_by_char(&text), "{text:?}");
            seed = seed.wrapping_add(1);
        }
    }

    #[test]
    fn a_sentence_subject_past_nouns_like_cues_opening_phrases_and_a_but() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             Weaver was unimpressed with Sanders’ comments, telling reporters, “Step down.”\n\n\
             Other news.\n\n\
             On Thursday, after remaining neutral, Warren endorsed Clinton, saying, “She fights.”\n\n\
             Other news.\n\n\
             Boreing said the members will meet, but said, “It’s time we change.”\n\n\
             Other news.\n\n\
             Auckland journalist and writer, Graeme Hunt, says so and explains that “we \
             would lose.”\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Weaver", "telling"),
                named("Warren", "saying"),
                named("Boreing", "said"),
                named("Graeme Hunt", "explains"),
            ]
        );
        // An opening word before no verb is no subject.
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nThankfully the council stepped in, saying “We will help.”\n",
        ]);
        assert_eq!(said(&corpus.sources[0]), [(None, None)]);
    }

    #[test]
    fn a_lone_surname_before_a_description_and_a_lead_in_that_opens_with_its_cue() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             Eva Miller and Gloria Major volunteer.\n\n\
             “How are you today?” Miller, a retired worker from a nuclear plant, said into the \
             phone.\n\n\
             Other news.\n\n\
             Stated Stone:\n\n\
             “The stakes are so high.”\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [named("Eva Miller", "said"), named("Stone", "stated")]
        );
    }

    #[test]
    fn a_role_a_name_possesses_is_its_holder_described() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             David Axelrod called on Howard Dean to apologise.\n\n\
             “That was outrageous,” Obama's former campaign strategist said on CNN.\n\n\
             Other news.\n\n\
             “We will act,” Scotland's justice minister warned.\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Obama's former campaign strategist", "said"),
                named("Scotland's justice minister", "warned"),
            ]
        );
        // A pronoun's contraction is no possessor, and what a name has is no role.
        assert_eq!(description("That’s the minister"), None);
        assert_eq!(description("Tonight's book launch"), None);
    }

    #[test]
    fn a_described_speaker_is_the_last_one_named_with_that_role() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             Home Secretary Charles Clarke spoke on Sunday. Tory Liam Fox said the plans had \
             failed.\n\n\
             “We will establish a system,” the home secretary said.\n\n\
             Foreign Secretary Jack Straw visited Paris. Shadow foreign secretary Michael Ancram \
             said it was a mistake.\n\n\
             “It was not,” the foreign secretary said.\n\n\
             TEU President Sandra Grey spoke first. Then US President Obama unveiled the budget.\n\n\
             “Education is an investment,” the president said.\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                // Not Liam Fox, named nearer with a reporting verb.
                named("Charles Clarke", "said"),
                // Not the shadow foreign secretary.
                named("Jack Straw", "said"),
                // The nearest president, whom a surname alone names: not the one before him.
                named("Obama", "said"),
            ]
        );
    }

    #[test]
    fn descriptions_appositives_leads_signatures_and_titles_find_the_speaker() {
        let corpus = crate::model::Corpus::of_plain_texts(&["Title\n\n\
             “It’s an invasion,” Scott Pruitt, the Republican attorney general of Oklahoma, one \
             of the states suing the EPA, said this month.\n\n\
             Other news.\n\n\
             “They are 100 percent wrong,” said 9/11 widow Terry Strada.\n\n\
             Other news.\n\n\
             Democratic Sen. Claire McCaskill (D-Mo.) scolded him: “You are wrong,” she said.\n"]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Scott Pruitt", "said"),
                named("Terry Strada", "said"),
                named("Claire McCaskill", "said"),
            ]
        );
        assert_eq!(strip_titles("Jeff Sessions’"), None);
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\n“It is not a fair go,” New Zealand First Leader and Tauranga MP Winston \
             Peters said today.\n\n\
             Other news.\n\n\
             \"October provided a resurgence,\" said former Obama adviser David Axelrod.\n\n\
             Other news.\n\n\
             \"What stuns me is how little shifts,\" Twitter's Adam Sharp said.\n\n\
             Other news.\n\n\
             When asked whom she supported, Ms. Sherry smiled and said, “I’m waiting.”\n\n\
             Other news.\n\n\
             Kasich resisted: “Ohio governors do not have the power.”\n\n\
             Other news.\n\n\
             When Wallace died, President Bill Clinton released the following statement:\n\n\
             “Hillary and I offer our condolences.”\n\n\
             Other news.\n\n\
             \"The first line of defense is within,\" said former secretary of state Hillary \
             Clinton, who praised George W. Bush.\n\n\
             Other news.\n\n\
             During a speech, Trump attacked Clinton over Libya, saying, “She’s unstable.”\n\n\
             Other news.\n\n\
             “Jeb wants to be a tough guy,” Trump shot back.\n\n\
             Other news.\n\n\
             And then Trump went on the attack, saying, “Resign.”\n\n\
             Other news.\n\n\
             “Officials expect to finish soon,” according to CNN.\n\n\
             Other news.\n\n\
             “Our revolution has already forced her to change,” read the email.\n\n\
             Other news.\n\n\
             “The agents are under pressure,” an intelligence source, who was not authorized \
             to speak, told Fox News.\n\n\
             Other news.\n\n\
             Ed Krayewski may have said it best when he blogged: “She is pre-selected.”\n\n\
             Other news.\n\n\
             In response, Republican vice presidential nominee Mike Pence issued the following \
             statement:\n\n\
             “Our prayers are with all those affected.”\n\n\
             Other news.\n\n\
             \"I will certainly look into it.\"\n\n\
             - Hillary Clinton.\n\n\
             Other news.\n\n\
             \"It needs to stop.\"\n\n\
             -Michelle Marks, Philadelphia.\n\n\
             Other news.\n\n\
             Anthony Anton, president and CEO of Washington Restaurant Association stated, \
             “It’s a math problem.”\n\n\
             Other news.\n\n\
             Colin Asplin, Blackpool Hotel Association said: \"We have tried.\"\n\n\
             Other news.\n\n\
             “A wise Latina woman would reach a better conclusion,” Sotomayor has said.\n\n\
             Other news.\n\n\
             Asked about Sullivan, Feinstein said “I don't know anything,” she said.\n\n\
             Other news.\n\n\
             Bryne went on to say, “I know this to be true.”\n\n\
             Other news.\n\n\
             “Engines will no longer be made here,” said union leader Vincenzo Lilliu. “The \
             line will be dismantled.” Reuters also said that Mr Lilliu shouted insults.\n\n\
             Other news.\n\n\
             \"Leave your weapons at home,\" opined Cleveland's Plain Dealer.\n\n\
             Other news.\n\n\
             Professor Raewyn Dalziel agreed.\n\n\
             Professor Skegg said fees are still low. “It is always hard,” he said.\n\n\
             Other news.\n\n\
             “We want every case,” says researcher Dr Nicola Starkey of the University of \
             Waikato.\n",
        ]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Winston Peters", "said"),
                named("David Axelrod", "said"),
                named("Adam Sharp", "said"),
                named("Sherry", "said"),
                named("Kasich", "resisted"),
                named("Bill Clinton", ":"),
                named("Hillary Clinton", "said"),
                named("Trump", "saying"),
                named("Trump", "shot"),
                named("Trump", "saying"),
                named("CNN", "according to"),
                named("the email", "read"),
                named("an intelligence source", "told"),
                named("Ed Krayewski", "said"),
                named("Mike Pence", ":"),
                // A name alone after a quote, though taken for a caption, signs it.
                named("Hillary Clinton", "—"),
                named("Michelle Marks", "—"),
                named("Anthony Anton", "stated"),
                named("Colin Asplin", "said"),
                named("Sotomayor", "said"),
                named("Feinstein", "said"),
                named("Bryne", "say"),
                named("Vincenzo Lilliu", "said"),
                (Some("Vincenzo Lilliu".into()), None),
                named("Plain Dealer", "opined"),
                // A title before a lone surname makes it a person's.
                named("Skegg", "said"),
                named("Nicola Starkey", "says"),
            ]
        );
    }

    #[test]
    fn a_lead_in_paragraph_names_the_quote_after_it() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\n“Earlier words,” said Jo Bloggs.\n\n\
             In reaction, AUT Emeritus Professor Charles Crothers says:\n\n\
             “Aucklanders are not at breaking point.”\n",
        ]);
        let quotes = extract(&corpus.sources[0]);
        assert_eq!(quotes[1].speaker.as_deref(), Some("Charles Crothers"));
        assert_eq!(quotes[1].cue.as_deref(), Some("says"));
    }

    #[test]
    fn us_style_titles_brackets_and_organisations() {
        // The dot of `Mr.` ends no sentence: the name after it is the speaker.
        assert_eq!(
            leading_attribution(" Mr. Clarke said.", false),
            Some(("Mr. Clarke".into(), "said".into()))
        );
        assert_eq!(clean_name("Mr. Clarke").as_deref(), Some("Mr. Clarke"));
        assert_eq!(strip_titles("Mr. Clarke").as_deref(), Some("Clarke"));
        assert_eq!(strip_titles("Mr. King").as_deref(), Some("King"));
        assert_eq!(strip_titles("Amy Pope").as_deref(), Some("Amy Pope"));
        // After a person's title, or hyphenated, a title that is a surname too is the surname;
        // after another title it stays one.
        assert_eq!(strip_titles("Professor Green").as_deref(), Some("Green"));
        assert_eq!(
            strip_titles("David Benson-Pope").as_deref(),
            Some("David Benson-Pope")
        );
        assert_eq!(strip_titles("Governor General"), None);
        assert!(is_title("Vice-Chancellor"));
        assert_eq!(
            strip_titles("MP Chris Bishop").as_deref(),
            Some("Chris Bishop")
        );
        assert_eq!(strip_titles("Prime Minister"), None);
        // Letters after a name go; `MP` only after a name an honorific opens.
        assert_eq!(
            strip_titles("Sir Sebastian Roberts KCVO OBE").as_deref(),
            Some("Sebastian Roberts")
        );
        assert_eq!(
            strip_titles("Mr Peter Brown MP").as_deref(),
            Some("Peter Brown")
        );
        assert_eq!(strip_titles("Waiariki MP"), None);
        // Titles in the plural before names; alone, or a name's word, they stay.
        assert_eq!(
            strip_titles("Professors Ian Craig").as_deref(),
            Some("Ian Craig")
        );
        assert_eq!(
            strip_titles("Co-leaders Jeanette Fitzsimons").as_deref(),
            Some("Jeanette Fitzsimons")
        );
        assert_eq!(
            strip_titles("Emeritus Gary Hermansson").as_deref(),
            Some("Gary Hermansson")
        );
        assert_eq!(strip_titles("MPs").as_deref(), Some("MPs"));
        assert_eq!(
            strip_titles("Human Rights Watch").as_deref(),
            Some("Human Rights Watch")
        );
        assert_eq!(strip_titles("Zealand’s"), None);
        assert_eq!(strip_titles("AUT King"), None);
        assert_eq!(
            clean_name("Neither Donald Trump").as_deref(),
            Some("Donald Trump")
        );
        assert_eq!(
            leading_attribution("' He added that", false),
            Some(("He".into(), "added".into()))
        );
        assert_eq!(
            leading_attribution(
                " Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
                false
            ),
            Some((
                "Senate Majority Leader Mitch McConnell".into(),
                "said".into()
            ))
        );
        // A sentence between the quote and the verb is still no attribution.
        assert_eq!(
            leading_attribution(" It rained. Jones said no.", false),
            None
        );
        // An unnamed voice speaks for its body.
        assert_eq!(
            leading_attribution(" a Home Office spokesman said.", false),
            Some(("Home Office".into(), "said".into()))
        );
        let before = "Responding to the ruling, a Home Office spokesman said:";
        let (range, _) = find_cue(before).unwrap();
        assert_eq!(
            subject_before(before, &range).as_deref(),
            Some("Home Office")
        );
        assert_eq!(voice_of("the party spokesman"), None);
        // Titles, a comma, then the name.
        assert_eq!(
            leading_attribution(
                " says NZEI Te Riu Roa National President, Bruce Adin.",
                false
            ),
            Some(("Bruce Adin".into(), "says".into()))
        );
        // After a full stop only a listed cue or a person attributes.
        assert_eq!(
            leading_attribution(" Previous winners have included", true),
            None
        );
        assert_eq!(
            leading_attribution(" Mr Negroponte wants the laptops", true),
            Some(("Mr Negroponte".into(), "wants".into()))
        );
        // A party and state in brackets are no name; an acronym in brackets stays.
        let speaker = |after: &str| {
            let (who, _) = leading_attribution(after, false)?;
            bare_name(&who)
        };
        assert_eq!(
            speaker(" Sen. Chuck Schumer (D-N.Y.) said.").as_deref(),
            Some("Chuck Schumer")
        );
        assert_eq!(
            speaker(" said Rep. John Mica (R-Fla.).").as_deref(),
            Some("John Mica")
        );
        assert_eq!(
            without_brackets("Teachers (AUT) and Tom Roa (Ngāti Maniapoto) said"),
            "Teachers (AUT) and Tom Roa  said"
        );
        // A person of an organisation is the person; an organisation of a place, or a title
        // of a portfolio, is not split.
        assert_eq!(
            speaker(" Mr. Morgan of the Sierra Club said.").as_deref(),
            Some("Morgan")
        );
        assert_eq!(
            person_of_organisation(
                "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies"
            ),
            Some("Jeffrey Lewis")
        );
        assert_eq!(person_of_organisation("Bank of New Zealand"), None);
        assert_eq!(
            person_of_organisation("Secretary of State John Kerry"),
            None
        );
    }

    #[test]
    fn a_pronoun_stands_for_a_lone_surname_the_source_names_in_full() {
        let corpus = crate::model::Corpus::of_plain_texts(&[
            "Title\n\nGraeme Souness took over at Newcastle.\n\n\
             But Souness said the record did not matter. “I think he would stay,” he added.\n",
            "Title\n\nGraeme Souness took over at Newcastle.\n\n\
             Souness and his players flew out. “We are ready,” they said.\n",
            "Title\n\nNo Ireland team has won there.\n\n\
             Ireland are unbeaten. “We are ready,” he said.\n",
            "Title\n\nThe Detroit Lions won.\n\n\
             Lions are as happy as lions can be. “It was hard,” he said.\n",
            "Title\n\nTop-seeded Andy Roddick won.\n\n\
             Roddick was not happy. “I am not playing well,” he said.\n",
        ]);
        // Not for `they`; not a name in full that a sentence's first word opens (`No
        // Ireland`), one with a word the source writes in lowercase (`lions`) or a hyphenated
        // one before the surname.
        let speakers: Vec<_> = corpus.sources.iter().map(speakers_of).collect();
        assert_eq!(
            speakers,
            [
                vec![Some("Graeme Souness".to_string())],
                vec![None],
                vec![None],
                vec![None],
                vec![None]
            ]
        );
        assert_eq!(
            strip_titles("Newcastle boss Graeme Souness").as_deref(),
            Some("Graeme Souness")
        );
    }

    #[test]
    fn a_pronoun_stands_for_the_person_named_before() {
        assert_eq!(
            first_person(
                "Labour Cultural Spokesperson Judith Tizard today welcomed the news that True \
                 Bliss's first album Dream has gone platinum.",
                false
            )
            .as_deref(),
            Some("Judith Tizard")
        );
        assert_eq!(
            first_person("In New Zealand, Helen Clark said it was time.", false).as_deref(),
            Some("Helen Clark")
        );
        assert_eq!(
            first_person("Ann Kerr, who chairs the trust, said it was time.", false).as_deref(),
            Some("Ann Kerr")
        );
        assert_eq!(
            first_person("The New Zealand Herald reported it.", false),
            None
        );
        assert_eq!(
            first_person("Wellington City Council met on Tuesday.", false),
            None
        );
        assert_eq!(
            first_person("General Motors Acceptance Corp has said it may.", false),
            None
        );
        // A lone surname only where the caller allows it: in a quote's own sentence it is
        // the object as often.
        let asked = "Asked if Mr Brown could return, he replied:";
        assert_eq!(first_person(asked, false), None);
        assert_eq!(first_person(asked, true).as_deref(), Some("Brown"));
        let corpus = crate::model::Corpus::of_plain_texts(&[
            // The nearest sentence naming a person, past one whose subject is a pronoun, and
            // past the last quote (by someone else, further back).
            "Title\n\n“We will appeal,” said Tom Reid, the mayor.\n\n\
             Ann Kerr, who chairs the trust, said the case was weak. She said it would not \
             stand, which Mr Reid disputes. She told reporters: “It will fall.”\n\n\
             Opposition Leader Sam Hale spoke later. “That is wrong,” he said.\n\n\
             Ms Kerr thanked Mr Hale. He told them to “go home”.\n\n\
             Asked if Mr Reid would stay, he replied: “Not for long.”\n",
            // `The company` and `the OSI` speak for themselves, not for a person named before.
            "Title\n\nMr Gore runs the OSI. “We have closed the office,” the OSI said.\n",
        ]);
        assert_eq!(
            said(&corpus.sources[0]),
            [
                named("Tom Reid", "said"),
                named("Ann Kerr", "told"),
                named("Sam Hale", "said"),
                // `He` is not Ms Kerr.
                named("Sam Hale", "told"),
                // Not Mr Reid, whom the question names.
                named("Sam Hale", "replied"),
            ]
        );
        assert_eq!(said(&corpus.sources[1]), [named("the OSI", "said")]);
    }

    #[test]
    fn subjects_skip_appositives() {
        let before = "Foreign Minister Winston Peters, who's been meeting with NATO officials, said New Zealand was committed to working closely with traditional partners in a";
        let (range, cue) = find_cue(before).unwrap();
        assert_eq!(cue, "said");
        assert_eq!(
            subject_before(before, &range).as_deref(),
            Some("Foreign Minister Winston Peters")
        );
        assert_eq!(
            strip_titles("Foreign Minister Winston Peters").as_deref(),
            Some("Winston Peters")
        );
        assert_eq!(
            strip_titles("Professor Robert Patman").as_deref(),
            Some("Robert Patman")
        );
        // An appositive of titles alone, its closing comma missing.
        let before = "Ella Hardy, Young Labour President says that ";
        let (range, _) = find_cue(before).unwrap();
        assert_eq!(
            subject_before(before, &range).as_deref(),
            Some("Ella Hardy")
        );
    }

    #[test]
    fn sentence_ends_skip_abbreviations_and_acronyms() {
        let s = "Mr. Smith met the N.A.T.O. chief. Then he left.";
        let ends: Vec<usize> = sentence_ends(s).collect();
        assert_eq!(ends.len(), 2, "{ends:?}");
    }
}
