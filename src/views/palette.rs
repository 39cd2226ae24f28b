//! The palette (`:`): one query over every pane, with a count per pane; `Enter` jumps to the
//! selected item (into history).

use super::{Open, Outcome, View};
use crate::app::input::LineInput;
use crate::app::{Action, App, KeyMode, Pane, cursor, layout};
use crate::ui::{Ctx, fit};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Default)]
pub struct PaletteView {
    pub input: LineInput,
    /// Every matching item, best first.
    pub items: Vec<usize>,
    /// How many match in each list pane.
    pub counts: Vec<(Pane, usize)>,
    /// How many places of the text match: a last row jumps to the Text pane's search.
    pub text_matches: usize,
    /// The selected result.
    pub selected: usize,
    /// The first result on screen.
    pub top: usize,
    /// Picking an item for an annotation (`A`, `L`) rather than jumping to it.
    pub pick: Option<Pick>,
}

/// What the palette picks an item for: `Enter` hands it over instead of jumping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// The item the selection becomes a quote of (`A`).
    Quote(crate::model::Quote),
    /// The target of a link from this item (`L`).
    LinkFrom(usize),
}

/// Lines of the box above the results: the query and the counts.
const HEAD_LINES: usize = 2;

/// The palette's box on a screen `area`, and its inside.
fn boxed(area: Rect) -> (Rect, Rect) {
    let w = (area.width.saturating_sub(4)).min(90);
    let h = (area.height.saturating_sub(4)).min(24);
    let rect = crate::ui::centred(area, w, h);
    (rect, layout::inner(rect))
}

impl Open for PaletteView {
    fn open(app: &mut App) -> Option<PaletteView> {
        let mut view = PaletteView::default();
        view.run(app);
        Some(view)
    }
}

impl PaletteView {
    /// The palette picking an item for `pick`: the item last selected in a list comes first.
    pub fn picking(app: &App, pick: Pick) -> PaletteView {
        let mut view = PaletteView {
            pick: Some(pick),
            ..PaletteView::default()
        };
        view.run(app);
        view
    }

    /// In pick mode: no text row, the source of a link left out, and with no query the item
    /// last selected in a list first.
    fn picking_order(&mut self, app: &App) {
        let Some(pick) = &self.pick else {
            return;
        };
        self.text_matches = 0;
        if let Pick::LinkFrom(source) = pick {
            let source = *source;
            let before = self.items.len();
            self.items.retain(|&i| i != source);
            if self.items.len() < before
                && let Some(c) = self
                    .counts
                    .iter_mut()
                    .find(|(p, _)| *p == Pane::of_kind(app.model.item(source).kind))
            {
                c.1 = c.1.saturating_sub(1);
            }
        }
        if self.input.is_empty()
            && let Some(last) = app.memory.last_listed
            && let Some(at) = self.items.iter().position(|&i| i == last)
        {
            let item = self.items.remove(at);
            self.items.insert(0, item);
        }
    }

    /// Runs the query: titles that start with it first, then titles that contain it, then the
    /// rest, as in any finder; the document's order within each.
    fn run(&mut self, app: &App) {
        self.search(app);
        self.picking_order(app);
    }

    fn search(&mut self, app: &App) {
        let query = self.input.as_str();
        let model = &app.model;
        if query.is_empty() {
            // Every item, pane by pane, in each pane's order: the palette is a table of contents.
            let mut items = Vec::with_capacity(model.doc.items.len());
            let mut counts = Vec::new();
            for pane in Pane::LISTS {
                let before = items.len();
                if let Some(list) = app.lists.get(pane) {
                    let rows = list.all_rows.as_ref().unwrap_or(&list.rows);
                    let mut seen = std::collections::HashSet::new();
                    items.extend(
                        rows.iter()
                            .filter_map(|r| r.item())
                            .filter(|&i| seen.insert(i)),
                    );
                }
                counts.push((pane, items.len() - before));
            }
            // Claims inside folds are not rows of the Argument pane: after the others.
            let listed: std::collections::HashSet<usize> = items.iter().copied().collect();
            let mut folded = 0;
            for i in 0..model.doc.items.len() {
                if !listed.contains(&i) && Pane::of_kind(model.item(i).kind) == Pane::Argument {
                    items.push(i);
                    folded += 1;
                }
            }
            if let Some(c) = counts.iter_mut().find(|(p, _)| *p == Pane::Argument) {
                c.1 += folded;
            }
            self.items = items;
            self.counts = counts;
            self.text_matches = 0;
            return;
        }
        let mut items = model.search.items(&model.doc, query);
        // The query is folded once, not once per item.
        let folded = crate::model::search::fold_query(query);
        let rank = |i: usize| match &folded {
            Some((q, mode)) => {
                match crate::model::search::find_folded(&model.item(i).title, q, *mode) {
                    Some(0) => 0,
                    Some(_) => 1,
                    None => 2,
                }
            }
            None => 2,
        };
        items.sort_by_cached_key(|&i| rank(i));
        let mut counts: Vec<(Pane, usize)> = Pane::LISTS.iter().map(|&p| (p, 0)).collect();
        for &i in &items {
            let pane = Pane::of_kind(model.item(i).kind);
            if let Some(c) = counts.iter_mut().find(|(p, _)| *p == pane) {
                c.1 += 1;
            }
        }
        self.items = items;
        self.counts = counts;
        self.text_matches = model.search.text(&model.doc, query).len();
    }

    /// Rows to choose from: the items, then the text's matches when there are some.
    fn choices(&self) -> usize {
        self.items.len() + usize::from(self.text_matches > 0)
    }
}

impl View for PaletteView {
    fn key_mode(&self) -> KeyMode {
        if self.pick.is_some() {
            KeyMode::Pick
        } else {
            KeyMode::Palette
        }
    }

    fn name(&self) -> &'static str {
        if self.pick.is_some() { "PICK" } else { "JUMP" }
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        match action {
            Action::PromptOlder => self.selected = self.selected.saturating_sub(1),
            Action::PromptNewer => self.selected = cursor::step(self.selected, 1, self.choices()),
            Action::PromptAccept => {
                app.query_history.push(self.input.as_str());
                if let Some(pick) = &self.pick {
                    let Some(&item) = self.items.get(self.selected) else {
                        return Outcome::Keep;
                    };
                    return match super::form::flows::picked(app, pick, item) {
                        Some(next) => Outcome::Replace(next),
                        None => Outcome::Close,
                    };
                }
                if let Some(&item) = self.items.get(self.selected) {
                    // A jump that cannot land says why in the status line.
                    app.navigate(item);
                } else if self.text_matches > 0 {
                    app.search_the_text(self.input.as_str());
                }
                return Outcome::Close;
            }
            Action::PromptCancel | Action::Escape => return Outcome::Close,
            _ if self.input.edit(action, &mut app.message) => {
                self.selected = 0;
                self.run(app);
            }
            // A click or the wheel closes the palette and acts on the panes.
            Action::Click(..) | Action::WheelDown(..) | Action::WheelUp(..) => {
                return Outcome::Unhandled;
            }
            _ => {}
        }
        Outcome::Keep
    }

    fn settle(&mut self, _app: &App, area: Rect) {
        let room = (boxed(area).1.height as usize).saturating_sub(HEAD_LINES);
        // The selected result is the last on screen once the list scrolls.
        self.top = (self.selected + 1).saturating_sub(room);
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let (rect, _) = boxed(area);
        let title = match &self.pick {
            None => " Jump to any item ".to_owned(),
            Some(Pick::Quote(_)) => " Add the selection as a quote of: pick the item ".to_owned(),
            Some(Pick::LinkFrom(source)) => {
                // The source named, cut to leave the rest of the title room on the border.
                let g = ctx.sym;
                let rest = " Link  to: pick the item ".len() + 2;
                let room = (rect.width as usize).saturating_sub(rest + 4).clamp(8, 40);
                let title = ctx
                    .app
                    .model
                    .doc
                    .items
                    .get(*source)
                    .map_or("", |it| it.title.as_str());
                format!(
                    " Link {}{}{} to: pick the item ",
                    g.quote_open,
                    fit(title, room, g.ellipsis),
                    g.quote_close
                )
            }
        };
        let title = Line::styled(title, ctx.theme.title);
        let body = ctx.overlay(frame, rect, title);
        if body.area() == 0 {
            return;
        }
        let g = ctx.sym;
        let width = body.width as usize;
        let shown =
            crate::ui::line::shown(&self.input, width.saturating_sub(2), g.caret, g.ellipsis);
        let mut lines = vec![Line::from(vec![
            Span::styled(": ", ctx.theme.key),
            Span::raw(shown.before),
            Span::styled(g.caret, ctx.theme.key),
            Span::raw(shown.after),
        ])];
        let mut counts: Vec<String> = self
            .counts
            .iter()
            .map(|(p, n)| format!("{} {n}", p.title()))
            .collect();
        if !self.input.is_empty() {
            counts.push(format!("Text {}", self.text_matches));
        }
        let sep = format!(" {} ", g.dot);
        lines.push(Line::styled(
            fit(&counts.join(&sep), width, g.ellipsis),
            ctx.theme.dim,
        ));
        let room = (body.height as usize).saturating_sub(HEAD_LINES);
        if self.items.is_empty() && self.text_matches == 0 {
            lines.push(Line::styled("No item matches.", ctx.theme.dim));
        }
        let query = self.input.as_str();
        for (n, &item) in self.items.iter().enumerate().skip(self.top).take(room) {
            let it = ctx.app.model.item(item);
            let selected = n == self.selected;
            let style = if selected {
                ctx.theme.selected
            } else {
                Style::new()
            };
            let tag = pane_tag(Pane::of_kind(it.kind));
            let room = width.saturating_sub(tag.len() + 2);
            // Where it matched, when not in the title: the field and the words around the match.
            let field = (!query.is_empty())
                .then(|| crate::model::search::matched_field(it, query))
                .flatten()
                .filter(|(name, _)| *name != "title");
            let title_room = match field {
                Some(_) => (room * 2 / 5).max(room.saturating_sub(50)),
                None => room,
            };
            let title = fit(&it.title, title_room, g.ellipsis);
            let mut spans = vec![
                Span::styled(if selected { g.selected } else { "  " }, style),
                Span::styled(tag.clone(), style.patch(ctx.theme.dim)),
                Span::styled(title.clone(), style),
            ];
            if let Some((name, text)) = field {
                let rest = room.saturating_sub(crate::wrap::str_width(&title) + 3);
                let at = crate::model::search::find_in(&text, query)
                    .first()
                    .map_or(0, |m| m.start);
                // A few words before the match, from a character boundary.
                let mut from = at.saturating_sub(8);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let lead = if from > 0 { g.ellipsis } else { "" };
                let snippet = format!("{name}: {lead}{}", &text[from..]);
                spans.push(Span::styled(
                    format!("  {}", fit(&snippet, rest, g.ellipsis)),
                    style.patch(ctx.theme.dim),
                ));
            }
            lines.push(Line::from(spans));
        }
        // The text's matches, a row of their own after the items.
        let shown = lines.len() - HEAD_LINES;
        if self.text_matches > 0 && shown < room {
            let selected = self.selected == self.items.len();
            let style = if selected {
                ctx.theme.selected
            } else {
                Style::new()
            };
            let n = self.text_matches;
            let text = format!(
                "{}{n} place{} in the text: Enter searches the Text pane",
                pane_tag(Pane::Text),
                if n == 1 { "" } else { "s" }
            );
            lines.push(Line::from(vec![
                Span::styled(if selected { g.selected } else { "  " }, style),
                Span::styled(
                    fit(&text, width.saturating_sub(2), g.ellipsis),
                    style.patch(ctx.theme.dim),
                ),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}

/// A result's pane, as the palette's rows start: its number and name, in a column.
fn pane_tag(pane: Pane) -> String {
    format!("{} {:<15} ", pane.number(), pane.title())
}
