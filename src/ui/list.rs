//! The list pane: the timeline, the quotes or the speakers, with the views as tabs in its
//! border.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{cell_text, theme};
use crate::app::events::{EventList, EventRow};
use crate::app::{App, Pane, View};
use crate::model::events::EventKind;
use crate::model::quotes::QuoteKind;
use crate::model::{QuoteRef, Source, SpeakerCount};

/// Columns of the outlet.
const OUTLET_WIDTH: usize = 12;
/// Columns of an event's date: `2023-03-20–24`.
const DATE_WIDTH: usize = 13;
/// Columns of the speaker in the quotes view.
const SPEAKER_WIDTH: usize = 18;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Pane::List;
    let (list, len, about) = match app.view {
        View::Timeline => {
            let t = &app.timeline;
            let about = format!("{} sources · {}", t.order.len(), t.order_name());
            (&t.list, t.order.len(), about)
        }
        View::Quotes => {
            let q = &app.quotes;
            let mut about = format!("{} quotes · {}", q.rows.len(), q.sort.name());
            if let Some(speaker) = &q.speaker {
                about.push_str(&format!(
                    " · {} (Esc: everyone)",
                    speaker.as_deref().unwrap_or("unattributed")
                ));
            }
            (&q.list, q.rows.len(), about)
        }
        View::Speakers => {
            let s = &app.speakers;
            let about = format!("{} speakers · {}", s.rows.len(), s.order_name());
            (&s.list, s.rows.len(), about)
        }
        View::Events => match &app.events {
            Some(e) => {
                let about = format!("{} events · t sources", e.groups.len());
                (&e.list, e.rows.len(), about)
            }
            None => (&app.timeline.list, 0, String::new()),
        },
    };
    // Every view named when they fit; else the other views by their key alone.
    let full: usize = View::ALL.iter().map(|v| v.name().len() + 3).sum::<usize>() + 1;
    let named = |view: View| view == app.view || full + 2 <= area.width as usize;
    let mut tabs = vec![Span::raw(" ")];
    for (n, view) in View::ALL.into_iter().enumerate() {
        let label = if named(view) {
            format!("{} {}", n + 1, view.name())
        } else {
            format!("{}", n + 1)
        };
        tabs.push(if view == app.view {
            Span::styled(
                label,
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            )
        } else {
            Span::styled(label, theme::dim())
        });
        tabs.push(Span::raw(" "));
    }
    let block = Block::bordered()
        .border_style(theme::border(focused))
        .title(Line::from(tabs))
        .title_bottom(Line::from(format!(" {} ", cell_text(&about))));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    // Only the visible window is laid out and handed to ratatui.
    let lines: Vec<Line> = list
        .visible(len)
        .map(|pos| {
            let line = match app.view {
                View::Timeline => source_row(&app.corpus.sources[app.timeline.order[pos]], width),
                View::Quotes => quote_row(app, app.quotes.rows[pos], width),
                View::Speakers => speaker_row(&app.speakers.rows[pos]),
                View::Events => app
                    .events
                    .as_ref()
                    .map_or_else(Line::default, |e| event_row(app, e, e.rows[pos], width)),
            };
            if pos == list.selected {
                line.patch_style(theme::selected(focused))
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        let empty = match app.view {
            View::Timeline => "no sources",
            View::Quotes | View::Speakers => "no quotations found",
            View::Events => "no dated events found",
        };
        frame.render_widget(Paragraph::new(Line::styled(empty, theme::dim())), inner);
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The date column of a row: `≈` for an inferred date, the date cut to the day (times belong
/// in the reader) or `undated`, a space.
pub(super) fn date_cells(source: &Source) -> Vec<Span<'static>> {
    let date = source.placed_date().map(|d| {
        let iso = d.to_string();
        iso.get(..10).unwrap_or(&iso).to_string()
    });
    let inferred = source.date.is_none() && date.is_some();
    vec![
        if inferred {
            Span::styled("≈", theme::date())
        } else {
            Span::raw(" ")
        },
        match date {
            Some(d) => Span::styled(format!("{d:<10}"), theme::date()),
            None => Span::styled(format!("{:<10}", "undated"), theme::dim()),
        },
        Span::raw(" "),
    ]
}

/// `2024-04-04 beehive.govt.nz Security cooperation...`; undated rows say so, untitled ones
/// show their first words, dimmed.
fn source_row(source: &Source, width: usize) -> Line<'static> {
    let mut spans = date_cells(source);
    if width >= 44 {
        let outlet = source.outlet.as_deref().unwrap_or("");
        let outlet: String = outlet.chars().take(OUTLET_WIDTH).collect();
        spans.push(Span::styled(
            format!("{outlet:<OUTLET_WIDTH$} "),
            theme::outlet(),
        ));
    }
    if width >= 30 {
        spans.push(match source.quotes.len() {
            0 => Span::raw("    "),
            n => Span::styled(format!("{:>3}❞", n.min(999)), theme::speaker()),
        });
        spans.push(Span::raw(" "));
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

/// `2024-04-04 Winston Peters     “New Zealand must be prepared…”`: partial quotes in italics,
/// unsure speakers with `?`, unknown ones as `—`.
fn quote_row(app: &App, r: QuoteRef, width: usize) -> Line<'static> {
    let (source, quote) = app.corpus.quote(r);
    let mut spans = date_cells(source);
    let speaker_width = SPEAKER_WIDTH.min(width / 3);
    let speaker: String = quote
        .speaker_label()
        .unwrap_or_else(|| "—".to_string())
        .chars()
        .take(speaker_width)
        .collect();
    spans.push(Span::styled(
        format!("{speaker:<speaker_width$} "),
        if quote.speaker.is_some() {
            theme::speaker()
        } else {
            theme::dim()
        },
    ));
    let text = format!("“{}”", quote.text(source));
    let style = match quote.kind {
        QuoteKind::Direct => Style::new(),
        QuoteKind::Partial => Style::new().add_modifier(Modifier::ITALIC),
    };
    // More than fits is cut by the frame; cutting here keeps long quotes cheap.
    let text: String = text.chars().take(width).collect();
    spans.push(Span::styled(cell_text(&text).into_owned(), style));
    Line::from(spans)
}

/// A year heading, or `2022-06       nato.int +1  In June 2022, the Prime Minister…`: the
/// event's date (`2001→` since, `2001–2021` a range), its first source and how many more tell
/// it, its sentence.
fn event_row(app: &App, events: &EventList, row: EventRow, width: usize) -> Line<'static> {
    let group = match row {
        EventRow::Year(y) => {
            return Line::styled(
                format!(" ─ {y} ─"),
                theme::date().add_modifier(Modifier::BOLD),
            );
        }
        EventRow::Event(g) => &events.groups[g],
    };
    let (si, e) = events.first(group);
    let date = match (e.kind, e.end) {
        (EventKind::Since, _) => format!("{}→", e.start),
        (_, Some(end)) if (end.year, end.month) == (e.start.year, e.start.month) => {
            format!("{}–{:02}", e.start, end.day)
        }
        (_, Some(end)) => format!("{}–{end}", e.start),
        (_, None) => e.start.to_string(),
    };
    let source = &app.corpus.sources[si];
    let mut spans = vec![Span::styled(
        format!(" {date:<DATE_WIDTH$} "),
        theme::date(),
    )];
    if width >= 44 {
        let name = source.outlet.as_deref().unwrap_or(&source.id);
        let name: String = name.chars().take(OUTLET_WIDTH).collect();
        spans.push(Span::styled(
            format!("{name:<OUTLET_WIDTH$}"),
            theme::outlet(),
        ));
        spans.push(match group.tellings.len() {
            1 => Span::raw("    "),
            n => Span::styled(format!(" +{:<2}", (n - 1).min(99)), theme::speaker()),
        });
    }
    let text: String = e.sentence_text(source).chars().take(width).collect();
    spans.push(Span::raw(cell_text(&text).into_owned()));
    Line::from(spans)
}

/// `   12  Winston Peters · 3 sources`.
fn speaker_row(speaker: &SpeakerCount) -> Line<'static> {
    let (name, style) = match &speaker.name {
        Some(n) => (cell_text(n).into_owned(), theme::speaker()),
        None => (
            "unattributed".to_string(),
            theme::dim().add_modifier(Modifier::ITALIC),
        ),
    };
    let sources = match speaker.sources {
        1 => "1 source".to_string(),
        n => format!("{n} sources"),
    };
    Line::from(vec![
        Span::raw(format!(" {:>5}  ", speaker.quotes)),
        Span::styled(name, style),
        Span::styled(format!(" · {sources}"), theme::dim()),
    ])
}
