//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and invalid UTF-8 read
//! byte by byte as Windows-1252 so that a stray Latin-1 `£` stays a `£`.

/// Decoded text, with a warning when the bytes were not clean UTF-8.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes outside a UTF-16 file: a binary file.
    Binary,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(decode_utf16(rest, u16::from_le_bytes, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(decode_utf16(rest, u16::from_be_bytes, "UTF-16BE"));
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Result<Decoded, NotText> {
    if memchr::memchr(0, bytes).is_some() {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            warning: None,
        }),
        Err(_) => {
            let (text, bad) = decode_mixed(bytes);
            Ok(Decoded {
                text,
                warning: Some(format!(
                    "not valid UTF-8: {bad} byte(s) read as Windows-1252"
                )),
            })
        }
    }
}

fn decode_utf16(bytes: &[u8], to_unit: fn([u8; 2]) -> u16, name: &str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|p| to_unit([p[0], p[1]]));
    let mut bad = bytes.len() % 2;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    let warning = if bad > 0 {
        Some(format!("{name} with {bad} invalid unit(s), replaced by �"))
    } else {
        Some(format!("decoded from {name}"))
    };
    Decoded { text, warning }
}

/// Valid UTF-8 runs as they are; each invalid byte as its Windows-1252 character.
fn decode_mixed(mut bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() + 8);
    let mut bad = 0;
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[..valid]).unwrap_or_default());
                let skip = e.error_len().unwrap_or(bytes.len() - valid).max(1);
                for &b in &bytes[valid..valid + skip] {
                    out.push(windows_1252(b));
                    bad += 1;
                }
                bytes = &bytes[valid + skip..];
            }
        }
    }
    (out, bad)
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap().text, "hello");
        assert_eq!(
            decode("Māori".as_bytes()).unwrap(),
            Decoded {
                text: "Māori".into(),
                warning: None
            }
        );
    }

    #[test]
    fn latin1_bytes_become_their_characters_with_a_warning() {
        let d = decode(b"costs \xa3100 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "costs £100 “quoted”");
        assert!(d.warning.unwrap().contains("3 byte(s)"));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "hé");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap().text, "hé");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(NotText::Binary));
    }
}
