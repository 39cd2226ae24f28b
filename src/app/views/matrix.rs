//! The matrix's actions: moving over cells, opening either item, the next unaddressed provision.

use super::{MatrixView, View, body, clamp_step, scroll_lines};
use crate::app::matrix::{self, Matrix};
use crate::app::{Action, App, Mode};

impl App {
    pub(super) fn open_matrix(&mut self) {
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
        self.mode = Mode::View(View::Matrix);
    }

    pub(super) fn matrix_action(&mut self, action: Action) {
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
}
