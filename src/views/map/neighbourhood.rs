//! The map's model: an item's neighbourhood (the items linking to it on the left, the items it
//! links to on the right), where the cursor is in it, and which neighbours a column of a given
//! height shows. Pure and tested; the view only draws what this decides.

use crate::model::Model;
use crate::panes::detail;

/// A neighbour, with the relation of its link to the centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neighbour {
    pub item: usize,
    pub rel: usize,
    /// The link's position in its source item's `links`, for the note.
    pub link: usize,
}

/// The left (incoming) and right (outgoing) columns of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Incoming,
    Outgoing,
}

/// Where the map's cursor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    Centre,
    Neighbour(Column, usize),
}

/// An item and its neighbours, grouped by relation as the detail groups them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    pub centre: usize,
    pub incoming: Vec<Neighbour>,
    pub outgoing: Vec<Neighbour>,
}

impl Neighbourhood {
    pub fn of(model: &Model, centre: usize) -> Neighbourhood {
        let (mut incoming, mut outgoing) = (Vec::new(), Vec::new());
        for l in detail::links(model, centre) {
            let n = Neighbour {
                item: l.other,
                rel: l.rel,
                link: l.link,
            };
            if l.outgoing {
                outgoing.push(n);
            } else {
                incoming.push(n);
            }
        }
        Neighbourhood {
            centre,
            incoming,
            outgoing,
        }
    }

    pub fn column(&self, column: Column) -> &[Neighbour] {
        match column {
            Column::Incoming => &self.incoming,
            Column::Outgoing => &self.outgoing,
        }
    }

    /// The item at a spot.
    pub fn item_at(&self, spot: Spot) -> Option<usize> {
        match spot {
            Spot::Centre => Some(self.centre),
            Spot::Neighbour(c, i) => self.column(c).get(i).map(|n| n.item),
        }
    }
}

/// The map's cursor, remembering the row of each column so that left-then-right comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapCursor {
    pub spot: Spot,
    /// The last row visited in the incoming and outgoing columns.
    pub rows: [usize; 2],
}

impl Default for MapCursor {
    fn default() -> MapCursor {
        MapCursor {
            spot: Spot::Centre,
            rows: [0, 0],
        }
    }
}

fn slot(column: Column) -> usize {
    match column {
        Column::Incoming => 0,
        Column::Outgoing => 1,
    }
}

impl MapCursor {
    /// Moves one column left (`-1`) or right (`1`): from the centre into a column that has
    /// neighbours, from a column back to the centre. False when there is nothing that way.
    pub fn sideways(&mut self, hood: &Neighbourhood, dir: isize) -> bool {
        let into = if dir < 0 {
            Column::Incoming
        } else {
            Column::Outgoing
        };
        match self.spot {
            Spot::Centre => {
                let n = hood.column(into).len();
                if n == 0 {
                    return false;
                }
                let row = self.rows[slot(into)].min(n - 1);
                self.spot = Spot::Neighbour(into, row);
                true
            }
            Spot::Neighbour(c, _) if c != into => {
                self.spot = Spot::Centre;
                true
            }
            Spot::Neighbour(..) => false,
        }
    }

    /// Moves within a column by `delta` rows, stopping at the ends; `isize::MIN`/`MAX` go to
    /// the ends. False when the cursor is on the centre or did not move.
    pub fn vertical(&mut self, hood: &Neighbourhood, delta: isize) -> bool {
        let Spot::Neighbour(c, at) = self.spot else {
            return false;
        };
        let n = hood.column(c).len();
        if n == 0 {
            return false;
        }
        let to = (at as isize).saturating_add(delta).clamp(0, n as isize - 1) as usize;
        self.spot = Spot::Neighbour(c, to);
        self.rows[slot(c)] = to;
        to != at
    }
}

/// Rows of a neighbour's box: its border and `BOX_TITLE_LINES` lines of title.
pub const BOX_TITLE_LINES: usize = 2;
pub const BOX_HEIGHT: usize = BOX_TITLE_LINES + 2;

/// The first neighbour a column shows, with room for `fit` boxes, so that `cursor` (the row
/// the column remembers) is on screen: whole pages, so the boxes do not shift under the eye
/// as the cursor moves within a page.
pub fn first_shown(count: usize, cursor: usize, fit: usize) -> usize {
    let fit = fit.max(1);
    if count <= fit {
        return 0;
    }
    let cursor = cursor.min(count - 1);
    (cursor / fit * fit).min(count - fit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    fn model() -> Model {
        load(include_bytes!("../../../tests/fixtures/compare.json")).expect("fixture loads")
    }

    fn ids(m: &Model, ns: &[Neighbour]) -> Vec<String> {
        ns.iter().map(|n| m.item(n.item).id.to_string()).collect()
    }

    #[test]
    fn incoming_links_go_left_and_outgoing_right() {
        let m = model();
        let hood = Neighbourhood::of(&m, m.index.get("law-permission-panel").unwrap());
        assert_eq!(ids(&m, &hood.incoming), ["rec-drop-law-elements"]);
        assert!(hood.outgoing.is_empty());
        let hood = Neighbourhood::of(&m, m.index.get("rec-drop-law-elements").unwrap());
        assert!(hood.incoming.is_empty());
        assert_eq!(
            ids(&m, &hood.outgoing),
            [
                "law-undercover-limits",
                "law-permission-panel",
                "law-disclose-conversations",
                "amlo"
            ]
        );
        assert_eq!(m.relation(hood.outgoing[3].rel).id, "addressed-to");
    }

    #[test]
    fn neighbours_are_grouped_by_relation() {
        let m = model();
        let hood = Neighbourhood::of(&m, m.index.get("amlo").unwrap());
        let rels: Vec<&str> = hood
            .incoming
            .iter()
            .map(|n| m.relation(n.rel).id.as_str())
            .collect();
        let mut grouped = rels.clone();
        grouped.dedup();
        let mut unique = grouped.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(grouped.len(), unique.len(), "{rels:?}");
        assert!(hood.incoming.len() >= 5);
    }

    #[test]
    fn arrows_move_between_the_centre_and_the_columns() {
        let m = model();
        let hood = Neighbourhood::of(&m, m.index.get("us-agents").unwrap());
        assert!(!hood.incoming.is_empty() && hood.outgoing.is_empty());
        let mut c = MapCursor::default();
        assert!(!c.sideways(&hood, 1), "nothing to the right");
        assert!(c.sideways(&hood, -1));
        assert_eq!(c.spot, Spot::Neighbour(Column::Incoming, 0));
        assert!(!c.sideways(&hood, -1), "nothing further left");
        assert!(c.vertical(&hood, 2));
        assert_eq!(c.spot, Spot::Neighbour(Column::Incoming, 2));
        assert!(c.vertical(&hood, isize::MAX));
        let last = hood.incoming.len() - 1;
        assert_eq!(c.spot, Spot::Neighbour(Column::Incoming, last));
        assert!(!c.vertical(&hood, 1), "stops at the end");
        assert!(c.sideways(&hood, 1));
        assert_eq!(c.spot, Spot::Centre);
        assert!(!c.vertical(&hood, 1), "the centre has no rows");
        // Coming back, the column remembers its row.
        assert!(c.sideways(&hood, -1));
        assert_eq!(c.spot, Spot::Neighbour(Column::Incoming, last));
        assert_eq!(hood.item_at(c.spot), Some(hood.incoming[last].item));
    }

    #[test]
    fn a_long_column_pages_so_the_cursor_is_shown() {
        assert_eq!(first_shown(3, 2, 5), 0);
        assert_eq!(first_shown(25, 0, 5), 0);
        assert_eq!(first_shown(25, 4, 5), 0);
        assert_eq!(first_shown(25, 5, 5), 5);
        assert_eq!(first_shown(25, 24, 5), 20);
        assert_eq!(first_shown(23, 22, 5), 18, "the last page is full");
        assert_eq!(first_shown(23, 99, 0), 22);
    }
}
