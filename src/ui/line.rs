//! A line being typed, as drawn: the text around the cursor that fits the columns given, with
//! the caret between, scrolled so that the caret is always on screen and an ellipsis on each
//! side that is cut. Only the part that can be shown is read, so a huge value costs its width.

use crate::app::input::LineInput;
use crate::model::sanitize;
use crate::wrap::{grapheme_width, graphemes, str_width};
use unicode_segmentation::UnicodeSegmentation;

/// The longest grapheme measured whole, in bytes (as `wrap` measures them).
const GRAPHEME_WINDOW: usize = 128;

/// What a line shows on either side of its caret, sanitized, ellipses included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub before: String,
    pub after: String,
}

/// The part of `input` shown in `width` columns with `caret` at its cursor: the whole line when
/// it fits; else the cursor's side of it. The text before the cursor is kept whole when it
/// fits with room for a cut after it, the text after it when that fits (the cursor at the end:
/// the end of the line, as typing shows it); else the cursor is in the middle of what is shown.
pub fn shown(input: &LineInput, width: usize, caret: &str, ellipsis: &str) -> Shown {
    let (before, after) = input.split();
    let room = width.saturating_sub(str_width(caret));
    let cut = str_width(ellipsis);
    let (b_start, b_used) = tail_fit(before, room);
    let (a_end, a_used) = head_fit(after, room);
    let before_whole = b_start == 0;
    let after_whole = a_end == after.len();
    if before_whole && after_whole && b_used + a_used <= room {
        return Shown {
            before: sanitize::line(before).into_owned(),
            after: sanitize::line(after).into_owned(),
        };
    }
    let shown = |b_room: usize, a_room: usize| {
        let b_start = if before_whole && b_used <= b_room {
            0
        } else {
            tail_fit(before, b_room.saturating_sub(cut)).0
        };
        let a_end = if after_whole && a_used <= a_room {
            after.len()
        } else {
            head_fit(after, a_room.saturating_sub(cut)).0
        };
        let mut b = String::new();
        if b_start > 0 && b_room >= cut {
            b.push_str(ellipsis);
        }
        b.push_str(&sanitize::line(&before[b_start..]));
        let mut a = sanitize::line(&after[..a_end]).into_owned();
        if a_end < after.len() && a_room >= cut {
            a.push_str(ellipsis);
        }
        Shown {
            before: b,
            after: a,
        }
    };
    if before_whole && b_used + cut <= room {
        // The start of the line, cut after the cursor.
        shown(b_used, room - b_used)
    } else if after_whole && a_used + cut <= room {
        // The end of the line, cut before the cursor.
        shown(room - a_used, a_used)
    } else {
        // Cut on both sides, the cursor in the middle.
        let a_room = room / 2;
        shown(room - a_room, a_room)
    }
}

/// How many characters fit `room` columns at most, zero-width ones included: past it the text
/// is cut anyway, so that a run of millions of combining marks is not read.
fn budget(room: usize) -> usize {
    room.saturating_mul(8).saturating_add(32)
}

/// The end of the longest start of `s` that fits `room` columns, and the columns it takes.
fn head_fit(s: &str, room: usize) -> (usize, usize) {
    let mut used = 0;
    let mut chars = 0;
    for (at, g, w) in graphemes(s) {
        chars += g.chars().count();
        if used + w > room || chars > budget(room) {
            return (at, used);
        }
        used += w;
    }
    (s.len(), used)
}

/// The start of the longest end of `s` that fits `room` columns, and the columns it takes.
fn tail_fit(s: &str, room: usize) -> (usize, usize) {
    let mut used = 0;
    let mut chars = 0;
    let mut start = s.len();
    while start > 0 {
        let mut from = start.saturating_sub(GRAPHEME_WINDOW);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let Some(g) = s[from..start].graphemes(true).next_back() else {
            break;
        };
        let w = grapheme_width(g);
        chars += g.chars().count();
        if used + w > room || chars > budget(room) {
            break;
        }
        used += w;
        start -= g.len();
    }
    (start, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    /// `s` with its cursor at the `|`, drawn in `width` columns with `|` as the caret.
    fn draw(s: &str, width: usize) -> String {
        let cursor = s.find('|').expect("a cursor mark");
        let mut input = LineInput::new(s.replacen('|', "", 1));
        input.edit(Action::PromptHome, &mut None);
        while input.cursor() < cursor {
            input.edit(Action::PromptRight, &mut None);
        }
        let shown = shown(&input, width, "|", "…");
        let out = format!("{}|{}", shown.before, shown.after);
        assert!(
            str_width(&out) <= width.max(1),
            "{out:?} wider than {width}"
        );
        out
    }

    #[test]
    fn a_line_that_fits_is_shown_whole() {
        assert_eq!(draw("ab|cd", 10), "ab|cd");
        assert_eq!(draw("abcd|", 5), "abcd|");
    }

    #[test]
    fn a_long_line_scrolls_to_keep_the_caret_on_screen() {
        let line = "the quick brown fox jumps";
        // At the end: its end, cut at the start.
        assert_eq!(draw(&format!("{line}|"), 10), "…ox jumps|");
        // At the start: its start, cut at the end.
        assert_eq!(draw(&format!("|{line}"), 10), "|the quic…");
        // Near the start: the start whole.
        assert_eq!(draw("the |quick brown fox jumps", 10), "the |quic…");
        // Near the end: the end whole.
        assert_eq!(draw("the quick brown fox j|umps", 10), "…ox j|umps");
        // In the middle: cut on both sides, the caret in the middle.
        assert_eq!(draw("the quick br|own fox jumps", 11), "…k br|own …");
    }

    #[test]
    fn wide_characters_are_measured_by_their_columns_and_never_split() {
        assert_eq!(draw("漢字かな|", 6), "…かな|");
        assert_eq!(draw("|漢字かな", 6), "|漢字…");
        assert_eq!(draw("漢字|かな漢字", 8), "漢字|か…");
        assert_eq!(draw("かな漢字|かな漢字", 8), "…字|か…");
    }

    #[test]
    fn controls_are_drawn_as_symbols() {
        let out = draw("a\u{1b}[31m|b", 20);
        assert!(!out.contains('\u{1b}'), "{out:?}");
    }

    #[test]
    fn a_huge_value_reads_only_what_it_shows() {
        let huge = format!("{}|{}", "x".repeat(1 << 20), "y".repeat(1 << 20));
        assert_eq!(draw(&huge, 9), "…xxx|yyy…");
        let marks = format!("a{}|", "\u{301}".repeat(100_000));
        let out = draw(&marks, 9);
        assert!(out.len() < 1000, "{} bytes", out.len());
    }

    #[test]
    fn no_room_shows_the_caret_alone() {
        assert_eq!(draw("abc|def", 1), "|");
        assert_eq!(draw("abc|def", 0), "|");
    }

    proptest::proptest! {
        /// Any keys on any line: the cursor stays on a character boundary within the line, and
        /// the line drawn at any width fits it, its caret on screen, with no control character.
        #[test]
        fn any_keys_keep_the_cursor_whole_and_the_drawn_line_in_its_width(
            s in "[a-zé北\u{301}\u{200d}\u{fe0f}👨❤\t\u{1b} .,]{0,40}",
            keys in proptest::collection::vec(0usize..13, 0..40),
            width in 0usize..30,
        ) {
            let actions = [
                Action::PromptLeft,
                Action::PromptRight,
                Action::PromptHome,
                Action::PromptEnd,
                Action::PromptWordLeft,
                Action::PromptWordRight,
                Action::PromptBackspace,
                Action::PromptDelete,
                Action::PromptDeleteWord,
                Action::PromptClear,
                Action::PromptDeleteToEnd,
                Action::PromptInsert('\u{301}'),
                Action::PromptInsert('北'),
            ];
            let mut input = LineInput::field(s);
            for k in keys {
                input.edit(actions[k], &mut None);
                let cursor = input.cursor();
                proptest::prop_assert!(cursor <= input.as_str().len());
                proptest::prop_assert!(input.as_str().is_char_boundary(cursor));
                let line = shown(&input, width, "|", "…");
                let drawn = format!("{}|{}", line.before, line.after);
                proptest::prop_assert!(str_width(&drawn) <= width.max(1), "{:?}", drawn);
                proptest::prop_assert!(!drawn.chars().any(char::is_control), "{:?}", drawn);
            }
        }
    }
}
