//! Property: ingest of arbitrary bytes never panics and yields no control characters.

use dossier::load::decode::decode;
use dossier::model::ingest::{Document, Format, ingest};
use dossier::model::sanitize::{is_terminal_safe, sanitize};
use proptest::prelude::*;

fn load_bytes(bytes: &[u8], format: Format) -> Option<dossier::model::Source> {
    let decoded = decode(bytes).ok()?;
    let text = sanitize(&decoded.text);
    let mut source = ingest(Document {
        id: "p".into(),
        path: "p".into(),
        text: &text,
        format,
        warnings: vec![],
    });
    // Quotation rules run on the same hostile text and must not panic either.
    source.quotes = dossier::model::quotes::extract(&source);
    for q in &source.quotes {
        assert!(is_terminal_safe(&q.text(&source)));
    }
    Some(source)
}

fn assert_clean(s: &dossier::model::Source) {
    assert!(is_terminal_safe(&s.text), "text: {:?}", s.text);
    if let Some(t) = &s.title {
        assert!(is_terminal_safe(t) && !t.contains('\n'), "title: {t:?}");
    }
    if let Some(d) = &s.date {
        assert!(is_terminal_safe(&d.evidence));
    }
    assert!(is_terminal_safe(
        &serde_json::Value::Object(s.metadata.clone()).to_string()
    ));
    for w in &s.warnings {
        assert!(is_terminal_safe(w), "warning: {w:?}");
    }
}

/// Bytes biased towards what breaks parsers: fences, markup, escapes, quotes, controls.
fn tricky_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        &b"---\n"[..],
        b"title: ",
        b"date: 2024-04-04\n",
        b"\"",
        b"[",
        b"]",
        b"{{< x >}}",
        b"**",
        b"\\",
        b"\x1b[31m",
        b"\xc2\x9b",
        b"\xe2\x80\xae",
        b"&#27;",
        b"&#8220;",
        b"\r\n",
        b"\n\n",
        b"\xff\xfe",
        b"# Heading\n",
        b"===\n",
        b"* item\n",
        b"(Source: X)",
        b"\t",
        b"\x00",
        b"\xe2\x80",
        b"&amp;",
        b"Last updated: 05 Jul. 2024 16:18\n",
        b"![alt](u)",
        b"<iframe>",
        b"  \n",
        "“".as_bytes(),
        "”".as_bytes(),
        "‘".as_bytes(),
        "’".as_bytes(),
        "«".as_bytes(),
        b"'",
        b"`",
        "Yes”. ".as_bytes(),
        b" Mr Peters says. ",
        b" he said: ",
        b"According to Ms X, ",
        b". ",
        b"Dr. ",
        "N.A.T.O.’s ".as_bytes(),
        b" said ",
        b", who spoke, said ",
    ]);
    prop::collection::vec(
        prop_oneof![
            pieces.prop_map(<[u8]>::to_vec),
            prop::collection::vec(any::<u8>(), 0..8)
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_stay_terminal_safe(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for format in [Format::Markdown, Format::Plain] {
            if let Some(s) = load_bytes(&bytes, format) {
                assert_clean(&s);
            }
        }
    }

    #[test]
    fn tricky_bytes_never_panic_and_stay_terminal_safe(bytes in tricky_bytes()) {
        for format in [Format::Markdown, Format::Plain] {
            if let Some(s) = load_bytes(&bytes, format) {
                assert_clean(&s);
                for (p, text) in s.paragraphs_with_text() {
                    prop_assert!(p.span.end as usize <= s.text.len());
                    prop_assert!(!text.contains('\n'), "a paragraph is one line of text");
                }
            }
        }
    }
}
