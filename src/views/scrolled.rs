//! A box of wrapped lines over the screen, scrolled a line at a time: the message log and a
//! file's problems. The lines are wrapped once, when the box's width or what they show changes
//! (in `settle`), so drawing only reads them, and scrolling reaches every word.

use crate::app::{Action, layout};
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
        let key = (inside.width.max(1) as usize, version);
        if self.made_for != Some(key) {
            self.rows = rows(key.0);
            self.made_for = Some(key);
        }
        self.scroll = self.scroll.min(
            self.rows
                .len()
                .saturating_sub((inside.height as usize).max(1)),
        );
    }

    /// The box at `rect` with `title`, `▲ more` / `▼ more` on its border, and the rows on screen.
    pub fn draw(&self, ctx: &Ctx, frame: &mut Frame, rect: Rect, title: String) {
        let height = layout::inner(rect).height as usize;
        let below = self.scroll.saturating_add(height) < self.rows.len();
        let inside = ctx.overlay_more(
            frame,
            rect,
            Line::styled(title, ctx.theme.title),
            self.scroll > 0,
            below,
        );
        let shown: Vec<Line> = self
            .rows
            .iter()
            .skip(self.scroll)
            .take(inside.height as usize)
            .map(|r| Line::raw(r.as_str()))
            .collect();
        frame.render_widget(Paragraph::new(shown), inside);
    }
}
