//! The `dossier` binary: parse the command line, load the corpus, run a subcommand, and map
//! the outcome to an exit code (0 success, 1 failure, 2 usage error or nothing readable).

use clap::Parser;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use dossier::cli::{Cli, Command, CorpusArgs};
use dossier::load::{self, LoadOptions};
use dossier::model::Corpus;
use dossier::model::search::Scope;
use dossier::model::shared::SharedIndex;
use dossier::{commands, tui};

/// How a run failed, and so which exit code it gets.
enum Failure {
    /// A usage error or nothing readable: exit 2.
    Usage(String),
    /// Anything else: exit 1.
    Other(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Other(e.to_string())
    }
}

/// Most warnings printed on stderr before they are only counted.
const WARNINGS_SHOWN: usize = 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("dossier: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Other(msg)) => {
            eprintln!("dossier: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match cli.command {
        None => {
            let corpus = open(&cli.corpus)?;
            drop(out);
            return tui::run(
                corpus,
                tui::Options {
                    mouse: !cli.no_mouse,
                },
            )
            .map_err(|e| match e {
                tui::TuiError::NoTerminal => Failure::Usage(e.to_string()),
                other => Failure::Other(other.to_string()),
            });
        }
        Some(Command::Sources { corpus, json }) => {
            let corpus = open_in_time(&corpus)?;
            commands::sources(&corpus, json, &mut out)
        }
        Some(Command::Quotes {
            corpus,
            speaker,
            json,
        }) => {
            let mut corpus = open_in_time(&corpus)?;
            corpus.find_quotes();
            commands::quotes(&corpus, speaker.as_deref(), json, &mut out)
        }
        Some(Command::Find {
            query,
            corpus,
            scope,
            limit,
            json,
        }) => {
            let mut corpus = open_in_time(&corpus)?;
            if scope == Scope::Quotes {
                corpus.find_quotes();
            }
            let color =
                !json && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            commands::find(&corpus, &query, scope, limit, json, color, &mut out)
        }
        Some(Command::Compare { a, b, corpus, json }) => {
            let corpus = open(&corpus)?;
            let resolve = |q: &str| corpus.resolve(q).map_err(|e| Failure::Usage(e.to_string()));
            let (a, b) = (resolve(&a)?, resolve(&b)?);
            let index = SharedIndex::build(&corpus.sources);
            commands::compare(&corpus, &index, a, b, json, &mut out)
        }
        Some(Command::Related {
            source,
            corpus,
            json,
        }) => {
            let corpus = open(&corpus)?;
            let source = corpus
                .resolve(&source)
                .map_err(|e| Failure::Usage(e.to_string()))?;
            let index = SharedIndex::build(&corpus.sources);
            commands::related(&corpus, &index, source, json, &mut out)
        }
        Some(Command::Timeline {
            corpus,
            events,
            json,
        }) => {
            let corpus = open_in_time(&corpus)?;
            if events {
                commands::events(&corpus, json, &mut out)
            } else {
                commands::timeline(&corpus, json, &mut out)
            }
        }
        Some(Command::Show {
            source,
            mut corpus,
            json,
        }) => {
            // `dossier show some/file.md` opens that file.
            if corpus.paths.is_empty() && Path::new(&source).is_file() {
                corpus.paths.push(source.clone().into());
            }
            let corpus = open(&corpus)?;
            let index = corpus
                .resolve(&source)
                .map_err(|e| Failure::Usage(e.to_string()))?;
            commands::show(&corpus.sources[index], json, &mut out)
        }
    };
    // A closed pipe (`| head`) is how a reader says it has enough: not an error.
    match result.and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Load the corpus and date its undated sources from their text and the passages they share
/// with dated ones (the shared-passage index is built only when there are any).
fn open_in_time(args: &CorpusArgs) -> Result<Corpus, Failure> {
    let mut corpus = open(args)?;
    if corpus.sources.iter().any(|s| s.date.is_none()) {
        let index = SharedIndex::build(&corpus.sources);
        corpus.place_in_time(Some(&index));
    }
    Ok(corpus)
}

/// Load the corpus the arguments name, reporting skipped files and warnings on stderr.
fn open(args: &CorpusArgs) -> Result<Corpus, Failure> {
    if args.paths.is_empty() {
        return Ok(load::load_bundled());
    }
    let corpus = load::load_paths(
        &args.paths,
        &LoadOptions {
            max_file_size: args.max_file_size,
        },
    );
    report_problems(&corpus);
    if corpus.sources.is_empty() {
        return Err(Failure::Usage(format!(
            "nothing readable in {} (dossier reads .{} files)",
            args.paths
                .iter()
                .map(|p| load::display_path(p))
                .collect::<Vec<_>>()
                .join(", "),
            load::EXTENSIONS.join(", .")
        )));
    }
    Ok(corpus)
}

fn report_problems(corpus: &Corpus) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for s in &corpus.skipped {
        let _ = writeln!(err, "dossier: skipped {}: {}", s.path, s.reason);
    }
    let warnings: Vec<(&str, &str)> = corpus
        .sources
        .iter()
        .flat_map(|s| {
            s.warnings
                .iter()
                .map(move |w| (s.path.as_str(), w.as_str()))
        })
        .collect();
    for (path, w) in warnings.iter().take(WARNINGS_SHOWN) {
        let _ = writeln!(err, "dossier: warning: {path}: {w}");
    }
    if warnings.len() > WARNINGS_SHOWN {
        let _ = writeln!(
            err,
            "dossier: ... and {} more warnings (the `warnings` field of `dossier sources --json` lists them all)",
            warnings.len() - WARNINGS_SHOWN
        );
    }
    if corpus.ignored > 0 {
        let _ = writeln!(
            err,
            "dossier: ignored {} files that are not .txt, .md or .markdown",
            corpus.ignored
        );
    }
}
