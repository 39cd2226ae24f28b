//! Drawing the Text pane (the article with its quoted passages marked) and the passage panel
//! beside it.

use crate::app::{App, Mode};
use crate::model::sanitize;
use crate::ui::{Ctx, fit, inner};
use crate::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn pane(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let app = ctx.app;
    let tp = &app.text;
    let focused = app.mode != Mode::Links;
    let mut title = vec![Span::styled(" 6 Text ", ctx.theme.title)];
    if let Some(p) = tp.current {
        title.push(Span::styled(
            format!("passage {}/{} ", p + 1, tp.passages.len()),
            ctx.theme.dim,
        ));
    }
    let mut block = ctx.block(Line::from(title), focused);
    if let Some(url) = &app.model.doc.document.url {
        block = block.title_bottom(crate::ui::border_text(Line::styled(
            format!(" O {} ", crate::model::sanitize::line(url)),
            ctx.theme.dim,
        )));
    }
    frame.render_widget(block, area);
    let body = inner(area);
    if body.area() == 0 {
        return;
    }
    let text = &app.model.doc.document.text;
    let emphasised = |p: usize| tp.item.is_some_and(|i| tp.quoting(p).contains(&i));
    let current = tp.current.map(|p| tp.passages[p].span.clone());
    let search = app
        .search
        .as_ref()
        .filter(|s| s.pane == crate::app::Pane::Text);
    let selection = app.text_selection();
    // The cursor's character, drawn where the reader is moving (not in "Quoted by").
    let cursor = focused.then(|| {
        // On a character even if the cursor came from a place in an older text.
        let at = crate::model::anchor::floor_char_boundary(text, tp.cursor);
        at..at + text[at..].chars().next().map_or(0, char::len_utf8)
    });
    let cursor_line = cursor.as_ref().map(|c| tp.line_of(c.start));
    let no_hits = crate::model::search::TextMatches::default();
    let hits = search.map_or(&no_hits, |s| &s.spans);
    let lines: Vec<Line> = tp
        .lines
        .iter()
        .enumerate()
        .skip(tp.top)
        .take(body.height as usize)
        .map(|(n, line)| {
            let overlapping: Vec<usize> = tp.overlapping(line.clone()).collect();
            let in_current = current
                .as_ref()
                .is_some_and(|c| c.start < line.end.max(line.start + 1) && c.end > line.start);
            let gutter = match &current {
                Some(c)
                    if in_current
                        && c.start >= line.start
                        && (c.start < line.end || line.is_empty()) =>
                {
                    ctx.sym.passage_start
                }
                Some(_) if in_current => ctx.sym.passage_line,
                _ if overlapping.iter().any(|&p| emphasised(p)) => ctx.sym.linked,
                _ => " ",
            };
            let mut spans = vec![Span::styled(
                format!("{gutter:<w$}", w = super::GUTTER as usize),
                ctx.theme.linked,
            )];
            // Cut the line where any passage starts or ends, and style each piece.
            let mut cuts = vec![line.start, line.end];
            for &p in &overlapping {
                let s = &tp.passages[p].span;
                cuts.extend([s.start.max(line.start), s.end.min(line.end)]);
            }
            let first_hit = hits.ending_by(line.start);
            let line_hits: Vec<(usize, std::ops::Range<usize>)> = hits
                .iter()
                .enumerate()
                .skip(first_hit)
                .take_while(|(_, h)| h.start < line.end)
                .collect();
            for (_, h) in &line_hits {
                cuts.extend([h.start.max(line.start), h.end.min(line.end)]);
            }
            for r in selection.iter().chain(&cursor) {
                cuts.extend([
                    r.start.clamp(line.start, line.end),
                    r.end.clamp(line.start, line.end),
                ]);
            }
            cuts.sort_unstable();
            cuts.dedup();
            for w in cuts.windows(2) {
                let (a, b) = (w[0], w[1]);
                if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                    continue;
                }
                let covering = overlapping
                    .iter()
                    .filter(|&&p| tp.passages[p].span.start <= a && tp.passages[p].span.end >= b);
                let mut style = Style::new();
                for &p in covering {
                    style = style.patch(if emphasised(p) {
                        ctx.theme.emphasised
                    } else {
                        ctx.theme.quoted
                    });
                }
                if current.as_ref().is_some_and(|c| c.start <= a && c.end >= b) {
                    style = style.patch(ctx.theme.current);
                }
                if let Some((n, _)) = line_hits.iter().find(|(_, h)| h.start <= a && h.end >= b) {
                    let is_current = search.is_some_and(|s| s.current == Some(*n));
                    style = style.patch(if is_current {
                        ctx.theme.current_match
                    } else {
                        ctx.theme.matched
                    });
                }
                if selection
                    .as_ref()
                    .is_some_and(|s| s.start <= a && s.end >= b)
                {
                    style = style.patch(ctx.theme.selection);
                }
                if cursor.as_ref().is_some_and(|c| c.start <= a && c.end >= b) {
                    // Reversed against whatever is under it, so it shows on a reversed passage.
                    let reversed = style.add_modifier.contains(Modifier::REVERSED)
                        && !style.sub_modifier.contains(Modifier::REVERSED);
                    style = if reversed {
                        style.remove_modifier(Modifier::REVERSED)
                    } else {
                        style.add_modifier(Modifier::REVERSED)
                    }
                    .patch(ctx.theme.cursor);
                }
                spans.push(Span::styled(
                    sanitize::line(&text[a..b]).into_owned(),
                    style,
                ));
            }
            // A cursor past the line's last character (a blank line between paragraphs) is a
            // cell after it.
            if cursor_line == Some(n) && cursor.as_ref().is_some_and(|c| c.start >= line.end) {
                spans.push(Span::styled(
                    " ",
                    Style::new()
                        .add_modifier(Modifier::REVERSED)
                        .patch(ctx.theme.cursor),
                ));
            }
            Line::from(spans)
        })
        .collect();
    crate::ui::render_lines(frame, body, &lines);
}

/// The words of passage `p` as the panel shows them.
fn passage_text(app: &App, p: usize) -> std::borrow::Cow<'_, str> {
    crate::panes::detail::capped(&app.model.doc.document.text[app.text.passages[p].span.clone()])
}

/// The passage panel's rows above its first "quoted by" row, at the panel's inner `width`: the
/// heading, the quoted words, a blank row and "Quoted by". Drawing and settling both count them
/// here.
pub fn panel_head_rows(app: &App, p: usize, width: usize) -> usize {
    3 + wrap(&passage_text(app, p), width.saturating_sub(2).max(1)).len()
}

/// Beside the Text pane: the selected passage and the items that quote it.
pub fn passage(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let app = ctx.app;
    let tp = &app.text;
    let focused = app.mode == Mode::Links;
    frame.render_widget(
        ctx.block(Line::styled(" Passage ", ctx.theme.title), focused),
        area,
    );
    let body = inner(area);
    if body.area() == 0 {
        return;
    }
    let w = body.width as usize;
    let Some(p) = tp.current else {
        let hint = format!(
            "No passage selected. {} moves to the next quoted passage.",
            app.keymap
                .key_for(crate::app::KeyMode::Text, crate::app::Action::NextPassage)
                .map(|k| k.to_string())
                .unwrap_or_default()
        );
        let lines: Vec<Line> = wrap(&hint, w)
            .into_iter()
            .map(|r| Line::styled(hint[r].to_owned(), ctx.theme.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
        return;
    };
    let quoted = passage_text(app, p);
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled(
        format!("Passage {} of {}", p + 1, tp.passages.len()),
        ctx.theme.heading,
    ));
    for r in wrap(&quoted, w.saturating_sub(2).max(1)) {
        lines.push(Line::from(vec![
            Span::styled(ctx.sym.quote_bar, ctx.theme.quote),
            Span::styled(quoted[r].to_owned(), ctx.theme.quote),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Quoted by", ctx.theme.heading));
    for (n, &item) in tp.quoting(p).iter().enumerate() {
        let it = app.model.item(item);
        let selected = focused && n == tp.link;
        let marker = if selected { ctx.sym.selected } else { "  " };
        let style = if selected {
            ctx.theme.selected
        } else {
            Style::new()
        };
        let room = w.saturating_sub(2);
        let label = format!("{} ({})", fit(&it.title, room, ""), it.kind);
        lines.push(Line::from(vec![
            Span::styled(marker, style),
            Span::styled(fit(&label, room, ctx.sym.ellipsis), style),
        ]));
    }
    // The scroll is the settled one (`App::settle_panel`); the border says what it hides.
    let skip = tp.panel_top.min(lines.len().saturating_sub(1));
    let (above, below) = (skip > 0, lines.len() > skip + body.height as usize);
    if above || below {
        let block = ctx.block(Line::styled(" Passage ", ctx.theme.title), focused);
        frame.render_widget(ctx.more(block, above, below), area);
    }
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(lines), body);
}
