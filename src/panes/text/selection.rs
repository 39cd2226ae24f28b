//! The Text pane's cursor and selection: where the reader is in the text, by byte, and the
//! passage they are selecting to quote, always whole words, trimmed of the spaces around it.

use crate::app::App;
use crate::model::motion;
use std::ops::Range;

/// A selection in the making: where it started, and whether it is still exactly a search match
/// (`v` on the current match selects the match itself, not the words around it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// What `v` selected first: the cursor's character, or the current search match.
    pub anchor: Range<usize>,
    /// Still the match exactly: no move has widened it yet.
    pub exact: bool,
}

impl super::TextPane {
    /// The selection as the reader will quote it: from where it started to the character under
    /// the cursor, widened to whole words and trimmed of spaces; a search match as it is.
    pub fn selected_range(&self, text: &str) -> Option<Range<usize>> {
        let sel = self.selection.as_ref()?;
        let range = if sel.exact {
            sel.anchor.clone()
        } else {
            let cursor = self.cursor.min(text.len());
            let under = text[cursor..].chars().next().map_or(0, char::len_utf8);
            let start = sel.anchor.start.min(cursor);
            let end = sel.anchor.end.max(cursor + under);
            motion::whole_words(text, start..end)
        };
        let range = range.start.min(text.len())..range.end.min(text.len());
        (range.start < range.end
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end))
        .then_some(range)
    }
}

impl App {
    /// The Text pane's selection as the reader will quote it: a byte range of the document's
    /// text covering whole words, trimmed of surrounding spaces; None when nothing is selected.
    pub fn text_selection(&self) -> Option<Range<usize>> {
        self.text.selected_range(&self.model.doc.document.text)
    }
}
