//! Drawing one prepared comparison: the columns' labels over a rule, then the rows, paired
//! items joined across the divider.

use super::PreparedView;
use super::rows::{self, SlotPart};
use crate::model::sanitize;
use crate::ui::{Ctx, fit, pad};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One prepared comparison: the two labelled columns, paired rows joined by `↔`.
pub fn draw(view: &PreparedView, ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let app = ctx.app;
    let Some(cmp) = app.model.doc.comparisons.get(view.comparison) else {
        return;
    };
    let g = ctx.sym;
    let title = Line::styled(format!(" {} ", sanitize::line(&cmp.title)), ctx.theme.title);
    let mut bottom = format!(
        " row {}/{} ",
        (view.row + 1).min(view.rows.len()),
        view.rows.len()
    );
    if let Some(find) = &view.find {
        let position = format!(" {} ", find.position(view.row));
        let query = if view.typing {
            // What the border leaves the query, so that its caret is on screen.
            let room = (body.width as usize).saturating_sub(
                crate::wrap::str_width(&bottom)
                    + crate::wrap::str_width(g.dot)
                    + crate::wrap::str_width(&position)
                    + 4,
            );
            let line = crate::ui::line::shown(&find.query, room, g.caret, g.ellipsis);
            format!("{}{}{}", line.before, g.caret, line.after)
        } else {
            sanitize::line(find.query.as_str()).into_owned()
        };
        bottom.push_str(&format!("{} /{query}{position}", g.dot));
    }
    let (head_area, rows_area, column) = super::geometry(body);
    let (above, below) = view
        .scroll
        .more(view.rows.len(), rows_area.height as usize, |r| {
            rows::row_height(&app.model, &view.rows[r], column)
        });
    let block = ctx.more(
        ctx.block(title, true)
            .title_bottom(crate::ui::border_text(Line::styled(bottom, ctx.theme.dim))),
        above,
        below,
    );
    frame.render_widget(block, body);
    if head_area.area() == 0 {
        return;
    }
    let (bar, link) = (g.divider, g.paired);
    // Column labels and a rule.
    let label = |side: &crate::model::Side, focused: bool| {
        let text = format!("{} ({})", sanitize::line(&side.label), side.items.len());
        let style = if focused {
            ctx.theme.heading.patch(ctx.theme.selected_unfocused)
        } else {
            ctx.theme.heading
        };
        let room = column.saturating_sub(rows::MARKER);
        Span::styled(
            format!("  {}", pad(&fit(&text, room, ctx.sym.ellipsis), room)),
            style,
        )
    };
    let rule = g.rule;
    let head = vec![
        Line::from(vec![
            label(&cmp.left, view.side == 0),
            Span::styled(bar, ctx.theme.border),
            label(&cmp.right, view.side == 1),
        ]),
        Line::styled(rule.repeat(head_area.width as usize), ctx.theme.border),
    ];
    frame.render_widget(Paragraph::new(head), head_area);
    if rows_area.area() == 0 {
        return;
    }
    let height = rows_area.height as usize;
    let model = &app.model;
    let mut lines: Vec<Line> = Vec::new();
    // Lines of the first row scrolled above the screen.
    let mut skip = view.scroll.skip;
    for (r, row) in view.rows.iter().enumerate().skip(view.scroll.top) {
        if lines.len() >= height {
            break;
        }
        let sides = [
            rows::slot_lines(model, row.left, column),
            rows::slot_lines(model, row.right, column),
        ];
        let h = rows::row_height(model, row, column);
        for k in std::mem::take(&mut skip).min(h)..h {
            let mut spans = Vec::new();
            for (side, slot_lines) in sides.iter().enumerate() {
                if side == 1 {
                    let joint = if k == 0 && row.paired { link } else { bar };
                    let style = if k == 0 && row.paired {
                        ctx.theme.linked
                    } else {
                        ctx.theme.border
                    };
                    spans.push(Span::styled(joint, style));
                }
                let on_row = r == view.row;
                let cursor = on_row && side == view.side;
                let marker = if cursor && k == 0 {
                    ctx.sym.selected
                } else {
                    "  "
                };
                let (text, part) = slot_lines
                    .get(k)
                    .map_or(("", None), |(t, p)| (t.as_str(), Some(*p)));
                let mut style = match part {
                    Some(SlotPart::Title) => ctx.theme.title,
                    Some(SlotPart::Summary) => Style::new(),
                    Some(SlotPart::Again) | Some(SlotPart::Filler) | None => ctx.theme.dim,
                };
                let ditto;
                let text = match part {
                    Some(SlotPart::Filler) => g.dot,
                    Some(SlotPart::Again) => {
                        let room = column.saturating_sub(rows::MARKER + 2);
                        ditto = format!("{} {}", g.ditto, fit(text, room, ctx.sym.ellipsis));
                        ditto.as_str()
                    }
                    _ => text,
                };
                let matched = view
                    .find
                    .as_ref()
                    .is_some_and(|f| !f.query.is_empty() && f.rows.binary_search(&r).is_ok());
                if matched && part == Some(SlotPart::Title) {
                    style = style.patch(ctx.theme.matched);
                }
                if on_row && k + 1 < h && part.is_some() {
                    style = style.patch(if cursor {
                        ctx.theme.selected
                    } else {
                        ctx.theme.selected_unfocused
                    });
                }
                spans.push(Span::styled(marker, style));
                spans.push(Span::styled(
                    pad(text, column.saturating_sub(rows::MARKER)),
                    style,
                ));
            }
            lines.push(Line::from(spans));
            if lines.len() >= height {
                break;
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), rows_area);
}
