//! Boxes over the panes: the help (from the keymap table), the list of skipped files, and the
//! related sources to compare with.

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
    // The selected row of a list, to keep in view.
    let mut selected = None;
    let (title, lines, scroll) = match overlay {
        Overlay::Help { scroll } => (" Keys · Esc closes ".to_string(), help_lines(), scroll),
        Overlay::Skipped { scroll } => (
            " Skipped files · Esc closes ".to_string(),
            skipped_lines(app),
            scroll,
        ),
        Overlay::Related { selected: at } => {
            selected = Some(at);
            let id = app
                .related_to
                .map_or("", |i| app.corpus.sources[i].id.as_str());
            (
                format!(
                    " Compare {} with · Enter opens · Esc closes ",
                    cell_text(id)
                ),
                related_lines(app, at),
                0,
            )
        }
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
    let rows = inner.height as usize;
    let scroll = match selected {
        Some(at) => (at + 1).saturating_sub(rows),
        None => scroll.min(lines.len().saturating_sub(rows)),
    };
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

/// `001_508e…  verbatim · 26 words · 8% of this · 11% of that  2024-04-04  Title`.
fn related_lines(app: &App, selected: usize) -> Vec<Line<'static>> {
    app.related
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let other = &app.corpus.sources[r.source];
            let (title, _) = other.display_title(80);
            let mut spans = vec![Span::raw(format!("{:<22}", cell_text(&other.id)))];
            spans.extend(super::list::date_cells(other));
            spans.extend([
                Span::styled(
                    format!(
                        "{:<13} {:>4} words {:>5.1}% of this {:>5.1}% of that  ",
                        r.strongest.name(),
                        r.shared_tokens,
                        r.share_source * 100.0,
                        r.share_related * 100.0
                    ),
                    theme::tier(r.strongest),
                ),
                Span::raw(cell_text(&title).into_owned()),
            ]);
            let line = Line::from(spans);
            if n == selected {
                line.style(theme::selected(true))
            } else {
                line
            }
        })
        .collect()
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
