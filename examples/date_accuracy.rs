//! How well dossier dates a source from its text alone: hide each dated source's date, infer
//! it from the body (bylines and datelines are furniture, so not read), and compare.
//!
//! ```sh
//! cargo run --release --example date_accuracy -- ../shared/corpora/scoop-nz [--text-alone | --front-matter-hidden] [--misses N] [--diffs]
//! ```
//!
//! Three ways: by default, each source's text, the strong passages it shares with other
//! dated sources, and the votes of the dated sources nearest to it in words (the source itself
//! does not vote), and also the votes alone, and how often their most voted year is right when
//! it has half or 70% of the votes; with `--text-alone`, its text alone, by the rules. With
//! `--front-matter-hidden`, each file is read again without its front matter's date fields,
//! as a user's copy without them would be: what dossier then gives, a date the body states
//! (a byline, a dateline) or else the default way's inference.
//!
//! Prints, over the sources that state a date: how many get an inferred date at all
//! (coverage), and how often the inferred year, and the month when one is inferred, match the
//! stated date; over all sources (a source with no inference counts as wrong) and over those
//! with one. `--diffs` prints how many are off by each number of years.

use rayon::prelude::*;
use std::path::PathBuf;

use dossier::load::{LoadOptions, load_paths};
use dossier::model::chronology::place;
use dossier::model::date::StatedDate;
use dossier::model::ingest::{DATE_KEYS, Document, Format, ingest};
use dossier::model::nearest_dated::NearestDated;
use dossier::model::shared::SharedIndex;
use dossier::model::source::Source;

/// A source that states a date, and what dossier makes of it hidden.
struct Dated {
    id: String,
    stated: String,
    inferred: Option<String>,
    /// The first piece of evidence, with its text.
    why: Option<String>,
    /// The year the nearest sources vote for most, and its share of the votes.
    most_voted: Option<(i16, f64)>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut paths = Vec::new();
    let mut misses = 0usize;
    let mut diffs = false;
    let mut text_alone = false;
    let mut front_matter_hidden = false;
    while let Some(a) = args.next() {
        if a == "--diffs" {
            diffs = true;
        } else if a == "--front-matter-hidden" {
            front_matter_hidden = true;
        } else if a == "--text-alone" {
            text_alone = true;
        } else if a == "--misses" {
            misses = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    let corpus = load_paths(&paths, &LoadOptions::default());
    // Each source is dated without its own vote (`votes(s, Some(i))`).
    let nearest = (!text_alone)
        .then(|| NearestDated::build(&corpus.sources))
        .flatten();
    let shared = (!text_alone).then(|| SharedIndex::build(&corpus.sources));
    let results: Vec<Dated> = corpus
        .sources
        .par_iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let stated = s.date.as_ref()?.stamp;
            if front_matter_hidden && let Some(date) = body_date(s) {
                return Some(Dated {
                    id: s.id.clone(),
                    stated: stated.to_string(),
                    inferred: Some(date.stamp.to_string()),
                    why: Some(format!("stated in the body: {}", date.evidence)),
                    most_voted: None,
                });
            }
            let mut hidden = s.clone();
            hidden.date = None;
            let years = nearest.as_ref().and_then(|w| w.votes(s, Some(i)));
            let copies = shared
                .as_ref()
                .map_or_else(Vec::new, |index| corpus.copies(index, i));
            let inferred = place(&hidden, &copies, years.as_ref());
            let most_voted = years
                .as_ref()
                .and_then(|v| Some((v.most_voted()?.year, v)))
                .map(|(year, v)| (year, v.share(year)));
            let why = inferred
                .as_ref()
                .and_then(|d| d.evidence.first())
                .map(|e| format!("{e} | {}", e.text));
            Some(Dated {
                id: s.id.clone(),
                stated: stated.to_string(),
                inferred: inferred.map(|d| d.best.to_string()),
                why,
                most_voted,
            })
        })
        .collect();
    let total = results.len();
    let inferred: Vec<_> = results.iter().filter(|r| r.inferred.is_some()).collect();
    let year_right = inferred
        .iter()
        .filter(|r| r.inferred.as_deref().unwrap().get(..4) == r.stated.get(..4))
        .count();
    let with_month: Vec<_> = inferred
        .iter()
        .filter(|r| r.inferred.as_deref().unwrap().len() >= 7)
        .collect();
    let month_right = with_month
        .iter()
        .filter(|r| r.inferred.as_deref().unwrap().get(..7) == r.stated.get(..7))
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
    // The votes alone: the most voted year, and how often it is right by its share of votes.
    if nearest.is_some() && !front_matter_hidden {
        let stated_year = |r: &Dated| r.stated.get(..4).and_then(|y| y.parse().ok());
        let right_from = |least: f64| {
            let voted: Vec<_> = results
                .iter()
                .filter(|r| r.most_voted.is_some_and(|(_, share)| share >= least))
                .collect();
            let right = voted
                .iter()
                .filter(|r| r.most_voted.map(|(y, _)| y) == stated_year(r))
                .count();
            (right, voted.len())
        };
        let (right, _) = right_from(0.0);
        println!(
            "votes alone:   year right {right} = {:.1}% of all",
            pct(right, total)
        );
        for least in [0.5, 0.7] {
            let (right, of) = right_from(least);
            println!(
                "  with {:.0}% of the votes or more: {of} sources, year right {:.1}%",
                100.0 * least,
                pct(right, of)
            );
        }
    }
    let mut by_diff = std::collections::BTreeMap::new();
    for r in &inferred {
        let y = |s: &str| s.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
        *by_diff
            .entry(y(r.inferred.as_deref().unwrap()) - y(&r.stated))
            .or_insert(0) += 1;
    }
    if diffs {
        println!("inferred year - stated year: {by_diff:?}");
    }
    let wrong = inferred
        .iter()
        .filter(|r| r.inferred.as_deref().unwrap().get(..4) != r.stated.get(..4));
    for Dated {
        id,
        stated,
        inferred: got,
        why,
        ..
    } in wrong.take(misses)
    {
        println!(
            "\n{id}: stated {stated}, inferred {}\n  {}",
            got.as_deref().unwrap_or("-"),
            why.as_deref().unwrap_or("")
        );
    }
}

/// The date `source`'s file states outside its front matter: the file read again without the
/// front matter's date fields (the keys ingest reads a date from).
fn body_date(source: &Source) -> Option<StatedDate> {
    let text = std::fs::read_to_string(&source.path).ok()?;
    let mut in_front_matter = false;
    let mut kept = String::with_capacity(text.len());
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            in_front_matter = n == 0;
        } else if in_front_matter {
            let key = line
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if DATE_KEYS
                .iter()
                .any(|(names, _)| names.contains(&key.as_str()))
            {
                continue;
            }
        }
        kept.push_str(line);
    }
    let ext = std::path::Path::new(&source.path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    ingest(Document {
        id: source.id.clone(),
        path: source.path.clone(),
        text: &kept,
        format: Format::from_extension(ext),
        warnings: Vec::new(),
    })
    .date
}
