//! What several test files share.

use proptest::prelude::*;

/// Key strings in the notation of `render --keys`: the keys of every mode, typed characters, and
/// hostile ones (escape sequences, bidirectional overrides, a lone combining mark) typed into
/// the prompts; up to `max` keys.
pub fn key_string(max: usize) -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("j"),
        Just("k"),
        Just("g"),
        Just("G"),
        Just("<Enter>"),
        Just("<Esc>"),
        Just("<BS>"),
        Just("]"),
        Just("["),
        Just("<Tab>"),
        Just("<S-Tab>"),
        Just("1"),
        Just("2"),
        Just("3"),
        Just("4"),
        Just("5"),
        Just("6"),
        Just("t"),
        Just("o"),
        Just("/"),
        Just("n"),
        Just("N"),
        Just("f"),
        Just(":"),
        Just("?"),
        Just("h"),
        Just("l"),
        Just("}"),
        Just("{"),
        Just("<PgDn>"),
        Just("<PgUp>"),
        Just("<C-d>"),
        Just("<C-u>"),
        Just("<Up>"),
        Just("<Down>"),
        Just("a"),
        Just("é"),
        Just(" "),
        Just("y"),
        // The side-by-side views and the Argument pane's folding.
        Just("c"),
        Just("C"),
        Just("x"),
        Just("m"),
        Just("s"),
        Just("u"),
        Just("p"),
        Just("z"),
        Just("Z"),
        Just("北"),
        Just("\u{1b}"),
        Just("\u{9b}"),
        Just("\u{202e}"),
        Just("\t"),
        Just("\u{301}"),
    ];
    prop::collection::vec(key, 0..max).prop_map(|k| k.concat())
}
