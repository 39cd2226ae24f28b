//! The Text pane's cursor and selection, driven by keys (and the mouse) through `handle_key`
//! and `update`: each move, the whole-word rule, `v` on a search match, `y`, a drag, and back
//! after a jump; then the screen with a selection, and the cost of a move.

use argscope::app::{Action, App, Effect, Options, Pane};
use argscope::model;
use argscope::work::{self, Work};
use ratatui::layout::Rect;

#[path = "common/drive.rs"]
mod drive;
use drive::{app_at, press};

fn run(notation: &str) -> App {
    let mut a = app_at(80, 24);
    press(&mut a, notation);
    a
}

fn text(app: &App) -> &str {
    &app.model.doc.document.text
}

/// The text from the cursor on, a few words of it.
fn at_cursor(app: &App) -> String {
    text(app)[app.text.cursor..]
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn selected(app: &App) -> Option<&str> {
    app.text_selection().map(|r| &text(app)[r])
}

fn copied(app: &App) -> Option<&str> {
    app.effects.iter().rev().find_map(|e| match e {
        Effect::Copy(s) => Some(s.as_str()),
        _ => None,
    })
}

/// The screen cell of the text's column `col` on screen line `row` of the Text pane.
fn cell(app: &App, row: u16, col: u16) -> (u16, u16) {
    let rect: Rect = app
        .screen()
        .pane(Pane::Text)
        .expect("the Text pane is on screen");
    (rect.x + 1 + 2 + col, rect.y + 1 + row)
}

#[test]
fn the_cursor_starts_at_the_top_and_w_and_b_move_it_by_word() {
    let a = run("6");
    assert_eq!(a.text.cursor, 0);
    let a = run("6ww");
    assert_eq!(at_cursor(&a), "Drug War Taking");
    let a = run("6wwb");
    assert_eq!(at_cursor(&a), "Mexico’s Drug War");
    // Inside a word, b goes to its start; at the very start it stays and says so.
    let a = run("6b");
    assert_eq!(a.text.cursor, 0);
    assert_eq!(a.message.as_deref(), Some("at the start of the text"));
}

#[test]
fn sentences_are_unicode_sentences_so_us_agents_does_not_end_one() {
    // From the title, ) goes to the first sentence of the body.
    let a = run("6)");
    assert_eq!(at_cursor(&a), "According to Bloomberg,");
    let a = run("6))");
    assert_eq!(at_cursor(&a), "He can start");
    // "U.S. and its southern neighbor" does not end the sentence before it.
    let a = run("6)))");
    assert_eq!(at_cursor(&a), "In addition to");
    let a = run("6/Under the law<Enter>");
    assert_eq!(at_cursor(&a), "Under the law,");
    let mut a = a;
    press(&mut a, ")");
    let landed = at_cursor(&a);
    assert!(!landed.starts_with("agents"), "{landed}");
    press(&mut a, "(");
    assert_eq!(at_cursor(&a), "Under the law,");
    press(&mut a, "(");
    assert!(
        at_cursor(&a).starts_with("In December"),
        "{}",
        at_cursor(&a)
    );
}

#[test]
fn zero_and_dollar_go_to_the_ends_of_the_screen_line() {
    let a = run("6ww$");
    let line = a.text.lines.get(0).unwrap();
    let last = text(&a)[line.clone()].char_indices().last().unwrap().0;
    assert_eq!(a.text.cursor, line.start + last);
    assert_eq!(&text(&a)[a.text.cursor..a.text.cursor + 1], "e");
    let a = run("6ww$0");
    assert_eq!(a.text.cursor, 0);
    // On a later line: 0 is that line's start, not the paragraph's.
    let a = run("6))www0");
    let line = a.text.lines.get(a.text.line_of(a.text.cursor)).unwrap();
    assert_eq!(a.text.cursor, line.start);
    assert!(line.start > 0);
}

#[test]
fn scrolling_keeps_the_cursor_on_screen_and_a_move_brings_the_view_to_it() {
    let height = run("6").screen().inner_height(Pane::Text);
    // j scrolls the view (as before); the cursor, left above, comes to the top line.
    let a = run("6jjjj");
    assert_eq!(a.text.top, 4);
    assert_eq!(a.text.line_of(a.text.cursor), 4);
    // Words past the bottom of the screen: the view follows the cursor.
    let a = run(&format!("6{}", "w".repeat(150)));
    let line = a.text.line_of(a.text.cursor);
    assert!(a.text.top > 0);
    assert!(
        line >= a.text.top && line < a.text.top + height,
        "{line} {}",
        a.text.top
    );
    // G and g take the cursor to the ends.
    let a = run("6G");
    assert_eq!(
        a.text.line_of(a.text.cursor),
        a.text.lines.len() - 1,
        "the cursor is on the last line"
    );
    let a = run("6Gg");
    assert_eq!((a.text.top, a.text.cursor), (0, 0));
}

#[test]
fn a_passage_and_a_search_match_take_the_cursor_to_them() {
    let a = run("6}");
    let p = a.text.current.unwrap();
    assert_eq!(a.text.cursor, a.text.passages[p].span.start);
    let a = run("6/cienfuegos<Enter>");
    assert_eq!(at_cursor(&a).to_lowercase()[..10], *"cienfuegos");
    // Esc in the prompt puts it back.
    let a = run("6ww/cienfuegos<Esc>");
    assert_eq!(at_cursor(&a), "Drug War Taking");
}

#[test]
fn v_selects_whole_words_from_the_cursor_trimmed_of_spaces() {
    let a = run("6wv");
    assert_eq!(selected(&a), Some("Mexico’s"));
    let a = run("6wvww");
    assert_eq!(selected(&a), Some("Mexico’s Drug War"));
    // Backwards from where it started: the word it started on stays in.
    let a = run("6wwwvbb");
    assert_eq!(selected(&a), Some("Mexico’s Drug War"));
    // To the end of the line: whole words, no trailing space.
    let a = run("6v$");
    assert_eq!(
        selected(&a),
        Some("Is Mexico’s Drug War Taking a Turn for the")
    );
    // By sentence, across the blank lines after the title: trimmed at both ends.
    let a = run("6))v)");
    let s = selected(&a).unwrap();
    assert!(s.starts_with("He can start by"), "{s}");
    assert!(s.ends_with("In"), "{s}");
    assert_eq!(s.trim(), s);
}

#[test]
fn v_again_or_esc_ends_the_selection() {
    let a = run("6wvwv");
    assert_eq!(a.text_selection(), None);
    assert_eq!(a.message.as_deref(), Some("selection ended"));
    let a = run("6/cienfuegos<Enter>vw<Esc>");
    assert_eq!(a.text_selection(), None);
    // The search is still there for n.
    assert!(a.search.is_some());
    // Esc again clears the search, as before.
    let a = run("6/cienfuegos<Enter>v<Esc><Esc>");
    assert!(a.search.is_none());
}

#[test]
fn v_on_a_search_match_selects_exactly_the_match() {
    // "cartel" is inside "cartels": the match, not the word.
    let a = run("6/cartel<Enter>v");
    assert_eq!(selected(&a), Some("cartel"));
    assert_eq!(
        a.text_selection(),
        Some(a.search.as_ref().unwrap().spans.get(0).unwrap())
    );
    // A move widens it to whole words.
    let a = run("6/cartel<Enter>vw");
    assert_eq!(selected(&a), Some("cartels, but"));
    // Moved off the match, v selects from the cursor instead.
    let a = run("6/cartel<Enter>wv");
    assert_eq!(selected(&a), Some("but"));
}

#[test]
fn y_copies_the_selection_as_it_is_and_says_so() {
    let mut a = run("6wvww");
    a.effects.clear();
    press(&mut a, "y");
    assert_eq!(copied(&a), Some("Mexico’s Drug War"));
    assert_eq!(a.message.as_deref(), Some("copied the selection (3 words)"));
    // Without a selection, y keeps copying the passage with a citation.
    let mut a = run("6}");
    press(&mut a, "y");
    let copied = copied(&a).unwrap();
    assert!(
        copied.starts_with('“') && copied.contains("\n— "),
        "{copied}"
    );
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with("copied passage 1")
    );
}

#[test]
fn control_characters_of_the_text_never_reach_the_clipboard() {
    let json = serde_json::json!({
        "format": "argscope/1",
        "document": { "title": "T", "text": "Plain words \u{1b}]52;c;evil\u{7} and more words." },
        "items": [],
    });
    let model = model::load(json.to_string().as_bytes()).expect("loads");
    let mut a = App::new(model, Options::default());
    a.update(Action::Resize(80, 24));
    press(&mut a, "6v$y");
    let copied = copied(&a).expect("copied");
    assert!(!copied.chars().any(|c| c.is_control()), "{copied:?}");
}

#[test]
fn a_mouse_drag_selects_whole_words_from_the_click() {
    // "Is Mexico’s Drug War": from inside "Mexico’s" to inside "War".
    let mut a = run("6");
    let (x, y) = cell(&a, 0, 5);
    a.update(Action::Click(x, y));
    assert_eq!(a.text_selection(), None);
    let (x, y) = cell(&a, 0, 18);
    a.update(Action::Drag(x, y));
    assert_eq!(selected(&a), Some("Mexico’s Drug War"));
    // And backwards.
    let mut a = run("6");
    let (x, y) = cell(&a, 0, 18);
    a.update(Action::Click(x, y));
    let (x, y) = cell(&a, 0, 5);
    a.update(Action::Drag(x, y));
    assert_eq!(selected(&a), Some("Mexico’s Drug War"));
    // A click ends it.
    a.update(Action::Click(x, y));
    assert_eq!(a.text_selection(), None);
}

#[test]
fn a_drag_past_the_bottom_scrolls_and_keeps_selecting() {
    let mut a = run("6");
    let (x, y) = cell(&a, 0, 0);
    a.update(Action::Click(x, y));
    let rect = a.screen().pane(Pane::Text).unwrap();
    for _ in 0..5 {
        a.update(Action::Drag(x, rect.bottom() + 2));
    }
    assert_eq!(a.text.top, 5);
    let s = selected(&a).unwrap();
    assert!(s.starts_with("Is Mexico’s") && s.len() > 200, "{s}");
}

#[test]
fn back_after_a_jump_from_the_text_pane_comes_back_to_the_same_screen() {
    let mut a = run("6}}}ww");
    let (top, cursor, passage) = (a.text.top, a.text.cursor, a.text.current);
    press(&mut a, "<Enter><Enter>");
    assert_ne!(a.focus, Pane::Text);
    press(&mut a, "<BS>");
    assert_eq!(a.focus, Pane::Text);
    assert_eq!(
        (a.text.top, a.text.cursor, a.text.current),
        (top, cursor, passage)
    );
    // A selection being made survives the round trip, with its cursor.
    let mut a = run("6}}}vww");
    let before = a.text_selection();
    press(&mut a, "<Enter><Enter><BS>");
    assert_eq!(a.text_selection(), before);
}

#[test]
fn the_selection_is_not_the_current_item_rule() {
    // The passage's item is still the selected item while a selection is made.
    let a = run("6}");
    let item = a.selected_item();
    let b = run("6}vww");
    assert_eq!(b.selected_item(), item);
}

/// The screen at 80×24 with, below each row, a `^` under each cell drawn as selected and a `|`
/// under the cursor, so that the snapshot shows what is selected as well as what is drawn.
fn screen_with_selection(notation: &str) -> String {
    let a = run(notation);
    let buf = argscope::render::draw_buffer(&a);
    let selection = a.theme.selection.add_modifier;
    let (line, col) = a.text.cursor_position(text(&a));
    let cursor = cell(&a, (line - a.text.top) as u16, col as u16);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
        let marks: String = (0..buf.area.width)
            .map(|x| {
                if (x, y) == cursor {
                    '|'
                } else if buf[(x, y)].modifier.contains(selection) {
                    '^'
                } else {
                    ' '
                }
            })
            .collect();
        if !marks.trim().is_empty() {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}

#[test]
fn screens_with_a_selection() {
    for (name, keys) in [
        ("selection_of_words", "6))wwvwwww"),
        ("selection_of_a_match", "6/cartels<Enter>v"),
        ("selection_across_lines", "6))v)"),
    ] {
        insta::assert_snapshot!(name, screen_with_selection(keys), &format!("keys: {keys}"));
    }
}

/// The work of a `w`, a `b`, a `)` and a `(` from the middle of a text of `words` words.
fn move_cost(words: usize) -> u64 {
    let text = "Alpha beta gamma. ".repeat(words / 3);
    let json = serde_json::json!({
        "format": "argscope/1",
        "document": { "title": "T", "text": text },
        "items": [],
    });
    let model = model::load(json.to_string().as_bytes()).expect("loads");
    let mut a = App::new(model, Options::default());
    a.update(Action::Resize(80, 24));
    press(&mut a, "6");
    a.text.cursor = text.len() / 2 / 18 * 18;
    work::reset();
    press(&mut a, "wb)(");
    work::count(Work::Bytes)
}

#[test]
fn a_move_costs_what_it_crosses_not_the_length_of_the_text() {
    let small = move_cost(30_000);
    let large = move_cost(60_000);
    assert!(small > 0);
    assert!(
        large <= small + small / 4,
        "a move in twice the text cost {large} units of work against {small}"
    );
}

#[test]
fn the_selection_and_the_cursor_are_drawn_in_their_own_styles() {
    let options = Options {
        color: true,
        ..Options::default()
    };
    let mut a = App::new(model::builtin(), options);
    a.update(Action::Resize(80, 24));
    press(&mut a, "6wvw");
    let buf = argscope::render::draw_buffer(&a);
    let theme = a.theme;
    // "Is Mexico’s Drug": the selection is "Mexico’s Drug", the cursor on the "D".
    let style_at = |col: u16| {
        let c = &buf[cell(&a, 0, col)];
        (c.symbol().to_owned(), c.bg)
    };
    assert_eq!(style_at(0), ("I".into(), ratatui::style::Color::Reset));
    assert_eq!(style_at(3), ("M".into(), theme.selection.bg.unwrap()));
    assert_eq!(style_at(11), (" ".into(), theme.selection.bg.unwrap()));
    assert_eq!(style_at(12), ("D".into(), theme.cursor.bg.unwrap()));
    assert_eq!(style_at(15), ("g".into(), theme.selection.bg.unwrap()));
    assert_eq!(style_at(16), (" ".into(), ratatui::style::Color::Reset));
    // In "Quoted by" the cursor is not drawn.
    press(&mut a, "v}<Enter>");
    let buf = argscope::render::draw_buffer(&a);
    let rect = a.screen().pane(Pane::Text).unwrap();
    for y in rect.top()..rect.bottom() {
        for x in rect.left()..rect.right() {
            assert_ne!(
                buf[(x, y)].bg,
                theme.cursor.bg.unwrap(),
                "cursor drawn at {x},{y}"
            );
        }
    }
}

#[test]
fn a_drag_under_an_overlay_selects_nothing() {
    let mut a = run("6?");
    let (x, y) = cell(&a, 0, 5);
    a.update(Action::Drag(x, y));
    a.update(Action::Drag(x + 10, y));
    assert_eq!(a.text_selection(), None);
}

#[test]
fn a_reload_of_the_same_text_keeps_the_cursor_and_the_selection() {
    let mut a = run("6))wvww");
    let (cursor, selection) = (a.text.cursor, a.text_selection());
    a.reload(model::builtin());
    assert_eq!((a.text.cursor, a.text_selection()), (cursor, selection));
    let line = a.text.line_of(a.text.cursor);
    assert!(line >= a.text.top);
}

#[test]
fn the_cursor_on_a_blank_line_is_drawn_as_a_cell() {
    let options = Options {
        color: true,
        ..Options::default()
    };
    let mut a = App::new(model::builtin(), options);
    a.update(Action::Resize(80, 24));
    // Two lines down the title's line ends and a blank line is at the top.
    press(&mut a, "6jj");
    assert_eq!(a.text.line_of(a.text.cursor), 2);
    assert!(a.text.lines.get(2).unwrap().is_empty());
    let buf = argscope::render::draw_buffer(&a);
    assert_eq!(buf[cell(&a, 0, 0)].bg, a.theme.cursor.bg.unwrap());
}

#[test]
fn next_and_previous_passage_go_from_the_cursor_whatever_the_size() {
    for (w, h) in [(80, 24), (160, 45), (40, 12)] {
        let mut a = app_at(w, h);
        press(&mut a, "6/murder rate<Enter>");
        let at = a.text.cursor;
        press(&mut a, "}");
        let p = a.text.current.expect("a passage");
        assert!(
            a.text.passages[p].span.start >= at,
            "{w}x{h}: after the match"
        );
        assert!(
            p == 0 || a.text.passages[p - 1].span.start < at,
            "{w}x{h}: the first one after it"
        );
        // From the top again: the first passage.
        press(&mut a, "g}");
        assert_eq!(a.text.current, Some(0), "{w}x{h}");
        // Backwards from the end of the text: the last passage that starts before the cursor.
        press(&mut a, "G");
        let end = a.text.cursor;
        press(&mut a, "{");
        let last = a.text.current.expect("a passage");
        assert!(a.text.passages[last].span.start < end, "{w}x{h}");
        assert!(
            a.text.passages[last + 1..]
                .iter()
                .all(|p| p.span.start >= end),
            "{w}x{h}: the last one before the cursor"
        );
    }
}
