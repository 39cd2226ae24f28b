//! A box of wrapped lines over the screen, scrolled a line at a time: the message log and a
//! file's problems. The lines are wrapped once, when the box's width or what they show changes
//! (in `settle`), so drawing only reads them, and scrolling reaches every word.

use super::Outcome;
use crate::app::{Action, App, layout};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// A box at most `max_width` wide, centred in the screen's body `area` with a row free above and
/// below, and its inside.
pub fn boxed(area: Rect, max_width: u16) -> (Rect, Rect) {
    let w = area.width.saturating_sub(4).min(max_width);
    let h = area.height.saturating_sub(2);
    let rect = crate::ui::centred(area, w, h);
    (rect, layout::inner(rect))
}

/// How far `action` scrolls a page of text `height` rows tall (the moving keys and the wheel), or
/// `None` when it does not scroll.
pub fn page_delta(action: Action, height: usize) -> Option<isize> {
    match action {
        Action::WheelDown(..) => Some(3),
        Action::WheelUp(..) => Some(-3),
        _ => crate::app::cursor::delta(action, height),
    }
}

#[derive(Debug, Clone, Default)]
pub struct ScrolledText {
    /// The first row on screen (`usize::MAX`: the end, until the first settle).
    pub scroll: usize,
    /// The lines wrapped to the box's inside, a screen row each.
    rows: Vec<String>,
    /// The width and the version of what is shown that `rows` were made for.
    made_for: Option<(usize, usize)>,
}

impl ScrolledText {
    /// Opening at the last row.
    pub fn at_end() -> ScrolledText {
        ScrolledText {
            scroll: usize::MAX,
            ..ScrolledText::default()
        }
    }

    /// The keys of a box that only shows text, at most `max_width` wide over the screen: `Esc`
    /// or its own key (`toggle`) closes it, the moving keys and the wheel scroll it, and the
    /// rest is the panes'.
    pub fn update(&mut self, app: &App, action: Action, toggle: Action, max_width: u16) -> Outcome {
        if action == Action::Escape || action == toggle {
            return Outcome::Close;
        }
        if self.scroll_by(action, boxed(app.screen().body, max_width).1) {
            Outcome::Keep
        } else {
            Outcome::Unhandled
        }
    }

    /// Scrolls for `action` in a box `inside` the screen; false when it does not scroll.
    pub fn scroll_by(&mut self, action: Action, inside: Rect) -> bool {
        match page_delta(action, inside.height as usize) {
            Some(d) => {
                // Past the end is clamped by `settle`, which knows how many rows there are.
                self.scroll = (self.scroll as isize).saturating_add(d).max(0) as usize;
                true
            }
            None => false,
        }
    }

    /// Wraps what `rows` makes for a width (rows already wrapped to it) when the width or
    /// `version` changed since the last time, and keeps the scroll in the rows.
    pub fn settle(
        &mut self,
        inside: Rect,
        version: usize,
        rows: impl FnOnce(usize) -> Vec<String>,
    ) {
        self.ensure(inside.width as usize, version, rows);
        self.clamp(inside.height as usize);
    }

    /// The rows for `width` and `version`, made again only when either changed.
    pub fn ensure(
        &mut self,
        width: usize,
        version: usize,
        rows: impl FnOnce(usize) -> Vec<String>,
    ) {
        let key = (width.max(1), version);
        if self.made_for != Some(key) {
            self.rows = rows(key.0);
            self.made_for = Some(key);
        }
    }

    /// Keeps the scroll in the rows, for a box `height` rows tall.
    pub fn clamp(&mut self, height: usize) {
        self.scroll = self
            .scroll
            .min(self.rows.len().saturating_sub(height.max(1)));
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether rows are hidden above and below a box `height` rows tall.
    pub fn more(&self, height: usize) -> (bool, bool) {
        (
            self.scroll > 0,
            self.scroll.saturating_add(height) < self.rows.len(),
        )
    }

    /// The rows on screen in a box `height` rows tall.
    pub fn shown(&self, height: usize) -> impl Iterator<Item = &str> {
        self.rows
            .iter()
            .skip(self.scroll)
            .take(height)
            .map(String::as_str)
    }

    /// The box at `rect` with `title`, `▲ more` / `▼ more` on its border, and the rows on screen.
    pub fn draw(&self, ctx: &Ctx, frame: &mut Frame, rect: Rect, title: String) {
        let (above, below) = self.more(layout::inner(rect).height as usize);
        let inside = ctx.overlay_more(
            frame,
            rect,
            Line::styled(title, ctx.theme.title),
            above,
            below,
        );
        let shown: Vec<Line> = self.shown(inside.height as usize).map(Line::raw).collect();
        frame.render_widget(Paragraph::new(shown), inside);
    }
}
