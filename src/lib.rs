//! dossier: a terminal explorer for a corpus of news articles, press releases, official pages
//! and opinion pieces on one topic.
//!
//! - [`model`]: the sources and everything derived from their text; pure.
//! - [`load`]: the only code that touches the file system.
//! - [`commands`]: what the subcommands print.
//! - [`cli`]: the command line.

pub mod cli;
pub mod commands;
pub mod load;
pub mod model;
