//! Documents written to attack the terminal: strings of control characters, escape sequences
//! (title, clipboard, hyperlinks, colours, cursor moves, clearing), bidirectional overrides, wide,
//! combining and joined characters, tabs and very long words, crossed with random keys and random
//! sizes from 1x1 to 300x100. Whatever the document, the explorer never panics, keeps its state
//! consistent, and puts on screen only printable cells that fill every row exactly.

use argscope::app::{Action, App, Options, keys};
use argscope::model::{self, Model};
use proptest::prelude::*;

mod common;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};

/// One piece of a hostile string.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        // Every C0 control (tab and newline included), DEL and every C1 control.
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        Just("\u{7f}".to_owned()),
        (0x80u32..0xA0).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        // Escape sequences: window title, clipboard, hyperlink, clear, colour, cursor home, the
        // 8-bit CSI, a device control string.
        Just("\x1b]0;pwned\x07".to_owned()),
        Just("\x1b]52;c;aGk=\x07".to_owned()),
        Just("\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\".to_owned()),
        Just("\x1b[2J".to_owned()),
        Just("\x1b[31m".to_owned()),
        Just("\x1b[H".to_owned()),
        Just("\u{9b}2J".to_owned()),
        Just("\x1bP+q544e\x1b\\".to_owned()),
        // Bidirectional overrides and isolates.
        (0x202Au32..=0x202E).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        (0x2066u32..=0x2069).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        // Wide, combining, joined and invisible characters.
        Just("北京".to_owned()),
        Just("ｗｉｄｅ".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}".to_owned()),
        Just("👨\u{200d}👩\u{200d}👧".to_owned()),
        Just("\u{200d}".to_owned()),
        Just("🇲🇽".to_owned()),
        Just("☺\u{fe0f}".to_owned()),
        Just("\u{ad}".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\t".to_owned()),
        Just("ｶﾞ".to_owned()),
        // Words, short and very long.
        "[a-z]{1,8}",
        Just(" ".to_owned()),
        (100usize..2000).prop_map(|n| "x".repeat(n)),
        (50usize..500).prop_map(|n| "北".repeat(n)),
    ]
}

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..8).prop_map(|p| p.concat())
}

const KINDS: [&str; 5] = ["event", "actor", "provision", "recommendation", "claim"];
const RELS: [&str; 3] = ["r-hostile", "supports", "opposes"];

/// The strings of one item: title, summary, quoted passage, tag, kind field, link note.
type ItemStrings = (usize, [String; 6], Vec<(usize, usize)>);

fn item_strings() -> impl Strategy<Value = ItemStrings> {
    (
        0..5usize,
        [
            hostile(),
            hostile(),
            hostile(),
            hostile(),
            hostile(),
            hostile(),
        ],
        prop::collection::vec((0..3usize, 0..40usize), 0..4),
    )
}

/// A valid document whose every string is hostile: each item quotes its own passage of the text.
fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(item_strings(), 1..12),
        [hostile(), hostile(), hostile(), hostile(), hostile()],
    )
        .prop_map(|(items, [doc_title, label, inverse, cmp_title, side])| {
            let n = items.len();
            let mut text = String::new();
            let mut out = Vec::new();
            for (i, (kind, [title, summary, body, tag, field, note], links)) in
                items.into_iter().enumerate()
            {
                let passage = format!("[p{i}] {body}");
                text.push_str(&passage);
                text.push_str(if i % 3 == 0 { "\n\n" } else { " " });
                let mut item = serde_json::json!({
                    "id": format!("i{i}"),
                    "kind": KINDS[kind],
                    "title": title,
                    "summary": summary,
                    "quotes": [passage],
                    "tags": [tag],
                    // An item supporting or opposing itself is an error: such a link is the
                    // hostile relation instead.
                    "links": links.iter().map(|&(r, t)| (if t % n == i { 0 } else { r }, t)).map(|(r, t)| serde_json::json!({
                        "rel": RELS[r], "to": format!("i{}", t % n), "note": note,
                    })).collect::<Vec<_>>(),
                });
                // The second and third items support the first together, in a group with a
                // hostile name: the Argument pane draws the group's name.
                if n >= 3
                    && (i == 1 || i == 2)
                    && let Some(links) = item["links"].as_array_mut()
                {
                    links.push(serde_json::json!({
                        "rel": "supports", "to": "i0", "group": cmp_title,
                    }));
                }
                match KINDS[kind] {
                    "claim" => {
                        item["role"] = serde_json::json!(if i % 4 == 0 { "thesis" } else { "premise" })
                    }
                    "actor" => {
                        item["group"] = serde_json::json!(field);
                        item["role"] = serde_json::json!(note);
                    }
                    "event" => {
                        item["when"] = serde_json::json!({"label": field, "date": format!("20{:02}-0{}", i % 30, 1 + i % 9)})
                    }
                    "provision" => item["instrument"] = serde_json::json!(field),
                    _ => {}
                }
                out.push(item);
            }
            serde_json::json!({
                "format": "argscope/1",
                "document": {"title": doc_title, "source": label, "text": text},
                "relations": [
                    {"id": "r-hostile", "label": label, "inverse": inverse},
                    {"id": "supports", "label": inverse, "inverse": label},
                    {"id": "opposes", "label": cmp_title, "inverse": side},
                ],
                "items": out,
                "comparisons": [{
                    "id": "c", "title": cmp_title,
                    "left": {"label": side, "items": ["i0"]},
                    "right": {"label": label, "items": [format!("i{}", n - 1)]},
                    "pairs": [["i0", format!("i{}", n - 1)]],
                }],
            })
            .to_string()
        })
}

fn load(json: &str) -> Model {
    model::load(json.as_bytes())
        .unwrap_or_else(|p| panic!("generated document is invalid: {p:#?}\n{json}"))
}

fn assert_state(app: &App) {
    for list in app.lists.iter() {
        if list.rows.iter().any(|r| r.item().is_some()) {
            assert!(list.selected < list.rows.len(), "selection in range");
            assert!(list.selected_item().is_some(), "selection on an item row");
        }
    }
    assert!(app.history.is_consistent(), "history consistent");
    let (places, _) = app.history.trail();
    assert!(
        places
            .iter()
            .all(|p| p.item.is_none_or(|i| i < app.model.doc.items.len()))
    );
    if let Some(p) = app.text.current {
        assert!(p < app.text.passages.len());
    }
}

/// What every frame must be: no control character in any cell; each row exactly as wide as the
/// terminal; and a wide character never hides a cell that has something in it (the terminal never
/// receives that cell, so a border there would vanish).
fn assert_screen(buf: &Buffer) -> Result<(), String> {
    let area = buf.area;
    for y in 0..area.height {
        let row = || {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        };
        let mut x = 0;
        let mut total = 0;
        while x < area.width {
            let sym = buf[(x, y)].symbol();
            if let Some(c) = sym.chars().find(|c| c.is_control()) {
                return Err(format!(
                    "control character U+{:04X} in cell ({x},{y}): {:?}",
                    c as u32,
                    row()
                ));
            }
            let width = sym.cell_width();
            if width == 0 {
                return Err(format!("zero-width cell ({x},{y}) {sym:?}: {:?}", row()));
            }
            for hidden in x + 1..(x + width).min(area.width) {
                let under = buf[(hidden, y)].symbol();
                if under != " " && !under.is_empty() {
                    return Err(format!(
                        "{sym:?} at ({x},{y}) hides {under:?} at column {hidden}: {:?}",
                        row()
                    ));
                }
            }
            total += width;
            x += width;
        }
        if total != area.width {
            return Err(format!(
                "row {y} is {total} columns wide, not {}: {:?}",
                area.width,
                row()
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn hostile_documents_keys_and_sizes_never_reach_the_terminal(
        json in document(),
        keys in common::key_string(30),
        w in 1u16..=300,
        h in 1u16..=100,
    ) {
        let model = load(&json);
        let mut app = App::new(model, Options::default());
        app.update(Action::Resize(w, h));
        prop_assert_eq!(assert_screen(&argscope::render::draw_buffer(&app)), Ok(()));
        for (n, key) in keys::parse(&keys).unwrap().into_iter().enumerate() {
            app.handle_key(key);
            app.effects.clear();
            if app.quit {
                break;
            }
            assert_state(&app);
            // A resize now and then, shrinking to 1x1 and growing back included.
            if n % 7 == 6 {
                app.update(Action::Resize(1 + (w * 7 + n as u16) % 300, 1 + (h * 3 + n as u16) % 100));
                assert_state(&app);
            }
            let buf = argscope::render::draw_buffer(&app);
            prop_assert_eq!(assert_screen(&buf), Ok(()), "after key {} of {:?}", n, keys);
        }
    }

    #[test]
    fn hostile_documents_in_ascii_mode_keep_every_row_whole(
        json in document(),
        keys in common::key_string(30),
        w in 1u16..=300,
        h in 1u16..=100,
    ) {
        let options = Options { ascii: true, ..Options::default() };
        let mut app = App::new(load(&json), options);
        app.update(Action::Resize(w, h));
        for key in keys::parse(&keys).unwrap() {
            app.handle_key(key);
            app.effects.clear();
        }
        assert_state(&app);
        prop_assert_eq!(assert_screen(&argscope::render::draw_buffer(&app)), Ok(()));
    }
}

/// About 5 MB of text that a terminal would act on if it were printed raw.
fn five_megabytes() -> String {
    let word = "hostile\u{1b}[2J北京 ";
    word.repeat(5_000_000 / word.len())
}

/// A document whose strings are 5 MB: the title and summary as loaded, and (put in place after
/// loading, since loading and anchoring 5 MB is the loader's cost, not the screen's) the text and
/// its quoted passage, the when labels, tags (two huge, ten thousand short), a note, an actor's group and role, and the labels of
/// a relation.
fn huge_model() -> Model {
    let huge = five_megabytes();
    let json = serde_json::json!({
        "format": "argscope/1",
        "document": {"title": "Huge", "text": "[p0] short\n\n[p1] short"},
        "relations": [{"id": "supports", "label": "supports", "inverse": "supported by"}],
        "items": [
            {"id": "a", "kind": "event", "title": huge, "summary": huge, "quotes": ["[p0] short"],
             "when": {"label": "then", "date": "2020-01"}, "tags": ["t"],
             "links": [{"rel": "supports", "to": "b", "note": "n"}]},
            {"id": "b", "kind": "claim", "role": "thesis", "title": "b", "quotes": ["[p1] short"]},
            {"id": "c", "kind": "actor", "title": "c", "group": "g", "role": "r",
             "quotes": ["[p1] short"], "links": [{"rel": "supports", "to": "b"}]},
            {"id": "d", "kind": "event", "title": "d", "when": {"label": "soon"},
             "quotes": ["[p1] short"], "links": [{"rel": "supports", "to": "b"}]},
        ],
    });
    let mut model = load(&json.to_string());
    let text = format!("[p0] {huge}\n\n[p1] short");
    let second = text.rfind("[p1]").unwrap();
    let p1 = second..text.len();
    model.spans = vec![
        vec![0..second - 2],
        vec![p1.clone()],
        vec![p1.clone()],
        vec![p1],
    ]
    .into_iter()
    .collect();
    model.doc.document.text = text;
    let a = &mut model.doc.items[0];
    a.quotes[0].exact = format!("[p0] {huge}");
    a.tags = [huge.clone(), huge.clone()]
        .into_iter()
        .chain(std::iter::repeat_n("tag".to_owned(), 10_000))
        .map(Into::into)
        .collect();
    a.links[0].note = Some(huge.clone());
    if let argscope::model::KindFields::Event { when: Some(w) } = &mut a.fields {
        w.label = huge.clone();
    }
    if let argscope::model::KindFields::Actor { role, group } = &mut model.doc.items[2].fields {
        *role = Some(huge.clone());
        *group = Some(huge.clone());
    }
    // An undated event: the Timeline shows the start of its phrase in the date column.
    if let argscope::model::KindFields::Event { when: Some(w) } = &mut model.doc.items[3].fields {
        w.label = huge.clone();
    }
    model.doc.relations[0].label = huge.clone();
    model.doc.relations[0].inverse = huge;
    model
}

/// Counts the bytes each thread allocates, so a test can bound the work a frame does without
/// timing it: a frame that copied a 5 MB string would allocate 5 MB.
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    }

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCATED.with(|a| a.set(a.get() + layout.size()));
            // SAFETY: the caller's layout is passed on unchanged.
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: `ptr` came from `alloc` above, with this layout.
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            ALLOCATED.with(|a| a.set(a.get() + new_size));
            // SAFETY: as `GlobalAlloc::realloc` requires, passed on unchanged.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    /// Bytes this thread has allocated so far.
    pub fn allocated() -> usize {
        ALLOCATED.with(Cell::get)
    }
}

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

/// A frame of a document whose strings are 5 MB allocates less than half of one of them: no
/// frame copies, sanitizes or measures a whole string.
#[test]
fn five_megabyte_strings_render_allocating_less_than_half_of_one() {
    const BOUND: usize = 2_500_000;
    let mut app = App::new(huge_model(), Options::default());
    let mut most = 0;
    // Each key draws a frame: the list, the detail (and in its links), the Text pane and its
    // passage, the actors' groups, a search, the palette and the help; large, small and 1x1.
    for (size, keys) in [
        ((300, 100), "j<Enter>k"),
        ((300, 100), "<Esc>6}<Enter>"),
        ((300, 100), "<Esc>2jk"),
        // One typed key each: every key of a query searches the 10 MB again.
        ((300, 100), "<Esc>1/h<Enter>"),
        ((300, 100), ":h<Esc>?"),
        ((1, 1), "<Esc>1"),
    ] {
        app.update(Action::Resize(size.0, size.1));
        let Ok(mut terminal) = Terminal::new(TestBackend::new(size.0, size.1));
        for key in keys::parse(keys).unwrap() {
            app.handle_key(key);
            // The buffers are allocated once, by the first frame; each frame after it is
            // measured.
            let _ = terminal.draw(|f| argscope::ui::draw(&app, f));
            let before = counting::allocated();
            let _ = terminal.draw(|f| argscope::ui::draw(&app, f));
            let spent = counting::allocated() - before;
            most = most.max(spent);
            assert!(
                spent < BOUND,
                "a frame allocated {spent} bytes in {keys:?} at {size:?}"
            );
            // The screen as a fresh terminal receives it.
            let buf = argscope::render::draw_buffer(&app);
            assert_eq!(assert_screen(&buf), Ok(()), "in {keys:?} at {size:?}");
        }
    }
    // The bound is not so loose that it says nothing.
    assert!(most > 100_000, "{most}");
    eprintln!("the most a frame allocated: {most} bytes");
}

#[test]
fn a_cut_summary_ends_in_a_visible_ellipsis() {
    use argscope::panes::detail::{self, Part};
    let model = huge_model();
    // The detail's blocks as drawn: the summary and the quote are cut, each ending in an ellipsis
    // on its last row, and their text is sanitized.
    let links = detail::links(&model, 0);
    let blocks = detail::blocks(&model, 0, &links);
    let rows = detail::rows(&blocks, 60, &argscope::ui::glyphs::UNICODE);
    for part in [Part::Summary, Part::Quote] {
        let last = rows
            .iter()
            .rfind(|r| blocks[r.block].part == part)
            .expect("the block is shown");
        let text = &blocks[last.block].text[last.text.clone()];
        assert!(text.ends_with('…'), "{part:?} ends with {text:?}");
        assert!(blocks[last.block].text.contains("␛[2J"));
    }
}

#[test]
fn a_wide_character_that_does_not_fit_the_last_column_leaves_a_space() {
    // What ratatui does with a paragraph, which every view draws with: the last column of an odd
    // width stays blank rather than holding half a character.
    use ratatui::widgets::{Paragraph, Widget};
    for width in [1u16, 3, 5, 7, 9] {
        let area = ratatui::layout::Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        Paragraph::new("北京北京北京").render(area, &mut buf);
        assert_eq!(buf[(width - 1, 0)].symbol(), " ", "width {width}");
        assert_eq!(assert_screen(&buf), Ok(()), "width {width}");
    }
    // And the explorer, with wide titles everywhere, at odd widths.
    for width in (21..=81).step_by(4) {
        let mut app = App::new(load(&huge_cjk_document()), Options::default());
        app.update(Action::Resize(width, 20));
        for keys in ["", "<Enter>", "5", "6}", "?", ":北"] {
            for key in keys::parse(keys).unwrap() {
                app.handle_key(key);
            }
            let buf = argscope::render::draw_buffer(&app);
            assert_eq!(assert_screen(&buf), Ok(()), "{keys:?} at width {width}");
            app.handle_key(keys::parse("<Esc>").unwrap()[0]);
        }
    }
}

/// Every string wide: CJK titles, summaries and quotes with a one-column character here and there
/// so that wide characters land on every column.
fn huge_cjk_document() -> String {
    let items: Vec<serde_json::Value> = (0..6)
        .map(|i| {
            let title = format!("{}{}", "a".repeat(i), "北京".repeat(20));
            serde_json::json!({
                "id": format!("i{i}"),
                "kind": KINDS[i % 5],
                "title": title,
                "summary": format!("{title} {title}"),
                "quotes": [format!("[p{i}] {title}")],
                "links": [{"rel": "supports", "to": format!("i{}", (i + 1) % 6)}],
                "role": if i % 5 == 4 { Some("thesis") } else { None },
                "group": if i % 5 == 1 { Some(format!("群{title}")) } else { None },
            })
        })
        .map(|mut v| {
            v.as_object_mut().unwrap().retain(|_, x| !x.is_null());
            v
        })
        .collect();
    let text: Vec<String> = (0..6)
        .map(|i| format!("[p{i}] {}{}", "a".repeat(i), "北京".repeat(20)))
        .collect();
    serde_json::json!({
        "format": "argscope/1",
        "document": {"title": "宽", "text": text.join("\n\n")},
        "items": items,
    })
    .to_string()
}

// ---------------------------------------------------------------------------------------------
// The command line: what it prints of a hostile document is as safe as the screen.

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs argscope and returns its exit code, stdout and stderr.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_argscope"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).expect("argscope prints UTF-8");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

/// No character a terminal would act on: no C0 but newline, no DEL or C1, no bidi override.
fn assert_printable(out: &str, what: &str) {
    for (n, line) in out.lines().enumerate() {
        if let Some(c) = line.chars().find(|&c| {
            c < ' '
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        }) {
            panic!("{what}: U+{:04X} on line {}: {line:?}", c as u32, n + 1);
        }
    }
}

#[test]
fn render_of_a_hostile_document_prints_only_printable_text() {
    let doc = fixture("hostile.json");
    for size in ["80x24", "120x40", "200x60", "37x11", "1x1"] {
        // Each item with escape sequences in turn, in the list, the detail and its links, the
        // Text pane, the passage, a search and the palette.
        for keys in [
            "",
            "<Enter>",
            "2<Enter>",
            "3j<Enter>",
            "4",
            "5<Enter>",
            "1t",
            "6}}}",
            "6}}}}}<Enter>",
            "/pwned<Enter>",
            ":osc",
            "?",
        ] {
            let (code, out, err) = run(&["render", &doc, "--size", size, "--keys", keys]);
            assert_eq!(code, Some(0), "render {size} {keys:?}: {err}");
            assert_printable(&out, &format!("render {size} {keys:?}"));
            assert_printable(&err, &format!("render {size} {keys:?} (stderr)"));
        }
    }
    let (_, out, _) = run(&["render", &doc, "--size", "200x60", "--keys", "<Enter>"]);
    assert!(out.contains("␛]0;pwned-title␇"), "{out}");
}

#[test]
fn check_of_a_hostile_document_prints_only_printable_text() {
    for doc in ["hostile.json", "hostile-errors.json"] {
        let doc = fixture(doc);
        for format in ["text", "json"] {
            let (code, out, err) = run(&["check", "--format", format, &doc]);
            assert!(code == Some(0) || code == Some(1), "{err}");
            assert_printable(&out, &format!("check --format {format} {doc}"));
            assert_printable(&err, &format!("check --format {format} {doc} (stderr)"));
        }
        // Opening it reports its errors (for the second one) the same way.
        let (_, out, err) = run(&["render", &doc]);
        assert_printable(&out, "render");
        assert_printable(&err, "render (stderr)");
    }
    let (code, out, _) = run(&["check", &fixture("hostile-errors.json")]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("unknown id \"nobody␛]52;c;cHduZWQ=␇\""),
        "the message quotes the id with its escape made visible:\n{out}"
    );
}

#[test]
fn check_json_keeps_the_strings_exact_while_escaping_them() {
    let (_, out, _) = run(&["check", "--format", "json", &fixture("hostile-errors.json")]);
    let reports: serde_json::Value = serde_json::from_str(&out).unwrap();
    let messages: Vec<&str> = reports[0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["message"].as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("\u{9b}2J")),
        "a reader of the JSON gets the C1 control back: {messages:?}"
    );
}

#[test]
fn new_of_a_hostile_article_is_refused_with_a_printable_reason() {
    // An article is plain text: one holding terminal controls is refused (issue 19), and the
    // message that says so names the character without sending it.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    let text = "The title \x1b]0;pwned\x07 and the clipboard \x1b]52;c;aGk=\x07 and C1 \u{9b}2J \
                and bidi \u{202e}evil\u{202c} and DEL \x7f sit in an article of several words.\n\n\
                A second paragraph gives the skeleton more to quote from, word after word.";
    std::fs::write(&article, text).unwrap();
    let (code, out, err) = run(&["new", "--text", article.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(out, "");
    assert_printable(&err, "new --text");
    assert!(
        err.contains("control character (U+001B) at byte 10"),
        "{err}"
    );
}

#[test]
fn export_json_of_a_hostile_document_is_printable_and_the_same_document() {
    let doc = fixture("hostile.json");
    let (code, out, err) = run(&["export", "--format", "json", &doc]);
    assert_eq!(code, Some(0), "{err}");
    assert_printable(&out, "export --format json");
    let exported: serde_json::Value = serde_json::from_str(&out).unwrap();
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&doc).unwrap()).unwrap();
    assert_eq!(exported["items"][4]["title"], original["items"][4]["title"]);
    assert_eq!(exported["document"]["text"], original["document"]["text"]);
}

#[test]
fn render_keeps_the_words_after_a_joined_emoji() {
    // The family is one grapheme, two cells wide: the text after it must not be skipped.
    let (_, out, _) = run(&[
        "render",
        &fixture("hostile.json"),
        "--size",
        "160x30",
        "--keys",
        "5",
    ]);
    assert!(out.contains("👨\u{200d}👩\u{200d}👧 tab end"), "{out}");
    // And every row that ends in a border is the full 160 columns.
    for line in out.lines().filter(|l| l.ends_with(['┃', '│'])) {
        assert_eq!(unicode_width::UnicodeWidthStr::width(line), 160, "{line}");
    }
}

#[test]
fn an_emoji_with_its_variation_selector_then_an_invisible_mark_hides_no_cell() {
    // A prepared comparison's title that starts with ☺ + VS16 (two columns) and a BOM.
    let mut doc: serde_json::Value =
        serde_json::from_slice(include_bytes!("fixtures/valid-small.json")).unwrap();
    for title in [
        "\u{263a}\u{fe0f}\u{feff}abc title",
        "\u{263a}\u{fe0f}\u{ad}x",
    ] {
        doc["comparisons"][0]["title"] = title.into();
        let json = serde_json::to_string(&doc).unwrap();
        for keys in ["C", "C<Down><Enter>", "C<Enter>"] {
            for w in 1..=90u16 {
                for h in [3u16, 8, 24] {
                    let mut app = App::new(load(&json), Options::default());
                    app.update(Action::Resize(w, h));
                    for key in keys::parse(keys).unwrap() {
                        app.handle_key(key);
                    }
                    let buf = argscope::render::draw_buffer(&app);
                    assert_eq!(assert_screen(&buf), Ok(()), "{keys} at {w}x{h}");
                }
            }
        }
    }
}
