//! Changes made in the explorer, under random sequences of add, edit, link, delete, undo and
//! redo through `App::change`/`undo`/`redo`: after every step the bytes saved load and agree
//! with the map in memory (the document, the link index, the quote spans), and undoing every
//! change gives the original bytes back.

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

use argscope::app::annotate::{Change, Target};
use argscope::app::{App, Options};
use argscope::model::{self, ClaimRole, Item, Kind, KindFields, Link, Quote};
use proptest::prelude::*;
use std::path::Path;

#[derive(Debug, Clone)]
enum Step {
    /// A new item of the kind (by number) quoting words at a place of the text, linked to an
    /// item, or not.
    Add {
        kind: usize,
        at: usize,
        words: usize,
        link: Option<usize>,
    },
    /// A quote that is nowhere in the text: refused, and nothing changes.
    AddMissing(usize),
    /// A new title, and maybe a new id.
    Edit {
        item: usize,
        title: String,
        rename: bool,
    },
    /// A link from one item to another, by any of the document's relations.
    Link {
        from: usize,
        to: usize,
        rel: usize,
    },
    Delete(usize),
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..5, any::<usize>(), 1usize..6, proptest::option::of(any::<usize>()))
            .prop_map(|(kind, at, words, link)| Step::Add { kind, at, words, link }),
        1 => any::<usize>().prop_map(Step::AddMissing),
        2 => (any::<usize>(), "[a-zA-Z é’\"\\\\]{1,12}", any::<bool>())
            .prop_map(|(item, title, rename)| Step::Edit { item, title, rename }),
        2 => (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(from, to, rel)| Step::Link { from, to, rel }),
        1 => any::<usize>().prop_map(Step::Delete),
        2 => Just(Step::Undo),
        2 => Just(Step::Redo),
    ]
}

fn documents() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![
        std::fs::read(root.join("tests/fixtures/compare.json")).unwrap(),
        std::fs::read(root.join("tests/fixtures/linked-argument.json")).unwrap(),
        synth::generate(12, 5).into_bytes(),
        synth::generate(40, 9).into_bytes(),
    ];
    // Minified: a file on one line stays on one line.
    let v: serde_json::Value = serde_json::from_slice(&out[0]).unwrap();
    out.push(serde_json::to_vec(&v).unwrap());
    out
}

/// `words` words of the text from about `at`, as a quote.
fn quote_at(text: &str, at: usize, words: usize) -> String {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphanumeric() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    let start = starts[at % starts.len()];
    let rest = &text[start..];
    let mut end = rest.len();
    let mut seen = 0;
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() {
            seen += 1;
            if seen == words {
                end = i;
                break;
            }
        }
    }
    rest[..end].trim_end().to_owned()
}

fn new_item(app: &App, n: usize, kind: usize, quote: String, link: Option<usize>) -> Item {
    let kind = Kind::ALL[kind % Kind::ALL.len()];
    let fields = match kind {
        Kind::Event => KindFields::Event { when: None },
        Kind::Actor => KindFields::Actor {
            role: Some("role".into()),
            group: None,
        },
        Kind::Provision => KindFields::Provision { instrument: None },
        Kind::Recommendation => KindFields::Recommendation {},
        Kind::Claim => KindFields::Claim {
            role: ClaimRole::Evidence,
            unstated: false,
        },
    };
    let items = app.model.doc.items.len();
    let links = link
        .filter(|_| items > 0)
        .map(|l| Link {
            rel: "mentions".into(),
            to: app.model.item(l % items).id.clone(),
            group: None,
            note: Some("a note".into()),
        })
        .into_iter()
        .collect();
    Item {
        id: format!("added-{n}").into(),
        kind,
        title: format!("Added {n}"),
        summary: None,
        quotes: vec![Quote {
            exact: quote,
            prefix: None,
            suffix: None,
        }],
        links,
        tags: vec!["new".into()],
        fields,
    }
}

/// The saved file loads, and agrees with the map in memory.
fn agrees(app: &App, path: &Path) -> Result<(), TestCaseError> {
    let saved = std::fs::read(path).unwrap();
    prop_assert!(
        Some(saved.as_slice()) == app.edits.bytes(),
        "the file on disk is the session's bytes"
    );
    let loaded = model::load(&saved)
        .map_err(|p| TestCaseError::fail(format!("the saved file does not load: {p:#?}")))?;
    prop_assert_eq!(
        argscope::export::json::export(&loaded),
        argscope::export::json::export(&app.model)
    );
    prop_assert_eq!(&loaded.index.outgoing, &app.model.index.outgoing);
    prop_assert_eq!(&loaded.index.incoming, &app.model.index.incoming);
    prop_assert_eq!(&loaded.spans, &app.model.spans);
    for (i, item) in app.model.doc.items.iter().enumerate() {
        prop_assert_eq!(app.model.index.get(&item.id), Some(i));
    }
    // The screen follows: each list as it would be built afresh, the Text pane's passages too.
    use argscope::panes::lists;
    let fresh = [
        lists::timeline(&app.model, app.chronological),
        lists::actors(&app.model),
        lists::in_order(&app.model, Kind::Provision),
        lists::in_order(&app.model, Kind::Recommendation),
        lists::argument(&app.model, &app.collapsed),
    ];
    for (list, fresh) in app.lists.iter().zip(&fresh) {
        prop_assert_eq!(&list.rows, &fresh.rows);
    }
    prop_assert_eq!(
        &app.text.passages,
        &argscope::panes::text::TextPane::new(&app.model).passages
    );
    // Search finds each item by its title, in memory as on disk.
    if let Some(item) = app.model.doc.items.last() {
        let q = item.title.to_lowercase();
        prop_assert_eq!(
            app.model.search.items(&app.model.doc, &q),
            loaded.search.items(&loaded.doc, &q)
        );
    }
    Ok(())
}

fn save(app: &mut App) {
    if let Some(request) = app.take_save() {
        let read_as = argscope::watch::stamp(&request.path);
        let stamp = argscope::save::save(&request.path, &request.bytes, read_as).unwrap();
        app.edits.read_as = Some(stamp);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_change_saves_a_file_that_loads_and_undoing_all_restores_every_byte(
        which in 0usize..5,
        steps in proptest::collection::vec(step(), 1..14),
    ) {
        let original = documents().swap_remove(which);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, &original).unwrap();
        let mut app = App::new(model::load(&original).unwrap(), Options::default());
        app.update(argscope::app::Action::Resize(100, 30));
        app.file = Some(path.clone());
        app.edits.target = Target::File(path.clone());
        app.edits.read_as = argscope::watch::stamp(&path);
        let text = app.model.doc.document.text.clone();
        for (n, step) in steps.into_iter().enumerate() {
            let items = app.model.doc.items.len();
            match step {
                Step::Add { kind, at, words, link } => {
                    let item = new_item(&app, n, kind, quote_at(&text, at, words), link);
                    app.change(Change::AddItem(item)).map_err(TestCaseError::fail)?;
                }
                Step::AddMissing(kind) => {
                    let before = app.edits.bytes().unwrap_or(&original).to_vec();
                    let item = new_item(&app, n, kind, "zzqx nowhere in the text".into(), None);
                    let err = app.change(Change::AddItem(item)).unwrap_err();
                    prop_assert!(err.contains("quote not found"), "{}", err);
                    prop_assert!(app.edits.bytes().unwrap_or(&original) == before, "a refused change changes nothing");
                }
                Step::Edit { item, title, rename } if items > 0 => {
                    let index = item % items;
                    let mut it = app.model.item(index).clone();
                    it.title = title;
                    if rename {
                        it.id = format!("renamed-{n}").into();
                    }
                    app.change(Change::EditItem { index, item: it }).map_err(TestCaseError::fail)?;
                }
                Step::Link { from, to, rel } if items > 0 => {
                    let index = from % items;
                    let mut it = app.model.item(index).clone();
                    let rels = &app.model.doc.relations;
                    it.links.push(Link {
                        rel: rels[rel % rels.len()].id.as_str().into(),
                        to: app.model.item(to % items).id.clone(),
                        group: None,
                        note: None,
                    });
                    // An argument resting on itself is refused, whole.
                    let before = app.edits.bytes().unwrap_or(&original).to_vec();
                    let undo = app.edits.can_undo();
                    if let Err(e) = app.change(Change::EditItem { index, item: it }) {
                        prop_assert!(e.contains("itself"), "{}", e);
                        prop_assert!(app.edits.bytes().unwrap_or(&original) == before);
                        prop_assert_eq!(app.edits.can_undo(), undo);
                    }
                }
                Step::Delete(i) if items > 0 => {
                    app.change(Change::RemoveItem(i % items)).map_err(TestCaseError::fail)?;
                }
                Step::Undo => app.undo(),
                Step::Redo => app.redo(),
                _ => continue,
            }
            save(&mut app);
            if app.edits.bytes().is_some() {
                agrees(&app, &path)?;
            }
        }
        while app.edits.can_undo() {
            app.undo();
        }
        save(&mut app);
        prop_assert!(std::fs::read(&path).unwrap() == original, "undoing everything gives the original bytes back");
    }
}
