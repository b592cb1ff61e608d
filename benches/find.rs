//! The fuzzy filter per keystroke, at 10,000 and 100,000 sources built from the real scoop-nz
//! releases (repeated, with new ids, past its 33,584), when ../shared/corpora is present.
//! Run with `cargo bench --bench find`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use dossier::app::finder::{HITS_KEPT, HITS_WITH_POSITIONS};
use dossier::load::{LoadOptions, load_paths};
use dossier::model::Corpus;
use dossier::model::search::{self, Scope, SearchIndex};

/// What a user types, one more character per keystroke.
const TYPED: &str = "prepared to do its p";

fn corpus_of(n: usize, base: &Corpus) -> Corpus {
    let mut sources = Vec::with_capacity(n);
    for i in 0..n {
        let mut s = base.sources[i % base.sources.len()].clone();
        s.id = format!("{}~{i}", s.id);
        sources.push(s);
    }
    let mut corpus = Corpus::new(sources, vec![], 0);
    corpus.find_quotes();
    corpus
}

fn bench_find(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/scoop-nz");
    if !dir.is_dir() {
        eprintln!("../shared/corpora/scoop-nz not found: skipping the filter benchmark");
        return;
    }
    let base = load_paths(std::slice::from_ref(&dir), &LoadOptions::default());
    for n in [10_000, 100_000] {
        let corpus = corpus_of(n, &base);
        let index = SearchIndex::new(&corpus, corpus.by_date());
        let mut group = c.benchmark_group(format!("find {n} sources"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3));
        for scope in [Scope::Sources, Scope::Quotes] {
            for len in [1, 3, 8, 20] {
                let query = &TYPED[..len];
                // A keystroke from nothing: every item scored, then the hits the explorer
                // keeps (the first screens of them with their highlights).
                group.bench_with_input(
                    BenchmarkId::new(format!("{} first page", scope.name()), len),
                    &query,
                    |b, q| {
                        b.iter(|| {
                            let m =
                                search::filter(&index, &corpus, q, scope, None, HITS_KEPT, &|| {
                                    false
                                })
                                .unwrap();
                            black_box(search::hits(
                                &index,
                                &corpus,
                                &m,
                                HITS_KEPT,
                                HITS_WITH_POSITIONS,
                            ))
                        })
                    },
                );
                // The same keystroke narrowing the previous query's matches.
                if len > 1 {
                    let previous = search::filter(
                        &index,
                        &corpus,
                        &TYPED[..len - 1],
                        scope,
                        None,
                        HITS_KEPT,
                        &|| false,
                    )
                    .unwrap();
                    group.bench_with_input(
                        BenchmarkId::new(format!("{} narrowed", scope.name()), len),
                        &query,
                        |b, q| {
                            b.iter(|| {
                                black_box(search::filter(
                                    &index,
                                    &corpus,
                                    q,
                                    scope,
                                    Some(&previous),
                                    HITS_KEPT,
                                    &|| false,
                                ))
                            })
                        },
                    );
                }
            }
        }
        if n == 10_000 {
            // The text scope against one plain substring pass over the same folded text.
            index.items(Scope::Text, &corpus);
            let folded: Vec<String> = corpus
                .sources
                .iter()
                .flat_map(|s| (0..s.paragraphs.len()).map(move |p| s.paragraph_text(p)))
                .map(search::fold)
                .collect();
            group.bench_function("text 'minister' all sentences", |b| {
                b.iter(|| {
                    black_box(search::filter(
                        &index,
                        &corpus,
                        "minister",
                        Scope::Text,
                        None,
                        HITS_KEPT,
                        &|| false,
                    ))
                })
            });
            // (A `memmem` finder built once does no better here: 6.7 ms against 6.1 ms.)
            group.bench_function("one substring pass over the folded text", |b| {
                b.iter(|| black_box(folded.iter().filter(|t| t.contains("minister")).count()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_find);
criterion_main!(benches);
