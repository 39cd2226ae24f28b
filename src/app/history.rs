//! Navigation history: a bounded list of places with a cursor, like a browser's back and forward.
//! A place is where the reader was, exactly enough to put the screen back as it was.

use super::Pane;
use crate::views::Layer;
use std::collections::HashSet;

/// Where the reader was: the pane and the item, and everything else the screen showed.
#[derive(Debug, Clone)]
pub struct Place {
    pub pane: Pane,
    /// The item the screen showed as selected (the Text pane may have none).
    pub item: Option<usize>,
    /// The list's selected row and first row on screen (list panes).
    pub row: usize,
    pub offset: usize,
    /// In the detail's links (or the Text pane's "quoted by"), and the link selected there.
    pub links: bool,
    pub link: usize,
    /// The detail's first row on screen (in the Text pane, the passage panel's).
    pub detail_top: usize,
    /// The Text pane: its first line on screen, its passage, the "quoted by" cursor and the item
    /// whose passages stand out.
    pub text_top: usize,
    pub passage: Option<usize>,
    pub quoting: usize,
    pub text_item: Option<usize>,
    /// The Text pane's cursor (a byte of the text).
    pub text_cursor: usize,
    /// The other list panes' selections (a wide screen shows four lists at once, and a jump
    /// selects its target in its own pane).
    pub others: Vec<ListPlace>,
    /// The folded claims, for a place in the Argument pane.
    pub collapsed: Option<HashSet<usize>>,
    /// The views open over the panes, with their cursors (overlays are not places).
    pub layers: Vec<Layer>,
}

/// Where a list pane was: its selected item, row and first row on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPlace {
    pub pane: Pane,
    pub item: Option<usize>,
    pub row: usize,
    pub offset: usize,
}

impl Place {
    /// A place of `item` in `pane` with nothing else remembered (tests, and targets not yet
    /// shown).
    pub fn at(pane: Pane, item: usize) -> Place {
        Place {
            pane,
            item: Some(item),
            row: 0,
            offset: 0,
            links: false,
            link: 0,
            detail_top: 0,
            text_top: 0,
            passage: None,
            quoting: 0,
            text_item: None,
            text_cursor: 0,
            others: Vec::new(),
            collapsed: None,
            layers: Vec::new(),
        }
    }

    /// The same page as `other`: the same pane, item and view, perhaps scrolled or moved within.
    /// Back and forward remember the latest state of a page rather than add one.
    pub fn same_page(&self, other: &Place) -> bool {
        self.pane == other.pane
            && self.item == other.item
            && self.layers.last().map(Layer::kind) == other.layers.last().map(Layer::kind)
            && (self.pane != Pane::Text || self.item.is_some() || self.passage == other.passage)
    }
}

/// Back and forward over visited places.
#[derive(Debug, Clone, Default)]
pub struct History {
    places: Vec<Place>,
    /// Index of the current place; meaningless while `places` is empty.
    cursor: usize,
}

impl History {
    /// The most places remembered; the oldest are dropped first.
    pub const LIMIT: usize = 200;

    /// Visits `place`: drops the forward tail; the same page as the current place replaces it
    /// (it is that page, moved within). Returns the place's index.
    pub fn push(&mut self, place: Place) -> usize {
        if let Some(current) = self.places.get_mut(self.cursor)
            && current.same_page(&place)
        {
            // The same page, moved within: it is updated where it stands, and the pages after
            // it stay (Back records the page it leaves this way; ] must still find them).
            *current = place;
            return self.cursor;
        }
        if !self.places.is_empty() {
            self.places.truncate(self.cursor + 1);
        }
        self.places.push(place);
        if self.places.len() > Self::LIMIT {
            self.places.remove(0);
        }
        self.cursor = self.places.len() - 1;
        self.cursor
    }

    /// Remembers the latest state of the current page, when `place` is on it (before going back
    /// or forward, so that coming back finds it as it was left).
    pub fn update_current(&mut self, place: Place) {
        if let Some(current) = self.places.get_mut(self.cursor)
            && current.same_page(&place)
        {
            *current = place;
        }
    }

    /// Replaces the place at `index` (a view's state, known only once the view has acted).
    pub fn set(&mut self, index: usize, place: Place) {
        if let Some(p) = self.places.get_mut(index) {
            *p = place;
        }
    }

    pub fn get(&self, index: usize) -> Option<&Place> {
        self.places.get(index)
    }

    pub fn current(&self) -> Option<&Place> {
        self.places.get(self.cursor)
    }

    /// The index of the current place.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn back(&mut self) -> Option<Place> {
        if self.cursor == 0 || self.places.is_empty() {
            return None;
        }
        self.cursor -= 1;
        self.current().cloned()
    }

    pub fn forward(&mut self) -> Option<Place> {
        if self.cursor + 1 >= self.places.len() {
            return None;
        }
        self.cursor += 1;
        self.current().cloned()
    }

    /// Replaces every place by what `map` makes of it, dropping those it makes nothing of (items
    /// gone from a reloaded map); the cursor stays on the same place, or the nearest older one.
    pub fn remap(&mut self, mut map: impl FnMut(Place) -> Option<Place>) {
        let mut kept = Vec::with_capacity(self.places.len());
        let mut cursor = 0;
        for (i, place) in self.places.drain(..).enumerate() {
            if let Some(p) = map(place)
                && !kept.last().is_some_and(|last: &Place| last.same_page(&p))
            {
                kept.push(p);
            }
            if i == self.cursor {
                cursor = kept.len().saturating_sub(1);
            }
        }
        self.places = kept;
        self.cursor = cursor;
    }

    /// The places, oldest first, and the index of the current one.
    pub fn trail(&self) -> (&[Place], usize) {
        (&self.places, self.cursor)
    }

    /// Invariant for tests: the cursor is on a place whenever there are places.
    pub fn is_consistent(&self) -> bool {
        self.places.len() <= Self::LIMIT
            && (self.places.is_empty() || self.cursor < self.places.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;

    fn at(item: usize) -> Place {
        Place::at(Pane::Actors, item)
    }

    #[test]
    fn going_back_twice_keeps_the_pages_forward() {
        let mut h = History::default();
        for i in 0..3 {
            h.push(at(i));
        }
        // Back, as the app does it: the page being left is recorded, then the cursor moves.
        for _ in 0..2 {
            let here = h.current().cloned().unwrap();
            h.push(here);
            h.back();
        }
        assert_eq!(h.current().and_then(|p| p.item), Some(0));
        assert_eq!(h.forward().and_then(|p| p.item), Some(1));
        assert_eq!(
            h.forward().and_then(|p| p.item),
            Some(2),
            "the last page is still there"
        );
    }

    #[test]
    fn history_behaves_like_a_browser() {
        // (operations, expected current after them)
        let cases: &[(&[&str], Option<usize>)] = &[
            (&[], None),
            (&["p1", "p2", "back"], Some(1)),
            (&["p1", "p2", "back", "back"], Some(1)),
            (&["p1", "p2", "back", "fwd"], Some(2)),
            (&["p1", "p2", "p3", "back", "back", "p4", "fwd"], Some(4)),
            (&["p1", "p1", "p2", "back", "back"], Some(1)),
        ];
        for (ops, want) in cases {
            let mut h = History::default();
            for op in *ops {
                match *op {
                    "back" => {
                        h.back();
                    }
                    "fwd" => {
                        h.forward();
                    }
                    p => {
                        h.push(at(p[1..].parse().unwrap()));
                    }
                }
                assert!(h.is_consistent());
            }
            assert_eq!(h.current().and_then(|p| p.item), *want, "{ops:?}");
        }
    }

    #[test]
    fn push_drops_the_forward_tail() {
        let mut h = History::default();
        for i in 1..=3 {
            h.push(at(i));
        }
        h.back();
        h.back();
        h.push(at(9));
        assert!(h.forward().is_none());
        assert_eq!(h.trail().0.len(), 2);
    }

    #[test]
    fn the_same_page_moved_within_replaces_the_current_place() {
        let mut h = History::default();
        h.push(at(1));
        let mut moved = at(1);
        moved.detail_top = 7;
        assert_eq!(h.push(moved), 0);
        assert_eq!(h.trail().0.len(), 1);
        assert_eq!(h.current().map(|p| p.detail_top), Some(7));
        h.push(at(2));
        let mut scrolled = at(2);
        scrolled.link = 3;
        h.update_current(scrolled);
        assert_eq!(h.back().map(|p| p.item), Some(Some(1)));
        h.update_current(at(5));
        assert_eq!(
            h.trail().0.len(),
            2,
            "another page does not update the current one"
        );
        assert_eq!(h.forward().map(|p| p.link), Some(3));
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::default();
        for i in 0..History::LIMIT + 50 {
            h.push(at(i));
        }
        assert_eq!(h.trail().0.len(), History::LIMIT);
        assert_eq!(h.current().and_then(|p| p.item), Some(History::LIMIT + 49));
    }
}
