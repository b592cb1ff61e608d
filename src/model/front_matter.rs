//! YAML front matter between `---` fences: found, capped, parsed into a map of values.
//!
//! YAML parsers are quadratic or worse on hostile input (50,000 nested `[`, alias bombs), so the
//! block is measured before it is parsed: over [`MAX_BYTES`] or nested deeper than
//! [`MAX_DEPTH`] it is rejected at once, and the parser runs with a tight budget.

use serde_json::{Map, Value};

pub const MAX_BYTES: usize = 64 * 1024;
pub const MAX_DEPTH: usize = 32;

/// The text split into front matter and body.
#[derive(Debug, Default)]
pub struct Split<'a> {
    /// Parsed keys (keys trimmed), empty when there was none or it could not be parsed.
    pub fields: Map<String, Value>,
    pub body: &'a str,
    /// 1-based line of the original text where `body` starts.
    pub body_line: u32,
    pub warnings: Vec<String>,
}

/// Split `text` into front matter and body. Blank lines before the opening fence are allowed.
/// Without a closing fence the whole text is body, with a warning.
pub fn split(text: &str) -> Split<'_> {
    let mut offset = 0;
    let mut line = 1u32;
    // Skip blank lines before the fence.
    for l in text.split_inclusive('\n') {
        if !l.trim().is_empty() {
            break;
        }
        offset += l.len();
        line += 1;
    }
    let rest = &text[offset..];
    let whole = Split {
        body: text,
        body_line: 1,
        ..Split::default()
    };
    let Some(first) = rest.split_inclusive('\n').next() else {
        return whole;
    };
    if first.trim_end() != "---" {
        return whole;
    }
    let yaml_start = offset + first.len();
    let mut pos = yaml_start;
    for (yaml_line, l) in (line + 1..).zip(text[yaml_start..].split_inclusive('\n')) {
        let fence = l.trim_end();
        if fence == "---" || fence == "..." {
            let yaml = &text[yaml_start..pos];
            let body_start = pos + l.len();
            let mut split = Split {
                body: &text[body_start..],
                body_line: yaml_line + 1,
                ..Split::default()
            };
            parse_into(yaml, &mut split);
            return split;
        }
        pos += l.len();
    }
    Split {
        warnings: vec![
            "front matter has no closing `---`; the whole file is read as body".to_string(),
        ],
        ..whole
    }
}

fn parse_into(yaml: &str, split: &mut Split<'_>) {
    if yaml.trim().is_empty() {
        return;
    }
    if yaml.len() > MAX_BYTES {
        split.warnings.push(format!(
            "front matter of {} bytes is over the {MAX_BYTES}-byte cap; ignored",
            yaml.len()
        ));
        return;
    }
    if let Some(fields) = parse_simple(yaml) {
        split.fields = fields;
        return;
    }
    let depth = nesting_depth(yaml);
    if depth > MAX_DEPTH {
        split.warnings.push(format!(
            "front matter nests {depth} levels deep (cap {MAX_DEPTH}); ignored"
        ));
        return;
    }
    let duplicates = duplicate_top_level_keys(yaml);
    if !duplicates.is_empty() {
        split.warnings.push(format!(
            "front matter repeats the key(s) {}; the last value is used",
            duplicates.join(", ")
        ));
    }
    match parse_yaml(yaml) {
        Ok(Value::Object(map)) => {
            split.fields = map
                .into_iter()
                .map(|(k, v)| (k.trim().to_string(), v))
                .collect();
        }
        Ok(Value::Null) => {}
        Ok(_) => split
            .warnings
            .push("front matter is not a map of keys; ignored".to_string()),
        Err(e) => {
            let first_line = e.to_string();
            let first_line = first_line.lines().next().unwrap_or("invalid YAML");
            split.warnings.push(format!(
                "front matter is not valid YAML ({}); the body is kept",
                super::source::cut_at_word(first_line, 160)
            ));
        }
    }
}

/// Front matter written the plain way nearly every file writes it, read without the YAML
/// parser (which was a sixth of loading scoop-nz): `key: value` lines, and lists of values
/// one `- item` per line. Values are quoted strings with no escapes, or plain text that YAML
/// could read as nothing but a string. `None` for anything else (nesting, numbers, booleans,
/// escapes, comments, repeated keys), which the parser then reads.
fn parse_simple(yaml: &str) -> Option<Map<String, Value>> {
    let mut fields = Map::new();
    let mut list: Option<(&str, Vec<Value>)> = None;
    for line in yaml.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        if let Some(item) = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("  - "))
        {
            list.as_mut()?.1.push(simple_scalar(item.trim_start())?);
            continue;
        }
        close_list(&mut fields, list.take())?;
        let (key, value) = line
            .split_once(": ")
            .or_else(|| Some((line.strip_suffix(':')?, "")))?;
        // A key YAML reads as a string: a letter first (`2024:` is a number, `no:` a boolean).
        let plain_key = key.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !is_keyword(key);
        if !plain_key || fields.contains_key(key) {
            return None;
        }
        match value.trim_start() {
            "" => list = Some((key, Vec::new())),
            value => {
                fields.insert(key.to_string(), simple_scalar(value)?);
            }
        }
    }
    close_list(&mut fields, list)?;
    Some(fields)
}

/// A list's key and items into `fields`; `None` when it has no items (`key:` with nothing
/// under it is null to YAML, not an empty list).
fn close_list(fields: &mut Map<String, Value>, list: Option<(&str, Vec<Value>)>) -> Option<()> {
    if let Some((key, items)) = list {
        if items.is_empty() {
            return None;
        }
        fields.insert(key.to_string(), Value::Array(items));
    }
    Some(())
}

/// A one-line value that YAML reads as this very string, or `None` when it may read it
/// otherwise.
fn simple_scalar(value: &str) -> Option<Value> {
    let quoted = |mark: char| {
        let inner = value.strip_prefix(mark)?.strip_suffix(mark)?;
        (!inner.contains([mark, '\\'])).then(|| Value::String(inner.to_string()))
    };
    match value.chars().next()? {
        '"' => return quoted('"'),
        '\'' => return quoted('\''),
        _ => {}
    }
    let b = value.as_bytes();
    // A plain value must start with a letter (no number, no indicator), or be a date
    // (`2024-04-04`, `2019-03-26 12:38:00 -0500`), which the core schema leaves a string.
    let date_like = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && matches!(b.get(10), None | Some(b' ' | b'T'));
    let plain = (b[0].is_ascii_alphabetic() || date_like)
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !value.chars().any(char::is_control)
        && !is_keyword(value);
    plain.then(|| Value::String(value.to_string()))
}

/// A plain word some YAML schema reads as a boolean, null or number.
fn is_keyword(word: &str) -> bool {
    [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// The YAML parser, with a budget that refuses bombs.
fn parse_yaml(yaml: &str) -> Result<Value, serde_saphyr::Error> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_aliases = 64;
    budget.max_anchors = 64;
    budget.max_events = 20_000;
    budget.max_nodes = 10_000;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = MAX_BYTES;
    budget.max_recorded_anchor_events = 2_000;
    budget.max_recorded_anchor_bytes = MAX_BYTES;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = serde_saphyr::options::DuplicateKeyPolicy::LastWins;
    serde_saphyr::from_str_with_options::<Value>(yaml, options)
}

/// The deepest nesting of flow brackets or block indentation, measured without parsing.
fn nesting_depth(yaml: &str) -> usize {
    let mut flow: usize = 0;
    let mut deepest = 0;
    for c in yaml.bytes() {
        match c {
            b'[' | b'{' => {
                flow += 1;
                deepest = deepest.max(flow);
            }
            b']' | b'}' => flow = flow.saturating_sub(1),
            _ => {}
        }
    }
    let block = yaml
        .lines()
        .map(|l| (l.len() - l.trim_start_matches([' ', '-']).len()) / 2)
        .max()
        .unwrap_or(0);
    deepest.max(block)
}

fn duplicate_top_level_keys(yaml: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut dups = Vec::new();
    for line in yaml.lines() {
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim();
            if !key.is_empty() && !seen.insert(key) && !dups.iter().any(|d| d == key) {
                dups.push(key.to_string());
            }
        }
    }
    dups
}

/// A scalar as text: strings as they are, numbers and booleans printed.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A value that may be one string or a list of them (`author: x` or `authors: [x, y]`).
pub fn text_list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(scalar_text).collect(),
        other => scalar_text(other).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_with_crlf_leading_blank_lines_and_odd_keys() {
        let text = "\n\n---\r\ntitle: 'A: B'\r\ndate: 2017-03-08 2:05:17 -0400\r\nauthors: []\r\nkey with space : 1\r\n\r\n---\r\nBody line\r\n";
        let s = split(text);
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
        assert_eq!(s.fields["title"], "A: B");
        assert_eq!(s.fields["date"], "2017-03-08 2:05:17 -0400");
        assert_eq!(s.fields["key with space"], 1);
        assert_eq!(s.body, "Body line\r\n");
        assert_eq!(s.body_line, 10);
    }

    #[test]
    fn plain_front_matter_is_read_as_the_yaml_parser_reads_it() {
        let simple = [
            "slug: registry-occupation\ntitle: \"Registry occupation: day 2\"\ndate: 1999-10-06\nsource-url: https://www.scoop.co.nz/stories/HL9910/S00019/x.htm\nauthor: matthew-thomas\n",
            "title: 'A Year in the Life of a PIF'\ndate: 2019-03-26 12:38:00 -0500\nsummary: 'I get asked, “What does a year look like?”'\n",
            "authors:\n  - zach-goldfine\n  - 'jane doe'\ntopics:\n- product\n\ntitle: Plain words, [brackets] and C#, no comment\n",
            "date: 2024-04-04T10:00:00Z\nkey_2: Trailing spaces   \r\nother: Māori – dash\n",
        ];
        for yaml in simple {
            let fast = parse_simple(yaml).unwrap_or_else(|| panic!("not simple: {yaml:?}"));
            assert_eq!(Value::Object(fast), parse_yaml(yaml).unwrap(), "{yaml:?}");
        }
        // What YAML may read as something other than these strings goes to the parser.
        for yaml in [
            "count: 12\n",
            "draft: true\n",
            "draft: No\n",
            "x: ~\n",
            "x: .5\n",
            "x: -1\n",
            "x: 1999-10\n",
            "x: 20240404\n",
            "title: A: B\n",
            "title: a # comment\n",
            "title: \"with \\\" escape\"\n",
            "title: 'it''s'\n",
            "title: *alias\n",
            "title: &anchor x\n",
            "title: !tag x\n",
            "empty:\n",
            "image:\n  uid: x\n",
            "title: x\ntitle: y\n",
            "# comment: here\ntitle: x\n",
            "key with space : 1\n",
            "2024: x\n",
            "no: x\n",
            "title: \"unclosed\n",
            "title: x\n  continued\n",
        ] {
            assert_eq!(parse_simple(yaml), None, "{yaml:?}");
        }
    }

    #[test]
    fn unclosed_front_matter_makes_the_whole_file_body() {
        let s = split("---\ntitle: x\nno fence here\n");
        assert_eq!(s.body_line, 1);
        assert!(s.body.starts_with("---"));
        assert!(s.warnings[0].contains("no closing"));
    }

    #[test]
    fn malformed_yaml_keeps_the_body_and_warns() {
        let s = split("---\ntitle: [unclosed\n  : : :\n---\nThe body.\n");
        assert_eq!(s.body, "The body.\n");
        assert!(s.warnings[0].contains("not valid YAML"), "{:?}", s.warnings);
    }

    #[test]
    fn duplicate_keys_warn_and_the_last_wins() {
        let s = split("---\ntitle: one\ntitle: two\n---\nx\n");
        assert_eq!(s.fields["title"], "two");
        assert!(s.warnings[0].contains("repeats the key(s) title"));
    }

    #[test]
    fn bombs_are_refused_and_the_body_kept() {
        let nested = format!(
            "---\nx: {}{}\n---\nbody\n",
            "[".repeat(50_000),
            "]".repeat(50_000)
        );
        let laughs = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\nbody\n";
        for bomb in [nested.as_str(), laughs] {
            let s = split(bomb);
            // A bomb must be refused (its speed is measured in benches/), and the body kept.
            assert_eq!(s.body, "body\n", "the body after the fence is kept");
            assert!(!s.warnings.is_empty(), "bomb accepted");
            assert!(s.fields.is_empty());
        }
    }
}
