//! The one sanitizer that every document string passes through before it reaches the screen or a
//! message. Document text is data: control characters and bidirectional overrides are shown as
//! visible symbols, never sent to the terminal.

use std::borrow::Cow;

/// The visible stand-in for a character that must not reach the terminal, or `None` if it is safe.
/// Newline and tab are handled by the caller (kept in text, spaces in one-line contexts).
fn stand_in(c: char) -> Option<char> {
    match c {
        // C0: the Unicode control pictures, ␀ to ␟ (so ESC is ␛).
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('␡'),
        // C1 controls and the bidirectional overrides and isolates.
        '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some('�'),
        _ => None,
    }
}

/// True when `s` has nothing to replace in a one-line context.
fn is_clean_line(s: &str) -> bool {
    s.bytes().all(|b| b >= 0x20 && b != 0x7F && b < 0x80)
        || s.chars().all(|c| stand_in(c).is_none())
}

/// One character as [`line`] shows it: a control becomes a symbol, a line break or tab a space.
pub fn line_char(c: char) -> char {
    match c {
        '\n' | '\t' | '\r' => ' ',
        c => stand_in(c).unwrap_or(c),
    }
}

/// A string for one line of the screen: controls become symbols, newlines and tabs spaces.
pub fn line(s: &str) -> Cow<'_, str> {
    if is_clean_line(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(line_char).collect())
}

/// [`line`] of at most the first `max_chars` characters of `s`, ending in "…" when `s` is longer.
/// For strings that may be huge: only the part that can be shown is read and copied.
pub fn line_capped(s: &str, max_chars: usize) -> Cow<'_, str> {
    // No more bytes than the cap: no more characters either.
    if s.len() <= max_chars {
        return line(s);
    }
    match s.char_indices().nth(max_chars) {
        None => line(s),
        Some((at, _)) => {
            let mut out = line(&s[..at]).into_owned();
            out.push('…');
            Cow::Owned(out)
        }
    }
}

/// A string that may hold line breaks: the same as [`line`] but newlines are kept; tabs become
/// spaces so that no cell ever holds a control character.
pub fn text(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| c == '\n' || stand_in(c).is_none()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                c => stand_in(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// Text for the clipboard, by the rule of everything drawn: newlines and tabs stay, every other
/// control character and every bidirectional override or isolate becomes its visible symbol, so
/// pasting it into a terminal cannot end a bracketed paste or run anything.
pub fn clipboard(s: &str) -> Cow<'_, str> {
    if s.chars()
        .all(|c| c == '\n' || c == '\t' || stand_in(c).is_none())
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\t' => c,
                c => stand_in(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// JSON text as serde_json writes it, with the characters it leaves raw but a terminal would act
/// on (DEL, C1 controls, bidirectional overrides) written as `\uXXXX` escapes. The value is the
/// same; only its spelling changes, so the output is safe to print. serde_json escapes C0 in
/// strings itself (the newlines and spaces it writes between values are layout), and outside
/// strings it writes only ASCII, so every character replaced here is inside a string.
pub fn json(out: String) -> String {
    // The line and paragraph separators too: some readers of JSON take them for line breaks.
    let unsafe_in_json =
        |c: char| (c >= '\u{7f}' && stand_in(c).is_some()) || matches!(c, '\u{2028}' | '\u{2029}');
    if !out.chars().any(unsafe_in_json) {
        return out;
    }
    let mut safe = String::with_capacity(out.len() + 16);
    for c in out.chars() {
        if unsafe_in_json(c) {
            safe.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            safe.push(c);
        }
    }
    safe
}

/// The columns a character takes on screen after sanitizing: stand-ins and tabs take one.
pub fn char_width(c: char) -> usize {
    if c == '\t' || stand_in(c).is_some() {
        return 1;
    }
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_symbols() {
        assert_eq!(line("a\u{1b}]0;pwned\u{7}b"), "a␛]0;pwned␇b");
        assert_eq!(line("\u{9b}31m\u{7f}"), "�31m␡");
        assert_eq!(line("x\u{202E}y\u{2066}"), "x�y�");
        assert_eq!(
            clipboard("a\u{1b}[201~echo PWNED\u{1b}[200~\tb\nc\u{202e}d\r"),
            "a␛[201~echo PWNED␛[200~\tb\nc�d␍"
        );
    }

    #[test]
    fn line_breaks_depend_on_the_context() {
        assert_eq!(line("a\nb\tc"), "a b c");
        assert_eq!(text("a\nb\tc\r"), "a\nb c␍");
    }

    #[test]
    fn capped_lines_end_in_an_ellipsis_only_when_cut() {
        assert_eq!(line_capped("a\u{1b}c", 3), "a␛c");
        assert_eq!(line_capped("a\u{1b}cd", 3), "a␛c…");
        assert_eq!(line_capped("北京北京", 2), "北京…");
        assert_eq!(line_capped("", 0), "");
    }

    #[test]
    fn json_spells_terminal_controls_as_escapes() {
        let value = serde_json::json!({"t": "a\u{1b}b\u{7f}c\u{9b}d\u{202e}e北\n"});
        let out = json(value.to_string());
        assert_eq!(out, r#"{"t":"a\u001bb\u007fc\u009bd\u202ee北\n"}"#);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&out).unwrap(),
            value
        );
        let pretty = json(serde_json::to_string_pretty(&value).unwrap());
        assert!(pretty.contains('\n'), "the layout's line breaks stay");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&pretty).unwrap(),
            value
        );
    }

    #[test]
    fn clean_strings_are_borrowed() {
        assert!(matches!(line("López’s 北京"), Cow::Borrowed(_)));
        assert!(matches!(text("two\nlines"), Cow::Borrowed(_)));
    }
}
