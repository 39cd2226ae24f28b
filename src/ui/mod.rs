//! The view: draws an `&App` into a frame and changes nothing else. One module per region.

mod compare;
mod detail;
mod help;
mod lists;
mod map;
mod matrix;
mod palette;
mod status;
mod text;
pub mod views;
/// The styles and symbols, from `crate::theme` (kept here for the views' imports).
pub mod theme {
    pub use crate::theme::*;
}

use crate::app::{App, Mode, Pane};
use crate::model::sanitize;
use crate::wrap::char_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use theme::{Symbols, Theme};

/// What every region needs to draw: the state, the styles and the symbols.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub theme: Theme,
    pub sym: Symbols,
}

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let ctx = Ctx {
        app,
        theme: app.theme,
        sym: Symbols::new(app.options.ascii),
    };
    let screen = app.screen();
    if let Some(tabs) = screen.tabs {
        status::tabs(&ctx, frame, tabs);
    }
    for &(pane, area) in &screen.panes {
        match pane {
            Pane::Text => text::pane(&ctx, frame, area),
            _ => lists::pane(&ctx, frame, pane, area),
        }
    }
    if let Some(side) = screen.side {
        if app.focus == Pane::Text {
            text::passage(&ctx, frame, side);
        } else {
            detail::detail(&ctx, frame, side);
        }
    }
    views::draw(&ctx, frame);
    status::status(&ctx, frame, screen.status);
    status::footer(&ctx, frame, screen.footer);
    match &app.mode {
        Mode::Help { scroll } => help::help(&ctx, frame, *scroll),
        Mode::Prompt(p) if p.kind == crate::app::search::PromptKind::Palette => {
            palette::palette(&ctx, frame, p)
        }
        _ => {}
    }
}

impl Ctx<'_> {
    /// A focused box of `w`×`h` centred on the screen over what is drawn, with a title; returns
    /// the area inside its border.
    pub fn overlay(&self, frame: &mut Frame, w: u16, h: u16, title: &'static str) -> Rect {
        let area = frame.area();
        let (w, h) = (w.min(area.width), h.min(area.height));
        let rect = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        frame.render_widget(ratatui::widgets::Clear, rect);
        frame.render_widget(
            self.block(Line::styled(title, self.theme.title), true),
            rect,
        );
        inner(rect)
    }

    /// A bordered block with a title, highlighted when focused.
    pub fn block<'t>(&self, title: impl Into<Line<'t>>, focused: bool) -> Block<'t> {
        let set = if self.app.options.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else if focused {
            border::THICK
        } else {
            border::PLAIN
        };
        Block::new()
            .borders(Borders::ALL)
            .border_set(set)
            .border_style(if focused {
                self.theme.border_focused
            } else {
                self.theme.border
            })
            .title(title)
    }
}

/// Document text for one line: sanitized, then cut to `width` columns with an ellipsis.
pub fn fit(s: &str, width: usize, ellipsis: &str) -> String {
    let clean = sanitize::line(s);
    let total: usize = clean.chars().map(char_width).sum();
    if total <= width {
        return clean.into_owned();
    }
    let room = width.saturating_sub(ellipsis.chars().count());
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    if width >= ellipsis.chars().count() {
        out.push_str(ellipsis);
    }
    out
}

/// A span of document text, sanitized.
pub fn span<'a>(s: &str, style: Style) -> Span<'a> {
    Span::styled(sanitize::line(s).into_owned(), style)
}

/// Areas inside a border, or nothing when there is no room.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1.min(area.width),
        area.y + 1.min(area.height),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}
