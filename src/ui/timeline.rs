//! The timeline: one row per source, in date order.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{cell_text, theme};
use crate::app::{App, Pane};
use crate::model::Source;

/// Columns of the outlet.
const OUTLET_WIDTH: usize = 12;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Pane::Timeline;
    let t = &app.timeline;
    let order = if t.newest_first {
        "newest first"
    } else {
        "oldest first"
    };
    let block = Block::bordered()
        .border_style(theme::border(focused))
        .title(format!(" Timeline · {} sources · {order} ", t.order.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Only the visible window is laid out and handed to ratatui.
    let end = (t.offset + inner.height as usize).min(t.order.len());
    let lines: Vec<Line> = (t.offset..end)
        .map(|pos| {
            let line = row(&app.corpus.sources[t.order[pos]], inner.width as usize);
            if pos == t.selected {
                line.patch_style(theme::selected(focused))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `2024-04-04 beehive.govt.nz Security cooperation...`; undated rows say so, untitled ones
/// show their first words, dimmed.
fn row(source: &Source, width: usize) -> Line<'static> {
    let date = source.date.as_ref().map(|d| {
        let iso = d.stamp.to_string();
        // Times belong in the reader; the list is cut to the day.
        iso.get(..10).unwrap_or(&iso).to_string()
    });
    let mut spans = vec![
        // Room for the marker of inferred dates.
        Span::raw(" "),
        match date {
            Some(d) => Span::styled(format!("{d:<10}"), theme::date()),
            None => Span::styled(format!("{:<10}", "undated"), theme::dim()),
        },
        Span::raw(" "),
    ];
    if width >= 44 {
        let outlet = source.outlet.as_deref().unwrap_or("");
        let outlet: String = outlet.chars().take(OUTLET_WIDTH).collect();
        spans.push(Span::styled(
            format!("{outlet:<OUTLET_WIDTH$} "),
            theme::outlet(),
        ));
    }
    let (title, untitled) = source.display_title(200);
    let style = if untitled {
        theme::dim().add_modifier(Modifier::ITALIC)
    } else {
        Style::new()
    };
    spans.push(Span::styled(cell_text(&title).into_owned(), style));
    Line::from(spans)
}
