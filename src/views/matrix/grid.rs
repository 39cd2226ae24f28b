//! The provisions × recommendations matrix: which recommendation answers which provision, each
//! cell marked with the relation of the link between the two, and the provisions nothing answers.
//! Built once when the matrix opens; pure and tested.

use crate::app::cursor::{self, Wrapped};
use crate::model::{Kind, Model};
use ratatui::layout::Rect;
use std::collections::HashMap;

/// The link behind a cell (the first, when the two are linked more than once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellLink {
    pub rel: usize,
    /// The recommendation is the link's source (it addresses the provision); otherwise the
    /// provision links to the recommendation.
    pub from_recommendation: bool,
    /// The link's position in its source item's `links`, for the note.
    pub link: usize,
    /// How many links join the two.
    pub count: usize,
}

/// A cell's mark: a letter per relation and direction, explained in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub rel: usize,
    pub from_recommendation: bool,
    pub symbol: char,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Row items, in document order.
    pub provisions: Vec<usize>,
    /// Column items, in document order.
    pub recommendations: Vec<usize>,
    /// The linked cells by `(row, column)`: a matrix of thousands of provisions and
    /// recommendations has few links among its many cells, and a table of them all was
    /// allocated as their product.
    cells: HashMap<(u32, u32), CellLink>,
    /// Whether any recommendation is linked to each row's provision, and how many are not.
    addressed: Vec<bool>,
    unaddressed: usize,
    /// Each mark's position in `marks`, by relation and direction.
    mark_of: HashMap<(usize, bool), usize>,
    /// The marks in use, in order of first use.
    pub marks: Vec<Mark>,
    /// The widest provision title, in columns.
    pub title_width: usize,
}

/// A letter for a relation: its label's first letter not yet taken (upper case when the
/// recommendation is the source, lower case otherwise), or a digit.
fn symbol(label: &str, upper: bool, taken: &[char]) -> char {
    let case = |c: char| {
        if upper {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        }
    };
    label
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(case)
        .chain('1'..='9')
        .find(|c| !taken.contains(c))
        .unwrap_or('?')
}

impl Matrix {
    pub fn new(model: &Model) -> Matrix {
        let provisions = model.of_kind(Kind::Provision);
        let recommendations = model.of_kind(Kind::Recommendation);
        let mut col_of = vec![None; model.doc.items.len()];
        for (c, &r) in recommendations.iter().enumerate() {
            col_of[r] = Some(c);
        }
        let mut cells: HashMap<(u32, u32), CellLink> = HashMap::new();
        let mut addressed = vec![false; provisions.len()];
        let mut marks: Vec<Mark> = Vec::new();
        let mut mark_of: HashMap<(usize, bool), usize> = HashMap::new();
        // The symbols taken so far, each once.
        let mut taken: Vec<char> = Vec::new();
        for (row, &p) in provisions.iter().enumerate() {
            // Incoming first: a recommendation addressing the provision is the usual reading.
            let links = model.index.incoming[p]
                .iter()
                .map(|l| (true, l))
                .chain(model.index.outgoing[p].iter().map(|l| (false, l)));
            for (from_recommendation, l) in links {
                let Some(col) = col_of[l.other] else { continue };
                addressed[row] = true;
                let key = (row as u32, col as u32);
                if let Some(c) = cells.get_mut(&key) {
                    c.count += 1;
                    continue;
                }
                cells.insert(
                    key,
                    CellLink {
                        rel: l.rel,
                        from_recommendation,
                        link: l.link,
                        count: 1,
                    },
                );
                mark_of
                    .entry((l.rel, from_recommendation))
                    .or_insert_with(|| {
                        let label = &model.relation(l.rel).label;
                        let symbol = symbol(label, from_recommendation, &taken);
                        if !taken.contains(&symbol) {
                            taken.push(symbol);
                        }
                        marks.push(Mark {
                            rel: l.rel,
                            from_recommendation,
                            symbol,
                        });
                        marks.len() - 1
                    });
            }
        }
        let title_width = provisions
            .iter()
            .map(|&p| crate::wrap::str_width(&model.item(p).title))
            .max()
            .unwrap_or(0);
        Matrix {
            provisions,
            recommendations,
            cells,
            unaddressed: addressed.iter().filter(|&&a| !a).count(),
            addressed,
            mark_of,
            marks,
            title_width,
        }
    }

    pub fn rows(&self) -> usize {
        self.provisions.len()
    }

    pub fn cols(&self) -> usize {
        self.recommendations.len()
    }

    /// The link of a cell, if the two are linked.
    pub fn cell(&self, row: usize, col: usize) -> Option<&CellLink> {
        if row >= self.rows() || col >= self.cols() {
            return None;
        }
        self.cells.get(&(row as u32, col as u32))
    }

    /// The symbol of a cell's link.
    pub fn symbol(&self, cell: &CellLink) -> char {
        self.mark_of
            .get(&(cell.rel, cell.from_recommendation))
            .map_or('?', |&m| self.marks[m].symbol)
    }

    /// Whether any recommendation is linked to the provision of `row`.
    pub fn addressed(&self, row: usize) -> bool {
        self.addressed.get(row).copied().unwrap_or(false)
    }

    /// How many provisions no recommendation addresses.
    pub fn unaddressed(&self) -> usize {
        self.unaddressed
    }

    /// The next row after `from` whose provision nothing addresses, wrapping around (`from`
    /// itself comes last).
    pub fn next_unaddressed(&self, from: usize, forward: bool) -> Option<Wrapped> {
        let rows: Vec<usize> = (0..self.rows()).filter(|&r| !self.addressed(r)).collect();
        cursor::step_wrap(&rows, from, forward)
    }
}

/// The width of a column label such as `R12`.
pub fn label_width(count: usize) -> usize {
    1 + count.max(1).to_string().len()
}

/// Where the matrix's parts go, shared by `settle` (scrolling) and drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The grid, the legend of labels and the cell's detail, borders included; the last two
    /// are empty when the screen is too small for them.
    pub grid: Rect,
    pub legend: Rect,
    pub detail: Rect,
    /// The row labels' width inside the grid (marker, `P1`, unaddressed mark and title).
    pub label: usize,
    /// Each column's width.
    pub col: usize,
    pub rows_shown: usize,
    pub cols_shown: usize,
}

/// The row label's fixed part before the title: marker, `P12`, a space, the unaddressed mark.
pub fn label_prefix(rows: usize) -> usize {
    2 + label_width(rows) + 1 + 2
}

/// Lays the matrix out in `body`.
pub fn geometry(body: Rect, mx: &Matrix) -> Geometry {
    let want = mx.rows() as u16 + 3;
    let bottom_min = if body.height >= 16 { 8 } else { 0 };
    let grid_h = want
        .min(body.height.saturating_sub(bottom_min))
        .max(body.height.min(3));
    let grid = Rect::new(body.x, body.y, body.width, grid_h.min(body.height));
    let bottom = Rect::new(
        body.x,
        body.y + grid.height,
        body.width,
        body.height - grid.height,
    );
    let legend_w = if bottom.width >= 60 {
        bottom.width * 45 / 100
    } else {
        0
    };
    let legend = Rect::new(bottom.x, bottom.y, legend_w, bottom.height);
    let detail = Rect::new(
        bottom.x + legend_w,
        bottom.y,
        bottom.width - legend_w,
        bottom.height,
    );
    let inner_w = grid.width.saturating_sub(2) as usize;
    let col = label_width(mx.cols()) + 1;
    let prefix = label_prefix(mx.rows());
    let needed = prefix + mx.title_width + 1;
    let label = if inner_w >= mx.cols() * col + prefix + 12 {
        (inner_w - mx.cols() * col).min(needed)
    } else {
        (inner_w * 40 / 100).max(prefix + 6).min(inner_w)
    };
    Geometry {
        grid,
        legend,
        detail,
        label,
        col,
        rows_shown: grid.height.saturating_sub(3).max(1) as usize,
        cols_shown: (inner_w.saturating_sub(label) / col).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    fn model() -> Model {
        load(include_bytes!("../../../tests/fixtures/compare.json")).expect("fixture loads")
    }

    fn row_of(m: &Model, mx: &Matrix, id: &str) -> usize {
        let i = m.index.get(id).unwrap();
        mx.provisions.iter().position(|&p| p == i).unwrap()
    }

    fn col_of(m: &Model, mx: &Matrix, id: &str) -> usize {
        let i = m.index.get(id).unwrap();
        mx.recommendations.iter().position(|&r| r == i).unwrap()
    }

    #[test]
    fn rows_are_provisions_and_columns_recommendations_in_document_order() {
        let m = model();
        let mx = Matrix::new(&m);
        assert_eq!((mx.rows(), mx.cols()), (5, 10));
        assert_eq!(m.item(mx.provisions[0]).id, "law-undercover-limits");
        assert_eq!(m.item(mx.recommendations[9]).id, "rec-transparency");
    }

    #[test]
    fn a_cell_holds_the_link_between_its_provision_and_recommendation() {
        let m = model();
        let mx = Matrix::new(&m);
        let (row, col) = (
            row_of(&m, &mx, "law-permission-panel"),
            col_of(&m, &mx, "rec-drop-law-elements"),
        );
        let cell = mx.cell(row, col).expect("linked");
        assert_eq!(m.relation(cell.rel).id, "addresses");
        assert!(cell.from_recommendation);
        let source = m.item(mx.recommendations[col]);
        assert_eq!(
            source.links[cell.link].note.as_deref(),
            Some("local bodies rely heavily on U.S. intelligence")
        );
        assert_eq!(mx.symbol(cell), 'A');
        assert_eq!(mx.cell(row, col_of(&m, &mx, "rec-transparency")), None);
        assert_eq!(mx.cell(99, 0), None);
    }

    #[test]
    fn next_unaddressed_finds_the_provision_nothing_answers_and_wraps() {
        let m = model();
        let mx = Matrix::new(&m);
        let immunity = row_of(&m, &mx, "law-no-immunity");
        assert_eq!(mx.unaddressed(), 1);
        assert!(!mx.addressed(immunity));
        let next = |from, forward| {
            mx.next_unaddressed(from, forward)
                .map(|w| (w.at, w.wrapped.is_some()))
        };
        assert_eq!(next(0, true), Some((immunity, false)));
        assert_eq!(next(immunity, true), Some((immunity, true)));
        assert_eq!(next(4, true), Some((immunity, true)));
        assert_eq!(next(4, false), Some((immunity, false)));
        assert_eq!(next(0, false), Some((immunity, true)));
    }

    #[test]
    fn when_everything_is_addressed_there_is_no_next() {
        let mut m = model();
        let rec = m.index.get("rec-transparency").unwrap();
        m.doc.items[rec].links.push(crate::model::Link {
            rel: "addresses".into(),
            to: "law-no-immunity".into(),
            group: None,
            note: None,
        });
        m.index = crate::model::LinkIndex::new(&m.doc);
        let mx = Matrix::new(&m);
        assert_eq!(mx.unaddressed(), 0);
        assert_eq!(mx.next_unaddressed(0, true), None);
    }

    #[test]
    fn each_relation_and_direction_gets_its_own_symbol() {
        assert_eq!(symbol("addresses", true, &[]), 'A');
        assert_eq!(symbol("addresses", false, &['A']), 'a');
        assert_eq!(symbol("answers", true, &['A']), 'N');
        assert_eq!(symbol("", true, &['1']), '2');
    }

    #[test]
    fn a_document_without_provisions_gives_an_empty_matrix() {
        let mut m = model();
        m.doc.items.retain(|i| i.kind != Kind::Provision);
        m.index = crate::model::LinkIndex::new(&m.doc);
        let mx = Matrix::new(&m);
        assert_eq!(mx.rows(), 0);
        assert_eq!(mx.next_unaddressed(0, true), None);
        assert_eq!(label_width(0), 2);
        assert_eq!(label_width(12), 3);
    }
}
