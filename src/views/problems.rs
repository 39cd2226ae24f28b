//! The problems of the file's newest version, when it did not load (`P`): each as `check` prints
//! it, `FILE:LINE:COL: path: message`, so the reader can go to the line in their editor. The map
//! on screen stays the last good one until the file is fixed.

use super::{Open, Outcome, View};
use crate::app::{Action, App, KeyMode, layout};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Default)]
pub struct ProblemsView {
    /// The first screen row shown.
    pub scroll: usize,
    /// The problems wrapped to the box's width, a screen row each: made when the width or the
    /// problems change (in `settle`), so drawing only reads them and scrolling reaches every word.
    rows: Vec<String>,
    /// The width and the problems' count `rows` were made for.
    made_for: (usize, usize),
}

/// The lines to show: one a problem, through the same sanitizer as document text.
pub fn lines(app: &App) -> Vec<String> {
    let name = app
        .file
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    app.problems
        .iter()
        .flatten()
        .map(|p| {
            let sep = if p.line.is_some() { "" } else { " " };
            crate::model::sanitize::line(&format!("{name}:{sep}{p}")).into_owned()
        })
        .collect()
}

fn boxed(area: Rect) -> (Rect, Rect) {
    let w = area.width.saturating_sub(4).min(110);
    let h = area.height.saturating_sub(2);
    let rect = crate::ui::centred(area, w, h);
    (rect, layout::inner(rect))
}

impl Open for ProblemsView {
    fn open(app: &mut App) -> Option<ProblemsView> {
        if app.problems.is_none() {
            app.message =
                Some("the file has no problems: what is on screen is what it says".into());
            return None;
        }
        Some(ProblemsView::default())
    }
}

impl View for ProblemsView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Problems
    }

    fn name(&self) -> &'static str {
        "PROBLEMS"
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        let height = boxed(app.screen().body).1.height as usize;
        let delta = match action {
            Action::Escape | Action::ShowProblems => return Outcome::Close,
            Action::WheelDown(..) => 3,
            Action::WheelUp(..) => -3,
            _ => match crate::app::cursor::delta(action, height) {
                Some(d) => d,
                None => return Outcome::Unhandled,
            },
        };
        self.scroll = (self.scroll as isize).saturating_add(delta).max(0) as usize;
        Outcome::Keep
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let inside = boxed(area).1;
        let key = (
            inside.width as usize,
            app.problems.as_ref().map_or(0, Vec::len),
        );
        if key != self.made_for {
            self.rows = lines(app)
                .iter()
                .flat_map(|l| crate::wrap::wrapped(&app.glyphs.text(l), key.0.max(1)))
                .collect();
            self.made_for = key;
        }
        let shown = inside.height as usize;
        self.scroll = self
            .scroll
            .min(self.rows.len().saturating_sub(shown.max(1)));
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let g = ctx.sym;
        let n = ctx.app.problems.as_ref().map_or(0, Vec::len);
        let title = format!(
            " {n} problem{} {} last good map shown {} Esc closes ",
            if n == 1 { "" } else { "s" },
            g.dot,
            g.dot
        );
        let (rect, _) = boxed(area);
        let inside = ctx.overlay(frame, rect, Line::styled(title, ctx.theme.title));
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
