//! The keymap: one table per mode, mapping keys to actions with a description each. The help
//! overlay and the footer hints are generated from the same table, so they cannot drift.

use super::Pane;
use super::action::Action;
use super::keys::{self, Key};

/// The modes that have keys of their own, one line each: the variant, its doc, its name in the
/// configuration file (pinned: `config::tests::configuration_names_are_pinned`), its title in
/// the help, and the mode whose keys apply when it has none for a key.
macro_rules! modes {
    ($($(#[doc = $doc:literal])* $mode:ident: $name:literal, $title:literal, $fallback:expr;)*) => {
        /// The modes that have keys of their own.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum KeyMode {
            $($(#[doc = $doc])* $mode,)*
        }

        impl KeyMode {
            /// Every mode, in the help's order.
            pub const ALL: [KeyMode; [$(KeyMode::$mode),*].len()] = [$(KeyMode::$mode),*];

            /// The mode's name in the configuration file (`[keys.normal]`), written out so that
            /// renaming a variant cannot break a reader's file.
            pub fn config_name(self) -> &'static str {
                match self {
                    $(KeyMode::$mode => $name,)*
                }
            }

            pub fn title(self) -> &'static str {
                match self {
                    $(KeyMode::$mode => $title,)*
                }
            }

            /// The mode whose keys also apply when this one has none for a key.
            fn fallback(self) -> Option<KeyMode> {
                match self {
                    $(KeyMode::$mode => $fallback,)*
                }
            }
        }
    };
}

modes! {
    /// Browsing a list pane.
    Normal: "normal", "Lists (every pane)", None;
    /// Focus in the detail's links (or the Text pane's "quoted by" list).
    Links: "links", "Detail links", Some(KeyMode::Normal);
    /// Browsing the Text pane.
    Text: "text", "Text pane", Some(KeyMode::Normal);
    /// Browsing the Argument pane.
    Argument: "argument", "Argument pane", Some(KeyMode::Normal);
    /// Typing a search or filter query.
    Prompt: "prompt", "Search and filter prompt", None;
    /// Typing in the palette that jumps to any item.
    Palette: "palette", "Palette (jump to any item)", Some(KeyMode::Prompt);
    /// Every side-by-side view (the keys below fall back to these).
    View: "view", "Side-by-side views (compare, comparisons, matrix, map)", None;
    /// Two items side by side.
    Compare: "compare", "Compare two items (c, then c on another)", Some(KeyMode::View);
    /// The list of prepared comparisons.
    Comparisons: "comparisons", "Prepared comparisons (C)", Some(KeyMode::View);
    /// One prepared comparison.
    Prepared: "prepared", "A prepared comparison", Some(KeyMode::View);
    /// The provisions × recommendations matrix.
    Matrix: "matrix", "Provisions × recommendations matrix (x)", Some(KeyMode::View);
    /// The map of an item's links.
    Map: "map", "Map of an item's links (m)", Some(KeyMode::View);
    /// The help overlay.
    Help: "help", "Help", None;
    /// The log of the session's messages.
    Messages: "messages", "Message log (M)", None;
    /// The problems of the file's newest version.
    Problems: "problems", "Problems of the file's newest version (P)", None;
    /// The annotation form: an item's fields (a, E) or a link's (L, E on a link).
    Form: "form", "Annotation form (a, E, L)", None;
    /// A question to answer yes or no (D).
    Confirm: "confirm", "Confirmation (D)", None;
    /// The palette picking an item for an annotation (A, L).
    Pick: "pick", "Palette picking an item (A, L)", Some(KeyMode::Palette);
}

/// One binding: the keys, the action and what it does in the reader's words.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub desc: &'static str,
    /// Shown in the footer of its mode.
    pub hint: bool,
}

/// The defaults: (mode, keys in vim notation, action, description, footer hint).
type Row = (KeyMode, &'static [&'static str], Action, &'static str, bool);

#[rustfmt::skip]
const DEFAULTS: &[Row] = &[
    (KeyMode::Normal, &["q", "<C-c>"], Action::Quit, "quit", true),
    (KeyMode::Normal, &["?"], Action::Help, "help: every key", true),
    (KeyMode::Normal, &["<Esc>"], Action::Escape, "leave detail; clear search, then filter", false),
    (KeyMode::Normal, &["<Tab>"], Action::NextPane, "next pane", false),
    (KeyMode::Normal, &["<S-Tab>"], Action::PrevPane, "previous pane", false),
    (KeyMode::Normal, &["1"], Action::Focus(Pane::Timeline), "Timeline", false),
    (KeyMode::Normal, &["2"], Action::Focus(Pane::Actors), "Actors", false),
    (KeyMode::Normal, &["3"], Action::Focus(Pane::Provisions), "Provisions", false),
    (KeyMode::Normal, &["4"], Action::Focus(Pane::Recommendations), "Recommendations", false),
    (KeyMode::Normal, &["5"], Action::Focus(Pane::Argument), "Argument", false),
    (KeyMode::Normal, &["6"], Action::Focus(Pane::Text), "Text", false),
    (KeyMode::Normal, &["j", "<Down>"], Action::Down, "move down", false),
    (KeyMode::Normal, &["k", "<Up>"], Action::Up, "move up", false),
    (KeyMode::Normal, &["g", "<Home>"], Action::First, "first", false),
    (KeyMode::Normal, &["G", "<End>"], Action::Last, "last", false),
    (KeyMode::Normal, &["<PgDn>"], Action::PageDown, "page down", false),
    (KeyMode::Normal, &["<PgUp>"], Action::PageUp, "page up", false),
    (KeyMode::Normal, &["<C-d>"], Action::HalfPageDown, "half a page down", false),
    (KeyMode::Normal, &["<C-u>"], Action::HalfPageUp, "half a page up", false),
    (KeyMode::Normal, &["<C-e>"], Action::DetailLineDown, "scroll the detail down a line", false),
    (KeyMode::Normal, &["<C-y>"], Action::DetailLineUp, "scroll the detail up a line", false),
    (KeyMode::Normal, &["<C-f>", "<A-Down>"], Action::DetailPageDown, "scroll the detail down a page", false),
    (KeyMode::Normal, &["<C-b>", "<A-Up>"], Action::DetailPageUp, "scroll the detail up a page", false),
    (KeyMode::Normal, &["<Enter>", "l", "<Right>"], Action::IntoLinks, "into the detail's links", true),
    (KeyMode::Normal, &["<BS>", "["], Action::Back, "back in history", true),
    (KeyMode::Normal, &["]"], Action::Forward, "forward in history", false),
    (KeyMode::Normal, &["/"], Action::StartSearch, "search this pane", true),
    (KeyMode::Normal, &["n"], Action::NextMatch, "next match", false),
    (KeyMode::Normal, &["N"], Action::PrevMatch, "previous match", false),
    (KeyMode::Normal, &["f"], Action::StartFilter, "filter this pane", true),
    (KeyMode::Normal, &[":"], Action::OpenPalette, "jump to any item (every pane)", true),
    (KeyMode::Normal, &["t"], Action::ShowInText, "show the item in the text", true),
    (KeyMode::Normal, &["o"], Action::ToggleOrder, "Timeline: chronological / article order", false),
    (KeyMode::Normal, &["y"], Action::Copy, "copy the quotes with a citation", false),
    (KeyMode::Normal, &["O"], Action::OpenSource, "open the document's url in the browser", false),
    (KeyMode::Normal, &["e"], Action::EditExternally, "edit the item in $VISUAL or $EDITOR; reload after", false),
    (KeyMode::Normal, &["P"], Action::ShowProblems, "list the problems of the file's newest version", false),
    (KeyMode::Normal, &["<C-z>"], Action::Suspend, "suspend (fg resumes)", false),
    (KeyMode::Links, &["j", "<Down>"], Action::Down, "next link", true),
    (KeyMode::Links, &["k", "<Up>"], Action::Up, "previous link", true),
    (KeyMode::Links, &["g", "<Home>"], Action::First, "first link", false),
    (KeyMode::Links, &["G", "<End>"], Action::Last, "last link", false),
    (KeyMode::Links, &["<Enter>"], Action::FollowLink, "follow the link (into history)", true),
    (KeyMode::Links, &["h", "<Left>", "<Esc>"], Action::OutOfLinks, "back to the list", true),
    (KeyMode::Text, &["j", "<Down>"], Action::Down, "scroll down", false),
    (KeyMode::Text, &["k", "<Up>"], Action::Up, "scroll up", false),
    (KeyMode::Text, &["}", "J"], Action::NextPassage, "next quoted passage", true),
    (KeyMode::Text, &["{", "K"], Action::PrevPassage, "previous quoted passage", true),
    (KeyMode::Text, &["<Enter>", "l", "<Right>"], Action::IntoLinks, "into the items quoting the passage", true),
    (KeyMode::Text, &["w"], Action::NextWord, "cursor to the next word", false),
    (KeyMode::Text, &["b"], Action::PrevWord, "cursor to the start of the word, or of the one before", false),
    (KeyMode::Text, &[")"], Action::NextSentence, "cursor to the next sentence", false),
    (KeyMode::Text, &["("], Action::PrevSentence, "cursor to the start of the sentence, or of the one before", false),
    (KeyMode::Text, &["0"], Action::LineStart, "cursor to the start of the screen line", false),
    (KeyMode::Text, &["$"], Action::LineEnd, "cursor to the end of the screen line", false),
    (KeyMode::Text, &["v"], Action::ToggleSelection, "select from the cursor (on a search match: the match)", true),
    (KeyMode::Text, &["y"], Action::Copy, "copy the selection, else the passage with a citation", false),
    (KeyMode::Text, &["<Esc>"], Action::Escape, "end the selection; clear the search", false),
    (KeyMode::Prompt, &["<Enter>"], Action::PromptAccept, "keep the result", true),
    (KeyMode::Prompt, &["<Esc>"], Action::PromptCancel, "cancel: back to where you were", true),
    (KeyMode::Prompt, &["<BS>"], Action::PromptBackspace, "delete the character before the cursor", false),
    (KeyMode::Prompt, &["<Del>"], Action::PromptDelete, "delete the character at the cursor", false),
    (KeyMode::Prompt, &["<C-w>"], Action::PromptDeleteWord, "delete the word before the cursor", false),
    (KeyMode::Prompt, &["<C-u>"], Action::PromptClear, "delete to the start (all of it, from the end)", false),
    (KeyMode::Prompt, &["<C-k>"], Action::PromptDeleteToEnd, "delete to the end", false),
    (KeyMode::Prompt, &["<Left>"], Action::PromptLeft, "cursor left a character", false),
    (KeyMode::Prompt, &["<Right>"], Action::PromptRight, "cursor right a character", false),
    (KeyMode::Prompt, &["<Home>", "<C-a>"], Action::PromptHome, "cursor to the start", false),
    (KeyMode::Prompt, &["<End>", "<C-e>"], Action::PromptEnd, "cursor to the end", false),
    (KeyMode::Prompt, &["<A-b>", "<C-Left>"], Action::PromptWordLeft, "cursor back a word", false),
    (KeyMode::Prompt, &["<A-f>", "<C-Right>"], Action::PromptWordRight, "cursor forward a word", false),
    (KeyMode::Prompt, &["<Up>"], Action::PromptOlder, "older query", true),
    (KeyMode::Prompt, &["<Down>"], Action::PromptNewer, "newer query", false),
    (KeyMode::Prompt, &["<C-c>"], Action::Quit, "quit", false),
    (KeyMode::Palette, &["<Up>", "<C-k>", "<S-Tab>"], Action::PromptOlder, "result above", true),
    (KeyMode::Palette, &["<Down>", "<C-j>", "<Tab>"], Action::PromptNewer, "result below", true),
    (KeyMode::Palette, &["<Enter>"], Action::PromptAccept, "jump to the item (into history)", true),
    (KeyMode::Help, &["j", "<Down>"], Action::Down, "scroll down", false),
    (KeyMode::Help, &["k", "<Up>"], Action::Up, "scroll up", false),
    (KeyMode::Help, &["<PgDn>", "<C-d>"], Action::PageDown, "page down", false),
    (KeyMode::Help, &["<PgUp>", "<C-u>"], Action::PageUp, "page up", false),
    (KeyMode::Help, &["g", "<Home>"], Action::First, "top", false),
    (KeyMode::Help, &["G", "<End>"], Action::Last, "bottom", false),
    (KeyMode::Help, &["/"], Action::StartSearch, "search the help", true),
    (KeyMode::Help, &["n"], Action::NextMatch, "next match", false),
    (KeyMode::Help, &["N"], Action::PrevMatch, "previous match", false),
    (KeyMode::Help, &["<Esc>", "?", "q"], Action::Escape, "clear the search, or close help", true),
    (KeyMode::Help, &["<C-c>"], Action::Quit, "quit", false),
    (KeyMode::Normal, &["c"], Action::CompareMark, "compare: mark, or compare with the marked item", true),
    (KeyMode::Normal, &["C"], Action::Comparisons, "the document's prepared comparisons", true),
    (KeyMode::Normal, &["x"], Action::Matrix, "provisions × recommendations matrix", true),
    (KeyMode::Normal, &["m"], Action::Map, "map of the item's links", true),
    (KeyMode::Normal, &["M"], Action::MessageLog, "the session's messages, whole", true),
    (KeyMode::Messages, &["j", "<Down>"], Action::Down, "scroll down", false),
    (KeyMode::Messages, &["k", "<Up>"], Action::Up, "scroll up", false),
    (KeyMode::Messages, &["<PgDn>", "<C-d>"], Action::PageDown, "page down", false),
    (KeyMode::Messages, &["<PgUp>", "<C-u>"], Action::PageUp, "page up", false),
    (KeyMode::Messages, &["g", "<Home>"], Action::First, "oldest", false),
    (KeyMode::Messages, &["G", "<End>"], Action::Last, "newest", false),
    (KeyMode::Messages, &["<Esc>", "M", "q"], Action::Escape, "close", true),
    (KeyMode::Messages, &["<C-c>"], Action::Quit, "quit", false),
    (KeyMode::Problems, &["j", "<Down>"], Action::Down, "scroll down", false),
    (KeyMode::Problems, &["k", "<Up>"], Action::Up, "scroll up", false),
    (KeyMode::Problems, &["<PgDn>", "<C-d>"], Action::PageDown, "page down", false),
    (KeyMode::Problems, &["<PgUp>", "<C-u>"], Action::PageUp, "page up", false),
    (KeyMode::Problems, &["g", "<Home>"], Action::First, "first", false),
    (KeyMode::Problems, &["G", "<End>"], Action::Last, "last", false),
    (KeyMode::Problems, &["<Esc>", "P", "q"], Action::Escape, "close", true),
    (KeyMode::Problems, &["<C-c>"], Action::Quit, "quit", false),
    (KeyMode::Argument, &["<Space>", "z"], Action::ToggleFold, "fold / unfold", true),
    (KeyMode::Argument, &["Z"], Action::FoldAll, "fold all under the thesis / unfold all", false),
    (KeyMode::View, &["<Esc>"], Action::Escape, "close", true),
    (KeyMode::View, &["q", "<C-c>"], Action::Quit, "quit", false),
    (KeyMode::View, &["?"], Action::Help, "help: every key", true),
    (KeyMode::View, &["j", "<Down>"], Action::Down, "move down", false),
    (KeyMode::View, &["k", "<Up>"], Action::Up, "move up", false),
    (KeyMode::View, &["g", "<Home>"], Action::First, "first", false),
    (KeyMode::View, &["G", "<End>"], Action::Last, "last", false),
    (KeyMode::View, &["<PgDn>"], Action::PageDown, "page down", false),
    (KeyMode::View, &["<PgUp>"], Action::PageUp, "page up", false),
    (KeyMode::View, &["<C-d>"], Action::HalfPageDown, "half a page down", false),
    (KeyMode::View, &["<C-u>"], Action::HalfPageUp, "half a page up", false),
    (KeyMode::View, &["<C-e>"], Action::DetailLineDown, "scroll the text down a line", false),
    (KeyMode::View, &["<C-y>"], Action::DetailLineUp, "scroll the text up a line", false),
    (KeyMode::View, &["<C-f>", "<A-Down>"], Action::DetailPageDown, "scroll the text down a page", false),
    (KeyMode::View, &["<C-b>", "<A-Up>"], Action::DetailPageUp, "scroll the text up a page", false),
    (KeyMode::View, &["<Enter>"], Action::Open, "open the item (into history)", true),
    (KeyMode::View, &["y"], Action::Copy, "copy: a comparison as a Markdown table, the matrix as CSV", false),
    (KeyMode::View, &["<BS>", "["], Action::Back, "back in history", false),
    (KeyMode::View, &["]"], Action::Forward, "forward in history", false),
    (KeyMode::View, &["<C-z>"], Action::Suspend, "suspend (fg resumes)", false),
    (KeyMode::Compare, &["<Tab>", "<S-Tab>"], Action::SwitchSide, "other column", true),
    (KeyMode::Compare, &["h", "<Left>"], Action::Left, "left column", false),
    (KeyMode::Compare, &["l", "<Right>"], Action::Right, "right column", false),
    (KeyMode::Compare, &["s"], Action::SwapSides, "swap sides", true),
    (KeyMode::Compare, &["<Enter>"], Action::Open, "open (into history)", true),
    (KeyMode::Comparisons, &["<Enter>"], Action::Open, "open the comparison", true),
    (KeyMode::Prepared, &["j", "<Down>"], Action::Down, "move down, both columns together", false),
    (KeyMode::Prepared, &["<Tab>", "<S-Tab>"], Action::SwitchSide, "other column", true),
    (KeyMode::Prepared, &["h", "<Left>"], Action::Left, "left column", false),
    (KeyMode::Prepared, &["l", "<Right>"], Action::Right, "right column", false),
    (KeyMode::Prepared, &["<Esc>"], Action::Escape, "clear search, or back", true),
    (KeyMode::Prepared, &["/"], Action::StartSearch, "search this comparison", true),
    (KeyMode::Prepared, &["n"], Action::NextMatch, "next match", false),
    (KeyMode::Prepared, &["N"], Action::PrevMatch, "previous match", false),
    (KeyMode::Matrix, &["h", "<Left>"], Action::Left, "column left", false),
    (KeyMode::Matrix, &["l", "<Right>"], Action::Right, "column right", false),
    (KeyMode::Matrix, &["<Enter>"], Action::Open, "open the recommendation", true),
    (KeyMode::Matrix, &["p"], Action::OpenRow, "open the provision", false),
    (KeyMode::Matrix, &["u"], Action::NextUnaddressed, "next unaddressed provision", true),
    (KeyMode::Matrix, &["U"], Action::PrevUnaddressed, "previous unaddressed provision", false),
    (KeyMode::Map, &["h", "<Left>"], Action::Left, "incoming side", true),
    (KeyMode::Map, &["l", "<Right>"], Action::Right, "outgoing side", true),
    (KeyMode::Map, &["<Enter>"], Action::Open, "re-centre (into history)", true),
    (KeyMode::Map, &["<BS>", "["], Action::Back, "back in history (re-centres)", false),
    (KeyMode::Map, &["]"], Action::Forward, "forward in history", false),
    // Annotation: the engine's keys (undo, redo, saving).
    (KeyMode::Normal, &["u"], Action::Undo, "undo the last change of the map", false),
    (KeyMode::Normal, &["<C-r>"], Action::Redo, "redo the change undone", false),
    (KeyMode::Normal, &["W"], Action::SaveAs, "save the map to a new file (the built-in map, or after a refused save)", false),
    (KeyMode::Normal, &["R"], Action::ReloadKeepingCopy, "after a refused save: reload the file, keeping yours as a copy beside it", false),
    // Annotation: the forms and flows (issue 20). One block, to ease merges.
    (KeyMode::Text, &["a"], Action::AddItem, "add an item quoting the selection", false),
    (KeyMode::Text, &["A"], Action::AddQuote, "add the selection as a quote of an item (palette)", false),
    (KeyMode::Normal, &["L"], Action::LinkItem, "link the item to another (palette, then relation)", false),
    (KeyMode::Normal, &["E"], Action::EditItem, "edit the item's fields", false),
    (KeyMode::Normal, &["D"], Action::DeleteItem, "delete the item (asks first)", false),
    (KeyMode::Links, &["E"], Action::EditLink, "edit the link (relation, note, group); in Quoted by, the item", false),
    (KeyMode::Links, &["D"], Action::RemoveLink, "remove the link; in Quoted by, the item's quote of the passage", false),
    (KeyMode::Form, &["<Tab>", "<Down>", "<Enter>"], Action::NextField, "next field", true),
    (KeyMode::Form, &["<S-Tab>", "<Up>"], Action::PrevField, "previous field", false),
    (KeyMode::Form, &["<Left>"], Action::Left, "cursor left a character; a choice: previous", false),
    (KeyMode::Form, &["<Right>"], Action::Right, "cursor right a character; a choice: next (Space too)", false),
    (KeyMode::Form, &["<C-s>"], Action::Save, "save", true),
    (KeyMode::Form, &["<Esc>"], Action::Escape, "cancel (asks when something was typed)", true),
    (KeyMode::Form, &["<BS>"], Action::PromptBackspace, "delete the character before the cursor", false),
    (KeyMode::Form, &["<Del>"], Action::PromptDelete, "delete the character at the cursor", false),
    (KeyMode::Form, &["<C-w>"], Action::PromptDeleteWord, "delete the word before the cursor", false),
    (KeyMode::Form, &["<C-u>"], Action::PromptClear, "delete to the start (all of it, from the end)", false),
    (KeyMode::Form, &["<C-k>"], Action::PromptDeleteToEnd, "delete to the end", false),
    (KeyMode::Form, &["<Home>", "<C-a>"], Action::PromptHome, "cursor to the start", false),
    (KeyMode::Form, &["<End>", "<C-e>"], Action::PromptEnd, "cursor to the end", false),
    (KeyMode::Form, &["<A-b>", "<C-Left>"], Action::PromptWordLeft, "cursor back a word", false),
    (KeyMode::Form, &["<A-f>", "<C-Right>"], Action::PromptWordRight, "cursor forward a word", false),
    (KeyMode::Form, &["<C-c>"], Action::Quit, "quit", false),
    (KeyMode::Confirm, &["y", "<Enter>"], Action::Confirm, "yes", true),
    (KeyMode::Confirm, &["n", "<Esc>"], Action::Escape, "no", true),
    (KeyMode::Confirm, &["j", "<Down>"], Action::Down, "scroll down", false),
    (KeyMode::Confirm, &["k", "<Up>"], Action::Up, "scroll up", false),
    (KeyMode::Confirm, &["<PgDn>"], Action::PageDown, "scroll down a page", false),
    (KeyMode::Confirm, &["<PgUp>"], Action::PageUp, "scroll up a page", false),
    (KeyMode::Confirm, &["<C-c>"], Action::Quit, "quit", false),
    (KeyMode::Pick, &["<Enter>"], Action::PromptAccept, "pick the item", true),
];

/// The live keymap: the defaults, possibly rebound.
#[derive(Debug, Clone)]
pub struct Keymap {
    modes: Vec<(KeyMode, Vec<Binding>)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let mut modes: Vec<(KeyMode, Vec<Binding>)> =
            KeyMode::ALL.iter().map(|&m| (m, Vec::new())).collect();
        for &(mode, notations, action, desc, hint) in DEFAULTS {
            let keys = notations
                .iter()
                .flat_map(|n| {
                    keys::parse(n).unwrap_or_else(|e| panic!("default keymap notation {n:?}: {e}"))
                })
                .collect();
            let bindings = &mut modes
                .iter_mut()
                .find(|(m, _)| *m == mode)
                .expect("every mode is listed")
                .1;
            bindings.push(Binding {
                keys,
                action,
                desc,
                hint,
            });
        }
        Keymap { modes }
    }
}

impl Keymap {
    /// The bindings of one mode, in table order.
    pub fn bindings(&self, mode: KeyMode) -> &[Binding] {
        self.modes
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[], |(_, b)| b)
    }

    /// The action of `key` in `mode`, falling back to the general keys.
    pub fn lookup(&self, mode: KeyMode, key: Key) -> Option<Action> {
        let mut m = Some(mode);
        while let Some(mode) = m {
            if let Some(b) = self.bindings(mode).iter().find(|b| b.keys.contains(&key)) {
                return Some(b.action);
            }
            m = mode.fallback();
        }
        None
    }

    /// Where else `key` does something, for the message of a key pressed where it does nothing:
    /// the first mode (in the help's order) that binds it, and what it does there.
    pub fn elsewhere(&self, key: Key) -> Option<(KeyMode, &'static str)> {
        KeyMode::ALL.iter().find_map(|&mode| {
            self.bindings(mode)
                .iter()
                .find(|b| b.keys.contains(&key))
                .map(|b| (mode, b.desc))
        })
    }

    /// The first key bound to `action` in `mode` (or its fallback), for hints and messages.
    pub fn key_for(&self, mode: KeyMode, action: Action) -> Option<Key> {
        let mut m = Some(mode);
        while let Some(mode) = m {
            if let Some(b) = self.bindings(mode).iter().find(|b| b.action == action) {
                return b.keys.first().copied();
            }
            m = mode.fallback();
        }
        None
    }

    /// The footer's short name for an action, where its description is long: the footer names
    /// as many as fit, the views among them.
    fn footer_name(action: Action) -> Option<&'static str> {
        Some(match action {
            Action::Help => "help",
            Action::IntoLinks => "links",
            Action::Back => "back",
            Action::StartSearch => "search",
            Action::StartFilter => "filter",
            Action::OpenPalette => "jump to any item",
            Action::ShowInText => "in the text",
            Action::CompareMark => "compare",
            Action::Comparisons => "comparisons",
            Action::Matrix => "matrix",
            Action::Map => "map",
            Action::MessageLog => "messages",
            _ => return None,
        })
    }

    /// The footer: `key desc` pairs of the hinted bindings in effect in `mode`.
    pub fn hints(&self, mode: KeyMode) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        let mut layer = Some(mode);
        while let Some(l) = layer {
            for b in self.bindings(l).iter().filter(|b| b.hint) {
                // Only a key that still does this in `mode` (not shadowed by the mode's own keys).
                let Some(key) = b
                    .keys
                    .iter()
                    .find(|&&k| self.lookup(mode, k) == Some(b.action))
                else {
                    continue;
                };
                // A key shown once: the mode's own meaning wins over the fallback's.
                let name = key.to_string();
                let desc = if l == KeyMode::Normal {
                    Self::footer_name(b.action).unwrap_or(b.desc)
                } else {
                    b.desc
                };
                if !out.iter().any(|(k, d)| *d == desc || *k == name) {
                    out.push((name, desc));
                }
            }
            layer = l.fallback();
        }
        out
    }

    /// Rebinds `action` in `mode` to `keys`, removing those keys from other actions of the mode.
    pub fn rebind(&mut self, mode: KeyMode, action: Action, keys: Vec<Key>) -> bool {
        let Some((_, bindings)) = self.modes.iter_mut().find(|(m, _)| *m == mode) else {
            return false;
        };
        for b in bindings.iter_mut() {
            b.keys.retain(|k| !keys.contains(k));
        }
        match bindings.iter_mut().find(|b| b.action == action) {
            Some(b) => {
                b.keys = keys;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    #[test]
    fn defaults_parse_and_resolve() {
        let km = Keymap::default();
        assert_eq!(
            km.lookup(KeyMode::Normal, Key::char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            km.lookup(KeyMode::Links, Key::plain(KeyCode::Enter)),
            Some(Action::FollowLink)
        );
        assert_eq!(
            km.lookup(KeyMode::Normal, Key::plain(KeyCode::Enter)),
            Some(Action::IntoLinks)
        );
        // Links falls back to the general keys.
        assert_eq!(
            km.lookup(KeyMode::Links, Key::char('3')),
            Some(Action::Focus(Pane::Provisions))
        );
        // Help does not.
        assert_eq!(km.lookup(KeyMode::Help, Key::char('3')), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        let km = Keymap::default();
        for mode in KeyMode::ALL {
            let mut seen = Vec::new();
            for b in km.bindings(mode) {
                for k in &b.keys {
                    assert!(!seen.contains(k), "{k} is bound twice in {mode:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn the_line_keys_edit_lines_and_leave_the_other_modes_as_they_were() {
        let km = Keymap::default();
        let k = |n: &str| keys::parse(n).unwrap()[0];
        for mode in [
            KeyMode::Prompt,
            KeyMode::Palette,
            KeyMode::Pick,
            KeyMode::Form,
        ] {
            assert_eq!(
                km.lookup(mode, k("<C-a>")),
                Some(Action::PromptHome),
                "{mode:?}"
            );
            assert_eq!(
                km.lookup(mode, k("<End>")),
                Some(Action::PromptEnd),
                "{mode:?}"
            );
            assert_eq!(km.lookup(mode, k("<A-b>")), Some(Action::PromptWordLeft));
            assert_eq!(
                km.lookup(mode, k("<C-Right>")),
                Some(Action::PromptWordRight)
            );
            assert_eq!(km.lookup(mode, k("<Del>")), Some(Action::PromptDelete));
        }
        assert_eq!(
            km.lookup(KeyMode::Prompt, k("<Left>")),
            Some(Action::PromptLeft)
        );
        assert_eq!(
            km.lookup(KeyMode::Prompt, k("<C-k>")),
            Some(Action::PromptDeleteToEnd)
        );
        // The palette's Ctrl-k is still the result above; Up and Down still recall or select.
        assert_eq!(
            km.lookup(KeyMode::Palette, k("<C-k>")),
            Some(Action::PromptOlder)
        );
        assert_eq!(
            km.lookup(KeyMode::Prompt, k("<Up>")),
            Some(Action::PromptOlder)
        );
        // The form's Left and Right (a text field's cursor, a choice's cycle) and Up, Down.
        assert_eq!(km.lookup(KeyMode::Form, k("<Left>")), Some(Action::Left));
        assert_eq!(
            km.lookup(KeyMode::Form, k("<Down>")),
            Some(Action::NextField)
        );
        // Outside the lines, the keys do what they did.
        assert_eq!(
            km.lookup(KeyMode::Normal, k("<C-e>")),
            Some(Action::DetailLineDown)
        );
        assert_eq!(km.lookup(KeyMode::Normal, k("<Home>")), Some(Action::First));
        assert_eq!(
            km.lookup(KeyMode::Text, k("<C-u>")),
            Some(Action::HalfPageUp)
        );
    }

    #[test]
    fn rebinding_moves_the_key() {
        let mut km = Keymap::default();
        assert!(km.rebind(KeyMode::Normal, Action::Quit, vec![Key::char('Q')]));
        assert_eq!(
            km.lookup(KeyMode::Normal, Key::char('Q')),
            Some(Action::Quit)
        );
        assert_eq!(km.lookup(KeyMode::Normal, Key::char('q')), None);
    }
}
