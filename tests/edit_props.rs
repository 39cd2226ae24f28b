//! Format-preserving edits of a document file, under random sequences: after every edit the file
//! is the JSON the edit means, and undoing everything gives the original bytes back.

use argscope::edit::DocumentFile;
use argscope::model::{Item, Kind, KindFields};
use proptest::prelude::*;
use std::path::Path;

#[derive(Debug, Clone)]
enum Op {
    Push(String),
    Replace(usize, String),
    Remove(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let title = "[a-zA-Z é’\"\\\\]{0,12}";
    prop_oneof![
        title.prop_map(Op::Push),
        (0usize..50, title).prop_map(|(i, t)| Op::Replace(i, t)),
        (0usize..50).prop_map(Op::Remove),
    ]
}

fn item(n: usize, title: &str) -> Item {
    Item {
        id: format!("edited-{n}").into(),
        kind: Kind::Recommendation,
        title: title.to_owned(),
        summary: Some("line one\nline two".into()),
        quotes: Vec::new(),
        links: Vec::new(),
        tags: vec!["t".into()],
        fields: KindFields::Recommendation {},
    }
}

fn files() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<Vec<u8>> = [
        "tests/fixtures/valid-small.json",
        "tests/fixtures/compare.json",
    ]
    .iter()
    .map(|p| std::fs::read(root.join(p)).unwrap())
    .collect();
    // The same document minified, and with tabs.
    let v: serde_json::Value = serde_json::from_slice(&out[0]).unwrap();
    out.push(serde_json::to_vec(&v).unwrap());
    out.push(
        String::from_utf8(out[0].clone())
            .unwrap()
            .replace("  ", "\t")
            .into_bytes(),
    );
    out
}

/// What a document says: an item's empty list or `null` says what its absence says (a rewritten
/// item writes an empty value as the old item did, or not at all: `tests/annotate_format.rs`).
fn meaning(mut doc: serde_json::Value) -> serde_json::Value {
    for item in doc["items"].as_array_mut().into_iter().flatten() {
        if let Some(obj) = item.as_object_mut() {
            obj.retain(|_, v| !(v.is_null() || v.as_array().is_some_and(|a| a.is_empty())));
        }
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_edit_means_what_it_says_and_undo_restores_every_byte(
        which in 0usize..4,
        ops in proptest::collection::vec(op(), 1..12),
    ) {
        let original = files().swap_remove(which);
        let mut expected: serde_json::Value = serde_json::from_slice(&original).unwrap();
        let mut file = DocumentFile::new(original.clone());
        let mut undo = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            let items = expected["items"].as_array_mut().unwrap();
            match op {
                Op::Push(title) => {
                    let it = item(n, title);
                    undo.push(file.push_item(&it).unwrap());
                    items.push(serde_json::to_value(&it).unwrap());
                }
                Op::Replace(i, title) if *i < items.len() => {
                    let it = item(n, title);
                    undo.push(file.replace_item(*i, &it).unwrap());
                    items[*i] = serde_json::to_value(&it).unwrap();
                }
                Op::Remove(i) if *i < items.len() => {
                    undo.push(file.remove_item(*i).unwrap());
                    items.remove(*i);
                }
                Op::Replace(i, _) | Op::Remove(i) => {
                    prop_assert!(file.remove_item(*i).is_err(), "item {i} does not exist");
                }
            }
            let now: serde_json::Value = serde_json::from_slice(file.bytes())
                .map_err(|e| TestCaseError::fail(format!("{e}: {}", String::from_utf8_lossy(file.bytes()))))?;
            prop_assert_eq!(meaning(now), meaning(expected.clone()));
        }
        while let Some(u) = undo.pop() {
            file.undo(u);
        }
        prop_assert_eq!(file.bytes(), original.as_slice());
    }
}
