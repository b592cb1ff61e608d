//! The runtime: the terminal guard, the event loop, and the effects (clipboard, browser).
//!
//! The terminal is left as it was found on quit, on error, on panic (a chained panic hook
//! plus a guard) and on SIGTERM, SIGHUP and SIGINT.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{clipboard::CopyToClipboard, cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::finder::{FilterRequest, FilterResult, FilterWorker};
use crate::app::{Action, App, Effect, update};
use crate::keymap;
use crate::model::shared::SharedIndex;
use crate::model::{Corpus, Placements};
use crate::ui;

/// Most input events handled between two frames.
const MAX_EVENTS_PER_FRAME: usize = 256;

pub struct Options {
    /// Capture the mouse (off with `--no-mouse`, to keep the terminal's own selection).
    pub mouse: bool,
}

/// Why the explorer could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the explorer needs a terminal (stdin and stdout); for scripts use `dossier sources`, `dossier show` or `--json`"
    )]
    NoTerminal,
    #[error("terminal: {0}")]
    Io(#[from] io::Error),
}

/// Puts the terminal back as it was. Idempotent; errors are ignored because this also runs
/// while panicking.
fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Sets its flag when dropped: tells the watchdog that `run` has returned.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Restores the terminal when dropped, whatever the way out.
struct TerminalGuard;

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide
        )?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Open the explorer on `corpus` until the user quits or a signal arrives.
pub fn run(corpus: Corpus, options: Options) -> Result<(), TuiError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NoTerminal);
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // crossterm can spin inside its own read loop on a terminal that hung up, out of reach
    // of the loop below: after a signal, a watchdog gives the loop a moment to end cleanly,
    // then restores the terminal and exits itself.
    let done = Arc::new(AtomicBool::new(false));
    let _done_on_return = SetOnDrop(Arc::clone(&done));
    {
        let (stop, done) = (Arc::clone(&stop), Arc::clone(&done));
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50));
            }
            std::thread::sleep(Duration::from_millis(500));
            if !done.load(Ordering::Relaxed) {
                restore_terminal();
                std::process::exit(0);
            }
        });
    }
    // Test hook: panic after the first frame, to prove the terminal comes back.
    let panic_after_draw = std::env::var_os("DOSSIER_TEST_PANIC").is_some();

    let _guard = TerminalGuard::enter(options.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut app = App::new(corpus);
    let size = terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    // The first frame before the workers start: they take both cores for a while.
    terminal.draw(|frame| ui::draw(frame, &app))?;
    let mut workers = Workers::start(&app);

    let stopped = || stop.load(Ordering::Relaxed);
    while !app.quit && !stopped() {
        terminal.draw(|frame| ui::draw(frame, &app))?;
        if panic_after_draw {
            update(&mut app, Action::Panic);
        }
        // Wait for input, checking for signals and the workers' answers between polls (often
        // while the finder waits for one).
        let mut answered = false;
        let tick = if app.finder.as_ref().is_some_and(|f| f.pending) {
            Duration::from_millis(2)
        } else {
            Duration::from_millis(100)
        };
        while !event::poll(tick)? {
            if stopped() {
                return Ok(());
            }
            if let Ok((index, placed)) = workers.index.try_recv() {
                app.set_shared_index(index, placed);
                workers.start_filter(&app);
                answered = true;
            }
            while let Ok(result) = workers.results.try_recv() {
                app.receive_filter(result);
                answered = true;
            }
            if answered {
                break;
            }
        }
        if answered {
            continue;
        }
        // Take what is already queued before drawing again (a resize storm or a held key costs
        // one frame, not one per event), but a bounded batch: a terminal that went away can
        // report input forever, and the next draw is what notices it is gone.
        for _ in 0..MAX_EVENTS_PER_FRAME {
            if app.quit || stopped() || !event::poll(Duration::ZERO)? {
                break;
            }
            let event = event::read()?;
            for action in actions_for(event, &app) {
                for effect in update(&mut app, action) {
                    run_effect(effect, &mut terminal, &workers)?;
                }
            }
        }
    }
    Ok(())
}

/// The threads that keep slow work off the key path, and how to reach them.
struct Workers {
    /// The shared-passage index, once (it takes about as long as loading), with the undated
    /// sources placed again by the passages they share.
    index: Receiver<(SharedIndex, Option<Placements>)>,
    /// Finder queries in, answers out; `latest` cancels a query a newer one replaces.
    requests: Sender<FilterRequest>,
    results: Receiver<FilterResult>,
    latest: Arc<AtomicU64>,
    /// The filter worker's ends until it starts: with undated sources it waits for their new
    /// dates, which the app can only write while no worker shares the corpus. Queries typed
    /// meanwhile wait in the channel.
    unstarted: Option<(Receiver<FilterRequest>, Sender<FilterResult>)>,
}

impl Workers {
    fn start(app: &App) -> Workers {
        let (index_ready, index) = channel();
        let corpus = Arc::clone(&app.corpus);
        let undated = corpus.sources.iter().any(|s| s.date.is_none());
        std::thread::spawn(move || {
            let index = SharedIndex::build(&corpus.sources);
            let placed = undated.then(|| corpus.place_undated(Some(&index)));
            drop(corpus);
            let _ = index_ready.send((index, placed));
        });
        let (requests, incoming) = channel::<FilterRequest>();
        let (answers, results) = channel();
        let mut workers = Workers {
            index,
            requests,
            results,
            latest: Arc::new(AtomicU64::new(0)),
            unstarted: Some((incoming, answers)),
        };
        if !undated {
            workers.start_filter(app);
        }
        workers
    }

    /// Start the filter worker, once.
    fn start_filter(&mut self, app: &App) {
        let Some((incoming, answers)) = self.unstarted.take() else {
            return;
        };
        let corpus = Arc::clone(&app.corpus);
        let current = Arc::clone(&self.latest);
        std::thread::spawn(move || {
            let mut worker = FilterWorker::new(&corpus);
            while let Ok(mut request) = incoming.recv() {
                // Only the newest of the queries typed meanwhile is worth answering.
                while let Ok(newer) = incoming.try_recv() {
                    request = newer;
                }
                let generation = request.generation;
                let cancelled = || current.load(Ordering::Relaxed) != generation;
                if let Some(result) = worker.run(&corpus, &request, &cancelled)
                    && answers.send(result).is_err()
                {
                    return;
                }
            }
        });
    }
}

/// The actions a terminal event asks for.
fn actions_for(event: Event, app: &App) -> Vec<Action> {
    match event {
        Event::Key(key) => keymap::action_for(key, app.mode()).into_iter().collect(),
        Event::Resize(width, height) => vec![Action::Resize { width, height }],
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => vec![Action::Wheel {
                column: m.column,
                row: m.row,
                down: true,
            }],
            MouseEventKind::ScrollUp => vec![Action::Wheel {
                column: m.column,
                row: m.row,
                down: false,
            }],
            MouseEventKind::Down(MouseButton::Left) => vec![Action::Click {
                column: m.column,
                row: m.row,
            }],
            _ => vec![],
        },
        // Pasted text is typed into the prompt; its control characters never are.
        Event::Paste(text) if app.prompt.is_some() || app.finder.is_some() => text
            .chars()
            .filter(|c| !c.is_control())
            .map(Action::Input)
            .collect(),
        _ => vec![],
    }
}

fn run_effect(
    effect: Effect,
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    workers: &Workers,
) -> io::Result<()> {
    match effect {
        Effect::Filter(request) => {
            workers.latest.store(request.generation, Ordering::Relaxed);
            let _ = workers.requests.send(request);
            Ok(())
        }
        Effect::Copy(text) => {
            // OSC 52 carries the text base64-encoded: nothing in it can act on the terminal.
            execute!(
                terminal.backend_mut(),
                CopyToClipboard::to_clipboard_from(text)
            )?;
            terminal.backend_mut().flush()
        }
        Effect::OpenUrl(url) => {
            open_in_browser(&url);
            Ok(())
        }
    }
}

/// Open an http(s) url with the desktop's opener: the url is one argument, never a shell
/// word, and the opener's output is kept off the screen.
fn open_in_browser(url: &str) {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return;
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}
