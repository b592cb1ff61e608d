//! The reader's model of one open source: the items it shows (a header, then paragraphs), a
//! scroll position anchored to an item, and only the visible window wrapped.
//!
//! Scrolling is counted in wrapped lines but stored as (item, line within item), so a source of
//! a million paragraphs scrolls to its last line without wrapping the rest, and no offset is
//! ever limited to a u16.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::date::DateKind;
use crate::model::shared::Tier;
use crate::model::{Corpus, ParagraphKind, Source};

/// What a reader item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Title {
        untitled: bool,
    },
    /// A header line: date and evidence, outlet, url, people, warnings.
    Meta,
    /// Paragraph `index` of the source.
    Paragraph {
        index: usize,
        kind: ParagraphKind,
    },
    /// A run of furniture paragraphs, folded away.
    Folded {
        count: usize,
    },
    /// Who said the quotes that begin in the paragraph above.
    QuoteNote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    /// Text of header and fold items; paragraphs read theirs from the source.
    own_text: String,
    /// A blank line follows the item.
    pub gap_after: bool,
}

/// A position: line `line` (counting the gap line) of item `item`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Anchor {
    pub item: usize,
    pub line: usize,
}

/// One row of the visible window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Bytes `range` of item `item`'s text; `first` marks the item's first line.
    Text {
        item: usize,
        range: Range<usize>,
        first: bool,
    },
    Gap,
}

/// A search hit: bytes `range` of item `item`'s text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub item: usize,
    pub range: Range<usize>,
}

/// Part of quote `quote` of the source: bytes `range` of item `item`'s text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMark {
    pub item: usize,
    pub range: Range<usize>,
    pub quote: usize,
}

/// A stretch of a paragraph that another source shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedSpan {
    pub paragraph: usize,
    /// Bytes of the paragraph's text.
    pub range: Range<usize>,
    pub tier: Tier,
    /// Words the other source has differently: an edit inside the passage.
    pub edited: bool,
    /// The source it is shared with.
    pub other: usize,
    /// Which passage it belongs to (numbered by whoever set the spans).
    pub passage: usize,
}

/// Shared span `span` placed on item `item`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedMark {
    pub item: usize,
    pub span: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: usize,
}

#[derive(Debug, Default)]
pub struct Reader {
    pub source: Option<usize>,
    pub items: Vec<Item>,
    pub top: Anchor,
    /// The paragraph item `y` copies and `{`/`}` move; always a paragraph or none.
    pub cursor: Option<usize>,
    pub fold_furniture: bool,
    pub search: Option<Search>,
    /// The quotes, in item order.
    pub quote_marks: Vec<QuoteMark>,
    /// The quote the quotes view pointed at, highlighted above the others.
    pub focused_quote: Option<usize>,
    /// What other sources share of this one, in paragraph order.
    pub shared_spans: Vec<SharedSpan>,
    /// The shared spans on items, in item order.
    pub shared_marks: Vec<SharedMark>,
    /// The shared passage stepped to, highlighted above the others.
    pub current_passage: Option<usize>,
    /// Text columns (without the gutter) and rows of the visible window.
    pub width: usize,
    pub height: usize,
    /// Columns of the paragraph-number gutter.
    pub gutter: usize,
    /// Wrapped lines per item at `cache_width`.
    cache: HashMap<usize, Vec<Range<usize>>>,
    cache_width: usize,
    /// The visible rows, laid out by [`Reader::relayout`].
    pub window: Vec<Row>,
}

impl Item {
    fn own(kind: ItemKind, text: String, gap_after: bool) -> Item {
        Item {
            kind,
            own_text: text,
            gap_after,
        }
    }
}

/// Wrap `text` to `width` columns; each line as a byte range of `text`.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    if text.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    let base = text.as_ptr() as usize;
    let mut from = 0;
    textwrap::wrap(text, options)
        .iter()
        .map(|line| {
            let start = match line {
                std::borrow::Cow::Borrowed(s) => s.as_ptr() as usize - base,
                std::borrow::Cow::Owned(s) => {
                    text[from..].find(s.as_str()).map_or(from, |i| from + i)
                }
            };
            let end = (start + line.len()).min(text.len());
            from = end;
            start..end
        })
        .collect()
}

impl Reader {
    /// Open source `index` of the corpus at the top.
    pub fn open(&mut self, index: usize, corpus: &Corpus) {
        self.source = Some(index);
        self.search = None;
        self.focused_quote = None;
        self.shared_spans.clear();
        self.current_passage = None;
        self.top = Anchor::default();
        self.rebuild_items(corpus);
        self.cursor = self.first_paragraph_from(0);
    }

    /// Header items and one item per paragraph (furniture folded into runs when asked), each
    /// paragraph where quotes begin followed by a note of who said them.
    fn rebuild_items(&mut self, corpus: &Corpus) {
        let Some(source) = self.source.map(|i| &corpus.sources[i]) else {
            return;
        };
        let mut items = Vec::with_capacity(source.paragraphs.len() + 6);
        let (title, untitled) = source.display_title(200);
        items.push(Item::own(
            ItemKind::Title { untitled },
            if untitled {
                format!("[untitled] {title}")
            } else {
                title
            },
            false,
        ));
        if let Some(d) = &source.date {
            let kind = match d.kind {
                DateKind::Published => "published",
                DateKind::Updated => "updated",
            };
            items.push(Item::own(
                ItemKind::Meta,
                format!("date     {} · {kind}: {}", d.stamp, d.evidence),
                false,
            ));
        } else if let Some(d) = &source.inferred {
            items.push(Item::own(
                ItemKind::Meta,
                format!(
                    "date     ≈ {} · inferred, confidence {:.1}, {}",
                    d.best,
                    d.confidence,
                    d.bounds()
                ),
                false,
            ));
            for e in &d.evidence {
                items.push(Item::own(ItemKind::Meta, format!("         {e}"), false));
            }
        } else {
            items.push(Item::own(
                ItemKind::Meta,
                "date     none stated".to_string(),
                false,
            ));
        }
        for (label, value) in [("outlet", &source.outlet), ("url", &source.url)] {
            if let Some(v) = value {
                items.push(Item::own(ItemKind::Meta, format!("{label:<8} {v}"), false));
            }
        }
        if let Some(people) = source.people_line() {
            items.push(Item::own(
                ItemKind::Meta,
                format!("people   {people}"),
                false,
            ));
        }
        for w in &source.warnings {
            items.push(Item::own(ItemKind::Meta, format!("warning  {w}"), false));
        }
        if let Some(last) = items.last_mut() {
            last.gap_after = true;
        }
        // (paragraph, quote, range) for every part of every quote, in paragraph order.
        let mut parts: Vec<(usize, usize, Range<usize>)> = source
            .quotes
            .iter()
            .enumerate()
            .flat_map(|(qi, q)| {
                q.parts
                    .iter()
                    .map(move |p| (p.paragraph, qi, p.range.clone()))
            })
            .collect();
        parts.sort_by_key(|(p, q, r)| (*p, r.start, *q));
        let mut parts = parts.into_iter().peekable();
        let mut marks = Vec::new();
        let mut folded = 0;
        for (index, p) in source.paragraphs.iter().enumerate() {
            if self.fold_furniture && p.is_furniture() {
                folded += 1;
                continue;
            }
            if folded > 0 {
                items.push(fold_item(folded));
                folded = 0;
            }
            let item = items.len();
            items.push(Item {
                kind: ItemKind::Paragraph {
                    index,
                    kind: p.kind,
                },
                own_text: String::new(),
                gap_after: true,
            });
            let mut starting = Vec::new();
            while let Some((paragraph, quote, range)) = parts.next_if(|(p, ..)| *p <= index) {
                if paragraph < index {
                    // In a folded paragraph: quotes are content, so this does not happen.
                    continue;
                }
                if source.quotes[quote].parts[0].paragraph == index {
                    starting.push(quote);
                }
                marks.push(QuoteMark { item, range, quote });
            }
            if !starting.is_empty() {
                items[item].gap_after = false;
                items.push(Item::own(
                    ItemKind::QuoteNote,
                    quote_note(corpus, source, &starting),
                    true,
                ));
            }
        }
        if folded > 0 {
            items.push(fold_item(folded));
        }
        self.items = items;
        self.quote_marks = marks;
        self.gutter = digits(source.paragraphs.len()) + 1;
        self.cache.clear();
        self.place_shared();
    }

    /// Show what other sources share of this one.
    pub fn set_shared(&mut self, mut spans: Vec<SharedSpan>) {
        spans.sort_by_key(|s| (s.paragraph, s.range.start, s.edited));
        self.shared_spans = spans;
        self.place_shared();
    }

    /// Put the shared spans on the items showing their paragraphs.
    fn place_shared(&mut self) {
        let mut marks = Vec::with_capacity(self.shared_spans.len());
        let mut spans = self.shared_spans.iter().enumerate().peekable();
        for (item, it) in self.items.iter().enumerate() {
            let ItemKind::Paragraph { index, .. } = it.kind else {
                continue;
            };
            while spans.next_if(|(_, s)| s.paragraph < index).is_some() {}
            while let Some((span, _)) = spans.next_if(|(_, s)| s.paragraph == index) {
                marks.push(SharedMark { item, span });
            }
        }
        self.shared_marks = marks;
    }

    /// The shared spans on item `item`.
    pub fn shared_on(&self, item: usize) -> impl Iterator<Item = &SharedSpan> {
        let from = self.shared_marks.partition_point(|m| m.item < item);
        self.shared_marks[from..]
            .iter()
            .take_while(move |m| m.item == item)
            .map(|m| &self.shared_spans[m.span])
    }

    /// The other sources sharing passages with this one, in order of appearance.
    pub fn shared_with(&self) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for s in &self.shared_spans {
            if !out.contains(&s.other) {
                out.push(s.other);
            }
        }
        out
    }

    /// Fold or unfold furniture, keeping the same paragraph in view.
    pub fn toggle_furniture(&mut self, corpus: &Corpus) {
        self.fold_furniture = !self.fold_furniture;
        self.rebuild(corpus);
    }

    /// Lay the open source out again (its header or folding changed), keeping the same
    /// paragraph in view, the cursor on its paragraph and the search.
    pub fn rebuild(&mut self, corpus: &Corpus) {
        let Some(source) = self.source.map(|i| &corpus.sources[i]) else {
            return;
        };
        let keep = self.paragraph_near(self.top.item);
        let cursor = self.cursor.and_then(|c| self.paragraph_index(c));
        self.rebuild_items(corpus);
        self.top = Anchor {
            item: keep.and_then(|p| self.item_of_paragraph(p)).unwrap_or(0),
            line: 0,
        };
        self.cursor = cursor
            .and_then(|p| self.item_of_paragraph(p))
            .or_else(|| self.first_paragraph_from(self.top.item));
        if let Some(query) = self.search.as_ref().map(|s| s.query.clone()) {
            self.set_search(&query, source);
        }
    }

    /// The paragraph index shown by item `item`, or the nearest one after it.
    fn paragraph_near(&self, item: usize) -> Option<usize> {
        self.items[item.min(self.items.len().saturating_sub(1))..]
            .iter()
            .find_map(|it| match it.kind {
                ItemKind::Paragraph { index, .. } => Some(index),
                _ => None,
            })
    }

    pub fn paragraph_index(&self, item: usize) -> Option<usize> {
        match self.items.get(item)?.kind {
            ItemKind::Paragraph { index, .. } => Some(index),
            _ => None,
        }
    }

    /// The item showing paragraph `index` or, when it is folded away, the nearest paragraph
    /// item before it (the cursor must stay on a paragraph).
    pub fn item_of_paragraph(&self, index: usize) -> Option<usize> {
        let mut nearest = None;
        for (i, item) in self.items.iter().enumerate() {
            match item.kind {
                ItemKind::Paragraph { index: j, .. } if j > index => break,
                ItemKind::Paragraph { .. } => nearest = Some(i),
                _ => {}
            }
        }
        nearest
    }

    /// The text item `item` shows.
    pub fn item_text<'a>(&'a self, item: usize, source: &'a Source) -> &'a str {
        match self.items[item].kind {
            ItemKind::Paragraph { index, .. } => source.paragraph_text(index),
            _ => &self.items[item].own_text,
        }
    }

    /// Set the text area's size; wrapping is redone only when the width changes.
    pub fn set_size(&mut self, width: usize, height: usize) {
        self.width = width.max(1);
        self.height = height;
        if self.cache_width != self.width {
            self.cache.clear();
            self.cache_width = self.width;
        }
    }

    fn wrapped(&mut self, item: usize, source: &Source) -> &[Range<usize>] {
        if !self.cache.contains_key(&item) {
            let lines = wrap_ranges(self.item_text(item, source), self.width);
            self.cache.insert(item, lines);
        }
        &self.cache[&item]
    }

    /// Rows item `item` takes, its gap included.
    fn rows_of(&mut self, item: usize, source: &Source) -> usize {
        let gap = usize::from(self.items[item].gap_after);
        self.wrapped(item, source).len() + gap
    }

    /// The furthest anchor that still fills the window: the last line at the bottom.
    fn last_anchor(&mut self, source: &Source) -> Anchor {
        let mut need = self.height.max(1);
        let mut item = self.items.len();
        while item > 0 {
            item -= 1;
            let rows = self.rows_of(item, source);
            if rows >= need {
                return Anchor {
                    item,
                    line: rows - need,
                };
            }
            need -= rows;
        }
        Anchor::default()
    }

    pub fn scroll_down(&mut self, mut n: usize, source: &Source) {
        if self.items.is_empty() {
            return;
        }
        let last = self.last_anchor(source);
        while n > 0 && self.top < last {
            let rows = self.rows_of(self.top.item, source);
            let left = rows.saturating_sub(1 + self.top.line);
            if n <= left {
                self.top.line += n;
                break;
            }
            n -= left + 1;
            self.top = Anchor {
                item: self.top.item + 1,
                line: 0,
            };
        }
        self.top = self.top.min(last);
        self.follow_cursor(source);
    }

    pub fn scroll_up(&mut self, mut n: usize, source: &Source) {
        while n > 0 && self.top > Anchor::default() {
            if n <= self.top.line {
                self.top.line -= n;
                break;
            }
            n -= self.top.line + 1;
            let item = self.top.item - 1;
            let rows = self.rows_of(item, source);
            self.top = Anchor {
                item,
                line: rows - 1,
            };
        }
        self.follow_cursor(source);
    }

    pub fn scroll_to_top(&mut self, source: &Source) {
        self.top = Anchor::default();
        self.cursor = self.first_paragraph_from(0);
        self.relayout(source);
    }

    pub fn scroll_to_bottom(&mut self, source: &Source) {
        self.top = self.last_anchor(source);
        self.cursor = self.last_paragraph_before(self.items.len());
        self.relayout(source);
    }

    fn first_paragraph_from(&self, item: usize) -> Option<usize> {
        (item..self.items.len()).find(|&i| self.paragraph_index(i).is_some())
    }

    fn last_paragraph_before(&self, item: usize) -> Option<usize> {
        (0..item.min(self.items.len()))
            .rev()
            .find(|&i| self.paragraph_index(i).is_some())
    }

    /// Move the cursor to the next (or previous) paragraph and bring it into view.
    pub fn move_cursor(&mut self, forward: bool, source: &Source) {
        let from = self.cursor.unwrap_or(self.top.item);
        let next = if forward {
            self.first_paragraph_from(from + 1)
        } else {
            self.last_paragraph_before(from)
        };
        if let Some(item) = next {
            self.cursor = Some(item);
            self.bring_into_view(item, source);
        }
    }

    /// Scroll so that the first line of `item` is visible, a third of the way down when it
    /// has to move.
    pub fn bring_into_view(&mut self, item: usize, source: &Source) {
        self.bring_line_into_view(item, 0, source);
    }

    fn bring_line_into_view(&mut self, item: usize, line: usize, source: &Source) {
        self.relayout(source);
        let target = Anchor { item, line };
        let wanted = self.wrapped(item, source).get(line).cloned();
        let visible = self
            .window
            .iter()
            .any(|r| matches!(r, Row::Text { item: i, range, .. } if *i == item && Some(range) == wanted.as_ref()));
        if visible {
            return;
        }
        self.top = target;
        let cursor = self.cursor;
        self.scroll_up(self.height / 3, source);
        let last = self.last_anchor(source);
        self.top = self.top.min(last);
        self.cursor = cursor;
        self.relayout(source);
    }

    /// Scroll so that paragraph `paragraph` is at the top (or as near as the end allows),
    /// without moving the cursor off the screen.
    pub fn scroll_to_paragraph(&mut self, paragraph: Option<usize>, source: &Source) {
        self.top = Anchor {
            item: paragraph
                .and_then(|p| self.item_of_paragraph(p))
                .unwrap_or(0),
            line: 0,
        };
        let last = self.last_anchor(source);
        self.top = self.top.min(last);
        self.follow_cursor(source);
    }

    /// The paragraph at the top of the window; `None` while the header is in view.
    pub fn top_paragraph(&self) -> Option<usize> {
        let first = self.first_paragraph_from(0)?;
        if self.top.item < first {
            None
        } else {
            self.paragraph_near(self.top.item)
        }
    }

    /// Put the cursor on paragraph `paragraph` and bring byte `offset` of it into view.
    pub fn show_at(&mut self, paragraph: usize, offset: usize, source: &Source) {
        let Some(item) = self.item_of_paragraph(paragraph) else {
            return;
        };
        self.cursor = Some(item);
        let line = self.line_of(item, offset, source);
        self.bring_line_into_view(item, line, source);
    }

    /// Highlight bytes `range` of paragraph `paragraph` (a sentence the finder found) as the
    /// current match, and scroll to it.
    pub fn highlight(&mut self, paragraph: usize, range: Range<usize>, source: &Source) {
        let Some(item) = self.item_of_paragraph(paragraph) else {
            return;
        };
        self.search = Some(Search {
            query: String::new(),
            matches: vec![Match { item, range }],
            current: 0,
        });
        self.show_current_match(source);
    }

    /// Scroll to quote `quote` of the open source, highlight it and put the cursor on it.
    pub fn show_quote(&mut self, quote: usize, source: &Source) {
        self.focused_quote = Some(quote);
        let Some(mark) = self.quote_marks.iter().find(|m| m.quote == quote).cloned() else {
            self.relayout(source);
            return;
        };
        self.cursor = Some(mark.item);
        let line = self.line_of(mark.item, mark.range.start, source);
        self.bring_line_into_view(mark.item, line, source);
    }

    /// Which wrapped line of `item` holds byte `offset`.
    fn line_of(&mut self, item: usize, offset: usize, source: &Source) -> usize {
        let lines = self.wrapped(item, source);
        lines.iter().rposition(|r| r.start <= offset).unwrap_or(0)
    }

    /// Keep the cursor on a paragraph that is in view after a scroll.
    fn follow_cursor(&mut self, source: &Source) {
        self.relayout(source);
        let visible: Vec<usize> = self
            .window
            .iter()
            .filter_map(|r| match r {
                Row::Text { item, .. } => Some(*item),
                Row::Gap => None,
            })
            .filter(|&i| self.paragraph_index(i).is_some())
            .collect();
        match (self.cursor, visible.first(), visible.last()) {
            (Some(c), Some(&first), Some(&last)) if c < first || c > last => {
                self.cursor = Some(if c < first { first } else { last });
            }
            (None, Some(&first), _) => self.cursor = Some(first),
            _ => {}
        }
    }

    /// Lay out the visible window from the anchor.
    pub fn relayout(&mut self, source: &Source) {
        // A new width re-wraps items: the anchor's line may no longer exist.
        if self.top.item < self.items.len() {
            let rows = self.rows_of(self.top.item, source);
            self.top.line = self.top.line.min(rows.saturating_sub(1));
        }
        let mut rows = Vec::with_capacity(self.height);
        let mut anchor = self.top;
        while rows.len() < self.height && anchor.item < self.items.len() {
            let item = anchor.item;
            let lines = self.wrapped(item, source).to_vec();
            for (n, range) in lines.iter().enumerate().skip(anchor.line) {
                if rows.len() == self.height {
                    break;
                }
                rows.push(Row::Text {
                    item,
                    range: range.clone(),
                    first: n == 0,
                });
            }
            if self.items[item].gap_after && rows.len() < self.height && anchor.line <= lines.len()
            {
                rows.push(Row::Gap);
            }
            anchor = Anchor {
                item: item + 1,
                line: 0,
            };
        }
        self.window = rows;
    }

    /// Search the open source for `query` (smart case: lowercase matches any case).
    pub fn set_search(&mut self, query: &str, source: &Source) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        let fold = !query.chars().any(char::is_uppercase);
        let mut matches = Vec::new();
        for item in 0..self.items.len() {
            for range in find_all(self.item_text(item, source), query, fold) {
                matches.push(Match { item, range });
            }
        }
        let current = matches
            .iter()
            .position(|m| m.item >= self.top.item)
            .unwrap_or(0);
        self.search = Some(Search {
            query: query.to_string(),
            matches,
            current,
        });
        self.show_current_match(source);
    }

    /// Go to the next (or previous) match, wrapping around.
    pub fn step_match(&mut self, forward: bool, source: &Source) {
        let Some(search) = &mut self.search else {
            return;
        };
        let n = search.matches.len();
        if n == 0 {
            return;
        }
        search.current = if forward {
            (search.current + 1) % n
        } else {
            (search.current + n - 1) % n
        };
        self.show_current_match(source);
    }

    fn show_current_match(&mut self, source: &Source) {
        let Some(m) = self
            .search
            .as_ref()
            .and_then(|s| s.matches.get(s.current))
            .cloned()
        else {
            self.relayout(source);
            return;
        };
        if self.paragraph_index(m.item).is_some() {
            self.cursor = Some(m.item);
        }
        let line = self.line_of(m.item, m.range.start, source);
        self.bring_line_into_view(m.item, line, source);
    }
}

/// `❝ Winston Peters (says) · Mahuta? (said) · also in 002_b4c3d2`: the speakers of the
/// quotes that begin in a paragraph (`?` marks an unsure attribution), and the other sources
/// that report them.
fn quote_note(corpus: &Corpus, source: &Source, quotes: &[usize]) -> String {
    let mut who: Vec<String> = Vec::new();
    let mut also: Vec<&str> = Vec::new();
    for &qi in quotes {
        let q = &source.quotes[qi];
        let mut label = q
            .speaker_label()
            .unwrap_or_else(|| "speaker unknown".to_string());
        if let Some(cue) = &q.cue {
            label.push_str(&format!(" ({cue})"));
        }
        if !who.contains(&label) {
            who.push(label);
        }
        for &other in &q.also_in {
            let id = corpus.sources[other].id.as_str();
            if !also.contains(&id) {
                also.push(id);
            }
        }
    }
    let mut note = format!("❝ {}", who.join(" · "));
    if !also.is_empty() {
        const SHOWN: usize = 3;
        note.push_str(&format!(
            " · also in {}",
            also[..also.len().min(SHOWN)].join(", ")
        ));
        if also.len() > SHOWN {
            note.push_str(&format!(" and {} more", also.len() - SHOWN));
        }
    }
    note
}

fn fold_item(count: usize) -> Item {
    let noun = if count == 1 {
        "paragraph"
    } else {
        "paragraphs"
    };
    Item::own(
        ItemKind::Folded { count },
        format!("┄ {count} furniture {noun} folded (f shows them)"),
        true,
    )
}

fn digits(n: usize) -> usize {
    n.max(1).ilog10() as usize + 1
}

/// Every occurrence of `needle` in `hay`, as byte ranges; `fold` ignores case.
pub fn find_all(hay: &str, needle: &str, fold: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    if !fold {
        let mut from = 0;
        while let Some(i) = hay[from..].find(needle) {
            out.push(from + i..from + i + needle.len());
            from += i + needle.len().max(1);
        }
        return out;
    }
    if needle.is_ascii() {
        // Byte-wise, without decoding: ASCII letters only ever match ASCII bytes.
        let n = needle.as_bytes();
        let h = hay.as_bytes();
        let mut i = 0;
        while i + n.len() <= h.len() {
            if h[i..i + n.len()].eq_ignore_ascii_case(n) {
                out.push(i..i + n.len());
                i += n.len();
            } else {
                i += 1;
            }
        }
        return out;
    }
    let want: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let starts: Vec<(usize, char)> = hay.char_indices().collect();
    let mut i = 0;
    while i < starts.len() {
        let mut k = 0;
        let mut j = i;
        while k < want.len() && j < starts.len() {
            let lower = starts[j].1.to_lowercase();
            let mut ok = true;
            for c in lower {
                if want.get(k) != Some(&c) {
                    ok = false;
                    break;
                }
                k += 1;
            }
            if !ok {
                break;
            }
            j += 1;
        }
        if k == want.len() {
            let end = starts.get(j).map_or(hay.len(), |(b, _)| *b);
            out.push(starts[i].0..end);
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_ranges_cover_the_text_in_order() {
        let text = "New Zealand is committed to working more closely with NATO partners";
        let lines = wrap_ranges(text, 20);
        assert!(lines.len() > 2);
        for w in lines.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        assert_eq!(&text[lines[0].clone()], "New Zealand is");
        assert_eq!(
            wrap_ranges("", 10).len(),
            1,
            "an empty item is one empty line"
        );
        assert_eq!(wrap_ranges("abcdefghij", 4).len(), 3, "long words break");
    }

    #[test]
    fn find_all_is_smart_about_case_and_unicode() {
        assert_eq!(find_all("NATO and nato", "nato", true), vec![0..4, 9..13]);
        assert_eq!(find_all("NATO and nato", "NATO", false), vec![0..4]);
        assert_eq!(find_all("Māori MĀORI", "māori", true), vec![0..6, 7..13]);
        assert!(find_all("abc", "", true).is_empty());
    }
}
