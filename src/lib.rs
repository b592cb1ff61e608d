//! dossier: a terminal explorer for a corpus of news articles, press releases, official pages
//! and opinion pieces on one topic.
//!
//! - [`model`]: the sources and everything derived from their text; pure.
//! - [`load`]: the only code that touches the file system.
//! - [`app`]: the explorer's state and `update`; no drawing, no I/O.
//! - [`keymap`]: keys to named actions, and the help.
//! - [`ui`]: one draw function per pane.
//! - [`tui`]: the terminal guard, the event loop, the effects.
//! - [`commands`]: what the subcommands print.
//! - [`cli`]: the command line.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod app;
pub mod cli;
pub mod commands;
pub mod keymap;
pub mod load;
pub mod model;
pub mod tui;
pub mod ui;
