//! Inline markup to readable text: Markdown links, emphasis, escapes, images, autolinks,
//! inline HTML, Hugo shortcodes, and HTML entities (also found in plain text and titles).

/// A paragraph's readable text and what markup it was made of.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    /// Links, and the characters of readable text that were link text.
    pub links: usize,
    pub link_chars: usize,
    /// Alt text of images (Markdown images and shortcodes with `alt=`).
    pub images: Vec<String>,
    /// Shortcodes and embedded HTML objects (`<iframe>`, `<script>`).
    pub embeds: usize,
}

/// Clean one paragraph of Markdown.
pub fn markdown_inline(src: &str) -> Inline {
    let mut out = Inline::default();
    let mut text = String::with_capacity(src.len());
    convert(src, &mut text, &mut out);
    out.text = decode_entities(collapse_spaces(&text).trim()).into_owned();
    out
}

/// The bytes that can start markup, as a table: the run of plain text between them is most
/// of every paragraph, and a lookup per byte scans it faster than a chain of comparisons.
const STARTS_MARKUP: [bool; 256] = {
    let mut table = [false; 256];
    let starts = b"\\![{<*_`";
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

fn convert(src: &str, text: &mut String, out: &mut Inline) {
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                text.push(b[i + 1] as char);
                i += 2;
            }
            b'!' if b.get(i + 1) == Some(&b'[') => {
                if let Some((label, end)) = link_at(src, i + 1) {
                    let mut alt = String::new();
                    convert(label, &mut alt, &mut Inline::default());
                    let alt = collapse_spaces(&alt).trim().to_string();
                    if !alt.is_empty() {
                        out.images.push(alt);
                    }
                    i = end;
                } else {
                    text.push('!');
                    i += 1;
                }
            }
            b'[' => {
                if let Some((label, end)) = link_at(src, i) {
                    let before = text.len();
                    convert(label, text, out);
                    out.links += 1;
                    out.link_chars += text[before..].trim().chars().count();
                    i = end;
                } else {
                    text.push('[');
                    i += 1;
                }
            }
            b'{' if src[i..].starts_with("{{<") || src[i..].starts_with("{{%") => {
                let close = if b[i + 2] == b'<' { ">}}" } else { "%}}" };
                match src[i + 3..].find(close) {
                    Some(rel) => {
                        let inner = &src[i + 3..i + 3 + rel];
                        if let Some(alt) = attribute(inner, "alt").filter(|a| !a.is_empty()) {
                            out.images.push(alt.to_string());
                        }
                        out.embeds += 1;
                        i += 3 + rel + close.len();
                    }
                    None => {
                        text.push('{');
                        i += 1;
                    }
                }
            }
            b'<' => match html_at(src, i) {
                Some((Html::Autolink(url), end)) => {
                    text.push_str(url);
                    i = end;
                }
                Some((Html::Tag { embed, alt }, end)) => {
                    out.embeds += usize::from(embed);
                    if let Some(alt) = alt {
                        out.images.push(alt.to_string());
                    }
                    // A tag between words still separates them.
                    text.push(' ');
                    i = end;
                }
                None => {
                    text.push('<');
                    i += 1;
                }
            },
            b'*' | b'_' => {
                let run = b[i..].iter().take_while(|&&x| x == c).count();
                let prev = text.chars().next_back();
                let next = src[i + run..].chars().next();
                if is_emphasis(c, run, prev, next) {
                    i += run;
                } else {
                    text.push_str(&src[i..i + run]);
                    i += run;
                }
            }
            b'`' => i += 1,
            _ => {
                // Copy the run of plain text up to the next byte that can start markup.
                let run = b[i + 1..]
                    .iter()
                    .position(|&c| STARTS_MARKUP[c as usize])
                    .map_or(b.len(), |p| i + 1 + p);
                text.push_str(&src[i..run]);
                i = run;
            }
        }
    }
}

/// Whether a run of `*` or `_` is an emphasis delimiter rather than literal text
/// (`snake_case`, `5 * 3`, a lone `*` footnote mark).
fn is_emphasis(c: u8, run: usize, prev: Option<char>, next: Option<char>) -> bool {
    let prev_space = prev.is_none_or(char::is_whitespace);
    let next_space = next.is_none_or(char::is_whitespace);
    if prev_space && next_space {
        return false;
    }
    if c == b'_' && run == 1 {
        // Intra-word underscores are literal.
        let prev_alnum = prev.is_some_and(char::is_alphanumeric);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        return !(prev_alnum && next_alnum);
    }
    true
}

/// `[label](url)`, `[label](url "title")` or `[label][ref]` at `start`: the label and the end.
fn link_at(src: &str, start: usize) -> Option<(&str, usize)> {
    let b = src.as_bytes();
    let mut depth = 0;
    let mut i = start;
    let close = loop {
        match b.get(i)? {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break i;
                }
            }
            _ => {}
        }
        i += 1;
    };
    let label = &src[start + 1..close];
    let (open, shut) = match b.get(close + 1)? {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => return None,
    };
    let mut depth = 0;
    let mut j = close + 1;
    while j < b.len() {
        if b[j] == open {
            depth += 1;
        } else if b[j] == shut {
            depth -= 1;
            if depth == 0 {
                return Some((label, j + 1));
            }
        }
        j += 1;
    }
    None
}

enum Html<'a> {
    Autolink(&'a str),
    Tag { embed: bool, alt: Option<&'a str> },
}

fn html_at(src: &str, start: usize) -> Option<(Html<'_>, usize)> {
    let rest = &src[start + 1..];
    let end = rest.find('>')?;
    let inner = &rest[..end];
    if inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("mailto:")
    {
        return (!inner.contains(' ')).then_some((Html::Autolink(inner), start + end + 2));
    }
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    const TAGS: &[&str] = &[
        "a",
        "b",
        "i",
        "u",
        "em",
        "strong",
        "span",
        "div",
        "p",
        "br",
        "img",
        "iframe",
        "script",
        "sup",
        "sub",
        "small",
        "figure",
        "figcaption",
        "blockquote",
        "center",
        "font",
        "video",
        "audio",
        "source",
        "embed",
        "object",
        "hr",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strike",
        "s",
        "abbr",
        "cite",
        "q",
        "section",
        "style",
    ];
    if name.is_empty() || !TAGS.contains(&name.as_str()) {
        return None;
    }
    let embed = matches!(
        name.as_str(),
        "iframe" | "script" | "video" | "audio" | "embed" | "object" | "style"
    ) && !inner.starts_with('/');
    let alt = (name == "img").then(|| attribute(inner, "alt")).flatten();
    Some((Html::Tag { embed, alt }, start + end + 2))
}

/// The value of `name="..."` (or single-quoted) in a tag or shortcode.
fn attribute<'a>(inner: &'a str, name: &str) -> Option<&'a str> {
    let mut search = inner;
    while let Some(pos) = search.find(name) {
        let after = &search[pos + name.len()..];
        let boundary = pos == 0 || !search.as_bytes()[pos - 1].is_ascii_alphanumeric();
        if let (true, Some(value)) = (boundary, after.trim_start().strip_prefix('=')) {
            let value = value.trim_start();
            let quote = value.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &value[1..];
                return body.find(quote).map(|e| &body[..e]);
            }
        }
        search = &search[pos + name.len()..];
    }
    None
}

fn collapse_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("  ") && !s.contains('\t') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' || c == '\t' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.into()
}

/// Decode HTML entities: numeric (`&#8220;`, `&#x201C;`) and the common named ones.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        match tail[1..].find(';').filter(|&e| e <= 10) {
            Some(e) => {
                let name = &tail[1..1 + e];
                match entity(name) {
                    Some(c) => {
                        out.push(c);
                        rest = &tail[e + 2..];
                    }
                    None => {
                        out.push('&');
                        rest = &tail[1..];
                    }
                }
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // Entities must not smuggle in what the sanitiser removed from raw text.
        return char::from_u32(code).filter(|&c| !super::sanitize::needs_marker(c) && c != '\r');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "pound" => '£',
        "euro" => '€',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_emphasis_and_escapes_become_text() {
        let i = markdown_inline(
            "**Press Release: [Student Volunteer Army](https://info.scoop.co.nz/X)**",
        );
        assert_eq!(i.text, "Press Release: Student Volunteer Army");
        assert_eq!(i.links, 1);
        assert_eq!(
            markdown_inline(r#"They ask, \"We, bargain?\" said \`Let us in'"#).text,
            r#"They ask, "We, bargain?" said `Let us in'"#
        );
        assert_eq!(
            markdown_inline("a *word* and _this_ in snake_case, 5 * 3").text,
            "a word and this in snake_case, 5 * 3"
        );
    }

    #[test]
    fn images_shortcodes_and_html_are_not_text() {
        let i = markdown_inline(
            r#"{{< legacy-img src="a.jpg" alt="census bureau, hack for change" >}}"#,
        );
        assert_eq!(i.text, "");
        assert_eq!(i.images, vec!["census bureau, hack for change"]);
        let i = markdown_inline(
            r#"![Professor John R McNeill](https://x/y.jpg "Professor John R McNeill")"#,
        );
        assert_eq!(
            (i.text.as_str(), i.images[0].as_str()),
            ("", "Professor John R McNeill")
        );
        let i = markdown_inline(r#"<iframe src="https://youtube.com/x"></iframe>"#);
        assert_eq!((i.text.as_str(), i.embeds), ("", 1));
        assert_eq!(
            markdown_inline("see <https://a.b/c> now").text,
            "see https://a.b/c now"
        );
        assert_eq!(markdown_inline("x < y and y > z").text, "x < y and y > z");
    }

    #[test]
    fn entities_decode_but_cannot_smuggle_controls() {
        assert_eq!(
            decode_entities("&#8220;customer centric,&#8221; &amp; more&#46;"),
            "“customer centric,” & more."
        );
        assert_eq!(
            decode_entities("AT&T; &#27;[31m &#8238;"),
            "AT&T; &#27;[31m &#8238;"
        );
        assert_eq!(decode_entities("&#x201C;hi&#X201D;"), "“hi”");
    }
}
