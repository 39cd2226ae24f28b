//! The help overlay, generated from the keymap itself so that it always tells the truth.

use super::Ctx;
use crate::app::KeyMode;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Every line of the help, for the overlay and for tests.
pub fn lines(ctx: &Ctx) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        out.push(Line::styled(mode.title().to_owned(), ctx.theme.heading));
        for b in ctx.app.keymap.bindings(mode) {
            if b.keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), ctx.theme.key),
                Span::raw(b.desc),
            ]));
        }
        out.push(Line::raw(""));
    }
    for note in [
        "Mouse: click to focus and select, click a link to follow it, wheel to scroll.",
        "Folds: a jump to a claim inside a fold opens the folds above it; folding keeps the",
        "Argument pane's filter.",
    ] {
        out.push(Line::styled(note, ctx.theme.dim));
    }
    out
}

pub fn help(ctx: &Ctx, frame: &mut Frame, scroll: usize) {
    let area = frame.area();
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(2);
    let body = ctx.overlay(frame, w, h, " Help · Esc closes ");
    let all = lines(ctx);
    let scroll = scroll.min(all.len().saturating_sub(body.height as usize));
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(body.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
}
