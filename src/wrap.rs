//! Word wrapping by display width: wide characters are never split, long words break, and line
//! breaks in the text are kept. Lines are byte ranges of the source, so marks on the source (quote
//! spans, search matches) carry over to the screen without copying the text.
//!
//! Widths are measured a grapheme at a time, as ratatui measures the cell it draws a grapheme in,
//! so that a joined emoji (👨‍👩‍👧) or one with a variation selector (❤️) takes the columns it is
//! drawn in, and wrapping, fitting and the drawn cells agree.

use crate::model::sanitize;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The number of columns `c` takes once sanitized for the screen.
pub fn char_width(c: char) -> usize {
    sanitize::char_width(c)
}

/// The longest grapheme measured whole, in bytes: a longer one (a letter under a million
/// combining marks) is measured in pieces, so that no string costs more than its length.
const GRAPHEME_WINDOW: usize = 128;

/// The columns one grapheme takes on screen once sanitized: what ratatui gives the cell it is
/// drawn in. A control or tab in it is drawn as a symbol of its own, a column each.
pub fn grapheme_width(g: &str) -> usize {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (None, _) => 0,
        (Some(c), None) => char_width(c),
        _ if g.chars().any(|c| sanitize::line_char(c) != c) => g.chars().map(char_width).sum(),
        _ => usize::from(ratatui::buffer::CellWidth::cell_width(g)),
    }
}

/// The next grapheme of `s`, which starts at a grapheme boundary, and its width.
fn next_grapheme(s: &str) -> (&str, usize) {
    let bytes = s.as_bytes();
    // A character of ASCII followed by another (or nothing) is a grapheme of its own.
    if bytes.len() == 1 || (bytes.len() > 1 && bytes[0].is_ascii() && bytes[1].is_ascii()) {
        return (&s[..1], 1);
    }
    let mut end = s.len().min(GRAPHEME_WINDOW);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let g = s[..end].graphemes(true).next().unwrap_or(s);
    (g, grapheme_width(g))
}

/// `s` as graphemes: each one's byte offset, text and width.
pub fn graphemes(s: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &s[at..];
        if rest.is_empty() {
            return None;
        }
        let (g, w) = next_grapheme(rest);
        let start = at;
        at += g.len();
        Some((start, g, w))
    })
}

/// The number of columns `s` takes once sanitized for the screen.
pub fn str_width(s: &str) -> usize {
    // Every ASCII character takes one column (see `every_ascii_character_takes_one_column`).
    // Runs of ASCII are counted a byte a column, but for the last one before anything else,
    // which may begin a grapheme with what follows it.
    let mut width = 0;
    let mut rest = s;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii == rest.len() {
            return width + ascii;
        }
        let plain = ascii.saturating_sub(1);
        width += plain;
        rest = &rest[plain..];
        let (g, w) = next_grapheme(rest);
        width += w;
        rest = &rest[g.len()..];
    }
}

/// Wrapped lines as byte ranges of the text, eight bytes a line: the whole text of a large
/// document is a million lines at a narrow width.
pub type Lines = crate::model::packed::TextRanges;

/// [`wrap`], kept compactly, a paragraph at a time.
pub fn wrap_lines(text: &str, width: usize) -> Lines {
    let mut out = Lines::default();
    let mut para_lines = Vec::new();
    let mut start = 0;
    for para in text.split_inclusive('\n').filter(|_| width > 0) {
        let body = para.strip_suffix('\n').unwrap_or(para);
        wrap_paragraph(text, start, start + body.len(), width, &mut para_lines);
        para_lines.drain(..).for_each(|line| out.push(line));
        start += para.len();
    }
    out.shrink_to_fit();
    out
}

/// Wraps `text` to `width` columns. Each line is a byte range of `text` without its trailing
/// spaces or newline. An empty text or a zero width gives no lines.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    let mut start = 0;
    for para in text.split_inclusive('\n') {
        let end = start + para.len();
        let body = para.strip_suffix('\n').unwrap_or(para);
        wrap_paragraph(text, start, start + body.len(), width, &mut lines);
        start = end;
    }
    lines
}

/// [`wrap`], as the lines' text: for the short strings a view draws (a title in a box, a cell).
pub fn wrapped(text: &str, width: usize) -> Vec<String> {
    wrap(text, width)
        .into_iter()
        .map(|r| text[r].to_owned())
        .collect()
}

/// Wraps `text[from..to]`, a paragraph with no newline, onto `lines`.
fn wrap_paragraph(text: &str, from: usize, to: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    let para = &text[from..to];
    if para.trim_end().is_empty() {
        lines.push(from..from);
        return;
    }
    let mut line_start = from;
    let mut col = 0;
    // The last place the line may break: end of the word before a space, start of the next word.
    let mut last_break: Option<(usize, usize)> = None;
    let mut prev_space = false;
    for (off, g, w) in graphemes(para) {
        let at = from + off;
        let mut chars = g.chars();
        let is_space = match (chars.next(), chars.next()) {
            (Some(c), None) => c == ' ' || c == '\t' || (c.is_whitespace() && c != '\n'),
            _ => false,
        };
        if is_space {
            if !prev_space {
                last_break = Some((at, at));
            }
            prev_space = true;
            col += w;
            continue;
        }
        if prev_space && let Some((end, _)) = last_break {
            last_break = Some((end, at));
        }
        prev_space = false;
        if col + w > width && at > line_start {
            match last_break.filter(|&(end, next)| end > line_start && next <= at) {
                Some((end, next)) => {
                    lines.push(line_start..end);
                    line_start = next;
                }
                // Graphemes are whole here: a word is broken between them, never inside one (a
                // flag's two letters, a joined emoji, a conjunct like क्ष).
                None => {
                    lines.push(line_start..at);
                    line_start = at;
                }
            }
            last_break = None;
            col = str_width(&text[line_start..at]);
        }
        col += w;
    }
    let rest = text[line_start..to].trim_end();
    if !rest.is_empty() || lines.last().is_none_or(|l| l.end <= line_start) {
        lines.push(line_start..line_start + rest.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_lines_are_the_lines() {
        let text = "the quick brown fox\n\njumps over\u{a0}the lazy 北京 dog  \n";
        for width in [0, 1, 3, 7, 12, 80] {
            let lines = wrap_lines(text, width);
            assert!(lines.iter().eq(wrap(text, width)), "width {width}");
            assert_eq!(lines.len(), wrap(text, width).len());
        }
    }

    #[test]
    fn every_ascii_character_takes_one_column() {
        // The wrapping loop's fast path relies on it.
        for b in 0..128u8 {
            assert_eq!(char_width(b as char), 1, "{b:#x}");
        }
    }

    /// The columns the buffer advances drawing `s` once sanitized.
    fn drawn_width(s: &str) -> usize {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::style::Style;
        let clean = sanitize::line(s);
        let mut buf = Buffer::empty(Rect::new(0, 0, 200, 1));
        let (x, _) = buf.set_stringn(0, 0, &clean, 200, Style::new());
        x as usize
    }

    proptest::proptest! {
        /// Counting ASCII runs a byte a column measures what measuring every grapheme does, and
        /// both are the columns the buffer draws the text in.
        #[test]
        fn width_is_what_the_buffer_draws(
            s in "[ -~\t\u{1b}é北\u{301}\u{200b}\u{200d}\u{fe0f}👍👨❤🏽—]{0,30}",
        ) {
            let by_grapheme: usize = graphemes(&s).map(|(_, _, w)| w).sum();
            proptest::prop_assert_eq!(str_width(&s), by_grapheme);
            proptest::prop_assert_eq!(str_width(&s), drawn_width(&s));
        }
    }

    #[test]
    fn joined_emoji_and_variation_selectors_take_the_cells_they_are_drawn_in() {
        for s in ["👨‍👩‍👧", "❤️", "a👨‍👩‍👧b", "🇲🇽", "e\u{301}", "👍🏽", "#️⃣", "☺️x"]
        {
            assert_eq!(str_width(s), drawn_width(s), "{s:?}");
        }
        assert_eq!(str_width("👨‍👩‍👧"), 2);
        assert_eq!(str_width("❤️"), 2);
        // A wrapped line of them fits, and one is never split.
        let text = "family 👨‍👩‍👧 love ❤️ flag 🇲🇽 end";
        for width in 2..12 {
            for r in wrap(text, width) {
                assert!(
                    str_width(&text[r.clone()]) <= width,
                    "{width}: {:?}",
                    &text[r]
                );
            }
        }
        assert!(
            wrap("👨‍👩‍👧👨‍👩‍👧", 2)
                .iter()
                .all(|r| str_width(&"👨‍👩‍👧👨‍👩‍👧"[r.clone()]) == 2)
        );
    }

    #[test]
    fn a_grapheme_of_a_million_marks_is_measured_in_bounded_pieces() {
        let zalgo = format!("e{}", "\u{301}".repeat(1_000_000));
        assert_eq!(str_width(&zalgo), 1);
        assert_eq!(graphemes(&zalgo).next().map(|(_, g, _)| g.len()), Some(127));
    }

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn keeps_line_breaks_and_blank_lines() {
        assert_eq!(lines("a b\n\nc", 10), ["a b", "", "c"]);
    }

    #[test]
    fn breaks_words_longer_than_the_width() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn never_splits_a_wide_character() {
        // Each CJK character is two columns: three fit in 7 columns, not three and a half.
        assert_eq!(lines("北京北京北京", 7), ["北京北", "京北京"]);
        for line in lines("北京 北京北京 abc 北", 3) {
            assert!(str_width(line) <= 3, "{line:?}");
        }
    }

    #[test]
    fn non_breaking_spaces_break_like_spaces() {
        assert_eq!(lines("one\u{a0}two three", 8), ["one\u{a0}two", "three"]);
    }

    #[test]
    fn zero_width_gives_nothing_and_width_one_works() {
        assert!(wrap("abc", 0).is_empty());
        assert_eq!(lines("ab", 1), ["a", "b"]);
    }

    #[test]
    fn a_grapheme_cluster_is_never_split() {
        for text in [
            "x🇺🇸🇺🇸🇺🇸🇺🇸",
            "👨\u{200d}👩\u{200d}👧👨\u{200d}👩\u{200d}👧",
            "क्षक्षक्षक्षक्ष",
        ] {
            for width in 1..8 {
                let ranges = wrap(text, width);
                let joined: String = ranges.iter().map(|r| &text[r.clone()]).collect();
                assert_eq!(joined, text, "width {width}");
                for r in ranges {
                    let mut cursor =
                        unicode_segmentation::GraphemeCursor::new(r.start, text.len(), true);
                    assert_eq!(cursor.is_boundary(text, 0), Ok(true), "{text:?} at {width}");
                }
            }
        }
    }

    #[test]
    fn every_line_fits() {
        let text = "Mexico’s Congress approved a new “national security” law restricting the activities — 北京 👍🏽 e\u{301}";
        for width in 1..40 {
            for r in wrap(text, width) {
                // Measured as the screen measures it, a grapheme cluster at a time (👍🏽 is
                // one cluster two columns wide, never split).
                assert!(
                    unicode_width::UnicodeWidthStr::width(&text[r.clone()]) <= width.max(2),
                    "width {width}: {:?}",
                    &text[r]
                );
            }
        }
    }
}
