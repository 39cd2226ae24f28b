//! The confirmation before `D` deletes an item: what goes with it (the links that name it, its
//! place in comparisons) listed first; `y`/`Enter` deletes, `n`/`Esc` keeps it.

use super::Change;
use crate::app::{Action, App, KeyMode};
use crate::model::sanitize;
use crate::ui::{Ctx, render_lines};
use crate::views::scrolled::ScrolledText;
use crate::views::{Outcome, View};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

#[derive(Debug, Clone)]
pub struct ConfirmView {
    /// The item to delete.
    pub item: usize,
    /// What loses it too, a line each: links from other items, comparisons.
    pub dependants: Vec<String>,
    /// The question and the list, wrapped to the box: scrolled when taller than the screen, so
    /// every dependant can be read whole before answering.
    text: ScrolledText,
}

impl ConfirmView {
    /// The question for deleting `item`, with what names it.
    pub fn delete(app: &App, item: usize) -> ConfirmView {
        ConfirmView {
            item,
            dependants: dependants(app, item),
            text: ScrolledText::default(),
        }
    }

    /// The question for `item` and what goes with it, wrapped to `width`.
    fn rows(app: &App, item: usize, dependants: &[String], width: usize) -> Vec<String> {
        let g = app.glyphs;
        let Some(item) = app.model.doc.items.get(item) else {
            return Vec::new();
        };
        let wrap = |s: &str, width: usize| crate::wrap::wrapped(&sanitize::line(s), width.max(1));
        let mut rows = wrap(&format!("Delete {} ({})?", item.title, item.id), width);
        rows.push(String::new());
        if dependants.is_empty() {
            rows.push("No link or comparison names it.".into());
            return rows;
        }
        let n = dependants.len();
        rows.extend(wrap(
            &format!("These name it and lose it too ({n}):"),
            width,
        ));
        for d in dependants {
            let bullet = format!("  {} ", g.dot);
            let indent = " ".repeat(crate::wrap::str_width(&bullet));
            let room = width.saturating_sub(indent.len());
            for (k, line) in wrap(d, room).into_iter().enumerate() {
                let lead = if k == 0 { &bullet } else { &indent };
                rows.push(format!("{lead}{line}"));
            }
        }
        rows
    }

    /// The key line, wrapped to `width` (on a narrow screen the keys are what matters most),
    /// naming the scroll keys when the list does not fit.
    fn keys(app: &App, width: usize, scrolls: bool) -> Vec<String> {
        let g = app.glyphs;
        let mut keys = format!("y or Enter deletes {} n or Esc keeps it (u undoes)", g.dot);
        if scrolls {
            keys.push_str(&format!(" {} j/k scroll", g.dot));
        }
        crate::wrap::wrapped(&keys, width.max(1))
    }

    /// The box in the body `area`: its rect, the list's area, the keys' area and the key lines.
    fn layout(&self, app: &App, area: Rect) -> (Rect, Rect, Rect, Vec<String>) {
        let width = Self::width(area);
        let keys = Self::keys(app, width, false);
        let (rect, list, keys_area) = Self::geometry(area, self.text.len(), keys.len());
        if self.text.len() <= list.height as usize {
            return (rect, list, keys_area, keys);
        }
        let keys = Self::keys(app, width, true);
        let (rect, list, keys_area) = Self::geometry(area, self.text.len(), keys.len());
        (rect, list, keys_area, keys)
    }

    /// The box in the screen's body `area` for `rows` rows of question and list: its rect, the
    /// list's area and the keys' area.
    fn geometry(area: Rect, rows: usize, keys: usize) -> (Rect, Rect, Rect) {
        let w = area.width.saturating_sub(4).min(80);
        // The list, a blank row and the keys inside the border, at most the body's height.
        let room = area.height.saturating_sub(2);
        let list = (rows as u16)
            .min(room.saturating_sub(keys as u16 + 1))
            .max(1);
        let h = (list + 1 + keys as u16 + 2).min(area.height);
        let rect = crate::ui::centred(area, w, h);
        let inside = crate::ui::inner(rect);
        let list_area = Rect {
            height: list.min(inside.height),
            ..inside
        };
        let keys_area = Rect {
            y: inside.bottom().saturating_sub(keys as u16),
            height: (keys as u16).min(inside.height),
            ..inside
        };
        (rect, list_area, keys_area)
    }

    fn width(area: Rect) -> usize {
        area.width.saturating_sub(4).min(80).saturating_sub(2) as usize
    }
}

/// The links (from other items) and the comparisons that name `item`, as the reader reads them.
pub fn dependants(app: &App, item: usize) -> Vec<String> {
    let model = &app.model;
    let id = &model.item(item).id;
    let mut out: Vec<String> = model.index.incoming[item]
        .iter()
        .filter(|l| l.other != item)
        .map(|l| {
            format!(
                "link: {} {} it",
                model.item(l.other).title,
                model.relation(l.rel).label
            )
        })
        .collect();
    for c in &model.doc.comparisons {
        let in_side = |s: &crate::model::Side| s.items.iter().any(|i| i == id.as_str());
        let paired = c.pairs.iter().any(|p| p.iter().any(|i| i == id.as_str()));
        if in_side(&c.left) || in_side(&c.right) || paired {
            out.push(format!("comparison: {}", c.title));
        }
    }
    out
}

impl View for ConfirmView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Confirm
    }

    fn name(&self) -> &'static str {
        "DELETE?"
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        match action {
            Action::Confirm => {
                if self.item >= app.model.doc.items.len() {
                    return Outcome::Close;
                }
                let id = super::flows::named(app, self.item);
                app.message = None;
                match app.change(Change::RemoveItem(self.item)) {
                    Ok(()) => {
                        // Positions after it moved down: the one remembered may be another.
                        app.memory.last_listed = None;
                        super::flows::say(app, format!("deleted {id}"));
                    }
                    Err(why) => app.message = Some(format!("{id} stays: {why}")),
                }
                Outcome::Close
            }
            Action::Escape => {
                app.message = Some("nothing deleted".into());
                Outcome::Close
            }
            _ => {
                let list = self.layout(app, app.screen().body).1;
                self.text.scroll_by(action, list);
                Outcome::Keep
            }
        }
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let width = Self::width(area);
        let (item, dependants) = (self.item, &self.dependants);
        // Made once: the question and the list change only with the width.
        self.text
            .ensure(width, 0, |w| Self::rows(app, item, dependants, w));
        let list = self.layout(app, area).1;
        self.text.clamp(list.height as usize);
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let (rect, list, keys_area, keys) = self.layout(ctx.app, area);
        let (above, below) = self.text.more(list.height as usize);
        ctx.overlay_more(
            frame,
            rect,
            Line::styled(" Delete the item? ", ctx.theme.title),
            above,
            below,
        );
        let lines: Vec<Line> = self
            .text
            .shown(list.height as usize)
            .map(Line::raw)
            .collect();
        render_lines(frame, list, &lines);
        let keys: Vec<Line> = keys
            .into_iter()
            .map(|k| Line::styled(k, ctx.theme.key))
            .collect();
        render_lines(frame, keys_area, &keys);
    }
}
