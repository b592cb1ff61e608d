//! What each subcommand prints, readable or as JSON Lines. Field names here are the stable,
//! documented interface for scripts (README, "JSON fields").

use serde::Serialize;
use std::io::{self, Write};

use crate::model::chronology::{self, Evidence};
use crate::model::date::{DateKind, Precision};
use crate::model::events::EventKind;
use crate::model::quotes::QuoteKind;
use crate::model::search::{self, Scope, SearchIndex};
use crate::model::shared::{self, SharedIndex, Tier};
use crate::model::{Corpus, Furniture, ParagraphKind, Person, Source};

/// A row of `dossier sources --json`.
#[derive(Serialize)]
pub struct SourceRow<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: Option<&'a str>,
    #[serde(flatten)]
    pub date: DateFields<'a>,
    pub date_evidence: Option<&'a str>,
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub people: &'a [Person],
    pub words: usize,
    pub paragraphs: usize,
    pub warnings: &'a [String],
}

impl<'a> SourceRow<'a> {
    pub fn new(s: &'a Source) -> Self {
        SourceRow {
            id: &s.id,
            path: &s.path,
            title: s.title.as_deref(),
            date: DateFields::new(s),
            date_evidence: s.date.as_ref().map(|d| d.evidence.as_str()),
            url: s.url.as_deref(),
            outlet: s.outlet.as_deref(),
            people: &s.people,
            words: s.words,
            paragraphs: s.paragraphs.len(),
            warnings: &s.warnings,
        }
    }
}

/// Where a source is placed in time: its stated date, else the inferred one.
#[derive(Serialize)]
pub struct DateFields<'a> {
    pub date: Option<String>,
    /// `published`, `updated` or `inferred`.
    pub date_kind: Option<&'static str>,
    pub date_precision: Option<Precision>,
    /// An inferred date's earliest and latest possible dates, `start/end` (`..` when open).
    pub date_range: Option<String>,
    /// 1 for a stated date; 0 to 1 for an inferred one.
    pub confidence: Option<f32>,
    /// What an inferred date rests on.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub evidence: &'a [Evidence],
}

impl<'a> DateFields<'a> {
    pub fn new(s: &'a Source) -> Self {
        if let Some(d) = &s.date {
            return DateFields {
                date: Some(d.stamp.to_string()),
                date_kind: Some(d.kind.name()),
                date_precision: Some(d.stamp.precision()),
                date_range: None,
                confidence: Some(1.0),
                evidence: &[],
            };
        }
        match &s.inferred {
            Some(d) => DateFields {
                date: Some(d.best.to_string()),
                date_kind: Some("inferred"),
                date_precision: Some(d.best.precision()),
                date_range: Some(d.range()),
                confidence: Some((d.confidence * 100.0).round() / 100.0),
                evidence: &d.evidence,
            },
            None => DateFields {
                date: None,
                date_kind: None,
                date_precision: None,
                date_range: None,
                confidence: None,
                evidence: &[],
            },
        }
    }
}

/// A row of `dossier timeline --json`.
#[derive(Serialize)]
pub struct TimelineRow<'a> {
    pub source: &'a str,
    #[serde(flatten)]
    pub date: DateFields<'a>,
    pub title: Option<&'a str>,
}

/// `dossier timeline`: the sources in date order, inferred dates marked `≈` with what they
/// rest on.
pub fn timeline(corpus: &Corpus, json: bool, out: &mut dyn Write) -> io::Result<()> {
    for i in corpus.by_date() {
        let s = &corpus.sources[i];
        let row = TimelineRow {
            source: &s.id,
            date: DateFields::new(s),
            title: s.title.as_deref(),
        };
        if json {
            json_line(out, &row)?;
            continue;
        }
        let date = placed_date_text(s, " undated");
        let (title, _) = s.display_title(80);
        writeln!(out, "{date:<17}  {:<28}  {title}", s.id)?;
        if let Some(d) = &s.inferred {
            writeln!(
                out,
                "{:19}{} · confidence {:.1}",
                "",
                d.bounds(),
                d.confidence
            )?;
            for e in &d.evidence {
                writeln!(out, "{:19}{e}", "")?;
            }
        }
    }
    Ok(())
}

/// A row of `dossier timeline --events --json`.
#[derive(Serialize)]
pub struct EventRow<'a> {
    pub date: String,
    pub precision: Precision,
    pub kind: EventKind,
    pub text: &'a str,
    pub source: &'a str,
    pub line: u32,
}

/// `dossier timeline --events`: every dated event of every source, in date order.
pub fn events(corpus: &Corpus, json: bool, out: &mut dyn Write) -> io::Result<()> {
    for (si, e) in &chronology::all_events(corpus) {
        let s = &corpus.sources[*si];
        let row = EventRow {
            date: e.date(),
            precision: e.precision(),
            kind: e.kind,
            text: e.sentence_text(s),
            source: &s.id,
            line: s.paragraphs[e.paragraph as usize].line,
        };
        if json {
            json_line(out, &row)?;
        } else {
            writeln!(
                out,
                "{:<21}  {:<5}  {}:{}  {}",
                row.date,
                row.kind.name(),
                row.source,
                row.line,
                row.text
            )?;
        }
    }
    Ok(())
}

/// A paragraph in `dossier show --json`.
#[derive(Serialize)]
pub struct ParagraphRow<'a> {
    /// 1-based position among the source's paragraphs.
    pub n: usize,
    /// 1-based line of the original file.
    pub line: u32,
    /// `text`, `heading`, `list_item` or `furniture`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub furniture: Option<Furniture>,
    pub text: &'a str,
}

#[derive(Serialize)]
struct ShowRow<'a> {
    #[serde(flatten)]
    source: SourceRow<'a>,
    metadata: &'a serde_json::Map<String, serde_json::Value>,
    paragraphs: Vec<ParagraphRow<'a>>,
}

pub fn kind_name(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Text => "text",
        ParagraphKind::Heading(_) => "heading",
        ParagraphKind::ListItem => "list_item",
        ParagraphKind::Furniture(_) => "furniture",
    }
}

fn json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// ` 2024-04-04` stated, `≈2024-04` inferred, else `none`.
fn placed_date_text(s: &Source, none: &str) -> String {
    match (&s.date, &s.inferred) {
        (Some(d), _) => format!(" {}", d.stamp),
        (None, Some(d)) => format!("≈{}", d.best),
        (None, None) => none.to_string(),
    }
}

/// `dossier sources`: in date order (stated or inferred), the rest last.
pub fn sources(corpus: &Corpus, json: bool, out: &mut dyn Write) -> io::Result<()> {
    for i in corpus.by_date() {
        let s = &corpus.sources[i];
        if json {
            json_line(out, &SourceRow::new(s))?;
        } else {
            let date = placed_date_text(s, "-");
            let (title, untitled) = s.display_title(80);
            let title = if untitled {
                format!("[untitled] {title}")
            } else {
                title
            };
            writeln!(
                out,
                "{date:<16}  {:<28}  {:<20}  {title}",
                s.id,
                s.outlet.as_deref().unwrap_or("-")
            )?;
        }
    }
    Ok(())
}

/// `dossier show SOURCE`.
pub fn show(source: &Source, json: bool, out: &mut dyn Write) -> io::Result<()> {
    if json {
        let paragraphs = source
            .paragraphs_with_text()
            .enumerate()
            .map(|(i, (p, text))| ParagraphRow {
                n: i + 1,
                line: p.line,
                kind: kind_name(p.kind),
                level: match p.kind {
                    ParagraphKind::Heading(l) => Some(l),
                    _ => None,
                },
                furniture: match p.kind {
                    ParagraphKind::Furniture(f) => Some(f),
                    _ => None,
                },
                text,
            })
            .collect();
        return json_line(
            out,
            &ShowRow {
                source: SourceRow::new(source),
                metadata: &source.metadata,
                paragraphs,
            },
        );
    }
    let (title, untitled) = source.display_title(80);
    writeln!(out, "{}{title}", if untitled { "[untitled] " } else { "" })?;
    writeln!(out, "id:       {}", source.id)?;
    writeln!(out, "path:     {}", source.path)?;
    if let Some(d) = &source.date {
        let kind = match d.kind {
            DateKind::Published => "published",
            DateKind::Updated => "updated",
        };
        writeln!(out, "date:     {} ({kind}: {})", d.stamp, d.evidence)?;
    }
    for (label, value) in [("url", &source.url), ("outlet", &source.outlet)] {
        if let Some(v) = value {
            writeln!(out, "{label}:{:width$}{v}", "", width = 9 - label.len())?;
        }
    }
    if let Some(people) = source.people_line() {
        writeln!(out, "people:   {people}")?;
    }
    for (k, v) in &source.metadata {
        writeln!(
            out,
            "{k}: {}",
            v.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string())
        )?;
    }
    for w in &source.warnings {
        writeln!(out, "warning:  {w}")?;
    }
    writeln!(out, "words:    {}", source.words)?;
    for (p, text) in source.paragraphs_with_text() {
        writeln!(out)?;
        let marker = match p.kind {
            ParagraphKind::Text => String::new(),
            ParagraphKind::Heading(level) => format!("{} ", "#".repeat(level as usize)),
            ParagraphKind::ListItem => "• ".to_string(),
            ParagraphKind::Furniture(f) => format!("[{}] ", f.name()),
        };
        writeln!(out, "{:>6}  {marker}{text}", p.line)?;
    }
    Ok(())
}

/// A row of `dossier quotes --json`.
#[derive(Serialize)]
pub struct QuoteRow<'a> {
    pub source: &'a str,
    pub path: &'a str,
    /// 1-based line of the original file where the quote starts.
    pub line: u32,
    /// 1-based paragraph where the quote starts.
    pub paragraph: usize,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub kind: QuoteKind,
    pub confidence: f32,
    /// Ids of other sources that report the same words.
    pub also_in: Vec<&'a str>,
    /// Id of the earliest dated source among this one and `also_in`.
    pub earliest: Option<&'a str>,
}

/// `dossier quotes`: in source date order, then text order.
pub fn quotes(
    corpus: &Corpus,
    speaker: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let wanted = speaker.map(str::to_lowercase);
    for i in corpus.by_date() {
        let s = &corpus.sources[i];
        for q in &s.quotes {
            let speaks = |w: &String| {
                q.speaker
                    .as_ref()
                    .is_some_and(|sp| sp.to_lowercase().contains(w.as_str()))
            };
            if wanted.as_ref().is_some_and(|w| !speaks(w)) {
                continue;
            }
            let first = q.parts[0].paragraph;
            let text = q.text(s);
            let row = QuoteRow {
                source: &s.id,
                path: &s.path,
                line: s.paragraphs[first].line,
                paragraph: first + 1,
                text: &text,
                speaker: q.speaker.as_deref(),
                cue: q.cue.as_deref(),
                kind: q.kind,
                confidence: (q.confidence * 100.0).round() / 100.0,
                also_in: q
                    .also_in
                    .iter()
                    .map(|&j| corpus.sources[j].id.as_str())
                    .collect(),
                earliest: corpus
                    .earliest(i, &q.also_in)
                    .map(|j| corpus.sources[j].id.as_str()),
            };
            if json {
                json_line(out, &row)?;
            } else {
                let speaker = row.speaker.unwrap_or("(unknown)");
                let kind = if q.kind == QuoteKind::Partial {
                    " (partial)"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{speaker}{kind} — {}:{}\n    “{}”",
                    s.id, row.line, text
                )?;
            }
        }
    }
    Ok(())
}

/// One side of a shared passage.
#[derive(Serialize)]
pub struct PassageSide<'a> {
    pub source: &'a str,
    /// 1-based line of the original file where the passage starts.
    pub line: u32,
    pub text: String,
}

/// A row of `dossier compare --json`.
#[derive(Serialize)]
pub struct PassageRow<'a> {
    pub tier: Tier,
    /// Words matched one to one.
    pub tokens: usize,
    pub a: PassageSide<'a>,
    pub b: PassageSide<'a>,
}

/// `dossier compare A B`: shared passages, strongest first.
pub fn compare(
    corpus: &Corpus,
    index: &SharedIndex,
    a: usize,
    b: usize,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (sa, sb) = (&corpus.sources[a], &corpus.sources[b]);
    let (ta, tb) = (shared::tokens(sa), shared::tokens(sb));
    for p in shared::compare(&ta, &tb, index) {
        let (la, xa) = shared::passage_text(sa, &ta, p.a.clone());
        let (lb, xb) = shared::passage_text(sb, &tb, p.b.clone());
        let row = PassageRow {
            tier: p.tier,
            tokens: p.matched,
            a: PassageSide {
                source: &sa.id,
                line: la,
                text: xa,
            },
            b: PassageSide {
                source: &sb.id,
                line: lb,
                text: xb,
            },
        };
        if json {
            json_line(out, &row)?;
        } else {
            writeln!(
                out,
                "{} · {} words\n  {}:{}  {}\n  {}:{}  {}",
                p.tier.name(),
                p.matched,
                sa.id,
                la,
                row.a.text,
                sb.id,
                lb,
                row.b.text
            )?;
        }
    }
    Ok(())
}

/// A row of `dossier related --json`.
#[derive(Serialize)]
pub struct RelatedRow<'a> {
    pub source: &'a str,
    pub related: &'a str,
    pub tier: Tier,
    pub shared_tokens: usize,
    pub share_source: f32,
    pub share_related: f32,
    /// Id of the earlier of the two (the likely origin); null when either is undated or both
    /// have the same date.
    pub earlier: Option<&'a str>,
}

/// `dossier related SOURCE`: sources sharing passages with it, most related first.
pub fn related(
    corpus: &Corpus,
    index: &SharedIndex,
    source: usize,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let me = &corpus.sources[source];
    let round = |x: f32| (x * 1000.0).round() / 1000.0;
    for r in index.related(&corpus.sources, source) {
        let other = &corpus.sources[r.source];
        let earlier = match (&me.date, &other.date) {
            (Some(x), Some(y)) if x.stamp < y.stamp => Some(me.id.as_str()),
            (Some(x), Some(y)) if y.stamp < x.stamp => Some(other.id.as_str()),
            _ => None,
        };
        let row = RelatedRow {
            source: &me.id,
            related: &other.id,
            tier: r.strongest,
            shared_tokens: r.shared_tokens,
            share_source: round(r.share_source),
            share_related: round(r.share_related),
            earlier,
        };
        if json {
            json_line(out, &row)?;
        } else {
            let earlier = match earlier {
                Some(e) if e == me.id => "  · this one is earlier",
                Some(_) => "  · that one is earlier",
                None => "",
            };
            writeln!(
                out,
                "{}\n    {} · {} words · {:.1}% of this · {:.1}% of that{earlier}",
                other.id,
                r.strongest.name(),
                r.shared_tokens,
                r.share_source * 100.0,
                r.share_related * 100.0,
            )?;
        }
    }
    Ok(())
}

/// A row of `dossier find --json`.
#[derive(Serialize)]
pub struct HitRow<'a> {
    pub source: &'a str,
    pub scope: Scope,
    pub line: u32,
    pub text: &'a str,
    pub score: i64,
    /// Character positions of `text` that matched, 0-based.
    pub positions: &'a [usize],
}

/// `dossier find QUERY`: ranked hits, best first; the matched characters in bold colour when
/// `color`.
pub fn find(
    corpus: &Corpus,
    query: &str,
    scope: Scope,
    limit: Option<usize>,
    json: bool,
    color: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let index = SearchIndex::new(corpus, corpus.by_date());
    let limit = limit.unwrap_or(usize::MAX);
    let Some(matches) = search::filter(&index, corpus, query, scope, None, limit, &|| false) else {
        return Ok(());
    };
    for hit in search::hits(&index, corpus, &matches, limit, limit) {
        let source = &corpus.sources[hit.source];
        let line = hit.line(corpus);
        if json {
            let row = HitRow {
                source: &source.id,
                scope,
                line,
                text: &hit.text,
                score: hit.score,
                positions: &hit.positions,
            };
            serde_json::to_writer(&mut *out, &row)?;
            writeln!(out)?;
        } else {
            let text = if color {
                highlight(&hit.text, &hit.positions)
            } else {
                hit.text.clone()
            };
            writeln!(out, "{}:{line}\t{text}", source.id)?;
        }
    }
    Ok(())
}

/// `text` with the characters at `positions` in bold yellow (ANSI).
fn highlight(text: &str, positions: &[usize]) -> String {
    search::matched_runs(text, positions)
        .into_iter()
        .map(|(run, matched)| {
            if matched {
                format!("\x1b[1;33m{run}\x1b[0m")
            } else {
                run.to_string()
            }
        })
        .collect()
}
