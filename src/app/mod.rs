//! The application state, in one `App` value, and the pure `update` that changes it. Nothing here
//! touches the terminal: effects that need I/O (the clipboard, suspending) are queued for the
//! event loop.

pub mod action;
pub mod argument;
pub mod compare;
pub mod detail;
pub mod history;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod lists;
pub mod matrix;
pub mod neighbourhood;
pub mod prepared;
pub mod search;
pub mod textpane;
mod update;
pub mod views;

pub use action::Action;
pub use history::{History, Place};
pub use keymap::{KeyMode, Keymap};
pub use keys::Key;

use crate::model::{Kind, Model};
use lists::ListPane;
use ratatui::layout::Rect;
use std::collections::HashSet;
use textpane::TextPane;

/// The six panes, numbered as on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Timeline,
    Actors,
    Provisions,
    Recommendations,
    Argument,
    Text,
}

impl Pane {
    pub const ALL: [Pane; 6] = [
        Pane::Timeline,
        Pane::Actors,
        Pane::Provisions,
        Pane::Recommendations,
        Pane::Argument,
        Pane::Text,
    ];

    pub fn number(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0) + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Actors => "Actors",
            Pane::Provisions => "Provisions",
            Pane::Recommendations => "Recommendations",
            Pane::Argument => "Argument",
            Pane::Text => "Text",
        }
    }

    /// The pane an item of `kind` lives in.
    pub fn of_kind(kind: Kind) -> Pane {
        match kind {
            Kind::Event => Pane::Timeline,
            Kind::Actor => Pane::Actors,
            Kind::Provision => Pane::Provisions,
            Kind::Recommendation => Pane::Recommendations,
            Kind::Claim => Pane::Argument,
        }
    }

    /// The four panes a wide terminal shows together.
    pub fn is_reading_pane(self) -> bool {
        !matches!(self, Pane::Argument | Pane::Text)
    }

    fn list_index(self) -> Option<usize> {
        (self != Pane::Text).then(|| self.number() - 1)
    }
}

/// Display options from the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub ascii: bool,
    pub mouse: bool,
    pub color: bool,
}

/// What the reader is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Moving in a pane.
    Browse,
    /// In the detail's links (or the Text pane's "quoted by" list).
    Links,
    /// Reading the help overlay, scrolled this far.
    Help { scroll: usize },
    /// A side-by-side view: a comparison, the matrix or the map.
    View(views::View),
    /// Typing a search, a filter or a palette query.
    Prompt(search::Prompt),
}

/// I/O that `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Suspend to the shell.
    Suspend,
    /// Open this http(s) URL with the system's opener (never through a shell).
    Open(String),
}

/// The whole state of the explorer.
#[derive(Debug, Clone)]
pub struct App {
    pub model: Model,
    pub keymap: Keymap,
    pub options: Options,
    pub size: Rect,
    pub focus: Pane,
    /// Timeline, Actors, Provisions, Recommendations, Argument.
    pub lists: [ListPane; 5],
    pub text: TextPane,
    pub mode: Mode,
    /// The selected link in the detail.
    pub link: usize,
    pub history: History,
    pub chronological: bool,
    /// Argument nodes whose children are hidden.
    pub collapsed: HashSet<usize>,
    /// The side-by-side views: comparisons, matrix and map.
    pub views: views::Views,
    /// The search in progress or last accepted, with its matches.
    pub search: Option<search::Search>,
    /// Results of the palette's query.
    pub palette: search::PaletteResults,
    /// Earlier search and filter queries.
    pub query_history: search::QueryHistory,
    /// A message for the status line; cleared by the next key.
    pub message: Option<String>,
    pub effects: Vec<Effect>,
    pub quit: bool,
    /// Styles: the theme, with the configuration's colours.
    pub theme: crate::theme::Theme,
}

impl App {
    pub fn new(model: Model, options: Options) -> App {
        let collapsed = HashSet::new();
        let lists = [
            lists::timeline(&model, true),
            lists::actors(&model),
            lists::in_order(&model, Kind::Provision),
            lists::in_order(&model, Kind::Recommendation),
            lists::argument(&model, &collapsed),
        ];
        // The text is wrapped on the first `Resize`, which every front end sends before it
        // draws: wrapping a large text for a size that is about to change would be the
        // slowest and largest step of opening it.
        let text = TextPane::new(&model);
        App {
            model,
            keymap: Keymap::default(),
            options,
            size: Rect::new(0, 0, 80, 24),
            focus: Pane::Timeline,
            lists,
            text,
            mode: Mode::Browse,
            link: 0,
            history: History::default(),
            chronological: true,
            collapsed,
            views: views::Views::default(),
            search: None,
            palette: search::PaletteResults::default(),
            query_history: search::QueryHistory::default(),
            message: None,
            effects: Vec::new(),
            quit: false,
            theme: crate::theme::Theme::new(options.color),
        }
    }

    /// The list of a list pane.
    pub fn list(&self, pane: Pane) -> Option<&ListPane> {
        pane.list_index().map(|i| &self.lists[i])
    }

    fn list_mut(&mut self, pane: Pane) -> Option<&mut ListPane> {
        pane.list_index().map(|i| &mut self.lists[i])
    }

    /// The item the reader is on: the selection of a list pane, or the Text pane's item.
    pub fn selected_item(&self) -> Option<usize> {
        match self.list(self.focus) {
            Some(list) => list.selected_item(),
            None => self.text.item,
        }
    }

    /// The layout of the current screen.
    pub fn screen(&self) -> layout::Screen {
        layout::screen(self.size, self.focus, self.mode == Mode::Links)
    }

    /// Which keymap applies now.
    pub fn key_mode(&self) -> KeyMode {
        match &self.mode {
            Mode::Help { .. } => KeyMode::Help,
            Mode::Prompt(p) if p.kind == search::PromptKind::Palette => KeyMode::Palette,
            Mode::Prompt(_) => KeyMode::Prompt,
            Mode::Links => KeyMode::Links,
            Mode::View(view) => view.key_mode(),
            Mode::Browse if self.focus == Pane::Text => KeyMode::Text,
            Mode::Browse if self.focus == Pane::Argument => KeyMode::Argument,
            Mode::Browse => KeyMode::Normal,
        }
    }

    /// Maps a key through the keymap and applies it. Unbound keys say so in the status line.
    pub fn handle_key(&mut self, key: Key) {
        self.message = None;
        let mode = self.key_mode();
        match self.keymap.lookup(mode, key) {
            Some(action) => self.update(action),
            None if matches!(mode, KeyMode::Prompt | KeyMode::Palette) => {
                if let Some(c) = key.typed() {
                    self.update(Action::PromptInsert(c));
                }
            }
            None => self.message = Some(format!("{key} does nothing here — ? lists the keys")),
        }
    }

    /// How many links the detail lists.
    pub fn detail_link_count(&self) -> usize {
        self.selected_item()
            .map_or(0, |i| detail::link_count(&self.model, i))
    }

    /// The detail's `n`-th link.
    pub fn detail_link(&self, n: usize) -> Option<detail::DetailLink> {
        let item = self.selected_item()?;
        detail::first_links(&self.model, item, n.saturating_add(1))
            .get(n)
            .copied()
    }

    /// Where the reader is, for history.
    pub fn place(&self) -> Option<Place> {
        self.selected_item().map(|item| Place {
            pane: self.focus,
            item,
        })
    }
}
