//! The sources and everything derived from their text. Pure: no terminal, no file system,
//! no clock.

pub mod chronology;
pub mod date;
pub mod events;
pub mod front_matter;
pub mod furniture;
pub mod ingest;
pub mod markup;
pub mod nearest_dated;
pub mod quotes;
pub mod sanitize;
pub mod search;
pub mod shared;
pub mod source;
pub mod words;

pub use source::{Furniture, Paragraph, ParagraphKind, Person, PersonRole, Source};

use std::collections::HashMap;

use nearest_dated::NearestDated;

/// The least share of a source's words that the passages it shares with a dated source must
/// cover for that source's date to place it. Below it, what is shared is mostly an
/// organisation's standard paragraphs and stock phrases, used over many years: on scoop-nz
/// (each release's date hidden, `examples/date_accuracy.rs`), counting every strong passage
/// put the right year at 33.4%, against 50.1% without passages; with 0.1, 0.2 or 0.3 of the
/// source, 50.8%, 50.8% and 50.7%.
const COPIED_SHARE: f32 = 0.1;

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// Quote `quote` of source `source`: a quote of the corpus in eight bytes, so that the quote
/// lists of a large corpus stay small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QuoteRef {
    pub source: u32,
    pub quote: u32,
}

/// A speaker (`None`: the quotes no speaker was found for) and how often they are quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerCount {
    pub name: Option<String>,
    pub quotes: usize,
    pub sources: usize,
    /// Their quote in the earliest source.
    pub first: QuoteRef,
}

impl SpeakerCount {
    /// Most quoted first, then by name; the unattributed last.
    pub fn most_quoted_first(a: &SpeakerCount, b: &SpeakerCount) -> std::cmp::Ordering {
        a.name
            .is_none()
            .cmp(&b.name.is_none())
            .then(b.quotes.cmp(&a.quotes))
            .then_with(|| a.name.cmp(&b.name))
    }

    /// Alphabetical, ignoring case; the unattributed last.
    pub fn by_name(a: &SpeakerCount, b: &SpeakerCount) -> std::cmp::Ordering {
        let key = |s: &SpeakerCount| s.name.as_deref().map(str::to_lowercase);
        a.name
            .is_none()
            .cmp(&b.name.is_none())
            .then_with(|| key(a).cmp(&key(b)))
    }
}

/// The inferred dates of undated sources, by source index.
pub type Placements = Vec<(usize, Option<chronology::InferredDate>)>;

/// Everything that was opened.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
    /// Files in the folders that are not `.txt`, `.md` or `.markdown`.
    pub ignored: usize,
}

/// Why a SOURCE argument selects no single source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("no source matches `{query}`{}", list_candidates(.candidates))]
    NotFound {
        query: String,
        candidates: Vec<String>,
    },
    #[error("`{query}` matches {} sources:{}", .candidates.len(), list_candidates(.candidates))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

fn list_candidates(candidates: &[String]) -> String {
    if candidates.is_empty() {
        return String::new();
    }
    let shown: Vec<&str> = candidates.iter().take(20).map(String::as_str).collect();
    let more = candidates.len().saturating_sub(shown.len());
    let mut out = format!("; candidates:\n  {}", shown.join("\n  "));
    if more > 0 {
        out.push_str(&format!("\n  ... and {more} more"));
    }
    out
}

impl Corpus {
    /// Build a corpus, making ids unique (`id`, `id~2`, ...) in load order.
    pub fn new(mut sources: Vec<Source>, skipped: Vec<Skipped>, ignored: usize) -> Corpus {
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(sources.len());
        for source in &mut sources {
            let count = seen.entry(source.id.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                let mut n = *count;
                let mut id = format!("{}~{n}", source.id);
                while seen.contains_key(&id) {
                    n += 1;
                    id = format!("{}~{n}", source.id);
                }
                seen.insert(id.clone(), 1);
                source.id = id;
            }
        }
        Corpus {
            sources,
            skipped,
            ignored,
        }
    }

    /// The source an id, a path, or a unique id prefix selects. A prefix of the last path component
    /// also counts (`000` selects `000_c913cf1023a538cf`, `2024-01-26` selects
    /// `student-volunteer-army/2024-01-26_anniversary...`).
    pub fn resolve(&self, query: &str) -> Result<usize, ResolveError> {
        if let Some(i) = self
            .sources
            .iter()
            .position(|s| s.id == query || s.path == query)
        {
            return Ok(i);
        }
        let by_id: Vec<usize> = self.matching(|id| id.starts_with(query));
        let hits = if by_id.is_empty() {
            self.matching(|id| {
                id.rsplit('/')
                    .next()
                    .is_some_and(|name| name.starts_with(query))
            })
        } else {
            by_id
        };
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => {
                let lower = query.to_lowercase();
                let near = self.matching(|id| id.to_lowercase().contains(&lower));
                Err(ResolveError::NotFound {
                    query: query.to_string(),
                    candidates: self.ids(&near),
                })
            }
            many => Err(ResolveError::Ambiguous {
                query: query.to_string(),
                candidates: self.ids(many),
            }),
        }
    }

    fn matching(&self, pred: impl Fn(&str) -> bool) -> Vec<usize> {
        (0..self.sources.len())
            .filter(|&i| pred(&self.sources[i].id))
            .collect()
    }

    fn ids(&self, indices: &[usize]) -> Vec<String> {
        indices
            .iter()
            .map(|&i| self.sources[i].id.clone())
            .collect()
    }

    /// Find the quotations of every source (in parallel) and link the ones several sources
    /// report. Done on demand: listing sources does not pay for it.
    pub fn find_quotes(&mut self) {
        use rayon::prelude::*;
        let words: Vec<Vec<Vec<u64>>> = self
            .sources
            .par_iter_mut()
            .map(|s| {
                s.quotes = quotes::extract(s);
                quotes::quote_words(s)
            })
            .collect();
        quotes::link_across(&mut self.sources, &words);
    }

    /// A corpus of plain texts, ids `s0`, `s1`, ...: what unit tests build on.
    #[cfg(test)]
    pub(crate) fn of_plain_texts(texts: &[&str]) -> Corpus {
        let sources = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                ingest::ingest(ingest::Document {
                    id: format!("s{i}"),
                    path: format!("s{i}.txt"),
                    text: t,
                    format: ingest::Format::Plain,
                    warnings: vec![],
                })
            })
            .collect();
        Corpus::new(sources, vec![], 0)
    }

    /// Infer the dates of the undated sources (in parallel) from their text and, with
    /// `shared`, from the passages they share with dated sources.
    pub fn place_in_time(&mut self, shared: Option<&shared::SharedIndex>) {
        let placed = self.place_undated(shared);
        self.apply_placements(placed);
    }

    /// The inferred dates of the undated sources, without changing them: what the explorer's
    /// worker hands over once the shared-passage index exists. With `shared`, the dated
    /// sources are also indexed by their words, so that the nearest of them vote on each
    /// undated source's year ([`NearestDated`]). Both indexes take a moment, so the first
    /// placing, before the explorer's first frame, goes without them.
    pub fn place_undated(&self, shared: Option<&shared::SharedIndex>) -> Placements {
        use rayon::prelude::*;
        let undated = self.sources.iter().any(|s| s.date.is_none());
        let nearest = (shared.is_some() && undated)
            .then(|| NearestDated::build(&self.sources))
            .flatten();
        (0..self.sources.len())
            .into_par_iter()
            .filter(|&i| self.sources[i].date.is_none())
            .map(|i| {
                let source = &self.sources[i];
                let copies = shared.map_or_else(Vec::new, |index| self.copies(index, i));
                let years = nearest.as_ref().and_then(|w| w.votes(source, None));
                (i, chronology::place(source, &copies, years.as_ref()))
            })
            .collect()
    }

    pub fn apply_placements(&mut self, placed: Placements) {
        for (i, inferred) in placed {
            self.sources[i].inferred = inferred;
        }
    }

    /// The strong passages source `source` shares with dated sources (its own date, if it
    /// has one, is not read: what `examples/date_accuracy.rs` relies on).
    pub fn copies(
        &self,
        index: &shared::SharedIndex,
        source: usize,
    ) -> Vec<chronology::DatedPassage> {
        let me = &self.sources[source];
        let tokens = shared::tokens(me);
        index
            .related(&self.sources, source)
            .into_iter()
            .filter(|r| r.strongest.is_strong())
            .filter_map(|r| {
                let other = &self.sources[r.source];
                let direction = chronology::direction(me, other)?;
                if direction == chronology::Direction::Unknown && r.share_source < COPIED_SHARE {
                    return None;
                }
                let passage = r.passages.first()?;
                Some(chronology::DatedPassage {
                    other: other.id.clone(),
                    date: other.date.as_ref()?.stamp,
                    direction,
                    text: shared::passage_text(me, &tokens, passage.a.clone()).1,
                })
            })
            .collect()
    }

    /// Every quote of the corpus, source by source in text order.
    pub fn quote_refs(&self) -> Vec<QuoteRef> {
        self.sources
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                (0..s.quotes.len()).map(move |qi| QuoteRef {
                    source: si as u32,
                    quote: qi as u32,
                })
            })
            .collect()
    }

    pub fn quote(&self, r: QuoteRef) -> (&Source, &quotes::Quote) {
        let source = &self.sources[r.source as usize];
        (source, &source.quotes[r.quote as usize])
    }

    /// Each speaker with their number of quotes and of sources, most quoted first (then by
    /// name); the unattributed quotes last, as a speaker of their own.
    /// `date_order` is [`Corpus::by_date`], which the caller has already sorted.
    pub fn speakers(&self, date_order: &[usize]) -> Vec<SpeakerCount> {
        // Each speaker's count, and the last source counted for them.
        let mut by_name: HashMap<Option<&str>, (SpeakerCount, usize)> = HashMap::new();
        for &si in date_order {
            let s = &self.sources[si];
            for (qi, q) in s.quotes.iter().enumerate() {
                let name = q.speaker.as_deref();
                let here = QuoteRef {
                    source: si as u32,
                    quote: qi as u32,
                };
                let (entry, last) = by_name.entry(name).or_insert_with(|| {
                    let count = SpeakerCount {
                        name: name.map(str::to_string),
                        quotes: 0,
                        sources: 0,
                        first: here,
                    };
                    (count, usize::MAX)
                });
                entry.quotes += 1;
                if *last != si {
                    entry.sources += 1;
                    *last = si;
                }
            }
        }
        let mut out: Vec<SpeakerCount> = by_name.into_values().map(|(c, _)| c).collect();
        out.sort_by(SpeakerCount::most_quoted_first);
        out
    }

    /// The earliest dated source among `source` and `others`; `None` when none is dated.
    pub fn earliest(&self, source: usize, others: &[usize]) -> Option<usize> {
        std::iter::once(source)
            .chain(others.iter().copied())
            .filter_map(|i| self.sources[i].date.as_ref().map(|d| (d.stamp, i)))
            .min()
            .map(|(_, i)| i)
    }

    /// Source indices in date order (oldest first); undated sources last, by id.
    pub fn by_date(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.sources.len()).collect();
        order.sort_by(|&a, &b| {
            let (sa, sb) = (&self.sources[a], &self.sources[b]);
            let key = Source::placed_date;
            match (key(sa), key(sb)) {
                (Some(x), Some(y)) => x.cmp(&y).then_with(|| sa.id.cmp(&sb.id)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => sa.id.cmp(&sb.id),
            }
        });
        order
    }
}

#[cfg(test)]
mod tests {
    use super::ingest::{Document, Format, ingest};
    use super::*;

    fn corpus(ids: &[&str]) -> Corpus {
        let sources = ids
            .iter()
            .map(|id| {
                ingest(Document {
                    id: id.to_string(),
                    path: id.to_string(),
                    text: "x",
                    format: Format::Plain,
                    warnings: vec![],
                })
            })
            .collect();
        Corpus::new(sources, vec![], 0)
    }

    #[test]
    fn colliding_ids_are_made_unique() {
        let c = corpus(&["a", "a", "a~2", "b"]);
        let ids: Vec<_> = c.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "a~2", "a~2~2", "b"]);
    }

    #[test]
    fn prefixes_resolve_and_ambiguity_lists_candidates() {
        let c = corpus(&["000_c913", "001_508e", "dir/2024-01_x", "dir/2024-02_y"]);
        assert_eq!(c.resolve("000"), Ok(0));
        assert_eq!(c.resolve("001_508e"), Ok(1));
        assert_eq!(c.resolve("2024-02"), Ok(3));
        let Err(ResolveError::Ambiguous { candidates, .. }) = c.resolve("00") else {
            panic!()
        };
        assert_eq!(candidates, vec!["000_c913", "001_508e"]);
        let err = c.resolve("2024").unwrap_err().to_string();
        assert!(
            err.contains("matches 2 sources") && err.contains("dir/2024-01_x"),
            "{err}"
        );
        assert!(matches!(
            c.resolve("zzz"),
            Err(ResolveError::NotFound { .. })
        ));
    }
}
