//! Page furniture: the parts of a saved web page that are not the article. Each rule says
//! why a paragraph is furniture; the paragraph itself is always kept.

use super::markup::Inline;
use super::source::Furniture;

/// Paragraphs that are navigation, sharing or advertising, compared after lowercasing and
/// trimming punctuation.
const NAVIGATION: &[&str] = &[
    "share me",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on linkedin",
    "more stories",
    "more from",
    "related",
    "related stories",
    "related articles",
    "related content",
    "related scoop stories",
    "related news",
    "read more",
    "see also",
    "advertisement",
    "advertisement - scroll to continue reading",
    "scroll to continue reading",
    "sponsored",
    "sponsored content",
    "skip to main content",
    "skip to content",
    "back to top",
    "print",
    "email",
    "comments",
    "tweet",
    "subscribe",
    "sign up",
    "follow us",
    "next article",
    "previous article",
    "top stories",
    "most read",
    "most popular",
    "trending",
    "recommended",
    "you may also like",
    "loading",
    "click here",
    "using scoop for work",
    "watch",
    "listen",
    "play video",
    "video",
    "image",
    "photo",
    "tags",
    "topics",
    "newsletter",
    "sign up to our newsletter",
    "join the conversation",
];

/// Headings after which a list of links is furniture too.
const LINK_LIST_HEADINGS: &[&str] = &[
    "related",
    "related stories",
    "related articles",
    "related scoop stories",
    "related news",
    "related content",
    "more stories",
    "read more",
    "see also",
    "more from",
    "top stories",
    "most read",
    "most popular",
    "recommended",
    "you may also like",
];

const BYLINE_LABELS: &[&str] = &[
    "press release:",
    "media release:",
    "article:",
    "opinion:",
    "column:",
    "speech:",
    "editorial:",
    "analysis:",
    "report:",
    "letter:",
    "statement:",
    "news release:",
];

const IMAGE_WORDS: &[&str] = &[
    "flag",
    "photo",
    "image",
    "logo",
    "pictured",
    "picture",
    "illustration",
    "graphic",
    "screenshot",
    "photograph",
    "infographic",
    "banner",
];

/// Longest text the phrase lists can match; longer paragraphs are not compared.
const PHRASE_MAX: usize = 64;

/// The text compared against the phrase lists: lowercase, without surrounding punctuation.
/// Empty for paragraphs too long to be one of the phrases.
pub fn normalized(text: &str) -> String {
    if text.len() > PHRASE_MAX {
        return String::new();
    }
    text.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace(['–', '—'], "-")
}

fn is_navigation(norm: &str) -> bool {
    NAVIGATION.contains(&norm)
        || norm.starts_with("find more from ") && norm.ends_with("on infopages")
}

/// Scoop's `Find more from X on InfoPages.`
fn is_infopages_link(text: &str) -> bool {
    text.starts_with("Find more from ") && text.trim_end_matches('.').ends_with("on InfoPages")
}

pub fn opens_link_list(norm: &str) -> bool {
    LINK_LIST_HEADINGS.contains(&norm)
}

/// `Ends`, `- ENDS -`, `-30-`.
pub fn is_end_marker(norm: &str) -> bool {
    matches!(norm, "ends" | "end" | "30" | "end of release" | "ends here")
}

/// `© Scoop Media`, `Copyright 2024 ...`, `(c) ...`, short.
pub fn is_copyright(text: &str) -> bool {
    let t = text.trim_start();
    let lower = t.get(..10).unwrap_or(t).to_ascii_lowercase();
    (t.starts_with('©') || lower.starts_with("(c) ") || lower.starts_with("copyright"))
        && t.split_whitespace().count() <= 25
}

/// `Press Release: Org`, `Article: Name`, `By Name`.
pub fn byline_label(text: &str) -> Option<&'static str> {
    let starts = |label: &str| {
        text.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
    };
    let label = BYLINE_LABELS
        .iter()
        .copied()
        .find(|l| starts(l))
        .or_else(|| (starts("by ") && !text.ends_with('.')).then_some("by"))?;
    let most_words = if label == "by" { 6 } else { 14 };
    (text.len() < 200 && text.split_whitespace().count() <= most_words).then_some(label)
}
/// CSS or script that leaked into the text: `a.supporter:hover {background:#EC4438!important;}`.
pub fn is_code(text: &str) -> bool {
    let (Some(open), Some(close)) = (text.find('{'), text.rfind('}')) else {
        return false;
    };
    if close < open || text.starts_with("{{") {
        return false;
    }
    let inside = &text[open + 1..close];
    inside.contains(':')
        && (inside.contains(';') || inside.contains("!important"))
        && !inside.contains(". ")
}

/// A credit line ending a caption: `... (Source: 1News)`, `(Photo: RNZ)`; returns the credit.
pub fn caption_credit(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (label, credit) = inner[open + 1..].split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    [
        "source",
        "photo",
        "image",
        "picture",
        "video",
        "credit",
        "photo credit",
        "file photo",
    ]
    .contains(&label.as_str())
    .then(|| credit.trim())
    .filter(|c| !c.is_empty())
}

/// A caption that is only a name or label: `Foreign Minister Winston Peters.`
pub fn is_name_caption(text: &str) -> bool {
    let t = text.trim();
    if !t.ends_with('.') || t.len() > 100 {
        return false;
    }
    let words = t.trim_end_matches('.').split_whitespace();
    let mut count = 0;
    for w in words {
        count += 1;
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised && !matches!(w, "of" | "the" | "and" | "for" | "de" | "van" | "von") {
            return false;
        }
    }
    (2..=8).contains(&count)
}
/// Alt text of an image left in plain text: short, unpunctuated, about a picture.
pub fn is_plain_alt_text(text: &str) -> bool {
    text.len() <= 100
        && text.split_whitespace().count() <= 10
        && !text
            .trim_end()
            .ends_with(['.', '!', '?', ':', ';', '"', '”'])
        && text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| IMAGE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A paragraph made of links: at least two, and most of its text is link text; or a bare url.
pub fn is_link_list(text: &str, inline: &Inline) -> bool {
    let chars = text.chars().count().max(1);
    let bare_url =
        !text.contains(' ') && (text.starts_with("http://") || text.starts_with("https://"));
    bare_url || (inline.links >= 2 && inline.link_chars * 10 >= chars * 7)
}

/// The furniture rule that matches a paragraph on its own, if any.
pub fn classify(text: &str, inline: &Inline) -> Option<Furniture> {
    let norm = normalized(text);
    if text.is_empty() && (!inline.images.is_empty() || inline.embeds > 0) {
        return Some(Furniture::Image);
    }
    if is_navigation(&norm) || is_infopages_link(text) {
        return Some(Furniture::Navigation);
    }
    if is_end_marker(&norm) {
        return Some(Furniture::End);
    }
    if is_copyright(text) {
        return Some(Furniture::Footer);
    }
    if byline_label(text).is_some() {
        return Some(Furniture::Byline);
    }
    if is_code(text) {
        return Some(Furniture::Code);
    }
    if caption_credit(text).is_some() {
        return Some(Furniture::Caption);
    }
    if is_link_list(text, inline) {
        return Some(Furniture::Links);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Option<Furniture> {
        classify(
            text,
            &Inline {
                text: text.into(),
                ..Inline::default()
            },
        )
    }

    #[test]
    fn the_furniture_of_the_sample_and_scoop() {
        assert_eq!(plain("SHARE ME"), Some(Furniture::Navigation));
        assert_eq!(plain("More Stories"), Some(Furniture::Navigation));
        assert_eq!(plain("Related"), Some(Furniture::Navigation));
        assert_eq!(
            plain("Advertisement - scroll to continue reading"),
            Some(Furniture::Navigation)
        );
        assert_eq!(
            plain("Find more from Student Volunteer Army on InfoPages."),
            Some(Furniture::Navigation)
        );
        assert_eq!(plain("© Scoop Media"), Some(Furniture::Footer));
        assert_eq!(plain("Ends"), Some(Furniture::End));
        assert_eq!(plain("- ENDS -"), Some(Furniture::End));
        assert_eq!(
            plain(
                "a.supporter:hover {background:#EC4438!important;} @media screen and (max-width: 480px) { #byline-block div.byline-block {padding-right:16px;}}"
            ),
            Some(Furniture::Code)
        );
        assert_eq!(
            plain("Press Release: Student Volunteer Army"),
            Some(Furniture::Byline)
        );
        assert_eq!(
            plain(
                "Foreign Minister Winston Peters, who's just finished meeting with NATO leaders, insisted China didn't dominate discussions. (Source: 1News)"
            ),
            Some(Furniture::Caption)
        );
        assert!(is_name_caption("Foreign Minister Winston Peters."));
        assert!(!is_name_caption("The Ukraine war also continued."));
    }

    #[test]
    fn content_is_not_furniture() {
        for text in [
            "The Ukraine war also continued to dominate discussions.",
            "Peters said New Zealand has done its best to assist and help out.",
            "By the end of the year, the fund had grown.",
            "Related parties were consulted (source: the ministry said so).",
            "The Related Companies bought the site.",
        ] {
            assert_eq!(plain(text), None, "{text}");
        }
        assert!(!is_plain_alt_text(
            "The flag was raised at dawn, officials said."
        ));
        assert!(is_plain_alt_text("NATO + New Zealand flag on black"));
    }
}
