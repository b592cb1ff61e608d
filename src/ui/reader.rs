//! The reader: the open source's header and paragraphs, wrapped to the pane, with paragraph
//! numbers in a gutter, headings styled, furniture dimmed, quotes, passages shared with other
//! sources and search matches highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::ops::Range;

use super::{cell_text, status::match_count, theme};
use crate::app::reader::{ItemKind, Reader, Row};
use crate::app::{App, Pane};
use crate::model::shared::Tier;
use crate::model::{ParagraphKind, Source};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Pane::Reader;
    let mut block = Block::bordered().border_style(theme::border(focused));
    let Some(source) = app.open_source() else {
        block = block.title(" Reader ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(Line::styled(
                "Enter opens the selected source.",
                theme::dim(),
            )),
            inner,
        );
        return;
    };
    block = block.title(format!(" {} ", source.id));
    if app.reader.search.is_some() {
        block = block.title_bottom(Line::from(format!(" {} ", match_count(app))).right_aligned());
    }
    let with = app.reader.shared_with();
    if let Some(strongest) = app.reader.shared_spans.iter().map(|s| s.tier).min() {
        let mut numbers: Vec<usize> = app.reader.shared_spans.iter().map(|s| s.passage).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let passages = numbers.len();
        block = block.title_bottom(Line::styled(
            format!(
                " {} {passages} passage{} in {} other source{} · c compares ",
                tier_marker(strongest),
                plural(passages),
                with.len(),
                plural(with.len())
            ),
            theme::tier(strongest),
        ));
    }
    draw_text(frame, &app.reader, source, block, area, focused);
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The reader's visible window inside `block`.
pub fn draw_text(
    frame: &mut Frame,
    reader: &Reader,
    source: &Source,
    mut block: Block,
    area: Rect,
    focused: bool,
) {
    if reader.fold_furniture {
        block = block.title_bottom(Line::styled(" furniture folded ", theme::dim()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = reader
        .window
        .iter()
        .map(|row| render_row(reader, source, row, focused))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The gutter marker of a shared passage, by tier: readable without colour.
pub fn tier_marker(tier: Tier) -> &'static str {
    match tier {
        Tier::Verbatim => "┃",
        Tier::NearVerbatim => "┇",
        Tier::Phrase => "┆",
    }
}

fn render_row<'a>(reader: &'a Reader, source: &'a Source, row: &Row, focused: bool) -> Line<'a> {
    let Row::Text { item, range, first } = row else {
        return Line::raw("");
    };
    let kind = reader.items[*item].kind;
    let gutter = reader.gutter;
    let is_cursor = reader.cursor == Some(*item);
    // A line with shared words is marked by the strongest tier on it.
    let shared = reader
        .shared_on(*item)
        .filter(|s| !s.edited && s.range.start < range.end && range.start < s.range.end)
        .map(|s| s.tier)
        .min();
    let (number, mut mark) = match kind {
        ItemKind::Paragraph { index, kind } if *first => (
            format!("{:>w$}", index + 1, w = gutter - 1),
            if kind == ParagraphKind::ListItem {
                Span::styled("•", theme::dim())
            } else {
                Span::raw(" ")
            },
        ),
        _ => (" ".repeat(gutter - 1), Span::raw(" ")),
    };
    if let Some(tier) = shared {
        mark = Span::styled(tier_marker(tier), theme::tier(tier));
    }
    let gutter_style = if is_cursor && focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        theme::dim()
    };
    let style = match kind {
        ItemKind::Title { untitled: false } => theme::title(),
        ItemKind::Title { untitled: true } => {
            theme::dim().add_modifier(Modifier::ITALIC | Modifier::BOLD)
        }
        ItemKind::Meta => theme::dim(),
        ItemKind::Folded { .. } => theme::dim().add_modifier(Modifier::ITALIC),
        ItemKind::QuoteNote => theme::speaker().add_modifier(Modifier::ITALIC),
        ItemKind::Paragraph {
            kind: ParagraphKind::Heading(_),
            ..
        } => theme::heading(),
        ItemKind::Paragraph {
            kind: ParagraphKind::Furniture(_),
            ..
        } => theme::dim(),
        ItemKind::Paragraph { .. } => Style::new(),
    };
    let text = reader.item_text(*item, source);
    let mut spans = vec![Span::styled(number, gutter_style), mark];
    spans.extend(highlighted(reader, *item, text, range.clone(), style));
    Line::from(spans)
}

/// The spans of `text[range]`: quotes picked out (the focused one more), search matches over
/// them.
fn highlighted<'a>(
    reader: &Reader,
    item: usize,
    text: &'a str,
    range: Range<usize>,
    style: Style,
) -> Vec<Span<'a>> {
    // Layers of (range, style), later ones drawn over earlier ones.
    let mut layers: Vec<(Range<usize>, Style)> = Vec::new();
    for s in reader.shared_on(item) {
        layers.push((
            s.range.clone(),
            if s.edited {
                theme::edited()
            } else if reader.current_passage == Some(s.passage) {
                theme::current_shared()
            } else {
                theme::shared(s.tier)
            },
        ));
    }
    // Marks and matches are in item order: find this item's with a binary search.
    let from = reader.quote_marks.partition_point(|m| m.item < item);
    for m in reader.quote_marks[from..]
        .iter()
        .take_while(|m| m.item == item)
    {
        let focused = reader.focused_quote == Some(m.quote);
        layers.push((
            m.range.clone(),
            if focused {
                theme::focused_quote()
            } else {
                theme::quote()
            },
        ));
    }
    if let Some(search) = &reader.search {
        let from = search.matches.partition_point(|m| m.item < item);
        for (n, m) in search.matches[from..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.item == item)
        {
            let current = from + n == search.current;
            layers.push((
                m.range.clone(),
                if current {
                    theme::current_match()
                } else {
                    theme::matched()
                },
            ));
        }
    }
    layered(text, range, style, &layers)
}

/// Split `text[range]` into spans at every layer boundary; each piece takes `base` patched by
/// every layer covering it, in order (a quote's colour over a shared passage's background).
fn layered<'a>(
    text: &'a str,
    range: Range<usize>,
    base: Style,
    layers: &[(Range<usize>, Style)],
) -> Vec<Span<'a>> {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for (r, _) in layers {
        cuts.extend([r.start, r.end].into_iter().filter(|c| range.contains(c)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| text.is_char_boundary(w[0]) && text.is_char_boundary(w[1]))
        .map(|w| {
            let style = layers
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                .fold(base, |style, (_, s)| style.patch(*s));
            Span::styled(cell_text(&text[w[0]..w[1]]), style)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_split_the_line_and_the_last_one_wins() {
        let text = "he said “we must” today";
        let quote = Style::new().fg(ratatui::style::Color::Cyan);
        let hit = Style::new().fg(ratatui::style::Color::Red);
        let open = text.find('“').unwrap();
        let close = text.find(" today").unwrap();
        let must = text.find("must").unwrap();
        let spans = layered(
            text,
            0..text.len(),
            Style::new(),
            &[(open..close, quote), (must - 1..must + 3, hit)],
        );
        let pieces: Vec<(&str, Style)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        assert_eq!(
            pieces,
            vec![
                ("he said ", Style::new()),
                ("“we", quote),
                (" mus", hit),
                ("t”", quote),
                (" today", Style::new()),
            ]
        );
        let tail = layered(
            text,
            must..text.len(),
            Style::new(),
            &[(open..close, quote)],
        );
        assert_eq!(
            tail[0].content, "must”",
            "a layer begun on an earlier line still applies"
        );
    }
}
