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

/// `count` items of kind actor with ids `{prefix}{k}` padded to `id_len` bytes, each linked to
/// the first.
fn actors(count: usize, prefix: &str, id_len: usize) -> Vec<Value> {
    (0..count)
        .map(|k| {
            let id = format!(
                "{prefix}{k:0>width$}",
                width = id_len.saturating_sub(prefix.len())
            );
            json!({"id": id, "kind": "actor", "title": "a", "quotes": [],
                   "links": [{"rel": "mentions", "to": "t"}]})
        })
        .collect()
}

/// Class 3, many candidates: 100 links to unknown ids of `n / 300` bytes among `n / 100` valid
/// 64-byte ids.
pub fn unknown_long_ids(n: usize) -> String {
    let mut items = two_items("The council voted")
        .as_array()
        .cloned()
        .unwrap_or_default();
    items.extend(actors(n / 100, "a", 64));
    let unknown = "u".repeat(n / 300);
    items[0]["links"] = (0..100)
        .map(|k| json!({"rel": "mentions", "to": format!("{unknown}{k}")}))
        .collect();
    document("The council voted.", Value::Array(items), json!({}))
}

/// Class 3, long strings: a malformed id of `n / 3` bytes and a link to an unknown id of as many.
pub fn long_malformed_ids(n: usize) -> String {
    let mut items = two_items("The council voted")
        .as_array()
        .cloned()
        .unwrap_or_default();
    items[1]["id"] = json!("U".repeat(n / 3));
    items[0]["links"] = json!([{"rel": "mentions", "to": "v".repeat(n / 3)}]);
    document("The council voted.", Value::Array(items), json!({}))
}

/// Class 7: an item with an id of `n / 2` bytes and `n / 120` tags that are not strings.
pub fn long_id_many_problems(n: usize) -> String {
    let mut items = two_items("The council voted")
        .as_array()
        .cloned()
        .unwrap_or_default();
    items[1]["id"] = json!("w".repeat(n / 2));
    items[1]["tags"] = (0..n / 120).map(|k| json!(k)).collect();
    document("The council voted.", Value::Array(items), json!({}))
}

/// Class 6, pairs: a prepared comparison of `n / 60` items a side, each paired.
pub fn many_pairs(n: usize) -> String {
    let count = n / 60;
    let mut items = two_items("The council voted")
        .as_array()
        .cloned()
        .unwrap_or_default();
    items.extend(actors(count, "l", 12));
    items.extend(actors(count, "r", 12));
    let ids = |p: &str| -> Vec<String> { (0..count).map(|k| format!("{p}{k:0>11}")).collect() };
    let (left, right) = (ids("l"), ids("r"));
    let pairs: Vec<Value> = left
        .iter()
        .zip(&right)
        .map(|(l, r)| json!([l, r]))
        .collect();
    let cmp = json!([{"id": "c", "title": "c",
        "left": {"label": "L", "items": left}, "right": {"label": "R", "items": right},
        "pairs": pairs}]);
    document(
        "The council voted.",
        Value::Array(items),
        json!({"comparisons": cmp}),
    )
}

/// Class 5: a chain of `n / 140` claims, each supporting the one before, from the thesis down.
pub fn claim_chain(n: usize) -> String {
    let count = n / 140;
    let mut items = vec![
        json!({"id": "c0", "kind": "claim", "role": "thesis", "title": "c",
        "quotes": ["The council voted"]}),
    ];
    items.extend((1..count).map(|k| {
        json!({"id": format!("c{k}"), "kind": "claim", "role": "premise",
               "title": format!("claim {k}"), "quotes": [],
               "links": [{"rel": "supports", "to": format!("c{}", k - 1)}]})
    }));
    document("The council voted.", Value::Array(items), json!({}))
}

/// Class 1, one quote: a quote that the loose fold finds at every word of a text of `n` bytes but
/// that the text reads (with its capital) only once.
pub fn quote_found_everywhere_loosely(n: usize) -> String {
    let words = n / 4;
    let text = format!("{}A {}", "a ".repeat(words), "a ".repeat(words));
    let quote = format!("A {}", "a ".repeat(words - 1));
    let items = json!([
        {"id": "t", "kind": "claim", "role": "thesis", "title": "t", "quotes": [quote.trim()],
         "links": [{"rel": "mentions", "to": "u"}]},
        {"id": "u", "kind": "actor", "title": "u", "quotes": ["a a a A"]},
    ]);
    document(text.trim(), items, json!({}))
}

/// Class 1, many quotes: `n / 400` items quoting "the council voted" in a text of about `n / 2`
/// bytes that says it again and again, and as many quoting distinct passages that share their
/// first 40 bytes.
pub fn many_quotes_of_a_repeated_phrase(n: usize) -> String {
    let phrase = "the council voted to adopt the measure on the ";
    let repeats = n / 2 / phrase.len();
    let mut text = String::new();
    for k in 0..repeats {
        text.push_str(phrase);
        text.push_str(&format!("day {k}. "));
    }
    let count = n / 400;
    let mut items = vec![
        json!({"id": "t", "kind": "claim", "role": "thesis", "title": "t",
               "quotes": ["the council voted"]}),
    ];
    items.extend((0..count).map(|k| {
        json!({"id": format!("q{k}"), "kind": "claim", "role": "premise", "title": "q",
               "quotes": ["the council voted", format!("{phrase}day {}.", k * repeats / count)],
               "links": [{"rel": "supports", "to": "t"}]})
    }));
    document(&text, Value::Array(items), json!({}))
}

/// Class 4: `n / 140` provisions and as many recommendations, each addressing one provision.
pub fn wide_matrix(n: usize) -> String {
    let count = n / 140;
    let mut items = two_items("The council voted")
        .as_array()
        .cloned()
        .unwrap_or_default();
    items.extend((0..count).map(|k| {
        json!({"id": format!("p{k}"), "kind": "provision", "title": format!("provision {k}"),
               "quotes": []})
    }));
    items.extend((0..count).map(|k| {
        json!({"id": format!("r{k}"), "kind": "recommendation", "title": format!("rec {k}"),
               "quotes": [], "links": [{"rel": "addresses", "to": format!("p{k}")}]})
    }));
    document("The council voted.", Value::Array(items), json!({}))
}

/// Class 6, free compare: two actors linked to the same `n / 120` events, the first actor's
/// links of the last one of many relations it declares too.
pub fn two_hubs(n: usize) -> String {
    let count = n / 120;
    let mut items = two_items("The council voted")
        .as_array()
        .cloned()
        .unwrap_or_default();
    let links: Vec<Value> = (0..count)
        .map(|k| json!({"rel": "involves", "to": format!("e{k}")}))
        .collect();
    for hub in ["a0", "a1"] {
        items.push(
            json!({"id": hub, "kind": "actor", "title": hub, "quotes": [],
                          "links": links.clone()}),
        );
    }
    items.extend((0..count).map(|k| {
        json!({"id": format!("e{k}"), "kind": "event", "title": format!("event {k}"), "quotes": []})
    }));
    document("The council voted.", Value::Array(items), json!({}))
}

/// Class 6, prepared comparison: `n / 120` items a side and no pairs.
pub fn unpaired_comparison(n: usize) -> String {
    let count = n / 120;
    let mut items = two_items("The council voted")
        .as_array()
        .cloned()
        .unwrap_or_default();
    items.extend(actors(count, "l", 12));
    items.extend(actors(count, "r", 12));
    let ids = |p: &str| -> Vec<String> { (0..count).map(|k| format!("{p}{k:0>11}")).collect() };
    let cmp = json!([{"id": "c", "title": "c",
        "left": {"label": "L", "items": ids("l")}, "right": {"label": "R", "items": ids("r")}}]);
    document(
        "The council voted.",
        Value::Array(items),
        json!({"comparisons": cmp}),
    )
}
