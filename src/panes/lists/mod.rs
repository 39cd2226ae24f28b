//! The list panes' rows: which items each pane shows, in what order, with group headers (Actors)
//! and tree depth (Argument), the selection and the scroll. Rows are built once per change of
//! order, never per frame.

pub mod draw;

use crate::model::{Kind, Model, order};
use std::collections::HashSet;

/// One row of a list pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group heading (Actors); the index is into `ListPane::groups`.
    Group(usize),
    /// An item, with its depth in a tree, the relation that put it there, and whether it was
    /// already shown higher up (then its subtree is not repeated).
    Item {
        item: usize,
        depth: u16,
        via: Option<usize>,
        repeat: bool,
    },
    /// The node of a linked argument in the Argument tree: its premises, which support or oppose
    /// the row above only together, follow one level deeper. `name` indexes
    /// `ListPane::groups`. Not selectable, like a group heading.
    Linked {
        name: usize,
        depth: u16,
        via: Option<usize>,
        premises: usize,
    },
}

impl Row {
    pub fn item(self) -> Option<usize> {
        match self {
            Row::Item { item, .. } => Some(item),
            Row::Group(_) | Row::Linked { .. } => None,
        }
    }
}

/// A list pane's rows and selection.
#[derive(Debug, Clone, Default)]
pub struct ListPane {
    pub rows: Vec<Row>,
    pub groups: Vec<String>,
    /// Index into `rows`; always an item row when the pane has items.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    /// The filter query, while the pane is filtered.
    pub filter: Option<String>,
    /// Every row, while a filter hides some.
    pub all_rows: Option<Vec<Row>>,
    /// How many of `rows`, and of all rows, are items: counted when the rows change, not on
    /// every frame.
    items: usize,
    all_items: usize,
}

/// How many rows are items.
fn count_items(rows: &[Row]) -> usize {
    rows.iter().filter(|r| r.item().is_some()).count()
}

impl ListPane {
    fn new(rows: Vec<Row>, groups: Vec<String>) -> ListPane {
        let items = count_items(&rows);
        let mut pane = ListPane {
            rows,
            groups,
            items,
            all_items: items,
            ..ListPane::default()
        };
        pane.selected = pane.next_item_row(0, 1).unwrap_or(0);
        pane
    }

    /// How many items the pane shows.
    pub fn item_count(&self) -> usize {
        self.items
    }

    /// `(shown, all)` item counts, for `filter: q (n of m)`.
    pub fn filter_counts(&self) -> (usize, usize) {
        (self.items, self.all_items)
    }

    /// Shows `rows` (a filtered selection of all rows, or all of them again).
    pub(crate) fn set_rows(&mut self, rows: Vec<Row>) {
        self.items = count_items(&rows);
        self.rows = rows;
    }

    pub fn selected_item(&self) -> Option<usize> {
        self.rows.get(self.selected).and_then(|r| r.item())
    }

    /// The first item row at or after `from` going in `dir` (+1 or -1).
    fn next_item_row(&self, from: usize, dir: isize) -> Option<usize> {
        let mut i = from as isize;
        while i >= 0 && (i as usize) < self.rows.len() {
            if self.rows[i as usize].item().is_some() {
                return Some(i as usize);
            }
            i += dir;
        }
        None
    }

    /// Moves the selection by `delta` item rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let dir = delta.signum();
        let mut at = self.selected;
        for _ in 0..delta.unsigned_abs() {
            match self.next_item_row((at as isize + dir).max(0) as usize, dir) {
                Some(next) if next != at => at = next,
                _ => break,
            }
        }
        self.selected = at;
    }

    /// Moves by about `rows` screen rows (a page), landing on an item row.
    pub fn move_rows(&mut self, rows: isize) {
        if self.rows.is_empty() {
            return;
        }
        let target =
            (self.selected as isize + rows).clamp(0, self.rows.len() as isize - 1) as usize;
        let dir = if rows >= 0 { 1 } else { -1 };
        self.selected = self
            .next_item_row(target, dir)
            .or_else(|| self.next_item_row(target, -dir))
            .unwrap_or(self.selected);
    }

    /// A move by `delta` rows (`isize::MIN`/`MAX`: to the ends), in a pane whose page is `page`
    /// rows: a page or half a page moves by screen rows, less by items.
    pub fn step(&mut self, delta: isize, page: isize) {
        match delta {
            isize::MIN => self.first(),
            isize::MAX => self.last(),
            d if d.abs() >= page.max(2) / 2 && d.abs() > 1 => self.move_rows(d),
            d => self.move_by(d),
        }
    }

    pub fn first(&mut self) {
        self.selected = self.next_item_row(0, 1).unwrap_or(0);
    }

    pub fn last(&mut self) {
        self.selected = self
            .next_item_row(self.rows.len().saturating_sub(1), -1)
            .unwrap_or(0);
    }

    /// Selects the first row showing `item`; false when the pane does not show it.
    pub fn select_item(&mut self, item: usize) -> bool {
        match self.rows.iter().position(|r| r.item() == Some(item)) {
            Some(at) => {
                self.selected = at;
                true
            }
            None => false,
        }
    }

    /// Keeps the selection on screen for a list `height` rows tall, scrolling as little as
    /// possible.
    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = crate::app::cursor::keep_in_view(self.offset, self.selected, height);
        // Show a group heading right above the first item when there is room.
        if self.offset > 0
            && self.offset == self.selected
            && matches!(self.rows[self.offset - 1], Row::Group(_))
        {
            self.offset -= 1;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(1));
    }
}

fn plain(item: usize) -> Row {
    Row::Item {
        item,
        depth: 0,
        via: None,
        repeat: false,
    }
}

pub use crate::model::order::article_position;

/// Timeline: events by date (undated last), or in the order the article tells them.
pub fn timeline(model: &Model, chronological: bool) -> ListPane {
    let mut events = order::timeline(model);
    if !chronological {
        events.sort_by_key(|&i| article_position(model, i));
    }
    ListPane::new(events.into_iter().map(plain).collect(), Vec::new())
}

/// Actors, grouped by `group` in order of first appearance; ungrouped last under "Other".
pub fn actors(model: &Model) -> ListPane {
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for (g, (name, members)) in order::actor_groups(model).into_iter().enumerate() {
        groups.push(name.to_owned());
        rows.push(Row::Group(g));
        rows.extend(members.into_iter().map(plain));
    }
    ListPane::new(rows, groups)
}

/// A pane of one kind in the document's order.
pub fn in_order(model: &Model, kind: Kind) -> ListPane {
    ListPane::new(
        order::of_kind(model, kind).into_iter().map(plain).collect(),
        Vec::new(),
    )
}

/// Argument: a tree from each thesis down through `supports`/`opposes`; claims outside every
/// tree follow as roots of their own. An item reached twice is marked and not expanded again.
/// A linked argument is one node with its premises under it.
pub fn argument(model: &Model, collapsed: &HashSet<usize>) -> ListPane {
    let mut names = Vec::new();
    let rows = order::argument_tree(model, collapsed)
        .into_iter()
        .map(|r| {
            let depth = r.depth.min(u16::MAX as usize) as u16;
            match r.node {
                order::TreeNode::Item(item) => Row::Item {
                    item,
                    depth,
                    via: r.via,
                    repeat: r.repeat,
                },
                order::TreeNode::Group {
                    link: (from, link),
                    premises,
                } => {
                    let name = order::link_group(model, from, link).unwrap_or_default();
                    names.push(name.to_owned());
                    Row::Linked {
                        name: names.len() - 1,
                        depth,
                        via: r.via,
                        premises,
                    }
                }
            }
        })
        .collect();
    ListPane::new(rows, names)
}
