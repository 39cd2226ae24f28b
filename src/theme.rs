//! Named styles (the glyphs are `ui::glyphs`). With colour off (`NO_COLOR`, `mono`) every style keeps only its modifiers, so the
//! screen still reads: selection also has a symbol, never colour alone.

use ratatui::style::{Color, Modifier, Style};

/// How a role reaches its style in a theme.
pub type RoleStyle = fn(&mut Theme) -> &mut Style;

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
    /// The Text pane's selection, as it will be quoted.
    pub selection: Style,
    /// The Text pane's cursor (drawn reversed against what is under it, then this).
    pub cursor: Style,
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// Every style by its name in the configuration's `[colors]`: the one list the file, its
    /// errors and `--print-default-config` read.
    pub const ROLES: [(&'static str, RoleStyle); 21] = [
        ("border", |t| &mut t.border),
        ("border_focused", |t| &mut t.border_focused),
        ("title", |t| &mut t.title),
        ("selected", |t| &mut t.selected),
        ("selected_unfocused", |t| &mut t.selected_unfocused),
        ("linked", |t| &mut t.linked),
        ("group", |t| &mut t.group),
        ("dim", |t| &mut t.dim),
        ("heading", |t| &mut t.heading),
        ("quote", |t| &mut t.quote),
        ("quoted", |t| &mut t.quoted),
        ("emphasised", |t| &mut t.emphasised),
        ("current", |t| &mut t.current),
        ("status", |t| &mut t.status),
        ("mode", |t| &mut t.mode),
        ("key", |t| &mut t.key),
        ("message", |t| &mut t.message),
        ("matched", |t| &mut t.matched),
        ("current_match", |t| &mut t.current_match),
        ("selection", |t| &mut t.selection),
        ("cursor", |t| &mut t.cursor),
    ];

    /// The roles' names, in order.
    pub fn role_names() -> impl Iterator<Item = &'static str> + Clone {
        Theme::ROLES.iter().map(|(name, _)| *name)
    }

    /// Sets one role's foreground colour; false for an unknown role.
    pub fn set_color(&mut self, role: &str, color: Color) -> bool {
        match Theme::ROLES.iter().find(|(name, _)| *name == role) {
            Some((_, style)) => {
                let style = style(self);
                *style = style.fg(color);
                true
            }
            None => false,
        }
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
            // Not reversed, so that it shows inside the current passage (which is).
            selection: if color {
                base.bg(Color::Blue)
                    .fg(Color::White)
                    .remove_modifier(Modifier::REVERSED)
            } else {
                base.add_modifier(Modifier::UNDERLINED | BOLD | Modifier::ITALIC)
            },
            cursor: if color {
                base.bg(Color::LightCyan).fg(Color::Black)
            } else {
                base.add_modifier(BOLD)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_sets_its_own_style() {
        let names: Vec<&str> = Theme::role_names().collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        for (name, _) in Theme::ROLES {
            let mut t = Theme::new(false);
            assert!(t.set_color(name, Color::Indexed(42)));
            // Exactly one role got the colour.
            let mut coloured = 0;
            for (_, get) in Theme::ROLES {
                coloured += usize::from(get(&mut t).fg == Some(Color::Indexed(42)));
            }
            assert_eq!(coloured, 1, "{name}");
        }
        assert!(!Theme::new(true).set_color("nope", Color::Red));
    }
}
