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
    /// The selected result.
    pub selected: usize,
    /// The first result on screen.
    pub top: usize,
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
    /// Runs the query: titles that start with it first, then titles that contain it, then the
    /// rest, as in any finder; the document's order within each.
    fn run(&mut self, app: &App) {
        let query = self.input.as_str();
        let model = &app.model;
        let mut items = if query.is_empty() {
            Vec::new()
        } else {
            model.search.items(&model.doc, query)
        };
        let rank =
            |i: usize| match crate::model::search::find_in(&model.item(i).title, query).first() {
                Some(span) if span.start == 0 => 0,
                Some(_) => 1,
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
    }
}

impl View for PaletteView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Palette
    }

    fn name(&self) -> &'static str {
        "JUMP"
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        match action {
            Action::PromptOlder => self.selected = self.selected.saturating_sub(1),
            Action::PromptNewer => self.selected = cursor::step(self.selected, 1, self.items.len()),
            Action::PromptAccept => {
                app.query_history.push(self.input.as_str());
                if let Some(&item) = self.items.get(self.selected) {
                    // A jump that cannot land says why in the status line.
                    app.navigate(item);
                }
                return Outcome::Close;
            }
            Action::PromptCancel | Action::Escape => return Outcome::Close,
            _ if self.input.edit(action) => {
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
        let title = Line::styled(" Jump to any item ", ctx.theme.title);
        let body = ctx.overlay(frame, rect, title);
        if body.area() == 0 {
            return;
        }
        let g = ctx.sym;
        let width = body.width as usize;
        let mut lines = vec![Line::from(vec![
            Span::styled(": ", ctx.theme.key),
            Span::raw(fit(
                self.input.as_str(),
                width.saturating_sub(3),
                g.ellipsis,
            )),
            Span::styled(g.caret, ctx.theme.key),
        ])];
        let counts: Vec<String> = self
            .counts
            .iter()
            .map(|(p, n)| format!("{} {n}", p.title()))
            .collect();
        let sep = format!(" {} ", g.dot);
        lines.push(Line::styled(
            fit(&counts.join(&sep), width, g.ellipsis),
            ctx.theme.dim,
        ));
        let room = (body.height as usize).saturating_sub(HEAD_LINES);
        if self.input.is_empty() {
            lines.push(Line::styled(
                "Type to search titles, summaries, quotes, tags and fields.",
                ctx.theme.dim,
            ));
        } else if self.items.is_empty() {
            lines.push(Line::styled("No item matches.", ctx.theme.dim));
        }
        for (n, &item) in self.items.iter().enumerate().skip(self.top).take(room) {
            let it = ctx.app.model.item(item);
            let selected = n == self.selected;
            let style = if selected {
                ctx.theme.selected
            } else {
                Style::new()
            };
            let pane = Pane::of_kind(it.kind);
            let tag = format!("{} {:<15} ", pane.number(), pane.title());
            lines.push(Line::from(vec![
                Span::styled(if selected { g.selected } else { "  " }, style),
                Span::styled(tag.clone(), style.patch(ctx.theme.dim)),
                Span::styled(
                    fit(&it.title, width.saturating_sub(tag.len() + 2), g.ellipsis),
                    style,
                ),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}
