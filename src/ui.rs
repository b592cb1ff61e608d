//! Drawing: one function per pane. Each reads the state and never changes it.

mod compare;
mod finder;
mod list;
mod overlay;
mod reader;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::layout::Area;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    if app.panes.too_small || app.size != (frame.area().width, frame.area().height) {
        // A size the app has not been told about yet is drawn as too small, never guessed.
        let text = if app.panes.too_small {
            "terminal too small"
        } else {
            ""
        };
        frame.render_widget(
            Paragraph::new(Line::from(text).style(Style::new().add_modifier(Modifier::BOLD))),
            frame.area(),
        );
        return;
    }
    if let Some(area) = app.panes.list {
        list::draw(frame, app, rect(area));
    }
    if let Some(area) = app.panes.reader {
        reader::draw(frame, app, rect(area));
    }
    if let Some(areas) = app.panes.sides {
        compare::draw(frame, app, areas.map(rect));
    }
    status::draw(frame, app, rect(app.panes.status));
    overlay::draw(frame, app);
    finder::draw(frame, app);
}

fn rect(a: Area) -> Rect {
    Rect {
        x: a.x,
        y: a.y,
        width: a.width,
        height: a.height,
    }
}

/// Colours in one place, so the panes agree.
pub(crate) mod theme {
    use super::*;
    use crate::model::shared::Tier;

    pub fn border(focused: bool) -> Style {
        if focused {
            Style::new().fg(Color::Cyan)
        } else {
            Style::new().fg(Color::DarkGray)
        }
    }
    pub fn dim() -> Style {
        Style::new().fg(Color::DarkGray)
    }
    pub fn selected(focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
                .add_modifier(Modifier::BOLD)
                .bg(Color::Rgb(40, 40, 40))
        }
    }
    pub fn heading() -> Style {
        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn title() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn matched() -> Style {
        Style::new().bg(Color::Yellow).fg(Color::Black)
    }
    pub fn current_match() -> Style {
        Style::new()
            .bg(Color::Magenta)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
    }
    /// Quoted words in the reader.
    pub fn quote() -> Style {
        Style::new().fg(Color::LightCyan)
    }
    /// The quote the quotes view points at.
    pub fn focused_quote() -> Style {
        Style::new()
            .bg(Color::Cyan)
            .fg(Color::Black)
            .add_modifier(Modifier::BOLD)
    }
    /// Who said it.
    pub fn speaker() -> Style {
        Style::new().fg(Color::LightMagenta)
    }
    /// A passage another source shares: the stronger the tier, the stronger the colour.
    pub fn shared(tier: Tier) -> Style {
        match tier {
            Tier::Verbatim => Style::new().bg(Color::Rgb(20, 72, 28)),
            Tier::NearVerbatim => Style::new().bg(Color::Rgb(72, 60, 12)),
            Tier::Phrase => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
    /// The shared passage stepped to.
    pub fn current_shared() -> Style {
        Style::new()
            .bg(Color::Rgb(30, 120, 44))
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
    }
    /// Words edited inside a shared passage: what one source changed.
    pub fn edited() -> Style {
        Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED)
    }
    /// A tier's marker and label.
    pub fn tier(tier: Tier) -> Style {
        match tier {
            Tier::Verbatim => Style::new().fg(Color::LightGreen),
            Tier::NearVerbatim => Style::new().fg(Color::Yellow),
            Tier::Phrase => Style::new().fg(Color::Gray),
        }
    }
    pub fn status() -> Style {
        Style::new().bg(Color::Rgb(30, 30, 46)).fg(Color::Gray)
    }
    pub fn date() -> Style {
        Style::new().fg(Color::Green)
    }
    pub fn outlet() -> Style {
        Style::new().fg(Color::Blue)
    }
}

/// Source text for a terminal cell: tabs become spaces (they would move the cursor).
pub(crate) fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\t') {
        text.replace('\t', " ").into()
    } else {
        text.into()
    }
}
