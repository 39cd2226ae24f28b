//! Drawing the free comparison: a gutter of field labels (or inline labels on narrow screens)
//! and two columns, drawn from one list of rows so both sides scroll together.

use super::CompareView;
use super::alignment::{self as compare, Field, Row};
use crate::ui::{Ctx, fit, pad};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(view: &CompareView, ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let app = ctx.app;
    let al = &view.alignment;
    let g = ctx.sym;
    let title = Line::from(vec![
        Span::styled(" Compare ", ctx.theme.title),
        Span::styled(
            format!("{} {}a link both have ", g.dot, g.shared),
            ctx.theme.dim,
        ),
    ]);
    let bottom = format!(" row {}/{} ", view.row + 1, al.rows.len());
    let (area, cols) = super::geometry(body, al, g);
    let height = area.height as usize;
    let (above, below) = view.scroll.more(al.rows.len(), height, |r| {
        compare::row_height(&al.rows[r], cols)
    });
    let block = ctx.more(
        ctx.block(title, true)
            .title_bottom(crate::ui::border_text(Line::styled(bottom, ctx.theme.dim))),
        above,
        below,
    );
    frame.render_widget(block, body);
    if area.area() == 0 || al.rows.is_empty() {
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    // Lines of the first row scrolled above the screen.
    let mut skip = view.scroll.skip;
    for (r, row) in al.rows.iter().enumerate().skip(view.scroll.top) {
        if lines.len() >= height {
            break;
        }
        let label = compare::label(&app.model, row.field, g);
        if compare::has_heading(row, cols) && skip > 0 {
            skip -= 1;
        } else if compare::has_heading(row, cols) {
            lines.push(Line::styled(
                fit(&label, area.width as usize, ctx.sym.ellipsis),
                ctx.theme.heading,
            ));
        }
        let h = compare::row_height(row, cols) - usize::from(compare::has_heading(row, cols));
        let tw = compare::text_width(row, cols.column);
        let wrapped: Vec<Vec<String>> = (0..2)
            .map(|side| match compare::cell_text(row, side, cols) {
                Some(t) => crate::wrap::wrapped(&t, tw),
                None => Vec::new(),
            })
            .collect();
        for k in std::mem::take(&mut skip).min(h)..h {
            if lines.len() >= height {
                break;
            }
            let mut spans = Vec::new();
            if cols.gutter > 0 {
                let label = if row.first && k == 0 {
                    fit(&label, cols.gutter - 1, ctx.sym.ellipsis)
                } else {
                    String::new()
                };
                spans.push(Span::styled(
                    pad(&format!(" {label}"), cols.gutter + compare::GUTTER_GAP),
                    ctx.theme.heading,
                ));
            }
            for (side, lines_of_side) in wrapped.iter().enumerate() {
                if side == 1 {
                    spans.push(Span::styled(g.divider, ctx.theme.border));
                }
                let cursor = r == view.row && side == view.side;
                spans.extend(cell_line(
                    ctx,
                    row,
                    side,
                    k,
                    lines_of_side,
                    cursor,
                    cols.column,
                ));
            }
            lines.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Line `k` of one side of a row, padded to the column.
fn cell_line<'a>(
    ctx: &Ctx,
    row: &Row,
    side: usize,
    k: usize,
    wrapped: &[String],
    cursor: bool,
    column: usize,
) -> Vec<Span<'a>> {
    let marker = if cursor && k == 0 {
        ctx.sym.selected
    } else {
        "  "
    };
    let Some(_) = row.side(side) else {
        let text = if k == 0 { ctx.sym.dot } else { "" };
        let style = if cursor {
            ctx.theme.selected
        } else {
            ctx.theme.dim
        };
        return vec![
            Span::styled(marker, style),
            Span::styled(
                pad(text, column.saturating_sub(compare::MARKER)),
                ctx.theme.dim,
            ),
        ];
    };
    let mut style = match row.field {
        Field::Title => ctx.theme.title,
        Field::Kind
        | Field::When
        | Field::Role
        | Field::Group
        | Field::Instrument
        | Field::Tags => ctx.theme.dim,
        Field::Quote => ctx.theme.quote,
        Field::Link { .. } if row.shared => ctx.theme.linked,
        _ => Style::new(),
    };
    if cursor {
        style = style.patch(ctx.theme.selected);
    }
    let mut spans = vec![Span::styled(marker, style)];
    let mut room = column.saturating_sub(compare::MARKER);
    if row.shared {
        let mark = if k == 0 { ctx.sym.shared } else { "  " };
        spans.push(Span::styled(mark, style));
        room = room.saturating_sub(compare::SHARED);
    }
    let text = wrapped.get(k).map_or("", String::as_str);
    spans.push(Span::styled(pad(text, room), style));
    spans
}
