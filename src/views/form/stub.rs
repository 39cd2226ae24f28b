//! A stand-in for the engine's API (issue 20, branch `issue-20-a`), with its exact signatures,
//! until it lands: removed at the merge.

use crate::app::App;

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
}
