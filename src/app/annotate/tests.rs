//! `App::change`, undo and redo, and the save and conflict choices, driven on the built-in map.

use super::*;
use crate::app::Options;
use crate::model::{Kind, KindFields, Link, Quote};

fn app() -> App {
    let mut app = App::new(model::builtin(), Options::default());
    app.update(crate::app::Action::Resize(120, 40));
    app.edits.target = Target::AskForFile;
    app
}

fn claim(id: &str, quote: &str, to: &str) -> Item {
    Item {
        id: id.into(),
        kind: Kind::Claim,
        title: format!("Claim {id}"),
        summary: None,
        quotes: vec![Quote {
            exact: quote.into(),
            prefix: None,
            suffix: None,
        }],
        links: vec![Link {
            rel: "supports".into(),
            to: to.into(),
            group: None,
            note: None,
        }],
        tags: Vec::new(),
        fields: KindFields::Claim {
            role: crate::model::ClaimRole::Premise,
            unstated: false,
        },
    }
}

/// The bytes are the same; else where they first differ.
fn same(a: &[u8], b: &[u8]) {
    if a != b {
        let at = a
            .iter()
            .zip(b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        let show = |s: &[u8]| {
            String::from_utf8_lossy(&s[at.saturating_sub(80)..(at + 80).min(s.len())]).into_owned()
        };
        panic!(
            "differ at {at} (lengths {} {}):\n{}\n---\n{}",
            a.len(),
            b.len(),
            show(a),
            show(b)
        );
    }
}

fn thesis(app: &App) -> String {
    let t = (0..app.model.doc.items.len())
        .find(|&i| app.model.is_thesis(i))
        .expect("the built-in map has a thesis");
    app.model.item(t).id.to_string()
}

#[test]
fn an_added_item_is_in_the_map_and_undo_gives_the_bytes_back() {
    let mut app = app();
    let t = thesis(&app);
    let n = app.model.doc.items.len();
    app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
        .unwrap();
    let original = app.edits.undo[0].splices.clone();
    assert!(!original.is_empty());
    assert_eq!(app.model.doc.items.len(), n + 1);
    let new = app.model.index.get("new-claim").unwrap();
    let thesis = app.model.index.get(&t).unwrap();
    assert!(
        app.model.index.incoming[thesis]
            .iter()
            .any(|l| l.other == new)
    );
    assert!(app.message.as_deref().unwrap().contains("added claim"));
    app.undo();
    assert_eq!(app.model.doc.items.len(), n);
    same(app.edits.bytes().unwrap(), model::BUILTIN.as_bytes());
    app.redo();
    assert!(app.model.index.get("new-claim").is_some());
}

#[test]
fn a_change_that_breaks_a_rule_is_refused_whole() {
    let mut app = app();
    let t = thesis(&app);
    let err = app
        .change(Change::AddItem(claim(
            "x",
            "no such words in the text at all",
            &t,
        )))
        .unwrap_err();
    assert!(err.contains("quote"), "{err}");
    let err = app
        .change(Change::AddItem(claim(&t, "cartels", &t)))
        .unwrap_err();
    assert!(err.contains("duplicate") || err.contains("twice"), "{err}");
    let err = app
        .change(Change::AddItem(claim("y", "cartels", "nobody")))
        .unwrap_err();
    assert!(err.contains("nobody"), "{err}");
    assert!(!app.edits.can_undo());
    same(app.edits.bytes().unwrap(), model::BUILTIN.as_bytes());
}

#[test]
fn renaming_rewrites_every_link_and_comparison_and_deleting_removes_them() {
    let mut app = app();
    // The item named by the most links and a comparison.
    let named: Vec<&str> = app
        .model
        .doc
        .comparisons
        .iter()
        .flat_map(|c| c.left.items.iter().map(String::as_str))
        .collect();
    let i = (0..app.model.doc.items.len())
        .filter(|&i| named.contains(&app.model.item(i).id.as_str()))
        .max_by_key(|&i| app.model.index.incoming[i].len())
        .unwrap();
    let old = app.model.item(i).id.to_string();
    let links_in = app.model.index.incoming[i].len();
    assert!(links_in > 0);
    let mut item = app.model.item(i).clone();
    item.id = "renamed-item".into();
    app.change(Change::EditItem { index: i, item }).unwrap();
    let bytes = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
    assert!(!bytes.contains(&format!("\"{old}\"")), "{old} still named");
    let j = app.model.index.get("renamed-item").unwrap();
    assert_eq!(app.model.index.incoming[j].len(), links_in);
    app.change(Change::RemoveItem(j)).unwrap();
    let bytes = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
    assert!(!bytes.contains("\"renamed-item\""));
    app.undo();
    app.undo();
    same(app.edits.bytes().unwrap(), model::BUILTIN.as_bytes());
    assert_eq!(app.model.index.incoming[i].len(), links_in);
}

#[test]
fn someone_elses_version_clears_the_history_and_says_so_and_a_refused_save_offers_r_and_w() {
    let mut app = app();
    let t = thesis(&app);
    app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
        .unwrap();
    assert!(app.edits.can_undo());
    // A refused save: the reader is told, and offered the two ways out.
    let path = std::path::PathBuf::from("/tmp/map.json");
    app.saved(crate::saver::Saved::Conflict { path: path.clone() }, false);
    let m = app.message.clone().unwrap();
    assert!(
        m.contains("changed on disk") && m.contains("R reloads") && m.contains("W saves"),
        "{m}"
    );
    app.update(crate::app::Action::ReloadKeepingCopy);
    assert_eq!(
        app.effects.pop(),
        Some(crate::app::Effect::ReloadKeepingCopy)
    );
    // Their version arrives: the history is let go, and the status line says why.
    app.reloaded_from_disk(model::builtin(), None);
    assert!(!app.edits.can_undo() && !app.edits.can_redo() && !app.edits.conflict);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("undo and redo start again")
    );
    app.update(crate::app::Action::ReloadKeepingCopy);
    assert!(app.effects.is_empty(), "nothing was refused");
}

#[test]
fn the_built_in_map_asks_for_a_file_at_its_first_change_and_render_says_not_saved() {
    let mut app = app();
    let t = thesis(&app);
    // Through the form, as a reader makes it: saving closes the form and selects the new
    // claim, and then the prompt opens (it used to open first and be closed by the jump).
    for key in crate::app::keys::parse("6/cartels<Enter>vaNew claim<C-s>").unwrap() {
        app.handle_key(key);
    }
    assert_eq!(app.edits.undo.len(), 1, "{:?}", app.message);
    assert!(
        matches!(&app.mode, crate::app::Mode::Prompt(p) if p.kind == crate::app::search::PromptKind::SaveAs),
        "{:?}",
        app.mode
    );
    assert!(
        app.take_save().is_none(),
        "nothing is written without a file"
    );
    // Quitting would lose the change: q says so, and only a second q in a row quits.
    let press = |app: &mut App, notation: &str| {
        for key in crate::app::keys::parse(notation).unwrap() {
            app.handle_key(key);
        }
    };
    press(&mut app, "<Esc>q");
    assert!(!app.quit);
    assert!(app.message.as_deref().unwrap().contains("W saves them"));
    press(&mut app, "jq");
    assert!(!app.quit, "another key in between: asked again");
    press(&mut app, "q");
    assert!(app.quit);
    // render's App: in memory only.
    let mut app = App::new(model::builtin(), Options::default());
    app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
        .unwrap();
    assert!(app.message.as_deref().unwrap().ends_with("not saved"));
    assert!(app.take_save().is_none());
    assert_eq!(app.mode, crate::app::Mode::Browse);
}

#[test]
fn an_added_item_keeps_the_readers_place_and_filter_and_shows_if_it_matches() {
    let mut app = app();
    let t = thesis(&app);
    app.update(crate::app::Action::Focus(crate::app::Pane::Argument));
    app.update(crate::app::Action::StartFilter);
    for c in "cartels".chars() {
        app.update(crate::app::Action::PromptInsert(c));
    }
    app.update(crate::app::Action::PromptAccept);
    let before = app.lists.argument.selected_item();
    assert!(before.is_some(), "some claims quote \"cartels\"");
    app.change(Change::AddItem(claim("new-claim", "cartels", &t)))
        .unwrap();
    let list = &app.lists.argument;
    assert!(list.filter.is_some(), "the filter stays");
    let new = app.model.index.get("new-claim").unwrap();
    assert!(
        list.rows.iter().any(|r| r.item() == Some(new)),
        "its quote matches the filter"
    );
    assert_eq!(
        list.selected_item(),
        before,
        "the reader stays on their item"
    );
}

#[test]
fn saved_speaks_of_the_version_on_screen_only_once_nothing_more_waits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, b"{}").unwrap();
    let stamp = crate::watch::stamp(&path).unwrap();
    let done = || crate::saver::Saved::Done {
        path: path.clone(),
        stamp,
    };
    let mut app = app();
    app.message = Some("undid: edited claim “X” — saving…".into());
    // The save of the change before the undo lands while the undo's waits: not "saved" yet.
    app.saved(done(), true);
    assert_eq!(
        app.message.as_deref(),
        Some("undid: edited claim “X” — saving…")
    );
    assert_eq!(app.edits.read_as, Some(stamp));
    app.saved(done(), false);
    assert_eq!(
        app.message.as_deref(),
        Some("undid: edited claim “X” — saved")
    );
    // A message given since stays; with none, the status line says "saved".
    app.message = Some("copied the passage".into());
    app.saved(done(), false);
    assert_eq!(app.message.as_deref(), Some("copied the passage"));
    app.message = None;
    app.saved(done(), false);
    assert_eq!(app.message.as_deref(), Some("saved"));
}

#[test]
fn what_the_event_loop_says_reaches_the_message_log_once() {
    let mut app = app();
    let path = std::path::PathBuf::from("/tmp/map.json");
    app.saved(crate::saver::Saved::Conflict { path }, false);
    app.log_message();
    app.log_message();
    let said = app.message.clone().unwrap();
    assert!(said.contains("changed on disk"), "{said}");
    assert_eq!(app.log.back(), Some(&said), "whole, in the log");
    assert_eq!(app.log.iter().filter(|m| **m == said).count(), 1, "once");
}
