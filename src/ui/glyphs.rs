//! The one glyph table: every border, marker, arrow and separator the interface draws, in Unicode
//! or in plain ASCII (`--ascii`). It is chosen once, at start; `app/` says what a thing means
//! ("selected", "linked", "more below") and the views pick its glyph here, so `--ascii` cannot
//! leak a box-drawing or arrow character.

use ratatui::symbols::border;
use std::borrow::Cow;

/// The interface's glyphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub ascii: bool,
    /// Borders of an unfocused and of a focused block.
    pub border: border::Set<'static>,
    pub border_focused: border::Set<'static>,
    /// Before the selected row (and the view cursor).
    pub selected: &'static str,
    /// Beside an item linked to the selected one.
    pub linked: &'static str,
    /// An Argument node shown above already.
    pub repeat: &'static str,
    pub supports: &'static str,
    pub opposes: &'static str,
    /// A folded Argument node.
    pub folded: &'static str,
    /// Between the status line's parts.
    pub separator: &'static str,
    /// Between the breadcrumb's places.
    pub crumb: &'static str,
    pub ellipsis: &'static str,
    /// The Text pane's gutter: the first line of the current passage, and the lines after it.
    pub passage_start: &'static str,
    pub passage_line: &'static str,
    /// Before a quote's lines.
    pub quote_bar: &'static str,
    /// Before an outgoing and an incoming link.
    pub outgoing: &'static str,
    pub incoming: &'static str,
    /// A small separator within a title or a line; also an empty cell and a filler.
    pub dot: &'static str,
    /// "×" in "provisions × recommendations".
    pub times: &'static str,
    /// A range: "R1–R10".
    pub range: &'static str,
    /// "recommendations →".
    pub right: &'static str,
    /// "←/→ to its links".
    pub left_right: &'static str,
    /// "The same as above" in a prepared comparison.
    pub ditto: &'static str,
    /// Before a link both items of a comparison have.
    pub shared: &'static str,
    /// Between two columns, and between two paired items.
    pub divider: &'static str,
    pub paired: &'static str,
    /// "left ↔ right" in the list of comparisons.
    pub both_ways: &'static str,
    /// A horizontal rule, repeated.
    pub rule: &'static str,
    /// The prompts' caret.
    pub caret: &'static str,
    /// A provision nothing addresses.
    pub unaddressed: &'static str,
    /// More columns to the left and right, rows above and below.
    pub more_left: &'static str,
    pub more_right: &'static str,
    pub more_up: &'static str,
    pub more_down: &'static str,
    /// The map's edge arrow head.
    pub arrow_head: &'static str,
    /// Around a quote the interface sets in its own text (a comparison's cell).
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    /// Before a link's note: "title (kind) — note".
    pub note_dash: &'static str,
    /// "─supports→" in the chain to the thesis.
    pub chain_dash: &'static str,
    pub chain_arrow: &'static str,
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

pub const UNICODE: Glyphs = Glyphs {
    ascii: false,
    border: border::PLAIN,
    border_focused: border::THICK,
    selected: "▶ ",
    linked: "•",
    repeat: "↺ ",
    supports: "+ ",
    opposes: "− ",
    folded: "▸ ",
    separator: " │ ",
    crumb: " › ",
    ellipsis: "…",
    passage_start: "▶",
    passage_line: "┃",
    quote_bar: "│ ",
    outgoing: "→ ",
    incoming: "← ",
    dot: "·",
    times: "×",
    range: "–",
    right: "→",
    left_right: "←/→",
    ditto: "〃",
    shared: "≡ ",
    divider: " │ ",
    paired: " ↔ ",
    both_ways: "↔",
    rule: "─",
    caret: "▏",
    unaddressed: "∅",
    more_left: "◀",
    more_right: "▶",
    more_up: "▲",
    more_down: "▼",
    arrow_head: "▶",
    quote_open: "“",
    quote_close: "”",
    note_dash: "—",
    chain_dash: "─",
    chain_arrow: "→",
};

pub const ASCII: Glyphs = Glyphs {
    ascii: true,
    border: ASCII_BORDER,
    border_focused: ASCII_BORDER,
    selected: "> ",
    linked: "*",
    repeat: "^ ",
    supports: "+ ",
    opposes: "- ",
    folded: "[+] ",
    separator: " | ",
    crumb: " > ",
    ellipsis: "...",
    passage_start: ">",
    passage_line: "|",
    quote_bar: "| ",
    outgoing: "-> ",
    incoming: "<- ",
    dot: ".",
    times: "x",
    range: "-",
    right: "->",
    left_right: "<-/->",
    ditto: "\"",
    shared: "= ",
    divider: " | ",
    paired: "<->",
    both_ways: "<->",
    rule: "-",
    caret: "_",
    unaddressed: "0",
    more_left: "<",
    more_right: ">",
    more_up: "^",
    more_down: "v",
    arrow_head: ">",
    quote_open: "\"",
    quote_close: "\"",
    note_dash: "-",
    chain_dash: "-",
    chain_arrow: "->",
};

/// Line directions of a cell of the map's edges, so that junctions draw themselves.
pub const UP: u8 = 1;
pub const DOWN: u8 = 2;
pub const LEFT: u8 = 4;
pub const RIGHT: u8 = 8;

impl Glyphs {
    /// The table for `--ascii` or not.
    pub fn new(ascii: bool) -> &'static Glyphs {
        if ascii { &ASCII } else { &UNICODE }
    }

    /// A block's border.
    pub fn border(&self, focused: bool) -> border::Set<'static> {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }

    /// The line drawn in a cell that edges reach from `dirs` (a set of `UP`, `DOWN`, `LEFT`,
    /// `RIGHT`).
    pub fn edge(&self, dirs: u8) -> &'static str {
        let vertical = dirs & (UP | DOWN) != 0;
        let horizontal = dirs & (LEFT | RIGHT) != 0;
        if self.ascii {
            return match (vertical, horizontal) {
                (true, true) => "+",
                (true, false) => "|",
                _ => "-",
            };
        }
        match dirs {
            d if d == LEFT | RIGHT || d == LEFT || d == RIGHT => "─",
            d if d == UP | DOWN || d == UP || d == DOWN => "│",
            d if d == DOWN | RIGHT => "┌",
            d if d == DOWN | LEFT => "┐",
            d if d == UP | RIGHT => "└",
            d if d == UP | LEFT => "┘",
            d if d == UP | DOWN | RIGHT => "├",
            d if d == UP | DOWN | LEFT => "┤",
            d if d == LEFT | RIGHT | DOWN => "┬",
            d if d == LEFT | RIGHT | UP => "┴",
            _ => "┼",
        }
    }

    /// Text the interface composes (a message, a help line, a comparison's cell): its own
    /// typographic punctuation (quotes, dashes, `·`, `×`) becomes ASCII of the same width in
    /// `--ascii`, so that wrapping is the same either way. Document text quoted in it is folded
    /// the same way.
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if !self.ascii || s.is_ascii() {
            return Cow::Borrowed(s);
        }
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '“' | '”' => out.push('"'),
                '‘' | '’' => out.push('\''),
                '—' | '–' | '─' => out.push('-'),
                '·' => out.push('.'),
                '×' => out.push('x'),
                '→' => out.push_str("->"),
                c => out.push(c),
            }
        }
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_table_is_ascii() {
        let g = ASCII;
        let b = g.border;
        let all = [
            g.selected,
            g.linked,
            g.repeat,
            g.supports,
            g.opposes,
            g.folded,
            g.separator,
            g.crumb,
            g.ellipsis,
            g.passage_start,
            g.passage_line,
            g.quote_bar,
            g.outgoing,
            g.incoming,
            g.dot,
            g.times,
            g.range,
            g.right,
            g.left_right,
            g.ditto,
            g.shared,
            g.divider,
            g.paired,
            g.both_ways,
            g.rule,
            g.caret,
            g.unaddressed,
            g.more_left,
            g.more_right,
            g.more_up,
            g.more_down,
            g.arrow_head,
            g.note_dash,
            g.quote_open,
            g.quote_close,
            g.chain_dash,
            g.chain_arrow,
            b.top_left,
            b.horizontal_top,
            b.vertical_left,
        ];
        assert!(all.iter().all(|s| s.is_ascii()), "{all:?}");
        assert!((0..16).all(|d| g.edge(d).is_ascii()));
        assert_eq!(g.text("“a” — b · c × d"), "\"a\" - b . c x d");
        assert_eq!(UNICODE.text("“a”"), "“a”");
    }

    #[test]
    fn interface_text_keeps_its_width() {
        let s = "“marked” — ‘x’ – · × ─";
        assert_eq!(
            crate::wrap::str_width(&ASCII.text(s)),
            crate::wrap::str_width(s)
        );
    }
}
