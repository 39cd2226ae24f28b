//! `--ascii` draws nothing but ASCII: every pane, view and overlay, with its messages, at 80×24
//! and 160×45. The document is the built-in one with its own characters folded to ASCII (so that
//! any other character on screen is the interface's own).

use argscope::app::{Action, App, Options, keys};
use argscope::model::{self, Model};
use serde_json::Value;

/// The built-in document with every string folded to ASCII, the same way everywhere, so quotes
/// still anchor in the text.
fn ascii_model() -> Model {
    fn fold(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                c if c.is_ascii() => out.push(c),
                '‘' | '’' => out.push('\''),
                '“' | '”' => out.push('"'),
                '—' | '–' => out.push('-'),
                '…' => out.push_str("..."),
                c if c.is_whitespace() => out.push(' '),
                _ => out.push('?'),
            }
        }
        out
    }
    fn walk(v: &mut Value) {
        match v {
            Value::String(s) => *s = fold(s),
            Value::Array(a) => a.iter_mut().for_each(walk),
            Value::Object(o) => o.values_mut().for_each(walk),
            _ => {}
        }
    }
    let mut doc: Value =
        serde_json::from_str(include_str!("../assets/mexico-drug-war.json")).expect("JSON");
    walk(&mut doc);
    model::load(doc.to_string().as_bytes()).expect("the folded document loads")
}

/// Every pane, view and overlay, and the messages that quote and dash.
const KEYS: &[&str] = &[
    "",
    "2",
    "3",
    "4",
    "4<Enter>",
    "4<Enter>j",
    "5",
    "5j",
    "5z",
    "5Z",
    "6",
    "6}",
    "6}<Enter>",
    "6/the",
    "o",
    "/lopez",
    "2/lopez<Enter>n",
    "2flopez",
    "2flopez<Enter>",
    ":cien",
    "?",
    "?/swap",
    "2oM",
    "4<C-f>",
    "4c<Down>c<C-f>",
    "x<C-f>",
    "2ml<C-e>",
    "4c",
    "4c<Down>",
    "4c<Down>c",
    "4c<Down>cl",
    "C",
    "C<Enter>",
    "C<Enter>/po",
    "C<Enter>/po<Enter>n",
    "x",
    "xl",
    "xu",
    "x?",
    "2m",
    "2mh",
    "2ml",
    "4<Enter><Enter>[",
    "4<Enter><Enter><Enter><Enter>",
    "4y",
    "Q",
    "6a",
    "5E",
    "5E<S-Tab>",
    "5Ex<C-s>",
    "5Ex<Esc>",
    "5E<S-Tab><Right>",
    "5E<Tab><Tab><Tab><Tab><Tab><C-u>BAD id",
    "5D",
    "4L",
    "4Lcien<Enter>",
    "4<Enter>E",
    "4<Enter>E<Tab>",
];

#[test]
fn ascii_draws_only_ascii_in_every_view() {
    let model = ascii_model();
    let options = Options {
        ascii: true,
        ..Options::default()
    };
    for (w, h) in [(80, 24), (160, 45)] {
        for notation in KEYS {
            let mut app = App::new(model.clone(), options);
            app.update(Action::Resize(w, h));
            for key in keys::parse(notation).expect("valid keys") {
                app.handle_key(key);
            }
            let screen = argscope::render::screen_text(&app);
            let odd: Vec<char> = screen
                .iter()
                .flat_map(|l| l.chars())
                .filter(|c| !c.is_ascii())
                .collect();
            assert!(
                odd.is_empty(),
                "{notation:?} at {w}x{h} draws {odd:?}:\n{}",
                screen.join("\n")
            );
        }
    }
}

#[test]
fn ascii_draws_the_problems_banner_and_list_in_ascii() {
    let options = Options {
        ascii: true,
        ..Options::default()
    };
    let problems = match model::load_placed(b"{\"format\": 1}".to_vec(), || None) {
        Err(p) => p,
        Ok(_) => panic!("the document is broken"),
    };
    for (w, h) in [(80, 24), (160, 45)] {
        let mut app = App::new(ascii_model(), options);
        app.file = Some("map.json".into());
        app.update(Action::Resize(w, h));
        app.reload_failed(problems.clone());
        for notation in ["", "P"] {
            for key in keys::parse(notation).expect("valid keys") {
                app.handle_key(key);
            }
            let screen = argscope::render::screen_text(&app).join("\n");
            assert!(screen.contains("problem"), "{screen}");
            let odd: Vec<char> = screen.chars().filter(|c| !c.is_ascii()).collect();
            assert!(
                odd.is_empty(),
                "{notation:?} at {w}x{h} draws {odd:?}:\n{screen}"
            );
        }
    }
}

#[test]
fn the_folded_document_is_ascii_and_whole() {
    let m = ascii_model();
    assert!(m.doc.document.text.is_ascii());
    assert_eq!(m.doc.items.len(), model::builtin().doc.items.len());
    assert!(m.doc.items.iter().all(|i| i.title.is_ascii()));
}
