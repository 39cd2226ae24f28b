//! The form's drawing: a box centred over the screen, a row a field (the focused one marked with
//! the selection symbol), what is wrong with a field on the line under it, the quote read-only.

use super::{Field, FormView, Purpose};
use crate::app::input::LineInput;
use crate::model::Kind;
use crate::model::types::ClaimRole;
use crate::ui::{Ctx, fit, render_lines};
use crate::wrap::str_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Columns before a field's value: the mark and the label.
const LABEL: usize = 13;

/// The form's lines for a box `width` columns wide inside: the fields, scrolled so that the
/// focused one is on screen, and the last lines, always shown under them.
pub struct Shown {
    pub fields: Vec<Line<'static>>,
    /// The focused field's rows in `fields`: its line, then what is wrong with it.
    pub focus: std::ops::Range<usize>,
    /// The refusal, the question or the keys' reminder, wrapped.
    pub last: Vec<Line<'static>>,
}

/// `why` wrapped to `width` columns, each line after `indent` spaces, `! ` before the first:
/// cut to a few lines' worth first, and clean of control characters (`fit` sees to both).
fn wrapped_lines(
    why: &str,
    indent: usize,
    width: usize,
    ctx: &Ctx,
    style: Style,
) -> Vec<Line<'static>> {
    let width = width.max(1);
    let text = fit(why, width.saturating_mul(8), ctx.sym.ellipsis);
    crate::wrap::wrapped(&text, width)
        .into_iter()
        .map(|l| Line::from(vec![Span::raw(" ".repeat(indent)), Span::styled(l, style)]))
        .collect()
}

pub fn lines(form: &FormView, ctx: &Ctx, width: usize) -> Shown {
    let app = ctx.app;
    let g = ctx.sym;
    let room = width.saturating_sub(LABEL);
    let mut out: Vec<Line<'static>> = Vec::new();
    let fixed = |label: &str, value: String| {
        Line::from(vec![
            Span::raw(format!("  {:<w$}", label, w = LABEL - 2)),
            Span::styled(value, ctx.theme.dim),
        ])
    };
    let quoted = |s: &str, room: usize| {
        let inner = fit(s, room.saturating_sub(2), g.ellipsis);
        format!("{}{inner}{}", g.quote_open, g.quote_close)
    };
    match &form.purpose {
        Purpose::NewItem { quote } => out.push(fixed("quote", quoted(&quote.exact, room))),
        Purpose::EditItem { item } => {
            let it = app.model.item(*item);
            let value = match it.quotes.first() {
                Some(q) if it.quotes.len() > 1 => format!(
                    "{} (and {} more)",
                    quoted(&q.exact, room.saturating_sub(16)),
                    it.quotes.len() - 1
                ),
                Some(q) => quoted(&q.exact, room),
                None => "none".into(),
            };
            out.push(fixed("quote", value));
        }
        Purpose::NewLink { source, target } => {
            out.push(fixed(
                "from",
                fit(&app.model.item(*source).title, room, g.ellipsis),
            ));
            out.push(fixed(
                "to",
                fit(&app.model.item(*target).title, room, g.ellipsis),
            ));
        }
        Purpose::EditLink { source, link } => {
            let it = app.model.item(*source);
            out.push(fixed("from", fit(&it.title, room, g.ellipsis)));
            let to = it
                .links
                .get(*link)
                .and_then(|l| app.model.index.get(&l.to))
                .map_or_else(String::new, |t| app.model.item(t).title.clone());
            out.push(fixed("to", fit(&to, room, g.ellipsis)));
        }
    }
    out.push(Line::raw(""));
    let problems = form.problems(app);
    let warnings = form.warnings(app);
    let mut focus = 0..0;
    for field in form.fields(app) {
        let focused = field == form.focus && !form.asking;
        let start = out.len();
        let mark = if focused { g.selected } else { "  " };
        let label_style = if focused {
            ctx.theme.selected
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            format!("{mark}{:<w$}", field.label(), w = LABEL - 2),
            label_style,
        )];
        spans.extend(value(form, ctx, field, focused, room));
        out.push(Line::from(spans));
        if field == Field::Relation && focused {
            out.extend(relations(form, ctx, room));
        }
        // Wrapped under the value; on a narrow box, from the left under the label.
        let indent = if room >= 24 { LABEL } else { 2 };
        let marked = problems.iter().chain(&warnings);
        for (_, why) in marked.filter(|(f, _)| *f == field) {
            out.extend(wrapped_lines(
                &format!("! {why}"),
                indent,
                width.saturating_sub(indent),
                ctx,
                ctx.theme.message,
            ));
        }
        if focused {
            focus = start..out.len();
        }
    }
    out.push(Line::raw(""));
    let last = if form.asking {
        wrapped_lines(
            if form.quitting {
                "Discard what was typed and quit? y quits, n goes back to the form"
            } else {
                "Discard what was typed? y discards it, n goes back to the form"
            },
            0,
            width,
            ctx,
            ctx.theme.message,
        )
    } else if let Some(why) = &form.refused {
        wrapped_lines(
            &g.text(&format!("Not saved: {why}")),
            0,
            width,
            ctx,
            ctx.theme.message,
        )
    } else {
        let text = format!("Tab next field {d} Ctrl-s saves {d} Esc cancels", d = g.dot);
        wrapped_lines(&text, 0, width, ctx, ctx.theme.dim)
    };
    Shown {
        fields: out,
        focus,
        last,
    }
}
/// A field's value: a choice shows its options with the chosen one marked; a typed field its
/// text, with a caret at its cursor when focused (scrolled to keep the caret on screen; the
/// start of a long value when not focused).
fn value(
    form: &FormView,
    ctx: &Ctx,
    field: Field,
    focused: bool,
    room: usize,
) -> Vec<Span<'static>> {
    let g = ctx.sym;
    let options = |names: Vec<&'static str>, chosen: usize| {
        if !focused {
            return vec![Span::raw(names.get(chosen).copied().unwrap_or_default())];
        }
        // Each option takes its width and three columns, then the arrows: on a narrow box,
        // only the chosen one, with the arrows that change it.
        let all: usize = names.iter().map(|n| str_width(n) + 3).sum::<usize>() + 1 + 3;
        if all > room {
            let name = names.get(chosen).copied().unwrap_or_default();
            return vec![
                Span::styled(format!("[{name}]"), ctx.theme.selected),
                Span::styled(format!("  {}", g.left_right), ctx.theme.key),
            ];
        }
        let mut spans = Vec::new();
        for (n, name) in names.into_iter().enumerate() {
            if n == chosen {
                spans.push(Span::styled(format!("[{name}]"), ctx.theme.selected));
            } else {
                spans.push(Span::styled(format!(" {name} "), ctx.theme.dim));
            }
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(format!(" {}", g.left_right), ctx.theme.key));
        spans
    };
    match field {
        Field::Kind => {
            let at = Kind::ALL.iter().position(|&k| k == form.kind).unwrap_or(0);
            options(Kind::ALL.iter().map(|k| k.name()).collect(), at)
        }
        Field::ClaimRole => {
            let at = ClaimRole::ALL
                .iter()
                .position(|&r| r == form.claim_role)
                .unwrap_or(0);
            options(ClaimRole::ALL.iter().map(|r| r.name()).collect(), at)
        }
        Field::Relation => {
            let text =
                ctx.app
                    .model
                    .doc
                    .relations
                    .get(form.relation)
                    .map_or_else(String::new, |r| {
                        if focused {
                            format!("{}  {}", r.label, g.left_right)
                        } else {
                            format!("{} {} read back: {}", r.label, g.dot, r.inverse)
                        }
                    });
            vec![Span::styled(
                fit(&text, room, g.ellipsis),
                ctx.theme.selected,
            )]
        }
        _ => {
            let input = form.inputs.get(&field);
            if input.is_none_or(LineInput::is_empty) && focused {
                return vec![
                    Span::styled(g.caret, ctx.theme.key),
                    Span::styled(
                        fit(field.hint(), room.saturating_sub(1), g.ellipsis),
                        ctx.theme.dim,
                    ),
                ];
            }
            let Some(input) = input else {
                return Vec::new();
            };
            if !focused {
                // Not being edited: its start, the part that says what it is.
                return vec![Span::raw(fit(input.as_str(), room, g.ellipsis))];
            }
            let shown = crate::ui::line::shown(input, room, g.caret, g.ellipsis);
            vec![
                Span::raw(shown.before),
                Span::styled(g.caret, ctx.theme.key),
                Span::raw(shown.after),
            ]
        }
    }
}

/// The document's relations under the focused relation field, each with its inverse, the chosen
/// one marked.
fn relations(form: &FormView, ctx: &Ctx, room: usize) -> Vec<Line<'static>> {
    let g = ctx.sym;
    ctx.app
        .model
        .doc
        .relations
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let chosen = n == form.relation;
            let text = format!("{} {} {}", r.label, g.dot, r.inverse);
            Line::from(vec![
                Span::raw(" ".repeat(LABEL)),
                Span::styled(
                    format!(
                        "{}{}",
                        if chosen { g.selected } else { "  " },
                        fit(&text, room.saturating_sub(2), g.ellipsis)
                    ),
                    if chosen {
                        ctx.theme.selected
                    } else {
                        ctx.theme.dim
                    },
                ),
            ])
        })
        .collect()
}

/// The form's box on a screen `area`.
fn boxed(area: Rect, height: usize) -> Rect {
    let w = area.width.saturating_sub(4).min(90);
    let h = (height as u16).saturating_add(2).min(area.height);
    crate::ui::centred(area, w, h)
}

pub fn draw(form: &FormView, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(90).saturating_sub(2) as usize;
    let shown = lines(form, ctx, width);
    let rect = boxed(area, shown.fields.len() + shown.last.len());
    let title = match form.purpose {
        Purpose::NewItem { .. } => " Add an item ".to_owned(),
        Purpose::EditItem { item } => {
            format!(
                " Edit {} ",
                fit(&ctx.app.model.item(item).id, 40, ctx.sym.ellipsis)
            )
        }
        Purpose::NewLink { .. } => " Link ".to_owned(),
        Purpose::EditLink { .. } => " Edit the link ".to_owned(),
    };
    let inside = crate::app::layout::inner(rect);
    let height = inside.height as usize;
    // The last lines stay under the fields (at most half the box, the first of them when
    // more); the fields scroll so the focused one and what is wrong with it are on screen.
    let last_rows = shown.last.len().min(height.div_ceil(2));
    let rows = height - last_rows;
    let skip = scroll(&shown.focus, shown.fields.len(), rows);
    let above = skip > 0;
    let below = skip + rows < shown.fields.len();
    ctx.overlay_more(
        frame,
        rect,
        Line::styled(title, ctx.theme.title),
        above,
        below,
    );
    if inside.area() == 0 {
        return;
    }
    let mut visible: Vec<Line> = shown.fields.into_iter().skip(skip).take(rows).collect();
    visible.resize(rows, Line::raw(""));
    visible.extend(shown.last.into_iter().take(last_rows));
    render_lines(frame, inside, &visible);
}

/// The first of `len` rows shown in `rows`, so that `focus` is on screen (its first rows when it
/// is taller), and no more than needed is scrolled away.
fn scroll(focus: &std::ops::Range<usize>, len: usize, rows: usize) -> usize {
    let max = len.saturating_sub(rows);
    let to_show_end = focus.end.saturating_sub(rows);
    to_show_end.min(focus.start).min(max)
}
