//! The tab bar (narrow terminals), the status line (mode, breadcrumb, messages) and the footer of
//! key hints, taken from the keymap.

use super::{Ctx, fit};
use crate::app::search::PromptKind;
use crate::app::{Mode, Pane, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn tabs(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let spans: Vec<Span> = Pane::ALL
        .iter()
        .map(|&p| {
            let style = if p == ctx.app.focus {
                ctx.theme.selected
            } else {
                ctx.theme.dim
            };
            Span::styled(layout::tab_label(p, area.width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn status(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    if area.area() == 0 {
        return;
    }
    let app = ctx.app;
    let mode = match &app.mode {
        Mode::Browse => app.focus.title().to_uppercase(),
        Mode::Links if app.focus == Pane::Text => "QUOTED BY".into(),
        Mode::Links => "LINKS".into(),
        Mode::Help { .. } => "HELP".into(),
        Mode::View(view) => view.name().into(),
        Mode::Prompt(p) => match p.kind {
            PromptKind::Search => "SEARCH".into(),
            PromptKind::Filter => "FILTER".into(),
            PromptKind::Palette => "JUMP".into(),
        },
    };
    let width = area.width as usize;
    let mut spans = vec![Span::styled(format!(" {mode} "), ctx.theme.mode)];
    let mut used = mode.len() + 2;
    // The prompt, or the state of the search and filter in the focused pane.
    let mut state = String::new();
    match &app.mode {
        Mode::Prompt(p) if p.kind != PromptKind::Palette => {
            let lead = if p.kind == PromptKind::Search {
                "/"
            } else {
                "filter: "
            };
            state = format!("{lead}{}▏", p.input);
            if p.kind == PromptKind::Search
                && let Some(s) = &app.search
                && !s.query.is_empty()
            {
                state.push_str(&format!("  {}", s.position()));
            }
        }
        _ => {
            if let Some(s) = app
                .search
                .as_ref()
                .filter(|s| s.pane == app.focus && !s.query.is_empty())
            {
                state = format!("/{}  {}", s.query, s.position());
            }
        }
    }
    if let Some(list) = app.list(app.focus)
        && let Some(q) = &list.filter
        && !matches!(&app.mode, Mode::Prompt(p) if p.kind == PromptKind::Filter && !p.input.is_empty() && p.input != *q)
    {
        let (n, m) = list.filter_counts();
        let f = format!("filter: {q} ({n} of {m})");
        state = if state.is_empty() || state.starts_with("filter: ") {
            f
        } else {
            format!("{state}  {f}")
        };
    }
    if !state.is_empty() {
        let shown = fit(&state, width.saturating_sub(used + 3), ctx.sym.ellipsis);
        used += super::text::width(&shown) + 3;
        spans.push(Span::styled(ctx.sym.separator, ctx.theme.status));
        spans.push(Span::styled(shown, ctx.theme.status.patch(ctx.theme.key)));
    }
    if let Some(msg) = &app.message {
        let msg = fit(msg, width.saturating_sub(used + 3), ctx.sym.ellipsis);
        used += msg.chars().count() + 3;
        spans.push(Span::styled(ctx.sym.separator, ctx.theme.status));
        spans.push(Span::styled(msg, ctx.theme.status.patch(ctx.theme.message)));
    }
    if let Some(note) = super::views::status_note(ctx, width.saturating_sub(used + 3)) {
        used += super::text::width(&note) + 3;
        spans.push(Span::styled(ctx.sym.separator, ctx.theme.status));
        spans.push(Span::styled(note, ctx.theme.status));
    }
    let crumbs = breadcrumb(ctx, width.saturating_sub(used + 3));
    if !crumbs.is_empty() {
        spans.push(Span::styled(ctx.sym.separator, ctx.theme.status));
        spans.push(Span::styled(crumbs, ctx.theme.status));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(ctx.theme.status),
        area,
    );
}

/// The history as `Title › Title › [Current]`, cut from the left to fit `width`.
fn breadcrumb(ctx: &Ctx, width: usize) -> String {
    let (places, cursor) = ctx.app.history.trail();
    if places.is_empty() || width < 8 {
        return String::new();
    }
    let names: Vec<String> = places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let title = fit(&ctx.app.model.item(p.item).title, 24, ctx.sym.ellipsis);
            let title = if p.pane == Pane::Text {
                format!("Text: {title}")
            } else {
                title
            };
            if i == cursor {
                format!("[{title}]")
            } else {
                title
            }
        })
        .collect();
    let mut out = names.join(ctx.sym.crumb);
    while super::text::width(&out) > width {
        match out.char_indices().nth(1) {
            Some((at, _)) => out = out[at..].to_owned(),
            None => break,
        }
    }
    if out.len() < names.join(ctx.sym.crumb).len() {
        out = format!(
            "{}{}",
            ctx.sym.ellipsis,
            out.chars()
                .skip(ctx.sym.ellipsis.chars().count())
                .collect::<String>()
        );
    }
    out
}

pub fn footer(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    if area.area() == 0 {
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, desc) in ctx.app.keymap.hints(ctx.app.key_mode()) {
        let w = key.chars().count() + desc.chars().count() + 3;
        if used + w > area.width as usize {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), ctx.theme.key));
        spans.push(Span::styled(format!(" {desc} "), ctx.theme.dim));
        used += w;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
