//! An add through `App::change` costs the same work on a map of ten times as many items over the
//! same text: the item is checked alone and indexed in place, not the map loaded again. Work is
//! counted (`argscope::work`: bytes folded, scanned and compared), never timed.
//!
//! What the counters do not see: the lists of the new item's kind and the Text pane's passages
//! are built again (linear in that pane, about 10 ms at 100,000 items; BENCHMARKS.md), and the
//! packed indexes move their tails in memory.

use argscope::app::annotate::{Change, Target};
use argscope::app::{App, Options};
use argscope::model::{self, Link, Quote};
use argscope::work::{self, Work};

/// The built-in map with its items copied `copies` times over (ids suffixed), over its own text.
fn map_of(copies: usize) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_str(model::BUILTIN).unwrap();
    let items = v["items"].as_array().unwrap().clone();
    let out = v["items"].as_array_mut().unwrap();
    for k in 1..copies {
        for item in &items {
            let mut item = item.clone();
            let id = format!("{}-copy-{k}", item["id"].as_str().unwrap());
            item["id"] = serde_json::Value::String(id);
            out.push(item);
        }
    }
    serde_json::to_vec_pretty(&v).unwrap()
}

/// The work of one add with a quote and a link, the file's bytes read already (by a first add,
/// undone).
fn work_of_an_add(copies: usize) -> (usize, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    let bytes = map_of(copies);
    std::fs::write(&path, &bytes).unwrap();
    let mut app = App::new(model::load(&bytes).unwrap(), Options::default());
    app.update(argscope::app::Action::Resize(120, 40));
    app.file = Some(path.clone());
    app.edits.target = Target::File(path.clone());
    app.edits.read_as = argscope::watch::stamp(&path);
    let mut item = app.model.item(0).clone();
    item.quotes = vec![Quote {
        exact: "the breakdown in security cooperation".into(),
        prefix: None,
        suffix: None,
    }];
    item.links = vec![Link {
        rel: "mentions".into(),
        to: app.model.item(1).id.clone(),
        group: None,
        note: None,
    }];
    item.id = "warm-up".into();
    app.change(Change::AddItem(item.clone())).unwrap();
    app.undo();
    item.id = "counted".into();
    work::reset();
    app.change(Change::AddItem(item)).unwrap();
    (app.model.doc.items.len(), work::count(Work::Bytes))
}

#[test]
fn an_add_costs_the_same_work_at_ten_times_the_items() {
    let (small_n, small) = work_of_an_add(5);
    let (large_n, large) = work_of_an_add(50);
    assert!(large_n >= 9 * small_n, "{small_n} and {large_n} items");
    assert!(small > 0, "the add did count its work");
    // The same text scanned and the same item folded: the same work, give or take a few
    // candidate places.
    let ratio = large as f64 / small as f64;
    eprintln!("{small} bytes of work at {small_n} items, {large} at {large_n}");
    assert!(
        ratio < 1.2,
        "{small} bytes of work at {small_n} items, {large} at {large_n}"
    );
}
