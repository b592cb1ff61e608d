//! The fuzzy filter over the panes: the scopes, the prompt with its count, ranked hits with
//! the matched characters highlighted, and the selected hit's context.

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{cell_text, rect, theme};
use crate::app::App;
use crate::app::layout;
use crate::model::search::{self, Hit, Scope, Target};
use crate::model::{Corpus, Source};

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(f) = &app.finder else { return };
    let areas = layout::finder(app.size.0, app.size.1);
    let outer = rect(areas.outer);
    frame.render_widget(Clear, outer);
    let mut tabs = vec![Span::raw(" Find: ")];
    for scope in Scope::ALL {
        let style = if scope == f.scope {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            theme::dim()
        };
        tabs.push(Span::styled(format!(" {} ", scope.name()), style));
        tabs.push(Span::raw(" "));
    }
    let block = Block::bordered()
        .border_style(theme::border(true))
        .title(Line::from(tabs))
        .title_bottom(Line::styled(
            " Enter open · Tab scope · ↑↓ move · Ctrl-p/n history · Esc close ",
            theme::dim(),
        ));
    frame.render_widget(block, outer);

    let count = if f.pending {
        "…".to_string()
    } else if f.total > f.hits.len() {
        format!("{} of {}", f.hits.len(), f.total)
    } else {
        f.total.to_string()
    };
    let prompt = Line::from(vec![
        Span::styled("› ", theme::heading()),
        Span::raw(cell_text(&f.text).into_owned()),
        Span::styled("▏", Style::new().add_modifier(Modifier::SLOW_BLINK)),
        Span::styled(format!("  {count}"), theme::dim()),
    ]);
    frame.render_widget(Paragraph::new(prompt), rect(areas.prompt));

    let rows: Vec<Line> = f
        .list
        .visible(f.hits.len())
        .map(|i| {
            hit_row(
                &app.corpus,
                &f.hits[i],
                i == f.list.selected,
                areas.hits.width,
            )
        })
        .collect();
    if rows.is_empty() && !f.pending {
        let hint = if f.text.is_empty() && f.scope == Scope::Text {
            "type to search every sentence (~word for fuzzy)"
        } else {
            "no match"
        };
        frame.render_widget(
            Paragraph::new(Line::styled(hint, theme::dim())),
            rect(areas.hits),
        );
    } else {
        frame.render_widget(Paragraph::new(rows), rect(areas.hits));
    }

    if let (Some(area), Some(hit)) = (areas.preview, f.selected()) {
        let source = &app.corpus.sources[hit.source];
        let width = area.width.max(1) as usize;
        let lines: Vec<Line> = textwrap::wrap(&context(source, hit), width)
            .into_iter()
            .take(area.height as usize)
            .map(|l| Line::styled(cell_text(&l).into_owned(), theme::dim()))
            .collect();
        let rule = layout::Area {
            y: area.y - 1,
            height: 1,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Line::styled("─".repeat(width), theme::dim())),
            rect(rule),
        );
        frame.render_widget(Paragraph::new(lines), rect(area));
    }
}

/// `2024-04-04 000_c913cf1023 text with the matches highlighted`; narrower, the id shorter,
/// then only the text.
fn hit_row(corpus: &Corpus, hit: &Hit, selected: bool, width: u16) -> Line<'static> {
    let source = &corpus.sources[hit.source];
    let mut spans = Vec::new();
    if width >= 60 {
        spans = super::list::date_cells(source);
        let shown = if width >= 100 { 20 } else { 10 };
        let id: String = source.id.chars().take(shown).collect();
        spans.push(Span::styled(
            format!("{:<shown$} ", cell_text(&id)),
            theme::outlet(),
        ));
    }
    for (run, matched) in search::matched_runs(&hit.text, &hit.positions) {
        // Paragraph text can hold newlines: one row per hit.
        spans.push(text_span(run.replace(char::is_control, " "), matched));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme::selected(true))
    } else {
        line
    }
}

fn text_span(text: String, matched: bool) -> Span<'static> {
    if matched {
        Span::styled(text, theme::heading())
    } else {
        Span::raw(text)
    }
}

/// What surrounds a hit: the paragraph of a sentence or quote; a source's first paragraph.
fn context(source: &Source, hit: &Hit) -> String {
    let paragraph = match &hit.target {
        Target::Sentence { paragraph, .. } => Some(*paragraph as usize),
        Target::Quote(q) => Some(source.quotes[*q as usize].parts[0].paragraph),
        Target::Source => (0..source.paragraphs.len()).find(|&p| source.paragraphs[p].is_content()),
    };
    paragraph.map_or_else(String::new, |p| source.paragraph_text(p).replace('\n', " "))
}
