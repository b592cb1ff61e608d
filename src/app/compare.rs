//! Two sources side by side: a reader for each, the passages they share marked in both, and
//! scrolling kept in step through the alignment.

use super::reader::{Reader, SharedSpan};
use crate::model::shared::{self, Passage, SharedIndex, Tier, Token};
use crate::model::{Corpus, Source};

/// Related sources whose passages a single reader marks (chosen from four times as many
/// candidates, those with the most fingerprints in common).
const ELSEWHERE_SOURCES: usize = 8;

/// The left (0) or right (1) side.
pub type Side = usize;

#[derive(Debug)]
pub struct Comparison {
    /// The readers, left then right (top then bottom when stacked).
    pub sides: [Reader; 2],
    /// Share of each source's words inside the passages counted (strong ones, or all when
    /// none is strong).
    pub shares: [f32; 2],
    /// The shared passages, in the left source's order; `a` is the left side.
    pub passages: Vec<Passage>,
    /// The passage stepped to with `]`/`[`.
    pub current: Option<usize>,
    /// The strongest tier of the passages (phrase when there is none).
    pub strongest: Tier,
    pub focus: Side,
    /// Scrolling one side scrolls the other to the matching place.
    pub together: bool,
    tokens: [Vec<Token>; 2],
    /// Per side, (its paragraph, the other side's paragraph) at the start of every run of
    /// matched words, sorted: what scrolling follows.
    aligned: [Vec<(usize, usize)>; 2],
}

/// The spans of a passage on one side: the whole passage, and its edited words over it.
fn passage_spans(
    tokens: &[Token],
    passage: &Passage,
    side_a: bool,
    other: usize,
    number: usize,
) -> Vec<SharedSpan> {
    let range = if side_a {
        passage.a.clone()
    } else {
        passage.b.clone()
    };
    let whole = shared::spans(tokens, range).into_iter().map(|s| (s, false));
    let edits = passage
        .edits(side_a)
        .into_iter()
        .flat_map(|r| shared::spans(tokens, r))
        .map(|s| (s, true));
    whole
        .chain(edits)
        .map(|((paragraph, range), edited)| SharedSpan {
            paragraph,
            range,
            tier: passage.tier,
            edited,
            other,
            passage: number,
        })
        .collect()
}

/// What the most related sources share of source `index`, for its single reader: strong
/// passages only (phrases would mark half of any news story).
pub fn elsewhere(index: &SharedIndex, sources: &[Source], source: usize) -> Vec<SharedSpan> {
    let related = index.most_related(sources, source, ELSEWHERE_SOURCES * 4);
    if related.is_empty() {
        return Vec::new();
    }
    let tokens = shared::tokens(&sources[source]);
    let mut out = Vec::new();
    let strong = related
        .iter()
        .take(ELSEWHERE_SOURCES)
        .flat_map(|r| r.passages.iter().map(move |p| (r.source, p)))
        .filter(|(_, p)| p.tier.is_strong());
    for (number, (other, p)) in strong.enumerate() {
        out.extend(passage_spans(&tokens, p, true, other, number));
    }
    out
}

impl Comparison {
    /// Source `a` beside source `b`; `current` is the first strong passage, which
    /// [`Comparison::go_to`] shows once the readers have a size.
    pub fn new(corpus: &Corpus, index: &SharedIndex, a: usize, b: usize, fold: bool) -> Self {
        let tokens = [
            shared::tokens(&corpus.sources[a]),
            shared::tokens(&corpus.sources[b]),
        ];
        let mut passages = shared::compare(&tokens[0], &tokens[1], index);
        let shares = shared::shares(&passages, [tokens[0].len(), tokens[1].len()]);
        passages.sort_by_key(|p| p.a.start);
        let mut aligned: [Vec<(usize, usize)>; 2] = Default::default();
        for r in passages.iter().flat_map(|p| &p.runs) {
            let a = tokens[0][r.a0].paragraph as usize;
            let b = tokens[1][r.b0].paragraph as usize;
            aligned[0].push((a, b));
            aligned[1].push((b, a));
        }
        for pairs in &mut aligned {
            pairs.sort_unstable();
        }
        let mut sides = [Reader::default(), Reader::default()];
        for (side, (reader, (source, other))) in sides.iter_mut().zip([(a, b), (b, a)]).enumerate()
        {
            reader.fold_furniture = fold;
            reader.open(source, corpus);
            let spans = passages
                .iter()
                .enumerate()
                .flat_map(|(n, p)| passage_spans(&tokens[side], p, side == 0, other, n))
                .collect();
            reader.set_shared(spans);
        }
        let first = passages
            .iter()
            .position(|p| p.tier.is_strong())
            .or((!passages.is_empty()).then_some(0));
        Comparison {
            sides,
            shares,
            strongest: passages
                .iter()
                .map(|p| p.tier)
                .min()
                .unwrap_or(Tier::Phrase),
            passages,
            current: first,
            focus: 0,
            together: true,
            tokens,
            aligned,
        }
    }

    /// The sources, left then right.
    pub fn sources(&self) -> [usize; 2] {
        [0, 1].map(|side| self.sides[side].source.unwrap_or(0))
    }

    fn source<'a>(&self, side: Side, corpus: &'a Corpus) -> &'a Source {
        &corpus.sources[self.sources()[side]]
    }

    /// Size both readers' text areas.
    pub fn set_size(&mut self, sizes: [(usize, usize); 2], corpus: &Corpus) {
        for (side, (width, height)) in sizes.into_iter().enumerate() {
            let source = self.source(side, corpus);
            let reader = &mut self.sides[side];
            reader.set_size(width, height);
            reader.relayout(source);
        }
    }

    /// Scroll the focused side by `rows` (down when positive), and the other along with it.
    pub fn scroll(&mut self, rows: isize, corpus: &Corpus) {
        let side = self.focus;
        let source = self.source(side, corpus);
        let reader = &mut self.sides[side];
        if rows >= 0 {
            reader.scroll_down(rows.unsigned_abs(), source);
        } else {
            reader.scroll_up(rows.unsigned_abs(), source);
        }
        self.follow(corpus);
    }

    /// To the top (or the end) of the focused side, the other along with it.
    pub fn scroll_to_end(&mut self, bottom: bool, corpus: &Corpus) {
        let side = self.focus;
        let source = self.source(side, corpus);
        if bottom {
            self.sides[side].scroll_to_bottom(source);
        } else {
            self.sides[side].scroll_to_top(source);
        }
        self.follow(corpus);
    }

    /// Bring the other side to the place matching the focused side's top paragraph: the
    /// nearest aligned run before it (or the first one), offset by the paragraphs between.
    fn follow(&mut self, corpus: &Corpus) {
        if !self.together {
            return;
        }
        let (me, other) = (self.focus, 1 - self.focus);
        let target = self.sides[me]
            .top_paragraph()
            .and_then(|p| self.matching_paragraph(me, p));
        let source = self.source(other, corpus);
        self.sides[other].scroll_to_paragraph(target, source);
    }

    /// The paragraph of side `1 - side` matching paragraph `paragraph` of side `side`.
    fn matching_paragraph(&self, side: Side, paragraph: usize) -> Option<usize> {
        let pairs = &self.aligned[side];
        let at = pairs.partition_point(|&(mine, _)| mine <= paragraph);
        let (mine, theirs) = *pairs.get(at.saturating_sub(1))?;
        let moved = paragraph as isize - mine as isize;
        let mut target = (theirs as isize + moved).max(0) as usize;
        // Do not run past the next aligned paragraph on the other side.
        if let Some(&(_, next)) = pairs.get(at).filter(|_| at > 0) {
            target = target.min(next.max(theirs));
        }
        Some(target)
    }

    /// Step to the next (or previous) passage along the focused side, wrapping around.
    pub fn step(&mut self, forward: bool, corpus: &Corpus) {
        let n = self.passages.len();
        if n == 0 {
            return;
        }
        let start = |i: usize| {
            let p = &self.passages[i];
            if self.focus == 0 {
                p.a.start
            } else {
                p.b.start
            }
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| start(i));
        let at = self
            .current
            .and_then(|c| order.iter().position(|&i| i == c));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
        };
        self.go_to(order[next], corpus);
    }

    /// Show passage `n` in both readers, highlighted.
    pub fn go_to(&mut self, n: usize, corpus: &Corpus) {
        self.current = Some(n);
        let p = &self.passages[n];
        for (side, first) in [p.a.start, p.b.start].into_iter().enumerate() {
            let Some(token) = self.tokens[side].get(first).copied() else {
                continue;
            };
            let source = self.source(side, corpus);
            let reader = &mut self.sides[side];
            reader.current_passage = Some(n);
            reader.show_at(token.paragraph as usize, token.start as usize, source);
        }
    }

    /// Fold or show furniture on both sides.
    pub fn toggle_furniture(&mut self, corpus: &Corpus) {
        for side in 0..2 {
            self.sides[side].toggle_furniture(corpus);
            let source = self.source(side, corpus);
            self.sides[side].relayout(source);
        }
        self.follow(corpus);
    }
}
