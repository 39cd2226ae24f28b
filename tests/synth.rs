//! The synthetic document generator of `examples/synth.rs`, which the scale benchmark relies on:
//! what it writes must be a valid document with nothing to warn about, and the same for a seed.

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

use argscope::model::{self, Kind};
use assert_cmd::Command;

#[test]
fn a_synthetic_document_loads_without_errors_or_warnings() {
    for items in [1, 2, 7, 200] {
        let json = synth::generate(items, 7);
        let model = match model::load(json.as_bytes()) {
            Ok(m) => m,
            Err(problems) => panic!("{items} items: {problems:#?}"),
        };
        assert_eq!(model.doc.items.len(), items);
        assert!(
            model.warnings.is_empty(),
            "{items} items: {:#?}",
            model.warnings
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_document_and_another_seed_another() {
    assert_eq!(synth::generate(50, 3), synth::generate(50, 3));
    assert_ne!(synth::generate(50, 3), synth::generate(50, 4));
}

#[test]
fn items_spread_over_every_kind_with_links_and_a_text_to_scale() {
    let json = synth::generate(200, 1);
    let model = model::load(json.as_bytes()).expect("valid");
    for kind in Kind::ALL {
        let n = model.doc.items.iter().filter(|i| i.kind == kind).count();
        assert!(n >= 10, "{kind}: only {n} of 200 items");
    }
    let links: usize = model.doc.items.iter().map(|i| i.links.len()).sum();
    assert!((400..=800).contains(&links), "{links} links for 200 items");
    let text = model.doc.document.text.len();
    let want = 200 * synth::TEXT_BYTES_PER_ITEM;
    assert!(
        text >= want && text < want + want / 5,
        "{text} bytes of text"
    );
    for needle in ["López", "’", "—", "\u{a0}", "北京"] {
        assert!(model.doc.document.text.contains(needle), "{needle:?}");
    }
}

#[test]
fn check_strict_accepts_a_synthetic_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("synth.json");
    std::fs::write(&path, synth::generate(200, 11)).expect("written");
    Command::new(env!("CARGO_BIN_EXE_argscope"))
        .args(["check", "--strict"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "ok, 200 items (0 errors, 0 warnings)",
        ));
}
