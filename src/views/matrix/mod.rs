//! The provisions × recommendations matrix (`x`): which recommendation addresses which
//! provision, a cursor on a cell, and the next provision nothing addresses (`u`, `U`).

mod draw;
pub mod grid;

use super::{Open, Outcome, View, vertical};
use crate::app::{Action, App, KeyMode, cursor};
use grid::Matrix;
use ratatui::layout::Rect;

#[derive(Debug, Clone)]
pub struct MatrixView {
    pub matrix: Matrix,
    pub row: usize,
    pub col: usize,
    /// The first row and column on screen.
    pub top: usize,
    pub left: usize,
    /// The cell box's first line on screen, and the cell it belongs to (another cell starts at
    /// its top).
    pub cell_scroll: ((usize, usize), usize),
}

/// The matrix's cursor, kept when it closes so that it opens where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remembered {
    /// The matrix's size, to tell whether it is the same matrix.
    pub size: (usize, usize),
    pub row: usize,
    pub col: usize,
    pub top: usize,
    pub left: usize,
}

impl Open for MatrixView {
    fn open(app: &mut App) -> Option<MatrixView> {
        let matrix = Matrix::new(&app.model);
        if matrix.rows() == 0 || matrix.cols() == 0 {
            app.message = Some("the matrix needs provisions and recommendations; this document lacks one or the other".into());
            return None;
        }
        let size = (matrix.rows(), matrix.cols());
        let kept = app.memory.matrix.filter(|m| m.size == size);
        Some(MatrixView {
            matrix,
            row: kept.map_or(0, |m| m.row),
            col: kept.map_or(0, |m| m.col),
            top: kept.map_or(0, |m| m.top),
            left: kept.map_or(0, |m| m.left),
            cell_scroll: ((0, 0), 0),
        })
    }
}

impl MatrixView {
    /// The cell box's first line on screen, for `lines` lines in a box `height` tall.
    pub fn cell_top(&self, lines: usize, height: usize) -> usize {
        let (cell, top) = self.cell_scroll;
        if cell != (self.row, self.col) {
            return 0;
        }
        top.min(lines.saturating_sub(height.max(1)))
    }

    fn remember(&self, app: &mut App) {
        app.memory.matrix = Some(Remembered {
            size: (self.matrix.rows(), self.matrix.cols()),
            row: self.row,
            col: self.col,
            top: self.top,
            left: self.left,
        });
    }
}

impl View for MatrixView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Matrix
    }

    fn name(&self) -> &'static str {
        "MATRIX"
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        if let Some(done) = super::common(self, app, action) {
            return done;
        }
        let outcome = self.act(app, action);
        self.remember(app);
        outcome
    }

    fn over_text(&self, app: &App, x: u16, y: u16) -> bool {
        super::hit(grid::geometry(super::body(app), &self.matrix).detail, x, y)
    }

    fn click(&mut self, app: &mut App, x: u16, y: u16) {
        let g = grid::geometry(super::body(app), &self.matrix);
        let area = crate::app::layout::inner(g.grid);
        if !super::hit(area, x, y) {
            return;
        }
        // Below the header row, a provision's row.
        if y > area.y {
            let r = self.top + (y - area.y - 1) as usize;
            if r < self.matrix.rows() {
                self.row = r;
            }
        }
        let from = area.x as usize + g.label;
        if (x as usize) >= from {
            let c = self.left + (x as usize - from) / g.col.max(1);
            if c < self.matrix.cols() && c < self.left + g.cols_shown {
                self.col = c;
            }
        }
        self.remember(app);
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let g = grid::geometry(area, &self.matrix);
        self.top = cursor::keep_in_view(self.top, self.row, g.rows_shown);
        self.left = cursor::keep_in_view(self.left, self.col, g.cols_shown);
        let body = crate::app::layout::inner(g.detail);
        let lines = draw::cell_lines(app, self, body.width as usize).len();
        self.cell_scroll = (
            (self.row, self.col),
            self.cell_top(lines, body.height as usize),
        );
    }

    fn draw(&self, ctx: &crate::ui::Ctx, frame: &mut ratatui::Frame, area: Rect) {
        draw::draw(self, ctx, frame, area);
    }
}

impl MatrixView {
    fn act(&mut self, app: &mut App, action: Action) -> Outcome {
        let mx = &self.matrix;
        match action {
            Action::Escape => return Outcome::Close,
            Action::Copy => {
                let text = super::copy::matrix(&app.model, mx);
                app.copy_text(
                    &text,
                    format!("the matrix as CSV ({} × {})", mx.rows(), mx.cols()),
                );
            }
            Action::DetailLineDown
            | Action::DetailLineUp
            | Action::DetailPageDown
            | Action::DetailPageUp => {
                // The cell box scrolls (settle clamps it to its lines).
                let g = grid::geometry(super::body(app), mx);
                let h = crate::app::layout::inner(g.detail).height as usize;
                let d = super::line_scroll(action, h).unwrap_or(0);
                let top = self.cell_top(usize::MAX, 0);
                self.cell_scroll = ((self.row, self.col), (top as isize + d).max(0) as usize);
            }
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(mx.cols() - 1),
            Action::Open => {
                return if app.navigate(mx.recommendations[self.col]) {
                    Outcome::Close
                } else {
                    Outcome::Keep
                };
            }
            Action::OpenRow => {
                return if app.navigate(mx.provisions[self.row]) {
                    Outcome::Close
                } else {
                    Outcome::Keep
                };
            }
            Action::NextUnaddressed | Action::PrevUnaddressed => {
                let forward = action == Action::NextUnaddressed;
                match mx.next_unaddressed(self.row, forward) {
                    Some(next) => {
                        let row = next.at;
                        self.row = row;
                        let title =
                            crate::model::sanitize::line(&app.model.item(mx.provisions[row]).title)
                                .into_owned();
                        let n = mx.unaddressed();
                        let mut msg = format!(
                            "P{} “{title}”: no recommendation addresses it ({n} such provision{})",
                            row + 1,
                            if n == 1 { "" } else { "s" }
                        );
                        if let Some(wrapped) = next.message("") {
                            msg.push_str(" —");
                            msg.push_str(&wrapped);
                        }
                        app.message = Some(msg);
                    }
                    None => {
                        app.message =
                            Some("every provision is addressed by some recommendation".into())
                    }
                }
            }
            _ => {
                if let Some(d) = vertical(action, super::body(app)) {
                    self.row = cursor::step(self.row, d, mx.rows());
                }
            }
        }
        Outcome::Keep
    }
}
