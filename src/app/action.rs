//! Everything a reader can do: the keymap produces these, `update` consumes them, tests speak in
//! them.

use super::Pane;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave argscope.
    Quit,
    /// Open or close the help overlay.
    Help,
    /// Close the overlay, cancel the prompt, or leave the detail.
    Escape,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus one pane by number.
    Focus(Pane),
    /// Move the selection down one.
    Down,
    /// Move the selection up one.
    Up,
    /// Go to the first entry.
    First,
    /// Go to the last entry.
    Last,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Move focus into the selected item's links (or the passage's items, in the Text pane).
    IntoLinks,
    /// Back out of the links to the list.
    OutOfLinks,
    /// Follow the selected link to its item, into history.
    FollowLink,
    /// Go back in history.
    Back,
    /// Go forward in history.
    Forward,
    /// Show the selected item's first quote in the Text pane.
    ShowInText,
    /// Timeline: switch between chronological and article order.
    ToggleOrder,
    /// Copy the selected item's quotes with a citation to the clipboard.
    Copy,
    /// Scroll the detail down a line.
    DetailLineDown,
    /// Scroll the detail up a line.
    DetailLineUp,
    /// Scroll the detail down a page.
    DetailPageDown,
    /// Scroll the detail up a page.
    DetailPageUp,
    /// Open the document's `url` (http or https) with the system's opener.
    OpenSource,
    /// Open the selected item in `$VISUAL`/`$EDITOR` at the line of its id; reload after.
    EditExternally,
    /// List the problems of the file's newest version, when it did not load.
    ShowProblems,
    /// Text pane: go to the next quoted passage.
    NextPassage,
    /// Text pane: go to the previous quoted passage.
    PrevPassage,
    /// Text pane: the cursor to the start of the next word.
    NextWord,
    /// Text pane: the cursor to the start of the word (or of the one before).
    PrevWord,
    /// Text pane: the cursor to the start of the next sentence.
    NextSentence,
    /// Text pane: the cursor to the start of the sentence (or of the one before).
    PrevSentence,
    /// Text pane: the cursor to the start of its screen line.
    LineStart,
    /// Text pane: the cursor to the end of its screen line.
    LineEnd,
    /// Text pane: start a selection at the cursor (the current search match, when the cursor
    /// is on it), or end it.
    ToggleSelection,
    /// Search the focused pane as you type.
    StartSearch,
    /// Narrow the focused pane to matching items.
    StartFilter,
    /// Search every pane at once and jump to an item.
    OpenPalette,
    /// Go to the next match, wrapping around.
    NextMatch,
    /// Go to the previous match, wrapping around.
    PrevMatch,
    /// Type a character into the prompt.
    PromptInsert(char),
    /// Delete the character before the cursor.
    PromptBackspace,
    /// Delete the word before the cursor.
    PromptDeleteWord,
    /// Delete from the start of the line to the cursor (the whole line, the cursor at its end).
    PromptClear,
    /// Delete the character at the cursor.
    PromptDelete,
    /// Delete from the cursor to the end of the line.
    PromptDeleteToEnd,
    /// Move the cursor left a character.
    PromptLeft,
    /// Move the cursor right a character.
    PromptRight,
    /// Move the cursor to the start of the line.
    PromptHome,
    /// Move the cursor to the end of the line.
    PromptEnd,
    /// Move the cursor to the start of the word before it.
    PromptWordLeft,
    /// Move the cursor to the end of the word after it.
    PromptWordRight,
    /// Recall an older query (or, in the palette, select the result above).
    PromptOlder,
    /// Recall a newer query (or, in the palette, select the result below).
    PromptNewer,
    /// Keep the result (search, filter) or jump to the selected item (palette).
    PromptAccept,
    /// Leave the prompt and go back to where the reader was.
    PromptCancel,
    /// Suspend to the shell (Ctrl-z); `fg` resumes.
    Suspend,
    /// Mark the item for comparison, or compare it with the marked one.
    CompareMark,
    /// List the document's prepared comparisons.
    Comparisons,
    /// Open the provisions × recommendations matrix.
    Matrix,
    /// Open the map of the item's links.
    Map,
    /// Open the log of the session's messages.
    MessageLog,
    /// Argument: fold or unfold the selected claim's supporting and opposing claims.
    ToggleFold,
    /// Argument: fold every claim, or unfold all when some are folded.
    FoldAll,
    /// Views: move the cursor left (matrix column, map column, comparison side).
    Left,
    /// Views: move the cursor right.
    Right,
    /// Comparisons: move the cursor to the other column.
    SwitchSide,
    /// Free comparison: exchange the left and right items.
    SwapSides,
    /// Views: open what the cursor is on (an item into history, a comparison, a map centre).
    Open,
    /// Matrix: open the provision of the cursor's row (into history).
    OpenRow,
    /// Matrix: go to the next provision that no recommendation addresses.
    NextUnaddressed,
    /// Matrix: go to the previous provision that no recommendation addresses.
    PrevUnaddressed,
    /// Undo the last change of the map.
    Undo,
    /// Make again the last change undone.
    Redo,
    /// Save the map to another (new) file, and go on editing there.
    SaveAs,
    /// After a refused save: read the file again, keeping the reader's version beside it.
    ReloadKeepingCopy,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// A mouse click at a column and row.
    Click(u16, u16),
    /// The mouse wheel, down, at a column and row.
    WheelDown(u16, u16),
    /// The mouse wheel, up, at a column and row.
    WheelUp(u16, u16),
    // Annotation: the forms and flows (issue 20). One block, to ease merges.
    /// Text pane: add an item quoting the selection (opens the form).
    AddItem,
    /// Text pane: add the selection as another quote of an item chosen in the palette.
    AddQuote,
    /// Link the selected item to another: the palette, then the relation, note and group.
    LinkItem,
    /// Edit the selected item's fields in the form.
    EditItem,
    /// Delete the selected item, after a confirmation listing what names it.
    DeleteItem,
    /// Links: edit the selected link (relation, note, group); in "Quoted by", the item.
    EditLink,
    /// Links: remove the selected link; in "Quoted by", that item's quote of the passage.
    RemoveLink,
    /// Form: the next field.
    NextField,
    /// Form: the previous field.
    PrevField,
    /// Form: save (apply the change), keeping the form open when it is refused.
    Save,
    /// Confirmation: yes.
    Confirm,
    /// The mouse moved with its left button down, to a column and row (selects in the text).
    Drag(u16, u16),
}

impl Action {
    /// Whether the action edits a typed line (`LineInput::edit` applies it): the prompts and the
    /// form's text fields pass these on.
    pub fn is_line_edit(self) -> bool {
        matches!(
            self,
            Action::PromptInsert(_)
                | Action::PromptBackspace
                | Action::PromptDelete
                | Action::PromptDeleteWord
                | Action::PromptClear
                | Action::PromptDeleteToEnd
                | Action::PromptLeft
                | Action::PromptRight
                | Action::PromptHome
                | Action::PromptEnd
                | Action::PromptWordLeft
                | Action::PromptWordRight
        )
    }

    /// The action's name in the configuration file (`[keys.normal] quit = "Q"`). Written out,
    /// not derived from the variant's name, so that renaming a variant cannot break a reader's
    /// file; `config::tests::configuration_names_are_pinned` holds them.
    pub fn config_name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Escape => "escape",
            Action::NextPane => "next-pane",
            Action::PrevPane => "prev-pane",
            Action::Focus(Pane::Timeline) => "focus-timeline",
            Action::Focus(Pane::Actors) => "focus-actors",
            Action::Focus(Pane::Provisions) => "focus-provisions",
            Action::Focus(Pane::Recommendations) => "focus-recommendations",
            Action::Focus(Pane::Argument) => "focus-argument",
            Action::Focus(Pane::Text) => "focus-text",
            Action::Down => "down",
            Action::Up => "up",
            Action::First => "first",
            Action::Last => "last",
            Action::PageDown => "page-down",
            Action::PageUp => "page-up",
            Action::HalfPageDown => "half-page-down",
            Action::HalfPageUp => "half-page-up",
            Action::IntoLinks => "into-links",
            Action::OutOfLinks => "out-of-links",
            Action::FollowLink => "follow-link",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::ShowInText => "show-in-text",
            Action::ToggleOrder => "toggle-order",
            Action::Copy => "copy",
            Action::DetailLineDown => "detail-line-down",
            Action::DetailLineUp => "detail-line-up",
            Action::DetailPageDown => "detail-page-down",
            Action::DetailPageUp => "detail-page-up",
            Action::OpenSource => "open-source",
            Action::EditExternally => "edit-externally",
            Action::ShowProblems => "show-problems",
            Action::NextPassage => "next-passage",
            Action::PrevPassage => "prev-passage",
            Action::NextWord => "next-word",
            Action::PrevWord => "prev-word",
            Action::NextSentence => "next-sentence",
            Action::PrevSentence => "prev-sentence",
            Action::LineStart => "line-start",
            Action::LineEnd => "line-end",
            Action::ToggleSelection => "toggle-selection",
            Action::StartSearch => "start-search",
            Action::StartFilter => "start-filter",
            Action::OpenPalette => "open-palette",
            Action::NextMatch => "next-match",
            Action::PrevMatch => "prev-match",
            Action::PromptInsert(_) => "prompt-insert",
            Action::PromptBackspace => "prompt-backspace",
            Action::PromptDeleteWord => "prompt-delete-word",
            Action::PromptClear => "prompt-clear",
            Action::PromptDelete => "prompt-delete",
            Action::PromptDeleteToEnd => "prompt-delete-to-end",
            Action::PromptLeft => "prompt-left",
            Action::PromptRight => "prompt-right",
            Action::PromptHome => "prompt-home",
            Action::PromptEnd => "prompt-end",
            Action::PromptWordLeft => "prompt-word-left",
            Action::PromptWordRight => "prompt-word-right",
            Action::PromptOlder => "prompt-older",
            Action::PromptNewer => "prompt-newer",
            Action::PromptAccept => "prompt-accept",
            Action::PromptCancel => "prompt-cancel",
            Action::Suspend => "suspend",
            Action::CompareMark => "compare-mark",
            Action::Comparisons => "comparisons",
            Action::Matrix => "matrix",
            Action::Map => "map",
            Action::MessageLog => "message-log",
            Action::ToggleFold => "toggle-fold",
            Action::FoldAll => "fold-all",
            Action::Left => "left",
            Action::Right => "right",
            Action::SwitchSide => "switch-side",
            Action::SwapSides => "swap-sides",
            Action::Open => "open",
            Action::OpenRow => "open-row",
            Action::NextUnaddressed => "next-unaddressed",
            Action::PrevUnaddressed => "prev-unaddressed",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::SaveAs => "save-as",
            Action::ReloadKeepingCopy => "reload-keeping-copy",
            Action::Resize(..) => "resize",
            Action::Click(..) => "click",
            Action::WheelDown(..) => "wheel-down",
            Action::WheelUp(..) => "wheel-up",
            Action::AddItem => "add-item",
            Action::AddQuote => "add-quote",
            Action::LinkItem => "link-item",
            Action::EditItem => "edit-item",
            Action::DeleteItem => "delete-item",
            Action::EditLink => "edit-link",
            Action::RemoveLink => "remove-link",
            Action::NextField => "next-field",
            Action::PrevField => "prev-field",
            Action::Save => "save",
            Action::Confirm => "confirm",
            Action::Drag(..) => "drag",
        }
    }
}
