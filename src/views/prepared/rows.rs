//! A prepared comparison's rows: the author's two columns, with the items given in `pairs` on the
//! same row and a filler where a side has nothing to set against the other. Pure and tested.

use crate::app::cursor::{self, Wrapped};
use crate::app::input::LineInput;
use crate::model::{Comparison, Model, sanitize};
use crate::wrap::wrap;
use std::collections::{HashMap, HashSet};

/// One side of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// An item, shown in full.
    Item(usize),
    /// The same item as on the row above, paired again (one provision answered by two
    /// recommendations).
    Again(usize),
    /// Nothing: keeps the rows aligned.
    Filler,
}

impl Slot {
    pub fn item(self) -> Option<usize> {
        match self {
            Slot::Item(i) | Slot::Again(i) => Some(i),
            Slot::Filler => None,
        }
    }
}

/// One row: left and right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairRow {
    pub left: Slot,
    pub right: Slot,
    /// The author paired these two; otherwise the row only sets the columns side by side.
    pub paired: bool,
}

impl PairRow {
    /// The slot of one side: 0 is left, 1 is right.
    pub fn side(&self, side: usize) -> Slot {
        if side == 0 { self.left } else { self.right }
    }
}

fn resolve(model: &Model, ids: &[String]) -> Vec<usize> {
    let mut seen = HashSet::new();
    ids.iter()
        .filter_map(|id| model.index.get(id))
        .filter(|&i| seen.insert(i))
        .collect()
}

/// Zips the unpaired items between two paired rows, a filler where one side runs out.
fn flush(rows: &mut Vec<PairRow>, left: &mut Vec<usize>, right: &mut Vec<usize>) {
    let n = left.len().max(right.len());
    for k in 0..n {
        let slot = |side: &[usize]| side.get(k).map_or(Slot::Filler, |&i| Slot::Item(i));
        rows.push(PairRow {
            left: slot(left),
            right: slot(right),
            paired: false,
        });
    }
    left.clear();
    right.clear();
}

/// The rows of a comparison, like a diff whose anchors are the pairs: paired items share a row;
/// between two paired rows, the unpaired items of each column stand side by side in the
/// author's order, with fillers where one column has fewer. An unpaired right item belongs after
/// the paired right item above it in the author's list, so both columns keep their order where
/// the pairs allow.
pub fn align(model: &Model, cmp: &Comparison) -> Vec<PairRow> {
    let mut left = resolve(model, &cmp.left.items);
    let mut right = resolve(model, &cmp.right.items);
    let pairs: Vec<(usize, usize)> = cmp
        .pairs
        .iter()
        .filter_map(|[l, r]| Some((model.index.get(l)?, model.index.get(r)?)))
        .collect();
    // Validation keeps pair ends in their columns; a hand-built comparison may not. Every
    // lookup below goes through a set or a map: with searches in lists, a comparison of
    // thousands of pairs was aligned in quadratic time.
    let (mut in_left, mut in_right): (HashSet<usize>, HashSet<usize>) = (
        left.iter().copied().collect(),
        right.iter().copied().collect(),
    );
    for &(l, r) in &pairs {
        if in_left.insert(l) {
            left.push(l);
        }
        if in_right.insert(r) {
            right.push(r);
        }
    }
    let paired_rights: HashSet<usize> = pairs.iter().map(|&(_, r)| r).collect();
    let mut partners_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(l, r) in &pairs {
        partners_of.entry(l).or_default().push(r);
    }
    // The unpaired right items after each paired one (or before any, under `None`).
    let mut followers: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut anchor = None;
    for &r in &right {
        if paired_rights.contains(&r) {
            anchor = Some(r);
        } else {
            followers.entry(anchor).or_default().push(r);
        }
    }
    let following = |after: Option<usize>| followers.get(&after).into_iter().flatten().copied();
    let mut rows = Vec::new();
    let mut shown = vec![false; model.doc.items.len()];
    let mut gap_left: Vec<usize> = Vec::new();
    let mut gap_right: Vec<usize> = following(None).collect();
    for &l in &left {
        let partners: &[usize] = partners_of.get(&l).map_or(&[], Vec::as_slice);
        if partners.is_empty() {
            gap_left.push(l);
            continue;
        }
        flush(&mut rows, &mut gap_left, &mut gap_right);
        for (k, &r) in partners.iter().enumerate() {
            let right = if shown[r] {
                Slot::Again(r)
            } else {
                gap_right.extend(following(Some(r)));
                Slot::Item(r)
            };
            let left = if k == 0 && !shown[l] {
                Slot::Item(l)
            } else {
                Slot::Again(l)
            };
            rows.push(PairRow {
                left,
                right,
                paired: true,
            });
            shown[r] = true;
        }
        shown[l] = true;
    }
    flush(&mut rows, &mut gap_left, &mut gap_right);
    rows
}

/// The gutter between the two columns, where a paired row shows its connector.
pub const GUTTER: usize = 3;
/// The cursor marker before each side's text.
pub const MARKER: usize = 2;

/// Each column's width in a rows area `width` wide.
pub fn column_width(width: usize) -> usize {
    width.saturating_sub(GUTTER) / 2
}

/// What a line of a slot is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotPart {
    Title,
    Summary,
    /// The title of an item shown on the row above ("same as above").
    Again,
    Filler,
}

/// The lines of one slot in a column `column` wide (its marker included), sanitized.
pub fn slot_lines(model: &Model, slot: Slot, column: usize) -> Vec<(String, SlotPart)> {
    let width = column.saturating_sub(MARKER).max(1);
    let wrapped = |text: &str, part: SlotPart, out: &mut Vec<(String, SlotPart)>| {
        let clean = sanitize::line(text);
        for r in wrap(&clean, width) {
            out.push((clean[r].to_owned(), part));
        }
    };
    let mut out = Vec::new();
    match slot {
        Slot::Item(i) => {
            let it = model.item(i);
            wrapped(&it.title, SlotPart::Title, &mut out);
            if let Some(s) = &it.summary {
                // Its paragraphs, a blank line between.
                for (n, para) in crate::panes::detail::paragraphs(s).enumerate() {
                    if n > 0 {
                        out.push((String::new(), SlotPart::Summary));
                    }
                    wrapped(para, SlotPart::Summary, &mut out);
                }
            }
        }
        Slot::Again(i) => {
            let title = sanitize::line(&model.item(i).title);
            // The view puts a ditto mark before it.
            out.push((title.into_owned(), SlotPart::Again));
        }
        Slot::Filler => out.push((String::new(), SlotPart::Filler)),
    }
    if out.is_empty() {
        out.push((String::new(), SlotPart::Title));
    }
    out
}

/// Screen lines a row takes: its taller side and a blank line after it.
pub fn row_height(model: &Model, row: &PairRow, column: usize) -> usize {
    let l = slot_lines(model, row.left, column).len();
    let r = slot_lines(model, row.right, column).len();
    l.max(r) + 1
}

/// A search within a prepared comparison: the rows where either side's item matches the query
/// (titles, summaries, quotes, tags and the kind's fields, as the panes' search matches them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: LineInput,
    /// Matching rows, ascending.
    pub rows: Vec<usize>,
    /// The row the search started from, to return to on cancel.
    pub origin: usize,
}

/// Rows where the left or the right item matches `query` (smart case: a capital makes it exact).
pub fn matching_rows(model: &Model, rows: &[PairRow], query: &str) -> Vec<usize> {
    let items = model.search.items(&model.doc, query);
    let hit = |s: Slot| s.item().is_some_and(|i| items.binary_search(&i).is_ok());
    rows.iter()
        .enumerate()
        .filter(|(_, r)| hit(r.left) || hit(r.right))
        .map(|(n, _)| n)
        .collect()
}

impl Find {
    /// The first match at or after `row`, wrapping to the first.
    pub fn first_from(&self, row: usize) -> Option<usize> {
        // The rows are ascending: found by bisection, not a walk per key.
        let at = self.rows.partition_point(|&r| r < row);
        self.rows.get(at).or(self.rows.first()).copied()
    }

    /// The next (or previous) match from `row`, and whether it wrapped around.
    pub fn step(&self, row: usize, forward: bool) -> Option<Wrapped> {
        cursor::step_wrap(&self.rows, row, forward)
    }

    /// `i/n` for the view: the match the cursor is on (or 0), and how many.
    pub fn position(&self, row: usize) -> String {
        let at = self.rows.binary_search(&row).map_or(0, |i| i + 1);
        format!("{at}/{}", self.rows.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    fn model() -> Model {
        load(include_bytes!("../../../tests/fixtures/compare.json")).expect("fixture loads")
    }

    fn rows_by_id(m: &Model, cmp: &str) -> Vec<(String, String)> {
        let c = m.doc.comparisons.iter().find(|c| c.id == cmp).unwrap();
        let name = |s: Slot| match s {
            Slot::Item(i) => m.item(i).id.to_string(),
            Slot::Again(i) => format!("again:{}", m.item(i).id),
            Slot::Filler => "-".into(),
        };
        align(m, c)
            .into_iter()
            .map(|r| (name(r.left), name(r.right)))
            .collect()
    }

    fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
        rows.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn pairs_share_a_row_and_unpaired_items_get_fillers() {
        let m = model();
        assert_eq!(
            rows_by_id(&m, "asks-vs-offers"),
            pairs(&[
                ("rec-drop-law-elements", "rec-transparency"),
                ("rec-prosecute-officials", "-"),
                ("rec-police-spending", "rec-professionalize-policing"),
                ("-", "rec-violence-prevention"),
                ("rec-joint-operations", "rec-stop-weapons-flow"),
                ("-", "rec-maintain-assistance"),
            ])
        );
    }

    #[test]
    fn unpaired_items_stand_side_by_side_between_the_pairs() {
        let m = model();
        assert_eq!(
            rows_by_id(&m, "before-after"),
            pairs(&[
                ("ev-merida", "-"),
                ("ev-cienfuegos-arrest", "-"),
                ("ev-cienfuegos-released", "ev-case-closed"),
                ("-", "ev-evidence-published"),
            ])
        );
        let c = &m.doc.comparisons[0];
        let paired: Vec<bool> = align(&m, c).iter().map(|r| r.paired).collect();
        assert_eq!(paired, [true, false, true, false, true, false]);
    }

    #[test]
    fn an_item_paired_twice_is_shown_once_then_repeated() {
        let m = model();
        assert_eq!(
            rows_by_id(&m, "provisions-vs-answers"),
            pairs(&[
                ("law-undercover-limits", "rec-drop-law-elements"),
                ("law-no-immunity", "-"),
                ("law-monthly-reports", "rec-transparency"),
                ("law-permission-panel", "again:rec-drop-law-elements"),
                ("law-disclose-conversations", "again:rec-drop-law-elements"),
            ])
        );
    }

    #[test]
    fn without_pairs_the_columns_stand_side_by_side_with_fillers() {
        let mut m = model();
        m.doc.comparisons[2].pairs.clear();
        assert_eq!(
            rows_by_id(&m, "before-after"),
            pairs(&[
                ("ev-merida", "ev-case-closed"),
                ("ev-cienfuegos-arrest", "ev-evidence-published"),
                ("ev-cienfuegos-released", "-"),
            ])
        );
        let rows = align(&m, &m.doc.comparisons[2]);
        assert!(rows.iter().all(|r| !r.paired));
    }

    #[test]
    fn every_item_of_both_columns_appears() {
        let m = model();
        for c in &m.doc.comparisons {
            let rows = align(&m, c);
            for (side, ids) in [(0, &c.left.items), (1, &c.right.items)] {
                for id in ids {
                    let i = m.index.get(id).unwrap();
                    assert!(
                        rows.iter().any(|r| r.side(side) == Slot::Item(i)),
                        "{id} missing from {}",
                        c.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_left_item_with_two_partners_repeats_on_the_left() {
        let mut m = model();
        let c = &mut m.doc.comparisons[0];
        c.pairs = vec![
            [
                "rec-police-spending".into(),
                "rec-professionalize-policing".into(),
            ],
            [
                "rec-police-spending".into(),
                "rec-violence-prevention".into(),
            ],
        ];
        let rows = align(&m, &m.doc.comparisons[0]);
        let police = m.index.get("rec-police-spending").unwrap();
        let at = rows
            .iter()
            .position(|r| r.left == Slot::Item(police))
            .unwrap();
        assert_eq!(rows[at + 1].left, Slot::Again(police));
        assert_eq!(
            rows[at + 1].right,
            Slot::Item(m.index.get("rec-violence-prevention").unwrap())
        );
    }

    #[test]
    fn searching_finds_rows_by_either_side_ignoring_case_and_accents() {
        let m = model();
        let c = &m.doc.comparisons[0];
        let rows = align(&m, c);
        // "police" is in the left item of row 2 and the right item's title ("policing").
        let hits = matching_rows(&m, &rows, "polic");
        assert_eq!(hits, [0, 2], "row 0's summary mentions local police");
        // Smart case: a capital letter makes the search exact.
        assert!(matching_rows(&m, &rows, "POLIC").is_empty());
        // Diacritics fold away: "mexico" finds "México"-free text too, and "lopez" finds López.
        let before_after = align(&m, &m.doc.comparisons[2]);
        assert!(!matching_rows(&m, &before_after, "lopez").is_empty());
    }

    #[test]
    fn next_and_previous_match_wrap_and_say_so() {
        let f = Find {
            query: LineInput::new("x"),
            rows: vec![1, 4],
            origin: 0,
        };
        assert_eq!(f.first_from(0), Some(1));
        assert_eq!(f.first_from(2), Some(4));
        assert_eq!(f.first_from(5), Some(1), "wraps");
        let step = |row, forward| f.step(row, forward).map(|w| (w.at, w.wrapped.is_some()));
        assert_eq!(step(1, true), Some((4, false)));
        assert_eq!(step(4, true), Some((1, true)));
        assert_eq!(step(1, false), Some((4, true)));
        assert_eq!(f.position(4), "2/2");
        assert_eq!(f.position(3), "0/2");
        assert_eq!(Find::default().step(0, true), None);
    }
}
