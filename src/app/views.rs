//! The side-by-side views (free comparison, prepared comparisons, the matrix, the map): their
//! state, their geometry (shared by `update` and the view, like `layout`), and how actions move
//! in them. `update` hands every action to [`App::update_view`] first.

use super::compare::{self, Alignment};
use super::matrix::{self, Matrix};
use super::neighbourhood::{self, MapCursor, Neighbourhood, Spot};
use super::prepared::{self, PairRow, Slot};
use super::{Action, App, Mode, Pane, layout};
use crate::model::Model;
use ratatui::layout::Rect;

/// Everything the views remember.
#[derive(Debug, Clone, Default)]
pub struct Views {
    /// The item `c` marked, waiting for a second one.
    pub mark: Option<usize>,
    pub compare: Option<FreeCompare>,
    /// The selection in the list of prepared comparisons.
    pub comparison: usize,
    pub prepared: Option<PreparedView>,
    pub matrix: Option<MatrixView>,
    pub map: Option<MapView>,
    /// The view to come back to when the help overlay, opened from it, closes.
    pub resume: Option<Mode>,
}

/// Two items side by side; the cursor is on a row and a side.
#[derive(Debug, Clone)]
pub struct FreeCompare {
    pub alignment: Alignment,
    pub row: usize,
    /// 0 left, 1 right.
    pub side: usize,
    /// The first row on screen.
    pub top: usize,
}

/// One prepared comparison, open.
#[derive(Debug, Clone)]
pub struct PreparedView {
    /// Index into `Document::comparisons`.
    pub comparison: usize,
    pub rows: Vec<PairRow>,
    pub row: usize,
    pub side: usize,
    pub top: usize,
}

#[derive(Debug, Clone)]
pub struct MatrixView {
    pub matrix: Matrix,
    pub row: usize,
    pub col: usize,
    /// The first row and column on screen.
    pub top: usize,
    pub left: usize,
}

#[derive(Debug, Clone)]
pub struct MapView {
    pub hood: Neighbourhood,
    pub cursor: MapCursor,
}

/// Whether a mode is one of the views.
pub fn is_view(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::Compare | Mode::Comparisons | Mode::Prepared | Mode::Matrix | Mode::Map
    )
}

/// The screen above the status line and footer, which a view fills.
pub fn body(size: Rect) -> Rect {
    let s = layout::screen(size, Pane::Timeline, false);
    Rect::new(
        size.x,
        size.y,
        size.width,
        s.status.y.saturating_sub(size.y),
    )
}

/// Inside a view's border.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1.min(area.width),
        area.y + 1.min(area.height),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// The free comparison's rows area and columns.
pub fn compare_geometry(
    model: &Model,
    size: Rect,
    al: &Alignment,
    ascii: bool,
) -> (Rect, compare::Columns) {
    let area = inner(body(size));
    let gutter = al
        .rows
        .iter()
        .filter(|r| r.first)
        .map(|r| crate::wrap::str_width(&compare::label(model, r.field, ascii)))
        .max()
        .unwrap_or(0);
    (area, compare::columns(area.width as usize, gutter))
}

/// A prepared comparison's rows area (below the column labels) and column width.
pub fn prepared_geometry(size: Rect) -> (Rect, usize) {
    let area = inner(body(size));
    let head = 2.min(area.height);
    let rows = Rect::new(area.x, area.y + head, area.width, area.height - head);
    (rows, prepared::column_width(rows.width as usize))
}

impl App {
    /// The view on screen: the mode, or the view the help overlay was opened from.
    pub fn shown_view(&self) -> Option<Mode> {
        match self.mode {
            Mode::Help { .. } => self.views.resume,
            m if is_view(m) => Some(m),
            _ => None,
        }
    }

    /// Applies `action` if it belongs to the views; false leaves it to the general `update`.
    pub(super) fn update_view(&mut self, action: Action) -> bool {
        if let Mode::Help { .. } = self.mode {
            if matches!(action, Action::Escape | Action::Help)
                && let Some(view) = self.views.resume.take()
            {
                self.mode = view;
                return true;
            }
            return false;
        }
        match action {
            Action::CompareMark => self.compare_mark(),
            Action::Comparisons => self.open_comparisons(),
            Action::Matrix => self.open_matrix(),
            Action::Map => self.open_map(),
            Action::ToggleFold => self.toggle_fold(),
            Action::FoldAll => self.fold_all(),
            _ if !is_view(self.mode) => return false,
            Action::Quit | Action::Suspend | Action::Resize(..) => return false,
            Action::Help => {
                self.views.resume = Some(self.mode);
                self.mode = Mode::Help { scroll: 0 };
            }
            _ => match self.mode {
                Mode::Compare => self.compare_action(action),
                Mode::Comparisons => self.comparisons_action(action),
                Mode::Prepared => self.prepared_action(action),
                Mode::Matrix => self.matrix_action(action),
                Mode::Map => self.map_action(action),
                _ => return false,
            },
        }
        true
    }

    /// Rows a page moves in the views.
    fn view_page(&self) -> isize {
        (body(self.size).height as isize - 3).max(1)
    }

    /// A vertical move's size, for the actions that move up and down.
    fn vertical(&self, action: Action) -> Option<isize> {
        let page = self.view_page();
        Some(match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::First => isize::MIN,
            Action::Last => isize::MAX,
            _ => return None,
        })
    }

    // ---- free comparison

    fn compare_mark(&mut self) {
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
                    alignment: compare::align(&self.model, marked, item),
                    row: 0,
                    side: 0,
                    top: 0,
                });
                self.mode = Mode::Compare;
            }
        }
    }

    fn compare_action(&mut self, action: Action) {
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
        view.top = compare::scroll_to(view.top, view.row, area.height as usize, |r| {
            compare::row_height(&rows[r], cols)
        });
    }

    // ---- prepared comparisons

    fn open_comparisons(&mut self) {
        if self.model.doc.comparisons.is_empty() {
            self.message = Some("this document has no prepared comparisons".into());
            return;
        }
        self.views.comparison = self
            .views
            .comparison
            .min(self.model.doc.comparisons.len() - 1);
        self.mode = Mode::Comparisons;
    }

    fn comparisons_action(&mut self, action: Action) {
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
                });
                self.mode = Mode::Prepared;
            }
            _ => {
                if let Some(d) = self.vertical(action) {
                    self.views.comparison = clamp_step(self.views.comparison, d, n);
                }
            }
        }
    }

    fn prepared_action(&mut self, action: Action) {
        let step = self.vertical(action);
        let (rows_area, column) = prepared_geometry(self.size);
        let model = &self.model;
        let Some(view) = self.views.prepared.as_mut() else {
            self.mode = Mode::Comparisons;
            return;
        };
        match action {
            Action::Escape => {
                self.mode = Mode::Comparisons;
                return;
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
        view.top = compare::scroll_to(view.top, view.row, rows_area.height as usize, |r| {
            prepared::row_height(model, &rows[r], column)
        });
    }

    // ---- matrix

    fn open_matrix(&mut self) {
        let matrix = Matrix::new(&self.model);
        if matrix.rows() == 0 || matrix.cols() == 0 {
            self.message = Some("the matrix needs provisions and recommendations; this document lacks one or the other".into());
            return;
        }
        let keep = self.views.matrix.take().filter(|v| v.matrix == matrix);
        self.views.matrix = Some(keep.unwrap_or(MatrixView {
            matrix,
            row: 0,
            col: 0,
            top: 0,
            left: 0,
        }));
        self.mode = Mode::Matrix;
    }

    fn matrix_action(&mut self, action: Action) {
        let step = self.vertical(action);
        let body = body(self.size);
        let Some(view) = self.views.matrix.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        let g = matrix::geometry(body, &view.matrix);
        let mx = &view.matrix;
        match action {
            Action::Escape => {
                self.mode = Mode::Browse;
                return;
            }
            Action::Left => view.col = view.col.saturating_sub(1),
            Action::Right => view.col = (view.col + 1).min(mx.cols() - 1),
            Action::Open => {
                let rec = mx.recommendations[view.col];
                self.navigate(rec);
                return;
            }
            Action::OpenRow => {
                let provision = mx.provisions[view.row];
                self.navigate(provision);
                return;
            }
            Action::NextUnaddressed | Action::PrevUnaddressed => {
                let forward = action == Action::NextUnaddressed;
                match mx.next_unaddressed(view.row, forward) {
                    Some((row, wrapped)) => {
                        view.row = row;
                        let title = crate::model::sanitize::line(
                            &self.model.item(mx.provisions[row]).title,
                        )
                        .into_owned();
                        let n = mx.unaddressed();
                        let mut msg = format!(
                            "P{} “{title}”: no recommendation addresses it ({n} such provision{})",
                            row + 1,
                            if n == 1 { "" } else { "s" }
                        );
                        if wrapped {
                            msg.push_str(if forward {
                                " — wrapped to the top"
                            } else {
                                " — wrapped to the bottom"
                            });
                        }
                        self.message = Some(msg);
                    }
                    None => {
                        self.message =
                            Some("every provision is addressed by some recommendation".into())
                    }
                }
            }
            _ => {
                if let Some(d) = step {
                    view.row = clamp_step(view.row, d, mx.rows());
                }
            }
        }
        view.top = scroll_lines(view.top, view.row, g.rows_shown);
        view.left = scroll_lines(view.left, view.col, g.cols_shown);
    }

    // ---- map

    fn open_map(&mut self) {
        let Some(item) = self.selected_item() else {
            self.message = Some("no item selected".into());
            return;
        };
        self.centre_map(item);
    }

    fn centre_map(&mut self, item: usize) {
        self.views.map = Some(MapView {
            hood: Neighbourhood::of(&self.model, item),
            cursor: MapCursor::default(),
        });
        self.mode = Mode::Map;
    }

    fn map_action(&mut self, action: Action) {
        let fit = neighbourhood::fit(body(self.size).height as usize) as isize;
        let step = match action {
            Action::PageDown | Action::HalfPageDown => Some(fit),
            Action::PageUp | Action::HalfPageUp => Some(-fit),
            a => self.vertical(a),
        };
        let Some(view) = self.views.map.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        match action {
            Action::Escape => self.mode = Mode::Browse,
            Action::Left | Action::Right => {
                let dir = if action == Action::Left { -1 } else { 1 };
                if !view.cursor.sideways(&view.hood, dir) {
                    let side = if dir < 0 { "incoming" } else { "outgoing" };
                    self.message = Some(match view.cursor.spot {
                        Spot::Centre => format!("no {side} links"),
                        Spot::Neighbour(..) => {
                            "the map ends here: Enter re-centres on this item".into()
                        }
                    });
                }
            }
            Action::Open => {
                let (spot, centre) = (view.cursor.spot, view.hood.centre);
                match view.hood.item_at(spot) {
                    Some(item) if spot != Spot::Centre => {
                        self.navigate(item);
                        self.centre_map(item);
                    }
                    _ => self.navigate(centre),
                }
            }
            Action::Back | Action::Forward => {
                self.mode = Mode::Browse;
                self.update(action);
                if let Some(item) = self.selected_item() {
                    self.centre_map(item);
                }
            }
            _ => {
                if let Some(d) = step {
                    view.cursor.vertical(&view.hood, d);
                }
            }
        }
    }
}

/// The first line to show so that line `cursor` is within `height` lines, moving as little as
/// possible.
pub fn scroll_lines(top: usize, cursor: usize, height: usize) -> usize {
    let height = height.max(1);
    if cursor < top {
        cursor
    } else if cursor >= top + height {
        cursor + 1 - height
    } else {
        top
    }
}

/// `at` moved by `delta` within `0..count`; the extremes of `isize` go to the ends.
fn clamp_step(at: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    (at as isize)
        .saturating_add(delta)
        .clamp(0, count as isize - 1) as usize
}
