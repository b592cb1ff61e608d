//! The fuzzy filter over the panes: a prompt, a scope, ranked hits. Filtering itself runs in
//! a [`FilterWorker`], which the runtime keeps on its own thread so that typing never waits.

use super::list::ListCursor;
use crate::model::Corpus;
use crate::model::search::{self, Hit, Matches, Scope, SearchIndex};

/// Hits kept per query; the list scrolls through them.
pub const HITS_KEPT: usize = 500;
/// Hits given their match positions (the rows a screen shows).
pub const HITS_WITH_POSITIONS: usize = 120;
/// Queries remembered.
const HISTORY: usize = 100;

/// A query to filter, numbered so that an older answer is never shown over a newer one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterRequest {
    pub generation: u64,
    pub scope: Scope,
    pub query: String,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterResult {
    pub generation: u64,
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// The filtering side: the prepared items and the last matches (to narrow from).
#[derive(Debug)]
pub struct FilterWorker {
    index: SearchIndex,
    previous: Option<Matches>,
}

impl FilterWorker {
    pub fn new(corpus: &Corpus) -> FilterWorker {
        FilterWorker {
            index: SearchIndex::new(corpus, corpus.by_date()),
            previous: None,
        }
    }

    /// Filter; `None` when `cancelled` says a newer request has come.
    pub fn run(
        &mut self,
        corpus: &Corpus,
        request: &FilterRequest,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<FilterResult> {
        let matches = search::filter(
            &self.index,
            corpus,
            &request.query,
            request.scope,
            self.previous.as_ref(),
            HITS_KEPT,
            cancelled,
        )?;
        let hits = search::hits(
            &self.index,
            corpus,
            &matches,
            HITS_KEPT,
            HITS_WITH_POSITIONS,
        );
        let total = matches.total;
        self.previous = Some(matches);
        Some(FilterResult {
            generation: request.generation,
            hits,
            total,
        })
    }
}

#[derive(Debug, Default)]
pub struct Finder {
    pub scope: Scope,
    pub text: String,
    pub hits: Vec<Hit>,
    /// Matches in all, beyond the hits kept.
    pub total: usize,
    pub list: ListCursor,
    /// The generation of the last request, and whether its answer is still to come.
    generation: u64,
    pub pending: bool,
    /// Where in the history Ctrl-p has gone back to.
    history_at: Option<usize>,
}

impl Finder {
    pub fn new(scope: Scope, generation: u64) -> Finder {
        Finder {
            scope,
            generation,
            ..Finder::default()
        }
    }

    /// A request for the current text; a scope typed at its start (`quotes:`) switches to it.
    pub fn request(&mut self) -> FilterRequest {
        for scope in Scope::ALL {
            let prefix = format!("{}:", scope.name());
            if let Some(rest) = self.text.strip_prefix(&prefix)
                && (rest.is_empty() || rest.starts_with(' '))
            {
                self.scope = scope;
                self.text = rest.to_string();
            }
        }
        // Leading spaces mean nothing (terms are split on them): `quotes: nato` is `nato`.
        if self.text.starts_with(' ') {
            self.text = self.text.trim_start().to_string();
        }
        self.generation += 1;
        self.pending = true;
        FilterRequest {
            generation: self.generation,
            scope: self.scope,
            query: self.text.clone(),
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Take the worker's answer, unless a newer request has been made since.
    pub fn receive(&mut self, result: FilterResult) {
        if result.generation != self.generation {
            return;
        }
        self.pending = false;
        self.hits = result.hits;
        self.total = result.total;
        self.list.select(0, self.hits.len());
    }

    pub fn next_scope(&mut self) {
        let at = Scope::ALL
            .iter()
            .position(|&s| s == self.scope)
            .unwrap_or(0);
        self.scope = Scope::ALL[(at + 1) % Scope::ALL.len()];
    }

    /// Step back (or forward) through `history`, newest first.
    pub fn recall(&mut self, history: &[String], back: bool) {
        if history.is_empty() {
            return;
        }
        let at = match (self.history_at, back) {
            (None, true) => Some(history.len() - 1),
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < history.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        self.history_at = at;
        self.text = at.map_or_else(String::new, |i| history[i].clone());
    }

    pub fn selected(&self) -> Option<&Hit> {
        self.hits.get(self.list.selected)
    }
}

/// Remember `query` (most recent last, no repeats, bounded).
pub fn remember(history: &mut Vec<String>, query: &str) {
    if query.trim().is_empty() {
        return;
    }
    history.retain(|q| q != query);
    history.push(query.to_string());
    if history.len() > HISTORY {
        history.remove(0);
    }
}
