//! The source: one document of the corpus, as the rest of dossier sees it.

use serde::Serialize;
use serde_json::{Map, Value};
use std::ops::Range;

use super::chronology::InferredDate;
use super::date::{DateStamp, StatedDate};
use super::quotes::Quote;

/// One document: its metadata and its cleaned paragraphs.
///
/// The text of all paragraphs lives in one `String` (`text`) and paragraphs index into it,
/// which keeps a corpus of 100,000 sources to a few allocations each.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id: the path relative to the folder it was found in, without extension.
    pub id: String,
    /// Where it came from, sanitised for display.
    pub path: String,
    pub title: Option<String>,
    pub date: Option<StatedDate>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub people: Vec<Person>,
    /// Front-matter keys that have no field of their own, kept to show the user.
    pub metadata: Map<String, Value>,
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// Words in content paragraphs (furniture excluded).
    pub words: usize,
    pub warnings: Vec<String>,
    /// Quotations in the content, in text order.
    pub quotes: Vec<Quote>,
    /// The date the text and related sources imply, when none is stated.
    pub inferred: Option<InferredDate>,
}

/// A person named in the metadata, with the key that named them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    pub role: PersonRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonRole {
    Author,
    Minister,
}

/// A paragraph: a run of text with the line of the original file it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based line in the original file.
    pub line: u32,
    pub kind: ParagraphKind,
    /// Byte range of its text in [`Source::text`].
    pub span: Range<u32>,
}

/// What a paragraph is. Furniture is kept (never deleted) but dimmed by the reader and
/// skipped by quotes and search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    Text,
    /// A section heading; `level` 1 is the largest.
    Heading(u8),
    /// An item of a bulleted or numbered list.
    ListItem,
    Furniture(Furniture),
}

/// Why a paragraph is page furniture rather than content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Furniture {
    /// A heading that repeats the title.
    TitleRepeat,
    /// A byline or dateline: `**Friday, 22 August 2003, 4:10 pm**`, `Last updated: ...`.
    Byline,
    /// A photo or video caption, often with a `(Source: X)` credit.
    Caption,
    /// Image alt text or an embedded object.
    Image,
    /// Sharing buttons, "More Stories", "Related", advertising.
    Navigation,
    /// Copyright lines and everything of the page footer after them.
    Footer,
    /// Stylesheet or script text that leaked into the page.
    Code,
    /// "Ends" and similar release terminators.
    End,
    /// A paragraph made only of links or a bare url.
    Links,
}

impl PersonRole {
    pub fn name(self) -> &'static str {
        match self {
            PersonRole::Author => "author",
            PersonRole::Minister => "minister",
        }
    }
}

impl Furniture {
    /// The name used in JSON and in the reader.
    pub fn name(self) -> &'static str {
        match self {
            Furniture::TitleRepeat => "title_repeat",
            Furniture::Byline => "byline",
            Furniture::Caption => "caption",
            Furniture::Image => "image",
            Furniture::Navigation => "navigation",
            Furniture::Footer => "footer",
            Furniture::Code => "code",
            Furniture::End => "end",
            Furniture::Links => "links",
        }
    }
}

impl Paragraph {
    pub fn is_furniture(&self) -> bool {
        matches!(self.kind, ParagraphKind::Furniture(_))
    }

    pub fn is_content(&self) -> bool {
        !self.is_furniture()
    }
}

impl Source {
    /// The cleaned text of paragraph `index`.
    pub fn paragraph_text(&self, index: usize) -> &str {
        let span = &self.paragraphs[index].span;
        &self.text[span.start as usize..span.end as usize]
    }

    /// Paragraphs with their text, in order.
    pub fn paragraphs_with_text(&self) -> impl Iterator<Item = (&Paragraph, &str)> {
        self.paragraphs
            .iter()
            .map(|p| (p, &self.text[p.span.start as usize..p.span.end as usize]))
    }

    /// What to show for the source when it has no title: its first words, at most `max_chars`.
    pub fn preview(&self, max_chars: usize) -> String {
        let first = self
            .paragraphs_with_text()
            .find(|(p, _)| p.is_content())
            .map(|(_, t)| t)
            .unwrap_or("");
        cut_at_word(first, max_chars)
    }

    /// `Winston Peters (minister), Logan Powell (author)`, or `None` without people.
    pub fn people_line(&self) -> Option<String> {
        (!self.people.is_empty()).then(|| {
            self.people
                .iter()
                .map(|p| format!("{} ({})", p.name, p.role.name()))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// `“Title”, Outlet, 2024-04-04, https://...`: what a reader needs to find the source.
    pub fn citation(&self) -> String {
        let (title, _) = self.display_title(120);
        let mut parts = vec![format!("“{title}”")];
        parts.extend(self.outlet.clone());
        parts.extend(self.date.as_ref().map(|d| d.stamp.to_string()));
        parts.extend(self.url.clone());
        parts.join(", ")
    }

    /// The date it is placed at on the timeline: stated, else inferred.
    pub fn placed_date(&self) -> Option<DateStamp> {
        self.date
            .as_ref()
            .map(|d| d.stamp)
            .or_else(|| self.inferred.as_ref().map(|d| d.best))
    }

    /// The title, or the first words (the id when there are none) marked as untitled.
    pub fn display_title(&self, max_chars: usize) -> (String, bool) {
        match &self.title {
            Some(t) => (t.clone(), false),
            None => {
                let preview = self.preview(max_chars);
                (
                    if preview.is_empty() {
                        self.id.clone()
                    } else {
                        preview
                    },
                    true,
                )
            }
        }
    }
}

/// Cut `text` to at most `max_chars` characters at a word boundary, with an ellipsis when cut.
pub fn cut_at_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let trimmed = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 3 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", trimmed.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_at_word_keeps_short_text_and_cuts_long_text_at_a_space() {
        assert_eq!(cut_at_word("short text", 20), "short text");
        assert_eq!(
            cut_at_word("NZ has a long-standing partnership of 25 years", 20),
            "NZ has a…"
        );
    }
}
