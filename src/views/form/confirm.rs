//! The confirmation before `D` deletes an item: what goes with it (the links that name it, its
//! place in comparisons) listed first; `y`/`Enter` deletes, `n`/`Esc` keeps it.

use super::Change;
use crate::app::{Action, App, KeyMode};
use crate::ui::{Ctx, fit, render_lines};
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
}

impl ConfirmView {
    /// The question for deleting `item`, with what names it.
    pub fn delete(app: &App, item: usize) -> ConfirmView {
        ConfirmView {
            item,
            dependants: dependants(app, item),
        }
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
            _ => Outcome::Keep,
        }
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let g = ctx.sym;
        let Some(item) = ctx.app.model.doc.items.get(self.item) else {
            return;
        };
        let w = area.width.saturating_sub(4).min(80);
        let width = w.saturating_sub(2) as usize;
        let mut lines = vec![Line::raw(fit(
            &format!("Delete {} ({})?", item.title, item.id),
            width,
            g.ellipsis,
        ))];
        lines.push(Line::raw(""));
        if self.dependants.is_empty() {
            lines.push(Line::styled(
                "No link or comparison names it.",
                ctx.theme.dim,
            ));
        } else {
            let n = self.dependants.len();
            lines.push(Line::raw(fit(
                &format!("These name it and lose it too ({n}):"),
                width,
                g.ellipsis,
            )));
            // The box's height leaves room for the question's lines around the list.
            let room = (area.height as usize).saturating_sub(9).max(1);
            let shown = if n > room { room - 1 } else { n };
            for d in &self.dependants[..shown] {
                lines.push(Line::raw(format!(
                    "  {} {}",
                    g.dot,
                    fit(d, width.saturating_sub(4), g.ellipsis)
                )));
            }
            if shown < n {
                lines.push(Line::styled(
                    format!("  {} and {} more", g.dot, n - shown),
                    ctx.theme.dim,
                ));
            }
        }
        lines.push(Line::raw(""));
        // Wrapped, not cut: on a narrow screen the keys are what matters most.
        let keys = format!("y or Enter deletes {} n or Esc keeps it (u undoes)", g.dot);
        for line in crate::wrap::wrapped(&keys, width.max(1)) {
            lines.push(Line::styled(line, ctx.theme.key));
        }
        let h = (lines.len() as u16 + 2).min(area.height);
        let rect = crate::ui::centred(area, w, h);
        let inside = ctx.overlay(
            frame,
            rect,
            Line::styled(" Delete the item? ", ctx.theme.title),
        );
        render_lines(frame, inside, &lines);
    }
}
