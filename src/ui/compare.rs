//! The comparison views: two items side by side (`c`), the list of prepared comparisons (`C`)
//! and one prepared comparison, open. Both sides scroll together because they are drawn from
//! one list of rows.

use super::views::Glyphs;
use super::{Ctx, fit, inner};
use crate::app::compare::{self, Field, Row};
use crate::app::prepared::{self, SlotPart};
use crate::app::views;
use crate::model::sanitize;
use crate::wrap::{str_width, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// `s` (already sanitized and at most `width` wide) padded with spaces to `width` columns.
pub(super) fn pad(s: &str, width: usize) -> String {
    let w = str_width(s);
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// The free comparison of two items.
pub fn free(ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let app = ctx.app;
    let Some(view) = app.views.compare.as_ref() else {
        return;
    };
    let al = &view.alignment;
    let g = Glyphs::new(app.options.ascii);
    let shared_mark = if app.options.ascii { "= " } else { "≡ " };
    let title = Line::from(vec![
        Span::styled(" Compare ", ctx.theme.title),
        Span::styled(
            format!("{} {shared_mark}a link both have ", g.dot),
            ctx.theme.dim,
        ),
    ]);
    let bottom = format!(" row {}/{} ", view.row + 1, al.rows.len());
    frame.render_widget(
        ctx.block(title, true)
            .title_bottom(Line::styled(bottom, ctx.theme.dim)),
        body,
    );
    let (area, cols) = views::compare_geometry(&app.model, app.size, al, app.options.ascii);
    if area.area() == 0 || al.rows.is_empty() {
        return;
    }
    let height = area.height as usize;
    let top = compare::scroll_to(view.top, view.row, height, |r| {
        compare::row_height(&al.rows[r], cols)
    });
    let divider = if app.options.ascii { " | " } else { " │ " };
    let mut lines: Vec<Line> = Vec::new();
    for (r, row) in al.rows.iter().enumerate().skip(top) {
        if lines.len() >= height {
            break;
        }
        let label = compare::label(&app.model, row.field, app.options.ascii);
        if compare::has_heading(row, cols) {
            lines.push(Line::styled(
                fit(&label, area.width as usize, ctx.sym.ellipsis),
                ctx.theme.heading,
            ));
        }
        let h = compare::row_height(row, cols) - usize::from(compare::has_heading(row, cols));
        let tw = compare::text_width(row, cols.column);
        let wrapped: Vec<Vec<String>> = (0..2)
            .map(|side| match compare::cell_text(row, side, cols) {
                Some(t) => wrap(&t, tw)
                    .into_iter()
                    .map(|rg| t[rg].to_owned())
                    .collect(),
                None => Vec::new(),
            })
            .collect();
        for k in 0..h {
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
                    spans.push(Span::styled(divider, ctx.theme.border));
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
                    shared_mark,
                ));
            }
            lines.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Line `k` of one side of a row, padded to the column.
#[allow(clippy::too_many_arguments)]
fn cell_line<'a>(
    ctx: &Ctx,
    row: &Row,
    side: usize,
    k: usize,
    wrapped: &[String],
    cursor: bool,
    column: usize,
    shared_mark: &'static str,
) -> Vec<Span<'a>> {
    let marker = if cursor && k == 0 {
        ctx.sym.selected
    } else {
        "  "
    };
    let Some(_) = row.side(side) else {
        let text = if k == 0 {
            Glyphs::new(ctx.app.options.ascii).dot
        } else {
            ""
        };
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
        let mark = if k == 0 { shared_mark } else { "  " };
        spans.push(Span::styled(mark, style));
        room = room.saturating_sub(compare::SHARED);
    }
    let text = wrapped.get(k).map_or("", String::as_str);
    spans.push(Span::styled(pad(text, room), style));
    spans
}

/// The list of the document's prepared comparisons.
pub fn list(ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let app = ctx.app;
    let cmps = &app.model.doc.comparisons;
    let title = Line::from(vec![
        Span::styled(" Prepared comparisons ", ctx.theme.title),
        Span::styled(format!("({}) ", cmps.len()), ctx.theme.dim),
    ]);
    frame.render_widget(ctx.block(title, true), body);
    let area = inner(body);
    if area.area() == 0 {
        return;
    }
    let width = area.width as usize;
    // Three lines an entry: title, columns, blank.
    let fit_entries = (area.height as usize / 3).max(1);
    let selected = app.views.comparison;
    let first = selected.saturating_sub(fit_entries - 1);
    let mut lines = Vec::new();
    for (i, c) in cmps.iter().enumerate().skip(first).take(fit_entries + 1) {
        let sel = i == selected;
        let marker = if sel { ctx.sym.selected } else { "  " };
        let style = if sel {
            ctx.theme.selected
        } else {
            ctx.theme.title
        };
        lines.push(Line::from(vec![
            Span::styled(marker, style),
            Span::styled(
                fit(&c.title, width.saturating_sub(2), ctx.sym.ellipsis),
                style,
            ),
        ]));
        let pairs = match c.pairs.len() {
            0 => String::new(),
            1 => " · 1 pair".into(),
            n => format!(" · {n} pairs"),
        };
        let sides = format!(
            "{} ({}) {} {} ({}){pairs}",
            sanitize::line(&c.left.label),
            c.left.items.len(),
            if app.options.ascii { "<->" } else { "↔" },
            sanitize::line(&c.right.label),
            c.right.items.len()
        );
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(
                fit(&sides, width.saturating_sub(4), ctx.sym.ellipsis),
                ctx.theme.dim,
            ),
        ]));
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// One prepared comparison: the two labelled columns, paired rows joined by `↔`.
pub fn prepared(ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let app = ctx.app;
    let Some(view) = app.views.prepared.as_ref() else {
        return;
    };
    let Some(cmp) = app.model.doc.comparisons.get(view.comparison) else {
        return;
    };
    let g = Glyphs::new(app.options.ascii);
    let title = Line::styled(format!(" {} ", sanitize::line(&cmp.title)), ctx.theme.title);
    let mut bottom = format!(
        " row {}/{} ",
        (view.row + 1).min(view.rows.len()),
        view.rows.len()
    );
    if let Some(find) = &view.find {
        let typing = app.mode == crate::app::Mode::View(crate::app::views::View::PreparedSearch);
        let caret = match (typing, app.options.ascii) {
            (false, _) => "",
            (true, false) => "▏",
            (true, true) => "_",
        };
        bottom.push_str(&format!(
            "{} /{}{caret} {} ",
            g.dot,
            sanitize::line(&find.query),
            find.position(view.row)
        ));
    }
    frame.render_widget(
        ctx.block(title, true)
            .title_bottom(Line::styled(bottom, ctx.theme.dim)),
        body,
    );
    let (rows_area, column) = views::prepared_geometry(app.size);
    let area = inner(body);
    if area.area() == 0 {
        return;
    }
    let (bar, link) = if app.options.ascii {
        (" | ", "<->")
    } else {
        (" │ ", " ↔ ")
    };
    // Column labels and a rule.
    let label = |side: &crate::model::Side, focused: bool| {
        let text = format!("{} ({})", sanitize::line(&side.label), side.items.len());
        let style = if focused {
            ctx.theme.heading.patch(ctx.theme.selected_unfocused)
        } else {
            ctx.theme.heading
        };
        let room = column.saturating_sub(prepared::MARKER);
        Span::styled(
            format!("  {}", pad(&fit(&text, room, ctx.sym.ellipsis), room)),
            style,
        )
    };
    let rule = if app.options.ascii { "-" } else { "─" };
    let head = vec![
        Line::from(vec![
            label(&cmp.left, view.side == 0),
            Span::styled(bar, ctx.theme.border),
            label(&cmp.right, view.side == 1),
        ]),
        Line::styled(rule.repeat(area.width as usize), ctx.theme.border),
    ];
    frame.render_widget(
        Paragraph::new(head),
        Rect::new(area.x, area.y, area.width, 2.min(area.height)),
    );
    if rows_area.area() == 0 {
        return;
    }
    let height = rows_area.height as usize;
    let model = &app.model;
    let top = compare::scroll_to(view.top, view.row, height, |r| {
        prepared::row_height(model, &view.rows[r], column)
    });
    let mut lines: Vec<Line> = Vec::new();
    for (r, row) in view.rows.iter().enumerate().skip(top) {
        if lines.len() >= height {
            break;
        }
        let sides = [
            prepared::slot_lines(model, row.left, column),
            prepared::slot_lines(model, row.right, column),
        ];
        let h = prepared::row_height(model, row, column);
        for k in 0..h {
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
                        let room = column.saturating_sub(prepared::MARKER + 2);
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
                    pad(text, column.saturating_sub(prepared::MARKER)),
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
