//! A change made in the explorer keeps a hand-formatted file's formatting: a line diff of the
//! file before and after shows the changed item's lines and nothing else.

use argscope::app::annotate::{Change, Target};
use argscope::app::{App, Options};
use argscope::model::{self, Quote};
use std::path::Path;

/// Lines removed (`-`) and added (`+`), from a longest common subsequence of the lines.
fn line_diff<'a>(old: &'a str, new: &'a str) -> Vec<(char, usize, &'a str)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(('+', j + 1, b[j]));
            j += 1;
        } else {
            out.push(('-', i + 1, a[i]));
            i += 1;
        }
    }
    out
}

fn show(diff: &[(char, usize, &str)]) -> String {
    diff.iter()
        .map(|(c, n, l)| format!("{c}{n:>4} {l}\n"))
        .collect()
}

/// The fixture as a person might write it: three-space indents, tabs inside the items, the
/// document's parts in another order than argscope's, links written inline.
fn hand_formatted() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let v: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root.join("tests/fixtures/valid-small.json")).unwrap(),
    )
    .unwrap();
    let mut out = String::from("{\n   \"items\": [\n");
    let items = v["items"].as_array().unwrap();
    for (k, item) in items.iter().enumerate() {
        let obj = item.as_object().unwrap();
        // Keys in reverse order, one per line, tab-indented, values compact.
        let fields: Vec<String> = obj
            .iter()
            .rev()
            .map(|(key, value)| {
                format!("\t\t\"{key}\" :  {}", serde_json::to_string(value).unwrap())
            })
            .collect();
        out.push_str(&format!("\t{{\n{}\n\t}}", fields.join(",\n")));
        out.push_str(if k + 1 < items.len() { ",\n" } else { "\n" });
    }
    out.push_str("   ],\n");
    for key in ["relations", "comparisons", "document"] {
        if let Some(value) = v.get(key) {
            out.push_str(&format!(
                "   \"{key}\": {},\n",
                serde_json::to_string(value).unwrap()
            ));
        }
    }
    out.push_str("   \"format\": \"argscope/1\"\n}\n");
    out
}

fn app_on(path: &Path) -> App {
    let bytes = std::fs::read(path).unwrap();
    let mut app = App::new(model::load(&bytes).unwrap(), Options::default());
    app.update(argscope::app::Action::Resize(100, 30));
    app.file = Some(path.to_path_buf());
    app.edits.target = Target::File(path.to_path_buf());
    app.edits.read_as = argscope::watch::stamp(path);
    app
}

#[test]
fn an_edit_and_an_add_change_only_their_own_lines_of_a_hand_formatted_file() {
    let original = hand_formatted();
    assert!(model::load(original.as_bytes()).is_ok(), "{original}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, &original).unwrap();
    let mut app = app_on(&path);

    // Edit the second item's title.
    let mut item = app.model.item(1).clone();
    let old_title = item.title.clone();
    item.title = "The mayor signs the council's order".into();
    app.change(Change::EditItem { index: 1, item }).unwrap();
    let edited = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
    let diff = line_diff(&original, &edited);
    let old_lines: Vec<&str> = original.lines().collect();
    // The item's own lines, in the original: from its `{` to its `}`.
    let starts: Vec<usize> = (0..old_lines.len())
        .filter(|&n| old_lines[n] == "\t{")
        .collect();
    let (from, to) = (starts[1] + 1, starts[2] - 1);
    eprintln!("the edit:\n{}", show(&diff));
    assert!(!diff.is_empty());
    for &(c, n, line) in &diff {
        if c == '-' {
            assert!(
                (from..=to).contains(&n),
                "line {n} changed: {line}\n{}",
                show(&diff)
            );
        }
    }
    assert!(
        diff.iter()
            .any(|(c, _, l)| *c == '-' && l.contains(&old_title))
    );
    assert!(
        diff.iter()
            .any(|(c, _, l)| *c == '+' && l.contains("council's order"))
    );
    // Everything outside the item is byte for byte the same: before it and after it.
    let (head, tail) = (old_lines[..from].join("\n"), old_lines[to..].join("\n"));
    assert!(edited.starts_with(&head));
    assert!(edited.trim_end().ends_with(tail.trim_end()));

    // Add an item: the lines before the new one stay, but for the last item's closing brace,
    // which gains the comma that separates them.
    let mut new = app.model.item(0).clone();
    new.id = "added-by-the-test".into();
    new.title = "Added".into();
    new.quotes = vec![Quote {
        exact: "Traffic on the bridge has doubled".into(),
        prefix: None,
        suffix: None,
    }];
    app.change(Change::AddItem(new)).unwrap();
    let added = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
    let diff = line_diff(&edited, &added);
    eprintln!("the add:\n{}", show(&diff));
    // (A diff may also keep the old brace as the new item's last line: then nothing is removed.)
    let removed: Vec<_> = diff.iter().filter(|(c, _, _)| *c == '-').collect();
    assert!(removed.len() <= 1, "{}", show(&diff));
    assert!(removed.iter().all(|r| r.2 == "\t}"), "{}", show(&diff));
    assert!(diff.iter().any(|(c, _, l)| *c == '+' && *l == "\t},"));
    let old_len = edited.lines().count();
    assert_eq!(
        diff.iter().filter(|(c, _, _)| *c == '+').count(),
        added.lines().count() - old_len + removed.len()
    );
    // The new item is written in the style of the last one: at its indentation.
    assert!(
        added.contains("\n\t{\n\t   \"id\": \"added-by-the-test\""),
        "{added}"
    );
    assert!(model::load(added.as_bytes()).is_ok());

    // Undo both: the file as it was, every byte.
    app.undo();
    app.undo();
    assert!(app.edits.bytes().unwrap() == original.as_bytes());
}

/// Each item's keys, by id (the renamed one under its new name), as sets.
fn keys_by_id(
    bytes: &str,
    renamed: (&str, &str),
) -> std::collections::BTreeMap<String, Vec<String>> {
    let v: serde_json::Value = serde_json::from_str(bytes).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let id = item["id"].as_str().unwrap();
            let id = if id == renamed.0 { renamed.1 } else { id };
            let mut keys: Vec<String> = item.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            (id.to_owned(), keys)
        })
        .collect()
}

/// Renames `old` to `new` (which rewrites the links of the items that name it), then takes the
/// first quote of the first item with two or more: every item keeps the keys it had, and
/// undoing both gives the bytes back.
fn rename_and_unquote(original: &str, old: &str, new: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, original).unwrap();
    let mut app = app_on(&path);
    let index = app.model.index.get(old).unwrap();
    let mut item = app.model.item(index).clone();
    item.id = new.into();
    app.change(Change::EditItem { index, item }).unwrap();
    let renamed = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
    assert_eq!(
        keys_by_id(original, (old, new)),
        keys_by_id(&renamed, ("", ""))
    );

    let index = (0..app.model.doc.items.len())
        .find(|&i| app.model.item(i).quotes.len() >= 2 && app.model.item(i).tags.is_empty())
        .unwrap();
    let mut item = app.model.item(index).clone();
    item.quotes.remove(0);
    app.change(Change::EditItem { index, item }).unwrap();
    let unquoted = String::from_utf8(app.edits.bytes().unwrap().to_vec()).unwrap();
    assert_eq!(
        keys_by_id(&renamed, ("", "")),
        keys_by_id(&unquoted, ("", ""))
    );
    assert!(model::load(unquoted.as_bytes()).is_ok());

    app.undo();
    app.undo();
    assert!(app.edits.bytes().unwrap() == original.as_bytes());
    (renamed, unquoted)
}

#[test]
fn a_rename_and_a_quote_removed_change_only_their_lines_of_the_built_in_map() {
    let original = model::BUILTIN.to_owned();
    let (renamed, unquoted) = rename_and_unquote(&original, "biden-priority", "biden-first");
    // The items whose links were rewritten differ in those lines only: no `"tags": []` added.
    let diff = line_diff(&original, &renamed);
    eprintln!("the rename:\n{}", show(&diff));
    assert!(!diff.is_empty());
    for (c, _, line) in &diff {
        let id = if *c == '-' {
            "biden-priority"
        } else {
            "biden-first"
        };
        assert!(line.contains(id), "{}", show(&diff));
    }
    assert_eq!(
        diff.iter().filter(|d| d.0 == '-').count(),
        diff.iter().filter(|d| d.0 == '+').count()
    );
    // A quote taken out: its lines go, and nothing is added but the comma it leaves.
    let diff = line_diff(&renamed, &unquoted);
    eprintln!("the quote removed:\n{}", show(&diff));
    assert!(diff.iter().any(|d| d.0 == '-'));
    assert!(
        diff.iter().all(|d| d.0 == '-' || !d.2.contains("tags")),
        "{}",
        show(&diff)
    );
    assert!(
        diff.iter().filter(|d| d.0 == '+').count() <= 1,
        "{}",
        show(&diff)
    );
}

#[test]
fn a_rename_and_a_quote_removed_add_no_keys_to_a_hand_formatted_file() {
    let original = hand_formatted();
    let (renamed, unquoted) =
        rename_and_unquote(&original, "bridge-buses-only", "bridge-for-buses");
    for (before, after) in [(&original, &renamed), (&renamed, &unquoted)] {
        let diff = line_diff(before, after);
        eprintln!("{}", show(&diff));
        assert!(
            diff.iter()
                .all(|d| d.0 == '-' || !d.2.contains("\"tags\": []")),
            "{}",
            show(&diff)
        );
    }
}
