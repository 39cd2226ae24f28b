//! One prepared comparison, open: the author's two columns with paired items on one row, a
//! cursor on a row and a side, and a search within the comparison (`/`, `n`, `N`).

mod draw;
pub mod rows;

use super::{Outcome, View, vertical};
use crate::app::input::LineInput;
use crate::app::{Action, App, KeyMode, cursor, layout};
use ratatui::layout::Rect;
use rows::{PairRow, Slot};

/// One prepared comparison, open.
#[derive(Debug, Clone)]
pub struct PreparedView {
    /// Index into `Document::comparisons`.
    pub comparison: usize,
    pub rows: Vec<PairRow>,
    pub row: usize,
    pub side: usize,
    /// The first row on screen, and how many of its lines are scrolled above the screen.
    pub scroll: super::LineScroll,
    /// The search within the comparison (`/`), while typed and after.
    pub find: Option<rows::Find>,
    /// The search is being typed (the prompt's keys apply).
    pub typing: bool,
}

/// Lines above the rows: the columns' labels and a rule.
const HEAD_LINES: u16 = 2;

/// Inside the border of a view drawn in `area`: the head, the rows area and each column's width.
pub fn geometry(area: Rect) -> (Rect, Rect, usize) {
    let inside = layout::inner(area);
    let head = HEAD_LINES.min(inside.height);
    let head_area = Rect::new(inside.x, inside.y, inside.width, head);
    let rows_area = Rect::new(
        inside.x,
        inside.y + head,
        inside.width,
        inside.height - head,
    );
    (
        head_area,
        rows_area,
        rows::column_width(rows_area.width as usize),
    )
}

impl PreparedView {
    pub fn open(app: &App, comparison: usize) -> Option<PreparedView> {
        let cmp = app.model.doc.comparisons.get(comparison)?;
        let rows = rows::align(&app.model, cmp);
        // Where the reader left this comparison, if it is still a row of it.
        let (row, side, top) = app
            .memory
            .prepared
            .get(&comparison)
            .copied()
            .filter(|&(row, _, _)| row < rows.len())
            .unwrap_or_default();
        Some(PreparedView {
            comparison,
            rows,
            row,
            side,
            scroll: super::LineScroll { top, skip: 0 },
            find: None,
            typing: false,
        })
    }

    /// Typing the search: the prompt's keys, applied to the rows.
    fn type_search(&mut self, app: &mut App, action: Action) -> Outcome {
        let Some(find) = self.find.as_mut() else {
            self.typing = false;
            return Outcome::Keep;
        };
        match action {
            Action::PromptAccept => {
                if find.query.is_empty() {
                    self.find = None;
                } else {
                    app.query_history.push(find.query.as_str());
                }
                self.typing = false;
            }
            Action::PromptCancel => {
                self.row = find.origin;
                self.find = None;
                self.typing = false;
            }
            _ if find.query.edit(action, &mut app.message) => {
                // Incremental: the first matching row at or after where the search started.
                find.rows = rows::matching_rows(&app.model, &self.rows, find.query.as_str());
                match find.first_from(find.origin) {
                    Some(row) => self.row = row,
                    None => {
                        self.row = find.origin;
                        if !find.query.is_empty() {
                            app.message = Some(format!("no match for \"{}\"", find.query.as_str()));
                        }
                    }
                }
            }
            _ => {}
        }
        Outcome::Keep
    }
}

impl View for PreparedView {
    fn key_mode(&self) -> KeyMode {
        if self.typing {
            KeyMode::Prompt
        } else {
            KeyMode::Prepared
        }
    }

    fn name(&self) -> &'static str {
        if self.typing { "SEARCH" } else { "COMPARISON" }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        // The cursor as the last action left it (the action that closes the view moves none).
        app.memory
            .prepared
            .insert(self.comparison, (self.row, self.side, self.scroll.top));
        if self.typing {
            if let Some(step) = super::wheel_step(action) {
                for _ in 0..3 {
                    self.type_search(app, step);
                }
                return Outcome::Keep;
            }
            return self.type_search(app, action);
        }
        if let Some(done) = super::common(self, app, action) {
            return done;
        }
        match action {
            Action::Escape if self.find.is_some() => {
                self.find = None;
                app.message = Some("search cleared".into());
            }
            Action::Escape => return Outcome::Close,
            Action::StartSearch => {
                self.find = Some(rows::Find {
                    query: LineInput::default(),
                    rows: Vec::new(),
                    origin: self.row,
                });
                self.typing = true;
            }
            Action::NextMatch | Action::PrevMatch => {
                let forward = action == Action::NextMatch;
                match self.find.as_ref().map(|f| f.step(self.row, forward)) {
                    Some(Some(next)) => {
                        self.row = next.at;
                        if let Some(msg) = next.message("search") {
                            app.message = Some(msg);
                        }
                    }
                    Some(None) => app.message = Some("no match".into()),
                    None => app.message = Some("no search: / starts one".into()),
                }
            }
            Action::Copy => {
                if let Some(cmp) = app.model.doc.comparisons.get(self.comparison) {
                    let text = super::copy::prepared(&app.model, cmp, &self.rows);
                    app.copy_text(&text, "the comparison as a Markdown table".into());
                }
            }
            Action::SwitchSide | Action::Left | Action::Right => {
                self.side = super::switch_side(self.side, action)
            }
            Action::Open => {
                return match self.rows.get(self.row).map(|r| r.side(self.side)) {
                    Some(Slot::Item(i) | Slot::Again(i)) => {
                        if app.navigate(i) {
                            Outcome::Close
                        } else {
                            Outcome::Keep
                        }
                    }
                    _ => {
                        app.message = Some("nothing on this side of the row".into());
                        Outcome::Keep
                    }
                };
            }
            _ if super::line_scroll(action, 0).is_some() => {
                // The text scrolls a line or a page; the cursor stays on screen.
                let (_, rows_area, column) = geometry(super::body(app));
                let (model, rows, h) = (&app.model, &self.rows, rows_area.height as usize);
                let height = |r: usize| rows::row_height(model, &rows[r], column);
                if let Some(d) = super::line_scroll(action, h) {
                    self.scroll.by(d, rows.len(), h, height);
                }
                let (first, last) = self.scroll.rows_on_screen(rows.len(), h, height);
                self.row = self.row.clamp(first, last.max(first));
            }
            _ => {
                if let Some(d) = vertical(action, super::body(app)) {
                    self.row = cursor::step(self.row, d, self.rows.len());
                    if self.row <= self.scroll.top {
                        self.scroll = super::LineScroll {
                            top: self.row,
                            skip: 0,
                        };
                    }
                }
            }
        }
        Outcome::Keep
    }

    fn click(&mut self, app: &mut App, x: u16, y: u16) {
        let (_, rows_area, column) = geometry(super::body(app));
        if !super::hit(rows_area, x, y) {
            return;
        }
        let (model, rows) = (&app.model, &self.rows);
        let line = (y - rows_area.y) as usize;
        if let Some(r) = super::row_at_line(self.scroll, rows.len(), line, |r| {
            rows::row_height(model, &rows[r], column)
        }) {
            self.row = r;
        }
        self.side = usize::from(x as usize >= rows_area.x as usize + column);
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let (_, rows_area, column) = geometry(area);
        let model = &app.model;
        let rows = &self.rows;
        self.scroll.keep(self.row, rows_area.height as usize, |r| {
            rows::row_height(model, &rows[r], column)
        });
    }

    fn draw(&self, ctx: &crate::ui::Ctx, frame: &mut ratatui::Frame, area: Rect) {
        draw::draw(self, ctx, frame, area);
    }
}
