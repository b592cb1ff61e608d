//! Words as hashes, for comparing text across sources (quotes reported by several sources,
//! passages one source took from another): one folding, one way to key a run of words.

/// The hash of a word before its first character (FNV-1a's offset basis).
pub const WORD_START: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Fold `c` into the word hash `h` (FNV-1a over its lowercase UTF-8); `None` when `c` is not a
/// letter or digit and so not part of what is compared.
#[inline]
pub fn fold_char(h: u64, c: char) -> Option<u64> {
    if c.is_ascii() {
        return c
            .is_ascii_alphanumeric()
            .then(|| (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(FNV_PRIME));
    }
    if !c.is_alphanumeric() {
        return None;
    }
    let mut h = h;
    for l in c.to_lowercase() {
        let mut buf = [0u8; 4];
        for b in l.encode_utf8(&mut buf).bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    Some(h)
}

/// What an ASCII byte is to a word: its lowercase form for a letter or digit, [`JOINS`] for
/// `'` and `.` (which may keep a word whole), [`ENDS`] for everything else.
const ASCII_CLASS: [u8; 128] = {
    let mut class = [ENDS; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            class[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    class[b'\'' as usize] = JOINS;
    class[b'.' as usize] = JOINS;
    class
};
const ENDS: u8 = 0;
const JOINS: u8 = 1;

/// Call `word(start, end, hash)` for each word of `text`: a run of letters and digits,
/// hashed as [`fold_char`] folds them. An apostrophe (`'`, `’`) inside a word is skipped
/// (`Zealand’s` hashes as `Zealands`); so is a dot when `dots_join` (`N.A.T.O.` = `NATO`),
/// otherwise a dot ends the word. `end` is the byte after the word's last letter or digit.
/// ASCII is classed by a table, without decoding characters: this loop is most of the cost of
/// comparing sources.
#[inline]
pub fn for_each_word(text: &str, dots_join: bool, mut word: impl FnMut(usize, usize, u64)) {
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut h = WORD_START;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (folded, width, joins) = if b.is_ascii() {
            match ASCII_CLASS[b as usize] {
                ENDS => (None, 1, false),
                JOINS => (None, 1, b == b'\'' || dots_join),
                lower => (
                    Some((h ^ u64::from(lower)).wrapping_mul(FNV_PRIME)),
                    1,
                    false,
                ),
            }
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            (fold_char(h, c), c.len_utf8(), c == '’')
        };
        match folded {
            Some(next) => {
                start.get_or_insert(i);
                h = next;
                end = i + width;
            }
            // Inside a word, or trailing it: the word goes on, its end does not move.
            None if joins => {}
            None => {
                if let Some(s) = start.take() {
                    word(s, end, h);
                    h = WORD_START;
                }
            }
        }
        i += width;
    }
    if let Some(s) = start {
        word(s, end, h);
    }
}

/// The hash of `word`'s letters and digits, lowercased; `None` when it has none.
pub fn word_hash(word: &str) -> Option<u64> {
    let mut h = WORD_START;
    let mut any = false;
    for c in word.chars() {
        if let Some(next) = fold_char(h, c) {
            h = next;
            any = true;
        }
    }
    any.then_some(h)
}

/// The key of every run of `n` words in `words`, in order: a rolling polynomial hash (one
/// multiply per word, not one per word of every run), mixed so that all its bits spread (the
/// index keeps the high bits, hash maps the low ones).
pub fn run_keys(words: &[u64], n: usize) -> impl Iterator<Item = u64> + '_ {
    const P: u64 = 0x9e37_79b9_7f4a_7c15;
    let leaving = P.wrapping_pow(n.saturating_sub(1) as u32);
    let mut key = words
        .iter()
        .take(n.saturating_sub(1))
        .fold(0u64, |k, &w| k.wrapping_mul(P).wrapping_add(w));
    let runs = (words.len() + 1).saturating_sub(n.max(1));
    (0..runs).map(move |i| {
        key = key.wrapping_mul(P).wrapping_add(words[i + n - 1]);
        let run = key;
        key = key.wrapping_sub(words[i].wrapping_mul(leaving));
        let mixed = (run ^ (run >> 31)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        mixed ^ (mixed >> 29)
    })
}

/// The number of words of `text` split at whitespace, as `split_whitespace().count()` gives
/// it: eight bytes at a time where they are ASCII, decoding only the lead bytes of non-ASCII
/// spaces. Counting the words of every paragraph char by char was a tenth of loading.
pub fn count_whitespace_separated(text: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let (mut count, mut after_space, mut i) = (0, true, 0);
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes([
                word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
            ]);
            if x & HIGHS == 0 {
                // Bit k of `spaces`: byte k is a space; a word starts at a non-space byte
                // after one.
                let spaces = ascii_spaces(x);
                let after = (spaces << 1) | u32::from(after_space);
                count += (!spaces & after & 0xff).count_ones() as usize;
                after_space = spaces & 0x80 != 0;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let (space, width) = match b {
            0..=0x7f => (b.is_ascii_whitespace() || b == 0x0b, 1),
            // The lead bytes of the non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000-U+205F,
            // U+3000).
            0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                let c = text[i..].chars().next().unwrap_or_default();
                (c.is_whitespace(), c.len_utf8())
            }
            _ => (false, 1),
        };
        count += usize::from(after_space && !space);
        after_space = space;
        i += width;
    }
    count
}

/// Bit k set when byte k of the ASCII word `x` is whitespace (space, or `\t` to `\r`).
fn ascii_spaces(x: u64) -> u32 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    const LOWS: u64 = ONES * 0x7f;
    // Per byte, with no carry between bytes (each is under 0x80): the high bit says
    // "equals 0x20", ">= 9", "<= 13".
    let t = x ^ (ONES * 0x20);
    let is_space = !(((t & LOWS) + LOWS) | t) & HIGHS;
    let from_tab = (x + ONES * (0x80 - 9)) & HIGHS;
    let to_return = !(x + ONES * (0x80 - 14)) & HIGHS;
    let flags = (is_space | (from_tab & to_return)) >> 7;
    // Gather each byte's flag into the top byte.
    (flags.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// The keys are hashes already: the map need not hash them again.
#[derive(Default, Clone, Copy)]
pub struct BuildIdentity;

#[derive(Default)]
pub struct IdentityHasher(u64);

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_folds_and_marks_are_not_part_of_a_word() {
        assert_eq!(word_hash("NATO"), word_hash("nato"));
        assert_eq!(word_hash("Māori"), word_hash("MĀORI"));
        assert_eq!(word_hash("N.A.T.O."), word_hash("nato"));
        assert_ne!(word_hash("nato"), word_hash("not"));
        assert_eq!(word_hash("“—”"), None);
    }

    #[test]
    fn a_run_has_one_key_wherever_it_stands() {
        let words = [11, 22, 33, 44, 55, 66, 77];
        let keys: Vec<u64> = run_keys(&words, 5).collect();
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[1], run_keys(&words[1..6], 5).next().unwrap());
        assert_eq!(keys[2], run_keys(&words[2..], 5).next().unwrap());
        assert_ne!(keys[0], keys[1]);
        assert_ne!(
            run_keys(&[22, 11, 33, 44, 55], 5).next(),
            Some(keys[0]),
            "order counts"
        );
        assert_eq!(run_keys(&words[..4], 5).count(), 0, "too short for a run");
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tand\nnewline\r\nand\x0bvertical\x0cfeed",
            "no\u{a0}break and\u{2028}line\u{3000}ideographic\u{85}next\u{1680}ogham",
            "thin\u{2009}space\u{202f}narrow\u{205f}math",
            "Māori Zealand’s “quoted” — dash",
            "\u{2060}joiner is not a space\u{200b}nor zero width",
            "a b  c\t\td\n\n\ne \x0b\x0c\rf g h i j k l m n o p q r s",
            "        eight spaces then words of eight letters eightltr eightltr",
            "ascii run before\u{a0}a no-break space and after it more ascii text",
            "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`{|}~\x7f\x08\x0e\x1f",
        ] {
            assert_eq!(
                count_whitespace_separated(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        // Every ASCII byte at every place of an eight-byte word, between letters and spaces.
        for b in 0..0x80u8 {
            for at in 0..16 {
                let mut text: Vec<u8> = b"ab cd efgh  ijklmno p".to_vec();
                text[at] = b;
                let text = String::from_utf8(text).unwrap();
                assert_eq!(
                    count_whitespace_separated(&text),
                    text.split_whitespace().count(),
                    "{text:?}"
                );
            }
        }
    }

    fn words_of(text: &str, dots_join: bool) -> Vec<(&str, u64)> {
        let mut out = Vec::new();
        for_each_word(text, dots_join, |s, e, h| out.push((&text[s..e], h)));
        out
    }

    #[test]
    fn words_are_split_and_hashed_as_each_word_alone() {
        let text = "Mr. Peters’ N.A.T.O. isn't Māori-led; ’quoted’ 20-24.";
        let words = words_of(text, true);
        let spans: Vec<&str> = words.iter().map(|w| w.0).collect();
        assert_eq!(
            spans,
            [
                "Mr", "Peters", "N.A.T.O", "isn't", "Māori", "led", "quoted", "20", "24"
            ]
        );
        for (span, h) in &words {
            assert_eq!(Some(*h), word_hash(span), "{span}");
        }
        let split: Vec<&str> = words_of("N.A.T.O. e.g.", false)
            .iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(split, ["N", "A", "T", "O", "e", "g"]);
    }
}
