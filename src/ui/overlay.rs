//! Boxes over the panes: the help (from the keymap table) and the list of skipped files.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{cell_text, theme};
use crate::app::{App, Overlay};
use crate::keymap;

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(overlay) = app.overlay else { return };
    let (title, lines, scroll) = match overlay {
        Overlay::Help { scroll } => (" Keys · Esc closes ", help_lines(), scroll),
        Overlay::Skipped { scroll } => (" Skipped files · Esc closes ", skipped_lines(app), scroll),
    };
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).min(90);
    let height = (lines.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(title)
        .border_style(theme::border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

fn help_lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (title, rows) in keymap::help_sections() {
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        ));
        for (keys, help) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme::heading()),
                Span::raw(help),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Mouse: the wheel scrolls the pane under the pointer, a click selects (--no-mouse turns it off).", theme::dim()));
    lines
}

fn skipped_lines(app: &App) -> Vec<Line<'static>> {
    app.corpus
        .skipped
        .iter()
        .map(|s| {
            Line::from(vec![
                Span::raw(cell_text(&s.path).into_owned()),
                Span::styled(format!("  {}", cell_text(&s.reason)), theme::dim()),
            ])
        })
        .collect()
}
