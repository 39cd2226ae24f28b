//! Keys and vim's key notation (`4<Enter>j`, `<C-d>`, `<lt>`): the language of `render --keys`,
//! of the tests, and of key names in help.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key as the keymap sees it: a code and the modifiers that matter (Ctrl, Alt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The key of a terminal event; Shift is folded into the character it produces.
    pub fn from_event(e: KeyEvent) -> Key {
        let code = match e.code {
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if e.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// The key a terminal reports for a raw control character (Ctrl-x for U+0018, Tab, Enter,
    /// Esc, Backspace); any other key as it is.
    pub fn normalized(self) -> Key {
        match self.code {
            KeyCode::Char('\t') => Key::plain(KeyCode::Tab),
            KeyCode::Char('\r' | '\n') => Key::plain(KeyCode::Enter),
            KeyCode::Char('\u{1b}') => Key::plain(KeyCode::Esc),
            KeyCode::Char('\u{7f}' | '\u{8}') => Key::plain(KeyCode::Backspace),
            KeyCode::Char(c) if (c as u32) < 0x20 => Key {
                ctrl: true,
                ..Key::char(((c as u8) | 0x40).to_ascii_lowercase() as char)
            },
            _ => self,
        }
    }

    /// The character this key types into a prompt, if any.
    pub fn typed(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

/// The special names of the notation, and the codes they stand for.
const NAMES: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("CR", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("S-Tab", KeyCode::BackTab),
    ("BS", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Space", KeyCode::Char(' ')),
    ("Del", KeyCode::Delete),
    ("lt", KeyCode::Char('<')),
];

/// Every name the notation knows, for a message: `<Enter>, <Esc>, …, <C-x>, <A-x>, <C-Left>,
/// <A-Left>, <F1>…<F12>`.
pub fn known_names() -> String {
    let mut names: Vec<String> = NAMES.iter().map(|(n, _)| format!("<{n}>")).collect();
    names.extend([
        "<C-x>".into(),
        "<A-x>".into(),
        "<C-Left>".into(),
        "<A-Left>".into(),
        "<F1>…<F12>".into(),
    ]);
    names.join(", ")
}

/// A key notation that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotationError {
    #[error("unknown key name <{name}>{}; the names are {}", suggestion.as_ref().map(|s| format!(" — did you mean <{s}>?")).unwrap_or_default(), known_names())]
    UnknownName {
        name: String,
        suggestion: Option<String>,
    },
    #[error("unclosed '<' at position {0}: write <lt> for a literal '<'")]
    Unclosed(usize),
}

/// Parses vim key notation into keys.
pub fn parse(notation: &str) -> Result<Vec<Key>, NotationError> {
    let mut keys = Vec::new();
    let mut rest = notation;
    while let Some(c) = rest.chars().next() {
        if c != '<' {
            keys.push(Key::char(c));
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let Some(close) = rest.find('>') else {
            return Err(NotationError::Unclosed(notation.len() - rest.len()));
        };
        let name = &rest[1..close];
        keys.push(parse_name(name)?);
        rest = &rest[close + 1..];
    }
    Ok(keys)
}

/// One `<...>` name, without the brackets.
pub fn parse_name(name: &str) -> Result<Key, NotationError> {
    if let Some((_, code)) = NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        return Ok(Key::plain(*code));
    }
    // Alt or Ctrl with a named key: `<A-Down>` (`<M-Down>`), `<C-Left>`.
    if let Some(m) = name.get(..2)
        && let Some(rest) = name.get(2..)
        && let Some((_, code)) = NAMES
            .iter()
            .find(|(n, _)| n.len() > 1 && n.eq_ignore_ascii_case(rest))
    {
        let alt = m.eq_ignore_ascii_case("A-") || m.eq_ignore_ascii_case("M-");
        let ctrl = m.eq_ignore_ascii_case("C-");
        if alt || ctrl {
            return Ok(Key {
                code: *code,
                ctrl,
                alt,
            });
        }
    }
    let mut chars = name.chars();
    if let (Some(m), Some('-'), Some(c), None) =
        (chars.next(), chars.next(), chars.next(), chars.next())
    {
        match m.to_ascii_uppercase() {
            'C' if c.is_ascii_alphabetic() || "[]\\^_ ".contains(c) => {
                return Ok(Key::ctrl(c.to_ascii_lowercase()));
            }
            'A' | 'M' => {
                return Ok(Key {
                    code: KeyCode::Char(c),
                    ctrl: false,
                    alt: true,
                });
            }
            _ => {}
        }
    }
    if let Some(n) = name
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n))
    {
        return Ok(Key::plain(KeyCode::F(n)));
    }
    let known = NAMES
        .iter()
        .map(|(n, _)| *n)
        .chain(["C-x", "A-x", "A-Down", "A-Up", "C-Left", "C-Right", "F1"]);
    let suggestion = crate::model::problem::suggest(name, known).map(str::to_owned);
    Err(NotationError::UnknownName {
        name: crate::model::sanitize::line(name).into_owned(),
        suggestion,
    })
}

/// Keys print in the same notation they are parsed from.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let KeyCode::Char(c) = self.code {
            return match (self.ctrl, self.alt, c) {
                (true, _, c) => write!(f, "<C-{c}>"),
                (_, true, c) => write!(f, "<A-{c}>"),
                (_, _, '<') => f.write_str("<lt>"),
                (_, _, ' ') => f.write_str("<Space>"),
                // Never a raw control character on screen: the Ctrl key that types it.
                (_, _, c) if (c as u32) < 0x20 => {
                    write!(f, "<C-{}>", ((c as u8) | 0x40).to_ascii_lowercase() as char)
                }
                (_, _, c) if c.is_control() => write!(f, "<U+{:04X}>", c as u32),
                (_, _, c) => write!(f, "{c}"),
            };
        }
        if let KeyCode::F(n) = self.code {
            return write!(f, "<F{n}>");
        }
        match NAMES
            .iter()
            .find(|(n, code)| *code == self.code && *n != "CR")
        {
            Some((name, _)) if self.alt => write!(f, "<A-{name}>"),
            Some((name, _)) if self.ctrl => write!(f, "<C-{name}>"),
            Some((name, _)) => write!(f, "<{name}>"),
            None => write!(f, "{:?}", self.code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_characters_and_names() {
        let keys = parse("4<Enter>j<C-d><lt><S-Tab>").unwrap();
        assert_eq!(
            keys,
            vec![
                Key::char('4'),
                Key::plain(KeyCode::Enter),
                Key::char('j'),
                Key::ctrl('d'),
                Key::char('<'),
                Key::plain(KeyCode::BackTab)
            ]
        );
    }

    #[test]
    fn unknown_names_are_errors_with_a_suggestion() {
        let err = parse("<Entr>").unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("unknown key name <Entr> — did you mean <Enter>?; the names are "),
            "{message}"
        );
        // Every name is listed, so a reader need not guess the next one.
        for name in ["<Esc>", "<S-Tab>", "<PgDn>", "<lt>", "<C-x>", "<F1>…<F12>"] {
            assert!(message.contains(name), "{name} missing from: {message}");
        }
        assert!(matches!(parse("ab<Enter"), Err(NotationError::Unclosed(2))));
        assert!(parse("<C-1>").is_err());
    }

    #[test]
    fn display_round_trips() {
        for n in [
            "<Enter>", "<C-d>", "<lt>", "<S-Tab>", "x", "<PgDn>", "<Space>", "<F5>", "<C-Left>",
            "<A-Down>", "<Del>",
        ] {
            let k = parse(n).unwrap();
            assert_eq!(k.len(), 1);
            assert_eq!(k[0].to_string(), n);
        }
    }
}
