//! The message log (`M`): every status-line message of the session, oldest first, wrapped, so
//! that one cut short in the status line can be read whole. It opens at the newest.

use super::{Open, Outcome, View};
use crate::app::{Action, App, KeyMode, layout};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Default)]
pub struct MessagesView {
    /// The first line on screen (`usize::MAX`: the end, until the first settle).
    pub scroll: usize,
}

/// The log's box on a screen `area`, and its inside.
fn boxed(area: Rect) -> (Rect, Rect) {
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let rect = crate::ui::centred(area, w, h);
    (rect, layout::inner(rect))
}

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
        Some(MessagesView { scroll: usize::MAX })
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
        let height = boxed(app.screen().body).1.height as usize;
        let delta = match action {
            Action::Escape | Action::MessageLog => return Outcome::Close,
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
        let total = lines(app, inside.width as usize).len();
        self.scroll = self
            .scroll
            .min(total.saturating_sub(inside.height as usize));
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let (rect, inner) = boxed(area);
        let title = format!(" Messages {} Esc closes ", ctx.sym.dot);
        let all = lines(ctx.app, inner.width as usize);
        let below = self.scroll + (inner.height as usize) < all.len();
        let inside = ctx.overlay_more(
            frame,
            rect,
            Line::styled(title, ctx.theme.title),
            self.scroll > 0,
            below,
        );
        let shown: Vec<Line> = all
            .into_iter()
            .skip(self.scroll)
            .take(inside.height as usize)
            .map(Line::raw)
            .collect();
        frame.render_widget(Paragraph::new(shown), inside);
    }
}
