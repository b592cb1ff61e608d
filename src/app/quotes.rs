//! The quotes view (every quote of the corpus, sorted and narrowed to a speaker) and the
//! speakers list.

use super::list::ListCursor;
use crate::model::{Corpus, QuoteRef, SpeakerCount};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QuoteSort {
    /// By the source's date, then in text order.
    #[default]
    Date,
    /// By speaker, unattributed last; then by date.
    Speaker,
    /// By source id, then in text order.
    Source,
}

impl QuoteSort {
    fn next(self) -> QuoteSort {
        match self {
            QuoteSort::Date => QuoteSort::Speaker,
            QuoteSort::Speaker => QuoteSort::Source,
            QuoteSort::Source => QuoteSort::Date,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            QuoteSort::Date => "by date",
            QuoteSort::Speaker => "by speaker",
            QuoteSort::Source => "by source",
        }
    }
}

#[derive(Debug, Default)]
pub struct QuoteList {
    /// Every quote, in the corpus's order.
    all: Vec<QuoteRef>,
    /// Each source's position in date order, for sorting by date.
    date_rank: Vec<u32>,
    /// The quotes shown, in the chosen order.
    pub rows: Vec<QuoteRef>,
    pub sort: QuoteSort,
    /// Narrowed to one speaker (`Some(None)`: the unattributed quotes).
    pub speaker: Option<Option<String>>,
    pub list: ListCursor,
}

impl QuoteList {
    /// The quotes of `corpus`, whose sources in date order are `date_order`.
    pub fn new(corpus: &Corpus, date_order: &[usize]) -> QuoteList {
        let mut date_rank = vec![0; corpus.sources.len()];
        for (rank, &i) in date_order.iter().enumerate() {
            date_rank[i] = rank as u32;
        }
        let mut quotes = QuoteList {
            all: corpus.quote_refs(),
            date_rank,
            ..QuoteList::default()
        };
        quotes.arrange(corpus);
        quotes
    }

    /// The sources were placed anew in time (`date_order`): sort by it.
    pub fn redate(&mut self, corpus: &Corpus, date_order: &[usize]) {
        for (rank, &i) in date_order.iter().enumerate() {
            self.date_rank[i] = rank as u32;
        }
        self.arrange(corpus);
    }

    pub fn selected(&self) -> Option<QuoteRef> {
        self.rows.get(self.list.selected).copied()
    }

    /// Sort in the next order, keeping the selected quote selected.
    pub fn cycle_sort(&mut self, corpus: &Corpus) {
        self.sort = self.sort.next();
        self.arrange(corpus);
    }

    /// Narrow to `speaker` (`None`: every speaker; `Some(None)`: the unattributed quotes).
    pub fn narrow(&mut self, speaker: Option<Option<String>>, corpus: &Corpus) {
        self.speaker = speaker;
        self.arrange(corpus);
    }

    /// Filter and sort the rows; the selection follows its quote when it is still shown.
    fn arrange(&mut self, corpus: &Corpus) {
        let keep = self.selected();
        let speaker_of = |r: &QuoteRef| corpus.quote(*r).1.speaker.as_deref();
        let mut rows: Vec<QuoteRef> = match &self.speaker {
            None => self.all.clone(),
            Some(wanted) => self
                .all
                .iter()
                .filter(|r| speaker_of(r) == wanted.as_deref())
                .copied()
                .collect(),
        };
        let by_date = |r: &QuoteRef| (self.date_rank[r.source as usize], r.quote);
        match self.sort {
            QuoteSort::Date => rows.sort_unstable_by_key(by_date),
            QuoteSort::Speaker => rows.sort_by(|a, b| {
                let (sa, sb) = (speaker_of(a), speaker_of(b));
                sa.is_none()
                    .cmp(&sb.is_none())
                    .then_with(|| sa.cmp(&sb))
                    .then_with(|| by_date(a).cmp(&by_date(b)))
            }),
            QuoteSort::Source => rows.sort_by(|a, b| {
                let id = |r: &QuoteRef| corpus.sources[r.source as usize].id.as_str();
                id(a).cmp(id(b)).then(a.quote.cmp(&b.quote))
            }),
        }
        self.rows = rows;
        let position = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        self.list.offset = 0;
        self.list.select(position, self.rows.len());
    }
}

#[derive(Debug, Default)]
pub struct SpeakerList {
    pub rows: Vec<SpeakerCount>,
    /// Alphabetical instead of most quoted first.
    pub by_name: bool,
    pub list: ListCursor,
}

impl SpeakerList {
    pub fn new(corpus: &Corpus, date_order: &[usize]) -> SpeakerList {
        SpeakerList {
            rows: corpus.speakers(date_order),
            ..SpeakerList::default()
        }
    }

    pub fn selected(&self) -> Option<&SpeakerCount> {
        self.rows.get(self.list.selected)
    }

    pub fn order_name(&self) -> &'static str {
        if self.by_name {
            "by name"
        } else {
            "most quoted first"
        }
    }

    /// Flip between most quoted first and alphabetical, keeping the selected speaker.
    pub fn flip_sort(&mut self) {
        let keep = self.selected().map(|s| s.name.clone());
        self.by_name = !self.by_name;
        self.rows.sort_by(if self.by_name {
            SpeakerCount::by_name
        } else {
            SpeakerCount::most_quoted_first
        });
        let position = keep
            .and_then(|k| self.rows.iter().position(|s| s.name == k))
            .unwrap_or(0);
        self.list.select(position, self.rows.len());
    }
}
