//! Property tests over random valid documents, random key sequences and random terminal sizes:
//! nothing panics, the selection stays valid, history stays consistent, export json round-trips,
//! and search finds exactly what a naive reference finds.

use argscope::app::{Action, App, Options, Pane, keys};
use argscope::model::fold::{Fold, fold};
use argscope::model::{self, Kind, Model};
use argscope::views::Layer;
use proptest::prelude::*;

mod common;

/// Strings from a pool that stresses folding and layout: accents, typographic punctuation,
/// non-breaking spaces, CJK, emoji, combining marks, long words.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("López".to_owned()),
        Just("Mérida".to_owned()),
        Just("U.S.’s".to_owned()),
        Just("“fabricating”".to_owned()),
        Just("—".to_owned()),
        Just("北京".to_owned()),
        Just("👍🏽".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("a\u{a0}b".to_owned()),
        Just("cartel".to_owned()),
        Just("Agency".to_owned()),
        "[a-z]{1,8}",
        "[a-zA-Z]{20,40}",
    ]
}

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..6).prop_map(|w| w.join(" "))
}

const KINDS: [&str; 5] = ["event", "actor", "provision", "recommendation", "claim"];
const RELS: [&str; 5] = ["involves", "supports", "opposes", "addresses", "causes"];

/// A random valid document: each item quotes its own tagged passage of the text.
fn document() -> impl Strategy<Value = String> {
    prop::collection::vec((0..5usize, phrase(), phrase(), prop::collection::vec((0..5usize, 0..40usize), 0..4)), 1..30)
        .prop_map(|items| {
            let n = items.len();
            let mut text = String::new();
            let mut out = Vec::new();
            for (i, (kind, title, body, links)) in items.into_iter().enumerate() {
                let passage = format!("[p{i}] {body}");
                text.push_str(&passage);
                text.push_str(if i % 3 == 0 { "\n\n" } else { " " });
                let mut item = serde_json::json!({
                    "id": format!("i{i}"),
                    "kind": KINDS[kind],
                    "title": title,
                    "summary": body,
                    "quotes": [passage],
                    // An item supporting or opposing itself is an error: such a link is `involves`.
                    "links": links.iter().map(|&(r, t)| (if t % n == i { 0 } else { r }, t)).map(|(r, t)| serde_json::json!({"rel": RELS[r], "to": format!("i{}", t % n)})).collect::<Vec<_>>(),
                });
                match KINDS[kind] {
                    "claim" => item["role"] = serde_json::json!(if i % 4 == 0 { "thesis" } else { "premise" }),
                    "actor" => item["group"] = serde_json::json!(if i % 2 == 0 { "A" } else { "B" }),
                    "event" => item["when"] = serde_json::json!({"label": "once", "date": format!("20{:02}-0{}~", i % 30, 1 + i % 9)}),
                    _ => {}
                }
                out.push(item);
            }
            serde_json::json!({
                "format": "argscope/1",
                "document": {"title": "Random", "text": text},
                "items": out,
            })
            .to_string()
        })
}

fn load(json: &str) -> Model {
    if let Err(diff) = model::loaders_agree(json.as_bytes()) {
        panic!("the two loaders disagree on a generated document: {diff}\n{json}");
    }
    model::load(json.as_bytes())
        .unwrap_or_else(|p| panic!("generated document is invalid: {p:#?}\n{json}"))
}

fn assert_invariants(app: &App) {
    assert!(
        app.log.len() <= App::LOG_LIMIT,
        "the message log is bounded"
    );
    if let Some(item) = app.selected_item() {
        assert!(item < app.model.doc.items.len());
    }
    for list in app.lists.iter() {
        if list.rows.iter().any(|r| r.item().is_some()) {
            assert!(list.selected < list.rows.len());
            assert!(list.selected_item().is_some(), "selection on an item row");
        }
    }
    assert!(app.history.is_consistent());
    let (places, _) = app.history.trail();
    assert!(
        places
            .iter()
            .all(|p| p.item.is_none_or(|i| i < app.model.doc.items.len()))
    );
    if let Some(p) = app.text.current {
        assert!(p < app.text.passages.len());
    }
    // The cursor is on a character of the text, the selection a span of it, and where the
    // Text pane is drawn the cursor is on screen.
    let text = &app.model.doc.document.text;
    assert!(app.text.cursor <= text.len() && text.is_char_boundary(app.text.cursor));
    if let Some(r) = app.text_selection() {
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert_eq!(text[r.clone()].trim(), &text[r]);
    }
    if app.focus == Pane::Text
        && app.layers.is_empty()
        && let Some(rect) = app.screen().pane(Pane::Text)
    {
        let height = argscope::app::layout::inner(rect).height as usize;
        let line = app.text.line_of(app.text.cursor);
        if height > 0 && !app.text.lines.is_empty() {
            assert!(
                line >= app.text.top && line < app.text.top + height,
                "the cursor's line {line} is off the screen from {} ({height} lines)",
                app.text.top
            );
        }
    }
    for layer in &app.layers {
        match layer {
            Layer::Compare(c) => {
                assert!(c.row < c.alignment.rows.len() && c.side < 2 && c.scroll.top <= c.row)
            }
            Layer::Prepared(p) => {
                assert!(p.rows.is_empty() || (p.row < p.rows.len() && p.scroll.top <= p.row))
            }
            Layer::Matrix(m) => {
                assert!(m.row < m.matrix.rows() && m.col < m.matrix.cols());
                assert!(m.top <= m.row && m.left <= m.col);
            }
            Layer::Map(m) => assert!(
                m.hood.item_at(m.cursor.spot).is_some(),
                "the map's cursor is on an item"
            ),
            // The row after the items is the text's, when the text matches.
            Layer::Palette(p) => assert!(
                p.selected < p.items.len() + usize::from(p.text_matches > 0) || p.selected == 0
            ),
            // The other views have no cursor to check.
            _ => {}
        }
    }
    // Overlays are on top of the views, never under them.
    let first_overlay = app.layers.iter().position(Layer::is_overlay);
    if let Some(at) = first_overlay {
        assert!(
            app.layers[at..].iter().all(Layer::is_overlay),
            "a view over an overlay"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_sizes_never_break_the_explorer(json in document(), keys in common::key_string(40), w in 1u16..220, h in 1u16..70) {
        let model = load(&json);
        let mut app = App::new(model, Options::default());
        app.update(Action::Resize(w, h));
        for key in keys::parse(&keys).unwrap() {
            app.handle_key(key);
            assert_invariants(&app);
        }
        let screen = argscope::render::screen_text(&app);
        prop_assert_eq!(screen.len(), h as usize);
        for line in &screen {
            prop_assert!(!line.chars().any(char::is_control), "control character on screen: {:?}", line);
        }
    }

    #[test]
    fn export_json_round_trips(json in document()) {
        let model = load(&json);
        let once = argscope::export::json::export(&model);
        let again = argscope::export::json::export(&load(&once));
        prop_assert_eq!(once, again);
    }

    #[test]
    fn search_finds_exactly_what_a_naive_scan_finds(json in document(), query in phrase(), cut in 1usize..6) {
        let model = load(&json);
        // Queries: a piece of a real phrase, lower-cased or as is.
        let q: String = query.chars().take(cut).collect();
        for q in [q.to_lowercase(), q] {
            let found = model.search.items(&model.doc, &q);
            let naive: Vec<usize> = (0..model.doc.items.len()).filter(|&i| naive_match(&model, i, &q)).collect();
            prop_assert_eq!(found, naive, "query {:?}", q);
        }
    }
}

/// The reference: fold each field on its own and look for the folded query in it.
fn naive_match(model: &Model, item: usize, query: &str) -> bool {
    // Smart case: a capital keeps case, a diacritic keeps diacritics, each on its own.
    let capital = query.chars().any(char::is_uppercase);
    let mark = query != fold(query, Fold::Cased);
    let mode = match (capital, mark) {
        (false, false) => Fold::Loose,
        (true, false) => Fold::Cased,
        (false, true) => Fold::Accented,
        (true, true) => Fold::Anchor,
    };
    let q = {
        let mut s = String::new();
        argscope::model::fold::fold_into(query, mode, &mut s, None);
        s
    };
    if q.is_empty() {
        return false;
    }
    let mut hit = false;
    argscope::model::search::for_each_field(model.item(item), |field| {
        // A field folds with a trailing separator, so a query ending in a space can match at its end.
        let f = fold(field, mode) + "\n";
        hit |= f.contains(q.as_str());
    });
    hit
}

#[test]
fn generated_documents_have_every_kind_and_relation_sometimes() {
    // A guard on the generator itself: over a few dozen documents, every kind and every
    // relation it can produce is produced, so the properties above see them all.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = document();
    let (mut kinds, mut rels) = (Vec::new(), Vec::new());
    for _ in 0..40 {
        let json = strategy
            .new_tree(&mut runner)
            .expect("a document")
            .current();
        let model = load(&json);
        for item in &model.doc.items {
            if !kinds.contains(&item.kind) {
                kinds.push(item.kind);
            }
            for link in &item.links {
                if !rels.contains(&link.rel) {
                    rels.push(link.rel.clone());
                }
            }
        }
    }
    for kind in Kind::ALL {
        assert!(kinds.contains(&kind), "no {kind:?} in 40 documents");
    }
    for rel in RELS {
        assert!(
            rels.iter().any(|r| r == rel),
            "no {rel} link in 40 documents"
        );
    }
}

#[test]
fn the_two_loaders_agree_on_every_fixture_and_the_built_in_document() {
    let mut checked = 0;
    for entry in std::fs::read_dir("tests/fixtures").expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path).expect("readable");
            if let Err(diff) = model::loaders_agree(&bytes) {
                panic!("{}: {diff}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked > 3, "{checked} fixtures");
    let builtin = include_bytes!("../assets/mexico-drug-war.json");
    model::loaders_agree(builtin).expect("the built-in document");
}
