//! Navigation history: a bounded list of places with a cursor, like a browser's back and forward.

/// Where the reader was: a pane and the item selected in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub pane: super::Pane,
    pub item: usize,
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

    /// Visits `place`: drops the forward tail, and skips a duplicate of the current place.
    pub fn push(&mut self, place: Place) {
        if self.current() == Some(place) {
            return;
        }
        if !self.places.is_empty() {
            self.places.truncate(self.cursor + 1);
        }
        self.places.push(place);
        if self.places.len() > Self::LIMIT {
            self.places.remove(0);
        }
        self.cursor = self.places.len() - 1;
    }

    pub fn current(&self) -> Option<Place> {
        self.places.get(self.cursor).copied()
    }

    pub fn back(&mut self) -> Option<Place> {
        if self.cursor == 0 || self.places.is_empty() {
            return None;
        }
        self.cursor -= 1;
        self.current()
    }

    pub fn forward(&mut self) -> Option<Place> {
        if self.cursor + 1 >= self.places.len() {
            return None;
        }
        self.cursor += 1;
        self.current()
    }

    /// Replaces every place by what `map` makes of it, dropping those it makes nothing of (items
    /// gone from a reloaded map); the cursor stays on the same place, or the nearest older one.
    pub fn remap(&mut self, mut map: impl FnMut(Place) -> Option<Place>) {
        let mut kept = Vec::with_capacity(self.places.len());
        let mut cursor = 0;
        for (i, place) in self.places.drain(..).enumerate() {
            if let Some(p) = map(place)
                && kept.last() != Some(&p)
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
        Place {
            pane: Pane::Actors,
            item,
        }
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
                    p => h.push(at(p[1..].parse().unwrap())),
                }
                assert!(h.is_consistent());
            }
            assert_eq!(h.current().map(|p| p.item), *want, "{ops:?}");
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
        assert_eq!(h.forward(), None);
        assert_eq!(h.trail().0.len(), 2);
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::default();
        for i in 0..History::LIMIT + 50 {
            h.push(at(i));
        }
        assert_eq!(h.trail().0.len(), History::LIMIT);
        assert_eq!(h.current(), Some(at(History::LIMIT + 49)));
    }
}
