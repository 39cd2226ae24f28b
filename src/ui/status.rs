//! The tab bar (narrow terminals), the status line (mode, breadcrumb, messages) and the footer of
//! key hints, taken from the keymap.

use super::{Ctx, fit};
use crate::app::search::PromptKind;
use crate::app::{Mode, Pane, layout};
use crate::wrap::str_width;
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
    let mode = match (app.top(), &app.mode) {
        (Some(layer), _) => layer.name().into(),
        (None, Mode::Browse) => app.focus.title().to_uppercase(),
        (None, Mode::Links) if app.focus == Pane::Text => "QUOTED BY".into(),
        (None, Mode::Links) => "LINKS".into(),
        (None, Mode::Prompt(p)) => match p.kind {
            PromptKind::Search => "SEARCH".into(),
            PromptKind::Filter => "FILTER".into(),
            PromptKind::SaveAs => "SAVE AS".into(),
        },
    };
    let width = area.width as usize;
    let mut spans = vec![Span::styled(format!(" {mode} "), ctx.theme.mode)];
    let mut used = mode.len() + 2;
    // A newer version of the file that does not load: the map on screen is the last good one.
    if let Some(problems) = &app.problems {
        let n = problems.len();
        let banner = format!(
            " file has {n} problem{}: P lists them ",
            if n == 1 { "" } else { "s" }
        );
        let banner = fit(&banner, width.saturating_sub(used), ctx.sym.ellipsis);
        used += str_width(&banner);
        spans.push(Span::styled(
            banner,
            ctx.theme.mode.patch(ctx.theme.message),
        ));
    }
    // The prompt, or the state of the search and filter in the focused pane.
    let mut state = String::new();
    match &app.mode {
        Mode::Prompt(p) if app.layers.is_empty() => {
            let lead = match p.kind {
                PromptKind::Search => "/",
                PromptKind::Filter => "filter: ",
                PromptKind::SaveAs => "save the map to (a new file): ",
            };
            let mut position = String::new();
            if p.kind == PromptKind::Search
                && let Some(s) = &app.search
                && !s.query.is_empty()
            {
                position = format!("  {}", s.position());
            }
            // The line gets what the lead and the position leave, so its caret is on screen.
            let room = width
                .saturating_sub(used + 3)
                .saturating_sub(str_width(lead) + str_width(&position));
            let shown = super::line::shown(&p.input, room, ctx.sym.caret, ctx.sym.ellipsis);
            state = format!(
                "{lead}{}{}{}{position}",
                shown.before, ctx.sym.caret, shown.after
            );
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
        && !matches!(&app.mode, Mode::Prompt(p) if p.kind == PromptKind::Filter && !p.input.is_empty() && p.input.as_str() != *q)
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
        used += crate::wrap::str_width(&shown) + 3;
        spans.push(Span::styled(ctx.sym.separator, ctx.theme.status));
        spans.push(Span::styled(shown, ctx.theme.status.patch(ctx.theme.key)));
    }
    if let Some(msg) = &app.message {
        let msg = fit(
            &ctx.sym.text(msg),
            width.saturating_sub(used + 3),
            ctx.sym.ellipsis,
        );
        used += msg.chars().count() + 3;
        spans.push(Span::styled(ctx.sym.separator, ctx.theme.status));
        spans.push(Span::styled(msg, ctx.theme.status.patch(ctx.theme.message)));
    }
    if let Some(note) = status_note(ctx, width.saturating_sub(used + 3)) {
        used += crate::wrap::str_width(&note) + 3;
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

/// The way back as `Title › Title › [Current]`, cut from the left to fit `width`: only the
/// places that fit are read, from the newest back. Only the places behind the current one are
/// named, as a trail of where Backspace goes; none are ahead of it, so that coming back to a
/// place shows the very screen it had (`]` still goes forward; the help says so). A screen
/// reached without a jump (a pane chosen, a list moved in) ends the trail as the current place
/// when it is not the place history holds: Backspace goes from it to that one.
fn breadcrumb(ctx: &Ctx, width: usize) -> String {
    let app = ctx.app;
    let (places, cursor) = app.history.trail();
    if places.is_empty() || cursor >= places.len() || width < 8 {
        return String::new();
    }
    // The way back: the places up to the current one, and the screen itself when it has moved
    // on from that place without a jump (Backspace records it, then goes to the current one).
    let mut trail: Vec<(Pane, Option<usize>)> =
        places[..=cursor].iter().map(|p| (p.pane, p.item)).collect();
    if !app.on_page(&places[cursor]) {
        trail.push((app.focus, app.selected_item()));
    }
    if trail.len() < 2 {
        return String::new();
    }
    let newest = trail.len() - 1;
    let g = ctx.sym;
    let name = |i: usize| {
        let (pane, item) = trail[i];
        let title = match item {
            Some(item) => fit(&app.model.item(item).title, 24, g.ellipsis),
            None => "passage".to_owned(),
        };
        let title = if pane == Pane::Text {
            format!("Text: {title}")
        } else {
            title
        };
        if i == newest {
            format!("[{title}]")
        } else {
            title
        }
    };
    // Whole names, newest first, while they fit.
    let crumb_w = str_width(g.crumb);
    let mut kept: Vec<String> = Vec::new();
    let mut used = 0;
    let mut cut = false;
    for i in (0..trail.len()).rev() {
        let n = name(i);
        let w = str_width(&n) + if kept.is_empty() { 0 } else { crumb_w };
        if used + w > width {
            // The rest of this name and what is before it are cut from the left.
            cut = true;
            let room = width - used;
            let mut tail = n;
            if !kept.is_empty() {
                tail.push_str(g.crumb);
            }
            kept.push(keep_right(&tail, room));
            break;
        }
        used += w;
        if !kept.is_empty() {
            let last = kept.len() - 1;
            kept[last] = format!("{}{}", g.crumb, kept[last]);
        }
        kept.push(n);
    }
    kept.reverse();
    let out = kept.concat();
    if !cut {
        return out;
    }
    // The ellipsis takes the place of the first characters.
    let skip = g.ellipsis.chars().count();
    format!(
        "{}{}",
        g.ellipsis,
        out.chars().skip(skip).collect::<String>()
    )
}

/// The end of `s` that fits `width` columns, cut a character at a time from the left.
fn keep_right(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = s.len();
    for (at, c) in s.char_indices().rev() {
        let w = crate::wrap::char_width(c);
        if used + w > width {
            break;
        }
        used += w;
        start = at;
    }
    s[start..].to_owned()
}

pub fn footer(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    if area.area() == 0 {
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, desc) in hints(ctx.app) {
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

/// The footer's `key desc` pairs: the keymap's for the keys in effect, but where the same keys
/// mean something else for now (a form's question, the save-as prompt).
fn hints(app: &crate::app::App) -> Vec<(String, &'static str)> {
    if let Some(hints) = app.top().and_then(|l| l.footer()) {
        return hints;
    }
    if app.top().is_none()
        && let Mode::Prompt(p) = &app.mode
        && p.kind == PromptKind::SaveAs
    {
        use crate::app::{Action, KeyMode};
        let key = |action| app.keymap.key_for(KeyMode::Prompt, action);
        return [
            (key(Action::PromptAccept), "save there"),
            (key(Action::PromptCancel), "cancel"),
        ]
        .into_iter()
        .filter_map(|(k, desc)| Some((k?.to_string(), desc)))
        .collect();
    }
    app.keymap.hints(app.key_mode())
}

/// What the status line adds after the mode: the marked item, and the chain from a selected
/// claim to the thesis. Cut to `width`.
pub fn status_note(ctx: &Ctx, width: usize) -> Option<String> {
    let app = ctx.app;
    let mut notes = Vec::new();
    // A selection being made in the text: how much of it `y` or `a` would take.
    if app.layers.is_empty()
        && app.focus == Pane::Text
        && app.mode == Mode::Browse
        && app.text.selection.is_some()
    {
        let words = app.text_selection().map_or(0, |r| {
            app.model.doc.document.text[r].split_whitespace().count()
        });
        notes.push(format!(
            "selection: {words} word{}",
            if words == 1 { "" } else { "s" }
        ));
    }
    if let Some(marked) = app.memory.mark {
        let title = fit(&app.model.item(marked).title, 24, ctx.sym.ellipsis);
        notes.push(format!("marked: {title}"));
    }
    // A passage several items quote: the keys act on the one chosen in "Quoted by".
    if app.layers.is_empty()
        && app.focus == Pane::Text
        && app.mode == Mode::Browse
        && app.selected_item().is_none()
        && let Some(p) = app.text.current
        && app.text.quoting(p).len() > 1
    {
        notes.push(format!(
            "{} items quote this passage: Enter to choose one",
            app.text.quoting(p).len()
        ));
    }
    if app.layers.is_empty()
        && matches!(app.mode, Mode::Browse | Mode::Links)
        && let Some(item) = app.selected_item()
    {
        let room = width.saturating_sub(notes.iter().map(|n| crate::wrap::str_width(n) + 3).sum());
        if let Some(why) = crate::panes::argument::draw::describe(&app.model, item, room, ctx.sym) {
            notes.push(why);
        }
    }
    if notes.is_empty() {
        return None;
    }
    Some(fit(&notes.join(ctx.sym.separator), width, ctx.sym.ellipsis))
}
