//! The command line. The only file that knows clap.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::load;
use crate::model::search::Scope;

#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about = "Explore a corpus of news articles, press releases and official pages: a timeline, \
             quotations with their speakers, and sources side by side.",
    long_about = None,
    after_help = "With no PATH, dossier opens its bundled sample corpus (New Zealand and NATO, 2023-2024).\n\
                  Folders are read recursively for .txt, .md and .markdown files, and .jsonl/.ndjson\n\
                  files of one record (source) per line.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub corpus: CorpusArgs,

    /// Leave the mouse to the terminal (its own text selection) instead of capturing it.
    #[arg(long)]
    pub no_mouse: bool,
}

/// Where the sources come from; shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct CorpusArgs {
    /// Files and folders to open; the bundled sample corpus when none are given.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Skip files larger than this (e.g. 512K, 16M, 1G).
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = load::parse_size)]
    pub max_file_size: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the sources: id, date, outlet, title.
    Sources {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON Lines, one object per source.
        #[arg(long)]
        json: bool,
    },
    /// List quotations: who said what, where, and which other sources report the same words.
    Quotes {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Only quotes by this speaker (case-insensitive, any part of the name).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Print JSON Lines, one object per quote.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy search, like `fzf --filter`: ranked sources, quotes or sentences matching QUERY.
    ///
    /// Space-separated terms must all match, in any order: 'word (exact), ^prefix, suffix$,
    /// !term (not), a | b (either), ~term (fuzzy in the text scope); smart case; diacritics
    /// fold (maori finds Māori). Fields: speaker:NAME source:OUTLET-OR-ID date:2024-04
    /// date:2022..2023 kind:partial.
    Find {
        /// The query.
        query: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// What to search: sources (title, outlet, date, people, url), quotes (text and
        /// speaker) or text (every sentence).
        #[arg(long = "in", value_name = "SCOPE", default_value = "sources", value_parser = parse_scope)]
        scope: Scope,
        /// At most this many hits (all by default).
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print JSON Lines, one object per hit.
        #[arg(long)]
        json: bool,
    },
    /// The passages two sources share (verbatim, near-verbatim, phrase), strongest first.
    Compare {
        /// Id (or unique prefix) of the first source.
        a: String,
        /// Id (or unique prefix) of the second source.
        b: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON Lines, one object per passage.
        #[arg(long)]
        json: bool,
    },
    /// The sources that share passages with SOURCE, most related first.
    Related {
        /// Id of the source, or any unique prefix of it or of its file name.
        source: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON Lines, one object per related source.
        #[arg(long)]
        json: bool,
    },
    /// The sources in date order, undated ones placed by the dates their text implies (`≈`),
    /// with the evidence; or, with --events, every dated event the sources tell.
    Timeline {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// List the dated events of every source instead, in date order.
        #[arg(long)]
        events: bool,
        /// Print JSON Lines, one object per source (or event).
        #[arg(long)]
        json: bool,
    },
    /// Print one source: its metadata and cleaned paragraphs with their original line numbers.
    Show {
        /// Id of the source, or any unique prefix of it or of its file name.
        source: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print one JSON object with the metadata and the paragraphs.
        #[arg(long)]
        json: bool,
    },
}

fn parse_scope(text: &str) -> Result<Scope, String> {
    Scope::from_name(text)
        .ok_or_else(|| format!("`{text}` is not a scope: sources, quotes or text"))
}
