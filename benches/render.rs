//! Frame time: a full 200x50 frame of the explorer with the sample corpus, and with 10,000,
//! 100,000 and 1,000,000 synthetic sources (only the visible window may cost anything).
//! Also the keystroke path: `update` for a move in a 100,000-source timeline.
//! Run with `cargo bench --bench render`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use dossier::app::{Action, App, update};
use dossier::load::load_bundled;
use dossier::model::date::{DateKind, DateStamp, StatedDate};
use dossier::model::{Corpus, Paragraph, ParagraphKind, Source};
use dossier::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// `n` sources of a few paragraphs each, dated across 25 years.
fn synthetic(n: usize) -> Corpus {
    let body = "New Zealand is committed to working more closely with NATO partners to support collective security in a worsening strategic environment, the minister says.";
    let sources = (0..n)
        .map(|i| {
            let mut text = String::new();
            let mut paragraphs = Vec::new();
            for p in 0..6u32 {
                let start = text.len() as u32;
                text.push_str(body);
                paragraphs.push(Paragraph {
                    line: p * 2 + 1,
                    kind: ParagraphKind::Text,
                    span: start..text.len() as u32,
                });
                text.push('\n');
            }
            let stamp = DateStamp::ymd(
                2000 + (i % 25) as i16,
                1 + (i % 12) as u8,
                1 + (i % 28) as u8,
            )
            .unwrap();
            Source {
                id: format!("synthetic/{i:07}"),
                path: format!("synthetic/{i:07}.md"),
                title: Some(format!("Release number {i} on security cooperation")),
                date: Some(StatedDate {
                    stamp,
                    kind: DateKind::Published,
                    evidence: format!("date: {stamp}"),
                }),
                url: None,
                outlet: Some("example.org".into()),
                people: vec![],
                metadata: Default::default(),
                text,
                paragraphs,
                words: 150,
                warnings: vec![],
                quotes: vec![],
                inferred: None,
            }
        })
        .collect();
    Corpus::new(sources, vec![], 0)
}

fn app_for(corpus: Corpus) -> App {
    let mut app = App::new(corpus);
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 50,
        },
    );
    // Somewhere in the middle, with the reader open.
    update(&mut app, Action::HalfPageDown);
    update(&mut app, Action::Open);
    update(&mut app, Action::FocusNext);
    app
}

fn bench_frames(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let mut group = c.benchmark_group("frame 200x50");
    let sample = app_for(load_bundled());
    group.bench_function("sample corpus", |b| {
        b.iter(|| {
            terminal.draw(|f| ui::draw(f, black_box(&sample))).unwrap();
        })
    });
    for n in [10_000, 100_000, 1_000_000] {
        let app = app_for(synthetic(n));
        group.bench_function(format!("{n} sources"), |b| {
            b.iter(|| {
                terminal.draw(|f| ui::draw(f, black_box(&app))).unwrap();
            })
        });
    }
    group.finish();

    let mut app = app_for(synthetic(100_000));
    update(&mut app, Action::FocusNext);
    c.bench_function("keystroke: j in a 100,000-source timeline", |b| {
        b.iter(|| {
            update(&mut app, Action::MoveDown);
            update(&mut app, Action::MoveUp);
        })
    });
}

criterion_group!(benches, bench_frames);
criterion_main!(benches);
