//! From a file's (sanitised) text to a [`Source`]: front matter, paragraphs with their line
//! numbers, title, stated date, url, outlet, people and furniture.

use serde_json::{Map, Value};

use super::date::{self, DateKind, StatedDate};
use super::front_matter::{self, scalar_text, text_list};
use super::furniture;
use super::markup::{self, Inline};
use super::sanitize::sanitize;
use super::source::{Furniture, Paragraph, ParagraphKind, Person, PersonRole, Source};

/// How the body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// `.md` and `.markdown` are Markdown; everything else is plain text.
    pub fn from_extension(ext: &str) -> Format {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// A file's text as the loader hands it over: already decoded and sanitised.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub id: String,
    pub path: String,
    pub text: &'a str,
    pub format: Format,
    /// Warnings from reading and decoding.
    pub warnings: Vec<String>,
}

/// A paragraph before its text is placed in the source's buffer.
#[derive(Debug)]
struct Block {
    line: u32,
    kind: ParagraphKind,
    text: String,
    inline: Inline,
    /// Followed by a blank line (or the end).
    alone: bool,
}

pub fn ingest(doc: Document<'_>) -> Source {
    let split = front_matter::split(doc.text);
    let mut warnings = doc.warnings;
    warnings.extend(split.warnings);
    let blocks = match doc.format {
        Format::Markdown => markdown_blocks(split.body, split.body_line),
        Format::Plain => plain_blocks(split.body, split.body_line),
    };
    assemble(doc.id, doc.path, split.fields, blocks, doc.format, warnings)
}

/// Keys whose value is a record's body, in order of preference: the full text before a
/// summary. The first one present with text is the body; the others stay metadata.
const RECORD_BODY_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "maintext",
    "full_text",
    "fulltext",
    "description",
    "short_description",
    "summary",
    "abstract",
    "lead",
];

/// One record of a JSON Lines file, found on `line` of the file at `path`: its fields are
/// metadata as front matter would be, and the first body key ([`RECORD_BODY_KEYS`]) is the
/// plain-text body. Every paragraph carries the record's line, which is where a reader finds
/// it in the file.
pub fn ingest_record(
    id: String,
    path: String,
    line: u32,
    mut fields: Map<String, Value>,
) -> Source {
    let mut warnings = Vec::new();
    let body_key = RECORD_BODY_KEYS.iter().find_map(|name| {
        fields
            .iter()
            .find(|(k, v)| {
                k.eq_ignore_ascii_case(name) && v.as_str().is_some_and(|t| !t.trim().is_empty())
            })
            .map(|(k, _)| k.clone())
    });
    let body = match body_key.and_then(|k| fields.remove(&k)) {
        Some(Value::String(text)) => sanitize(&text).into_owned(),
        _ => {
            warnings.push(format!(
                "the record has no text under any of {}",
                RECORD_BODY_KEYS.join(", ")
            ));
            String::new()
        }
    };
    let mut blocks = plain_blocks(&body, line);
    for block in &mut blocks {
        block.line = line;
    }
    assemble(id, path, fields, blocks, Format::Plain, warnings)
}

/// One line of a JSON Lines file parsed into the record (object) it holds, or why it could
/// not be.
pub fn parse_record(line: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(fields)) => Ok(fields),
        Ok(other) => Err(format!(
            "holds {} where a record (a JSON object) was expected",
            json_kind(&other)
        )),
        Err(e) => Err(format!("is not JSON: {e}")),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A source from its metadata fields and its body's blocks: title, date, outlet, people and
/// furniture decided, the paragraphs laid out in one text buffer.
fn assemble(
    id: String,
    path: String,
    fields: Map<String, Value>,
    mut blocks: Vec<Block>,
    format: Format,
    mut warnings: Vec<String>,
) -> Source {
    let mut fields = sanitize_values(fields);
    let meta = take_metadata(&mut fields, &mut warnings);
    let title = meta.title.clone().or_else(|| headline(&blocks, format));
    mark_title_repeats(&mut blocks, title.as_deref());
    classify_furniture(&mut blocks, format);
    let date = choose_date(meta.date, &blocks);

    let outlet = meta
        .outlet
        .or_else(|| press_release_org(&blocks))
        .or_else(|| caption_credit(&blocks))
        .or_else(|| meta.url.as_deref().and_then(url_host));
    let people = people(meta.ministers, meta.authors, outlet.as_deref());

    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 1).sum());
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut words = 0;
    for block in blocks {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len() as u32;
        text.push_str(&block.text);
        let p = Paragraph {
            line: block.line,
            kind: block.kind,
            span: start..text.len() as u32,
        };
        if p.is_content() {
            words += super::words::count_whitespace_separated(&block.text);
        }
        paragraphs.push(p);
    }

    Source {
        id,
        path,
        title,
        date,
        url: meta.url,
        outlet,
        people,
        metadata: fields,
        text,
        paragraphs,
        words,
        warnings,
        quotes: Vec::new(),
        inferred: None,
    }
}

/// YAML escapes (`"\e[31m"`, `"\u202E"`) make characters the file's own text could not carry
/// past the sanitiser; check parsed strings again.
fn sanitize_values(fields: Map<String, Value>) -> Map<String, Value> {
    fn clean(v: Value) -> Value {
        match v {
            Value::String(s) => Value::String(sanitize(&s).into_owned()),
            Value::Array(items) => Value::Array(items.into_iter().map(clean).collect()),
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (sanitize(&k).into_owned(), clean(v)))
                    .collect(),
            ),
            other => other,
        }
    }
    fields
        .into_iter()
        .map(|(k, v)| (sanitize(&k).into_owned(), clean(v)))
        .collect()
}

#[derive(Default)]
struct Metadata {
    title: Option<String>,
    date: Option<StatedDate>,
    url: Option<String>,
    outlet: Option<String>,
    ministers: Vec<String>,
    authors: Vec<String>,
}

/// The front-matter keys (lowercase) that state a source's date, and what date each states;
/// the first kind found wins.
pub const DATE_KEYS: [(&[&str], DateKind); 2] = [
    (
        &[
            "date",
            "published",
            "pubdate",
            "publishdate",
            "published_at",
            "created",
        ],
        DateKind::Published,
    ),
    (
        &[
            "lastmod",
            "updated",
            "modified",
            "last_modified",
            "updated_at",
        ],
        DateKind::Updated,
    ),
];

/// Take the keys dossier understands out of the front matter; what is left stays metadata.
fn take_metadata(fields: &mut Map<String, Value>, warnings: &mut Vec<String>) -> Metadata {
    let mut meta = Metadata::default();
    let keys: Vec<String> = fields.keys().cloned().collect();
    let key_named = |names: &[&str]| -> Option<String> {
        keys.iter()
            .find(|k| names.contains(&k.to_ascii_lowercase().as_str()))
            .cloned()
    };

    if let Some(key) = key_named(&["title", "headline"]) {
        let value = fields.remove(&key).unwrap_or_default();
        match scalar_text(&value) {
            Some(t) => meta.title = clean_title(&t),
            None if value.is_null() => {}
            None => warnings.push(format!("front matter `{key}` is not text; ignored")),
        }
    }

    for (names, kind) in DATE_KEYS {
        if meta.date.is_some() {
            break;
        }
        let Some(key) = key_named(names) else {
            continue;
        };
        let raw = fields.get(&key).and_then(scalar_text);
        match raw.as_deref().and_then(date::parse_metadata_date) {
            Some(stamp) => {
                let raw = raw.unwrap_or_default();
                meta.date = Some(StatedDate {
                    stamp,
                    kind,
                    evidence: format!("{key}: {raw}"),
                });
                fields.remove(&key);
            }
            None => warnings.push(format!(
                "front matter `{key}` is not a date I can read ({})",
                raw.unwrap_or_else(|| "not text".into())
            )),
        }
    }

    // The first text value, under `names` in their order of preference, that passes `keep`;
    // taken out of the metadata.
    let mut take_text = |names: &[&str], keep: fn(&str) -> bool| -> Option<String> {
        for name in names {
            let Some(key) = keys.iter().find(|k| k.eq_ignore_ascii_case(name)) else {
                continue;
            };
            let Some(value) = fields.get(key).and_then(scalar_text) else {
                continue;
            };
            let value = value.trim().to_string();
            if keep(&value) {
                fields.remove(key);
                return Some(value);
            }
        }
        None
    };
    meta.url = take_text(
        &[
            "url",
            "source-url",
            "source_url",
            "sourceurl",
            "link",
            "canonical",
            "canonical_url",
            "permalink",
            "source",
        ],
        |u| u.starts_with("http://") || u.starts_with("https://"),
    );
    meta.outlet = take_text(
        &[
            "outlet",
            "publisher",
            "publication",
            "site",
            "site_name",
            "source-name",
            "source_name",
            "organisation",
            "organization",
        ],
        |o| !o.is_empty(),
    )
    .map(|o| markup::decode_entities(&o).into_owned());

    let mut take_list = |names: &[&str]| -> Vec<String> {
        key_named(names)
            .and_then(|key| fields.remove(&key))
            .map(|v| text_list(&v))
            .unwrap_or_default()
    };
    meta.ministers = take_list(&["ministers", "minister"]);
    meta.authors = take_list(&["author", "authors", "byline", "creator"]);
    meta
}

fn clean_title(raw: &str) -> Option<String> {
    let decoded = markup::decode_entities(raw);
    let t = decoded
        .replace("\\\"", "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!t.is_empty()).then_some(t)
}

// ---------------------------------------------------------------------------------------------
// Blocks

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The gathered lines of a paragraph, trimmed and joined by spaces; `None` when there are none.
fn take_joined(lines: &mut Vec<&str>) -> Option<String> {
    if lines.is_empty() {
        return None;
    }
    let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    lines.clear();
    Some(joined)
}

/// Markdown: blank-line separated paragraphs, ATX and setext headings, list items, hard
/// breaks, block quotes; thematic breaks are dropped (they are markup, not text).
fn markdown_blocks(body: &str, first_line: u32) -> Vec<Block> {
    let lines: Vec<&str> = body.lines().collect();
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut current_line = first_line;
    let mut current_kind = ParagraphKind::Text;

    let flush =
        |blocks: &mut Vec<Block>, current: &mut Vec<&str>, line: u32, kind: ParagraphKind| {
            let Some(joined) = take_joined(current) else {
                return;
            };
            let inline = markup::markdown_inline(&joined);
            if inline.text.is_empty() && inline.images.is_empty() && inline.embeds == 0 {
                return;
            }
            blocks.push(Block {
                line,
                kind,
                text: inline.text.clone(),
                inline,
                alone: true,
            });
        };

    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line_no = first_line + i as u32;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            flush(&mut blocks, &mut current, current_line, current_kind);
            i += 1;
            continue;
        }
        // Setext underline: the lines gathered so far are a heading.
        let next_is_underline = lines.get(i + 1).is_some_and(|n| setext_level(n).is_some());
        if let Some(level) =
            setext_level(raw).filter(|_| !current.is_empty() && current_kind == ParagraphKind::Text)
        {
            flush(
                &mut blocks,
                &mut current,
                current_line,
                ParagraphKind::Heading(level),
            );
            i += 1;
            continue;
        }
        if is_thematic_break(trimmed) && !next_is_underline {
            flush(&mut blocks, &mut current, current_line, current_kind);
            i += 1;
            continue;
        }
        if let Some((level, text)) = atx_heading(trimmed) {
            flush(&mut blocks, &mut current, current_line, current_kind);
            current.push(text);
            flush(
                &mut blocks,
                &mut current,
                line_no,
                ParagraphKind::Heading(level),
            );
            i += 1;
            continue;
        }
        let unquoted = trimmed.trim_start_matches('>').trim_start();
        if let Some(item) = list_item(raw) {
            flush(&mut blocks, &mut current, current_line, current_kind);
            current_line = line_no;
            current_kind = ParagraphKind::ListItem;
            current.push(item);
        } else {
            if current.is_empty() {
                current_line = line_no;
                current_kind = ParagraphKind::Text;
            }
            current.push(unquoted);
        }
        // Two trailing spaces or a backslash end the line: bylines stack this way.
        if raw.ends_with("  ") || raw.ends_with('\\') {
            if let Some(last) = current.last_mut() {
                *last = last.trim_end().trim_end_matches('\\');
            }
            flush(&mut blocks, &mut current, current_line, current_kind);
        }
        i += 1;
    }
    flush(&mut blocks, &mut current, current_line, current_kind);
    blocks
}

fn setext_level(line: &str) -> Option<u8> {
    let t = line.trim();
    if t.len() < 2 || line.starts_with("    ") {
        return None;
    }
    if t.bytes().all(|b| b == b'=') {
        Some(1)
    } else if t.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

fn is_thematic_break(t: &str) -> bool {
    let Some(mark) = t.bytes().next().filter(|b| matches!(b, b'*' | b'-' | b'_')) else {
        return false;
    };
    let mut count = 0;
    for b in t.bytes() {
        if b == mark {
            count += 1;
        } else if b != b' ' && b != b'\t' {
            return false;
        }
    }
    count >= 3
}

fn atx_heading(t: &str) -> Option<(u8, &str)> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &t[level..];
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some((level as u8, text))
}

/// `* item`, `- item`, `+ item`, `1. item`, `• item`: the item's text.
fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if line.len() - t.len() > 6 {
        return None;
    }
    if let Some(rest) = t.strip_prefix(['*', '-', '+', '•', '·', '▪']) {
        return rest
            .starts_with([' ', '\t'])
            .then(|| rest.trim_start())
            .filter(|r| !r.is_empty());
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(['.', ')']) {
            return rest
                .starts_with(' ')
                .then(|| rest.trim_start())
                .filter(|r| !r.is_empty());
        }
    }
    None
}

/// Plain text: each line is a paragraph (news text puts one paragraph on a line), unless the
/// file is hard-wrapped, when blank-line separated blocks are.
fn plain_blocks(body: &str, first_line: u32) -> Vec<Block> {
    let lines: Vec<&str> = body.lines().collect();
    let wrapped = is_hard_wrapped(&lines);
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut current_line = first_line;
    let mut current_kind = ParagraphKind::Text;
    let flush =
        |blocks: &mut Vec<Block>, current: &mut Vec<&str>, line: u32, kind: ParagraphKind| {
            let Some(joined) = take_joined(current) else {
                return;
            };
            let text = markup::decode_entities(&joined).into_owned();
            blocks.push(Block {
                line,
                kind,
                text,
                inline: Inline::default(),
                alone: false,
            });
        };
    for (i, raw) in lines.iter().enumerate() {
        let line_no = first_line + i as u32;
        if is_blank(raw) {
            flush(&mut blocks, &mut current, current_line, current_kind);
            if let Some(last) = blocks.last_mut() {
                last.alone = true;
            }
            continue;
        }
        let item = list_item(raw);
        if !wrapped || item.is_some() {
            flush(&mut blocks, &mut current, current_line, current_kind);
        }
        if current.is_empty() {
            current_line = line_no;
            current_kind = if item.is_some() {
                ParagraphKind::ListItem
            } else {
                ParagraphKind::Text
            };
        }
        current.push(item.unwrap_or(raw));
    }
    flush(&mut blocks, &mut current, current_line, current_kind);
    blocks
}

/// Hard-wrapped text has multi-line blocks whose lines stop near one width.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    if longest > 100 {
        return false;
    }
    let mut inner = 0;
    let mut near_width = 0;
    for pair in lines.windows(2) {
        if !is_blank(pair[0]) && !is_blank(pair[1]) {
            inner += 1;
            let n = pair[0].chars().count();
            if n >= 40 && n + 25 >= longest {
                near_width += 1;
            }
        }
    }
    inner >= 3 && near_width * 10 >= inner * 7
}

// ---------------------------------------------------------------------------------------------
// Title, furniture, date

/// A title taken from the text: a leading Markdown heading, or a plain first line that reads
/// like a headline (short, not a finished sentence).
fn headline(blocks: &[Block], format: Format) -> Option<String> {
    let first = blocks.first()?;
    match (format, first.kind) {
        (_, ParagraphKind::Heading(level)) if level <= 2 => Some(first.text.clone()),
        (Format::Plain, ParagraphKind::Text) if looks_like_headline(&first.text, first.alone) => {
            Some(first.text.clone())
        }
        _ => None,
    }
}

/// `alone`: followed by a blank line, as headlines of plain-text articles are; such a line
/// may open with a quote or a lowercase brand (`'Strong dollar' call...`, `iTunes now...`) and
/// trail off (`Rivals of the £400 Apple...`).
fn looks_like_headline(text: &str, alone: bool) -> bool {
    let words = text.split_whitespace().count();
    let trails_off = text.ends_with("...") || text.ends_with('…');
    let finished =
        text.ends_with([',', ';', ':', '”', '"']) || (text.ends_with('.') && !trails_off);
    let first = text.chars().next();
    (1..=25).contains(&words)
        && text.chars().count() <= 200
        && !finished
        && (alone || first.is_some_and(|c| c.is_uppercase() || c.is_numeric()))
}

fn title_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A heading (or the first line of plain text) that repeats the title is not content.
fn mark_title_repeats(blocks: &mut [Block], title: Option<&str>) {
    let Some(title) = title else { return };
    let key = title_key(title);
    for block in blocks.iter_mut().take(4) {
        if matches!(block.kind, ParagraphKind::Heading(_) | ParagraphKind::Text)
            && title_key(&block.text) == key
        {
            block.kind = ParagraphKind::Furniture(Furniture::TitleRepeat);
            return;
        }
    }
}

fn classify_furniture(blocks: &mut [Block], format: Format) {
    let n = blocks.len();
    let mut in_link_list = false;
    let mut in_footer = false;
    for i in 0..n {
        if blocks[i].kind == ParagraphKind::Furniture(Furniture::TitleRepeat) {
            continue;
        }
        let text = blocks[i].text.as_str();
        let mut rule = if in_footer {
            Some(Furniture::Footer)
        } else {
            furniture::classify(text, &blocks[i].inline)
        };
        if rule.is_none() && i < 8 && date::parse_text_date(text).is_some() {
            rule = Some(Furniture::Byline);
        }
        // Plain text keeps image alt text and photo captions as lines of their own; in
        // Markdown, short capitalised lines are bold subtitles instead.
        if rule.is_none() && format == Format::Plain {
            if furniture::is_plain_alt_text(text) {
                rule = Some(Furniture::Image);
            } else if furniture::is_name_caption(text) {
                rule = Some(Furniture::Caption);
            }
        }
        let norm = furniture::normalized(text);
        if furniture::opens_link_list(&norm) {
            in_link_list = true;
        } else if in_link_list && rule.is_none() {
            if blocks[i].kind == ParagraphKind::ListItem || blocks[i].inline.links > 0 {
                rule = Some(Furniture::Navigation);
            } else {
                in_link_list = false;
            }
        }
        // Everything after a copyright line near the end is the page footer.
        if rule == Some(Furniture::Footer) && i * 2 >= n {
            in_footer = true;
        }
        if let Some(rule) = rule {
            if rule == Furniture::Image && blocks[i].text.is_empty() {
                blocks[i].text = blocks[i].inline.images.join("; ");
            }
            blocks[i].kind = ParagraphKind::Furniture(rule);
        } else if format == Format::Plain
            && blocks[i].kind == ParagraphKind::Text
            && is_plain_heading(blocks, i)
        {
            blocks[i].kind = ParagraphKind::Heading(2);
        }
    }
}

/// A plain-text subheading: a short unpunctuated line followed by a longer paragraph.
fn is_plain_heading(blocks: &[Block], i: usize) -> bool {
    let text = &blocks[i].text;
    let words = text.split_whitespace().count();
    i > 0
        && (1..=12).contains(&words)
        && text.chars().count() <= 90
        && !text.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', ')', '\''])
        && text.chars().next().is_some_and(char::is_uppercase)
        && blocks.get(i + 1).is_some_and(|next| {
            next.text.split_whitespace().count() > 12 && !next.kind.eq(&ParagraphKind::Heading(2))
        })
}

/// The front-matter date, made more precise by a byline that gives the time of that same day;
/// otherwise the first date the top of the text states.
fn choose_date(from_metadata: Option<StatedDate>, blocks: &[Block]) -> Option<StatedDate> {
    let from_text = blocks.iter().take(8).find_map(|b| {
        let (stamp, kind) = date::parse_text_date(&b.text)?;
        Some(StatedDate {
            stamp,
            kind,
            evidence: b.text.trim_start_matches(['•', '-', '*', ' ']).to_string(),
        })
    });
    match (from_metadata, from_text) {
        (Some(meta), Some(text))
            if text.kind == meta.kind
                && text.stamp.same_day(&meta.stamp)
                && text.stamp.precision() > meta.stamp.precision() =>
        {
            Some(text)
        }
        (Some(meta), _) => Some(meta),
        (None, text) => text,
    }
}

// ---------------------------------------------------------------------------------------------
// Outlet and people

/// `Press Release: Org` in a byline.
fn press_release_org(blocks: &[Block]) -> Option<String> {
    blocks.iter().take(8).find_map(|b| {
        let label = furniture::byline_label(&b.text)?;
        matches!(
            label,
            "press release:" | "media release:" | "news release:" | "statement:"
        )
        .then(|| b.text[label.len()..].trim().to_string())
        .filter(|org| !org.is_empty())
    })
}

/// The first `(Source: X)` credit of a caption.
fn caption_credit(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| {
        let credit = furniture::caption_credit(&b.text)?;
        b.text
            .trim_end()
            .ends_with(')')
            .then(|| b.text.to_ascii_lowercase().contains("(source:"))
            .filter(|&is_source| is_source)
            .map(|_| credit.to_string())
    })
}

/// `https://www.beehive.govt.nz/release/x` → `beehive.govt.nz`.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

const HONORIFICS: &[&str] = &[
    "rt hon",
    "right honourable",
    "the hon",
    "hon",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sir",
    "dame",
    "professor",
    "prof",
    "associate professor",
];

/// A person's name without honorifics: `Rt Hon Winston Peters` → `Winston Peters`.
pub fn strip_honorifics(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some(h) = HONORIFICS
            .iter()
            .find(|h| lower.starts_with(*h) && lower[h.len()..].starts_with(['.', ' ']))
        else {
            return rest;
        };
        rest = rest[h.len()..].trim_start_matches('.').trim_start();
    }
}

/// `logan-powell` → `Logan Powell`; names with spaces or capitals stay as written.
fn humanize_slug(name: &str) -> String {
    if name.contains(' ') || name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    name.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn people(ministers: Vec<String>, authors: Vec<String>, outlet: Option<&str>) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let outlet_key = outlet.map(title_key);
    let candidates = ministers
        .iter()
        .map(|m| (strip_honorifics(m).to_string(), PersonRole::Minister))
        .chain(
            authors
                .iter()
                .map(|a| (humanize_slug(strip_honorifics(a)), PersonRole::Author)),
        );
    for (name, role) in candidates {
        let name = markup::decode_entities(&name).trim().to_string();
        if name.is_empty()
            || outlet_key.as_deref() == Some(title_key(&name).as_str())
            || people.iter().any(|p| p.name == name)
        {
            continue;
        }
        people.push(Person { name, role });
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_a_source_with_its_fields_as_metadata() {
        let line = r#"{"link": "https://www.huffpost.com/entry/x", "headline": "Boosters &amp; more", "category": "U.S. NEWS", "short_description": "Experts said it is early.\n\n\"We wait,\" Dr Ann Lee said.", "authors": "Carla K. Johnson", "date": "2022-09-23"}"#;
        let fields = parse_record(line).unwrap();
        let s = ingest_record("huff/7".into(), "huff.jsonl".into(), 7, fields);
        assert_eq!(s.title.as_deref(), Some("Boosters & more"));
        assert_eq!(s.date.as_ref().unwrap().stamp.to_string(), "2022-09-23");
        assert_eq!(s.url.as_deref(), Some("https://www.huffpost.com/entry/x"));
        assert_eq!(s.outlet.as_deref(), Some("huffpost.com"));
        assert_eq!(s.people[0].name, "Carla K. Johnson");
        assert_eq!(s.metadata["category"], "U.S. NEWS");
        assert!(
            !s.metadata.contains_key("short_description"),
            "the body is not metadata"
        );
        let texts: Vec<&str> = s.paragraphs_with_text().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            ["Experts said it is early.", "\"We wait,\" Dr Ann Lee said."]
        );
        assert!(
            s.paragraphs.iter().all(|p| p.line == 7),
            "each paragraph is on the record's line"
        );
        // The full text is preferred to a summary when a record has both.
        let both = parse_record(r#"{"summary": "Short.", "text": "Long."}"#).unwrap();
        let s = ingest_record("r".into(), "r".into(), 1, both);
        assert_eq!(s.paragraph_text(0), "Long.");
        assert_eq!(s.metadata["summary"], "Short.");
    }

    #[test]
    fn a_line_that_is_not_a_record_says_why() {
        assert!(parse_record("[1, 2]").unwrap_err().contains("an array"));
        assert!(
            parse_record("{\"a\": ")
                .unwrap_err()
                .starts_with("is not JSON")
        );
        assert!(parse_record(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))).is_err());
    }

    fn doc(text: &str, format: Format) -> Source {
        ingest(Document {
            id: "t".into(),
            path: "t".into(),
            text,
            format,
            warnings: vec![],
        })
    }

    fn kinds(s: &Source) -> Vec<String> {
        s.paragraphs_with_text()
            .map(|(p, t)| format!("{}:{:?}:{}", p.line, p.kind, t))
            .collect()
    }

    #[test]
    fn scoop_release_shape() {
        let text = "---\nslug: x\ntitle: \"Say \\\"hi\\\" now\"\ndate: 2003-08-22\nsource-url: https://www.scoop.co.nz/stories/x.htm\nauthor: green-party\n---\nSay \\\"hi\\\" now\n===============\n\n**Friday, 22 August 2003, 4:10 pm**  \n**Press Release: [Green Party](https://info.scoop.co.nz/Green_Party)**\n\nThe Greens said “we are here,” today.\n\nAdvertisement - scroll to continue reading\n\nEnds\n\n[© Scoop Media](http://www.scoop.co.nz/about/terms.html)  \n\na.supporter:hover {background:#EC4438!important;}\n\n### Using Scoop for work?\n\nScoop is free for personal use.\n\nFind more from [Green Party](https://x) on InfoPages.";
        let s = doc(text, Format::Markdown);
        assert_eq!(s.title.as_deref(), Some("Say \"hi\" now"));
        let date = s.date.as_ref().unwrap();
        assert_eq!(date.stamp.to_string(), "2003-08-22T16:10");
        assert_eq!(date.evidence, "Friday, 22 August 2003, 4:10 pm");
        assert_eq!(s.outlet.as_deref(), Some("Green Party"));
        assert!(
            s.people.is_empty(),
            "the author slug is the outlet: {:?}",
            s.people
        );
        assert_eq!(s.metadata.keys().collect::<Vec<_>>(), vec!["slug"]);
        let k = kinds(&s);
        assert_eq!(k[0], "8:Furniture(TitleRepeat):Say \"hi\" now");
        assert_eq!(k[1], "11:Furniture(Byline):Friday, 22 August 2003, 4:10 pm");
        assert_eq!(k[2], "12:Furniture(Byline):Press Release: Green Party");
        assert_eq!(k[3], "14:Text:The Greens said “we are here,” today.");
        assert_eq!(
            k[4],
            "16:Furniture(Navigation):Advertisement - scroll to continue reading"
        );
        assert_eq!(k[5], "18:Furniture(End):Ends");
        assert!(k[6..].iter().all(|p| p.contains("Furniture")), "{k:#?}");
        assert_eq!(s.words, 7);
    }

    #[test]
    fn plain_text_headline_subheadings_and_untitled_fragments() {
        let s = doc(
            "Winston Peters leaves NATO meeting – with a warning\n\nThe Foreign Minister has been in Europe. (Source: 1News)\n\nNew Zealand says its relationship with NATO is stronger than ever after a two-day conference.\n\nSHARE ME\n",
            Format::Plain,
        );
        assert_eq!(
            s.title.as_deref(),
            Some("Winston Peters leaves NATO meeting – with a warning")
        );
        assert_eq!(s.outlet.as_deref(), Some("1News"));
        let untitled = doc(
            "NZ has a partnership of 25 years with NATO, between 2001-2021.\nA Short Subheading Here\nThe trip comes just 13 days after NATO military officials visited Australia and New Zealand in March.\n",
            Format::Plain,
        );
        assert_eq!(untitled.title, None);
        assert_eq!(untitled.paragraphs[1].kind, ParagraphKind::Heading(2));
        assert_eq!(untitled.paragraphs[1].line, 2);
        assert!(untitled.display_title(20).1);
    }

    #[test]
    fn hard_wrapped_plain_text_joins_lines() {
        let line = "word ".repeat(14);
        let text =
            format!("Title\n\n{line}\n{line}\n{line}\nend.\n\n{line}\n{line}\n{line}\nend.\n");
        let s = doc(&text, Format::Plain);
        assert_eq!(s.paragraphs.len(), 3);
        assert_eq!(s.paragraphs[2].line, 8);
    }

    #[test]
    fn ministers_lose_honorifics_and_slugs_become_names() {
        let s = doc(
            "---\nministers:\n  - Rt Hon Winston Peters\nauthors:\n  - logan-powell\n---\nText.\n",
            Format::Markdown,
        );
        let names: Vec<_> = s.people.iter().map(|p| (p.name.as_str(), p.role)).collect();
        assert_eq!(
            names,
            vec![
                ("Winston Peters", PersonRole::Minister),
                ("Logan Powell", PersonRole::Author)
            ]
        );
    }

    #[test]
    fn yaml_escapes_cannot_smuggle_control_characters() {
        let s = doc(
            "---\ntitle: \"bad \\e[31m red \\u202E\"\nother: \"\\x1b]0;x\\x07\"\n---\nbody\n",
            Format::Markdown,
        );
        let title = s.title.unwrap();
        assert!(
            crate::model::sanitize::is_terminal_safe(&title),
            "{title:?}"
        );
        assert!(crate::model::sanitize::is_terminal_safe(
            &s.metadata["other"].to_string()
        ));
    }

    #[test]
    fn wrong_types_warn_instead_of_failing() {
        let s = doc(
            "---\ntitle: [a, b]\ndate: tomorrow\n---\nBody text here.\n",
            Format::Markdown,
        );
        assert_eq!(s.title, None);
        assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
        assert_eq!(s.paragraphs.len(), 1);
    }

    #[test]
    fn url_hosts_lose_www() {
        assert_eq!(
            url_host("https://www.beehive.govt.nz/release/x").as_deref(),
            Some("beehive.govt.nz")
        );
        assert_eq!(
            url_host("http://user@Example.com:8080/x").as_deref(),
            Some("example.com")
        );
        assert_eq!(url_host("not a url"), None);
    }
}
