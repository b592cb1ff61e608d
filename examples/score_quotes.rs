//! Score quotation extraction against PolNeAR (brat annotations of attribution relations).
//!
//! ```sh
//! cargo run --release --example score_quotes -- ../shared/corpora/polnear/dev [--misses]
//! cargo run --release --example score_quotes -- --sample examples/data/quote-sample.tsv ../shared/corpora
//! ```
//!
//! Gold: the direct-quote subset, attribution Contents that (trimmed) start and end with a quote
//! mark, from one annotator's `.ann` per article. Span recall: gold quotes that one of ours
//! matches (word F1 >= 0.8 after dropping marks and punctuation). Span precision: our quotes
//! whose words lie (>= 80%) inside some gold Content span, quoted or not: PolNeAR annotates
//! every attribution, so a quote outside all of them is a false positive. Word overlap (as
//! Citron's content overlap F1, with words for tokens): the share of gold quote words that our
//! quotes inside it cover, and the share of our quote words inside gold Contents; it gives
//! partial credit where PolNeAR splits a quote we keep whole, or joins `“A,” he said. “B.”`
//! into one Content where we find two quotes. Speaker accuracy, on
//! matched pairs whose gold Source is a name: our speaker shares a word with the gold Source
//! (other than an article, a preposition or an honorific).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use dossier::model::ingest::{Document, Format, ingest};
use dossier::model::quotes::{QuoteKind, extract};
use dossier::model::sanitize::sanitize;

/// Words two speakers may share without being the same one.
const NOT_A_NAME: &[&str] = &[
    "the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "s", "mr", "mrs", "ms", "dr",
    "sen", "rep", "gov",
];

/// Whether a gold source names someone: a capitalised word past its first (`The mayor` and
/// `A narrator` do not; `the IMF`, `Mr. Clarke` and `Democratic Sen. Claire McCaskill` do).
fn gives_a_name(source: &str) -> bool {
    source.split_whitespace().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(char::is_uppercase)
            && !(i == 0 && matches!(lower, "the" | "a" | "an" | "one"))
            && !NOT_A_NAME.contains(&lower)
    })
}

/// Whether our speaker is the gold one: they share a word other than an article, a
/// preposition or an honorific (sharing `the` or `Mr` is no agreement on who spoke).
fn same_speaker(ours: Option<&str>, gold: &str) -> bool {
    let gold_words = words(gold);
    ours.map(words)
        .unwrap_or_default()
        .iter()
        .any(|w| !NOT_A_NAME.contains(&w.as_str()) && gold_words.contains(w))
}

/// `--sample FILE CORPORA`: score the hand judgments of FILE (`examples/data/quote-sample.tsv`)
/// against the quotes dossier finds now in the corpora under CORPORA: how many of the judged
/// quotes are quotations, and on how many of those the speaker is right.
fn score_sample(file: &Path, corpora: &Path) {
    use dossier::load::{LoadOptions, load_paths};
    let text = std::fs::read_to_string(file).expect("the judgments file");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|cols| cols.len() == 5)
        .collect();
    let mut names: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let mut corpus = load_paths(&[corpora.join(name)], &LoadOptions::default());
        corpus.find_quotes();
        let (mut judged, mut not_quotes, mut speakers, mut right, mut gone) = (0, 0, 0, 0, 0);
        for r in rows.iter().filter(|r| r[0] == name) {
            judged += 1;
            let line: u32 = r[2].parse().unwrap_or(0);
            let found = corpus.sources.iter().find(|s| s.id == r[1]).and_then(|s| {
                s.quotes.iter().find(|q| {
                    s.paragraphs[q.parts[0].paragraph].line == line
                        && words(&q.text(s)).starts_with(&words(r[3]))
                })
            });
            let Some(quote) = found else {
                gone += 1;
                println!("  no longer found: {} line {line}: {}", r[1], r[3]);
                continue;
            };
            if r[4] == "-" {
                not_quotes += 1;
                continue;
            }
            speakers += 1;
            if same_speaker(quote.speaker.as_deref(), r[4]) {
                right += 1;
            } else {
                println!(
                    "  speaker miss {} line {line}: judged {:?}, ours {:?}",
                    r[1], r[4], quote.speaker
                );
            }
        }
        println!(
            "{name}: {judged} judged quotes; {} are quotations ({not_quotes} are not, {gone} no longer found); speaker right on {right} of {speakers} ({:.3})",
            judged - not_quotes - gone,
            right as f64 / speakers.max(1) as f64
        );
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn word_f1(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut pool: Vec<&String> = b.iter().collect();
    let mut common = 0;
    for w in a {
        if let Some(i) = pool.iter().position(|x| *x == w) {
            pool.swap_remove(i);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (
        common as f64 / a.len() as f64,
        common as f64 / b.len() as f64,
    );
    2.0 * p * r / (p + r)
}

/// Share of `inner`'s words found in `outer`.
fn contained(inner: &[String], outer: &[String]) -> f64 {
    if inner.is_empty() {
        return 0.0;
    }
    let set: HashSet<&String> = outer.iter().collect();
    inner.iter().filter(|w| set.contains(w)).count() as f64 / inner.len() as f64
}

struct Gold {
    content: Vec<String>,
    quoted: bool,
    source: String,
    /// Where the Source starts in the article, in characters: what a same-person judgment
    /// names it by.
    source_start: usize,
    /// The words of each run between quote marks in the Content: `"A," he said. "B."` is
    /// one Content in PolNeAR and two quotations by dossier's definition (the words between
    /// the marks).
    marked: Vec<Vec<String>>,
}

/// The runs of `text` between double quote marks (`"…"`, `“…”`).
fn marked_runs(text: &str) -> Vec<Vec<String>> {
    let mut runs = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let closes = match c {
            '“' => false,
            '”' => true,
            '"' => open.is_some(),
            _ => continue,
        };
        match (closes, open) {
            (true, Some(o)) => {
                runs.push(words(&text[o..i]));
                open = None;
            }
            (false, _) => open = Some(i + c.len_utf8()),
            (true, None) => {}
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// Text of a brat span `start end` or `s e;s e` by character offsets.
fn span_text(chars: &[char], spec: &str) -> String {
    spec.split(';')
        .filter_map(|part| {
            let mut it = part.split_whitespace();
            let s: usize = it.next()?.parse().ok()?;
            let e: usize = it.next()?.parse().ok()?;
            Some(chars.get(s..e.min(chars.len()))?.iter().collect::<String>())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_gold(ann: &Path, chars: &[char]) -> Vec<Gold> {
    let text = std::fs::read_to_string(ann).unwrap_or_default();
    let mut spans: BTreeMap<String, (String, String, usize)> = BTreeMap::new();
    let mut relations = Vec::new();
    for line in text.lines() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            if let Some((kind, offsets)) = body.split_once(' ') {
                let start = offsets
                    .split_whitespace()
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                spans.insert(
                    id.to_string(),
                    (kind.to_string(), span_text(chars, offsets), start),
                );
            }
        } else if id.starts_with('E') {
            relations.push(body.to_string());
        }
    }
    let mut gold = Vec::new();
    for rel in relations {
        let mut content = None;
        let (mut source, mut source_start) = (String::new(), 0);
        for arg in rel.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, text, start)) = spans.get(id) else {
                continue;
            };
            match role {
                "Content" => content = Some(text.clone()),
                "Source" => (source, source_start) = (text.clone(), *start),
                _ => {}
            }
        }
        if let Some(c) = content {
            let t = c.trim();
            let open = t.starts_with(['“', '"', '‘', '\'']);
            let close = t
                .trim_end_matches(['.', ','])
                .ends_with(['”', '"', '’', '\''])
                || t.ends_with(['”', '"', '’', '\'']);
            gold.push(Gold {
                content: words(t),
                quoted: open && close,
                source,
                source_start,
                marked: marked_runs(t),
            });
        }
    }
    gold
}

/// Hand judgments of whether the person dossier names is the one a gold Source describes
/// (`the New Jersey governor` for Chris Christie, named a sentence before): PolNeAR gives a
/// description as written, never who it is, and the issue asks for the name.
const SAME_PERSON: &str = "examples/data/polnear-same-person.tsv";

/// (split, article, Source start, our speaker) → whether they are the same person.
type Judgments = std::collections::HashMap<(String, String, usize, String), bool>;

fn read_judgments() -> Judgments {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAME_PERSON);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let [split, article, start, speaker, same] = c[..] else {
                return None;
            };
            let key = (
                split.to_string(),
                article.to_string(),
                start.parse().ok()?,
                speaker.to_string(),
            );
            Some((key, same == "y"))
        })
        .collect()
}

fn main() {
    // `--misses` prints every gold quote not found and every wrong speaker.
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--sample") {
        let file = args.get(at + 1).expect("--sample FILE CORPORA");
        let corpora = args.get(at + 2).map_or("../shared/corpora", String::as_str);
        score_sample(Path::new(file), Path::new(corpora));
        return;
    }
    let show_misses = std::env::args().any(|a| a == "--misses");
    let split = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpora/polnear/dev"));
    let split_name = split
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().to_string());
    let judgments = read_judgments();
    // A miss the judgments say names the person the gold Source describes: `Some(true)`.
    let judged = |article: &str, g: &Gold, speaker: Option<&str>| {
        let key = (
            split_name.clone(),
            article.to_string(),
            g.source_start,
            speaker?.to_string(),
        );
        judgments.get(&key).copied()
    };
    let (mut marked_judged_right, mut judged_right, mut unjudged) = (0usize, 0usize, 0usize);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(split.join("text"))
        .expect("a PolNeAR split")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let anns: Vec<PathBuf> = {
        let mut a: Vec<PathBuf> = std::fs::read_dir(split.join("attributions"))
            .expect("attributions")
            .flatten()
            .map(|e| e.path())
            .collect();
        a.sort();
        a
    };
    let (mut gold_quoted, mut recalled, mut ours, mut precise) = (0usize, 0usize, 0usize, 0usize);
    let (mut gold_marked, mut marked_recalled) = (0usize, 0usize);
    let (mut marked_speaker_checked, mut marked_speaker_right) = (0usize, 0usize);
    // The same, for gold sources that give a name (`Mr. Clarke`, `Sen. Claire McCaskill`) and
    // those that only describe (`the mayor`, `a narrator`), which a name can never match.
    let (mut by_name_checked, mut by_name_right) = (0usize, 0usize);
    let (mut speaker_checked, mut speaker_right, mut pronoun_gold) = (0usize, 0usize, 0usize);
    let (mut overlap_ours_words, mut overlap_ours_inside) = (0usize, 0.0f64);
    let (mut overlap_gold_words, mut overlap_gold_covered) = (0usize, 0.0f64);
    let pronouns = ["he", "she", "they", "i", "we", "it", "you"];
    for path in entries {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        // One annotator per article: the first .ann in name order.
        let Some(ann) = anns.iter().find(|a| {
            a.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{stem}_"))
        }) else {
            continue;
        };
        let raw = std::fs::read_to_string(&path).unwrap_or_default();
        let chars: Vec<char> = raw.chars().collect();
        let gold = read_gold(ann, &chars);
        let text = sanitize(&raw);
        let mut source = ingest(Document {
            id: stem.clone(),
            path: stem.clone(),
            text: &text,
            format: Format::Plain,
            warnings: vec![],
        });
        source.quotes = extract(&source);
        let found: Vec<(Vec<String>, Option<String>, QuoteKind)> = source
            .quotes
            .iter()
            .map(|q| (words(&q.text(&source)), q.speaker.clone(), q.kind))
            .collect();
        for (w, _, _) in &found {
            ours += 1;
            if gold.iter().any(|g| contained(w, &g.content) >= 0.8) {
                precise += 1;
            }
            // Overlap: the share of our words inside the attribution Content that holds most.
            let best = gold
                .iter()
                .map(|g| contained(w, &g.content))
                .fold(0.0, f64::max);
            overlap_ours_words += w.len();
            overlap_ours_inside += best * w.len() as f64;
        }
        let pronoun_source = |g: &Gold| {
            let gold_words = words(&g.source);
            gold_words.len() == 1 && pronouns.contains(&gold_words[0].as_str())
        };
        for g in gold.iter().filter(|g| g.quoted) {
            // Each marked run of the Content as a quotation of its own.
            for run in &g.marked {
                gold_marked += 1;
                let Some((_, speaker, _)) = found.iter().find(|f| word_f1(&f.0, run) >= 0.8) else {
                    continue;
                };
                marked_recalled += 1;
                if !g.source.trim().is_empty() && !pronoun_source(g) {
                    let right = usize::from(same_speaker(speaker.as_deref(), &g.source));
                    marked_speaker_checked += 1;
                    marked_speaker_right += right;
                    if right == 0 {
                        let same = judged(&stem, g, speaker.as_deref());
                        marked_judged_right += usize::from(same == Some(true));
                        unjudged += usize::from(same.is_none() && speaker.is_some());
                        if show_misses && same != Some(true) {
                            println!(
                                "run speaker miss {stem}: gold {:?} at {}, ours {:?}{}: {}",
                                g.source,
                                g.source_start,
                                speaker,
                                if same.is_none() { " (unjudged)" } else { "" },
                                run.join(" ")
                            );
                        }
                    }
                    if gives_a_name(&g.source) {
                        by_name_checked += 1;
                        by_name_right += right;
                    }
                }
            }
            // The Content as one quotation.
            gold_quoted += 1;
            // Overlap: the share of the gold quote's words that our quotes inside it cover
            // (PolNeAR splits or joins quotes where we may not).
            let inside: Vec<String> = found
                .iter()
                .filter(|(w, _, _)| contained(w, &g.content) >= 0.5)
                .flat_map(|(w, _, _)| w.iter().cloned())
                .collect();
            overlap_gold_words += g.content.len();
            overlap_gold_covered += contained(&g.content, &inside) * g.content.len() as f64;
            let best = found
                .iter()
                .max_by(|a, b| word_f1(&a.0, &g.content).total_cmp(&word_f1(&b.0, &g.content)));
            let Some((_, speaker, _)) = best.filter(|b| word_f1(&b.0, &g.content) >= 0.8) else {
                if show_misses {
                    println!("span miss {stem}: {}", g.content.join(" "));
                }
                continue;
            };
            recalled += 1;
            if pronoun_source(g) {
                pronoun_gold += 1;
                continue;
            }
            speaker_checked += 1;
            if same_speaker(speaker.as_deref(), &g.source) {
                speaker_right += 1;
            } else if judged(&stem, g, speaker.as_deref()) == Some(true) {
                judged_right += 1;
            } else if show_misses {
                println!(
                    "speaker miss {stem}: gold {:?}, ours {:?}: {}",
                    g.source,
                    speaker,
                    g.content.join(" ")
                );
            }
        }
    }
    let p = precise as f64 / ours.max(1) as f64;
    let r = recalled as f64 / gold_quoted.max(1) as f64;
    println!("split: {}", split.display());
    println!("gold direct quotes: {gold_quoted}; ours: {ours}");
    println!(
        "span precision {:.3}  recall {:.3}  F1 {:.3}",
        p,
        r,
        2.0 * p * r / (p + r).max(f64::EPSILON)
    );
    let (op, or) = (
        overlap_ours_inside / overlap_ours_words.max(1) as f64,
        overlap_gold_covered / overlap_gold_words.max(1) as f64,
    );
    let mr = marked_recalled as f64 / gold_marked.max(1) as f64;
    println!(
        "per marked run (each run between marks of a quoted Content a quotation of its own): {gold_marked} runs; recall {mr:.3}  F1 {:.3}; speaker accuracy {:.3} on {marked_speaker_checked} with a named gold source",
        2.0 * p * mr / (p + mr).max(f64::EPSILON),
        marked_speaker_right as f64 / marked_speaker_checked.max(1) as f64
    );
    println!(
        "  counting {marked_judged_right} more whose gold Source describes the person we name, as judged by hand in {SAME_PERSON}: speaker accuracy {:.3} ({unjudged} wrong by the words unjudged)",
        (marked_speaker_right + marked_judged_right) as f64 / marked_speaker_checked.max(1) as f64
    );
    let by_description = marked_speaker_checked - by_name_checked;
    println!(
        "  of which {by_name_checked} gold sources give a name: speaker accuracy {:.3}; {by_description} only describe: {:.3}",
        by_name_right as f64 / by_name_checked.max(1) as f64,
        (marked_speaker_right - by_name_right) as f64 / by_description.max(1) as f64
    );
    println!(
        "word overlap precision {op:.3}  recall {or:.3}  F1 {:.3}",
        2.0 * op * or / (op + or).max(f64::EPSILON)
    );
    println!(
        "speaker accuracy {:.3} on {speaker_checked} matched quotes with a named gold source ({pronoun_gold} with a pronoun source not scored); {:.3} counting {judged_right} judged the same person",
        speaker_right as f64 / speaker_checked.max(1) as f64,
        (speaker_right + judged_right) as f64 / speaker_checked.max(1) as f64
    );
}
