//! Keys in, state out: the explorer driven through the keymap and `update`, no terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::app::finder::FilterWorker;
use dossier::app::reader::{ItemKind, Row};
use dossier::app::{Action, App, Effect, Mode, Pane, View, update};
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
    let effects = match action_for(KeyEvent::new(code, modifiers), app.mode()) {
        Some(action) => update(app, action),
        None => vec![],
    };
    // The runtime filters on a worker thread; here the answer comes at once.
    for effect in &effects {
        if let Effect::Filter(request) = effect {
            let mut worker = FilterWorker::new(&app.corpus);
            if let Some(result) = worker.run(&app.corpus, request, &|| false) {
                app.receive_filter(result);
            }
        }
    }
    effects
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn selected_id(app: &App) -> &str {
    &app.corpus.sources[app.selected_source().unwrap()].id
}

/// Select the source whose id starts with `prefix` in the timeline, with keys: to the top,
/// then down.
pub fn select_source(app: &mut App, prefix: &str) {
    press(app, KeyCode::Home);
    for _ in 0..app.timeline.order.len() {
        if selected_id(app).starts_with(prefix) {
            return;
        }
        press(app, KeyCode::Char('j'));
    }
    panic!("no source {prefix} in the timeline");
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
    let order = |app: &App| -> Vec<String> {
        app.timeline
            .order
            .iter()
            .map(|&i| app.corpus.sources[i].id[..3].to_string())
            .collect()
    };
    // The undated are placed by the dates their text implies (before the shared-passage
    // index refines them): 003 ≈2023-04, 002 ≈2023-06, 001 ≈2024-04.
    assert_eq!(order(&app), ["003", "002", "001", "000", "004"]);
    assert_eq!(selected_id(&app), "003_57aad015201fb72d");
    assert_eq!(
        app.reader.source,
        app.selected_source(),
        "the reader previews the selection"
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_id(&app), "002_f514365add965c11");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.timeline.list.selected, 4);
    assert_eq!(selected_id(&app), "004_62a5ab54de7c5f0b", "2024-07-05 last");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.timeline.list.selected, 4, "the end stays the end");
    press(&mut app, KeyCode::Home);
    assert_eq!(app.timeline.list.selected, 0);
    select_source(&mut app, "000");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        selected_id(&app),
        "000_c913cf1023a538cf",
        "the selection follows its source"
    );
    assert_eq!(
        order(&app),
        ["004", "000", "001", "002", "003"],
        "newest first"
    );
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(order(&app)[0], "003", "s again: oldest first");
}

#[test]
fn enter_opens_the_reader_and_esc_steps_back() {
    let mut app = sample_app(120, 30);
    select_source(&mut app, "000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Reader);
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
    assert_eq!(app.mode(), Mode::List(View::Timeline));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn search_highlights_counts_and_steps_through_matches() {
    let mut app = sample_app(120, 30);
    select_source(&mut app, "000");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(
        app.mode(),
        Mode::Prompt,
        "in the reader / searches the open source"
    );
    type_text(&mut app, "nato");
    let search = app.reader.search.clone().expect("incremental search");
    assert_eq!(search.query, "nato");
    // 000 says NATO six times; smart case finds them all.
    assert_eq!(search.matches.len(), 6);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Reader);
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
    select_source(&mut app, "000");
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
    select_source(&mut app, "001");
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
    select_source(&mut app, "003");
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
        Mode::List(View::Timeline),
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
    assert_eq!(app.timeline.list.selected, 0, "the timeline did not move");
    let timeline = app.panes.list.unwrap();
    update(
        &mut app,
        Action::Click {
            column: timeline.x + 3,
            row: timeline.y + 3,
        },
    );
    assert_eq!(app.timeline.list.selected, 2);
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
        inferred: None,
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

/// The quote the quotes view selects: (source id, text, speaker).
fn selected_quote(app: &App) -> (String, String, Option<String>) {
    let (source, quote) = app.corpus.quote(app.quotes.selected().unwrap());
    (
        source.id.clone(),
        quote.text(source).into_owned(),
        quote.speaker.clone(),
    )
}

#[test]
fn the_quotes_view_lists_sorts_previews_opens_and_copies() {
    let mut app = sample_app(120, 30);
    press(&mut app, KeyCode::Char('Q'));
    assert_eq!(app.mode(), Mode::List(View::Quotes));
    assert_eq!(app.quotes.rows.len(), 19);
    let first = selected_quote(&app);
    assert!(
        first.0.starts_with("003"),
        "by date, inferred dates included: 003 (≈2023-04) first"
    );
    // 000's second quote: past 003's, 002's and 001's quotes and 000's first.
    while !selected_quote(&app).0.starts_with("000") {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('j'));
    let (id, text, speaker) = selected_quote(&app);
    assert!(text.starts_with("Challenges to the international rules-based system"));
    assert_eq!(speaker.as_deref(), Some("Winston Peters"));
    // The reader previews it: its source, the quote highlighted and in view.
    assert_eq!(app.open_source().unwrap().id, id);
    let q = app.quotes.selected().unwrap().quote as usize;
    assert_eq!(app.reader.focused_quote, Some(q));
    assert!(visible_text(&app).contains("Challenges to the international"));

    let Effect::Copy(citation) = &press(&mut app, KeyCode::Char('y'))[0] else {
        panic!("y copies")
    };
    assert!(
        citation.starts_with("“Challenges to the international rules-based system"),
        "{citation}"
    );
    assert!(
        citation.ends_with("must be prepared to do its part” (Winston Peters, “Security cooperation in challenging world”, beehive.govt.nz, 2024-04-04, https://www.beehive.govt.nz/release/security-cooperation-challenging-world)"),
        "{citation}"
    );

    // Sorting keeps the selected quote selected.
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.message.as_deref(), Some("quotes by speaker"));
    assert_eq!(selected_quote(&app).1, text);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(selected_quote(&app).2.as_deref(), Some("Diella"), "D first");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.message.as_deref(), Some("quotes by source"));
    press(&mut app, KeyCode::Char('G'));
    assert!(
        selected_quote(&app).0.starts_with("003"),
        "004 has no quotes"
    );

    // Enter reads it in the reader, where y copies the highlighted quote.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Reader);
    let Effect::Copy(copied) = &press(&mut app, KeyCode::Char('y'))[0] else {
        panic!("y copies in the reader")
    };
    let (_, text, speaker) = selected_quote(&app);
    assert!(copied.starts_with(&format!("“{}", &text[..40])), "{copied}");
    assert!(
        copied.contains(&format!("” ({}, “", speaker.unwrap())),
        "{copied}"
    );
}

#[test]
fn the_speakers_list_counts_and_narrows_the_quotes() {
    let mut app = sample_app(120, 30);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.mode(), Mode::List(View::Speakers));
    let counts: Vec<(Option<&str>, usize)> = app
        .speakers
        .rows
        .iter()
        .map(|s| (s.name.as_deref(), s.quotes))
        .collect();
    assert_eq!(
        counts,
        vec![
            (Some("Winston Peters"), 10),
            (Some("Robert Patman"), 5),
            (Some("Diella"), 2),
            (Some("Mahuta"), 2)
        ]
    );
    assert_eq!(app.speakers.rows[0].sources, 3);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        app.speakers.selected().unwrap().name.as_deref(),
        Some("Winston Peters")
    );
    assert_eq!(
        app.speakers.rows[0].name.as_deref(),
        Some("Diella"),
        "by name"
    );
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        app.speakers.selected().unwrap().name.as_deref(),
        Some("Robert Patman")
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::List(View::Quotes));
    assert_eq!(app.quotes.rows.len(), 5);
    assert!((0..5).all(|_| {
        let ok = selected_quote(&app).2.as_deref() == Some("Robert Patman");
        press(&mut app, KeyCode::Char('j'));
        ok
    }));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.quotes.rows.len(), 19, "Esc widens to every speaker");
    assert_eq!(app.quotes.speaker, None);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.mode(), Mode::List(View::Timeline));
}

#[test]
fn the_reader_notes_who_said_each_quote() {
    let mut app = sample_app(120, 30);
    select_source(&mut app, "000");
    let notes: Vec<String> = app
        .reader
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.kind == ItemKind::QuoteNote)
        .map(|(n, _)| {
            app.reader
                .item_text(n, app.open_source().unwrap())
                .to_string()
        })
        .collect();
    assert_eq!(notes.len(), 4, "{notes:?}");
    assert!(
        notes.iter().all(|n| n.contains("Winston Peters")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("also in 002")),
        "the quote 002 repeats says so: {notes:?}"
    );
    // The cursor skips notes: it only stops on paragraphs.
    press(&mut app, KeyCode::Enter);
    for _ in 0..6 {
        press(&mut app, KeyCode::Char('}'));
        let cursor = app.reader.cursor.unwrap();
        assert!(app.reader.paragraph_index(cursor).is_some());
    }
}

/// The sample explorer with its shared-passage index built (the runtime builds it on a
/// worker after the first frame).
pub fn indexed_app(width: u16, height: u16) -> App {
    let mut app = sample_app(width, height);
    let index = dossier::model::shared::SharedIndex::build(&app.corpus.sources);
    let placed = app.corpus.place_undated(Some(&index));
    app.set_shared_index(index, Some(placed));
    app
}

fn id_of(app: &App, source: usize) -> &str {
    &app.corpus.sources[source].id[..3]
}

/// The text of the shared spans of one side of the comparison.
fn shared_texts(app: &App, side: usize) -> Vec<String> {
    let c = app.comparison.as_ref().unwrap();
    let source = &app.corpus.sources[c.sources()[side]];
    c.sides[side]
        .shared_spans
        .iter()
        .filter(|s| !s.edited)
        .map(|s| source.paragraph_text(s.paragraph)[s.range.clone()].to_string())
        .collect()
}

/// Whether a comparison side shows (part of) the paragraph containing `needle`.
fn side_shows(app: &App, side: usize, needle: &str) -> bool {
    let c = app.comparison.as_ref().unwrap();
    let reader = &c.sides[side];
    let source = &app.corpus.sources[c.sources()[side]];
    reader.window.iter().any(|row| match row {
        Row::Text { item, .. } => reader.item_text(*item, source).contains(needle),
        Row::Gap => false,
    })
}

#[test]
fn c_opens_a_source_beside_its_most_related_with_the_shared_sentence_in_both() {
    let mut app = sample_app(120, 30);
    press(&mut app, KeyCode::Char('c'));
    assert!(app.comparison.is_none(), "no index yet: nothing opens");
    assert!(app.message.as_deref().unwrap().contains("still finding"));

    let mut app = indexed_app(120, 30);
    select_source(&mut app, "000");
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.mode(), Mode::Compare);
    let c = app.comparison.as_ref().unwrap();
    let [a, b] = c.sources();
    assert_eq!((id_of(&app, a), id_of(&app, b)), ("000", "001"));
    let brussels = "While in Brussels";
    let left = shared_texts(&app, 0);
    let right = shared_texts(&app, 1);
    assert!(
        left.iter()
            .any(|t| t.starts_with(brussels) && t.contains("Mr Peters")),
        "{left:?}"
    );
    assert!(
        right
            .iter()
            .any(|t| t.starts_with(brussels) && t.ends_with("European Commission")),
        "{right:?}"
    );
    let current = &c.passages[c.current.unwrap()];
    assert_eq!(
        current.tier.name(),
        "verbatim",
        "opens on the strong passage"
    );
    assert!(side_shows(&app, 0, brussels) && side_shows(&app, 1, brussels));
    assert!(c.shares[0] > 0.05 && c.shares[1] > 0.05, "{:?}", c.shares);

    // ] and [ step both panes through the passages, wrapping around.
    let first = c.current;
    press(&mut app, KeyCode::Char(']'));
    let c = app.comparison.as_ref().unwrap();
    assert_ne!(c.current, first);
    assert!(side_shows(&app, 0, "worsening strategic environment"));
    assert!(side_shows(&app, 1, "worsening strategic environment"));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.comparison.as_ref().unwrap().current, first);

    // Tab switches the focused side; Esc closes and the explorer is as it was.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.comparison.as_ref().unwrap().focus, 1);
    press(&mut app, KeyCode::Esc);
    assert!(app.comparison.is_none());
    assert_eq!(app.mode(), Mode::List(View::Timeline));
    assert_eq!(selected_id(&app), "000_c913cf1023a538cf");
}

#[test]
fn the_panes_scroll_together_through_the_alignment_or_each_alone() {
    // 001 is the longer of the two: scrolling it must bring 000 along.
    let mut app = indexed_app(120, 16);
    select_source(&mut app, "001");
    press(&mut app, KeyCode::Char('c'));
    let [a, b] = app.comparison.as_ref().unwrap().sources();
    assert_eq!((id_of(&app, a), id_of(&app, b)), ("001", "000"));
    let brussels = "While in Brussels";
    assert!(side_shows(&app, 0, brussels) && side_shows(&app, 1, brussels));
    press(&mut app, KeyCode::Char('g'));
    assert!(
        !side_shows(&app, 1, brussels),
        "to the top on the left brings the right to its top"
    );
    let mut together = 0;
    for _ in 0..120 {
        press(&mut app, KeyCode::Char('j'));
        if side_shows(&app, 0, brussels) {
            together += 1;
            assert!(
                side_shows(&app, 1, brussels),
                "the matching passage stays in view"
            );
        }
    }
    assert!(
        together > 3,
        "the passage was scrolled through ({together} steps)"
    );

    // Each on its own: scrolling the left leaves the right where it is.
    press(&mut app, KeyCode::Char('s'));
    assert!(!app.comparison.as_ref().unwrap().together);
    let right_top = app.comparison.as_ref().unwrap().sides[1].top;
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.comparison.as_ref().unwrap().sides[1].top, right_top);
    assert_eq!(app.comparison.as_ref().unwrap().sides[0].top.item, 0);
}

#[test]
fn the_reader_marks_passages_found_elsewhere_and_c_compares_there() {
    let mut app = indexed_app(120, 40);
    select_source(&mut app, "000");
    press(&mut app, KeyCode::Enter);
    let with: Vec<&str> = app
        .reader
        .shared_with()
        .into_iter()
        .map(|s| id_of(&app, s))
        .collect();
    assert_eq!(
        with,
        ["002", "001"],
        "000 shares strong passages with 002 and 001, in its order"
    );
    // The cursor on the paragraph 002 quotes: c compares with 002, not the most related.
    let source = app.open_source().unwrap();
    let quoted = (0..source.paragraphs.len())
        .find(|&p| source.paragraph_text(p).contains("prepared to do its part"))
        .unwrap();
    while app.reader.paragraph_index(app.reader.cursor.unwrap()) != Some(quoted) {
        press(&mut app, KeyCode::Char('}'));
    }
    press(&mut app, KeyCode::Char('c'));
    let [a, b] = app.comparison.as_ref().unwrap().sources();
    assert_eq!((id_of(&app, a), id_of(&app, b)), ("000", "002"));
    let right = shared_texts(&app, 1);
    assert!(
        right.iter().any(|t| t.contains("prepared to do its part")),
        "{right:?}"
    );
}

#[test]
fn shift_c_picks_the_source_to_compare_with() {
    let mut app = indexed_app(120, 30);
    select_source(&mut app, "000");
    press_with(&mut app, KeyCode::Char('C'), KeyModifiers::SHIFT);
    assert_eq!(app.mode(), Mode::Overlay);
    let listed: Vec<&str> = app.related.iter().map(|r| id_of(&app, r.source)).collect();
    assert_eq!(listed, ["001", "002"]);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    let [a, b] = app.comparison.as_ref().unwrap().sources();
    assert_eq!((id_of(&app, a), id_of(&app, b)), ("000", "002"));
    // A source sharing only a phrase still opens beside it (003 and 004 share ten words).
    let mut app = indexed_app(120, 30);
    select_source(&mut app, "003");
    press(&mut app, KeyCode::Char('c'));
    let c = app.comparison.as_ref().unwrap();
    assert_eq!(id_of(&app, c.sources()[1]), "004");
    assert_eq!(c.strongest.name(), "phrase");
    // A source sharing nothing says so, and nothing opens.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "a.txt",
            "Alpha\n\nThe quick brown fox jumps over the lazy dog near the river bank.\n",
        ),
        (
            "b.txt",
            "Beta\n\nSeven wonders of the ancient world were listed by travellers long ago.\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let corpus = dossier::load::load_paths(&[dir.path().to_path_buf()], &Default::default());
    let mut app = App::new(corpus);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 30,
        },
    );
    let index = dossier::model::shared::SharedIndex::build(&app.corpus.sources);
    app.set_shared_index(index, None);
    press(&mut app, KeyCode::Char('c'));
    assert!(app.comparison.is_none());
    let message = app.message.clone().unwrap();
    assert!(message.contains("a shares no passage"), "{message}");
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    press_with(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn hit_texts(app: &App) -> Vec<String> {
    app.finder
        .as_ref()
        .unwrap()
        .hits
        .iter()
        .map(|h| h.text.clone())
        .collect()
}

#[test]
fn ctrl_p_finds_a_quote_in_a_few_letters_and_enter_lands_on_it() {
    let mut app = sample_app(120, 40);
    ctrl(&mut app, 'p');
    assert_eq!(app.mode(), Mode::Finder);
    let finder = app.finder.as_ref().unwrap();
    assert_eq!(finder.hits.len(), 5, "nothing typed: every source");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.finder.as_ref().unwrap().scope.name(), "quotes");
    type_text(&mut app, "prepared to do its part");
    let hits = hit_texts(&app);
    assert!(
        hits[0].starts_with("New Zealand must be prepared to do its part — Winston Peters"),
        "{hits:?}"
    );
    let first = &app.finder.as_ref().unwrap().hits[0];
    let id = app.corpus.sources[first.source].id.clone();
    let positions = first.positions.clone();
    assert!(!positions.is_empty(), "the matched characters are known");
    press(&mut app, KeyCode::Enter);
    assert!(app.finder.is_none());
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.open_source().unwrap().id, id);
    let focused = app.reader.focused_quote.expect("the quote is highlighted");
    let source = app.open_source().unwrap();
    assert!(
        source.quotes[focused]
            .text(source)
            .contains("prepared to do its part")
    );
    assert!(
        visible_text(&app).contains("prepared to do its part"),
        "scrolled to it"
    );
    // The query is in the history: Ctrl-p inside the finder brings it back.
    ctrl(&mut app, 'p');
    ctrl(&mut app, 'p');
    assert_eq!(app.finder.as_ref().unwrap().text, "prepared to do its part");
    assert!(!hit_texts(&app).is_empty());
}

#[test]
fn the_finder_ranks_words_first_folds_diacritics_and_esc_changes_nothing() {
    let mut app = sample_app(120, 40);
    press(&mut app, KeyCode::Char('j'));
    let before = (
        app.view,
        app.focus,
        app.selected_source(),
        app.reader.source,
    );
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(
        app.mode(),
        Mode::Finder,
        "/ in the timeline opens the finder"
    );
    type_text(&mut app, "text: nato");
    let f = app.finder.as_ref().unwrap();
    assert_eq!(f.scope.name(), "text", "a scope typed first switches to it");
    assert_eq!(f.text, "nato");
    assert!(f.total > 20, "every sentence with NATO: {}", f.total);
    assert!(hit_texts(&app)[0].contains("NATO"));
    // Fields and negation narrow; an impossible query finds nothing.
    for c in " date:2024-07".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let ids: Vec<&str> = app
        .finder
        .as_ref()
        .unwrap()
        .hits
        .iter()
        .map(|h| id_of(&app, h.source))
        .collect();
    assert!(
        !ids.is_empty() && ids.iter().all(|&i| i == "004"),
        "{ids:?}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        (
            app.view,
            app.focus,
            app.selected_source(),
            app.reader.source
        ),
        before,
        "Esc leaves the view as it was"
    );
    // A sentence hit opens highlighted in the reader.
    ctrl(&mut app, 'p');
    type_text(&mut app, "text: 'Madrid");
    let hit = app.finder.as_ref().unwrap().hits[0].clone();
    assert!(hit.text.contains("Madrid"), "{:?}", hit.text);
    press(&mut app, KeyCode::Enter);
    let search = app
        .reader
        .search
        .as_ref()
        .expect("the sentence is highlighted");
    let m = &search.matches[search.current];
    let source = app.open_source().unwrap();
    assert_eq!(
        &app.reader.item_text(m.item, source)[m.range.clone()],
        hit.text
    );
}

#[test]
fn narrowing_from_the_previous_query_finds_what_starting_over_finds() {
    use dossier::app::finder::FilterRequest;
    use dossier::model::search::Scope;
    let mut corpus = load_bundled();
    corpus.find_quotes();
    for scope in Scope::ALL {
        let mut typing = FilterWorker::new(&corpus);
        let query = "nato partner";
        for n in 1..=query.len() {
            let request = FilterRequest {
                generation: n as u64,
                scope,
                query: query[..n].to_string(),
            };
            let narrowed = typing.run(&corpus, &request, &|| false).unwrap();
            let fresh = FilterWorker::new(&corpus)
                .run(&corpus, &request, &|| false)
                .unwrap();
            assert_eq!(narrowed, fresh, "{scope:?} {:?}", &query[..n]);
        }
        // A cancelled query answers nothing.
        let request = FilterRequest {
            generation: 99,
            scope,
            query: "peters".into(),
        };
        assert!(typing.run(&corpus, &request, &|| true).is_none());
    }
}

#[test]
fn t_shows_the_events_and_enter_reads_the_sentence() {
    let mut app = indexed_app(120, 30);
    // The reader of an undated source shows its inferred date and the evidence.
    select_source(&mut app, "001");
    let header: Vec<String> = (0..6)
        .map(|i| {
            app.reader
                .item_text(i, app.open_source().unwrap())
                .to_string()
        })
        .collect();
    assert!(
        header[1].starts_with("date     ≈ 2024-04 · inferred"),
        "{header:?}"
    );
    assert!(
        header
            .iter()
            .any(|h| h.contains("not before 2024-04-04: copies a passage of 000")),
        "{header:?}"
    );

    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.mode(), Mode::List(View::Events));
    // The selected event group's first telling: (source, event).
    let first = |app: &App| -> (usize, dossier::model::events::Event, usize) {
        let events = app.events.as_ref().unwrap();
        let group = events.selected().expect("an event, never a year");
        let (s, e) = events.first(group);
        (s, e.clone(), group.tellings.len())
    };
    let (_, event, tellings) = first(&app);
    assert_eq!(event.date(), "2001");
    assert_eq!(tellings, 2, "002 and 004 both tell it");
    // j walks the events, stepping over the year headings.
    let mut seen = Vec::new();
    for _ in 0..30 {
        seen.push(first(&app).1.date());
        press(&mut app, KeyCode::Char('j'));
    }
    seen.dedup();
    assert_eq!(seen.first().map(String::as_str), Some("2001"));
    assert_eq!(seen.last().map(String::as_str), Some("2024-07"));
    // k back up also skips headings; Enter reads the sentence, highlighted.
    press(&mut app, KeyCode::Char('k'));
    let (s, event, _) = first(&app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.reader.source, Some(s));
    let m = &app.reader.search.as_ref().unwrap().matches[0];
    assert_eq!(
        m.range,
        event.sentence.start as usize..event.sentence.end as usize
    );
    assert!(visible_text(&app).contains("Vilnius Summit"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.mode(), Mode::List(View::Timeline));
}

#[test]
fn the_index_arriving_redates_the_undated_and_the_open_reader_says_so() {
    let mut app = sample_app(120, 30);
    select_source(&mut app, "002");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('}'));
    let cursor = app.reader.cursor;
    let header = |app: &App| {
        app.reader
            .item_text(1, app.open_source().unwrap())
            .to_string()
    };
    assert!(
        header(&app).starts_with("date     ≈ 2023-06"),
        "{}",
        header(&app)
    );
    let index = dossier::model::shared::SharedIndex::build(&app.corpus.sources);
    let placed = app.corpus.place_undated(Some(&index));
    app.set_shared_index(index, Some(placed));
    assert!(
        header(&app).starts_with("date     ≈ 2024-04"),
        "{}",
        header(&app)
    );
    assert_eq!(app.reader.cursor, cursor, "the reader keeps its place");
    assert_eq!(
        selected_id(&app),
        "002_f514365add965c11",
        "the selection follows"
    );
}
