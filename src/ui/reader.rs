//! The reader: the open source's header and paragraphs, wrapped to the pane, with paragraph
//! numbers in a gutter, headings styled, furniture dimmed, search matches highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::ops::Range;

use super::{cell_text, status::match_count, theme};
use crate::app::reader::{ItemKind, Reader, Row};
use crate::app::{App, Pane};
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
    if app.reader.fold_furniture {
        block = block.title_bottom(Line::styled(" furniture folded ", theme::dim()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = app
        .reader
        .window
        .iter()
        .map(|row| render_row(&app.reader, source, row, focused))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_row<'a>(reader: &'a Reader, source: &'a Source, row: &Row, focused: bool) -> Line<'a> {
    let Row::Text { item, range, first } = row else {
        return Line::raw("");
    };
    let kind = reader.items[*item].kind;
    let gutter = reader.gutter;
    let is_cursor = reader.cursor == Some(*item);
    let (number, mark) = match kind {
        ItemKind::Paragraph { index, kind } if *first => (
            format!("{:>w$}", index + 1, w = gutter - 1),
            if kind == ParagraphKind::ListItem {
                "•"
            } else {
                " "
            },
        ),
        _ => (" ".repeat(gutter - 1), " "),
    };
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
    let mut spans = vec![
        Span::styled(number, gutter_style),
        Span::styled(mark, theme::dim()),
    ];
    spans.extend(highlighted(reader, *item, text, range.clone(), style));
    Line::from(spans)
}

/// The spans of `text[range]`, with search matches picked out.
fn highlighted<'a>(
    reader: &Reader,
    item: usize,
    text: &'a str,
    range: Range<usize>,
    style: Style,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut at = range.start;
    if let Some(search) = &reader.search {
        // Matches are in item order: find this item's with a binary search.
        let from = search.matches.partition_point(|m| m.item < item);
        for (n, m) in search.matches[from..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.item == item)
        {
            let (start, end) = (m.range.start.max(range.start), m.range.end.min(range.end));
            if start >= end {
                continue;
            }
            if start > at {
                spans.push(Span::styled(cell_text(&text[at..start]), style));
            }
            let current = from + n == search.current;
            spans.push(Span::styled(
                cell_text(&text[start..end]),
                if current {
                    theme::current_match()
                } else {
                    theme::matched()
                },
            ));
            at = end;
        }
    }
    if at < range.end {
        spans.push(Span::styled(cell_text(&text[at..range.end]), style));
    }
    spans
}
