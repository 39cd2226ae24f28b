//! Word wrapping by display width: wide characters are never split, long words break, and line
//! breaks in the text are kept. Lines are byte ranges of the source, so marks on the source (quote
//! spans, search matches) carry over to the screen without copying the text.

use crate::model::sanitize;
use std::ops::Range;

/// The number of columns `c` takes once sanitized for the screen.
pub fn char_width(c: char) -> usize {
    sanitize::char_width(c)
}

/// The number of columns `s` takes once sanitized for the screen.
pub fn str_width(s: &str) -> usize {
    // Every ASCII character takes one column (see `every_ascii_character_takes_one_column`).
    // Runs of ASCII are counted a byte a column; only the other characters are looked up.
    let mut width = 0;
    let mut rest = s;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        width += ascii;
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            return width;
        };
        width += char_width(c);
        rest = &rest[c.len_utf8()..];
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
    for (off, c) in para.char_indices() {
        // Every ASCII character takes one column (controls and tabs are drawn as one).
        let w = if c.is_ascii() { 1 } else { char_width(c) };
        let at = from + off;
        let is_space = c == ' ' || c == '\t' || (c.is_whitespace() && c != '\n');
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
                None => {
                    // A word broken in the middle is broken between grapheme clusters, never
                    // inside one (a flag's two letters, a joined emoji, a conjunct like क्ष).
                    let cut = cluster_start(para, at - from, line_start - from) + from;
                    if cut == line_start {
                        // The cluster is the whole line so far: it stays whole, on this line.
                        col += w;
                        continue;
                    }
                    lines.push(line_start..cut);
                    line_start = cut;
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

/// The start of the grapheme cluster of `para` that byte `at` is in (`at` itself when a cluster
/// starts there), but not before `floor`.
fn cluster_start(para: &str, at: usize, floor: usize) -> usize {
    // Only characters that can extend a cluster need a look: the usual break is at a letter.
    let extends = |c: char| c as u32 >= 0x300 && !c.is_alphabetic() || c as u32 >= 0x900;
    if !para[at..].chars().next().is_some_and(extends)
        && !para[..at].chars().next_back().is_some_and(extends)
    {
        return at;
    }
    let mut cursor = unicode_segmentation::GraphemeCursor::new(at, para.len(), true);
    match cursor.is_boundary(para, 0) {
        Ok(true) => at,
        _ => match cursor.prev_boundary(para, 0) {
            Ok(Some(start)) => start.max(floor),
            _ => floor,
        },
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

    proptest::proptest! {
        /// Counting ASCII runs a byte a column measures what measuring every character does.
        #[test]
        fn width_counts_ascii_runs_as_it_counts_characters(
            s in "[ -~\t\u{1b}é北\u{301}\u{200b}👍—]{0,30}",
        ) {
            proptest::prop_assert_eq!(str_width(&s), s.chars().map(char_width).sum::<usize>());
        }
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
