//! The problems of the file's newest version, when it did not load (`P`): each as `check` prints
//! it, `FILE:LINE:COL: path: message`, so the reader can go to the line in their editor. The map
//! on screen stays the last good one until the file is fixed.

use super::scrolled::{ScrolledText, boxed};
use super::{Open, Outcome, View};
use crate::app::{Action, App, KeyMode};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Default)]
pub struct ProblemsView {
    pub text: ScrolledText,
}

/// The box's widest.
const WIDTH: u16 = 110;

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
        self.text.update(app, action, Action::ShowProblems, WIDTH)
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let inside = boxed(area, WIDTH).1;
        let count = app.problems.as_ref().map_or(0, Vec::len);
        self.text.settle(inside, count, |width| {
            lines(app)
                .iter()
                .flat_map(|l| crate::wrap::wrapped(&app.glyphs.text(l), width))
                .collect()
        });
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
        self.text.draw(ctx, frame, boxed(area, WIDTH).0, title);
    }
}
