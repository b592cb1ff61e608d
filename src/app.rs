//! The explorer's state and `update(state, action) -> effects`. No drawing, no I/O: the
//! runtime (`tui`) turns input into actions and carries out the effects.

pub mod action;
pub mod layout;
pub mod reader;

pub use action::{Action, Effect};

use crate::model::{Corpus, Source};
use layout::{Area, Panes};
use reader::Reader;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Timeline,
    Reader,
}

/// A box over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Skipped { scroll: usize },
}

/// Where keys go: the keymap picks its table by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Typing a search.
    Prompt,
    Overlay,
    Pane(Pane),
}

/// The list of sources in date order.
#[derive(Debug, Default)]
pub struct Timeline {
    /// Source indices in display order: dated sources by date, undated after them.
    pub order: Vec<usize>,
    pub newest_first: bool,
    /// Position in `order`.
    pub selected: usize,
    /// First visible position.
    pub offset: usize,
    pub height: usize,
}

/// A search being typed, with what to restore if it is cancelled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    previous: Option<String>,
}

#[derive(Debug)]
pub struct App {
    pub corpus: Corpus,
    pub timeline: Timeline,
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
    pub fn new(corpus: Corpus) -> App {
        let order = corpus.by_date();
        let mut app = App {
            corpus,
            timeline: Timeline {
                order,
                ..Timeline::default()
            },
            reader: Reader::default(),
            focus: Pane::Timeline,
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
        if self.prompt.is_some() {
            Mode::Prompt
        } else if self.overlay.is_some() {
            Mode::Overlay
        } else {
            Mode::Pane(self.focus)
        }
    }

    /// The source selected in the timeline.
    pub fn selected_source(&self) -> Option<usize> {
        self.timeline.order.get(self.timeline.selected).copied()
    }

    /// The source open in the reader.
    pub fn open_source(&self) -> Option<&Source> {
        self.reader.source.map(|i| &self.corpus.sources[i])
    }

    fn preview_selected(&mut self) {
        if let Some(i) = self
            .selected_source()
            .filter(|&i| self.reader.source != Some(i))
        {
            self.reader.open(i, &self.corpus.sources[i]);
            self.reader.relayout(&self.corpus.sources[i]);
        }
    }

    /// Move the timeline selection to `position` (clamped) and keep it in view.
    fn select(&mut self, position: usize) {
        let n = self.timeline.order.len();
        if n == 0 {
            return;
        }
        let t = &mut self.timeline;
        t.selected = position.min(n - 1);
        let height = t.height.max(1);
        if t.selected < t.offset {
            t.offset = t.selected;
        } else if t.selected >= t.offset + height {
            t.offset = t.selected + 1 - height;
        }
        t.offset = t.offset.min(n.saturating_sub(height));
        self.preview_selected();
    }

    fn move_selection(&mut self, delta: isize) {
        let to = self.timeline.selected.saturating_add_signed(delta);
        self.select(to);
    }

    /// Rows a motion moves the focused pane: a line, a page or half a page of its height;
    /// `None` for actions that are not motions.
    fn motion_rows(&self, action: &Action) -> Option<isize> {
        let page = match self.focus {
            Pane::Timeline => self.timeline.height,
            Pane::Reader => self.reader.height,
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
        self.panes = layout::panes(width, height, self.focus);
        let timeline_rows = self.panes.timeline.map_or(0, |a| a.inner().height as usize);
        self.timeline.height = timeline_rows;
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
        let selected = self.timeline.selected;
        self.select(selected);
        self.with_reader(|r, s| r.relayout(s));
    }

    fn set_focus(&mut self, pane: Pane) {
        if self.focus != pane {
            self.focus = pane;
            self.layout();
        }
    }

    fn citation(source: &Source) -> String {
        let (title, _) = source.display_title(120);
        let mut parts = vec![format!("“{title}”")];
        parts.extend(source.outlet.clone());
        parts.extend(source.date.as_ref().map(|d| d.stamp.to_string()));
        parts.extend(source.url.clone());
        parts.join(", ")
    }

    /// The source the copy and open keys act on: the open one in the reader, else the selected.
    fn acted_source(&self) -> Option<&Source> {
        match self.focus {
            Pane::Reader => self.open_source(),
            Pane::Timeline => self.selected_source().map(|i| &self.corpus.sources[i]),
        }
    }

    fn copy_paragraph(&mut self) -> Vec<Effect> {
        let Some(source) = self.open_source() else {
            return vec![];
        };
        let Some(index) = self
            .reader
            .cursor
            .and_then(|c| self.reader.paragraph_index(c))
        else {
            return vec![];
        };
        let text = format!(
            "{}\n— {}",
            source.paragraph_text(index),
            App::citation(source)
        );
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
        let t = &mut self.timeline;
        t.newest_first = !t.newest_first;
        let dated = t
            .order
            .iter()
            .take_while(|&&i| self.corpus.sources[i].date.is_some())
            .count();
        // Only the dated group flips: undated sources stay together at the end.
        let mut order = self.corpus.by_date();
        if t.newest_first {
            order[..dated].reverse();
        }
        t.order = order;
        let position = keep
            .and_then(|k| self.timeline.order.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.select(position);
        self.message = Some(
            if self.timeline.newest_first {
                "newest first"
            } else {
                "oldest first"
            }
            .to_string(),
        );
    }

    fn overlay_scroll(&mut self, delta: isize) {
        if let Some(Overlay::Help { scroll } | Overlay::Skipped { scroll }) = &mut self.overlay {
            *scroll = scroll.saturating_add_signed(delta);
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
        if let Some(area) = self.panes.timeline.filter(|a| a.contains(column, row)) {
            self.set_focus(Pane::Timeline);
            let inner = area.inner();
            if inner.contains(column, row) {
                let position = self.timeline.offset + (row - inner.y) as usize;
                if position < self.timeline.order.len() {
                    self.select(position);
                }
            }
        } else if self.panes.reader.is_some_and(|a| a.contains(column, row)) {
            self.set_focus(Pane::Reader);
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        if self.panes.timeline.is_some_and(|a| a.contains(column, row)) {
            self.move_selection(delta);
        } else if self.panes.reader.is_some_and(|a| a.contains(column, row)) {
            self.scroll_reader(delta);
        }
    }
}

/// Apply `action` to the state; return what the runtime must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    // The timeline moves its selection where the reader scrolls.
    if let (Mode::Pane(pane), Some(rows)) = (app.mode(), app.motion_rows(&action)) {
        match pane {
            Pane::Timeline => app.move_selection(rows),
            Pane::Reader => app.scroll_reader(rows),
        }
        return vec![];
    }
    match (app.mode(), action) {
        (_, Action::Resize { width, height }) => app.resize(width, height),
        (_, Action::Panic) => panic!("panic requested by DOSSIER_TEST_PANIC"),
        (Mode::Prompt, action) => app.prompt_action(action),
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
        (_, Action::FocusNext | Action::FocusPrev) => {
            let other = match app.focus {
                Pane::Timeline => Pane::Reader,
                Pane::Reader => Pane::Timeline,
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
                let text = App::citation(source);
                app.message = Some("copied citation".to_string());
                return vec![Effect::Copy(text)];
            }
        }
        (Mode::Pane(Pane::Timeline), Action::CopyParagraph) => {
            return update(app, Action::CopyCitation);
        }
        (Mode::Pane(Pane::Timeline), action) => match action {
            Action::Top => app.select(0),
            Action::Bottom => app.select(usize::MAX),
            Action::Open => {
                app.preview_selected();
                if app.reader.source.is_some() {
                    app.set_focus(Pane::Reader);
                }
            }
            Action::ToggleSort => app.toggle_sort(),
            Action::NextMatch | Action::PrevMatch => {
                app.with_reader(|r, s| r.step_match(action == Action::NextMatch, s));
            }
            _ => {}
        },
        (Mode::Pane(Pane::Reader), action) => match action {
            Action::Top => app.with_reader(|r, s| r.scroll_to_top(s)),
            Action::Bottom => app.with_reader(|r, s| r.scroll_to_bottom(s)),
            Action::NextParagraph => app.with_reader(|r, s| r.move_cursor(true, s)),
            Action::PrevParagraph => app.with_reader(|r, s| r.move_cursor(false, s)),
            Action::NextMatch => app.with_reader(|r, s| r.step_match(true, s)),
            Action::PrevMatch => app.with_reader(|r, s| r.step_match(false, s)),
            Action::ToggleFurniture => {
                app.with_reader(|r, s| {
                    r.toggle_furniture(s);
                    r.relayout(s);
                });
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
                    app.set_focus(Pane::Timeline);
                }
            }
            _ => {}
        },
    }
    vec![]
}
