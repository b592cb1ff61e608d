//! The explorer's state and `update(state, action) -> effects`. No drawing, no I/O: the
//! runtime (`tui`) turns input into actions and carries out the effects.

pub mod action;
pub mod compare;
pub mod events;
pub mod finder;
pub mod layout;
pub mod list;
pub mod quotes;
pub mod reader;

pub use action::{Action, Effect};

use std::sync::Arc;

use crate::model::search::{Hit, Target};
use crate::model::shared::{Related, SharedIndex};
use crate::model::{Corpus, Placements, QuoteRef, Source};
use compare::Comparison;
use events::EventList;
use finder::{FilterResult, Finder};
use layout::{Area, Panes};
use list::ListCursor;
use quotes::{QuoteList, SpeakerList};
use reader::Reader;

/// The two panes: the list on the left (whichever view it shows) and the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
}

/// What the list pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The sources in date order.
    Timeline,
    /// Every quote of the corpus.
    Quotes,
    /// Everyone quoted, with their number of quotes.
    Speakers,
    /// The timeline's second mode: every dated event the sources tell.
    Events,
}

impl View {
    pub const ALL: [View; 4] = [View::Timeline, View::Quotes, View::Speakers, View::Events];

    pub fn name(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Quotes => "Quotes",
            View::Speakers => "Speakers",
            View::Events => "Events",
        }
    }
}

/// A box over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Skipped {
        scroll: usize,
    },
    /// The sources related to `App::related_to`, to pick one to compare with.
    Related {
        selected: usize,
    },
}

/// Where keys go: the keymap picks its table by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The fuzzy filter over the panes.
    Finder,
    /// Typing a search.
    Prompt,
    Overlay,
    /// The list pane, showing a view.
    List(View),
    Reader,
    /// Two sources side by side.
    Compare,
}

/// The list of sources in date order.
#[derive(Debug, Default)]
pub struct Timeline {
    /// Source indices in display order: dated sources by date, undated after them.
    pub order: Vec<usize>,
    pub newest_first: bool,
    /// Positions in `order`.
    pub list: ListCursor,
}

impl Timeline {
    pub fn order_name(&self) -> &'static str {
        if self.newest_first {
            "newest first"
        } else {
            "oldest first"
        }
    }
}

/// A search being typed, with what to restore if it is cancelled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    previous: Option<String>,
}

#[derive(Debug)]
pub struct App {
    /// Shared with the worker that builds the shared-passage index.
    pub corpus: Arc<Corpus>,
    /// Which sources share passages; built on a worker after the first frame, so `None`
    /// until then.
    pub shared: Option<SharedIndex>,
    pub comparison: Option<Comparison>,
    /// The source whose related sources the picker lists, and those sources.
    pub related_to: Option<usize>,
    pub related: Vec<Related>,
    pub finder: Option<Finder>,
    /// Queries typed into the finder, oldest first.
    pub finder_history: Vec<String>,
    /// The finder's last request number, kept across openings.
    finder_generation: u64,
    pub view: View,
    pub timeline: Timeline,
    pub quotes: QuoteList,
    pub speakers: SpeakerList,
    /// Found the first time the events view opens: only it needs every event.
    pub events: Option<EventList>,
    pub reader: Reader,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    pub prompt: Option<Prompt>,
    /// A transient message for the status line ("copied citation").
    pub message: Option<String>,
    pub panes: Panes,
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    /// The explorer over `corpus`; finds its quotes and dates the undated sources from their
    /// text (the passages they share with dated sources refine it later, see
    /// [`App::set_shared_index`]; events are found when their view first opens).
    pub fn new(mut corpus: Corpus) -> App {
        corpus.find_quotes();
        corpus.place_in_time(None);
        // Sorted once: the timeline, the quotes by date and each speaker's first quote use it.
        let order = corpus.by_date();
        let mut app = App {
            view: View::Timeline,
            quotes: QuoteList::new(&corpus, &order),
            speakers: SpeakerList::new(&corpus, &order),
            events: None,
            timeline: Timeline {
                order,
                ..Timeline::default()
            },
            corpus: Arc::new(corpus),
            shared: None,
            comparison: None,
            related_to: None,
            related: Vec::new(),
            finder: None,
            finder_history: Vec::new(),
            finder_generation: 0,
            reader: Reader::default(),
            focus: Pane::List,
            overlay: None,
            prompt: None,
            message: None,
            panes: Panes::default(),
            size: (0, 0),
            quit: false,
        };
        app.preview_selected();
        app
    }

    pub fn mode(&self) -> Mode {
        if self.finder.is_some() {
            Mode::Finder
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if self.overlay.is_some() {
            Mode::Overlay
        } else if self.comparison.is_some() {
            Mode::Compare
        } else {
            match self.focus {
                Pane::List => Mode::List(self.view),
                Pane::Reader => Mode::Reader,
            }
        }
    }

    /// The source selected in the timeline.
    pub fn selected_source(&self) -> Option<usize> {
        self.timeline
            .order
            .get(self.timeline.list.selected)
            .copied()
    }

    /// The quote the list points at: the selected one in the quotes view, the selected
    /// speaker's first in the speakers view.
    pub fn selected_quote(&self) -> Option<QuoteRef> {
        match self.view {
            View::Timeline | View::Events => None,
            View::Quotes => self.quotes.selected(),
            View::Speakers => self.speakers.selected().map(|s| s.first),
        }
    }

    /// The list the list pane shows, and its length.
    fn list(&mut self) -> (&mut ListCursor, usize) {
        match self.view {
            View::Timeline => (&mut self.timeline.list, self.timeline.order.len()),
            View::Quotes => (&mut self.quotes.list, self.quotes.rows.len()),
            View::Speakers => (&mut self.speakers.list, self.speakers.rows.len()),
            View::Events => {
                let corpus = &self.corpus;
                let rows = self.panes.list.map_or(0, |a| a.inner().height as usize);
                let events = self.events.get_or_insert_with(|| {
                    let mut events = EventList::new(corpus);
                    events.list.height = rows;
                    events
                });
                (&mut events.list, events.rows.len())
            }
        }
    }

    /// The source open in the reader.
    pub fn open_source(&self) -> Option<&Source> {
        self.reader.source.map(|i| &self.corpus.sources[i])
    }

    /// Show what the list selects in the reader: the source, or the quote scrolled into view.
    fn preview_selected(&mut self) {
        if self.view == View::Events {
            return self.preview_event();
        }
        let (source, quote) = match self.selected_quote() {
            Some(q) => (Some(q.source as usize), Some(q.quote as usize)),
            None if self.view == View::Timeline => (self.selected_source(), None),
            None => (None, None),
        };
        let Some(i) = source else { return };
        if self.reader.source != Some(i) {
            self.reader.open(i, &self.corpus);
            self.mark_elsewhere();
        }
        let source = &self.corpus.sources[i];
        match quote {
            Some(q) if self.reader.focused_quote != Some(q) => self.reader.show_quote(q, source),
            _ => self.reader.relayout(source),
        }
    }

    /// Show the selected event's sentence, highlighted in its (first) source.
    fn preview_event(&mut self) {
        let Some(events) = &self.events else { return };
        let Some((si, e)) = events.selected().map(|g| events.first(g)) else {
            return;
        };
        let (paragraph, range) = (
            e.paragraph as usize,
            e.sentence.start as usize..e.sentence.end as usize,
        );
        if self.reader.source != Some(si) {
            self.reader.open(si, &self.corpus);
            self.mark_elsewhere();
        }
        self.with_reader(|r, s| r.highlight(paragraph, range, s));
    }

    /// Mark in the reader what other sources share of its source (once the index exists).
    fn mark_elsewhere(&mut self) {
        if let (Some(index), Some(i)) = (&self.shared, self.reader.source) {
            let spans = compare::elsewhere(index, &self.corpus.sources, i);
            self.reader.set_shared(spans);
            self.with_reader(|r, s| r.relayout(s));
        }
    }

    /// The shared-passage index is ready: comparisons can open, the reader marks passages;
    /// and, with `placed` (the undated sources dated again with the passages they share, see
    /// [`Corpus::place_undated`]), the timeline places them anew.
    pub fn set_shared_index(&mut self, index: SharedIndex, placed: Option<Placements>) {
        self.shared = Some(index);
        // Only while no worker holds the corpus: the workers start after this for a corpus
        // with undated sources.
        if let Some(placed) = placed
            && let Some(corpus) = Arc::get_mut(&mut self.corpus)
        {
            corpus.apply_placements(placed);
            let keep = self.selected_source();
            self.arrange_timeline(keep);
            let order = self.corpus.by_date();
            self.quotes.redate(&self.corpus, &order);
            // The events list keeps its place: inferred years rarely move an event far.
            if let Some(old) = &self.events {
                let cursor = old.list;
                let mut events = EventList::new(&self.corpus);
                events.list = cursor;
                let at = events.event_position(cursor.selected, true);
                events.list.select(at, events.rows.len());
                self.events = Some(events);
            }
            // The open source's header may now show a new inferred date.
            self.reader.rebuild(&self.corpus);
            self.preview_selected();
        }
        self.mark_elsewhere();
    }

    /// Move the list's selection to `position` (clamped) and keep it in view.
    fn select(&mut self, position: usize) {
        self.select_toward(position, true);
    }

    /// Select `position`, or in the events list the nearest event past a year heading in the
    /// direction of travel.
    fn select_toward(&mut self, position: usize, down: bool) {
        let position = match &self.events {
            Some(events) if self.view == View::Events => events.event_position(position, down),
            _ => position,
        };
        let (list, len) = self.list();
        list.select(position, len);
        self.preview_selected();
    }

    fn move_selection(&mut self, delta: isize) {
        let to = self.list().0.selected.saturating_add_signed(delta);
        self.select_toward(to, delta >= 0);
    }

    /// Show `view` in the list pane and focus it.
    fn show_view(&mut self, view: View) {
        self.comparison = None;
        self.view = view;
        self.set_focus(Pane::List);
        let at = self.list().0.selected;
        self.select(at);
    }

    /// Rows a motion moves the focused pane: a line, a page or half a page of its height;
    /// `None` for actions that are not motions.
    fn motion_rows(&self, action: &Action) -> Option<isize> {
        let page = match (&self.comparison, self.focus) {
            (Some(c), _) => c.sides[c.focus].height,
            (None, Pane::List) => self.timeline.list.height,
            (None, Pane::Reader) => self.reader.height,
        }
        .max(1) as isize;
        let half = (page / 2).max(1);
        Some(match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => half,
            Action::HalfPageUp => -half,
            _ => return None,
        })
    }

    /// Run `f` on the reader with the open source, if any.
    fn with_reader(&mut self, f: impl FnOnce(&mut Reader, &Source)) {
        if let Some(i) = self.reader.source {
            f(&mut self.reader, &self.corpus.sources[i]);
        }
    }

    fn scroll_reader(&mut self, delta: isize) {
        self.with_reader(|r, s| {
            if delta >= 0 {
                r.scroll_down(delta.unsigned_abs(), s)
            } else {
                r.scroll_up(delta.unsigned_abs(), s)
            }
        });
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.layout();
    }

    /// Recompute pane areas (they depend on the focus when only one pane fits).
    fn layout(&mut self) {
        let (width, height) = self.size;
        self.panes = layout::panes(width, height, self.focus, self.comparison.is_some());
        if let Some(f) = &mut self.finder {
            f.list.height = layout::finder(width, height).hits.height as usize;
            f.list.select(f.list.selected, f.hits.len());
        }
        if let (Some(c), Some(areas)) = (&mut self.comparison, self.panes.sides) {
            let sizes = [0, 1].map(|side| {
                let inner = areas[side].inner();
                let gutter = c.sides[side].gutter + 1;
                (
                    (inner.width as usize).saturating_sub(gutter).max(1),
                    inner.height as usize,
                )
            });
            c.set_size(sizes, &self.corpus);
        }
        let list_rows = self.panes.list.map_or(0, |a| a.inner().height as usize);
        for list in [
            &mut self.timeline.list,
            &mut self.quotes.list,
            &mut self.speakers.list,
        ]
        .into_iter()
        .chain(self.events.as_mut().map(|e| &mut e.list))
        {
            list.height = list_rows;
        }
        let reader = self.panes.reader.unwrap_or_else(|| {
            // A narrow terminal hides the reader; keep its size as if it were full width.
            Area {
                width,
                height: height.saturating_sub(1),
                ..Area::default()
            }
        });
        let inner = reader.inner();
        let text_width = (inner.width as usize).saturating_sub(self.reader.gutter + 1);
        self.reader
            .set_size(text_width.max(1), inner.height as usize);
        let selected = self.list().0.selected;
        self.select(selected);
        self.with_reader(|r, s| r.relayout(s));
    }

    fn set_focus(&mut self, pane: Pane) {
        if self.focus != pane {
            self.focus = pane;
            self.layout();
        }
    }

    /// The source the copy, open and compare keys act on: the focused side of a comparison,
    /// the selected one in the timeline, else the one open in the reader.
    fn acted_index(&self) -> Option<usize> {
        match (&self.comparison, self.focus, self.view) {
            (Some(c), ..) => Some(c.sources()[c.focus]),
            (None, Pane::List, View::Timeline) => self.selected_source(),
            _ => self.reader.source,
        }
    }

    fn acted_source(&self) -> Option<&Source> {
        self.acted_index().map(|i| &self.corpus.sources[i])
    }

    /// Open the acted source beside another: the one sharing the passage at the reader's
    /// cursor, else the most related; with `pick`, list the related sources to choose from.
    fn compare(&mut self, pick: bool) {
        let Some(source) = self.acted_index() else {
            self.message = Some("no source selected".to_string());
            return;
        };
        let Some(index) = &self.shared else {
            self.message =
                Some("still finding the passages sources share; try again in a moment".to_string());
            return;
        };
        let related = index.related(&self.corpus.sources, source);
        let Some(most) = related.first() else {
            self.message = Some(format!(
                "{} shares no passage with another source",
                self.corpus.sources[source].id
            ));
            return;
        };
        if pick {
            self.related_to = Some(source);
            self.related = related;
            self.overlay = Some(Overlay::Related { selected: 0 });
            return;
        }
        let at_cursor = (self.comparison.is_none() && self.focus == Pane::Reader)
            .then_some(self.reader.cursor)
            .flatten()
            .and_then(|item| self.reader.shared_on(item).next())
            .map(|s| s.other);
        let other = at_cursor.unwrap_or(most.source);
        self.open_comparison(source, other);
    }

    fn open_comparison(&mut self, a: usize, b: usize) {
        let Some(index) = &self.shared else { return };
        let comparison = Comparison::new(&self.corpus, index, a, b, self.reader.fold_furniture);
        let n = comparison.passages.len();
        self.comparison = Some(comparison);
        self.layout();
        if let Some(c) = &mut self.comparison
            && let Some(current) = c.current
        {
            c.go_to(current, &self.corpus);
        }
        self.message = Some(format!(
            "{n} shared passage{} · ]/[ step · Tab switches side · Esc closes",
            if n == 1 { "" } else { "s" }
        ));
    }

    /// Open the finder (in the quotes scope from the quotes and speakers views).
    fn open_finder(&mut self) -> Vec<Effect> {
        let scope = match self.view {
            View::Quotes | View::Speakers if self.focus == Pane::List => {
                crate::model::search::Scope::Quotes
            }
            _ => crate::model::search::Scope::Sources,
        };
        let mut finder = Finder::new(scope, self.finder_generation);
        finder.list.height = layout::finder(self.size.0, self.size.1).hits.height as usize;
        let request = finder.request();
        self.finder = Some(finder);
        vec![Effect::Filter(request)]
    }

    /// The worker's answer to a finder query.
    pub fn receive_filter(&mut self, result: FilterResult) {
        if let Some(f) = &mut self.finder {
            f.receive(result);
        }
    }

    /// Keys while the finder is open.
    fn finder_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(f) = &mut self.finder else {
            return vec![];
        };
        let page = f.list.height.max(1) as isize;
        let moved = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            _ => 0,
        };
        if moved != 0 {
            let to = f.list.selected.saturating_add_signed(moved);
            f.list.select(to, f.hits.len());
            return vec![];
        }
        match action {
            Action::Input(c) => f.text.push(c),
            Action::InputBackspace => {
                f.text.pop();
            }
            Action::NextScope => f.next_scope(),
            Action::HistoryBack => f.recall(&self.finder_history, true),
            Action::HistoryForward => f.recall(&self.finder_history, false),
            Action::Back => {
                self.finder_generation = f.generation();
                self.finder = None;
                return vec![];
            }
            Action::Open => {
                let hit = f.selected().cloned();
                finder::remember(&mut self.finder_history, &f.text);
                self.finder_generation = f.generation();
                self.finder = None;
                if let Some(hit) = hit {
                    self.jump(&hit);
                }
                return vec![];
            }
            _ => return vec![],
        }
        vec![Effect::Filter(f.request())]
    }

    /// Open a finder hit: its source in the reader, scrolled to it and highlighted.
    fn jump(&mut self, hit: &Hit) {
        self.comparison = None;
        self.view = View::Timeline;
        let position = self
            .timeline
            .order
            .iter()
            .position(|&i| i == hit.source)
            .unwrap_or(0);
        self.timeline
            .list
            .select(position, self.timeline.order.len());
        self.preview_selected();
        self.set_focus(Pane::Reader);
        match &hit.target {
            Target::Source => {}
            Target::Quote(q) => self.with_reader(|r, s| r.show_quote(*q as usize, s)),
            Target::Sentence { paragraph, range } => {
                let range = range.start as usize..range.end as usize;
                self.with_reader(|r, s| r.highlight(*paragraph as usize, range, s));
            }
        }
    }

    /// Keys of the comparison; `None` for the ones handled as anywhere else.
    fn compare_action(&mut self, action: &Action) -> Option<Vec<Effect>> {
        let corpus = Arc::clone(&self.corpus);
        let rows = self.motion_rows(action);
        let c = self.comparison.as_mut()?;
        if let Some(rows) = rows {
            c.scroll(rows, &corpus);
            return Some(vec![]);
        }
        match action {
            Action::Top => c.scroll_to_end(false, &corpus),
            Action::Bottom => c.scroll_to_end(true, &corpus),
            Action::FocusNext | Action::FocusPrev => c.focus = 1 - c.focus,
            Action::NextShared => c.step(true, &corpus),
            Action::PrevShared => c.step(false, &corpus),
            Action::ToggleTogether => {
                c.together = !c.together;
                self.message = Some(
                    if c.together {
                        "the panes scroll together"
                    } else {
                        "each pane scrolls on its own"
                    }
                    .to_string(),
                );
            }
            Action::ToggleFurniture => c.toggle_furniture(&corpus),
            Action::Back => {
                self.comparison = None;
                self.layout();
            }
            Action::StartSearch | Action::NextMatch | Action::PrevMatch => {
                self.message = Some("Esc closes the comparison; search in the reader".to_string());
            }
            Action::Wheel { column, row, down } => {
                let areas = self.panes.sides?;
                if let Some(side) = (0..2).find(|&s| areas[s].contains(*column, *row)) {
                    c.focus = side;
                    c.scroll(if *down { 3 } else { -3 }, &corpus);
                }
            }
            Action::Click { column, row } => {
                let areas = self.panes.sides?;
                if let Some(side) = (0..2).find(|&s| areas[s].contains(*column, *row)) {
                    c.focus = side;
                }
            }
            _ => return None,
        }
        Some(vec![])
    }

    fn copy_quote(&mut self) -> Vec<Effect> {
        match self.selected_quote() {
            Some(r) => self.copy_quote_of(r),
            None => vec![],
        }
    }

    fn copy_quote_of(&mut self, r: QuoteRef) -> Vec<Effect> {
        let (source, quote) = self.corpus.quote(r);
        self.message = Some("copied quote with its citation".to_string());
        vec![Effect::Copy(quote.citation(source))]
    }

    /// Copy the paragraph at the cursor with its citation; the highlighted quote instead when
    /// the cursor is on it.
    fn copy_paragraph(&mut self) -> Vec<Effect> {
        let (Some(si), Some(index)) = (
            self.reader.source,
            self.reader
                .cursor
                .and_then(|c| self.reader.paragraph_index(c)),
        ) else {
            return vec![];
        };
        let source = &self.corpus.sources[si];
        if let Some(q) = self
            .reader
            .focused_quote
            .filter(|&q| source.quotes[q].parts.iter().any(|p| p.paragraph == index))
        {
            return self.copy_quote_of(QuoteRef {
                source: si as u32,
                quote: q as u32,
            });
        }
        let text = format!("{}\n— {}", source.paragraph_text(index), source.citation());
        self.message = Some(format!("copied paragraph {}", index + 1));
        vec![Effect::Copy(text)]
    }

    fn open_url(&mut self) -> Vec<Effect> {
        let Some(source) = self.acted_source() else {
            return vec![];
        };
        match source.url.clone() {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                self.message = Some(format!("opening {url}"));
                vec![Effect::OpenUrl(url)]
            }
            Some(_) => {
                self.message = Some("only http and https urls are opened".to_string());
                vec![]
            }
            None => {
                self.message = Some("this source has no url".to_string());
                vec![]
            }
        }
    }

    fn toggle_sort(&mut self) {
        let keep = self.selected_source();
        self.timeline.newest_first = !self.timeline.newest_first;
        self.arrange_timeline(keep);
        self.preview_selected();
        self.message = Some(self.timeline.order_name().to_string());
    }

    /// Order the timeline by date (stated or inferred) in its direction, keeping `keep`
    /// selected.
    fn arrange_timeline(&mut self, keep: Option<usize>) {
        let mut order = self.corpus.by_date();
        let placed = order
            .iter()
            .take_while(|&&i| self.corpus.sources[i].placed_date().is_some())
            .count();
        // Only the placed group flips: sources without any date stay together at the end.
        if self.timeline.newest_first {
            order[..placed].reverse();
        }
        let position = keep
            .and_then(|k| order.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.timeline.order = order;
        self.timeline
            .list
            .select(position, self.timeline.order.len());
    }

    fn overlay_scroll(&mut self, delta: isize) {
        match &mut self.overlay {
            Some(Overlay::Help { scroll } | Overlay::Skipped { scroll }) => {
                *scroll = scroll.saturating_add_signed(delta);
            }
            Some(Overlay::Related { selected }) => {
                let last = self.related.len().saturating_sub(1);
                *selected = selected.saturating_add_signed(delta).min(last);
            }
            None => {}
        }
    }

    /// Compare with the source picked in the related list.
    fn pick_related(&mut self) {
        let picked = match (self.overlay, self.related_to) {
            (Some(Overlay::Related { selected }), Some(source)) => {
                self.related.get(selected).map(|r| (source, r.source))
            }
            _ => None,
        };
        self.overlay = None;
        if let Some((a, b)) = picked {
            self.open_comparison(a, b);
        }
    }

    fn prompt_action(&mut self, action: Action) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        match action {
            Action::Input(c) => prompt.text.push(c),
            Action::InputBackspace => {
                prompt.text.pop();
            }
            Action::InputSubmit => {
                let text = prompt.text.clone();
                self.prompt = None;
                self.with_reader(|r, s| r.set_search(&text, s));
                self.message = match &self.reader.search {
                    Some(s) if s.matches.is_empty() => Some(format!("no match for “{}”", s.query)),
                    _ => None,
                };
                return;
            }
            Action::Back => {
                let previous = prompt.previous.clone();
                self.prompt = None;
                match previous {
                    Some(q) => self.with_reader(|r, s| r.set_search(&q, s)),
                    None => self.reader.search = None,
                }
                self.with_reader(|r, s| r.relayout(s));
                return;
            }
            _ => return,
        }
        // Incremental: matches follow every keystroke.
        let text = prompt.text.clone();
        self.with_reader(|r, s| r.set_search(&text, s));
    }

    fn click(&mut self, column: u16, row: u16) {
        if let Some(area) = self.panes.list.filter(|a| a.contains(column, row)) {
            self.set_focus(Pane::List);
            let inner = area.inner();
            if inner.contains(column, row) {
                let (list, len) = self.list();
                let position = list.offset + (row - inner.y) as usize;
                if position < len {
                    self.select(position);
                }
            }
        } else if self.panes.reader.is_some_and(|a| a.contains(column, row)) {
            self.set_focus(Pane::Reader);
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        if self.panes.list.is_some_and(|a| a.contains(column, row)) {
            self.move_selection(delta);
        } else if self.panes.reader.is_some_and(|a| a.contains(column, row)) {
            self.scroll_reader(delta);
        }
    }

    /// Keys of the list pane, by view.
    fn list_action(&mut self, view: View, action: Action) -> Vec<Effect> {
        match (view, action) {
            (_, Action::Top) => self.select(0),
            (_, Action::Bottom) => self.select(usize::MAX),
            (View::Timeline | View::Quotes | View::Events, Action::Open) => {
                self.preview_selected();
                if self.reader.source.is_some() {
                    self.set_focus(Pane::Reader);
                }
            }
            (View::Speakers, Action::Open) => {
                if let Some(speaker) = self.speakers.selected() {
                    let name = speaker.name.clone();
                    let first = speaker.first;
                    self.quotes.narrow(Some(name), &self.corpus);
                    if let Some(at) = self.quotes.rows.iter().position(|&r| r == first) {
                        self.quotes.list.select(at, self.quotes.rows.len());
                    }
                    self.show_view(View::Quotes);
                }
            }
            (View::Quotes, Action::Back) if self.quotes.speaker.is_some() => {
                self.quotes.narrow(None, &self.corpus);
                self.preview_selected();
                self.message = Some("every speaker".to_string());
            }
            (View::Timeline, Action::ToggleSort) => self.toggle_sort(),
            (View::Timeline, Action::ToggleEvents) => self.show_view(View::Events),
            (View::Events, Action::ToggleEvents) => self.show_view(View::Timeline),
            (View::Quotes, Action::ToggleSort) => {
                self.quotes.cycle_sort(&self.corpus);
                self.preview_selected();
                self.message = Some(format!("quotes {}", self.quotes.sort.name()));
            }
            (View::Speakers, Action::ToggleSort) => {
                self.speakers.flip_sort();
                self.preview_selected();
                self.message = Some(format!("speakers {}", self.speakers.order_name()));
            }
            (View::Quotes, Action::CopyQuote) => return self.copy_quote(),
            (View::Timeline, Action::CopyParagraph) => return update(self, Action::CopyCitation),
            (_, action @ (Action::NextMatch | Action::PrevMatch)) => {
                self.with_reader(|r, s| r.step_match(action == Action::NextMatch, s));
            }
            _ => {}
        }
        vec![]
    }
}

/// Apply `action` to the state; return what the runtime must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    if app.mode() == Mode::Finder && !matches!(action, Action::Resize { .. } | Action::Panic) {
        return app.finder_action(action);
    }
    if app.mode() == Mode::Compare
        && let Some(effects) = app.compare_action(&action)
    {
        return effects;
    }
    // A list moves its selection where the reader scrolls.
    if let Some(rows) = app.motion_rows(&action) {
        match app.mode() {
            Mode::List(_) => {
                app.move_selection(rows);
                return vec![];
            }
            Mode::Reader => {
                app.scroll_reader(rows);
                return vec![];
            }
            Mode::Finder | Mode::Prompt | Mode::Overlay | Mode::Compare => {}
        }
    }
    match (app.mode(), action) {
        (_, Action::Resize { width, height }) => app.resize(width, height),
        (_, Action::Panic) => panic!("panic requested by DOSSIER_TEST_PANIC"),
        (Mode::Prompt, action) => app.prompt_action(action),
        (Mode::Overlay, Action::Open) => app.pick_related(),
        (Mode::Overlay, Action::MoveDown) => app.overlay_scroll(1),
        (Mode::Overlay, Action::MoveUp) => app.overlay_scroll(-1),
        (Mode::Overlay, Action::PageDown | Action::HalfPageDown) => app.overlay_scroll(10),
        (Mode::Overlay, Action::PageUp | Action::HalfPageUp) => app.overlay_scroll(-10),
        (Mode::Overlay, _) => app.overlay = None,
        (_, Action::Quit) => app.quit = true,
        (_, Action::ToggleHelp) => app.overlay = Some(Overlay::Help { scroll: 0 }),
        (_, Action::ShowSkipped) => {
            if app.corpus.skipped.is_empty() {
                app.message = Some("no file was skipped".to_string());
            } else {
                app.overlay = Some(Overlay::Skipped { scroll: 0 });
            }
        }
        (_, Action::ShowView(view)) => app.show_view(view),
        (_, Action::OpenFinder) => return app.open_finder(),
        (_, Action::Compare) => app.compare(false),
        (_, Action::PickCompare) => app.compare(true),
        (_, Action::FocusNext | Action::FocusPrev) => {
            let other = match app.focus {
                Pane::List => Pane::Reader,
                Pane::Reader => Pane::List,
            };
            if other == Pane::Reader && app.reader.source.is_none() {
                app.message = Some("no source is open".to_string());
            } else {
                app.set_focus(other);
            }
        }
        (_, Action::Wheel { column, row, down }) => app.wheel(column, row, down),
        (_, Action::Click { column, row }) => app.click(column, row),
        (_, Action::StartSearch) => {
            if app.reader.source.is_none() {
                app.preview_selected();
            }
            if app.reader.source.is_some() {
                app.set_focus(Pane::Reader);
                let previous = app.reader.search.as_ref().map(|s| s.query.clone());
                app.prompt = Some(Prompt {
                    text: String::new(),
                    previous,
                });
            }
        }
        (_, Action::OpenUrl) => return app.open_url(),
        (_, Action::CopyCitation) => {
            if let Some(source) = app.acted_source() {
                let text = source.citation();
                app.message = Some("copied citation".to_string());
                return vec![Effect::Copy(text)];
            }
        }
        (Mode::List(view), action) => return app.list_action(view, action),
        (Mode::Compare | Mode::Finder, _) => {}
        (Mode::Reader, action) => match action {
            Action::Top => app.with_reader(|r, s| r.scroll_to_top(s)),
            Action::Bottom => app.with_reader(|r, s| r.scroll_to_bottom(s)),
            Action::NextParagraph => app.with_reader(|r, s| r.move_cursor(true, s)),
            Action::PrevParagraph => app.with_reader(|r, s| r.move_cursor(false, s)),
            Action::NextMatch => app.with_reader(|r, s| r.step_match(true, s)),
            Action::PrevMatch => app.with_reader(|r, s| r.step_match(false, s)),
            Action::ToggleFurniture => {
                app.reader.toggle_furniture(&app.corpus);
                app.with_reader(|r, s| r.relayout(s));
                app.message = Some(
                    if app.reader.fold_furniture {
                        "furniture folded"
                    } else {
                        "furniture shown"
                    }
                    .to_string(),
                );
            }
            Action::CopyParagraph => return app.copy_paragraph(),
            Action::Back => {
                if app.reader.search.is_some() {
                    app.reader.search = None;
                    app.with_reader(|r, s| r.relayout(s));
                } else {
                    app.set_focus(Pane::List);
                }
            }
            _ => {}
        },
    }
    vec![]
}
