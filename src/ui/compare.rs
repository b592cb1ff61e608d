//! Two sources side by side: each in a reader, headed by its date and the share of it the
//! other has, the passage stepped to and the scrolling mode along the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::reader::{draw_text, tier_marker};
use super::{cell_text, theme};
use crate::app::App;

pub fn draw(frame: &mut Frame, app: &App, areas: [Rect; 2]) {
    let Some(c) = &app.comparison else { return };
    let sources = c.sources();
    for side in 0..2 {
        let source = &app.corpus.sources[sources[side]];
        let focused = c.focus == side;
        let date = source
            .date
            .as_ref()
            .map_or("undated".to_string(), |d| d.stamp.to_string());
        let mut block = Block::bordered()
            .border_style(theme::border(focused))
            .title(Line::from(vec![
                Span::raw(format!(" {} ", cell_text(&source.id))),
                Span::styled(format!("{date} "), theme::date()),
                Span::styled(
                    format!("· {:.0}% shared ", c.shares[side] * 100.0),
                    theme::tier(c.strongest),
                ),
            ]));
        if side == c.focus {
            let position = match c.current.map(|n| (n, &c.passages[n])) {
                Some((n, p)) => format!(
                    " {} passage {}/{} · {} · {} words ",
                    tier_marker(p.tier),
                    n + 1,
                    c.passages.len(),
                    p.tier.name(),
                    p.matched
                ),
                None if c.passages.is_empty() => " no shared passage ".to_string(),
                None => format!(" {} shared passages ", c.passages.len()),
            };
            let current_tier = c.current.map(|n| c.passages[n].tier);
            block = block.title_bottom(Line::styled(
                position,
                current_tier.map_or(theme::dim(), theme::tier),
            ));
            block = block.title_bottom(
                Line::styled(
                    if c.together {
                        " scrolling together (s) "
                    } else {
                        " scrolling alone (s) "
                    },
                    theme::dim(),
                )
                .right_aligned(),
            );
        }
        draw_text(frame, &c.sides[side], source, block, areas[side], focused);
    }
}
