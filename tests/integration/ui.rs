//! The screen as text: ratatui's TestBackend, snapshotted with insta at three sizes.

use crossterm::event::{KeyCode, KeyModifiers};
use dossier::app::{Action, App, update};
use dossier::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use super::app::{indexed_app, press, press_with, sample_app, select_source, type_text};

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (200, 50)];

fn state(name: &str, w: u16, h: u16) -> App {
    let mut app = indexed_app(w, h);
    select_source(&mut app, "000");
    match name {
        "timeline" => {}
        "events" => {
            press(&mut app, KeyCode::Char('t'));
            press(&mut app, KeyCode::Char('j'));
        }
        "reader" => {
            press(&mut app, KeyCode::Enter);
            press(&mut app, KeyCode::Char('}'));
        }
        "search" => {
            press(&mut app, KeyCode::Char('j'));
            press(&mut app, KeyCode::Enter);
            press(&mut app, KeyCode::Char('/'));
            type_text(&mut app, "nato");
        }
        "help" => {
            press(&mut app, KeyCode::Char('?'));
        }
        "quotes" => {
            // 000's second quote.
            press(&mut app, KeyCode::Char('Q'));
            while !app
                .quotes
                .selected()
                .is_some_and(|q| app.corpus.sources[q.source as usize].id.starts_with("000"))
            {
                press(&mut app, KeyCode::Char('j'));
            }
            press(&mut app, KeyCode::Char('j'));
        }
        "speakers" => {
            press(&mut app, KeyCode::Char('3'));
        }
        "finder" => {
            press_with(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
            type_text(&mut app, "quotes: peters nato");
            press(&mut app, KeyCode::Down);
        }
        "compare" => {
            press(&mut app, KeyCode::Char('c'));
        }
        _ => unreachable!(),
    }
    app
}

#[test]
fn snapshots_of_every_view_at_three_sizes() {
    for name in [
        "timeline", "reader", "search", "help", "quotes", "speakers", "compare", "finder", "events",
    ] {
        for (w, h) in SIZES {
            let app = state(name, w, h);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen_text(&render(&app)));
        }
    }
}

#[test]
fn search_matches_are_highlighted_and_the_current_one_differs() {
    let app = state("search", 120, 40);
    let buffer = render(&app);
    let mut highlighted = 0;
    let mut current = 0;
    for cell in buffer.content() {
        match cell.bg {
            Color::Yellow => highlighted += 1,
            Color::Magenta => current += 1,
            _ => {}
        }
    }
    assert_eq!(current, 4, "the current match, NATO, in its own colour");
    assert!(
        highlighted >= 8,
        "other matches on screen are highlighted too: {highlighted}"
    );
    assert!(
        screen_text(&buffer).contains("/nato"),
        "the prompt shows the query"
    );
}

#[test]
fn every_size_renders_without_panic_and_tiny_ones_say_so() {
    for w in 1..45u16 {
        for h in 1..16u16 {
            let mut app = sample_app(w, h);
            press(&mut app, KeyCode::Enter);
            let text = screen_text(&render(&app));
            if w < 20 || h < 6 {
                let expected = "terminal too small"[..w.min(18) as usize].trim_end();
                assert!(text.starts_with(expected), "{w}x{h}: {text}");
            }
        }
    }
}

#[test]
fn untrusted_text_reaches_the_screen_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil.txt"),
        "Evil \x1b]0;pwned\x07 title\n\nBody \x1b[2J with\ttab.\n",
    )
    .unwrap();
    let corpus = dossier::load::load_paths(&[dir.path().to_path_buf()], &Default::default());
    let mut app = App::new(corpus);
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 20,
        },
    );
    press(&mut app, KeyCode::Enter);
    let buffer = render(&app);
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character in a cell: {:?}",
            cell.symbol()
        );
    }
    assert!(screen_text(&buffer).contains("Evil ␛]0;pwned␇ title"));
}

#[test]
fn the_quote_picked_in_the_quotes_view_is_highlighted_in_the_reader() {
    let app = state("quotes", 120, 40);
    let buffer = render(&app);
    let reader = app.panes.reader.unwrap();
    let focused: String = buffer
        .content()
        .iter()
        .enumerate()
        .filter(|(i, c)| (*i as u16 % 120) >= reader.x && c.bg == Color::Cyan)
        .map(|(_, c)| c.symbol())
        .collect();
    assert!(
        focused.starts_with("Challenges to the international"),
        "{focused}"
    );
    assert!(focused.ends_with("prepared to do its part,"), "{focused}");
    let others = buffer
        .content()
        .iter()
        .filter(|c| c.fg == Color::LightCyan)
        .count();
    assert!(others > 100, "the other quotes are coloured: {others}");
}

#[test]
fn the_shared_sentence_is_highlighted_in_both_panes_and_stacks_when_narrow() {
    let brussels_in = |app: &App, area: dossier::app::layout::Area| -> String {
        let buffer = render(app);
        let mut text = String::new();
        for y in area.y..area.y + area.height {
            for x in area.x..area.x + area.width {
                let cell = &buffer[(x, y)];
                if cell.bg == Color::Rgb(30, 120, 44) {
                    text.push_str(cell.symbol());
                }
            }
            text.push(' ');
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for (w, h) in [(120, 40), (80, 40)] {
        let app = state("compare", w, h);
        let [left, right] = app.panes.sides.unwrap();
        if w < 100 {
            assert_eq!(left.x, right.x, "stacked below 100 columns");
        } else {
            assert!(right.x > left.x, "side by side");
        }
        let (l, r) = (brussels_in(&app, left), brussels_in(&app, right));
        assert!(l.starts_with("While in Brussels, Mr Peters"), "{w}: {l}");
        assert!(r.starts_with("While in Brussels, Peters"), "{w}: {r}");
        assert!(l.ends_with("European Commission") && r.ends_with("European Commission"));
        let text = screen_text(&render(&app));
        assert!(
            text.contains("2024-04-04") && text.contains("% shared"),
            "{text}"
        );
    }
}
