//! Named styles (the glyphs are `ui::glyphs`). With colour off (`NO_COLOR`, `mono`) every style keeps only its modifiers, so the
//! screen still reads: selection also has a symbol, never colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub linked: Style,
    pub group: Style,
    pub dim: Style,
    pub heading: Style,
    pub quote: Style,
    pub quoted: Style,
    pub emphasised: Style,
    pub current: Style,
    pub status: Style,
    pub mode: Style,
    pub key: Style,
    pub message: Style,
    pub matched: Style,
    pub current_match: Style,
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// The roles whose colour the configuration can set.
    pub const ROLES: [&'static str; 14] = [
        "border",
        "border_focused",
        "title",
        "selected",
        "linked",
        "group",
        "dim",
        "heading",
        "quote",
        "quoted",
        "emphasised",
        "key",
        "message",
        "matched",
    ];

    /// Sets one role's foreground colour; false for an unknown role.
    pub fn set_color(&mut self, role: &str, color: Color) -> bool {
        let style = match role {
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "title" => &mut self.title,
            "selected" => &mut self.selected,
            "linked" => &mut self.linked,
            "group" => &mut self.group,
            "dim" => &mut self.dim,
            "heading" => &mut self.heading,
            "quote" => &mut self.quote,
            "quoted" => &mut self.quoted,
            "emphasised" => &mut self.emphasised,
            "key" => &mut self.key,
            "message" => &mut self.message,
            "matched" => &mut self.matched,
            _ => return false,
        };
        *style = style.fg(color);
        true
    }

    /// Colours for a light background.
    pub fn light() -> Theme {
        let mut t = Theme::new(true);
        for (role, color) in [
            ("border", Color::Gray),
            ("border_focused", Color::Blue),
            ("linked", Color::Magenta),
            ("group", Color::Blue),
            ("dim", Color::DarkGray),
            ("heading", Color::Blue),
            ("quote", Color::Green),
            ("quoted", Color::Green),
            ("emphasised", Color::Red),
            ("key", Color::Blue),
            ("message", Color::Red),
        ] {
            t.set_color(role, color);
        }
        t.status = Style::new().bg(Color::Gray).fg(Color::Black);
        t
    }

    pub fn new(color: bool) -> Theme {
        let c = |s: Style, fg: Color| if color { s.fg(fg) } else { s };
        let base = Style::new();
        Theme {
            border: c(base, Color::DarkGray),
            border_focused: c(base.add_modifier(BOLD), Color::Cyan),
            title: base.add_modifier(BOLD),
            selected: base.add_modifier(Modifier::REVERSED | BOLD),
            selected_unfocused: base.add_modifier(BOLD | Modifier::UNDERLINED),
            linked: c(base.add_modifier(BOLD), Color::Yellow),
            group: c(base.add_modifier(BOLD), Color::Magenta),
            dim: c(base.add_modifier(Modifier::DIM), Color::Gray),
            heading: c(base.add_modifier(BOLD), Color::Cyan),
            quote: c(base.add_modifier(Modifier::ITALIC), Color::Green),
            quoted: c(base.add_modifier(Modifier::UNDERLINED), Color::Green),
            emphasised: c(
                base.add_modifier(Modifier::UNDERLINED | BOLD),
                Color::Yellow,
            ),
            current: base.add_modifier(Modifier::REVERSED),
            status: if color {
                base.bg(Color::DarkGray).fg(Color::White)
            } else {
                base.add_modifier(Modifier::REVERSED)
            },
            mode: base.add_modifier(BOLD),
            key: c(base.add_modifier(BOLD), Color::Cyan),
            message: c(base, Color::Yellow),
            matched: if color {
                base.bg(Color::Yellow).fg(Color::Black)
            } else {
                base.add_modifier(Modifier::UNDERLINED | BOLD)
            },
            current_match: if color {
                base.bg(Color::LightRed).fg(Color::Black).add_modifier(BOLD)
            } else {
                base.add_modifier(Modifier::REVERSED | BOLD)
            },
        }
    }
}
