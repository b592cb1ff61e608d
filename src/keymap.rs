//! Keys to named actions: one table that both dispatches keys and writes the help.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, Mode, View};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Both panes.
    Panes,
    /// The list pane, whatever it shows.
    Lists,
    Quotes,
    Reader,
    /// Two sources side by side.
    Compare,
    /// A list over the panes to pick from.
    Picker,
    /// The fuzzy filter.
    Finder,
    /// While typing a search.
    Prompt,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Panes => "Everywhere",
            Context::Lists => "Lists (timeline, quotes, speakers)",
            Context::Quotes => "Quotes",
            Context::Reader => "Reader",
            Context::Compare => "Side by side",
            Context::Picker => "Picking a source to compare with",
            Context::Finder => "Fuzzy filter (Ctrl-p)",
            Context::Prompt => "Search prompt",
        }
    }

    fn applies(self, mode: Mode) -> bool {
        matches!(
            (self, mode),
            (Context::Prompt, Mode::Prompt)
                | (
                    Context::Panes,
                    Mode::List(_) | Mode::Reader | Mode::Overlay | Mode::Compare
                )
                | (Context::Lists, Mode::List(_))
                | (Context::Quotes, Mode::List(View::Quotes))
                | (Context::Reader, Mode::Reader)
                | (Context::Compare, Mode::Compare)
                | (Context::Picker, Mode::Overlay)
                | (Context::Finder, Mode::Finder)
        )
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub context: Context,
    pub help: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        context,
        help,
    }
}

use Context::{Compare, Finder, Lists, Panes, Picker, Quotes, Reader};

/// The keymap. Earlier entries win when a key is bound twice in overlapping contexts.
pub const BINDINGS: &[Binding] = &[
    bind(
        Panes,
        &[ch('j'), key(KeyCode::Down)],
        Action::MoveDown,
        "move down (reader: scroll a line)",
    ),
    bind(
        Panes,
        &[ch('k'), key(KeyCode::Up)],
        Action::MoveUp,
        "move up (reader: scroll a line)",
    ),
    bind(
        Panes,
        &[key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
    ),
    bind(Panes, &[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(
        Panes,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
    ),
    bind(Panes, &[ctrl('u')], Action::HalfPageUp, "half a page up"),
    bind(
        Panes,
        &[ch('g'), key(KeyCode::Home)],
        Action::Top,
        "go to the top",
    ),
    bind(
        Panes,
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        "go to the end",
    ),
    bind(
        Panes,
        &[key(KeyCode::Tab)],
        Action::FocusNext,
        "switch pane",
    ),
    bind(
        Panes,
        &[key(KeyCode::BackTab)],
        Action::FocusPrev,
        "switch pane back",
    ),
    bind(
        Panes,
        &[ch('1'), ch('T')],
        Action::ShowView(View::Timeline),
        "the timeline: every source in date order",
    ),
    bind(
        Panes,
        &[ch('2'), ch('Q')],
        Action::ShowView(View::Quotes),
        "the quotes: every quotation, with speaker and source",
    ),
    bind(
        Panes,
        &[ch('3'), ch('S')],
        Action::ShowView(View::Speakers),
        "the speakers: everyone quoted, most quoted first",
    ),
    bind(
        Panes,
        &[ch('4'), ch('E')],
        Action::ShowView(View::Events),
        "the events: every dated event the sources tell, in date order",
    ),
    bind(
        Panes,
        &[ctrl('p')],
        Action::OpenFinder,
        "the fuzzy filter: any source, quote or sentence, ranked as you type",
    ),
    bind(
        Lists,
        &[ch('/')],
        Action::OpenFinder,
        "the fuzzy filter, from a list (in the reader / searches the open source)",
    ),
    bind(
        Lists,
        &[key(KeyCode::Enter), ch('l'), key(KeyCode::Right)],
        Action::Open,
        "open: the source, or the quote highlighted in its source; a speaker's quotes",
    ),
    bind(
        Lists,
        &[ch('t')],
        Action::ToggleEvents,
        "the timeline's two modes: the sources, or the events they tell",
    ),
    bind(
        Lists,
        &[ch('s')],
        Action::ToggleSort,
        "order: oldest/newest first · by date/speaker/source · most quoted/by name",
    ),
    bind(
        Quotes,
        &[ch('y')],
        Action::CopyQuote,
        "copy the quote: “text” (Speaker, Outlet, “Title”, date, url)",
    ),
    bind(
        Quotes,
        &[key(KeyCode::Esc)],
        Action::Back,
        "back to every speaker's quotes",
    ),
    bind(
        Compare,
        &[ch(']')],
        Action::NextShared,
        "next shared passage, in both panes",
    ),
    bind(
        Compare,
        &[ch('[')],
        Action::PrevShared,
        "previous shared passage, in both panes",
    ),
    bind(
        Compare,
        &[ch('s')],
        Action::ToggleTogether,
        "scroll the panes together through the alignment, or each on its own",
    ),
    bind(
        Compare,
        &[ch('f')],
        Action::ToggleFurniture,
        "fold or show page furniture in both panes",
    ),
    bind(
        Compare,
        &[key(KeyCode::Esc), ch('h')],
        Action::Back,
        "close the comparison",
    ),
    bind(
        Picker,
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the comparison with the highlighted source",
    ),
    bind(
        Panes,
        &[ch('c')],
        Action::Compare,
        "compare side by side with its most related source (in the reader: the one sharing the passage at the cursor)",
    ),
    bind(
        Panes,
        &[ch('C')],
        Action::PickCompare,
        "pick the source to compare with from its related sources",
    ),
    bind(
        Panes,
        &[ch('/')],
        Action::StartSearch,
        "search within the open source",
    ),
    bind(Panes, &[ch('n')], Action::NextMatch, "next match"),
    bind(Panes, &[ch('N')], Action::PrevMatch, "previous match"),
    bind(
        Reader,
        &[ch('}')],
        Action::NextParagraph,
        "cursor to the next paragraph",
    ),
    bind(
        Reader,
        &[ch('{')],
        Action::PrevParagraph,
        "cursor to the previous paragraph",
    ),
    bind(
        Reader,
        &[ch('f')],
        Action::ToggleFurniture,
        "fold or show page furniture",
    ),
    bind(
        Reader,
        &[ch('y')],
        Action::CopyParagraph,
        "copy the paragraph at the cursor with its citation (the highlighted quote when on it)",
    ),
    bind(
        Panes,
        &[ch('y'), ch('Y')],
        Action::CopyCitation,
        "copy the source's citation (title, outlet, date, url)",
    ),
    bind(
        Panes,
        &[ch('o')],
        Action::OpenUrl,
        "open the source's url in the browser",
    ),
    bind(
        Panes,
        &[ch('!')],
        Action::ShowSkipped,
        "list the files that were skipped, and why",
    ),
    bind(
        Panes,
        &[ch('?'), key(KeyCode::F(1))],
        Action::ToggleHelp,
        "this help",
    ),
    bind(
        Reader,
        &[key(KeyCode::Esc), ch('h'), key(KeyCode::Left)],
        Action::Back,
        "clear the search, then back to the timeline",
    ),
    bind(
        Panes,
        &[key(KeyCode::Esc)],
        Action::Back,
        "cancel, close, step back",
    ),
    bind(
        Panes,
        &[ch('q'), ctrl('c')],
        Action::Quit,
        "quit (closes help first)",
    ),
    bind(
        Finder,
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the hit in the reader, scrolled to it and highlighted",
    ),
    bind(
        Finder,
        &[key(KeyCode::Esc)],
        Action::Back,
        "close the filter; the view is as it was",
    ),
    bind(
        Finder,
        &[key(KeyCode::Tab)],
        Action::NextScope,
        "next scope: sources, quotes, text (or type sources: quotes: text: first)",
    ),
    bind(Finder, &[key(KeyCode::Down)], Action::MoveDown, "next hit"),
    bind(Finder, &[key(KeyCode::Up)], Action::MoveUp, "previous hit"),
    bind(
        Finder,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "a page of hits down",
    ),
    bind(
        Finder,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "a page of hits up",
    ),
    bind(
        Finder,
        &[ctrl('p')],
        Action::HistoryBack,
        "an earlier query from the history",
    ),
    bind(
        Finder,
        &[ctrl('n')],
        Action::HistoryForward,
        "a later query from the history",
    ),
    bind(
        Finder,
        &[key(KeyCode::Backspace)],
        Action::InputBackspace,
        "delete a character of the query",
    ),
    bind(
        Context::Prompt,
        &[key(KeyCode::Enter)],
        Action::InputSubmit,
        "keep the search and leave the prompt",
    ),
    bind(
        Context::Prompt,
        &[key(KeyCode::Esc)],
        Action::Back,
        "cancel the search",
    ),
    bind(
        Context::Prompt,
        &[key(KeyCode::Backspace)],
        Action::InputBackspace,
        "delete a character",
    ),
];

/// The action a key asks for in `mode`, if any.
pub fn action_for(event: KeyEvent, mode: Mode) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shifted letters arrive as uppercase with SHIFT; compare without it.
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    let pressed = Key {
        code: event.code,
        modifiers,
    };
    let bound = BINDINGS
        .iter()
        .filter(|b| b.context.applies(mode))
        .find(|b| b.keys.contains(&pressed))
        .map(|b| b.action.clone());
    if bound.is_some() {
        return bound;
    }
    match (mode, event.code) {
        (Mode::Prompt | Mode::Finder, KeyCode::Char(c))
            if !modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// How a key is written in the help: `j`, `↓`, `Ctrl-d`, `PgDn`.
pub fn key_name(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The help: per context, each binding's keys and what it does.
pub fn help_sections() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
    for context in [
        Context::Panes,
        Context::Lists,
        Context::Quotes,
        Context::Reader,
        Context::Compare,
        Context::Picker,
        Context::Finder,
        Context::Prompt,
    ] {
        let rows: Vec<(String, &'static str)> = BINDINGS
            .iter()
            .filter(|b| b.context == context)
            .map(|b| {
                (
                    b.keys.iter().map(key_name).collect::<Vec<_>>().join(" "),
                    b.help,
                )
            })
            .collect();
        sections.push((context.title(), rows));
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers, mode: Mode) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers), mode)
    }

    #[test]
    fn vim_keys_and_arrows_both_move() {
        let timeline = Mode::List(View::Timeline);
        assert_eq!(
            press(KeyCode::Char('j'), KeyModifiers::NONE, timeline),
            Some(Action::MoveDown)
        );
        assert_eq!(
            press(KeyCode::Down, KeyModifiers::NONE, timeline),
            Some(Action::MoveDown)
        );
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT, timeline),
            Some(Action::Bottom)
        );
        assert_eq!(
            press(KeyCode::Char('d'), KeyModifiers::CONTROL, timeline),
            Some(Action::HalfPageDown)
        );
    }

    #[test]
    fn contexts_choose_between_bindings_of_one_key() {
        let reader = Mode::Reader;
        assert_eq!(
            press(KeyCode::Char('y'), KeyModifiers::NONE, reader),
            Some(Action::CopyParagraph)
        );
        assert_eq!(
            press(
                KeyCode::Char('y'),
                KeyModifiers::NONE,
                Mode::List(View::Timeline)
            ),
            Some(Action::CopyCitation)
        );
        assert_eq!(
            press(KeyCode::Char('q'), KeyModifiers::NONE, Mode::Prompt),
            Some(Action::Input('q'))
        );
        assert_eq!(
            press(KeyCode::Esc, KeyModifiers::NONE, Mode::Prompt),
            Some(Action::Back)
        );
    }

    #[test]
    fn the_help_lists_every_binding() {
        let rows: usize = help_sections().iter().map(|(_, r)| r.len()).sum();
        assert_eq!(rows, BINDINGS.len());
    }
}
