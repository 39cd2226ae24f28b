//! Drawing a list pane: Timeline, Actors, Provisions, Recommendations and the Argument tree.

use super::Row;
use crate::app::{Mode, Pane};
use crate::model::{Date, DatePoint, Item, KindFields};
use crate::ui::{Ctx, RowWriter, fit, fit_cow, inner};
use crate::wrap::str_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn pane(ctx: &Ctx, frame: &mut Frame, pane: Pane, area: Rect) {
    let app = ctx.app;
    let Some(list) = app.list(pane) else { return };
    let focused = app.focus == pane;
    let count = list.item_count();
    let mut title = vec![Span::styled(
        format!(" {} {} ", pane.number(), pane.title()),
        ctx.theme.title,
    )];
    title.push(Span::styled(format!("({count}) "), ctx.theme.dim));
    if pane == Pane::Timeline && !app.chronological {
        title.push(Span::styled("article order ", ctx.theme.dim));
    }
    frame.render_widget(ctx.block(Line::from(title), focused), area);
    let body = inner(area);
    if body.area() == 0 {
        return;
    }
    // Items linked to the reader's current item, marked in the other panes.
    let linked = |item: usize| !focused && ctx.is_linked(item);
    if count == 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(
                if list.filter.is_some() {
                    "(no items match the filter; Esc clears it)"
                } else {
                    "(no items)"
                },
                ctx.theme.dim,
            )),
            body,
        );
        return;
    }
    let width = body.width as usize;
    let search = app
        .search
        .as_ref()
        .filter(|s| s.pane == pane && !s.query.is_empty());
    // Each row is written straight into the buffer: a pane of rows is most of a frame.
    let buf = frame.buffer_mut();
    let body = body.intersection(buf.area);
    let (mut label, mut date) = (String::new(), String::new());
    // Ten columns fit a date; an interval on screen widens the column for the rows shown.
    let date_width = if pane == Pane::Timeline {
        let visible = list
            .rows
            .iter()
            .skip(list.offset)
            .take(body.height as usize);
        let widest = visible
            .filter_map(|r| r.item())
            .map(|i| match &app.model.item(i).fields {
                KindFields::Event { when: Some(w) } => w.date.map_or(0, |d| date_chars(&d)),
                _ => 0,
            })
            .max();
        // A narrow pane keeps its room for titles: an interval shows its start and `…`.
        let most = if width < 60 { 10 } else { 21 };
        widest.unwrap_or(0).clamp(10, most)
    } else {
        10
    };
    let rows = list.rows.iter().enumerate().skip(list.offset);
    for (y, (i, row)) in (body.top()..body.bottom()).zip(rows) {
        let mut out = RowWriter::new(buf, body.x, y, body.width);
        let (item, depth, via, repeat) = match *row {
            Row::Group(g) => {
                out.put(
                    &fit_cow(&list.groups[g], width, ctx.sym.ellipsis),
                    ctx.theme.group,
                );
                continue;
            }
            Row::Linked {
                name,
                depth,
                via,
                premises,
            } => {
                // The node of a linked argument, at the depth of the claims beside it, with the
                // relation its premises bear together.
                label.clear();
                label.push_str("   ");
                for _ in 0..depth {
                    label.push_str("  ");
                }
                let opposes = via.is_some_and(|rel| app.model.is_opposition(rel));
                label.push_str(if opposes {
                    ctx.sym.opposes
                } else {
                    ctx.sym.supports
                });
                let noun = if premises == 1 { "premise" } else { "premises" };
                label.push_str(&format!("together, {premises} {noun}: "));
                out.put(&fit_cow(&label, width, ""), ctx.theme.dim);
                let room = width.saturating_sub(str_width(&label));
                out.put(
                    &fit_cow(&list.groups[name], room, ctx.sym.ellipsis),
                    ctx.theme.dim,
                );
                continue;
            }
            Row::Item {
                item,
                depth,
                via,
                repeat,
            } => (item, depth, via, repeat),
        };
        let selected = i == list.selected;
        let marker = if selected { ctx.sym.selected } else { "  " };
        let is_linked = linked(item);
        let link_mark = if is_linked { ctx.sym.linked } else { " " };
        let pad = if pane == Pane::Actors { " " } else { "" };
        let it = app.model.item(item);
        // Only what a row needs is built: most rows are a marker and a title.
        label.clear();
        if pane == Pane::Argument {
            for _ in 0..depth {
                label.push_str("  ");
            }
            if let Some(rel) = via {
                label.push_str(if app.model.is_opposition(rel) {
                    ctx.sym.opposes
                } else {
                    ctx.sym.supports
                });
            }
            if repeat {
                label.push_str(ctx.sym.repeat);
            } else if app.collapsed.contains(&item) {
                label.push_str(ctx.sym.folded);
            }
            if let KindFields::Claim { role, unstated } = it.fields {
                label.push('[');
                if unstated {
                    label.push_str("unstated ");
                }
                label.push_str(role.name());
                label.push_str("] ");
            }
        }
        if pane == Pane::Timeline {
            // The date column and a space.
            let when = fit_cow(when_label(it, &mut date), date_width, ctx.sym.ellipsis);
            label.push_str(&when);
            for _ in str_width(&when)..date_width + 1 {
                label.push(' ');
            }
        }
        let used = str_width(marker) + str_width(link_mark) + pad.len() + str_width(&label);
        let matched = search.is_some_and(|s| s.matches_item(item));
        let style = if selected && focused && app.mode != Mode::Links {
            ctx.theme.selected
        } else if selected {
            ctx.theme.selected_unfocused
        } else if matched {
            ctx.theme.matched
        } else if is_linked {
            ctx.theme.linked
        } else {
            Style::new()
        };
        out.put(marker, style).put(link_mark, style).put(pad, style);
        if !label.is_empty() {
            out.put(&fit_cow(&label, width.saturating_sub(3), ""), style);
        }
        let room = width.saturating_sub(used);
        // Only the part of the title that fits is read: a title may be megabytes.
        let title = if repeat {
            let head = fit_cow(&it.title, room, "");
            fit(&format!("{head} (shown above)"), room, ctx.sym.ellipsis).into()
        } else {
            fit_cow(&it.title, room, ctx.sym.ellipsis)
        };
        out.put(&title, style);
        if pane == Pane::Timeline
            && let KindFields::Event { when: Some(w) } = &it.fields
            && w.date.is_some()
        {
            let rest = room.saturating_sub(str_width(&title) + 3);
            if rest > 4 {
                out.put(" ", ctx.theme.dim)
                    .put(ctx.sym.dot, ctx.theme.dim)
                    .put(" ", ctx.theme.dim)
                    .put(
                        &fit_cow(&w.label, rest - 3, ctx.sym.ellipsis),
                        ctx.theme.dim,
                    );
            }
        }
    }
}

/// The Timeline's date column: `~2020-10`, `2008?`, an interval `~2020-12/~2021-01`, or the
/// article's phrase when there is no date (borrowed: the phrase may be long, and only its start
/// is shown). A date is written into `buf`.
pub fn when_label<'a>(item: &'a Item, buf: &'a mut String) -> &'a str {
    match &item.fields {
        KindFields::Event { when: Some(w) } => match w.date {
            Some(d) => {
                buf.clear();
                write_point(buf, d.start);
                if let Some(end) = d.end {
                    buf.push('/');
                    write_point(buf, end);
                }
                buf
            }
            None => &w.label,
        },
        _ => "undated",
    }
}

/// A point as the Timeline writes it: approximation first (`~2020-10`), uncertainty after.
fn write_point(buf: &mut String, p: DatePoint) {
    use std::fmt::Write;
    if p.approximate {
        buf.push('~');
    }
    let mut shown = p;
    shown.approximate = false;
    // Writing into a String cannot fail.
    let _ = write!(buf, "{shown}");
}

/// How many columns a date takes in the Timeline (all ASCII).
fn date_chars(d: &Date) -> usize {
    let point = |p: DatePoint| {
        4 + p.month.map_or(0, |_| 3)
            + p.day.map_or(0, |_| 3)
            + p.approximate as usize
            + p.uncertain as usize
    };
    point(d.start) + d.end.map_or(0, |e| 1 + point(e))
}
