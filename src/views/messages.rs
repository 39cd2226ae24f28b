//! The message log (`M`): every status-line message of the session, oldest first, wrapped, so
//! that one cut short in the status line can be read whole. It opens at the newest.

use super::scrolled::{ScrolledText, boxed};
use super::{Open, Outcome, View};
use crate::app::{Action, App, KeyMode};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Default)]
pub struct MessagesView {
    pub text: ScrolledText,
}

/// The box's widest.
const WIDTH: u16 = 100;

/// The log wrapped to `width`, a message after another, each numbered.
pub fn lines(app: &App, width: usize) -> Vec<String> {
    const NUMBER: usize = 5;
    let mut out = Vec::new();
    for (n, msg) in app.log.iter().enumerate() {
        let text = app
            .glyphs
            .text(&crate::model::sanitize::line(msg))
            .into_owned();
        for (k, r) in crate::wrap::wrap(&text, width.saturating_sub(NUMBER).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 {
                format!("{:>3}  ", n + 1)
            } else {
                " ".repeat(NUMBER)
            };
            out.push(format!("{lead}{}", &text[r]));
        }
    }
    if out.is_empty() {
        out.push("No messages yet.".into());
    }
    out
}

impl Open for MessagesView {
    fn open(_app: &mut App) -> Option<MessagesView> {
        Some(MessagesView {
            text: ScrolledText::at_end(),
        })
    }
}

impl View for MessagesView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Messages
    }

    fn name(&self) -> &'static str {
        "MESSAGES"
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        self.text.update(app, action, Action::MessageLog, WIDTH)
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let inside = boxed(area, WIDTH).1;
        self.text
            .settle(inside, app.logged, |width| lines(app, width));
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let title = format!(" Messages {} Esc closes ", ctx.sym.dot);
        self.text.draw(ctx, frame, boxed(area, WIDTH).0, title);
    }
}
