//! The side-by-side views (free comparison, prepared comparisons, the matrix, the map): their
//! state, their geometry (shared by `update` and the view, like `layout`), and how actions move
//! in them. `update` hands every action to [`App::update_view`] first.

mod compare;
mod map;
mod matrix;

use super::compare::{self as alignment, Alignment};
use super::matrix::Matrix;
use super::neighbourhood::{MapCursor, Neighbourhood};
use super::prepared::{self, PairRow};
use super::update::clamp_step;
use super::{Action, App, KeyMode, Mode, Pane, layout};
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
    pub resume: Option<View>,
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
    /// The search within the comparison (`/`), while typed and after.
    pub find: Option<prepared::Find>,
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

/// The side-by-side views, each a mode of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Two items side by side (`c` twice).
    Compare,
    /// The list of the document's prepared comparisons.
    Comparisons,
    /// One prepared comparison, open.
    Prepared,
    /// Typing a search within the prepared comparison (the prompt's keys apply).
    PreparedSearch,
    /// The provisions × recommendations matrix.
    Matrix,
    /// The map of an item's links.
    Map,
}

impl View {
    /// The keymap of the view.
    pub fn key_mode(self) -> KeyMode {
        match self {
            View::Compare => KeyMode::Compare,
            View::Comparisons => KeyMode::Comparisons,
            View::Prepared => KeyMode::Prepared,
            View::PreparedSearch => KeyMode::Prompt,
            View::Matrix => KeyMode::Matrix,
            View::Map => KeyMode::Map,
        }
    }

    /// The view's name in the status line.
    pub fn name(self) -> &'static str {
        match self {
            View::Compare => "COMPARE",
            View::Comparisons => "COMPARISONS",
            View::Prepared => "COMPARISON",
            View::PreparedSearch => "SEARCH",
            View::Matrix => "MATRIX",
            View::Map => "MAP",
        }
    }
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
    _model: &Model,
    size: Rect,
    al: &Alignment,
    ascii: bool,
) -> (Rect, alignment::Columns) {
    let area = inner(body(size));
    let gutter = al.label_width[usize::from(ascii)];
    (area, alignment::columns(area.width as usize, gutter))
}

/// A prepared comparison's rows area (below the column labels) and column width.
pub fn prepared_geometry(size: Rect) -> (Rect, usize) {
    let area = inner(body(size));
    let head = 2.min(area.height);
    let rows = Rect::new(area.x, area.y + head, area.width, area.height - head);
    (rows, prepared::column_width(rows.width as usize))
}

impl App {
    /// The view on screen: the mode's, or the one the help overlay was opened from.
    pub fn shown_view(&self) -> Option<View> {
        match self.mode {
            Mode::Help { .. } => self.views.resume,
            Mode::View(view) => Some(view),
            _ => None,
        }
    }

    /// Applies `action` if it belongs to the views; false leaves it to the general `update`.
    pub(super) fn update_view(&mut self, action: Action) -> bool {
        if let Mode::Help { .. } = self.mode {
            if matches!(action, Action::Escape | Action::Help)
                && let Some(view) = self.views.resume.take()
            {
                self.mode = Mode::View(view);
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
            Action::Quit | Action::Suspend | Action::Resize(..) => return false,
            _ => {
                let Mode::View(view) = self.mode else {
                    return false;
                };
                match (view, action) {
                    (_, Action::Help) => {
                        self.views.resume = Some(view);
                        self.mode = Mode::Help { scroll: 0 };
                    }
                    // The wheel moves the cursor; clicks do nothing in the views.
                    (_, Action::WheelDown(..) | Action::WheelUp(..)) => {
                        let step = match action {
                            Action::WheelDown(..) => Action::Down,
                            _ => Action::Up,
                        };
                        for _ in 0..3 {
                            self.update_view(step);
                        }
                    }
                    (View::Compare, _) => self.compare_action(action),
                    (View::Comparisons, _) => self.comparisons_action(action),
                    (View::Prepared, _) => self.prepared_action(action),
                    (View::PreparedSearch, _) => self.prepared_search_action(action),
                    (View::Matrix, _) => self.matrix_action(action),
                    (View::Map, _) => self.map_action(action),
                }
            }
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
