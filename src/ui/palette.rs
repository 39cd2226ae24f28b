//! The palette: one query over every pane, with a count per pane; Enter jumps to the selected item.

use super::{Ctx, fit, inner};
use crate::app::Pane;
use crate::app::search::Prompt;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn palette(ctx: &Ctx, frame: &mut Frame, prompt: &Prompt) {
    let area = frame.area();
    let w = (area.width.saturating_sub(4)).min(90);
    let h = (area.height.saturating_sub(4)).min(24);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    super::clear(frame, rect);
    frame.render_widget(
        ctx.block(Line::styled(" Jump to any item ", ctx.theme.title), true),
        rect,
    );
    let body = inner(rect);
    if body.area() == 0 {
        return;
    }
    let width = body.width as usize;
    let results = &ctx.app.palette;
    let mut lines = vec![Line::from(vec![
        Span::styled(": ", ctx.theme.key),
        Span::raw(fit(
            &prompt.input,
            width.saturating_sub(3),
            ctx.sym.ellipsis,
        )),
        Span::styled("▏", ctx.theme.key),
    ])];
    let counts: Vec<String> = results
        .counts
        .iter()
        .map(|(p, n)| format!("{} {n}", p.title()))
        .collect();
    lines.push(Line::styled(
        fit(&counts.join(" · "), width, ctx.sym.ellipsis),
        ctx.theme.dim,
    ));
    let room = (body.height as usize).saturating_sub(2);
    if prompt.input.is_empty() {
        lines.push(Line::styled(
            "Type to search titles, summaries, quotes, tags and fields.",
            ctx.theme.dim,
        ));
    } else if results.items.is_empty() {
        lines.push(Line::styled("No item matches.", ctx.theme.dim));
    }
    let skip = (prompt.selected + 1).saturating_sub(room);
    for (n, &item) in results.items.iter().enumerate().skip(skip).take(room) {
        let it = ctx.app.model.item(item);
        let selected = n == prompt.selected;
        let style = if selected {
            ctx.theme.selected
        } else {
            Style::new()
        };
        let pane = Pane::of_kind(it.kind);
        let tag = format!("{} {:<15} ", pane.number(), pane.title());
        lines.push(Line::from(vec![
            Span::styled(if selected { ctx.sym.selected } else { "  " }, style),
            Span::styled(tag.clone(), style.patch(ctx.theme.dim)),
            Span::styled(
                fit(
                    &it.title,
                    width.saturating_sub(tag.len() + 2),
                    ctx.sym.ellipsis,
                ),
                style,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), body);
}
