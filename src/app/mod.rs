//! The application state, in one `App` value, and the pure `update` that changes it. Nothing here
//! touches the terminal: effects that need I/O (the clipboard, suspending) are queued for the
//! event loop.
//!
//! The panes (`crate::panes`) and the views over them (`crate::views`) each keep their state,
//! keys and drawing in a home of their own; this module holds what they share: the state root,
//! the actions, the keymap, the layout, history, and the one line-input and cursor types.

pub mod action;
pub mod annotate;
pub mod cursor;
pub mod history;
pub mod input;
pub mod keymap;
pub mod keys;
pub mod layout;
mod reload;
pub mod search;
mod update;

pub use action::Action;
pub use history::{History, Place};
pub use keymap::{KeyMode, Keymap};
pub use keys::Key;

use crate::model::{Kind, Model};
use crate::panes::lists::{self, ListPane};
use crate::panes::text::TextPane;
use crate::ui::glyphs::Glyphs;
use crate::views::{Layer, ViewKind, ViewMemory};
use ratatui::layout::Rect;
use std::collections::HashSet;

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

    /// The panes that are lists of items (all but the Text pane).
    pub const LISTS: [Pane; 5] = [
        Pane::Timeline,
        Pane::Actors,
        Pane::Provisions,
        Pane::Recommendations,
        Pane::Argument,
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
}

/// The list panes, each by name.
#[derive(Debug, Clone)]
pub struct Lists {
    pub timeline: ListPane,
    pub actors: ListPane,
    pub provisions: ListPane,
    pub recommendations: ListPane,
    pub argument: ListPane,
}

impl Lists {
    fn new(model: &Model, collapsed: &HashSet<usize>, chronological: bool) -> Lists {
        Lists {
            timeline: lists::timeline(model, chronological),
            actors: lists::actors(model),
            provisions: lists::in_order(model, Kind::Provision),
            recommendations: lists::in_order(model, Kind::Recommendation),
            argument: lists::argument(model, collapsed),
        }
    }

    /// The list of a pane; the Text pane has none.
    pub fn get(&self, pane: Pane) -> Option<&ListPane> {
        match pane {
            Pane::Timeline => Some(&self.timeline),
            Pane::Actors => Some(&self.actors),
            Pane::Provisions => Some(&self.provisions),
            Pane::Recommendations => Some(&self.recommendations),
            Pane::Argument => Some(&self.argument),
            Pane::Text => None,
        }
    }

    pub fn get_mut(&mut self, pane: Pane) -> Option<&mut ListPane> {
        match pane {
            Pane::Timeline => Some(&mut self.timeline),
            Pane::Actors => Some(&mut self.actors),
            Pane::Provisions => Some(&mut self.provisions),
            Pane::Recommendations => Some(&mut self.recommendations),
            Pane::Argument => Some(&mut self.argument),
            Pane::Text => None,
        }
    }

    /// Every list, in the panes' order.
    pub fn iter(&self) -> impl Iterator<Item = &ListPane> {
        [
            &self.timeline,
            &self.actors,
            &self.provisions,
            &self.recommendations,
            &self.argument,
        ]
        .into_iter()
    }
}

/// Display options from the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub ascii: bool,
    pub mouse: bool,
    pub color: bool,
}

/// What the reader is doing in the panes. Views and overlays stack above this in
/// [`App::layers`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Moving in a pane.
    Browse,
    /// In the detail's links (or the Text pane's "quoted by" list).
    Links,
    /// Typing a search or a filter for the focused pane.
    Prompt(search::Prompt),
}

/// I/O that `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52); made by [`App::copy_text`] only, which
    /// sanitizes it.
    Copy(String),
    /// Suspend to the shell.
    Suspend,
    /// Open this http(s) URL with the system's opener (never through a shell).
    Open(String),
    /// Run the reader's editor on the document's file at this item's line.
    Edit(usize),
    /// Save the map, as the session has changed it, to this new file, and go on there.
    SaveAs(std::path::PathBuf),
    /// Read the file again, someone else's version, keeping the reader's as a copy beside it.
    ReloadKeepingCopy,
}

/// The whole state of the explorer.
#[derive(Debug, Clone)]
pub struct App {
    pub model: Model,
    pub keymap: Keymap,
    pub options: Options,
    /// The glyph table, chosen once from `options.ascii`.
    pub glyphs: &'static Glyphs,
    pub size: Rect,
    pub focus: Pane,
    pub lists: Lists,
    pub text: TextPane,
    pub mode: Mode,
    /// The views and overlays over the panes, the top one last: `Esc` closes the top one.
    pub layers: Vec<Layer>,
    /// What outlives an open view: the item marked for comparison, cursors to come back to.
    pub memory: ViewMemory,
    /// The selected link in the detail.
    pub link: usize,
    /// How far the detail is scrolled, and for which item.
    pub detail: crate::panes::detail::DetailScroll,
    pub history: History,
    pub chronological: bool,
    /// Argument nodes whose children are hidden.
    pub collapsed: HashSet<usize>,
    /// The search in progress or last accepted, with its matches.
    pub search: Option<search::Search>,
    /// Set by a jump made while a view was on top: the history entry of the place it left,
    /// which gets the view's state once the view has acted (see `update_layers`).
    pub(crate) jumped_from: Option<usize>,
    /// Earlier search and filter queries.
    pub query_history: search::QueryHistory,
    /// A message for the status line; cleared by the next key.
    pub message: Option<String>,
    /// Every message of the session, oldest first (the message log, `M`), at most
    /// [`App::LOG_LIMIT`].
    pub log: std::collections::VecDeque<String>,
    /// How many messages the session has logged (the log keeps the last ones): what tells the
    /// message log's view that it has new ones.
    pub logged: usize,
    pub effects: Vec<Effect>,
    pub quit: bool,
    /// Styles: the theme, with the configuration's colours.
    pub theme: crate::theme::Theme,
    /// The document's file, when it has one (not the built-in map): what `e` opens and what live
    /// reload watches.
    pub file: Option<std::path::PathBuf>,
    /// The problems of the file's newest version when it did not load; the map on screen is the
    /// last good one.
    pub problems: Option<Vec<crate::model::Problem>>,
    /// Changes made in the explorer: their undo and redo, and where they are saved.
    pub edits: annotate::Editing,
    /// Printed on standard error once the screen is restored (where a refused save was kept).
    pub exit_note: Option<String>,
}

impl App {
    /// The most messages the log keeps; the oldest go first.
    pub const LOG_LIMIT: usize = 500;

    pub fn new(model: Model, options: Options) -> App {
        let collapsed = HashSet::new();
        let lists = Lists::new(&model, &collapsed, true);
        // The text is wrapped on the first `Resize`, which every front end sends before it
        // draws: wrapping a large text for a size that is about to change would be the
        // slowest and largest step of opening it.
        let text = TextPane::new(&model);
        App {
            model,
            keymap: Keymap::default(),
            options,
            glyphs: Glyphs::new(options.ascii),
            size: Rect::new(0, 0, 80, 24),
            focus: Pane::Timeline,
            lists,
            text,
            mode: Mode::Browse,
            layers: Vec::new(),
            memory: ViewMemory::default(),
            link: 0,
            detail: Default::default(),
            history: History::default(),
            chronological: true,
            collapsed,
            search: None,
            jumped_from: None,
            query_history: search::QueryHistory::default(),
            message: None,
            log: Default::default(),
            logged: 0,
            effects: Vec::new(),
            quit: false,
            theme: crate::theme::Theme::new(options.color),
            file: None,
            problems: None,
            edits: annotate::Editing::default(),
            exit_note: None,
        }
    }

    /// The list of a list pane.
    pub fn list(&self, pane: Pane) -> Option<&ListPane> {
        self.lists.get(pane)
    }

    fn list_mut(&mut self, pane: Pane) -> Option<&mut ListPane> {
        self.lists.get_mut(pane)
    }

    /// The item the screen shows as selected, the one every key acts on: the selection of a list
    /// pane, or the Text pane's (see `text_selected_item`).
    pub fn selected_item(&self) -> Option<usize> {
        match self.list(self.focus) {
            Some(list) => list.selected_item(),
            None => self.text_selected_item(),
        }
    }

    /// Puts `text` on the clipboard, sanitized (no control character but newline and tab, no
    /// bidirectional override), and says what was copied.
    pub fn copy_text(&mut self, text: &str, what: String) {
        let clean = crate::model::sanitize::clipboard(text).into_owned();
        self.effects.push(Effect::Copy(clean));
        self.message = Some(format!("copied {what}"));
    }

    /// Says why a key that acts on the selected item has none to act on.
    pub fn no_item(&mut self) {
        let several = self.text.current.map_or(0, |p| self.text.quoting(p).len());
        self.message = Some(if self.focus == Pane::Text && several > 1 {
            format!("{several} items quote this passage: Enter, then choose one in \"Quoted by\"")
        } else if self.focus == Pane::Text {
            "no passage selected: } goes to the next quoted passage".into()
        } else {
            format!("{} is empty", self.focus.title())
        });
    }

    /// The layout of the current screen.
    pub fn screen(&self) -> layout::Screen {
        layout::screen(self.size, self.focus, self.mode == Mode::Links)
    }

    /// The view or overlay on top, if any.
    pub fn top(&self) -> Option<&Layer> {
        self.layers.last()
    }

    /// Which view or overlay is on top, if any.
    pub fn shown(&self) -> Option<ViewKind> {
        self.top().map(Layer::kind)
    }

    /// Which keymap applies now.
    pub fn key_mode(&self) -> KeyMode {
        if let Some(layer) = self.top() {
            return layer.key_mode();
        }
        match &self.mode {
            Mode::Prompt(_) => KeyMode::Prompt,
            Mode::Links => KeyMode::Links,
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
            None if matches!(
                mode,
                KeyMode::Prompt | KeyMode::Palette | KeyMode::Pick | KeyMode::Form
            ) =>
            {
                if let Some(c) = key.typed() {
                    self.update(Action::PromptInsert(c));
                }
            }
            None => {
                // Said with where it does something, when it does: `a` in a list pane points
                // to the Text pane.
                self.message = Some(match self.keymap.elsewhere(key) {
                    Some((mode, what)) => {
                        format!("{key} does nothing here — in {}: {what}", mode.title())
                    }
                    None => format!("{key} does nothing here — ? lists the keys"),
                });
                self.log_message();
            }
        }
    }

    /// Whether the screen is on `place`'s page (`Place::same_page`), judged from the live state
    /// without making a place of it.
    pub fn on_page(&self, place: &Place) -> bool {
        let top = self
            .layers
            .iter()
            .rfind(|l| !l.is_overlay())
            .map(Layer::kind);
        let item = self.selected_item();
        place.pane == self.focus
            && place.item == item
            && place.layers.last().map(Layer::kind) == top
            && (self.focus != Pane::Text || item.is_some() || place.passage == self.text.current)
    }

    /// Where the reader is, for history: everything needed to put the screen back as it is.
    pub fn place(&self) -> Place {
        let list = self.list(self.focus);
        Place {
            pane: self.focus,
            item: self.selected_item(),
            row: list.map_or(0, |l| l.selected),
            offset: list.map_or(0, |l| l.offset),
            links: self.mode == Mode::Links,
            link: self.link,
            detail_top: if self.focus == Pane::Text {
                self.text.panel_top
            } else {
                self.detail.top
            },
            text_top: self.text.top,
            passage: self.text.current,
            quoting: self.text.link,
            text_item: self.text.item,
            text_cursor: self.text.cursor,
            others: Pane::LISTS
                .iter()
                .filter(|&&p| p != self.focus)
                .filter_map(|&pane| {
                    let l = self.list(pane)?;
                    Some(history::ListPlace {
                        pane,
                        item: l.selected_item(),
                        row: l.selected,
                        offset: l.offset,
                    })
                })
                .collect(),
            collapsed: (self.focus == Pane::Argument).then(|| self.collapsed.clone()),
            layers: self
                .layers
                .iter()
                .filter(|l| !l.is_overlay())
                .cloned()
                .collect(),
        }
    }
}
