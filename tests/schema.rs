//! The JSON Schema of argscope/1, checked by an independent validator (the `jsonschema` crate):
//! every document argscope accepts satisfies it, and documents refused for their shape do not.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("docs/argscope.schema.json")).unwrap();
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles as draft 2020-12")
}

/// Every JSON document under `dir` (recursively), with its bytes.
fn documents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(documents(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

fn json(bytes: &[u8]) -> Option<serde_json::Value> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).ok()
}

#[test]
fn argscope_schema_prints_docs_argscope_schema_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_argscope"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    let file = std::fs::read(root().join("docs/argscope.schema.json")).unwrap();
    assert_eq!(
        out.stdout, file,
        "argscope schema and docs/argscope.schema.json differ"
    );
    assert!(
        jsonschema::meta::is_valid(&schema()),
        "not a valid JSON Schema"
    );
}

#[test]
fn every_document_argscope_accepts_satisfies_the_schema() {
    let validator = validator();
    let mut checked = 0;
    for dir in ["assets", "tests/fixtures"] {
        for (path, bytes) in documents(&root().join(dir)) {
            if argscope::model::load(&bytes).is_err() {
                continue;
            }
            let value = json(&bytes).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    // The built-in map and the exported forms of the small fixture at least.
    assert!(checked >= 5, "only {checked} documents checked");
    // The normalised export of the built-in map too (relations filled in, defaults written).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_argscope"))
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert!(validator.is_valid(&json(&out.stdout).unwrap()));
}

#[test]
fn documents_refused_for_their_shape_fail_the_schema() {
    let validator = validator();
    for name in [
        "unknown-field.json",
        "missing-field.json",
        "wrong-type.json",
        "kind-field-on-wrong-kind.json",
        "unknown-kind.json",
        "malformed-id.json",
        "unsupported-format.json",
        "top-level-array.json",
        "shape-errors.json",
        "bad-url.json",
    ] {
        let bytes = std::fs::read(root().join("tests/fixtures").join(name)).unwrap();
        assert!(
            argscope::model::load(&bytes).is_err(),
            "{name} should be refused"
        );
        let value = json(&bytes).unwrap();
        assert!(!validator.is_valid(&value), "{name} satisfies the schema");
    }
}

#[test]
fn the_schema_knows_url_group_unstated_and_intervals() {
    let validator = validator();
    let doc = |extra_item: serde_json::Value| {
        serde_json::json!({
            "$schema": "argscope.schema.json",
            "format": "argscope/1",
            "document": {"title": "T", "text": "a b", "url": "https://example.org/x"},
            "items": [extra_item]
        })
    };
    let claim = serde_json::json!({"id": "c", "kind": "claim", "role": "premise", "title": "t",
        "quotes": [], "unstated": true,
        "links": [{"rel": "supports", "to": "d", "group": "g1"}]});
    assert!(validator.is_valid(&doc(claim)));
    let event = serde_json::json!({"id": "e", "kind": "event", "title": "t", "quotes": ["a"],
        "when": {"label": "last month", "date": "2020-12~/2021-01%"}});
    assert!(validator.is_valid(&doc(event)));
    let wrong = serde_json::json!({"id": "e", "kind": "event", "title": "t", "quotes": ["a"],
        "unstated": true});
    assert!(
        !validator.is_valid(&doc(wrong)),
        "unstated is a claim's field"
    );
    let mut bad_url =
        doc(serde_json::json!({"id": "a", "kind": "actor", "title": "t", "quotes": []}));
    bad_url["document"]["url"] = "file:///etc/passwd".into();
    assert!(!validator.is_valid(&bad_url));
}
