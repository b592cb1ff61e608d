//! Everything the user (or the terminal) can ask of the explorer, as named actions.

use super::View;
use super::finder::FilterRequest;

/// A named action. Keys, mouse events and resizes all become one of these before they touch
/// the state, so "which key does what" is data (see `keymap`) and testable without a terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    /// Open the selected source in the reader.
    Open,
    /// Cancel or step back: close an overlay, clear a search, leave the reader.
    Back,
    /// Start typing a search within the open source.
    StartSearch,
    NextMatch,
    PrevMatch,
    NextParagraph,
    PrevParagraph,
    OpenUrl,
    CopyCitation,
    /// Copy a quote with its citation.
    CopyQuote,
    /// Show a view in the list pane.
    ShowView(View),
    /// Open the source beside its most related one.
    Compare,
    /// Pick, from its related sources, the one to open beside the source.
    PickCompare,
    /// Side by side: the next (previous) shared passage, in both panes.
    NextShared,
    PrevShared,
    /// Side by side: scroll the two panes together, or each on its own.
    ToggleTogether,
    /// Open the fuzzy filter over the panes.
    OpenFinder,
    /// In the finder: search the next scope (sources, quotes, text).
    NextScope,
    /// In the finder: an earlier (later) query from the history.
    HistoryBack,
    HistoryForward,
    CopyParagraph,
    ToggleFurniture,
    ToggleSort,
    /// The timeline's other mode: sources, or the events they tell.
    ToggleEvents,
    ToggleHelp,
    ShowSkipped,
    /// Typing into the search prompt.
    Input(char),
    InputBackspace,
    InputSubmit,
    /// The terminal's size, in cells.
    Resize {
        width: u16,
        height: u16,
    },
    /// The mouse wheel at a cell.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A click at a cell.
    Click {
        column: u16,
        row: u16,
    },
    /// Test-only: panic, to prove the terminal is restored (see `tui`).
    Panic,
}

/// What `update` asks the runtime to do: the only ways the app reaches the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Open an http(s) url in the browser.
    OpenUrl(String),
    /// Filter the finder's items (on a worker: typing never waits for it).
    Filter(FilterRequest),
}
