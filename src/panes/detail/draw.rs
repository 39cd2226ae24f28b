//! The detail of the selected item: fields, summary, quotes and links, the selected link marked.

use super::{LINK_GUTTER, NOTE_DASH, Part};
use crate::app::Mode;
use crate::ui::{Ctx, RowWriter, inner};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn detail(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let app = ctx.app;
    let focused = app.mode == Mode::Links;
    let title = if focused {
        format!(" Detail {} links ", ctx.sym.dot)
    } else {
        " Detail ".to_owned()
    };
    let body = inner(area);
    let Some(item) = app.selected_item() else {
        frame.render_widget(
            ctx.block(Line::styled(title, ctx.theme.title), focused),
            area,
        );
        if body.area() > 0 {
            frame.render_widget(
                Paragraph::new(Line::styled("Nothing selected.", ctx.theme.dim)),
                body,
            );
        }
        return;
    };
    let shown = app.detail_layout(item, body);
    // Where there is more to read, the border says so (Ctrl-e/Ctrl-y, Ctrl-f/Ctrl-b scroll).
    let block = ctx.more(
        ctx.block(Line::styled(title, ctx.theme.title), focused),
        shown.more_above,
        shown.more_below,
    );
    frame.render_widget(block, area);
    if body.area() == 0 {
        return;
    }
    let (blocks, rows) = (&shown.blocks, &shown.rows);
    // The words the search in this pane found are marked here too.
    let query = app
        .search
        .as_ref()
        .filter(|s| s.pane == app.focus && !s.query.is_empty())
        .map(|s| s.query.as_str())
        // Folded once for the frame, not once per row.
        .and_then(crate::model::search::fold_query);
    let buf = frame.buffer_mut();
    let body = body.intersection(buf.area);
    let visible = rows.iter().skip(shown.scroll);
    for (y, row) in (body.top()..body.bottom()).zip(visible) {
        let blk = &blocks[row.block];
        let text = &blk.text[row.text.clone()];
        let style = match blk.part {
            Part::Title => ctx.theme.title,
            Part::Heading => ctx.theme.heading,
            Part::Quote => ctx.theme.quote,
            Part::Field => ctx.theme.dim,
            Part::Link(n) if focused && n == app.link => ctx.theme.selected,
            _ => Style::new(),
        };
        let glyph = blk.prefix.glyph(ctx.sym);
        let indent = crate::wrap::str_width(glyph);
        let (lead, prefix) = match blk.part {
            Part::Link(n) if focused && n == app.link && row.first => (ctx.sym.selected, glyph),
            Part::Link(_) if row.first => (spaces(LINK_GUTTER), glyph),
            Part::Link(_) => (spaces(indent + LINK_GUTTER), ""),
            _ if row.first => ("", glyph),
            Part::Quote => ("", glyph),
            _ => (spaces(indent), ""),
        };
        let mut out = RowWriter::new(buf, body.x, y, body.width);
        out.put(lead, style).put(prefix, style);
        // The dash before a link's note is the interface's: drawn from the glyph table.
        let dash = blk
            .note_dash
            .filter(|&d| d >= row.text.start && d + NOTE_DASH.len() <= row.text.end)
            .map(|d| d - row.text.start);
        match dash {
            Some(d) => {
                put_highlighted(&mut out, ctx, &text[..d], query.as_ref(), style);
                out.put(ctx.sym.note_dash, style);
                put_highlighted(
                    &mut out,
                    ctx,
                    &text[d + NOTE_DASH.len()..],
                    query.as_ref(),
                    style,
                );
            }
            None => put_highlighted(&mut out, ctx, text, query.as_ref(), style),
        }
    }
}

/// `n` spaces (as many as a prefix's indent can be).
fn spaces(n: usize) -> &'static str {
    const SPACES: &str = "                ";
    &SPACES[..n.min(SPACES.len())]
}

/// Writes `text` with the matches of `query` (folded, and the fold it matches in) marked.
fn put_highlighted(
    out: &mut RowWriter,
    ctx: &Ctx,
    text: &str,
    query: Option<&(String, crate::model::fold::Fold)>,
    style: Style,
) {
    let hits = query
        .map(|(q, mode)| crate::model::search::find_all_folded(text, q, *mode))
        .unwrap_or_default();
    let mut at = 0;
    for hit in hits {
        if hit.start < at || hit.end > text.len() {
            continue;
        }
        out.put(&text[at..hit.start], style)
            .put(&text[hit.clone()], style.patch(ctx.theme.matched));
        at = hit.end;
    }
    out.put(&text[at..], style);
}
