//! Live reload as `App` sees it: a new version of the map replaces the old, and the reader keeps
//! their place by id; a version with problems replaces nothing.

use argscope::app::{Action, App, Options, Pane, keys};
use argscope::model::{self, Model};
use std::path::Path;

fn fixture() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-small.json"),
    )
    .unwrap()
}

fn load(text: &str) -> Model {
    model::load(text.as_bytes()).unwrap()
}

fn press(app: &mut App, notation: &str) {
    for key in keys::parse(notation).unwrap() {
        app.handle_key(key);
    }
}

fn selected_id(app: &App) -> String {
    app.model.item(app.selected_item().unwrap()).id.to_string()
}

fn app() -> App {
    let mut app = App::new(load(&fixture()), Options::default());
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn the_selection_follows_its_id_when_items_move() {
    let mut a = app();
    press(&mut a, "j");
    let id = selected_id(&a);
    // The same map with every item in reverse order: positions change, ids do not.
    let mut doc: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
    doc["items"].as_array_mut().unwrap().reverse();
    a.reload(load(&doc.to_string()));
    assert_eq!(selected_id(&a), id);
    assert_eq!(a.focus, Pane::Timeline);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with("reloaded the file")
    );
}

#[test]
fn a_removed_item_gives_way_to_its_neighbour_and_the_status_says_so() {
    let mut a = app();
    press(&mut a, "j");
    let id = selected_id(&a);
    let mut doc: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
    let items = doc["items"].as_array_mut().unwrap();
    items.retain(|i| i["id"] != id.as_str());
    // Links and comparisons that named it would make the map invalid: drop them too.
    for item in items.iter_mut() {
        if let Some(links) = item["links"].as_array_mut() {
            links.retain(|l| l["to"] != id.as_str());
        }
    }
    doc["comparisons"] = serde_json::json!([]);
    let model = model::load(doc.to_string().as_bytes());
    let model = match model {
        Ok(m) => m,
        Err(p) => panic!("{p:#?}"),
    };
    a.reload(model);
    assert_ne!(selected_id(&a), id);
    let message = a.message.clone().unwrap();
    assert!(message.contains(&format!("\"{id}\" is gone")), "{message}");
}

#[test]
fn history_keeps_the_places_whose_items_remain() {
    let mut a = app();
    press(&mut a, "2<Enter><Enter>");
    let followed = selected_id(&a);
    let (before, _) = a.history.trail();
    let before = before.len();
    assert!(before >= 2);
    a.reload(load(&fixture()));
    assert_eq!(a.history.trail().0.len(), before);
    assert_eq!(selected_id(&a), followed);
    press(&mut a, "<BS>");
    assert_eq!(a.focus, Pane::Actors, "back still goes back");
}

#[test]
fn a_broken_version_replaces_nothing_and_p_lists_its_problems() {
    let mut a = app();
    let items = a.model.doc.items.len();
    let problems = match model::load_placed(b"{\"format\": 1}".to_vec(), || None) {
        Err(p) => p,
        Ok(_) => panic!("broken"),
    };
    a.reload_failed(problems);
    assert_eq!(a.model.doc.items.len(), items, "the last good map stays");
    press(&mut a, "P");
    assert_eq!(a.shown(), Some(argscope::views::ViewKind::Problems));
    press(&mut a, "<Esc>");
    assert_eq!(a.shown(), None);
    // Fixed: the banner goes with the problems.
    a.reload(load(&fixture()));
    assert!(a.problems.is_none());
    press(&mut a, "P");
    assert!(a.message.as_deref().unwrap().contains("no problems"));
}

#[test]
fn e_without_a_file_says_how_to_get_one() {
    let mut a = app();
    press(&mut a, "e");
    assert!(a.effects.is_empty());
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("argscope export --format json -o map.json")
    );
    a.file = Some("/tmp/map.json".into());
    press(&mut a, "e");
    assert_eq!(a.effects.len(), 1);
}

#[test]
fn every_word_of_a_long_problem_list_is_reachable_in_a_small_overlay() {
    let mut a = App::new(load(&fixture()), Options::default());
    a.file = Some("/a/rather/long/path/to/the/map.json".into());
    a.update(Action::Resize(60, 16));
    // Twenty dangling links, each problem several rows long at 60 columns.
    let mut doc: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
    let links: Vec<_> = (0..20)
        .map(|n| serde_json::json!({"rel": "mentions", "to": format!("missing-{n}")}))
        .collect();
    doc["items"][0]["links"] = serde_json::Value::Array(links);
    let problems = match model::load_placed(doc.to_string().into_bytes(), || None) {
        Err(p) => p,
        Ok(_) => panic!("dangling links"),
    };
    a.reload_failed(problems);
    press(&mut a, "PG");
    let screen = argscope::render::screen_text(&a).join("\n");
    assert!(
        screen.contains("missing-19"),
        "the last problem is reachable:\n{screen}"
    );
}
