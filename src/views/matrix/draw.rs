//! The provisions × recommendations matrix: the grid (rows P1…, columns R1…), the legend that
//! explains the labels and marks, and the detail of the cell under the cursor.

use super::MatrixView;
use super::grid::{self as matrix, Matrix};
use crate::app::cursor::keep_in_view;
use crate::app::layout::inner;
use crate::ui::{Ctx, fit, pad};
use crate::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(view: &MatrixView, ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let mx = &view.matrix;
    let g = matrix::geometry(body, mx);
    grid(ctx, frame, view, &g);
    if g.legend.area() > 0 {
        legend(ctx, frame, view, g.legend);
    }
    if g.detail.area() > 0 {
        detail(ctx, frame, view, g.detail);
    }
}

fn grid(ctx: &Ctx, frame: &mut Frame, view: &MatrixView, g: &matrix::Geometry) {
    let mx = &view.matrix;
    let (top, left) = (view.top, view.left);
    let shown_cols = left..(left + g.cols_shown).min(mx.cols());
    let gl = ctx.sym;
    let title = Line::from(vec![
        Span::styled(
            format!(" Provisions {} Recommendations ", gl.times),
            ctx.theme.title,
        ),
        Span::styled(
            format!(
                "({} {} {}, {} unaddressed) ",
                mx.rows(),
                gl.times,
                mx.cols(),
                mx.unaddressed()
            ),
            ctx.theme.dim,
        ),
    ]);
    let (more_left, more_right) = (gl.more_left, gl.more_right);
    let mut bottom = format!(
        " columns R{}{}R{} of {} ",
        shown_cols.start + 1,
        gl.range,
        shown_cols.end,
        mx.cols()
    );
    if shown_cols.start > 0 {
        bottom = format!(" {more_left}{bottom}");
    }
    if shown_cols.end < mx.cols() {
        bottom.push_str(more_right);
        bottom.push(' ');
    }
    frame.render_widget(
        ctx.block(title, true)
            .title_bottom(crate::ui::border_text(Line::styled(bottom, ctx.theme.dim))),
        g.grid,
    );
    let area = inner(g.grid);
    if area.area() == 0 {
        return;
    }
    let pw = matrix::label_width(mx.rows());
    let mut header = vec![Span::styled(
        pad(
            &fit(
                &format!("recommendations {}", gl.right),
                g.label.saturating_sub(1),
                "",
            ),
            g.label,
        ),
        ctx.theme.dim,
    )];
    for c in shown_cols.clone() {
        let style = if c == view.col {
            ctx.theme.selected
        } else {
            ctx.theme.heading
        };
        header.push(Span::styled(
            format!("R{:<w$}", c + 1, w = g.col - 1),
            style,
        ));
    }
    let mut lines = vec![Line::from(header)];
    for r in (top..mx.rows()).take(g.rows_shown) {
        let on_row = r == view.row;
        let marker = if on_row { ctx.sym.selected } else { "  " };
        let mark = if mx.addressed(r) {
            "  "
        } else {
            ctx.sym.unaddressed
        };
        let prefix = format!("{marker}P{:<pw$} {:<2}", r + 1, mark, pw = pw - 1);
        let title_room = g.label.saturating_sub(crate::wrap::str_width(&prefix) + 1);
        let title = fit(
            &ctx.app.model.item(mx.provisions[r]).title,
            title_room,
            ctx.sym.ellipsis,
        );
        let label_style = if on_row {
            ctx.theme.selected_unfocused
        } else {
            Style::new()
        };
        let mut spans = vec![
            Span::styled(prefix, label_style),
            Span::styled(
                pad(
                    &title,
                    g.label.saturating_sub(matrix::label_prefix(mx.rows())),
                ),
                label_style,
            ),
        ];
        for c in shown_cols.clone() {
            let symbol = mx
                .cell(r, c)
                .map_or(gl.dot.to_owned(), |cell| mx.symbol(cell).to_string());
            let cursor = on_row && c == view.col;
            let text = if cursor {
                format!("[{symbol}]")
            } else {
                format!(" {symbol} ")
            };
            let style = match (cursor, mx.cell(r, c).is_some()) {
                (true, _) => ctx.theme.selected,
                (false, true) => ctx.theme.linked,
                (false, false) => ctx.theme.dim,
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" ".repeat(g.col.saturating_sub(3))));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// What a mark means, in words: `R addresses P`.
fn mark_meaning(ctx: &Ctx, mx: &Matrix, k: usize) -> String {
    let m = mx.marks[k];
    let label = &ctx.app.model.relation(m.rel).label;
    if m.from_recommendation {
        format!("R {label} P")
    } else {
        format!("P {label} R")
    }
}

fn legend(ctx: &Ctx, frame: &mut Frame, view: &MatrixView, area: Rect) {
    let mx = &view.matrix;
    frame.render_widget(
        ctx.block(Line::styled(" Legend ", ctx.theme.title), false),
        area,
    );
    let body = inner(area);
    if body.area() == 0 {
        return;
    }
    let width = body.width as usize;
    let mut lines = Vec::new();
    // The marks that can fit, not every relation a document declares.
    for k in 0..mx.marks.len().min(body.height as usize) {
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", mx.marks[k].symbol), ctx.theme.linked),
            Span::raw(fit(
                &mark_meaning(ctx, mx, k),
                width.saturating_sub(3),
                ctx.sym.ellipsis,
            )),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{}  ", ctx.sym.unaddressed), ctx.theme.dim),
        Span::raw(fit(
            "no recommendation addresses it",
            width.saturating_sub(3),
            ctx.sym.ellipsis,
        )),
    ]));
    let fixed = lines.len();
    let room = (body.height as usize).saturating_sub(fixed);
    let pw = matrix::label_width(mx.cols());
    let title_w = width.saturating_sub(pw + 1).max(1);
    let title = |c: usize| {
        let item = ctx.app.model.item(mx.recommendations[c]);
        crate::model::sanitize::line(&item.title).into_owned()
    };
    // Whole titles when they all fit; otherwise one line each, scrolled to the cursor's column.
    // Only the titles that can reach the screen are read: more columns than rows cannot all fit,
    // and a frame that wrapped every title cost the number of recommendations (issue 17).
    let wrapped: Option<Vec<Vec<String>>> = (mx.cols() <= room)
        .then(|| {
            (0..mx.cols())
                .map(|c| crate::wrap::wrapped(&title(c), title_w))
                .collect::<Vec<Vec<String>>>()
        })
        .filter(|w| w.iter().map(Vec::len).sum::<usize>() <= room);
    let whole = wrapped.is_some();
    let first = if whole {
        0
    } else {
        keep_in_view(0, view.col, room).min(mx.cols().saturating_sub(room))
    };
    let last = if whole {
        mx.cols()
    } else {
        (first + room).min(mx.cols())
    };
    for c in first..last {
        let sel = c == view.col;
        let style = if sel {
            ctx.theme.selected
        } else {
            Style::new()
        };
        let label = format!("R{:<pw$} ", c + 1, pw = pw - 1);
        let parts = match &wrapped {
            Some(wrapped) => wrapped[c].clone(),
            None => vec![fit(&title(c), title_w, ctx.sym.ellipsis)],
        };
        for (k, part) in parts.into_iter().enumerate() {
            let head = if k == 0 {
                label.clone()
            } else {
                " ".repeat(pw + 1)
            };
            lines.push(Line::from(vec![
                Span::styled(head, ctx.theme.heading.patch(style)),
                Span::styled(part, style),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
}

fn detail(ctx: &Ctx, frame: &mut Frame, view: &MatrixView, area: Rect) {
    let (r, c) = (view.row, view.col);
    let (pl, rl) = (format!("P{}", r + 1), format!("R{}", c + 1));
    let body = inner(area);
    let lines = cell_lines(ctx.app, view, body.width as usize);
    let top = view.cell_top(lines.len(), body.height as usize);
    let block = ctx.more(
        ctx.block(
            Line::styled(format!(" {pl} {} {rl} ", ctx.sym.times), ctx.theme.title),
            false,
        ),
        top > 0,
        lines.len() > top + body.height as usize,
    );
    frame.render_widget(block, area);
    if body.area() == 0 {
        return;
    }
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), body);
}

/// The detail of the cell under the cursor, wrapped to `width`: what the box shows, and what its
/// scroll is clamped to.
pub fn cell_lines(app: &crate::app::App, view: &MatrixView, width: usize) -> Vec<Line<'static>> {
    let mx = &view.matrix;
    let model = &app.model;
    let theme = &app.theme;
    let (r, c) = (view.row, view.col);
    let (p, rec) = (mx.provisions[r], mx.recommendations[c]);
    let (pl, rl) = (format!("P{}", r + 1), format!("R{}", c + 1));
    let mut paras: Vec<(String, Style)> = vec![
        (
            format!("{pl} {} (provision)", model.item(p).title),
            theme.title,
        ),
        (
            format!("{rl} {} (recommendation)", model.item(rec).title),
            theme.title,
        ),
        (String::new(), Style::new()),
    ];
    match mx.cell(r, c) {
        Some(cell) => {
            let label = &model.relation(cell.rel).label;
            let (src, src_label, tgt_label) = if cell.from_recommendation {
                (rec, &rl, &pl)
            } else {
                (p, &pl, &rl)
            };
            let mut s = format!("{src_label} {label} {tgt_label}");
            if cell.count > 1 {
                s.push_str(&format!(
                    " (and {} more link{})",
                    cell.count - 1,
                    if cell.count == 2 { "" } else { "s" }
                ));
            }
            paras.push((s, theme.heading));
            if let Some(note) = model.link_note(src, cell.link) {
                paras.push((format!("Note: {note}"), Style::new()));
            }
        }
        None => paras.push((format!("{rl} and {pl} are not linked."), theme.dim)),
    }
    if !mx.addressed(r) {
        paras.push((format!("No recommendation addresses {pl}."), theme.message));
    }
    for (label, item) in [(&pl, p), (&rl, rec)] {
        if let Some(q) = model.item(item).quotes.first() {
            paras.push((String::new(), Style::new()));
            let (open, close) = (app.glyphs.quote_open, app.glyphs.quote_close);
            paras.push((format!("{label}: {open}{}{close}", q.exact), theme.quote));
        }
    }
    let mut lines = Vec::new();
    for (text, style) in paras {
        let clean = crate::model::sanitize::line(&text);
        let rows = wrap(&clean, width.max(1));
        if rows.is_empty() {
            lines.push(Line::raw(""));
        }
        for rg in rows {
            lines.push(Line::styled(clean[rg].to_owned(), style));
        }
    }
    lines
}
