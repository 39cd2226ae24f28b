//! The help overlay (`?`), generated from the keymap itself so that it always tells the truth. It
//! opens over the panes or over a view; `Esc` closes it and shows what was under it.

use super::{Open, Outcome, View};
use crate::app::{Action, App, KeyMode, Keymap, cursor, layout};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Default)]
pub struct HelpView {
    /// The first line on screen.
    pub scroll: usize,
}

/// What a line of the help is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A mode's title.
    Heading,
    /// Keys and what they do.
    Binding,
    Blank,
    Note,
}

/// One line of the help: its part, and for a binding its keys and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub part: Part,
    pub keys: String,
    pub text: &'static str,
}

/// Every line of the help, in order.
pub fn lines(keymap: &Keymap) -> Vec<HelpLine> {
    let line = |part, keys: String, text| HelpLine { part, keys, text };
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        out.push(line(Part::Heading, String::new(), mode.title()));
        for b in keymap.bindings(mode) {
            if b.keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            out.push(line(Part::Binding, keys.join(" "), b.desc));
        }
        out.push(line(Part::Blank, String::new(), ""));
    }
    for note in [
        "Mouse: click to focus and select, click a link to follow it, wheel to scroll.",
        "Folds: a jump to a claim inside a fold opens the folds above it; folding keeps the",
        "Argument pane's filter.",
    ] {
        out.push(line(Part::Note, String::new(), note));
    }
    out
}

/// The help's box on a screen `area`, and its inside.
fn boxed(area: Rect) -> (Rect, Rect) {
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(2);
    let rect = crate::ui::centred(area, w, h);
    (rect, layout::inner(rect))
}

impl Open for HelpView {
    fn open(_app: &mut App) -> Option<HelpView> {
        Some(HelpView::default())
    }
}

impl View for HelpView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Help
    }

    fn name(&self) -> &'static str {
        "HELP"
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        let height = boxed(app.screen().full).1.height as usize;
        let delta = match action {
            Action::Escape | Action::Help => return Outcome::Close,
            Action::WheelDown(..) => 3,
            Action::WheelUp(..) => -3,
            _ => match cursor::delta(action, height) {
                Some(d) => d,
                // A click closes the help and acts on the panes.
                None => return Outcome::Unhandled,
            },
        };
        // Past the end is clamped by `settle`, which knows how many lines there are.
        self.scroll = (self.scroll as isize).saturating_add(delta).max(0) as usize;
        Outcome::Keep
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let shown = boxed(area).1.height as usize;
        let total = lines(&app.keymap).len();
        self.scroll = self.scroll.min(total.saturating_sub(shown));
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let g = ctx.sym;
        let title = format!(" Help {} Esc closes ", g.dot);
        let (rect, _) = boxed(area);
        let inside = ctx.overlay(frame, rect, Line::styled(title, ctx.theme.title));
        let shown: Vec<Line> = lines(&ctx.app.keymap)
            .into_iter()
            .skip(self.scroll)
            .take(inside.height as usize)
            .map(|l| match l.part {
                Part::Heading => Line::styled(g.text(l.text).into_owned(), ctx.theme.heading),
                Part::Binding => Line::from(vec![
                    Span::styled(format!("  {:<22}", l.keys), ctx.theme.key),
                    Span::raw(g.text(l.text).into_owned()),
                ]),
                Part::Blank => Line::raw(""),
                Part::Note => Line::styled(g.text(l.text).into_owned(), ctx.theme.dim),
            })
            .collect();
        frame.render_widget(Paragraph::new(shown), inside);
    }
}
