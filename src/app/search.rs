//! Search within a pane (`/`, `n`, `N`) and filtering a pane (`f`). The matching itself is the
//! model's search index; this is the reader's side of it: the prompt, where the selection goes,
//! and what to restore on `Esc`. (The palette, `:`, is a view of its own: `crate::views::palette`.)

use super::input::LineInput;
use super::{Action, App, Mode, Pane, cursor};
use crate::model::search::TextMatches;
use crate::panes::lists::Row;

/// What a pane's prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Filter,
    /// The name of a file to save the map to (`W`, or the built-in map's first change).
    SaveAs,
}

/// The line the reader is typing into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
    /// Position in the search history while recalling with ↑/↓.
    recall: Option<usize>,
}

/// Where the reader was when a search started, to go back on `Esc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    List {
        selected: usize,
        offset: usize,
        item: Option<usize>,
    },
    Text {
        top: usize,
        current: Option<usize>,
        cursor: usize,
    },
}

/// A match in a list pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    /// Which of the item's rows (the Argument pane may show an item twice).
    pub nth: usize,
    /// Its row among the rows the search walks (every fold open).
    pub row: usize,
}

/// An active search in one pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub pane: Pane,
    pub query: String,
    /// Matching items, ascending (list panes).
    pub items: Vec<usize>,
    /// The matches in screen order (list panes): each an item and which of its rows it is (an
    /// item the Argument pane reaches twice has two), counted in the pane's rows with every
    /// fold open, so that folded claims are found too.
    pub rows: Vec<Hit>,
    /// Matching items of the pane that its filter hides.
    pub hidden: usize,
    /// Matching spans of the text (Text pane).
    pub spans: TextMatches,
    /// Index into `rows` or `spans` of the current match.
    pub current: Option<usize>,
    origin: Origin,
}

impl Search {
    pub fn count(&self) -> usize {
        if self.pane == Pane::Text {
            self.spans.len()
        } else {
            self.rows.len()
        }
    }

    /// `i/n` for the status line, and how many matches the filter hides.
    pub fn position(&self) -> String {
        let at = match self.current {
            Some(c) => format!("{}/{}", c + 1, self.count()),
            None => format!("0/{}", self.count()),
        };
        match self.hidden {
            0 => at,
            n => format!("{at}, {n} hidden by the filter"),
        }
    }

    /// Whether `item` matches (for highlighting list rows).
    pub fn matches_item(&self, item: usize) -> bool {
        self.items.binary_search(&item).is_ok()
    }
}

/// Earlier queries, oldest first, without repeats.
#[derive(Debug, Clone, Default)]
pub struct QueryHistory {
    entries: Vec<String>,
}

impl QueryHistory {
    const LIMIT: usize = 100;

    pub fn push(&mut self, q: &str) {
        if q.is_empty() {
            return;
        }
        self.entries.retain(|e| e != q);
        self.entries.push(q.to_owned());
        if self.entries.len() > Self::LIMIT {
            self.entries.remove(0);
        }
    }

    /// The entry `steps` back from the newest (0 = newest).
    pub fn get(&self, steps: usize) -> Option<&str> {
        self.entries
            .len()
            .checked_sub(steps + 1)
            .map(|i| self.entries[i].as_str())
    }
}

impl App {
    /// `/` or `f`: opens a prompt.
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        if kind == PromptKind::Filter && self.focus == Pane::Text {
            self.message = Some("the Text pane cannot be filtered; / searches it".into());
            return;
        }
        let input = match kind {
            PromptKind::Filter => self
                .list(self.focus)
                .and_then(|l| l.filter.clone())
                .unwrap_or_default(),
            PromptKind::Search | PromptKind::SaveAs => String::new(),
        };
        if kind == PromptKind::Search {
            self.search = Some(Search {
                pane: self.focus,
                query: String::new(),
                items: Vec::new(),
                rows: Vec::new(),
                hidden: 0,
                spans: TextMatches::default(),
                current: None,
                origin: self.origin(),
            });
        }
        self.mode = Mode::Prompt(Prompt {
            kind,
            input: LineInput::new(input),
            recall: None,
        });
        self.prompt_changed();
    }

    fn origin(&self) -> Origin {
        match self.list(self.focus) {
            Some(l) => Origin::List {
                selected: l.selected,
                offset: l.offset,
                item: l.selected_item(),
            },
            None => Origin::Text {
                top: self.text.top,
                current: self.text.current,
                cursor: self.text.cursor,
            },
        }
    }

    fn restore(&mut self, origin: Origin) {
        match origin {
            Origin::List {
                selected,
                offset,
                item,
            } => {
                if let Some(l) = self.list_mut(self.focus) {
                    l.selected = selected.min(l.rows.len().saturating_sub(1));
                    l.offset = offset;
                    // Folds a match opened moved the rows: the item, not the row number.
                    if let Some(item) = item
                        && l.selected_item() != Some(item)
                    {
                        l.select_item(item);
                    }
                }
            }
            Origin::Text {
                top,
                current,
                cursor,
            } => {
                self.text.top = top;
                self.text.current = current;
                self.text.cursor = cursor;
            }
        }
    }

    pub(super) fn prompt_edit(&mut self, action: Action) {
        if let Mode::Prompt(p) = &mut self.mode {
            if !p.input.edit(action, &mut self.message) {
                return;
            }
            p.recall = None;
        }
        self.prompt_changed();
    }

    /// ↑ (`older` = true) or ↓ in a search or filter prompt: recall earlier queries.
    pub(super) fn prompt_recall(&mut self, older: bool) {
        let Mode::Prompt(p) = &mut self.mode else {
            return;
        };
        // Earlier queries are no file names.
        if p.kind == PromptKind::SaveAs {
            return;
        }
        let next = match (p.recall, older) {
            (None, true) => Some(0),
            (None, false) => None,
            (Some(i), true) => Some(i + 1),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
        };
        match next {
            Some(i) => match self.query_history.get(i) {
                Some(q) => {
                    p.input.set(q);
                    p.recall = Some(i);
                }
                None => return,
            },
            None => {
                p.input.set("");
                p.recall = None;
            }
        }
        self.prompt_changed();
    }

    /// Re-runs the prompt's query after each keystroke.
    fn prompt_changed(&mut self) {
        let Mode::Prompt(p) = &self.mode else { return };
        let (kind, query) = (p.kind, p.input.as_str().to_owned());
        match kind {
            PromptKind::Search => self.run_search(&query),
            PromptKind::Filter => self.apply_filter(&query),
            PromptKind::SaveAs => {}
        }
    }

    fn run_search(&mut self, query: &str) {
        let Some(mut search) = self.search.take() else {
            return;
        };
        let doc = &self.model.doc;
        let index = &self.model.search;
        if search.pane == Pane::Text {
            search.spans = index.text(doc, query);
        } else {
            // A longer query only narrows the previous matches.
            search.items = if !search.query.is_empty()
                && query.starts_with(&search.query)
                && !query.is_empty()
            {
                index.narrow(doc, query, &search.items)
            } else {
                index.items(doc, query)
            };
            let (rows, hidden) = self.matching_rows(search.pane, &search.items);
            search.rows = rows;
            search.hidden = hidden;
        }
        search.query = query.to_owned();
        self.restore(search.origin);
        search.current = None;
        if !query.is_empty() {
            // The first match at or after where the reader was.
            let first = match search.origin {
                Origin::List { .. } => {
                    // At or after the cursor; an item whose title matches is the better landing.
                    let selected = self.walk_position(search.pane);
                    // From the folded index: folding each title afresh costs a keystroke a
                    // scan of every matching row's title when none matches.
                    let title_matches = self.model.search.title_matcher(&self.model.doc, query);
                    let title_hit = |hit: &Hit| title_matches(hit.item);
                    let after = |&(_, hit): &(usize, &Hit)| hit.row >= selected;
                    let rows = search.rows.iter().enumerate();
                    rows.clone()
                        .filter(after)
                        .find(|(_, r)| title_hit(r))
                        .or_else(|| rows.clone().find(|(_, r)| title_hit(r)))
                        .or_else(|| rows.clone().find(after))
                        .map(|(n, _)| n)
                }
                Origin::Text { top, .. } => {
                    let from = self.text.lines.get(top).map_or(0, |l| l.start);
                    search.spans.iter().position(|s| s.start >= from)
                }
            };
            search.current = first.or((search.count() > 0).then_some(0));
            match search.current {
                Some(c) => self.show_match(&search, c),
                None => self.message = Some(format!("no match for \"{query}\"")),
            }
        }
        self.search = Some(search);
    }

    fn show_match(&mut self, search: &Search, at: usize) {
        if search.pane == Pane::Text {
            let Some(span) = search.spans.get(at) else {
                return;
            };
            let height = self.screen().inner_height(Pane::Text);
            // The cursor goes to the match: `v` there selects it.
            self.text
                .put_cursor(&self.model.doc.document.text, span.start);
            let line = self.text.line_of(span.start);
            if line < self.text.top || line >= self.text.top + height {
                self.text.top = line.saturating_sub(height / 3);
                self.text.clamp(height);
            }
        } else if let Some(&Hit { item, nth: k, .. }) = search.rows.get(at) {
            let shown =
                |l: &crate::panes::lists::ListPane| l.rows.iter().any(|r| r.item() == Some(item));
            // A claim inside a fold: open the folds above it, as a jump does.
            if search.pane == Pane::Argument && !shown(&self.lists.argument) {
                self.unfold_to(item);
            }
            if let Some(list) = self.list_mut(search.pane) {
                let rows = list.rows.iter().enumerate();
                let mut of_item = rows.filter(|(_, r)| r.item() == Some(item));
                let first = of_item.clone().next();
                if let Some((row, _)) = of_item.nth(k).or(first) {
                    list.selected = row;
                }
            }
        }
    }

    /// The rows a search in `pane` walks: the pane's, but in the Argument pane with every fold
    /// open (and the filter applied), so that a folded claim is a match like any other.
    fn walked_rows(&self, pane: Pane) -> std::borrow::Cow<'_, [Row]> {
        let Some(list) = self.list(pane) else {
            return std::borrow::Cow::Borrowed(&[]);
        };
        if pane != Pane::Argument || self.collapsed.is_empty() {
            return std::borrow::Cow::Borrowed(&list.rows);
        }
        let mut tree = crate::panes::lists::argument(&self.model, &Default::default()).rows;
        if let Some(q) = &list.filter {
            let keep = self.model.search.items(&self.model.doc, q);
            tree.retain(|r| r.item().is_some_and(|i| keep.binary_search(&i).is_ok()));
        }
        std::borrow::Cow::Owned(tree)
    }

    /// The selection's position in [`walked_rows`](Self::walked_rows).
    fn walk_position(&self, pane: Pane) -> usize {
        let Some(list) = self.list(pane) else {
            return 0;
        };
        let Some(item) = list.selected_item() else {
            return 0;
        };
        let k = list.rows[..list.selected]
            .iter()
            .filter(|r| r.item() == Some(item))
            .count();
        self.walked_rows(pane)
            .iter()
            .enumerate()
            .filter(|(_, r)| r.item() == Some(item))
            .nth(k)
            .map_or(0, |(n, _)| n)
    }

    /// The matches among the rows a search walks, as (item, which of its rows), in screen
    /// order; and how many matching items of the pane its filter hides.
    fn matching_rows(&self, pane: Pane, items: &[usize]) -> (Vec<Hit>, usize) {
        let matches = |r: &Row| r.item().filter(|i| items.binary_search(i).is_ok());
        let mut seen: Vec<usize> = Vec::new();
        let mut times: std::collections::HashMap<usize, usize> = Default::default();
        let mut rows = Vec::new();
        for (row, r) in self.walked_rows(pane).iter().enumerate() {
            if let Some(item) = matches(r) {
                let nth = times.entry(item).or_default();
                seen.push(item);
                rows.push(Hit {
                    item,
                    nth: *nth,
                    row,
                });
                *nth += 1;
            }
        }
        let hidden = match self.list(pane).and_then(|l| l.all_rows.as_ref()) {
            Some(all) => {
                let mut shown: Vec<usize> = seen;
                shown.sort_unstable();
                shown.dedup();
                let mut every: Vec<usize> = all.iter().filter_map(matches).collect();
                if pane == Pane::Argument {
                    // Claims inside folds are not among the filtered pane's rows.
                    every.extend(
                        crate::panes::lists::argument(&self.model, &Default::default())
                            .rows
                            .iter()
                            .filter_map(matches),
                    );
                }
                every.sort_unstable();
                every.dedup();
                every.len().saturating_sub(shown.len())
            }
            None => 0,
        };
        (rows, hidden)
    }

    /// `Enter` in a prompt.
    pub(super) fn prompt_accept(&mut self) {
        let Mode::Prompt(p) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return;
        };
        if p.kind == PromptKind::SaveAs {
            self.save_as(p.input.as_str());
            return;
        }
        self.query_history.push(p.input.as_str());
        if p.kind == PromptKind::Search && p.input.is_empty() {
            self.search = None;
        }
    }

    /// `Esc` in a prompt: back to where the reader was.
    pub(super) fn prompt_cancel(&mut self) {
        let Mode::Prompt(p) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return;
        };
        match p.kind {
            PromptKind::Search => {
                if let Some(s) = self.search.take() {
                    self.restore(s.origin);
                }
            }
            PromptKind::Filter => self.apply_filter(""),
            PromptKind::SaveAs => {
                self.message = Some("not saved: W saves the map to a file".into())
            }
        }
    }

    /// The palette's row of the text's matches: the Text pane, searched for `query` (into
    /// history, as any jump).
    pub fn search_the_text(&mut self, query: &str) {
        let here = self.place();
        let left = self.history.push(here);
        self.focus = Pane::Text;
        self.mode = Mode::Browse;
        self.layers.clear();
        self.open_prompt(PromptKind::Search);
        if let Mode::Prompt(p) = &mut self.mode {
            p.input.set(query);
        }
        self.prompt_changed();
        self.prompt_accept();
        let there = self.place();
        self.history.push(there);
        self.jumped_from = Some(left);
    }

    /// `n` and `N`: the next or previous match, wrapping around.
    pub(super) fn next_match(&mut self, forward: bool) {
        let Some(search) = self.search.take() else {
            self.message = Some("no search yet: / starts one".into());
            return;
        };
        let Some(next) = cursor::step_index_wrap(search.current, forward, search.count()) else {
            self.message = Some(format!("no match for \"{}\"", search.query));
            self.search = Some(search);
            return;
        };
        if self.focus != search.pane {
            self.focus = search.pane;
        }
        let mut search = search;
        search.current = Some(next.at);
        self.show_match(&search, next.at);
        // The status line shows the query and i/n; only the wrap needs saying.
        self.message = next.message("search");
        self.search = Some(search);
    }

    /// Narrows the focused list to the items matching `query`; an empty query clears the filter.
    fn apply_filter(&mut self, query: &str) {
        let pane = self.focus;
        // A query of nothing but spaces filters nothing, like an empty one.
        let blank = crate::model::search::fold_query(query).is_none();
        let matching = if blank {
            None
        } else {
            Some(self.model.search.items(&self.model.doc, query))
        };
        let Some(list) = self.list_mut(pane) else {
            return;
        };
        let keep = list.selected_item();
        list.set_filter(query, matching.as_deref());
        if let Some(item) = keep
            && !list.select_item(item)
        {
            list.first();
        }
        self.search = None;
    }
}

impl crate::panes::lists::ListPane {
    /// Shows only rows of `matching` items (ascending), with the group headings they fall under;
    /// `None` shows everything again.
    pub fn set_filter(&mut self, query: &str, matching: Option<&[usize]>) {
        if let Some(all) = self.all_rows.take() {
            self.set_rows(all);
        }
        self.filter = None;
        let Some(matching) = matching else {
            self.offset = 0;
            if self.selected_item().is_none() {
                self.first();
            }
            return;
        };
        let all = std::mem::take(&mut self.rows);
        let mut rows = Vec::new();
        let mut heading = None;
        for &row in &all {
            match row {
                Row::Group(_) => heading = Some(row),
                Row::Item { item, .. } if matching.binary_search(&item).is_ok() => {
                    if let Some(h) = heading.take() {
                        rows.push(h);
                    }
                    rows.push(row);
                }
                Row::Item { .. } | Row::Linked { .. } => {}
            }
        }
        self.set_rows(rows);
        self.all_rows = Some(all);
        self.filter = Some(query.to_owned());
        self.offset = 0;
        if self.selected_item().is_none() {
            self.first();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_history_recalls_newest_first_without_repeats() {
        let mut h = QueryHistory::default();
        for q in ["lopez", "merida", "lopez", ""] {
            h.push(q);
        }
        assert_eq!(h.get(0), Some("lopez"));
        assert_eq!(h.get(1), Some("merida"));
        assert_eq!(h.get(2), None);
    }
}
