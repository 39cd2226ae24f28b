//! The list of the document's prepared comparisons (`C`): a title and the two columns' labels
//! an entry; `Enter` opens one over the list, and `Esc` there comes back to it.

use super::prepared::PreparedView;
use super::{Layer, Open, Outcome, View, vertical};
use crate::app::{Action, App, KeyMode, cursor, layout};
use crate::model::sanitize;
use crate::ui::{Ctx, fit};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The list is open; its cursor is `ViewMemory::comparison`, which outlives it.
#[derive(Debug, Clone, Default)]
pub struct ComparisonsView {
    /// The first entry on screen.
    pub top: usize,
}

/// Lines an entry takes: its title, its columns and a blank line.
const ENTRY_LINES: u16 = 3;

/// How many entries the list shows in its inside `area`.
fn entries_shown(area: Rect) -> usize {
    (area.height / ENTRY_LINES).max(1) as usize
}

impl Open for ComparisonsView {
    fn open(app: &mut App) -> Option<ComparisonsView> {
        let n = app.model.doc.comparisons.len();
        if n == 0 {
            app.message = Some("this document has no prepared comparisons".into());
            return None;
        }
        app.memory.comparison = app.memory.comparison.min(n - 1);
        Some(ComparisonsView::default())
    }
}

impl View for ComparisonsView {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Comparisons
    }

    fn name(&self) -> &'static str {
        "COMPARISONS"
    }

    fn update(&mut self, app: &mut App, action: Action) -> Outcome {
        if let Some(done) = super::common(self, app, action) {
            return done;
        }
        let n = app.model.doc.comparisons.len();
        match action {
            Action::Escape => Outcome::Close,
            Action::Open => match PreparedView::open(app, app.memory.comparison) {
                Some(view) => Outcome::Push(Layer::Prepared(view)),
                None => Outcome::Keep,
            },
            _ => {
                if let Some(d) = vertical(action, super::body(app)) {
                    app.memory.comparison = cursor::step(app.memory.comparison, d, n);
                }
                Outcome::Keep
            }
        }
    }

    fn click(&mut self, app: &mut App, x: u16, y: u16) {
        let area = layout::inner(super::body(app));
        if !super::hit(area, x, y) {
            return;
        }
        let entry = self.top + ((y - area.y) / ENTRY_LINES) as usize;
        if entry < app.model.doc.comparisons.len() {
            app.memory.comparison = entry;
        }
    }

    fn settle(&mut self, app: &App, area: Rect) {
        let shown = entries_shown(layout::inner(area));
        // The selected entry is the last on screen once the list scrolls (as it always was).
        self.top = app.memory.comparison.saturating_sub(shown - 1);
    }

    fn draw(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, ctx, frame, area);
    }
}

fn draw(view: &ComparisonsView, ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let app = ctx.app;
    let cmps = &app.model.doc.comparisons;
    let title = Line::from(vec![
        Span::styled(" Prepared comparisons ", ctx.theme.title),
        Span::styled(format!("({}) ", cmps.len()), ctx.theme.dim),
    ]);
    frame.render_widget(ctx.block(title, true), body);
    let area = layout::inner(body);
    if area.area() == 0 {
        return;
    }
    let width = area.width as usize;
    let fit_entries = entries_shown(area);
    let selected = app.memory.comparison;
    let mut lines = Vec::new();
    for (i, c) in cmps.iter().enumerate().skip(view.top).take(fit_entries + 1) {
        let sel = i == selected;
        let marker = if sel { ctx.sym.selected } else { "  " };
        let style = if sel {
            ctx.theme.selected
        } else {
            ctx.theme.title
        };
        lines.push(Line::from(vec![
            Span::styled(marker, style),
            Span::styled(
                fit(&c.title, width.saturating_sub(2), ctx.sym.ellipsis),
                style,
            ),
        ]));
        let dot = ctx.sym.dot;
        let pairs = match c.pairs.len() {
            0 => String::new(),
            1 => format!(" {dot} 1 pair"),
            n => format!(" {dot} {n} pairs"),
        };
        let sides = format!(
            "{} ({}) {} {} ({}){pairs}",
            sanitize::line(&c.left.label),
            c.left.items.len(),
            ctx.sym.both_ways,
            sanitize::line(&c.right.label),
            c.right.items.len()
        );
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(
                fit(&sides, width.saturating_sub(4), ctx.sym.ellipsis),
                ctx.theme.dim,
            ),
        ]));
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
