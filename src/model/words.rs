//! Words as hashes, for comparing text across sources (quotes reported by several sources,
//! passages one source took from another): one folding, one way to key a run of words.

/// A word's hash, fed its folded bytes (the lowercase UTF-8 of its letters and digits) one
/// by one: eight bytes make a chunk, and chunks are mixed in one after another, at least two
/// (the second all zeros for a word of eight bytes or fewer). [`for_each_word`] hashes a
/// plain ASCII word of under 16 bytes from its two chunks in place, to the same hash.
struct WordHasher {
    h: u64,
    /// Bytes not yet mixed in, little-endian; `filled` of them.
    chunk: u64,
    filled: u32,
    chunks: u32,
    len: u64,
}

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mix an eight-byte `chunk` of a word into its hash `h`.
#[inline]
fn mix(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(23) ^ chunk).wrapping_mul(MIX)
}

/// Spread every bit of `h` over all of them (MurmurHash3's finalizer): the index keeps a
/// key's high bits, hash maps its low ones.
#[inline]
fn finalize(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl WordHasher {
    fn new() -> WordHasher {
        WordHasher {
            h: 0,
            chunk: 0,
            filled: 0,
            chunks: 0,
            len: 0,
        }
    }

    fn push(&mut self, b: u8) {
        self.chunk |= u64::from(b) << (8 * self.filled);
        self.filled += 1;
        self.len += 1;
        if self.filled == 8 {
            self.h = mix(self.h, self.chunk);
            (self.chunk, self.filled) = (0, 0);
            self.chunks += 1;
        }
    }

    fn push_char(&mut self, c: char) {
        for l in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for b in l.encode_utf8(&mut buf).bytes() {
                self.push(b);
            }
        }
    }

    fn finish(mut self) -> u64 {
        while self.filled > 0 || self.chunks < 2 {
            self.h = mix(self.h, self.chunk);
            (self.chunk, self.filled) = (0, 0);
            self.chunks += 1;
        }
        finalize(self.h ^ self.len)
    }
}

/// The hash [`WordHasher`] gives the plain ASCII word of `n` (under 16) letters and digits
/// whose bytes start `x0`, `x1`: the rest of those cut off, each byte lowercased by setting
/// its 0x20 bit (which digits have already).
#[inline]
fn short_ascii_word_hash(x0: u64, x1: u64, n: u32) -> u64 {
    let (m0, m1) = (first_bytes(n.min(8)), first_bytes(n.saturating_sub(8)));
    let c0 = x0 & m0 | LOWER & m0;
    let c1 = x1 & m1 | LOWER & m1;
    finalize(mix(mix(0, c0), c1) ^ u64::from(n))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = ONES * 0x80;
const LOWS: u64 = ONES * 0x7f;
const LOWER: u64 = ONES * 0x20;

/// The first `n` (0 to 8) bytes of a `u64`.
#[inline]
fn first_bytes(n: u32) -> u64 {
    u64::MAX.checked_shr(64 - 8 * n).unwrap_or(0)
}

#[inline]
fn le_u64(b: &[u8]) -> u64 {
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// High bit of each byte of `x` that equals the ASCII `b`.
#[inline]
fn bytes_equal(x: u64, b: u8) -> u64 {
    let t = x ^ (ONES * u64::from(b));
    !(((t & LOWS) + LOWS) | t) & HIGHS
}

/// Each byte's high bit of `flags`, gathered into bit k for byte k.
#[inline]
fn gather(flags: u64) -> u32 {
    ((flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// What each of 16 bytes is to a word, a bit per byte (bit k for byte k).
struct Classes {
    /// ASCII letters and digits.
    alnum: u32,
    /// `'`, and `.` when dots join.
    joiner: u32,
    /// Bytes of non-ASCII chars.
    high: u32,
}

impl Classes {
    #[inline]
    #[cfg_attr(target_feature = "sse2", allow(dead_code))]
    fn of_eight(x: u64, dots_join: bool) -> Classes {
        // Per byte of the low seven bits, with no carry between bytes (each is under 0x80,
        // plus under 0x80): the high bit says "at least `lo`".
        let at_least = |v: u64, lo: u8| v + ONES * u64::from(0x80 - lo);
        let high = x & HIGHS;
        let low = x & LOWS;
        let folded = low | LOWER;
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
        let mut joiner = bytes_equal(low, b'\'');
        if dots_join {
            joiner |= bytes_equal(low, b'.');
        }
        Classes {
            alnum: gather((letter | digit) & HIGHS & !high),
            joiner: gather(joiner & !high),
            high: gather(high),
        }
    }

    /// The classes of the 16 bytes `x0`, `x1`: with SSE2, which every x86-64 has, a few
    /// instructions; elsewhere eight bytes at a time in a `u64`.
    #[inline]
    fn of_sixteen(x0: u64, x1: u64, dots_join: bool) -> Classes {
        #[cfg(target_feature = "sse2")]
        return Classes::of_sixteen_sse2(x0, x1, dots_join);
        #[cfg(not(target_feature = "sse2"))]
        return Classes::of_sixteen_in_u64s(x0, x1, dots_join);
    }

    /// Other processors' path; with SSE2, what the tests check the SSE2 path against.
    #[cfg_attr(target_feature = "sse2", allow(dead_code))]
    fn of_sixteen_in_u64s(x0: u64, x1: u64, dots_join: bool) -> Classes {
        let (a, b) = (
            Classes::of_eight(x0, dots_join),
            Classes::of_eight(x1, dots_join),
        );
        Classes {
            alnum: a.alnum | b.alnum << 8,
            joiner: a.joiner | b.joiner << 8,
            high: a.high | b.high << 8,
        }
    }

    #[cfg(target_feature = "sse2")]
    #[inline]
    fn of_sixteen_sse2(x0: u64, x1: u64, dots_join: bool) -> Classes {
        #[cfg(target_arch = "x86")]
        use std::arch::x86::*;
        #[cfg(target_arch = "x86_64")]
        use std::arch::x86_64::*;
        // SAFETY: these intrinsics need SSE2 only, which this build targets (every x86-64
        // processor has it); they touch no memory.
        unsafe {
            let v = _mm_set_epi64x(x1 as i64, x0 as i64);
            let byte = |b: u8| _mm_set1_epi8(b as i8);
            // `v` in `lo..lo + len`: shifted so that `lo` is the smallest signed byte, then
            // compared as signed (SSE2 has no unsigned comparison). Non-ASCII bytes never are.
            let in_range = |v, lo: u8, len: u8| {
                _mm_cmplt_epi8(
                    _mm_add_epi8(v, byte(0x80u8.wrapping_sub(lo))),
                    byte(0x80 + len),
                )
            };
            let letter = in_range(_mm_or_si128(v, byte(0x20)), b'a', 26);
            let digit = in_range(v, b'0', 10);
            let mut joiner = _mm_cmpeq_epi8(v, byte(b'\''));
            if dots_join {
                joiner = _mm_or_si128(joiner, _mm_cmpeq_epi8(v, byte(b'.')));
            }
            Classes {
                alnum: _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u32,
                joiner: _mm_movemask_epi8(joiner) as u32,
                high: _mm_movemask_epi8(v) as u32,
            }
        }
    }
}

/// The 16 bytes of `bytes` from `i`, zeros past its end (a zero byte is no part of a word).
#[inline]
fn sixteen_from(bytes: &[u8], i: usize) -> (u64, u64) {
    let x = match bytes.get(i..i + 16) {
        Some(b) => le_u128(b),
        // Near the end, the last 16 bytes, shifted: copying what is left costs a call.
        None if bytes.len() >= 16 => {
            le_u128(&bytes[bytes.len() - 16..]) >> (8 * (i + 16 - bytes.len()))
        }
        None => {
            let mut buf = [0u8; 16];
            let rest = &bytes[i..];
            buf[..rest.len()].copy_from_slice(rest);
            le_u128(&buf)
        }
    };
    (x as u64, (x >> 64) as u64)
}

#[inline]
fn le_u128(b: &[u8]) -> u128 {
    u128::from_le_bytes(b[..16].try_into().unwrap_or_default())
}

/// The hash of `word`'s letters and digits, lowercased; `None` when it has none.
pub fn word_hash(word: &str) -> Option<u64> {
    let mut h = WordHasher::new();
    for c in word.chars().filter(|c| c.is_alphanumeric()) {
        h.push_char(c);
    }
    (h.len > 0).then(|| h.finish())
}

/// From byte `i` of `text`, char by char: the word that starts there, or after chars that are
/// no part of one; and where to go on from. A char that is neither part of a word nor joins
/// one ends the word, or is skipped when no word has started. What [`for_each_word`] does
/// where its fast path cannot.
fn word_at(text: &str, mut i: usize, dots_join: bool) -> (usize, Option<(usize, usize, u64)>) {
    let mut hasher = WordHasher::new();
    let mut start = None;
    let mut end = i;
    for c in text[i..].chars() {
        // Curly quotes and dashes (U+2000 to U+206F, no letters among them) are most of the
        // non-ASCII chars of English text; looking them up in Unicode's tables was a tenth
        // of the time.
        if !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric() {
            start.get_or_insert(i);
            if c.is_ascii() {
                hasher.push(c.to_ascii_lowercase() as u8);
            } else {
                hasher.push_char(c);
            }
            end = i + c.len_utf8();
        } else if !(c == '\'' || c == '’' || dots_join && c == '.') && start.is_some() {
            break;
        }
        i += c.len_utf8();
    }
    (i, start.map(|s| (s, end, hasher.finish())))
}

/// Call `word(start, end, hash)` for each word of `text`: a run of letters and digits,
/// lowercased. An apostrophe (`'`, `’`) inside a word is skipped (`Zealand’s` hashes as
/// `Zealands`); so is a dot when `dots_join` (`N.A.T.O.` = `NATO`), otherwise a dot ends the
/// word. `end` is the byte after the word's last letter or digit.
///
/// This loop is most of the cost of comparing sources. A plain ASCII word of under 15 bytes
/// (most words) is read without a branch per byte: 64 bytes are classed at once by bit
/// arithmetic, where words start is a mask of the block, a word's end is a count of bits, and
/// its hash is taken from the bytes in place. Any other word goes char by char ([`word_at`]).
/// Over scoop-nz's 18.5 M words (one thread, min of 5 to 7 runs): classing 16 bytes at each
/// word took 0.235 s, classing 64 at a time 0.204 s, finding the starts a block at a time
/// 0.176 s.
#[inline]
pub fn for_each_word(text: &str, dots_join: bool, mut word: impl FnMut(usize, usize, u64)) {
    let bytes = text.as_bytes();
    // Block by block of 64 bytes, with the next block's classes for the words that run on
    // into it. Where words may start is known for the whole block at once (where a run of
    // letters and digits starts, and any non-ASCII byte), so one word's start does not wait on
    // the one before it: a loop that found each start from the last word's end was bounded
    // by that chain.
    let mut block = Block::of(bytes, 0, dots_join);
    let mut base = 0;
    // Where the next word may start: past what a word read char by char took.
    let mut resume = 0;
    let mut after_alnum = 0;
    while base < bytes.len() {
        let next = Block::of(bytes, base + 64, dots_join);
        let wide = |this: u64, next: u64| u128::from(this) | u128::from(next) << 64;
        let (alnum, joiner, high) = (
            wide(block.alnum, next.alnum),
            wide(block.joiner, next.joiner),
            wide(block.high, next.high),
        );
        // Where a word must be read char by char if it ends there: at a non-ASCII char, or at
        // a joiner that more of a word follows (a joiner only trailing it, before a space,
        // changes nothing).
        let char_by_char = high | joiner & ((alnum | joiner | high) >> 1);
        let mut starts = block.alnum & !(block.alnum << 1 | after_alnum) | block.high;
        while starts != 0 {
            let at_bit = starts.trailing_zeros();
            starts &= starts - 1;
            let i = base + at_bit as usize;
            if i < resume {
                continue;
            }
            let n = ((alnum >> at_bit) as u64).trailing_ones();
            // Read char by char too: a word that starts with a non-ASCII char, and one of 15
            // bytes or more.
            if n == 0 || n >= 15 || (char_by_char >> (at_bit + n)) & 1 != 0 {
                let (after, found) = word_at(text, i, dots_join);
                if let Some((s, e, h)) = found {
                    word(s, e, h);
                }
                resume = after;
                continue;
            }
            let (x0, x1) = sixteen_from(bytes, i);
            word(i, i + n as usize, short_ascii_word_hash(x0, x1, n));
        }
        after_alnum = block.alnum >> 63;
        block = next;
        base += 64;
    }
}

/// What each of 64 bytes is to a word, a bit per byte (bit k for byte k): [`Classes`] of
/// four runs of 16.
struct Block {
    alnum: u64,
    joiner: u64,
    high: u64,
}

impl Block {
    #[inline]
    fn of(bytes: &[u8], base: usize, dots_join: bool) -> Block {
        let mut block = Block {
            alnum: 0,
            joiner: 0,
            high: 0,
        };
        for k in 0..4 {
            if base + 16 * k >= bytes.len() {
                break;
            }
            let (x0, x1) = sixteen_from(bytes, base + 16 * k);
            let c = Classes::of_sixteen(x0, x1, dots_join);
            block.alnum |= u64::from(c.alnum) << (16 * k);
            block.joiner |= u64::from(c.joiner) << (16 * k);
            block.high |= u64::from(c.high) << (16 * k);
        }
        block
    }
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
    let bytes = text.as_bytes();
    let (mut count, mut after_space, mut i) = (0, true, 0);
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let x = le_u64(word);
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
    // Per byte, with no carry between bytes (each is under 0x80): the high bit says
    // "equals 0x20", ">= 9", "<= 13".
    let t = x ^ (ONES * 0x20);
    let is_space = !(((t & LOWS) + LOWS) | t) & HIGHS;
    let from_tab = (x + ONES * (0x80 - 9)) & HIGHS;
    let to_return = !(x + ONES * (0x80 - 14)) & HIGHS;
    gather(is_space | (from_tab & to_return))
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

    /// The words of `text` found char by char only.
    fn words_char_by_char(text: &str, dots_join: bool) -> Vec<(usize, usize, u64)> {
        let (mut out, mut i) = (Vec::new(), 0);
        while i < text.len() {
            let (after, found) = word_at(text, i, dots_join);
            out.extend(found);
            i = after;
        }
        out
    }

    #[test]
    fn the_fast_path_finds_and_hashes_words_as_char_by_char_does() {
        // Texts of pieces drawn from a small alphabet of every kind of char: words crossing
        // eight- and sixteen-byte boundaries, joiners inside, after and before words.
        let pieces = [
            "a",
            "Z",
            "7",
            "ab",
            "word",
            "EightLtr",
            "sixteen-letters!",
            "ninelongs",
            " ",
            "  ",
            ".",
            "'",
            "’",
            "Ā",
            "ō",
            "“",
            "—",
            ",",
            "\n",
            "\u{a0}",
            "e.g.",
            "N.A.T.O.",
            "isn't",
            // Longer than a block of 64 bytes.
            "                                                                       ",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..(seed % 23) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for dots_join in [true, false] {
                let mut fast = Vec::new();
                for_each_word(&text, dots_join, |s, e, h| fast.push((s, e, h)));
                assert_eq!(fast, words_char_by_char(&text, dots_join), "{text:?}");
            }
            seed = seed.wrapping_add(1);
        }
    }

    #[test]
    fn bytes_are_classed_alike_by_simd_and_in_u64s() {
        // Every byte value at every place of 16 bytes of text.
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut bytes = *b"a'Z.9 \xe2\x80\x99bc.d'-@";
                bytes[at] = b;
                let x0 = le_u64(&bytes[..8]);
                let x1 = le_u64(&bytes[8..]);
                for dots_join in [true, false] {
                    let [simd, u64s] = [
                        Classes::of_sixteen(x0, x1, dots_join),
                        Classes::of_sixteen_in_u64s(x0, x1, dots_join),
                    ]
                    .map(|c| (c.alnum, c.joiner, c.high));
                    assert_eq!(simd, u64s, "{b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn words_are_split_and_hashed_as_each_word_alone() {
        // `x⁰`: a digit just past U+2000 to U+206F, the punctuation skipped without a lookup.
        let text = "Mr. Peters’ N.A.T.O. isn't Māori-led; ’quoted’ 20-24. x⁰";
        let words = words_of(text, true);
        let spans: Vec<&str> = words.iter().map(|w| w.0).collect();
        assert_eq!(
            spans,
            [
                "Mr", "Peters", "N.A.T.O", "isn't", "Māori", "led", "quoted", "20", "24", "x⁰"
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
