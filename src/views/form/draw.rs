//! The form's drawing: a box centred over the screen, a row a field (the focused one marked with
//! the selection symbol), what is wrong with a field on the line under it, the quote read-only.

use super::{Field, FormView, Purpose};
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

/// The form's lines for a box `width` columns wide inside.
pub fn lines(form: &FormView, ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
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
    for field in form.fields(app) {
        let focused = field == form.focus && !form.asking;
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
        let marked = problems.iter().chain(&warnings);
        for (_, why) in marked.filter(|(f, _)| *f == field) {
            out.push(Line::from(vec![
                Span::raw(" ".repeat(LABEL)),
                Span::styled(
                    fit(&format!("! {why}"), room, g.ellipsis),
                    ctx.theme.message,
                ),
            ]));
        }
    }
    out.push(Line::raw(""));
    if form.asking {
        out.push(Line::styled(
            fit(
                if form.quitting {
                    "Discard what was typed and quit? y quits, n goes back to the form"
                } else {
                    "Discard what was typed? y discards it, n goes back to the form"
                },
                width,
                g.ellipsis,
            ),
            ctx.theme.message,
        ));
    } else if let Some(why) = &form.refused {
        out.push(Line::styled(
            fit(&g.text(&format!("Not saved: {why}")), width, g.ellipsis),
            ctx.theme.message,
        ));
    } else {
        let text = format!("Tab next field {d} Ctrl-s saves {d} Esc cancels", d = g.dot);
        out.push(Line::styled(fit(&text, width, g.ellipsis), ctx.theme.dim));
    }
    out
}

/// A field's value: a choice shows its options with the chosen one marked; a typed field its
/// text (the end of it when long, where typing happens), with a caret when focused.
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
            let text = crate::model::sanitize::line(form.text(field)).into_owned();
            if text.is_empty() && focused {
                return vec![
                    Span::styled(g.caret, ctx.theme.key),
                    Span::styled(
                        fit(field.hint(), room.saturating_sub(1), g.ellipsis),
                        ctx.theme.dim,
                    ),
                ];
            }
            let room = room.saturating_sub(usize::from(focused));
            let shown = if str_width(&text) > room {
                tail(&text, room, g.ellipsis)
            } else {
                text
            };
            let mut spans = vec![Span::raw(shown)];
            if focused {
                spans.push(Span::styled(g.caret, ctx.theme.key));
            }
            spans
        }
    }
}

/// The end of `s` that fits `width` columns, after an ellipsis.
fn tail(s: &str, width: usize, ellipsis: &str) -> String {
    let room = width.saturating_sub(str_width(ellipsis));
    let mut used = 0;
    let mut start = s.len();
    for (at, c) in s.char_indices().rev() {
        let w = crate::model::sanitize::char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        start = at;
    }
    format!("{ellipsis}{}", &s[start..])
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
    let rect = boxed(area, shown.len());
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
    let inside = ctx.overlay(frame, rect, Line::styled(title, ctx.theme.title));
    if inside.area() == 0 {
        return;
    }
    // The focused field stays on screen when the box is shorter than the form.
    let focus_row = shown
        .iter()
        .position(|l| {
            l.spans
                .first()
                .is_some_and(|s| s.content.starts_with(ctx.sym.selected))
        })
        .unwrap_or(0);
    let height = inside.height as usize;
    let skip = (focus_row + 2).saturating_sub(height);
    let visible: Vec<Line> = shown.into_iter().skip(skip).collect();
    render_lines(frame, inside, &visible);
}
