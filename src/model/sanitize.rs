//! Text from sources is untrusted. Every string that came from a file, including file names,
//! passes through [`sanitize`] once, at load, so that no byte of a source can reach a terminal
//! as a command: escape sequences, control characters, bidi controls and zero-width characters
//! become visible markers. Strings that parsing creates afresh (YAML escapes such as `"\e"`,
//! HTML entities) are checked again where they are made.

use std::borrow::Cow;

/// Neutralise terminal-significant characters. Newline and tab are kept; CRLF and lone CR
/// become newline; U+2028/U+2029 become a space.
///
/// - C0 controls and DEL become their Control Pictures (ESC becomes `␛`), so a CSI, OSC, DCS,
///   APC, PM or SOS sequence loses its introducer and stays readable as text.
/// - C1 controls (the 8-bit forms of the same introducers), bidi controls and zero-width
///   characters become `⟨U+XXXX⟩`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if is_terminal_safe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            c if needs_marker(c) => push_marker(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is a character a terminal could act on or that hides text.
pub fn needs_marker(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && c != '\n' && c != '\t' && c != '\r')
        || (0x7f..=0x9f).contains(&u)
        || is_invisible_format(u)
}

/// Bidi controls, zero-width characters and line/paragraph separators.
fn is_invisible_format(u: u32) -> bool {
    matches!(u,
        0x061C | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069
        | 0xFEFF | 0xFFF9..=0xFFFB)
}

fn push_marker(out: &mut String, c: char) {
    let u = c as u32;
    match u {
        0x00..=0x1f => out.push(char::from_u32(0x2400 + u).unwrap_or('\u{FFFD}')),
        0x7f => out.push('␡'),
        0x2028 | 0x2029 => out.push(' '),
        _ => {
            use std::fmt::Write;
            let _ = write!(out, "⟨U+{u:04X}⟩");
        }
    }
}

/// True when `text` holds nothing a terminal would act on. Eight bytes at a time: a word of
/// printable ASCII is passed with a few arithmetic operations, and only the bytes of other
/// words are looked at one by one, decoding the few lead bytes that can start a marked
/// character. This check runs over every byte loaded.
pub fn is_terminal_safe(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]);
        // Some byte below 0x20 (the classic "has less than" test), or from 0x7f up (a byte
        // of 0xff carries into the next, but is caught by its own high bit).
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        let from_delete = (x | x.wrapping_add(ONES)) & HIGHS;
        if below_space | from_delete != 0 && !bytes_are_safe(text, at..at + 8) {
            return false;
        }
        at += 8;
    }
    bytes_are_safe(text, at..bytes.len())
}

/// Whether the characters starting in bytes `range` of `text` are safe, byte by byte.
fn bytes_are_safe(text: &str, range: std::ops::Range<usize>) -> bool {
    for i in range {
        let suspect = match text.as_bytes()[i] {
            b'\n' | b'\t' => false,
            0x00..=0x1f | 0x7f => return false,
            // Lead bytes of U+0080-U+009F, U+061C, U+180E, U+2000-U+206F and U+FEFF/U+FFF9.
            0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF => true,
            _ => false,
        };
        if suspect && text[i..].chars().next().is_some_and(needs_marker) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_introducers() {
        let hostile = "a\x1b[31mred\x1b]52;c;aGVsbG8=\x07b\u{9b}2J\u{90}dcs\x1b\\";
        let clean = sanitize(hostile);
        assert!(is_terminal_safe(&clean));
        assert_eq!(clean, "a␛[31mred␛]52;c;aGVsbG8=␇b⟨U+009B⟩2J⟨U+0090⟩dcs␛\\");
    }

    #[test]
    fn newlines_and_tabs_survive_and_cr_becomes_newline() {
        assert_eq!(sanitize("a\r\nb\rc\td"), "a\nb\nc\td");
    }

    #[test]
    fn bidi_and_zero_width_characters_become_visible() {
        assert_eq!(sanitize("abc\u{202E}def\u{200B}"), "abc⟨U+202E⟩def⟨U+200B⟩");
        assert_eq!(sanitize("line\u{2028}break"), "line break");
    }

    #[test]
    fn every_unsafe_character_is_caught_wherever_it_stands_in_a_word() {
        let unsafe_chars = [
            '\x00', '\x1b', '\x7f', '\u{85}', '\u{9b}', '\u{202e}', '\u{feff}',
        ];
        for c in unsafe_chars {
            for at in 0..17 {
                let mut text: String = "plain ascii text, long enough".chars().take(at).collect();
                text.push(c);
                text.push_str("Māori \u{ff}tail");
                assert!(!is_terminal_safe(&text), "{c:?} at {at}");
            }
        }
        for at in 0..17 {
            let mut text: String = "x".repeat(at);
            text.push_str("~ \u{7e}\u{a0}\u{ff}é—“”\n\tÿ end of the text");
            assert!(is_terminal_safe(&text), "{text:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed_not_copied() {
        assert!(matches!(
            sanitize("Māori – “quoted” text"),
            Cow::Borrowed(_)
        ));
    }
}
