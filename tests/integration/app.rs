//! Keys in, state out: the explorer driven through the keymap and `update`, no terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::app::reader::{ItemKind, Row};
use dossier::app::{Action, App, Effect, Mode, Pane, update};
use dossier::keymap::action_for;
use dossier::load::load_bundled;
use dossier::model::{Corpus, Paragraph, ParagraphKind, Source};

pub fn sample_app(width: u16, height: u16) -> App {
    let mut app = App::new(load_bundled());
    update(&mut app, Action::Resize { width, height });
    app
}

/// Press a key: through the keymap, then `update`.
pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_with(app, code, KeyModifiers::NONE)
}

pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match action_for(KeyEvent::new(code, modifiers), app.mode()) {
        Some(action) => update(app, action),
        None => vec![],
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn selected_id(app: &App) -> &str {
    &app.corpus.sources[app.selected_source().unwrap()].id
}

/// The text of the visible reader rows.
fn visible_text(app: &App) -> String {
    let source = app.open_source().unwrap();
    app.reader
        .window
        .iter()
        .map(|row| match row {
            Row::Text { item, range, .. } => &app.reader.item_text(*item, source)[range.clone()],
            Row::Gap => "",
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn timeline_moves_and_previews_in_date_order() {
    let mut app = sample_app(120, 30);
    assert_eq!(selected_id(&app), "000_c913cf1023a538cf");
    assert_eq!(
        app.reader.source,
        app.selected_source(),
        "the reader previews the selection"
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        selected_id(&app),
        "004_62a5ab54de7c5f0b",
        "004 (2024-07-05) comes second"
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.timeline.selected, 4);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.timeline.selected, 4, "the end stays the end");
    press(&mut app, KeyCode::Home);
    assert_eq!(app.timeline.selected, 0);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        selected_id(&app),
        "000_c913cf1023a538cf",
        "the selection follows its source"
    );
    assert_eq!(
        app.corpus.sources[app.timeline.order[0]].id, "004_62a5ab54de7c5f0b",
        "newest first"
    );
    assert!(
        app.corpus.sources[app.timeline.order[4]].date.is_none(),
        "undated stay at the end"
    );
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        app.corpus.sources[app.timeline.order[0]].id, "000_c913cf1023a538cf",
        "s again: oldest first"
    );
}

#[test]
fn enter_opens_the_reader_and_esc_steps_back() {
    let mut app = sample_app(120, 30);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Pane(Pane::Reader));
    let before = app.reader.top;
    press(&mut app, KeyCode::Char('j'));
    assert!(app.reader.top > before, "j scrolls the reader");
    press(&mut app, KeyCode::Char('G'));
    assert!(
        visible_text(&app).trim_end().ends_with("connections.”"),
        "G shows the last line"
    );
    press(&mut app, KeyCode::Char('g'));
    assert!(visible_text(&app).starts_with("Security cooperation in challenging world"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Pane(Pane::Timeline));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn search_highlights_counts_and_steps_through_matches() {
    let mut app = sample_app(120, 30);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "nato");
    let search = app.reader.search.clone().expect("incremental search");
    assert_eq!(search.query, "nato");
    // 000 says NATO six times; smart case finds them all.
    assert_eq!(search.matches.len(), 6);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Pane(Pane::Reader));
    let first = app.reader.search.as_ref().unwrap().current;
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.reader.search.as_ref().unwrap().current, first + 1);
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(
        app.reader.search.as_ref().unwrap().current,
        5,
        "N wraps around to the last"
    );
    // The current match is on screen.
    let m = app.reader.search.as_ref().unwrap().matches[5].clone();
    assert!(app.reader.window.iter().any(|r| matches!(r, Row::Text { item, range, .. } if *item == m.item && range.start <= m.range.start && m.range.end <= range.end)));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "NATO");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.reader.search.as_ref().unwrap().query,
        "nato",
        "Esc restores the previous search"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.reader.search.is_none(), "Esc clears the search");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zebra");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.message.as_deref(), Some("no match for “zebra”"));
}

#[test]
fn copy_open_and_fold_are_effects_and_state() {
    let mut app = sample_app(120, 30);
    let effects = press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        effects,
        vec![Effect::Copy("“Security cooperation in challenging world”, beehive.govt.nz, 2024-04-04, https://www.beehive.govt.nz/release/security-cooperation-challenging-world".into())]
    );
    assert_eq!(app.message.as_deref(), Some("copied citation"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('}'));
    let Effect::Copy(text) = &press(&mut app, KeyCode::Char('y'))[0] else {
        panic!()
    };
    assert!(text.starts_with("“The Coalition Government"), "{text}");
    assert!(text.ends_with("— “Security cooperation in challenging world”, beehive.govt.nz, 2024-04-04, https://www.beehive.govt.nz/release/security-cooperation-challenging-world"));
    assert_eq!(
        press(&mut app, KeyCode::Char('o')),
        vec![Effect::OpenUrl(
            "https://www.beehive.govt.nz/release/security-cooperation-challenging-world".into()
        )]
    );

    // 001 has furniture to fold; 003 has no url.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert!(app.open_source().unwrap().id.starts_with("001"));
    press(&mut app, KeyCode::Enter);
    let count_folds = |app: &App| {
        app.reader
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Folded { .. }))
            .count()
    };
    assert_eq!(count_folds(&app), 0);
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(
        count_folds(&app),
        4,
        "title, two captions apart, caption, and the tail fold"
    );
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(count_folds(&app), 0);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('G'));
    assert!(app.open_source().unwrap().id.starts_with("003"));
    assert!(press(&mut app, KeyCode::Char('o')).is_empty());
    assert_eq!(app.message.as_deref(), Some("this source has no url"));
}

#[test]
fn help_and_skipped_overlays_open_and_close() {
    let mut app = sample_app(120, 30);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Overlay);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(
        app.mode(),
        Mode::Pane(Pane::Timeline),
        "q closes help before it quits"
    );
    assert!(!app.quit);
    press(&mut app, KeyCode::Char('!'));
    assert_eq!(app.message.as_deref(), Some("no file was skipped"));
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_a_click_selects() {
    let mut app = sample_app(120, 30);
    let reader = app.panes.reader.unwrap();
    let before = app.reader.top;
    update(
        &mut app,
        Action::Wheel {
            column: reader.x + 5,
            row: reader.y + 5,
            down: true,
        },
    );
    assert!(app.reader.top > before);
    assert_eq!(app.timeline.selected, 0, "the timeline did not move");
    let timeline = app.panes.timeline.unwrap();
    update(
        &mut app,
        Action::Click {
            column: timeline.x + 3,
            row: timeline.y + 3,
        },
    );
    assert_eq!(app.timeline.selected, 2);
    update(
        &mut app,
        Action::Click {
            column: reader.x + 3,
            row: reader.y + 3,
        },
    );
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn any_size_down_to_1x1_and_a_resize_storm() {
    let mut app = sample_app(120, 30);
    press(&mut app, KeyCode::Enter);
    for (w, h) in [
        (1, 1),
        (2, 1),
        (19, 5),
        (20, 6),
        (40, 12),
        (300, 100),
        (1, 200),
        (200, 1),
    ] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('G'));
    }
    for i in 0..500u16 {
        update(
            &mut app,
            Action::Resize {
                width: 20 + i % 180,
                height: 6 + i % 60,
            },
        );
    }
    assert!(!app.panes.too_small);
    update(
        &mut app,
        Action::Resize {
            width: 1,
            height: 1,
        },
    );
    assert!(app.panes.too_small);
}

/// A source of `lines` one-line paragraphs, built directly (ingest is not under test here).
pub fn long_source(lines: usize) -> Source {
    let mut text = String::with_capacity(lines * 12);
    let mut paragraphs = Vec::with_capacity(lines);
    for n in 0..lines {
        let start = text.len() as u32;
        text.push_str(&format!("line {}", n + 1));
        paragraphs.push(Paragraph {
            line: n as u32 + 1,
            kind: ParagraphKind::Text,
            span: start..text.len() as u32,
        });
        text.push('\n');
    }
    Source {
        id: "long".into(),
        path: "long.txt".into(),
        title: Some("A very long source".into()),
        date: None,
        url: None,
        outlet: None,
        people: vec![],
        metadata: Default::default(),
        text,
        paragraphs,
        words: lines * 2,
        warnings: vec![],
        quotes: vec![],
    }
}

#[test]
fn a_million_lines_scroll_to_the_last_one() {
    let corpus = Corpus::new(vec![long_source(1_000_000)], vec![], 0);
    let mut app = App::new(corpus);
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('G'));
    assert!(
        visible_text(&app).trim_end().ends_with("line 1000000"),
        "{}",
        visible_text(&app)
    );
    assert!(
        app.reader.top.item > u16::MAX as usize,
        "offsets are not limited to u16"
    );
    press(&mut app, KeyCode::PageUp);
    assert!(!visible_text(&app).contains("line 1000000"));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "line 999999");
    press(&mut app, KeyCode::Enter);
    assert!(visible_text(&app).contains("line 999999"));
}
