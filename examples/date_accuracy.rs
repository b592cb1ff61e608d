//! How well dossier dates a source from its text alone: hide each dated source's date, infer
//! it from the body (bylines and datelines are furniture, so not read), and compare.
//!
//! ```sh
//! cargo run --release --example date_accuracy -- ../shared/corpora/scoop-nz [--misses N] [--diffs]
//! ```
//!
//! Two ways: by default, each source's text and what the words of the other dated sources
//! say of the years (the source's own words taken out of the counts first, so that it is not
//! dated by itself); with `--text-alone`, its text alone, by the rules.
//!
//! Prints, over the sources that state a date: how many get an inferred date at all
//! (coverage), and how often the inferred year, and the month when one is inferred, match the
//! stated date; over all sources (a source with no inference counts as wrong) and over those
//! with one. `--diffs` prints how many are off by each number of years.

use rayon::prelude::*;
use std::path::PathBuf;

use dossier::load::{LoadOptions, load_paths};
use dossier::model::chronology::place;
use dossier::model::nearest_dated::NearestDated;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut paths = Vec::new();
    let mut misses = 0usize;
    let mut diffs = false;
    let mut text_alone = false;
    while let Some(a) = args.next() {
        if a == "--diffs" {
            diffs = true;
        } else if a == "--text-alone" {
            text_alone = true;
        } else if a == "--misses" {
            misses = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    let corpus = load_paths(&paths, &LoadOptions::default());
    // Each source is scored with its own words taken out of what was learnt.
    let nearest = (!text_alone)
        .then(|| NearestDated::build(&corpus.sources))
        .flatten();
    let results: Vec<(String, String, Option<String>, Option<String>)> = corpus
        .sources
        .par_iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let stated = s.date.as_ref()?.stamp;
            let mut hidden = s.clone();
            hidden.date = None;
            let years = nearest.as_ref().and_then(|w| w.votes(s, Some(i)));
            let inferred = place(&hidden, &[], years.as_ref());
            let why = inferred
                .as_ref()
                .and_then(|d| d.evidence.first())
                .map(|e| format!("{e} | {}", e.text));
            Some((
                s.id.clone(),
                stated.to_string(),
                inferred.map(|d| d.best.to_string()),
                why,
            ))
        })
        .collect();
    let total = results.len();
    let inferred: Vec<_> = results.iter().filter(|r| r.2.is_some()).collect();
    let year_right = inferred
        .iter()
        .filter(|r| r.2.as_deref().unwrap().get(..4) == r.1.get(..4))
        .count();
    let with_month: Vec<_> = inferred
        .iter()
        .filter(|r| r.2.as_deref().unwrap().len() >= 7)
        .collect();
    let month_right = with_month
        .iter()
        .filter(|r| r.2.as_deref().unwrap().get(..7) == r.1.get(..7))
        .count();
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("dated sources: {total}");
    println!(
        "inferred:      {} ({:.1}%)",
        inferred.len(),
        pct(inferred.len(), total)
    );
    println!(
        "year right:    {year_right} = {:.1}% of all, {:.1}% of inferred",
        pct(year_right, total),
        pct(year_right, inferred.len())
    );
    println!(
        "month right:   {month_right} = {:.1}% of all, {:.1}% of the {} inferred to the month",
        pct(month_right, total),
        pct(month_right, with_month.len()),
        with_month.len()
    );
    let mut by_diff = std::collections::BTreeMap::new();
    for r in &inferred {
        let y = |s: &str| s.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
        *by_diff
            .entry(y(r.2.as_deref().unwrap()) - y(&r.1))
            .or_insert(0) += 1;
    }
    if diffs {
        println!("inferred year - stated year: {by_diff:?}");
    }
    let wrong = inferred
        .iter()
        .filter(|r| r.2.as_deref().unwrap().get(..4) != r.1.get(..4));
    for (id, stated, got, why) in wrong.take(misses) {
        println!(
            "\n{id}: stated {stated}, inferred {}\n  {}",
            got.as_deref().unwrap_or("-"),
            why.as_deref().unwrap_or("")
        );
    }
}
