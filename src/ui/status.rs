//! The status line: the corpus, the focused pane, the main keys or a message, the prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{cell_text, theme};
use crate::app::{App, Pane, View};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let corpus = &app.corpus;
    let mut spans = Vec::new();
    if let Some(prompt) = &app.prompt {
        spans.push(Span::styled("/", Style::new().add_modifier(Modifier::BOLD)));
        spans.push(Span::raw(cell_text(&prompt.text).into_owned()));
        spans.push(Span::styled(
            "▏",
            Style::new().add_modifier(Modifier::SLOW_BLINK),
        ));
        spans.push(Span::raw(format!("  {}", match_count(app))));
        spans.push(Span::styled("  Enter keep · Esc cancel", theme::dim()));
        frame.render_widget(
            Paragraph::new(Line::from(spans)).style(theme::status()),
            area,
        );
        return;
    }
    let comparing = app.comparison.is_some();
    let finding = app.finder.is_some();
    let pane = match (app.focus, app.view) {
        _ if finding => "FIND",
        _ if comparing => "COMPARE",
        (Pane::List, View::Timeline) => "TIMELINE",
        (Pane::List, View::Quotes) => "QUOTES",
        (Pane::List, View::Speakers) => "SPEAKERS",
        (Pane::List, View::Events) => "EVENTS",
        (Pane::Reader, _) => "READER",
    };
    spans.push(Span::styled(
        format!(" {pane} "),
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
    ));
    let mut corpus_text = format!(" {} sources", corpus.sources.len());
    if !corpus.skipped.is_empty() {
        corpus_text.push_str(&format!(" · {} skipped (! lists)", corpus.skipped.len()));
    }
    spans.push(Span::raw(corpus_text));
    if app.reader.search.is_some() {
        spans.push(Span::raw(format!(" · {}", match_count(app))));
    }
    let right = match &app.message {
        Some(m) => Span::styled(format!(" · {m}"), Style::new().add_modifier(Modifier::BOLD)),
        None => Span::styled(
            match (app.focus, app.view) {
                _ if finding => {
                    " · 'exact ^prefix suffix$ !not a | b · speaker: source: date: kind: · ~fuzzy in text"
                }
                _ if comparing => {
                    " · ]/[ shared passage · j/k scroll · Tab side · s together · Esc close · ? help"
                }
                (Pane::List, View::Timeline) => {
                    " · j/k move · Enter open · t events · 2 quotes · / search · ? help · q quit"
                }
                (Pane::List, View::Quotes) => {
                    " · Enter read it · s sort · y copy with citation · 1 timeline · ? help"
                }
                (Pane::List, View::Speakers) => " · Enter their quotes · s sort · ? help",
                (Pane::List, View::Events) => " · Enter read it · t sources · ? help",
                (Pane::Reader, _) => {
                    " · j/k scroll · {/} paragraph · / search · n/N match · y copy · ? help"
                }
            },
            theme::dim(),
        ),
    };
    spans.push(right);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme::status()),
        area,
    );
}

/// `3/12 matches`, `no match`.
pub fn match_count(app: &App) -> String {
    match &app.reader.search {
        Some(s) if s.matches.is_empty() => "no match".to_string(),
        Some(s) => format!("{}/{} matches", s.current + 1, s.matches.len()),
        None => String::new(),
    }
}
