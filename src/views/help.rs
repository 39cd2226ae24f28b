//! The help overlay (`?`), generated from the keymap itself so that it always tells the truth. It
//! opens over the panes or over a view; `Esc` closes it and shows what was under it.

use super::{Open, Outcome, View};
use crate::app::input::LineInput;
use crate::app::{Action, App, KeyMode, Keymap, cursor};
use crate::ui::Ctx;
use crate::ui::glyphs::Glyphs;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Default)]
pub struct HelpView {
    /// The first line on screen.
    pub scroll: usize,
    /// The section to open at (the mode of what is under the help), found once the width is
    /// known.
    pub open_at: Option<KeyMode>,
    /// The search in the help (`/`): the query, while typed and after.
    pub find: Option<LineInput>,
    /// The query is being typed (the prompt's keys apply).
    pub typing: bool,
    /// Where the help was when the search started, to go back on `Esc`.
    origin: usize,
}

impl HelpView {
    /// The help, opening at the section of `mode`.
    pub fn at(mode: KeyMode) -> HelpView {
        HelpView {
            open_at: Some(mode),
            ..HelpView::default()
        }
    }
}

/// What a line of the help is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A mode's title.
    Heading,
    /// Keys and what they do.
    Binding,
    Blank,
    Note,
}

/// One line of the help: its part, and for a binding its keys and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub part: Part,
    pub keys: String,
    pub text: &'static str,
    /// The mode whose section it is in (notes: none).
    pub mode: Option<KeyMode>,
}

/// The width of the keys' column, when the help is wide enough for two columns.
const KEYS_COLUMN: usize = 24;

/// One screen row of the help, wrapped: the part, the keys (on a binding's first row) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub part: Part,
    pub keys: String,
    pub text: String,
    pub mode: Option<KeyMode>,
}

/// The help wrapped to `width` columns: a binding's description wraps under itself beside the
/// keys, or (narrow) below its keys; notes wrap as paragraphs. Nothing is cut.
pub fn rows(keymap: &Keymap, width: usize, g: &Glyphs) -> Vec<HelpRow> {
    let width = width.max(1);
    let mut out = Vec::new();
    let row = |part, keys: String, text: String, mode| HelpRow {
        part,
        keys,
        text,
        mode,
    };
    let two_columns = width >= KEYS_COLUMN + 16;
    for l in lines(keymap) {
        let text = g.text(l.text).into_owned();
        match l.part {
            Part::Binding if two_columns => {
                let keys_w = crate::wrap::str_width(&l.keys);
                let room = width - KEYS_COLUMN;
                if keys_w + 2 >= KEYS_COLUMN {
                    // Keys longer than their column: on a row of their own.
                    out.push(row(Part::Binding, l.keys.clone(), String::new(), l.mode));
                    for r in crate::wrap::wrap(&text, room) {
                        out.push(row(
                            Part::Binding,
                            String::new(),
                            text[r].to_owned(),
                            l.mode,
                        ));
                    }
                    continue;
                }
                for (k, r) in crate::wrap::wrap(&text, room).into_iter().enumerate() {
                    let keys = if k == 0 {
                        l.keys.clone()
                    } else {
                        String::new()
                    };
                    out.push(row(Part::Binding, keys, text[r].to_owned(), l.mode));
                }
            }
            Part::Binding => {
                for r in crate::wrap::wrap(&l.keys, width.saturating_sub(2).max(1)) {
                    out.push(row(
                        Part::Binding,
                        l.keys[r].to_owned(),
                        String::new(),
                        l.mode,
                    ));
                }
                for r in crate::wrap::wrap(&text, width.saturating_sub(4).max(1)) {
                    out.push(row(
                        Part::Binding,
                        String::new(),
                        text[r].to_owned(),
                        l.mode,
                    ));
                }
            }
            Part::Blank => out.push(row(Part::Blank, String::new(), String::new(), l.mode)),
            part => {
                for r in crate::wrap::wrap(&text, width) {
                    out.push(row(part, String::new(), text[r].to_owned(), l.mode));
                }
            }
        }
    }
    out
}

/// The rows matching `query` (keys or text), in order.
pub fn matching(rows: &[HelpRow], query: &str) -> Vec<usize> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    rows.iter()
        .enumerate()
        .filter(|(_, r)| {
            !crate::model::search::find_in(&r.text, query).is_empty()
                || !crate::model::search::find_in(&r.keys, query).is_empty()
        })
        .map(|(n, _)| n)
        .collect()
}

/// Every line of the help, in order.
pub fn lines(keymap: &Keymap) -> Vec<HelpLine> {
    let line = |part, keys: String, text, mode| HelpLine {
        part,
        keys,
        text,
        mode,
    };
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        out.push(line(Part::Heading, String::new(), mode.title(), Some(mode)));
        for b in keymap.bindings(mode) {
            if b.keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            out.push(line(Part::Binding, keys.join(" "), b.desc, Some(mode)));
        }
        out.push(line(Part::Blank, String::new(), "", Some(mode)));
    }
    // Each note one paragraph: wrapped to the help's width, never cut.
    for note in NOTES {
        out.push(line(Part::Note, String::new(), note, None));
    }
    out
}

/// What the keymap cannot say, each a paragraph.
pub const NOTES: &[&str] = &[
    "Mouse: a click focuses and selects, a click on a link follows it, and the wheel scrolls what is under it: a list, the text, or the detail.",
    "Folds: a jump to a claim inside a fold opens the folds above it, and so does a search landing on one; folding keeps the Argument pane's filter.",
    "Search is smart-case: a capital makes case exact, a letter with a diacritic makes diacritics exact, and otherwise both are ignored (/Lopez and /lopez find the name with or without its accent).",
    "Back and forward restore the place: the pane, the selection, the links, the scroll, the Text pane's passage and the view open with its cursor.",
    "In the help, / searches it and n/N go to the next and previous match.",
];

/// The help's box on a screen `area`, and its inside.
fn boxed(area: Rect) -> (Rect, Rect) {
    super::scrolled::boxed(area, 76)
}

impl Open for HelpView {
    /// Opens at the section of the keys in effect.
    fn open(app: &mut App) -> Option<HelpView> {
        Some(HelpView::at(app.key_mode()))
    }
}

impl HelpView {
    /// Typing the search: the prompt's keys; the help scrolls to the first match below where
    /// the search started.
    fn type_search(&mut self, app: &mut App, action: Action) -> Outcome {
        let Some(find) = self.find.as_mut() else {
            self.typing = false;
            return Outcome::Keep;
        };
        match action {
            Action::PromptAccept => {
                self.typing = false;
                if find.is_empty() {
                    self.find = None;
                } else {
                    app.query_history.push(find.as_str());
                }
            }
            Action::PromptCancel | Action::Escape => {
                self.typing = false;
                self.find = None;
                self.scroll = self.origin;
            }
            Action::Quit => return Outcome::Unhandled,
            _ => {
                if find.edit(action, &mut app.message) {
                    let query = find.as_str().to_owned();
                    let width = boxed(app.screen().body).1.width as usize;
                    let hits = matching(&rows(&app.keymap, width, app.glyphs), &query);
                    match hits.iter().find(|&&r| r >= self.origin).or(hits.first()) {
                        Some(&r) => self.scroll = r,
                        None => {
                            self.scroll = self.origin;
                            if !query.is_empty() {
                                app.message = Some(format!("no match for \"{query}\" in the help"));
                            }
                        }
                    }
                }
            }
        }
        Outcome::Keep
    }

    /// `n`/`N`: the next or previous matching row, wrapping around.
    fn next_match(&mut self, app: &mut App, forward: bool) {
        let Some(find) = &self.find else {
            app.message = Some("no search: / searches the help".into());
            return;
        };
        let width = boxed(app.screen().body).1.width as usize;
        let hits = matching(&rows(&app.keymap, width, app.glyphs), find.as_str());
        match cursor::step_wrap(&hits, self.scroll, forward) {
            Some(next) => {
                self.scroll = next.at;
                app.message = next.message("search");
            }
            None => app.message = Some(format!("no match for \"{}\" in the help", find.as_str())),
        }
    }
}

impl View for HelpView {
    fn key_mode(&self) -> KeyMode {
        if self.typing {
            KeyMode::Prompt
        } else {
            KeyMode::Help
        }
    }

    fn name(&self) -> &'static str {
        "HELP"
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        if self.typing {
            return self.type_search(app, action);
        }
        let height = boxed(app.screen().body).1.height as usize;
        let delta = match action {
            Action::Escape if self.find.is_some() => {
                self.find = None;
                app.message = Some("search cleared".into());
                return Outcome::Keep;
            }
            Action::Escape | Action::Help => return Outcome::Close,
            Action::StartSearch => {
                self.find = Some(LineInput::default());
                self.typing = true;
                self.origin = self.scroll;
                return Outcome::Keep;
            }
            Action::NextMatch | Action::PrevMatch => {
                self.next_match(app, action == Action::NextMatch);
                return Outcome::Keep;
            }
            _ => match super::scrolled::page_delta(action, height) {
                Some(d) => d,
                // A click closes the help and acts on the panes.
                None => return Outcome::Unhandled,
            },
        };
        // Past the end is clamped by `settle`, which knows how many lines there are.
        self.scroll = (self.scroll as isize).saturating_add(delta).max(0) as usize;
        Outcome::Keep
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let inside = boxed(area).1;
        let all = rows(&app.keymap, inside.width as usize, app.glyphs);
        if let Some(mode) = self.open_at.take() {
            self.scroll = all
                .iter()
                .position(|r| r.part == Part::Heading && r.mode == Some(mode))
                .unwrap_or(0);
        }
        self.scroll = self
            .scroll
            .min(all.len().saturating_sub(inside.height as usize));
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let g = ctx.sym;
        let (rect, inner) = boxed(area);
        let all = rows(&ctx.app.keymap, inner.width as usize, g);
        let query = self.find.as_ref().map(|f| f.as_str()).unwrap_or("");
        let mut title = format!(" Help {} / searches {} Esc closes ", g.dot, g.dot);
        if let Some(find) = &self.find {
            let hits = matching(&all, query);
            // The first match on screen (the last page cannot scroll a match to the top).
            let shown = self.scroll..self.scroll + inner.height as usize;
            let at = hits
                .iter()
                .position(|r| shown.contains(r))
                .map_or(0, |i| i + 1);
            let count = format!(" {at}/{} ", hits.len());
            let query = if self.typing {
                // What the border leaves the query, so that its caret is on screen.
                let room = (inner.width as usize).saturating_sub(
                    crate::wrap::str_width(&count) + crate::wrap::str_width(g.dot) + 8,
                );
                let line = crate::ui::line::shown(find, room, g.caret, g.ellipsis);
                format!("{}{}{}", line.before, g.caret, line.after)
            } else {
                crate::model::sanitize::line(find.as_str()).into_owned()
            };
            title = format!(" Help {} /{query}{count}", g.dot);
        }
        let below = self.scroll + (inner.height as usize) < all.len();
        let inside = ctx.overlay_more(
            frame,
            rect,
            Line::styled(title, ctx.theme.title),
            self.scroll > 0,
            below,
        );
        let two_columns = inside.width as usize >= KEYS_COLUMN + 16;
        let mark = |text: &str, style: ratatui::style::Style| -> Vec<Span<'static>> {
            let hits = crate::model::search::find_in(text, query);
            let mut spans = Vec::new();
            let mut at = 0;
            for h in hits {
                if h.start < at {
                    continue;
                }
                spans.push(Span::styled(text[at..h.start].to_owned(), style));
                spans.push(Span::styled(
                    text[h.clone()].to_owned(),
                    style.patch(ctx.theme.matched),
                ));
                at = h.end;
            }
            spans.push(Span::styled(text[at..].to_owned(), style));
            spans
        };
        let shown: Vec<Line> = all
            .into_iter()
            .skip(self.scroll)
            .take(inside.height as usize)
            .map(|r| match r.part {
                Part::Heading => Line::from(mark(&r.text, ctx.theme.heading)),
                Part::Binding if two_columns => {
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(mark(&r.keys, ctx.theme.key));
                    let pad = KEYS_COLUMN.saturating_sub(2 + crate::wrap::str_width(&r.keys));
                    spans.push(Span::raw(" ".repeat(pad)));
                    spans.extend(mark(&r.text, ratatui::style::Style::new()));
                    Line::from(spans)
                }
                Part::Binding if !r.keys.is_empty() => {
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(mark(&r.keys, ctx.theme.key));
                    Line::from(spans)
                }
                Part::Binding => {
                    let mut spans = vec![Span::raw("    ")];
                    spans.extend(mark(&r.text, ratatui::style::Style::new()));
                    Line::from(spans)
                }
                Part::Blank => Line::raw(""),
                Part::Note => Line::from(mark(&r.text, ctx.theme.dim)),
            })
            .collect();
        frame.render_widget(Paragraph::new(shown), inside);
    }
}
