//! Stand-ins for the engine's and the Text pane's APIs (issue 20, branches `issue-20-a` and
//! `issue-20-b`), with their exact signatures, until those land: removed at the merge.

use crate::app::App;
use crate::model::Quote;
use std::ops::Range;

/// One change to the document (the engine's `annotate::Change`).
#[derive(Debug, Clone)]
pub enum Change {
    AddItem(crate::model::Item),
    EditItem {
        index: usize,
        item: crate::model::Item,
    },
    RemoveItem(usize),
}

impl App {
    /// The engine's: validates, applies, records undo, saves.
    pub fn change(&mut self, _change: Change) -> Result<(), String> {
        Err("editing is not available yet".into())
    }

    /// The Text pane's selection.
    pub fn text_selection(&self) -> Option<Range<usize>> {
        None
    }
}

/// The Text pane's quote of a range.
pub fn quote_for(text: &str, range: Range<usize>) -> Quote {
    Quote {
        exact: text.get(range).unwrap_or_default().to_owned(),
        prefix: None,
        suffix: None,
    }
}
