//! Passages two sources share, verbatim or nearly, and the sources each one shares them with.
//!
//! Words are compared normalised: case, punctuation and quote marks dropped, dotted acronyms
//! joined (`N.A.T.O.` = `NATO`), honorifics skipped (`Mr Peters` = `Peters`), UK spellings
//! mapped to US ones (`defence` = `defense`). Two sources are aligned from the five-word
//! sequences they share (seeds), joined along a diagonal, then bridged over small gaps
//! (`together with` / `along with`). Passages are weighed by the rarity of their words, so a
//! stock phrase weighs far less than real copying, and sequences found in many sources
//! (boilerplate) seed nothing.
//!
//! Across the corpus, each source is fingerprinted by winnowing (the smallest hash of every
//! window of [`WINDOW`] seeds), which finds every shared run of at least
//! `SEED + WINDOW - 1` words while keeping about a third of the seeds.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Source;
use super::words::{BuildIdentity, for_each_word, run_keys, word_hash};

/// Words per seed.
pub const SEED: usize = 5;
/// Seeds per winnowing window.
const WINDOW: usize = 4;
/// Words of a gap bridged inside a passage (`together with` / `along with`).
const GAP: usize = 4;
/// Fewest words of a strong (verbatim or near-verbatim) passage.
const STRONG_WORDS: usize = 8;

/// A word of a source's content: where it is and what it compares as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub paragraph: u32,
    /// Bytes of the word in its paragraph's text.
    pub start: u32,
    pub end: u32,
    /// Hash of the normalised word.
    pub key: u64,
}

/// Honorifics skipped when comparing: `Mr Peters` matches `Peters`.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "rt", "hon", "sir", "dame"];

/// UK spellings compared as their US forms.
const SPELLINGS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("centre", "center"),
    ("labour", "labor"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("behaviour", "behavior"),
    ("neighbour", "neighbor"),
    ("neighbours", "neighbors"),
    ("recognise", "recognize"),
    ("recognised", "recognized"),
    ("emphasise", "emphasize"),
    ("realise", "realize"),
    ("analyse", "analyze"),
    ("travelled", "traveled"),
    ("modernisation", "modernization"),
    ("prioritise", "prioritize"),
];

/// Hashes of the honorifics, and of the UK spellings with their US forms.
struct Folds {
    honorifics: Vec<u64>,
    spellings: Vec<(u64, u64)>,
    /// A bit per `hash % 1024` of all of them: most words are none of them, and one bit says
    /// so (looking through both lists for every word was a tenth of tokenising; with 64 bits,
    /// half the words still went through the lists).
    any: [u64; 16],
}

/// Where `h`'s bit is in [`Folds::any`].
fn any_bit(h: u64) -> (usize, u64) {
    ((h / 64 % 16) as usize, 1 << (h % 64))
}

impl Folds {
    /// The key `h` compares as: `None` for an honorific, the US form for a UK spelling.
    #[inline]
    fn key(&self, h: u64) -> Option<u64> {
        let (word, bit) = any_bit(h);
        if self.any[word] & bit == 0 {
            return Some(h);
        }
        if self.honorifics.contains(&h) {
            return None;
        }
        Some(
            self.spellings
                .iter()
                .find(|(uk, _)| *uk == h)
                .map_or(h, |(_, us)| *us),
        )
    }
}

fn folds() -> &'static Folds {
    static FOLDS: std::sync::OnceLock<Folds> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| {
        let honorifics: Vec<u64> = HONORIFICS.iter().filter_map(|w| word_hash(w)).collect();
        let spellings: Vec<(u64, u64)> = SPELLINGS
            .iter()
            .filter_map(|(uk, us)| Some((word_hash(uk)?, word_hash(us)?)))
            .collect();
        let any = honorifics
            .iter()
            .chain(spellings.iter().map(|(uk, _)| uk))
            .fold([0; 16], |mut any, h| {
                let (word, bit) = any_bit(*h);
                any[word] |= bit;
                any
            });
        Folds {
            honorifics,
            spellings,
            any,
        }
    })
}

/// The words of `source`'s content paragraphs (furniture is not compared).
pub fn tokens(source: &Source) -> Vec<Token> {
    let mut out = Vec::with_capacity(source.words);
    for_each_token(source, |token| out.push(token));
    out
}

/// The same, one by one: the index keeps only their keys, in a buffer it reuses.
pub(super) fn for_each_token(source: &Source, mut token: impl FnMut(Token)) {
    let f = folds();
    for (index, (p, text)) in source.paragraphs_with_text().enumerate() {
        if !p.is_content() {
            continue;
        }
        // A hyphen splits (`rules-based` matches `rules based`); dots join (`N.A.T.O.`).
        for_each_word(text, true, |start, end, h| {
            if let Some(key) = f.key(h) {
                token(Token {
                    paragraph: index as u32,
                    start: start as u32,
                    end: end as u32,
                    key,
                });
            }
        });
    }
}

/// The keys of the same words, each with its bytes in a run of content paragraphs: what needs
/// no paragraph reads each run as one text. Paragraphs are joined by a newline, which no word
/// crosses; split one by one, paragraphs of 66 bytes on average cost their setup as much as
/// their words.
pub(super) fn for_each_key(source: &Source, mut key: impl FnMut(usize, usize, u64)) {
    let f = folds();
    let mut each_run = |run: Range<usize>| {
        for_each_word(&source.text[run], true, |start, end, h| {
            if let Some(k) = f.key(h) {
                key(start, end, k);
            }
        });
    };
    let mut run: Option<Range<usize>> = None;
    for p in &source.paragraphs {
        let span = p.span.start as usize..p.span.end as usize;
        if !p.is_content() {
            if let Some(r) = run.take() {
                each_run(r);
            }
        } else if let Some(r) = &mut run {
            r.end = span.end;
        } else {
            run = Some(span);
        }
    }
    if let Some(r) = run {
        each_run(r);
    }
}

/// The text of `tokens[range]` in `source`, from its first word to its last; a passage over
/// several paragraphs joins them with one space. With the line its first word is on.
pub fn passage_text(source: &Source, tokens: &[Token], range: Range<usize>) -> (u32, String) {
    let Some(first) = tokens.get(range.start) else {
        return (0, String::new());
    };
    let last = tokens[range.end.max(range.start + 1) - 1];
    let mut parts = Vec::new();
    for p in first.paragraph..=last.paragraph {
        let text = source.paragraph_text(p as usize);
        let from = if p == first.paragraph {
            first.start as usize
        } else {
            0
        };
        let to = if p == last.paragraph {
            last.end as usize
        } else {
            text.len()
        };
        if source.paragraphs[p as usize].is_content() {
            parts.push(text[from..to].trim());
        }
    }
    (
        source.paragraphs[first.paragraph as usize].line,
        parts.join(" "),
    )
}

/// The hash of the seed (five words) starting at each position.
fn seeds(tokens: &[Token]) -> Vec<u64> {
    let keys: Vec<u64> = tokens.iter().map(|t| t.key).collect();
    run_keys(&keys, SEED).collect()
}

/// Winnowing: the smallest seed hash of every window of [`WINDOW`] seeds (a hash may come
/// more than once).
fn winnow(seeds: &[u64]) -> impl Iterator<Item = u64> + '_ {
    let short = (seeds.len() < WINDOW)
        .then_some(seeds)
        .into_iter()
        .flatten();
    // A window as an array: its smallest is then three comparisons, where a loop over each
    // slice of it was a seventh of the index's build.
    let windows = seeds.windows(WINDOW).map(|w| {
        let w: &[u64; WINDOW] = w.try_into().unwrap_or(&[0; WINDOW]);
        w.iter().copied().fold(u64::MAX, u64::min)
    });
    short.copied().chain(windows)
}

/// The same, each kept once, in order.
fn fingerprints(seeds: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = winnow(seeds).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The distinct values of `keys`, found with `table` (an open-addressing set reused from one
/// call to the next: sorting every source's words to count each once took a tenth of the
/// index's build).
fn distinct(keys: impl ExactSizeIterator<Item = u64>, table: &mut Vec<u64>) -> Vec<u64> {
    let size = (keys.len() * 2).next_power_of_two().max(16);
    table.clear();
    table.resize(size, 0);
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        // 0 marks an empty slot; a key of 0 is stored as 1 (it only counts a word).
        let k = k.max(1);
        let mut slot = (k as usize) & (size - 1);
        loop {
            match table[slot] {
                0 => {
                    table[slot] = k;
                    out.push(k);
                    break;
                }
                x if x == k => break,
                _ => slot = (slot + 1) & (size - 1),
            }
        }
    }
    out
}

/// One range of fingerprints, gathered from `parts`: the keys (by [`common_key`]) of those in
/// more than `limit` sources, and the postings, sorted, of those in 2 to `limit` (one source's
/// fingerprint relates it to nothing).
///
/// Most fingerprints are one source's alone. Two passes over bits (`bits`, reused), one to see
/// which fingerprints come again and one to keep their postings, leave a few to sort: sorting
/// all of them took a fifth of the index's build, and a hash set of them a tenth.
fn group_part<'a>(
    parts: impl Iterator<Item = &'a [u64]> + Clone,
    fingerprint_bits: u64,
    limit: usize,
    (bits, repeated): &mut (Vec<u64>, Vec<u64>),
) -> (Vec<u64>, Vec<u64>) {
    let count: usize = parts.clone().map(<[u64]>::len).sum();
    // 32 bits a posting: one fingerprint in 32 met once shares its bit with another, and is
    // sorted for nothing.
    let size = (count * 32).next_power_of_two().max(64);
    bits.clear();
    bits.resize(size / 64 * 2, 0);
    let (seen, again) = bits.split_at_mut(size / 64);
    let shift = fingerprint_bits.trailing_zeros();
    let bit = |posting: u64| {
        let b = (posting >> shift) as usize & (size - 1);
        (b / 64, 1u64 << (b % 64))
    };
    for part in parts.clone() {
        for &posting in part {
            let (word, mask) = bit(posting);
            again[word] |= seen[word] & mask;
            seen[word] |= mask;
        }
    }
    // Written each, and counted only when it comes again: a branch on it is mispredicted.
    if repeated.len() < count {
        repeated.resize(count, 0);
    }
    let mut n = 0;
    for part in parts {
        for &posting in part {
            let (word, mask) = bit(posting);
            repeated[n] = posting;
            n += usize::from(again[word] & mask != 0);
        }
    }
    let mut postings = repeated[..n].to_vec();
    postings.sort_unstable();
    postings.dedup();
    let (mut common, mut kept) = (Vec::new(), Vec::new());
    for group in postings.chunk_by(|x, y| (x ^ y) & fingerprint_bits == 0) {
        if group.len() > limit {
            common.push(common_key(group[0], fingerprint_bits));
        } else if group.len() > 1 {
            kept.extend_from_slice(group);
        }
    }
    (common, kept)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// The same words, in the same order.
    Verbatim,
    /// The same passage with small edits: a word changed, dropped or added here and there.
    NearVerbatim,
    /// A shorter run of shared words: a phrase, maybe a stock one.
    Phrase,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Verbatim => "verbatim",
            Tier::NearVerbatim => "near-verbatim",
            Tier::Phrase => "phrase",
        }
    }

    pub fn is_strong(self) -> bool {
        self != Tier::Phrase
    }
}

/// A passage two sources share: token ranges of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub tier: Tier,
    pub a: Range<usize>,
    pub b: Range<usize>,
    /// The runs matched word for word, in order; between them, the words each side edited.
    pub runs: Vec<Run>,
    /// Words matched one to one (gaps excluded).
    pub matched: usize,
    /// Sum of the rarity of the matched words.
    pub weight: f32,
}

impl Passage {
    /// The token ranges of side `a` (or `b`) that are not matched word for word: the edits
    /// between runs.
    pub fn edits(&self, side_a: bool) -> Vec<Range<usize>> {
        self.runs
            .windows(2)
            .map(|w| {
                if side_a {
                    w[0].a1..w[1].a0
                } else {
                    w[0].b1..w[1].b0
                }
            })
            .filter(|r| !r.is_empty())
            .collect()
    }
}

/// Whether a passage counts towards how related two sources are: the strong ones do, and all
/// of them when none is strong (`strongest` is the strongest tier among them).
pub fn counts(passage: &Passage, strongest: Tier) -> bool {
    passage.tier.is_strong() || !strongest.is_strong()
}

/// The share of each side's words (`words`: a's, b's) inside the passages that count.
pub fn shares(passages: &[Passage], words: [usize; 2]) -> [f32; 2] {
    let Some(strongest) = passages.iter().map(|p| p.tier).min() else {
        return [0.0; 2];
    };
    let (a, b) = passages
        .iter()
        .filter(|p| counts(p, strongest))
        .fold((0, 0), |(a, b), p| (a + p.a.len(), b + p.b.len()));
    [
        a as f32 / words[0].max(1) as f32,
        b as f32 / words[1].max(1) as f32,
    ]
}

/// The byte ranges, per paragraph, that `tokens[range]` covers: one range from the first to
/// the last of its words in each paragraph.
pub fn spans(tokens: &[Token], range: Range<usize>) -> Vec<(usize, Range<usize>)> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    for t in tokens.get(range).unwrap_or_default() {
        let p = t.paragraph as usize;
        match out.last_mut() {
            Some((q, r)) if *q == p => r.end = t.end as usize,
            _ => out.push((p, t.start as usize..t.end as usize)),
        }
    }
    out
}

/// How rare a word is in the corpus: `ln(sources / sources with it)`; 1 when unknown.
pub trait Rarity {
    fn rarity(&self, key: u64) -> f32;
    /// Whether a seed is boilerplate: found in too many sources to mean copying.
    fn is_common_seed(&self, seed: u64) -> bool;
}

/// A run of seeds on one diagonal: `a[a0..a1]` equals `b[b0..b1]`, word for word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub a0: usize,
    pub a1: usize,
    pub b0: usize,
    pub b1: usize,
}

/// The passages `a` and `b` share, strongest first, none overlapping another in either source.
pub fn compare(a: &[Token], b: &[Token], rarity: &dyn Rarity) -> Vec<Passage> {
    let (sa, sb) = (seeds(a), seeds(b));
    let mut where_in_b: HashMap<u64, Vec<usize>, BuildIdentity> =
        HashMap::with_capacity_and_hasher(sb.len(), BuildIdentity);
    for (j, h) in sb.iter().enumerate() {
        where_in_b.entry(*h).or_default().push(j);
    }
    // Seeds shared by both, as (diagonal, i, j).
    let mut hits: Vec<(isize, usize, usize)> = Vec::new();
    for (i, h) in sa.iter().enumerate() {
        if rarity.is_common_seed(*h) {
            continue;
        }
        for &j in where_in_b.get(h).into_iter().flatten() {
            hits.push((j as isize - i as isize, i, j));
        }
    }
    hits.sort_unstable();
    // Runs: consecutive seeds on one diagonal, extended word by word at both ends.
    let mut runs: Vec<Run> = Vec::new();
    for &(d, i, j) in &hits {
        if let Some(last) = runs.last_mut()
            && last.b1 as isize - last.a1 as isize == d
            && i <= last.a1
        {
            last.a1 = last.a1.max(i + SEED);
            last.b1 = last.b1.max(j + SEED);
            continue;
        }
        runs.push(Run {
            a0: i,
            a1: i + SEED,
            b0: j,
            b1: j + SEED,
        });
    }
    for r in &mut runs {
        while r.a0 > 0 && r.b0 > 0 && a[r.a0 - 1].key == b[r.b0 - 1].key {
            r.a0 -= 1;
            r.b0 -= 1;
        }
        while r.a1 < a.len() && r.b1 < b.len() && a[r.a1].key == b[r.b1].key {
            r.a1 += 1;
            r.b1 += 1;
        }
    }
    runs.sort_by_key(|r| (r.a0, r.b0));
    runs.dedup_by_key(|r| (r.a0, r.b0));
    // Passages: runs in order in both sources, bridged over gaps of a few words.
    let mut chains: Vec<Vec<Run>> = Vec::new();
    for r in runs {
        let joined = chains.iter_mut().rev().take(8).find(|c| {
            let last = c[c.len() - 1];
            r.a0 >= last.a1 && r.b0 >= last.b1 && r.a0 - last.a1 <= GAP && r.b0 - last.b1 <= GAP
        });
        match joined {
            Some(c) => c.push(r),
            None => chains.push(vec![r]),
        }
    }
    let mut passages: Vec<Passage> = chains
        .into_iter()
        .map(|c| {
            let (first, last) = (c[0], c[c.len() - 1]);
            let matched: usize = c.iter().map(|r| r.a1 - r.a0).sum();
            let weight: f32 = c
                .iter()
                .flat_map(|r| &a[r.a0..r.a1])
                .map(|t| rarity.rarity(t.key))
                .sum();
            let (a_len, b_len) = (last.a1 - first.a0, last.b1 - first.b0);
            let tier = if matched < STRONG_WORDS {
                Tier::Phrase
            } else if c.len() == 1 {
                Tier::Verbatim
            } else if matched * 4 >= a_len.max(b_len) * 3 {
                Tier::NearVerbatim
            } else {
                Tier::Phrase
            };
            Passage {
                tier,
                a: first.a0..last.a1,
                b: first.b0..last.b1,
                runs: c,
                matched,
                weight,
            }
        })
        .collect();
    // One to one: a stretch of either source belongs to its heaviest passage.
    passages.sort_by(|x, y| y.weight.total_cmp(&x.weight));
    let mut kept: Vec<Passage> = Vec::new();
    for p in passages {
        let overlaps = kept.iter().any(|k| {
            k.a.start < p.a.end && p.a.start < k.a.end || k.b.start < p.b.end && p.b.start < k.b.end
        });
        if !overlaps {
            kept.push(p);
        }
    }
    kept.sort_by(|x, y| x.tier.cmp(&y.tier).then(y.weight.total_cmp(&x.weight)));
    kept
}

/// A source related to another by the passages they share.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub source: usize,
    /// Words of strong passages (all passages when none is strong).
    pub shared_tokens: usize,
    /// Share of each source's words inside those passages.
    pub share_source: f32,
    pub share_related: f32,
    pub weight: f32,
    pub strongest: Tier,
    /// The passages counted, strongest first; `a` is the source's side.
    pub passages: Vec<Passage>,
}

/// The mask of a posting's fingerprint bits: all but the low `source_bits`.
fn fingerprint_bits(source_bits: u32) -> u64 {
    !((1u64 << source_bits) - 1)
}

/// A seed's key in the set of common ones: its fingerprint bits, rotated so that the bits
/// the set hashes by (it takes the key as its hash) are not the zeroed ones.
fn common_key(seed: u64, fingerprint_bits: u64) -> u64 {
    (seed & fingerprint_bits).rotate_left(32)
}

/// Ranges of fingerprints the postings are gathered in, by their top bits: each is sorted on
/// its own, and in order they are all of them sorted.
const PARTS: usize = 256;

fn part(posting: u64) -> usize {
    (posting >> (64 - PARTS.trailing_zeros())) as usize
}

/// Buckets of the word counts.
const WORD_BUCKETS: usize = 1 << 20;

/// Sources whose words are counted, at most: in a larger corpus every `stride`-th one, and
/// each count stands for `stride` sources. Rarity only weighs passages, and common words (a
/// stock phrase's) are counted as well from a sample; rare ones all weigh about as much as
/// rarity can. Over scoop-nz (33,584 releases, every ninth counted), the related sources of
/// 1,008 releases were the same ones as with every release counted, the same first for
/// 1,001, and weighed 1.0% apart at the median; counting every fifth, 996 and 0.7% (with four
/// million buckets). Counting every ninth took a quarter off the index's build.
const COUNTED_SOURCES: usize = 4096;
const _: () = assert!(COUNTED_SOURCES <= u16::MAX as usize, "a count is 16 bits");

fn bucket(key: u64) -> usize {
    (key >> 40) as usize & (WORD_BUCKETS - 1)
}

/// Every source's fingerprints, and how rare each word is: what finds related sources fast.
#[derive(Debug, Default)]
pub struct SharedIndex {
    /// Fingerprint and source in one `u64`: the fingerprint's high bits, the source's number
    /// in the low [`SharedIndex::source_bits`] (half the memory of pairs, and a plain integer
    /// sort, twice as fast). Sorted; boilerplate fingerprints and those of one source only
    /// dropped. Cutting a fingerprint's low bits merges a few unrelated ones, which only adds
    /// a candidate that the alignment then finds shares nothing.
    postings: Vec<u64>,
    source_bits: u32,
    /// Fingerprints found in more than [`SharedIndex::common_above`] sources.
    common: HashSet<u64, BuildIdentity>,
    /// Sources each word is in, of the counted ones, in buckets of its hash: a count-min
    /// sketch of one row, where a collision only makes a word look commoner (scoop-nz's whole
    /// vocabulary, 115,416 words, would fill a ninth of the 1M buckets). No more than
    /// [`COUNTED_SOURCES`] are counted, so 16 bits hold a count: 2 MB a table, which stays in
    /// a core's cache where 16 MB of 32-bit counts in 4M buckets did not.
    word_sources: Vec<u16>,
    /// How many sources each counted source stands for (1 up to [`COUNTED_SOURCES`]).
    stride: usize,
    sources: usize,
}

impl SharedIndex {
    /// A seed in more sources than this is boilerplate.
    fn common_above(sources: usize) -> usize {
        (sources / 500).max(3)
    }

    pub fn build(sources: &[Source]) -> SharedIndex {
        use rayon::prelude::*;
        /// What each worker thread reuses from one source to the next, and what it gathers:
        /// its postings, by [`PARTS`] ranges of fingerprints, and its counts of words.
        #[derive(Default)]
        struct Worker {
            table: Vec<u64>,
            keys: Vec<u64>,
            seeds: Vec<u64>,
            kept: Vec<u64>,
            parts: Vec<Vec<u64>>,
            counts: Vec<u16>,
        }
        let stride = sources.len().div_ceil(COUNTED_SOURCES).max(1);
        let source_bits = (usize::BITS - sources.len().leading_zeros()).max(1);
        let fingerprint_bits = fingerprint_bits(source_bits);
        // One worker per thread, locked by that thread alone: one per split of the sources
        // (forty on two threads) grew ten thousand vectors of postings from nothing, and
        // common words' counters shared by all threads bounced between their caches. The last
        // is for a caller off the pool, which `build`'s own par_iter never is.
        let threads = rayon::current_num_threads();
        let workers: Vec<std::sync::Mutex<Worker>> =
            (0..=threads).map(|_| Default::default()).collect();
        // Winnowing keeps about 2 of every WINDOW + 1 seeds.
        let words: usize = sources.iter().map(|s| s.words).sum();
        let per_part = words * 2 / (WINDOW + 1) / threads / PARTS;
        // One pass over each source: its fingerprints go to the postings, its distinct words
        // to the counts.
        sources.par_iter().enumerate().for_each(|(i, s)| {
            let thread = rayon::current_thread_index().unwrap_or(threads);
            let mut worker = workers[thread].lock().unwrap_or_else(|e| e.into_inner());
            let Worker {
                table,
                keys,
                seeds,
                kept,
                parts,
                counts,
            } = &mut *worker;
            // Made at a worker's first source: the one for a caller off the pool makes none.
            if parts.is_empty() {
                *parts = (0..PARTS).map(|_| Vec::with_capacity(per_part)).collect();
                *counts = vec![0; WORD_BUCKETS];
            }
            keys.clear();
            for_each_key(s, |_, _, k| keys.push(k));
            let counted = if i % stride == 0 { &keys[..] } else { &[] };
            for k in distinct(counted.iter().copied(), table) {
                let count = &mut counts[bucket(k)];
                *count = count.saturating_add(1);
            }
            seeds.clear();
            seeds.extend(run_keys(keys, SEED));
            // Neighbouring windows mostly share their smallest seed: kept once here, the rest
            // of the repeats go after the sort. Each is written and counted only when new: a
            // branch on it, mispredicted often, took a tenth of the build.
            if kept.len() < seeds.len() {
                kept.resize(seeds.len(), 0);
            }
            let (mut n, mut last) = (0, None);
            for h in winnow(seeds) {
                let posting = h & fingerprint_bits | i as u64;
                kept[n] = posting;
                n += usize::from(last != Some(posting));
                last = Some(posting);
            }
            for &posting in &kept[..n] {
                parts[part(posting)].push(posting);
            }
        });
        let mut workers: Vec<Worker> = workers
            .into_iter()
            .map(|w| w.into_inner().unwrap_or_else(|e| e.into_inner()))
            .filter(|w| !w.parts.is_empty())
            .collect();
        // Summed into the first worker's counts: no fresh table to fault in and fill.
        let mut tables = workers.iter_mut().map(|w| std::mem::take(&mut w.counts));
        let mut word_sources = tables.next().unwrap_or_default();
        for table in tables {
            word_sources
                .par_iter_mut()
                .zip(table.par_iter())
                .for_each(|(sum, n)| *sum = sum.saturating_add(*n));
        }
        // Each range of fingerprints on its own (it fits in a core's cache, where one sort of
        // all of them did not): those of more than one source, sorted and grouped.
        let limit = SharedIndex::common_above(sources.len());
        let grouped: Vec<(Vec<u64>, Vec<u64>)> = (0..PARTS)
            .into_par_iter()
            .map_init(Default::default, |buffers, p| {
                group_part(
                    workers.iter().map(|w| w.parts[p].as_slice()),
                    fingerprint_bits,
                    limit,
                    buffers,
                )
            })
            .collect();
        let mut common = HashSet::default();
        let mut postings = Vec::with_capacity(grouped.iter().map(|(_, k)| k.len()).sum());
        for (c, kept) in grouped {
            common.extend(c);
            postings.extend(kept);
        }
        SharedIndex {
            postings,
            source_bits,
            common,
            word_sources,
            stride,
            sources: sources.len(),
        }
    }

    fn fingerprint_bits(&self) -> u64 {
        fingerprint_bits(self.source_bits)
    }

    /// The sources sharing passages with source `index`, most shared first.
    pub fn related(&self, sources: &[Source], index: usize) -> Vec<Related> {
        self.most_related(sources, index, usize::MAX)
    }

    /// The same, aligning only the `limit` candidates with the most fingerprints in common:
    /// what keeps a source quoted by hundreds of others quick to preview.
    pub fn most_related(&self, sources: &[Source], index: usize, limit: usize) -> Vec<Related> {
        let mine = tokens(&sources[index]);
        // Every source with a fingerprint in common; each is then aligned in full.
        let mut candidates: Vec<u32> = Vec::new();
        let high = self.fingerprint_bits();
        for f in fingerprints(&seeds(&mine)) {
            let f = f & high;
            let from = self.postings.partition_point(|&p| p < f);
            for &p in self.postings[from..].iter().take_while(|&&p| p & high == f) {
                let s = (p & !high) as u32;
                if s as usize != index {
                    candidates.push(s);
                }
            }
        }
        candidates.sort_unstable();
        let mut counted: Vec<(usize, u32)> = candidates
            .chunk_by(|a, b| a == b)
            .map(|run| (run.len(), run[0]))
            .collect();
        if counted.len() > limit {
            counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            counted.truncate(limit);
        }
        let mut out: Vec<Related> = counted
            .into_iter()
            .filter_map(|(_, other)| {
                let other = other as usize;
                let theirs = tokens(&sources[other]);
                let passages = compare(&mine, &theirs, self);
                let strongest = passages.first()?.tier;
                let counted: Vec<Passage> = passages
                    .into_iter()
                    .filter(|p| counts(p, strongest))
                    .collect();
                let [share_source, share_related] = shares(&counted, [mine.len(), theirs.len()]);
                Some(Related {
                    source: other,
                    shared_tokens: counted.iter().map(|p| p.matched).sum(),
                    share_source,
                    share_related,
                    weight: counted.iter().map(|p| p.weight).sum(),
                    strongest,
                    passages: counted,
                })
            })
            .collect();
        out.sort_by(|x, y| {
            x.strongest
                .cmp(&y.strongest)
                .then(y.weight.total_cmp(&x.weight))
                .then(x.source.cmp(&y.source))
        });
        out
    }
}

impl Rarity for SharedIndex {
    fn rarity(&self, key: u64) -> f32 {
        let n = self
            .word_sources
            .get(bucket(key))
            .copied()
            .unwrap_or(1)
            .max(1) as usize
            * self.stride.max(1);
        ((self.sources.max(1) as f32 + 1.0) / n as f32)
            .ln()
            .max(0.05)
    }

    fn is_common_seed(&self, seed: u64) -> bool {
        self.common
            .contains(&common_key(seed, self.fingerprint_bits()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ingest::{Document, Format, ingest};

    /// Rarity when there is no corpus to compare with: every word weighs the same.
    struct Uniform;

    impl Rarity for Uniform {
        fn rarity(&self, _: u64) -> f32 {
            1.0
        }
        fn is_common_seed(&self, _: u64) -> bool {
            false
        }
    }

    fn source(text: &str) -> Source {
        ingest(Document {
            id: "x".into(),
            path: "x".into(),
            text,
            format: Format::Plain,
            warnings: vec![],
        })
    }

    #[test]
    fn keys_read_by_runs_of_paragraphs_are_the_tokens_keys() {
        // Words at paragraph edges (a dotted acronym, an apostrophe, a non-ASCII letter),
        // and furniture between content paragraphs, which neither reads.
        let s = source(
            "Talks with N.A.T.O.\n\nPeters' view: ‘Zealand’s part’\n\n\
             Advertisement - scroll to continue reading\n\nCafé\n\nend of it'",
        );
        assert!(s.paragraphs.iter().any(|p| !p.is_content()));
        let mut keys = Vec::new();
        for_each_key(&s, |start, end, key| keys.push((end - start, key)));
        let tokens: Vec<(usize, u64)> = tokens(&s)
            .iter()
            .map(|t| ((t.end - t.start) as usize, t.key))
            .collect();
        assert_eq!(keys, tokens);
        assert_eq!(keys.len(), 11);
    }

    fn words_of(s: &Source, t: &[Token], r: Range<usize>) -> String {
        t[r].iter()
            .map(|t| &s.paragraph_text(t.paragraph as usize)[t.start as usize..t.end as usize])
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_part_keeps_the_fingerprints_of_more_than_one_source() {
        // Four bits of source; with 8 postings, 256 bits: fingerprints 0x10 and 0x110 share
        // one, so a fingerprint met once that shares a bit with another is tested too.
        let bits = fingerprint_bits(4);
        let (f, g, h, k) = (0x10 << 4, 0x20 << 4, 0x30 << 4, 0x110 << 4);
        let one: &[u64] = &[f | 1, g | 2, f | 1, h | 5];
        let two: &[u64] = &[h | 5, g | 3, k | 4, g | 2];
        let mut reused = Default::default();
        let (common, kept) = group_part([one, two].into_iter(), bits, 3, &mut reused);
        // f and h are one source's alone, however often, and k is met once; g is in sources
        // 2 and 3.
        assert!(common.is_empty());
        assert_eq!(kept, vec![g | 2, g | 3]);
        // In more sources than the limit: common, and no posting kept.
        let (common, kept) = group_part([one, two].into_iter(), bits, 1, &mut reused);
        assert_eq!(common, vec![common_key(g, bits)]);
        assert!(kept.is_empty());
        let (common, kept) = group_part([one].into_iter(), bits, 3, &mut reused);
        assert!(
            common.is_empty() && kept.is_empty(),
            "the reused buffers start clear"
        );
    }

    #[test]
    fn distinct_keeps_each_key_once_in_first_seen_order() {
        let mut table = vec![7; 3];
        let keys = [5u64, 0, 5, 1 << 40, 0, 21, 37, 21];
        assert_eq!(
            distinct(keys.into_iter(), &mut table),
            [5, 1, 1 << 40, 21, 37],
            "0 is counted as 1; 5, 21 and 37 share a slot of 16 but are all kept"
        );
        assert_eq!(
            distinct([3u64, 3].into_iter(), &mut table),
            [3],
            "table reused"
        );
    }

    #[test]
    fn in_a_large_corpus_a_counted_source_stands_for_the_others() {
        // Past COUNTED_SOURCES, every other source is counted here.
        let sources: Vec<Source> = (0..COUNTED_SOURCES + 100)
            .map(|i| {
                let rare = if i == 1 { " zebra" } else { "" };
                source(&format!("Title\n\nA common word{rare}.\n"))
            })
            .collect();
        let index = SharedIndex::build(&sources);
        let key = |w: &str| word_hash(w).expect("a word");
        // In every source: as common as a word can be, not in half of them.
        assert!(index.rarity(key("common")) < 0.1);
        // In one uncounted source: as rare as one in a counted source, ln(4,197 / 2).
        assert!(index.rarity(key("zebra")) > 7.5);
    }

    #[test]
    fn normalised_words_match_across_spellings_marks_and_honorifics() {
        let a = source("Mr Peters said N.A.T.O. defence ties matter to New Zealand’s future.\n");
        let b = source("Peters said NATO defense ties matter to New Zealand's future today.\n");
        let (ta, tb) = (tokens(&a), tokens(&b));
        assert_eq!(ta.len(), 10, "Mr is skipped");
        let p = compare(&ta, &tb, &Uniform);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].tier, Tier::Verbatim);
        assert_eq!(p[0].matched, 10);
        assert_eq!(
            words_of(&a, &ta, p[0].a.clone()),
            "Peters said N.A.T.O defence ties matter to New Zealand’s future"
        );
    }

    #[test]
    fn small_edits_are_bridged_and_short_runs_are_phrases() {
        let a = source(
            "New Zealand is committed to working together with NATO partners to contribute to collective security in the region.\n",
        );
        let b = source(
            "The minister said New Zealand is committed to working along with NATO partners to contribute to collective security in the region.\n",
        );
        let p = compare(&tokens(&a), &tokens(&b), &Uniform);
        assert_eq!(p[0].tier, Tier::NearVerbatim, "{p:?}");
        assert_eq!(p[0].a.len(), tokens(&a).len());
        let edits = p[0].edits(true);
        assert_eq!(edits.len(), 1, "{p:?}");
        assert_eq!(words_of(&a, &tokens(&a), edits[0].clone()), "together");
        assert_eq!(
            words_of(&b, &tokens(&b), p[0].edits(false)[0].clone()),
            "along"
        );
        let c = source("We support the rules based international order and more.\n");
        let d = source("They defend the rules based international order as ever.\n");
        let p = compare(&tokens(&c), &tokens(&d), &Uniform);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].tier, Tier::Phrase);
        let e = source("Nothing in common here at all.\n");
        assert!(compare(&tokens(&c), &tokens(&e), &Uniform).is_empty());
        let two = source("First words of it all here.\n\nAnd the second paragraph.\n");
        let t = tokens(&two);
        assert_eq!(
            spans(&t, 3..7),
            vec![(0, 15..26), (1, 0..3)],
            "it all here | And"
        );
    }
}
