//! The adversarial documents of issue 17, one generator per class of attack, each of about `n`
//! bytes. Shared by the adversarial tests (which count the work) and the scale bench (which
//! times it).

#![allow(dead_code)]

use serde_json::{Value, json};

/// A document: its text and items, plus any other top-level fields.
pub fn document(text: &str, items: Value, extra: Value) -> String {
    let mut doc = json!({
        "format": "argscope/1",
        "document": {"title": "T", "text": text},
        "items": items,
    });
    if let (Some(doc), Some(extra)) = (doc.as_object_mut(), extra.as_object()) {
        doc.extend(extra.clone());
    }
    doc.to_string()
}

/// Two linked items quoting the start of `text`, so that a document is valid.
fn two_items(text_start: &str) -> Value {
    json!([
        {"id": "t", "kind": "claim", "role": "thesis", "title": "t", "quotes": [text_start],
         "links": [{"rel": "mentions", "to": "u"}]},
        {"id": "u", "kind": "actor", "title": "u", "quotes": [text_start]},
    ])
}

/// Class 2: a text of one line, `n` bytes of sentences separated by two spaces.
pub fn double_spaced_line(n: usize) -> String {
    let sentence = "The council voted for it.  ";
    let text = sentence.repeat(n / sentence.len() + 1);
    document(text.trim_end(), two_items("The council voted"), json!({}))
}
