//! Live reload: a new version of the document's file replaces the map on screen, and the reader
//! stays where they were, by id: the pane, each pane's selection, the folds, the Timeline's order,
//! the Text pane's passage, history, and the open view (opened again on the same item). An item
//! that no longer exists gives way to its pane's nearest neighbour, and the status says so. A
//! version with problems replaces nothing: its problems wait behind a banner.

use super::{App, Lists, Pane};
use crate::model::{Model, Problem};
use crate::views::ViewKind;
use std::collections::HashSet;

impl App {
    /// Replaces the map with `model`, a new version of the same file.
    pub fn reload(&mut self, model: Model) {
        let id = |app: &App, item: usize| app.model.item(item).id.clone();
        // Where the reader is, by id (and by row, for a neighbour when the id is gone).
        let selections: Vec<_> = Pane::LISTS
            .iter()
            .map(|&pane| {
                let list = self.list(pane);
                let item = list.and_then(|l| l.selected_item()).map(|i| id(self, i));
                (pane, item, list.map_or(0, |l| l.selected))
            })
            .collect();
        let collapsed: Vec<_> = self.collapsed.iter().map(|&i| id(self, i)).collect();
        let text_item = self.text.item.map(|i| id(self, i));
        let (passage, text_top) = (self.text.current, self.text.top);
        // The cursor and the selection are bytes of the text: kept when the text is the same.
        let same_text = self.model.doc.document.text == model.doc.document.text;
        let (cursor, selection) = (self.text.cursor, self.text.selection.clone());
        let mark = self.memory.mark.map(|i| id(self, i));
        let open: Vec<ViewKind> = self.layers.iter().map(|l| l.kind()).collect();
        // A form being filled in stays, with what was typed (its items found again by id).
        let form = self.layers.iter().rev().find_map(|l| match l {
            crate::views::Layer::Form(f) => Some(f.clone()),
            _ => None,
        });
        let old_ids: Vec<_> = (0..self.model.doc.items.len())
            .map(|i| id(self, i))
            .collect();

        self.model = model;
        let find = |app: &App, id: &str| app.model.index.get(id);
        self.collapsed = collapsed
            .iter()
            .filter_map(|i| find(self, i))
            .collect::<HashSet<_>>();
        self.lists = Lists::new(&self.model, &self.collapsed, self.chronological);
        self.text = super::TextPane::new(&self.model);
        self.search = None;
        self.layers.clear();
        self.link = 0;
        let mut gone = Vec::new();
        for (pane, item, row) in selections {
            let Some(list) = self.lists.get_mut(pane) else {
                continue;
            };
            let kept = item
                .as_deref()
                .and_then(|i| self.model.index.get(i))
                .is_some_and(|i| list.select_item(i));
            if !kept {
                // The nearest neighbour: the row it was on, or the last one.
                list.selected = row.min(list.rows.len().saturating_sub(1));
                list.move_rows(0);
                if let Some(i) = item {
                    gone.push((pane, i));
                }
            }
        }
        // Places keep their pane and item by id; what they held by position in the old map
        // (rows, folds, passages, open views) is let go, and a place whose item is gone is
        // dropped.
        let index = &self.model.index;
        let by_id = |old: usize| old_ids.get(old).and_then(|id| index.get(id));
        self.history.remap(|mut place| {
            place.item = match place.item {
                Some(old) => Some(by_id(old)?),
                None => None,
            };
            place.text_item = place.text_item.and_then(by_id);
            place.others.clear();
            place.row = 0;
            place.offset = 0;
            place.link = 0;
            place.detail_top = 0;
            place.passage = None;
            place.collapsed = None;
            place.layers.clear();
            Some(place)
        });
        self.memory.mark = mark.as_deref().and_then(|i| find(self, i));
        self.text.item = text_item.as_deref().and_then(|i| find(self, i));
        self.update(super::Action::Resize(self.size.width, self.size.height));
        self.text.current = passage.filter(|&p| p < self.text.passages.len());
        self.text.top = text_top;
        if same_text {
            self.text.cursor = cursor;
            self.text.selection = selection;
        }
        // The views open again on the reader's item, as their keys would open them.
        for kind in open {
            if let Some(action) = opener(kind) {
                self.update(action);
            }
        }
        self.problems = None;
        let n = self.model.doc.items.len();
        self.message = Some(match gone.iter().find(|(pane, _)| *pane == self.focus) {
            Some((_, id)) => format!(
                "reloaded ({n} items); \"{}\" is gone, so its neighbour is selected",
                crate::model::sanitize::line(id)
            ),
            None => format!("reloaded the file ({n} items)"),
        });
        if let Some(form) = form {
            let relations = self.model.doc.relations.len();
            let index = &self.model.index;
            let found = |old: usize| old_ids.get(old).and_then(|id| index.get(id));
            match form.remapped(found, relations) {
                Some(form) => self.layers.push(crate::views::Layer::Form(form)),
                None => {
                    self.message = Some(format!(
                        "reloaded the file ({n} items); the form's item is gone, so it closed"
                    ))
                }
            }
        }
    }

    /// A new version of the file that does not load: the map on screen stays, and its problems
    /// wait behind a banner (the key to list them is in the status line).
    pub fn reload_failed(&mut self, problems: Vec<Problem>) {
        self.problems = Some(problems);
    }
}

/// The action that opens a view of `kind` again on the reader's item, if one does. Every view is
/// named, so a new one must say how it comes back. (The registry's openers are not all this:
/// `c` marks rather than reopens a comparison, and a prepared comparison is opened from the list.)
fn opener(kind: ViewKind) -> Option<super::Action> {
    use super::Action;
    Some(match kind {
        ViewKind::Matrix => Action::Matrix,
        ViewKind::Map => Action::Map,
        ViewKind::Comparisons | ViewKind::Prepared => Action::Comparisons,
        ViewKind::Help => Action::Help,
        ViewKind::Messages => Action::MessageLog,
        // The free comparison and the palette close; the problems are gone with a good version.
        ViewKind::Compare | ViewKind::Palette | ViewKind::Problems => return None,
        // A form comes back on its own, found by id, with what was typed; a confirmation
        // names an item by position, which a reload may have moved.
        ViewKind::Form | ViewKind::Confirm => return None,
    })
}
