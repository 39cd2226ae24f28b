//! The comparisons' actions: two items side by side, the list of prepared comparisons, and one
//! prepared comparison with its search.

use super::{FreeCompare, PreparedView, View, clamp_step, compare_geometry, prepared_geometry};
use crate::app::compare::{self as alignment};
use crate::app::prepared::{self, Slot};
use crate::app::{Action, App, Mode};

impl App {
    pub(super) fn compare_mark(&mut self) {
        let Some(item) = self.selected_item() else {
            self.message = Some("no item selected".into());
            return;
        };
        let title = crate::model::sanitize::line(&self.model.item(item).title).into_owned();
        match self.views.mark {
            None => {
                self.views.mark = Some(item);
                self.message = Some(format!(
                    "marked “{title}” for comparison — c on another item compares them"
                ));
            }
            Some(marked) if marked == item => {
                self.views.mark = None;
                self.message = Some(format!("unmarked “{title}”"));
            }
            Some(marked) => {
                self.views.mark = None;
                self.views.compare = Some(FreeCompare {
                    alignment: alignment::align(&self.model, marked, item),
                    row: 0,
                    side: 0,
                    top: 0,
                });
                self.mode = Mode::View(View::Compare);
            }
        }
    }

    pub(super) fn compare_action(&mut self, action: Action) {
        let (model, size, ascii) = (&self.model, self.size, self.options.ascii);
        let step = self.vertical(action);
        let Some(view) = self.views.compare.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        let (area, cols) = compare_geometry(model, size, &view.alignment, ascii);
        match action {
            Action::Escape => self.mode = Mode::Browse,
            Action::SwitchSide | Action::Left | Action::Right => {
                view.side = match action {
                    Action::Left => 0,
                    Action::Right => 1,
                    _ => 1 - view.side,
                }
            }
            Action::SwapSides => {
                view.alignment = view.alignment.swapped();
                view.side = 1 - view.side;
                self.message = Some("sides swapped".into());
            }
            Action::Open => {
                let row = &view.alignment.rows[view.row.min(view.alignment.rows.len() - 1)];
                let target = match row.side(view.side) {
                    Some(c) => c.link.unwrap_or(view.alignment.items[view.side]),
                    None => {
                        self.message = Some("nothing on this side of the row".into());
                        return;
                    }
                };
                self.navigate(target);
                return;
            }
            _ => {
                if let Some(d) = step {
                    view.row = clamp_step(view.row, d, view.alignment.rows.len());
                }
            }
        }
        let rows = &view.alignment.rows;
        view.top = alignment::scroll_to(view.top, view.row, area.height as usize, |r| {
            alignment::row_height(&rows[r], cols)
        });
    }

    // ---- prepared comparisons

    pub(super) fn open_comparisons(&mut self) {
        if self.model.doc.comparisons.is_empty() {
            self.message = Some("this document has no prepared comparisons".into());
            return;
        }
        self.views.comparison = self
            .views
            .comparison
            .min(self.model.doc.comparisons.len() - 1);
        self.mode = Mode::View(View::Comparisons);
    }

    pub(super) fn comparisons_action(&mut self, action: Action) {
        let n = self.model.doc.comparisons.len();
        match action {
            Action::Escape => self.mode = Mode::Browse,
            Action::Open => {
                let Some(cmp) = self.model.doc.comparisons.get(self.views.comparison) else {
                    return;
                };
                self.views.prepared = Some(PreparedView {
                    comparison: self.views.comparison,
                    rows: prepared::align(&self.model, cmp),
                    row: 0,
                    side: 0,
                    top: 0,
                    find: None,
                });
                self.mode = Mode::View(View::Prepared);
            }
            _ => {
                if let Some(d) = self.vertical(action) {
                    self.views.comparison = clamp_step(self.views.comparison, d, n);
                }
            }
        }
    }

    pub(super) fn prepared_action(&mut self, action: Action) {
        let step = self.vertical(action);
        let (rows_area, column) = prepared_geometry(self.size);
        let model = &self.model;
        let Some(view) = self.views.prepared.as_mut() else {
            self.mode = Mode::View(View::Comparisons);
            return;
        };
        match action {
            Action::Escape if view.find.is_some() => {
                view.find = None;
                self.message = Some("search cleared".into());
            }
            Action::Escape => {
                self.mode = Mode::View(View::Comparisons);
                return;
            }
            Action::StartSearch => {
                view.find = Some(prepared::Find {
                    query: String::new(),
                    rows: Vec::new(),
                    origin: view.row,
                });
                self.mode = Mode::View(View::PreparedSearch);
            }
            Action::NextMatch | Action::PrevMatch => {
                let forward = action == Action::NextMatch;
                match view.find.as_ref().map(|f| f.step(view.row, forward)) {
                    Some(Some((row, wrapped))) => {
                        view.row = row;
                        if wrapped {
                            self.message = Some(
                                if forward {
                                    "search wrapped to the top"
                                } else {
                                    "search wrapped to the bottom"
                                }
                                .into(),
                            );
                        }
                    }
                    Some(None) => self.message = Some("no match".into()),
                    None => self.message = Some("no search: / starts one".into()),
                }
            }
            Action::SwitchSide | Action::Left | Action::Right => {
                view.side = match action {
                    Action::Left => 0,
                    Action::Right => 1,
                    _ => 1 - view.side,
                }
            }
            Action::Open => {
                match view.rows.get(view.row).map(|r| r.side(view.side)) {
                    Some(Slot::Item(i) | Slot::Again(i)) => self.navigate(i),
                    _ => self.message = Some("nothing on this side of the row".into()),
                }
                return;
            }
            _ => {
                if let Some(d) = step {
                    view.row = clamp_step(view.row, d, view.rows.len());
                }
            }
        }
        let rows = &view.rows;
        view.top = alignment::scroll_to(view.top, view.row, rows_area.height as usize, |r| {
            prepared::row_height(model, &rows[r], column)
        });
    }

    /// Typing the search of a prepared comparison: the prompt's keys, applied to the rows.
    pub(super) fn prepared_search_action(&mut self, action: Action) {
        let Some(view) = self.views.prepared.as_mut() else {
            self.mode = Mode::View(View::Comparisons);
            return;
        };
        let Some(find) = view.find.as_mut() else {
            self.mode = Mode::View(View::Prepared);
            return;
        };
        let mut edited = true;
        match action {
            Action::PromptInsert(c) => {
                if find.query.len() + c.len_utf8() > super::super::search::MAX_QUERY_BYTES {
                    return;
                }
                find.query.push(c);
            }
            Action::PromptBackspace => {
                find.query.pop();
            }
            Action::PromptDeleteWord => {
                let keep = find.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                find.query.truncate(keep);
            }
            Action::PromptClear => find.query.clear(),
            Action::PromptAccept => {
                edited = false;
                if find.query.is_empty() {
                    view.find = None;
                } else {
                    self.query_history.push(&find.query);
                }
                self.mode = Mode::View(View::Prepared);
            }
            Action::PromptCancel => {
                edited = false;
                view.row = find.origin;
                view.find = None;
                self.mode = Mode::View(View::Prepared);
            }
            _ => return,
        }
        if let Some(find) = view.find.as_mut().filter(|_| edited) {
            // Incremental: the first matching row at or after where the search started.
            find.rows = prepared::matching_rows(&self.model, &view.rows, &find.query);
            match find.first_from(find.origin) {
                Some(row) => view.row = row,
                None => {
                    view.row = find.origin;
                    if !find.query.is_empty() {
                        self.message = Some(format!("no match for \"{}\"", find.query));
                    }
                }
            }
        }
        let (rows_area, column) = prepared_geometry(self.size);
        let model = &self.model;
        let rows = &view.rows;
        view.top = alignment::scroll_to(view.top, view.row, rows_area.height as usize, |r| {
            prepared::row_height(model, &rows[r], column)
        });
    }
}
