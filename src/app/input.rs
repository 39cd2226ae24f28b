//! The one line-input type: what every prompt edits (the panes' search and filter, the palette,
//! a prepared comparison's search, the help's search, the save-as prompt) and every text field
//! of the annotation form, with a cursor and the editing actions applied in one place.
//!
//! The cursor is a byte offset that is always on a character boundary; it moves a grapheme at a
//! time (a letter and its accents, a joined emoji), so that no key leaves it inside one.

use super::Action;
use unicode_segmentation::UnicodeSegmentation;

/// The longest grapheme looked at whole, in bytes: past it (a letter under thousands of
/// combining marks) the cursor steps a piece at a time, so that no step costs more than this.
const GRAPHEME_WINDOW: usize = 128;

/// What a line is for, which sets its longest length and how a refusal names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LineKind {
    /// A query (search, filter, palette) or a file name: searched again at each keystroke.
    #[default]
    Query,
    /// A text field of the annotation form (a title, a summary, a note).
    Field,
}

impl LineKind {
    /// The longest line, in bytes. A query is searched with at each keystroke, so a paste of a
    /// book into a prompt would cost its length squared; a field is only copied on an edit.
    pub fn max_bytes(self) -> usize {
        match self {
            LineKind::Query => LineInput::MAX_BYTES,
            LineKind::Field => LineInput::FIELD_MAX_BYTES,
        }
    }

    fn refusal(self) -> String {
        match self {
            LineKind::Query => format!("a query is at most {} bytes", self.max_bytes()),
            LineKind::Field => format!("a field is at most {} bytes", self.max_bytes()),
        }
    }
}

/// A line being typed, and where in it the cursor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// A byte offset into `text`, on a character boundary.
    cursor: usize,
    kind: LineKind,
}

impl LineInput {
    /// A query line holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> LineInput {
        let text = text.into();
        LineInput {
            cursor: text.len(),
            text,
            kind: LineKind::Query,
        }
    }

    /// A form field holding `text`, the cursor at its end. A value already longer than the cap
    /// (written by hand in the file) is kept whole: it can be shortened, not lengthened.
    pub fn field(text: impl Into<String>) -> LineInput {
        LineInput {
            kind: LineKind::Field,
            ..LineInput::new(text)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor: a byte offset into [`LineInput::as_str`], on a character boundary.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before the cursor and the text from it.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Replaces the whole line (a recalled query), the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text.clear();
        self.text.push_str(text);
        self.cursor = self.text.len();
    }

    /// The longest query, in bytes: each keystroke searches with the whole line, so a paste of a
    /// book into a prompt would cost its length squared.
    pub const MAX_BYTES: usize = 1024;

    /// The longest form field, in bytes: room for a long summary, bounded so that each
    /// keystroke's copy of the line stays cheap.
    pub const FIELD_MAX_BYTES: usize = 64 * 1024;

    /// Inserts `s` at the cursor, as much of it as fits the cap (cut at a character boundary);
    /// false when nothing of it fit, and then `message` says why. One copy of the line,
    /// whatever the length of `s`.
    pub fn insert_str(&mut self, s: &str, message: &mut Option<String>) -> bool {
        let room = self.kind.max_bytes().saturating_sub(self.text.len());
        let mut take = s.len().min(room);
        while !s.is_char_boundary(take) {
            take -= 1;
        }
        if take < s.len() {
            *message = Some(self.kind.refusal());
        }
        if take == 0 {
            return false;
        }
        self.text.insert_str(self.cursor, &s[..take]);
        self.cursor += take;
        true
    }

    /// Applies an editing action; false when `action` is not one (it is left to the caller),
    /// when it only moved the cursor, or when it would make the line longer than its cap (then
    /// `message` says so). True exactly when the text changed.
    pub fn edit(&mut self, action: Action, message: &mut Option<String>) -> bool {
        let before = self.text.len();
        match action {
            Action::PromptInsert(c) => {
                let mut buf = [0; 4];
                return self.insert_str(c.encode_utf8(&mut buf), message);
            }
            Action::PromptBackspace => self.delete_to(self.prev_grapheme()),
            Action::PromptDelete => self.delete_to(self.next_grapheme()),
            Action::PromptDeleteWord => self.delete_to(self.blank_word_start()),
            Action::PromptClear => self.delete_to(0),
            Action::PromptDeleteToEnd => self.delete_to(self.text.len()),
            Action::PromptLeft => self.cursor = self.prev_grapheme(),
            Action::PromptRight => self.cursor = self.next_grapheme(),
            Action::PromptHome => self.cursor = 0,
            Action::PromptEnd => self.cursor = self.text.len(),
            Action::PromptWordLeft => self.cursor = self.word_start(),
            Action::PromptWordRight => self.cursor = self.word_end(),
            _ => return false,
        }
        self.text.len() != before
    }

    /// Whether `action` moves the cursor without changing the text.
    pub fn is_motion(action: Action) -> bool {
        matches!(
            action,
            Action::PromptLeft
                | Action::PromptRight
                | Action::PromptHome
                | Action::PromptEnd
                | Action::PromptWordLeft
                | Action::PromptWordRight
        )
    }

    /// Deletes between the cursor and `to` (either side of it); the cursor ends at the start.
    fn delete_to(&mut self, to: usize) {
        let range = self.cursor.min(to)..self.cursor.max(to);
        self.cursor = range.start;
        self.text.replace_range(range, "");
    }

    /// The start of the grapheme before the cursor (the cursor at the start: the start).
    fn prev_grapheme(&self) -> usize {
        let mut from = self.cursor.saturating_sub(GRAPHEME_WINDOW);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before = &self.text[from..self.cursor];
        before
            .graphemes(true)
            .next_back()
            .map_or(self.cursor, |g| self.cursor - g.len())
    }

    /// The end of the grapheme at the cursor (the cursor at the end: the end).
    fn next_grapheme(&self) -> usize {
        let mut to = (self.cursor + GRAPHEME_WINDOW).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        let after = &self.text[self.cursor..to];
        after
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Where `Ctrl-w` deletes back to: over blanks, then over what is not blank (a shell's
    /// word: `don't`, `a/b` and `x.y` go whole).
    fn blank_word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let end = before.trim_end().len();
        before[..end].rfind(char::is_whitespace).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        })
    }

    /// Where `Alt-b` goes: back over what is not a word, then to the start of the word (letters
    /// and digits, as readline's words).
    fn word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let end = before.trim_end_matches(|c: char| !is_word(c)).len();
        before[..end].trim_end_matches(is_word_or_mark).len()
    }

    /// Where `Alt-f` goes: over what is not a word, then to the end of the word.
    fn word_end(&self) -> usize {
        let after = &self.text[self.cursor..];
        let start = after.len() - after.trim_start_matches(|c: char| !is_word(c)).len();
        let rest = &after[start..];
        let word = rest.len() - rest.trim_start_matches(is_word_or_mark).len();
        self.cursor + start + word
    }
}

/// A character of a word: a letter or a digit.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// A character of a word once it has begun: a letter, a digit, or a combining mark or joiner
/// on one (so that a word move never stops between a letter and its accent).
fn is_word_or_mark(c: char) -> bool {
    is_word(c) || is_combining(c)
}

/// Combining marks and joiners: the characters that extend the grapheme before them. The
/// common blocks only; a rarer mark splits the word move, which still lands on a boundary.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}'..='\u{200D}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line with the cursor at the `|` of `s`.
    fn at(s: &str) -> LineInput {
        let cursor = s.find('|').expect("a cursor mark");
        let mut l = LineInput::new(s.replacen('|', "", 1));
        l.cursor = cursor;
        l
    }

    /// The line with a `|` at its cursor.
    fn shown(l: &LineInput) -> String {
        let (a, b) = l.split();
        format!("{a}|{b}")
    }

    /// Applies `action` to the line drawn as `from`, and draws the result.
    fn apply(from: &str, action: Action) -> String {
        let mut l = at(from);
        l.edit(action, &mut None);
        assert!(l.as_str().is_char_boundary(l.cursor()));
        shown(&l)
    }

    #[test]
    fn editing_actions_change_the_line_and_others_do_not() {
        let mut l = LineInput::default();
        let mut msg = None;
        for c in "lopez obrador".chars() {
            assert!(l.edit(Action::PromptInsert(c), &mut msg));
        }
        assert!(l.edit(Action::PromptBackspace, &mut msg));
        assert_eq!(l.as_str(), "lopez obrado");
        assert!(l.edit(Action::PromptDeleteWord, &mut msg));
        assert_eq!(l.as_str(), "lopez ");
        assert!(l.edit(Action::PromptClear, &mut msg));
        assert!(l.is_empty());
        assert!(!l.edit(Action::PromptAccept, &mut msg));
        assert!(!l.edit(Action::Down, &mut msg));
        assert_eq!(msg, None);
    }

    #[test]
    fn moves_go_by_grapheme_and_stop_at_the_ends() {
        let table = [
            ("ab|c", Action::PromptLeft, "a|bc"),
            ("|abc", Action::PromptLeft, "|abc"),
            ("ab|c", Action::PromptRight, "abc|"),
            ("abc|", Action::PromptRight, "abc|"),
            ("ab|c", Action::PromptHome, "|abc"),
            ("a|bc", Action::PromptEnd, "abc|"),
            // Multi-byte, wide, and a letter with a combining accent: one step each.
            ("é|", Action::PromptLeft, "|é"),
            ("|漢字", Action::PromptRight, "漢|字"),
            ("e\u{301}|x", Action::PromptLeft, "|e\u{301}x"),
            ("|e\u{301}x", Action::PromptRight, "e\u{301}|x"),
            ("|👨‍👩‍👧!", Action::PromptRight, "👨‍👩‍👧|!"),
        ];
        for (from, action, want) in table {
            assert_eq!(apply(from, action), want, "{action:?} from {from:?}");
        }
    }

    #[test]
    fn word_moves_skip_punctuation_then_a_word() {
        let table = [
            (
                "the quick, brown|",
                Action::PromptWordLeft,
                "the quick, |brown",
            ),
            (
                "the quick, |brown",
                Action::PromptWordLeft,
                "the |quick, brown",
            ),
            ("the qu|ick", Action::PromptWordLeft, "the |quick"),
            ("|  the", Action::PromptWordLeft, "|  the"),
            ("|the quick", Action::PromptWordRight, "the| quick"),
            ("the|, quick", Action::PromptWordRight, "the, quick|"),
            ("the quick|", Action::PromptWordRight, "the quick|"),
            ("n'a|", Action::PromptWordLeft, "n'|a"),
            ("|café déjà", Action::PromptWordRight, "café| déjà"),
            ("cafe\u{301}|", Action::PromptWordLeft, "|cafe\u{301}"),
            ("|cafe\u{301} x", Action::PromptWordRight, "cafe\u{301}| x"),
            ("漢字 かな|", Action::PromptWordLeft, "漢字 |かな"),
        ];
        for (from, action, want) in table {
            assert_eq!(apply(from, action), want, "{action:?} from {from:?}");
        }
    }

    #[test]
    fn deletes_take_what_readline_takes() {
        let table = [
            ("ab|c", Action::PromptBackspace, "a|c"),
            ("|abc", Action::PromptBackspace, "|abc"),
            ("ab|c", Action::PromptDelete, "ab|"),
            ("abc|", Action::PromptDelete, "abc|"),
            ("aé|b", Action::PromptBackspace, "a|b"),
            ("a|漢b", Action::PromptDelete, "a|b"),
            ("xe\u{301}|y", Action::PromptBackspace, "x|y"),
            ("one two|three", Action::PromptDeleteWord, "one |three"),
            ("one two  |x", Action::PromptDeleteWord, "one |x"),
            ("a/b.c|", Action::PromptDeleteWord, "|"),
            ("|abc", Action::PromptDeleteWord, "|abc"),
            ("one\u{3000}漢字|", Action::PromptDeleteWord, "one\u{3000}|"),
            ("one two|three", Action::PromptClear, "|three"),
            ("one two|three", Action::PromptDeleteToEnd, "one two|"),
            ("|", Action::PromptDeleteToEnd, "|"),
        ];
        for (from, action, want) in table {
            assert_eq!(apply(from, action), want, "{action:?} from {from:?}");
        }
    }

    #[test]
    fn typing_and_pasting_insert_at_the_cursor() {
        let mut l = at("wrld|");
        let mut msg = None;
        l.edit(Action::PromptHome, &mut msg);
        l.edit(Action::PromptRight, &mut msg);
        assert!(l.edit(Action::PromptInsert('o'), &mut msg));
        assert_eq!(shown(&l), "wo|rld");
        assert!(l.insert_str("漢é", &mut msg));
        assert_eq!(shown(&l), "wo漢é|rld");
        assert_eq!(msg, None);
    }

    #[test]
    fn only_a_change_of_the_text_says_true() {
        let mut l = at("ab|c");
        let mut msg = None;
        assert!(!l.edit(Action::PromptLeft, &mut msg));
        assert!(!l.edit(Action::PromptHome, &mut msg));
        assert!(!l.edit(Action::PromptBackspace, &mut msg));
        assert!(l.edit(Action::PromptDelete, &mut msg));
        assert!(LineInput::is_motion(Action::PromptWordRight));
        assert!(!LineInput::is_motion(Action::PromptDelete));
    }

    #[test]
    fn a_recalled_query_puts_the_cursor_at_its_end() {
        let mut l = at("a|b");
        l.set("déjà");
        assert_eq!(shown(&l), "déjà|");
    }

    #[test]
    fn a_line_stops_at_its_longest_and_says_so() {
        let mut l = LineInput::new("a".repeat(LineInput::MAX_BYTES - 1));
        let mut msg = None;
        assert!(!l.edit(Action::PromptInsert('é'), &mut msg));
        assert_eq!(msg.as_deref(), Some("a query is at most 1024 bytes"));
        assert!(l.edit(Action::PromptInsert('e'), &mut msg));
        assert_eq!(l.as_str().len(), LineInput::MAX_BYTES);
    }

    #[test]
    fn a_field_has_a_larger_cap_of_its_own() {
        let mut l = LineInput::field("a".repeat(LineInput::MAX_BYTES));
        let mut msg = None;
        assert!(l.edit(Action::PromptInsert('b'), &mut msg));
        assert_eq!(msg, None);
        l.edit(Action::PromptHome, &mut msg);
        // A paste is cut at the cap, on a character boundary, and says so.
        let room = LineInput::FIELD_MAX_BYTES - l.as_str().len();
        assert!(l.insert_str(&"é".repeat(room), &mut msg));
        // An odd room: the last "é" (two bytes) does not fit, and one byte is left.
        assert_eq!(room % 2, 1);
        assert_eq!(l.as_str().len(), LineInput::FIELD_MAX_BYTES - 1);
        assert_eq!(msg.as_deref(), Some("a field is at most 65536 bytes"));
        assert_eq!(l.cursor(), room - 1);
        assert!(l.edit(Action::PromptInsert('x'), &mut msg));
        assert!(!l.edit(Action::PromptInsert('y'), &mut msg));
    }

    #[test]
    fn an_overlong_value_is_kept_and_can_be_shortened() {
        let long = "x".repeat(LineInput::FIELD_MAX_BYTES + 10);
        let mut l = LineInput::field(long.clone());
        let mut msg = None;
        assert_eq!(l.as_str(), long);
        assert!(!l.edit(Action::PromptInsert('y'), &mut msg));
        assert!(l.edit(Action::PromptBackspace, &mut msg));
        assert_eq!(l.as_str().len(), long.len() - 1);
    }

    #[test]
    fn a_step_over_a_huge_grapheme_stays_on_a_character_boundary() {
        let s = format!("a{}b", "\u{301}".repeat(1000));
        let mut l = LineInput::new(s.clone());
        let mut msg = None;
        for _ in 0..s.len() {
            l.edit(Action::PromptLeft, &mut msg);
            assert!(s.is_char_boundary(l.cursor()));
        }
        assert_eq!(l.cursor(), 0);
        for _ in 0..s.len() {
            l.edit(Action::PromptRight, &mut msg);
            assert!(s.is_char_boundary(l.cursor()));
        }
        assert_eq!(l.cursor(), s.len());
    }
}
