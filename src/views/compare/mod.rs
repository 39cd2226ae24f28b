//! The free comparison: two items side by side (`c` on one, `c` on another), rows aligned by
//! field, links both share marked, both sides scrolling together.

pub mod alignment;
mod draw;

use super::{Open, Outcome, View, vertical};
use crate::app::{Action, App, KeyMode, cursor, layout};
use crate::ui::glyphs::Glyphs;
use alignment::{Alignment, Columns};
use ratatui::layout::Rect;

/// Two items side by side; the cursor is on a row and a side.
#[derive(Debug, Clone)]
pub struct CompareView {
    pub alignment: Alignment,
    pub row: usize,
    /// 0 left, 1 right.
    pub side: usize,
    /// The first row on screen, and how many of its lines are scrolled above the screen.
    pub scroll: super::LineScroll,
}

impl Open for CompareView {
    /// `c`: marks the item, unmarks it, or compares it with the marked one.
    fn open(app: &mut App) -> Option<CompareView> {
        let Some(item) = app.selected_item() else {
            app.no_item();
            return None;
        };
        let title = crate::model::sanitize::line(&app.model.item(item).title).into_owned();
        match app.memory.mark {
            None => {
                app.memory.mark = Some(item);
                app.message = Some(format!(
                    "marked “{title}” for comparison — c on another item compares them"
                ));
                None
            }
            Some(marked) if marked == item => {
                app.memory.mark = None;
                app.message = Some(format!("unmarked “{title}”"));
                None
            }
            Some(marked) => {
                app.memory.mark = None;
                let alignment = alignment::align_with(&app.model, marked, item, app.glyphs);
                let (row, side, top) = app
                    .memory
                    .compare
                    .filter(|(items, (row, _, _))| {
                        *items == alignment.items && *row < alignment.rows.len()
                    })
                    .map_or((0, 0, 0), |(_, at)| at);
                Some(CompareView {
                    alignment,
                    row,
                    side,
                    scroll: super::LineScroll { top, skip: 0 },
                })
            }
        }
    }
}

/// The comparison's rows area (inside the border) and its columns, in a view drawn in `area`.
pub fn geometry(area: Rect, al: &Alignment, g: &Glyphs) -> (Rect, Columns) {
    let rows = layout::inner(area);
    let gutter = al.label_width[usize::from(g.ascii)];
    (rows, alignment::columns(rows.width as usize, gutter))
}

impl View for CompareView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Compare
    }

    fn name(&self) -> &'static str {
        "COMPARE"
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        // The cursor as the last action left it, for the next time these two are compared.
        app.memory.compare = Some((self.alignment.items, (self.row, self.side, self.scroll.top)));
        if let Some(done) = super::common(self, app, action) {
            return done;
        }
        match action {
            Action::Escape => return Outcome::Close,
            Action::SwitchSide | Action::Left | Action::Right => {
                self.side = super::switch_side(self.side, action)
            }
            Action::Copy => {
                let text = super::copy::compare(&app.model, &self.alignment, app.glyphs);
                app.copy_text(&text, "the comparison as a Markdown table".into());
            }
            Action::SwapSides => {
                self.alignment = self.alignment.swapped();
                self.side = 1 - self.side;
                app.message = Some("sides swapped".into());
            }
            Action::Open => {
                let rows = &self.alignment.rows;
                let row = &rows[self.row.min(rows.len() - 1)];
                return match row.side(self.side) {
                    Some(c) => {
                        if app.navigate(c.link.unwrap_or(self.alignment.items[self.side])) {
                            Outcome::Close
                        } else {
                            Outcome::Keep
                        }
                    }
                    None => {
                        app.message = Some("nothing on this side of the row".into());
                        Outcome::Keep
                    }
                };
            }
            _ if super::line_scroll(action, 0).is_some() => {
                // The text scrolls a line or a page; the cursor stays on screen.
                let (area, cols) = geometry(super::body(app), &self.alignment, app.glyphs);
                let (rows, h) = (&self.alignment.rows, area.height as usize);
                let height = |r: usize| alignment::row_height(&rows[r], cols);
                if let Some(d) = super::line_scroll(action, h) {
                    self.scroll.by(d, rows.len(), h, height);
                }
                let (first, last) = self.scroll.rows_on_screen(rows.len(), h, height);
                self.row = self.row.clamp(first, last);
            }
            _ => match vertical(action, super::body(app)) {
                Some(d) => {
                    self.row = cursor::step(self.row, d, self.alignment.rows.len());
                    // Moved onto the row scrolled in part above the screen: show it whole.
                    if self.row <= self.scroll.top {
                        self.scroll = super::LineScroll {
                            top: self.row,
                            skip: 0,
                        };
                    }
                }
                None => return Outcome::Keep,
            },
        }
        Outcome::Keep
    }

    fn click(&mut self, app: &mut App, x: u16, y: u16) {
        let (area, cols) = geometry(super::body(app), &self.alignment, app.glyphs);
        if !super::hit(area, x, y) {
            return;
        }
        let rows = &self.alignment.rows;
        let line = (y - area.y) as usize;
        if let Some(r) = super::row_at_line(self.scroll, rows.len(), line, |r| {
            alignment::row_height(&rows[r], cols)
        }) {
            self.row = r;
        }
        let gap = if cols.gutter > 0 {
            alignment::GUTTER_GAP
        } else {
            0
        };
        let left_end = area.x as usize + cols.gutter + gap + cols.column;
        self.side = usize::from(x as usize >= left_end);
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let (rows_area, cols) = geometry(area, &self.alignment, app.glyphs);
        let rows = &self.alignment.rows;
        self.scroll.keep(self.row, rows_area.height as usize, |r| {
            alignment::row_height(&rows[r], cols)
        });
    }

    fn draw(&self, ctx: &crate::ui::Ctx, frame: &mut ratatui::Frame, area: Rect) {
        draw::draw(self, ctx, frame, area);
    }
}
