//! Loading speed: the bundled sample, hostile front matter, and (when ../shared/corpora is
//! present) the 33,584 scoop-nz releases and their quotes. Run with `cargo bench --bench load`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use dossier::app::compare::{self, Comparison};
use dossier::load::{LoadOptions, load_bundled, load_paths};
use dossier::model::front_matter;
use dossier::model::shared::SharedIndex;

fn corpus_dir(name: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    dir.is_dir().then_some(dir)
}

fn bench_load(c: &mut Criterion) {
    c.bench_function("load bundled sample", |b| {
        b.iter(|| black_box(load_bundled()))
    });

    let nested = format!(
        "---\nx: {}{}\n---\nbody\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let mut laughs = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in [
        ("b", "a"),
        ("c", "b"),
        ("d", "c"),
        ("e", "d"),
        ("f", "e"),
        ("g", "f"),
        ("h", "g"),
        ("i", "h"),
    ] {
        laughs.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    laughs.push_str("---\nbody\n");
    c.bench_function("front matter: 50,000 nested brackets", |b| {
        b.iter(|| black_box(front_matter::split(&nested)))
    });
    c.bench_function("front matter: billion laughs", |b| {
        b.iter(|| black_box(front_matter::split(&laughs)))
    });

    if let Some(dir) = corpus_dir("scoop-nz") {
        let mut group = c.benchmark_group("scoop-nz");
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(20));
        group.bench_function("load 33,584 releases", |b| {
            b.iter(|| {
                black_box(load_paths(
                    std::slice::from_ref(&dir),
                    &LoadOptions::default(),
                ))
            })
        });
        // What the explorer does before its first frame: load, find the quotes, date the
        // undated sources from their text, sort. The shared-passage index is built after it,
        // in the background.
        group.bench_function("load 33,584 releases and open the explorer on them", |b| {
            b.iter(|| {
                black_box(dossier::app::App::new(load_paths(
                    std::slice::from_ref(&dir),
                    &LoadOptions::default(),
                )))
            })
        });
        // Quotes are found once the sources are loaded (the explorer and `dossier quotes`).
        let mut corpus = load_paths(std::slice::from_ref(&dir), &LoadOptions::default());
        group.bench_function("find quotes in 33,584 releases", |b| {
            b.iter(|| corpus.find_quotes())
        });
        // Dated events of every release, in date order (the events view, `timeline --events`).
        group.bench_function("find the dated events of 33,584 releases", |b| {
            b.iter(|| black_box(dossier::model::chronology::all_events(&corpus)))
        });
        // Shared passages: every release's words as tokens (what aligning two releases
        // reads), the corpus index, then the related sources of one release.
        group.bench_function("the words of 33,584 releases as tokens", |b| {
            use rayon::prelude::*;
            b.iter(|| {
                corpus
                    .sources
                    .par_iter()
                    .map(|s| dossier::model::shared::tokens(s).len())
                    .sum::<usize>()
            })
        });
        group.bench_function("build the shared-passage index", |b| {
            b.iter(|| black_box(SharedIndex::build(&corpus.sources)))
        });
        let index = SharedIndex::build(&corpus.sources);
        let one = corpus.sources.len() / 2;
        group.bench_function("related sources of one release", |b| {
            b.iter(|| black_box(index.related(&corpus.sources, one)))
        });
        // What the explorer does per keystroke once the index exists: mark, in the previewed
        // source, the passages others share; and on `c`, the comparison itself.
        group.bench_function(
            "mark shared passages of one release (reader preview)",
            |b| b.iter(|| black_box(compare::elsewhere(&index, &corpus.sources, one))),
        );
        // Dating undated sources by their nearest dated ones in words: the index of the dated
        // sources' words, then one release dated as if it stated no date.
        use dossier::model::nearest_dated::NearestDated;
        group.bench_function("index the words of the dated releases", |b| {
            b.iter(|| black_box(NearestDated::build(&corpus.sources)))
        });
        let nearest = NearestDated::build(&corpus.sources).expect("dated releases");
        group.bench_function("date one release by its nearest in words", |b| {
            b.iter(|| black_box(nearest.votes(&corpus.sources[one], Some(one))))
        });
        let most = index.related(&corpus.sources, one)[0].source;
        group.bench_function("open one release beside its most related", |b| {
            b.iter(|| black_box(Comparison::new(&corpus, &index, one, most, false)))
        });
        group.finish();
        // The slowest previews matter more than the median: time each of 2,000 releases.
        let mut slowest = (Duration::ZERO, 0);
        for i in (0..corpus.sources.len()).step_by(corpus.sources.len() / 2000) {
            let start = std::time::Instant::now();
            black_box(compare::elsewhere(&index, &corpus.sources, i));
            slowest = slowest.max((start.elapsed(), i));
        }
        eprintln!(
            "slowest reader preview of 2,000 releases: {:?} ({})",
            slowest.0, corpus.sources[slowest.1].id
        );
    } else {
        eprintln!("../shared/corpora/scoop-nz not found: skipping the corpus benchmark");
    }
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
