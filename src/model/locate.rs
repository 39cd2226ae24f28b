//! Places in the file: the line and column of the value at a JSON path (`items[12].links[0].to`),
//! so that every problem, not only a syntax error, names its line; and keys given twice in one
//! object, which JSON tools resolve differently (serde_json keeps the last, others the first).
//!
//! One forward scan of the bytes, without a tree and without recursion: it runs only on documents
//! that serde_json has already parsed (so the nesting depth is bounded and the syntax is sound),
//! and only when there is something to place or the slow path is taken. Its memory is the open
//! objects' keys and the paths asked for.

use std::collections::{HashMap, HashSet};

/// Line and column (from 1; the column counts characters, as syntax errors do).
pub type Place = (usize, usize);

/// A key that appears twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The path of the second occurrence's value (`items[0].title`).
    pub path: String,
    pub key: String,
    pub first: Place,
    pub second: Place,
}

/// What one scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The place of each wanted path that exists in the file.
    pub places: HashMap<String, Place>,
    /// The byte range of each wanted path's value, from its first byte to just past its last.
    pub spans: HashMap<String, std::ops::Range<usize>>,
    /// The byte ranges of the elements of the array at [`scan_children`]'s path, in order.
    pub children: Vec<std::ops::Range<usize>>,
    pub duplicates: Vec<DuplicateKey>,
}

/// Paths longer than this are not compared with the wanted ones: the path being built is hashed
/// at every value, and a hostile megabyte-long key would make that quadratic. Problems never
/// name such paths in full.
const MAX_PATH: usize = 4096;

/// One open container: an object (its keys so far, by unescaped text, with their places) or an
/// array (its next index); and the length of the path before it was entered.
enum Open {
    Object {
        keys: HashMap<String, Place>,
        path_len: usize,
    },
    Array {
        next: usize,
        path_len: usize,
        /// Whether this is the array whose elements' spans are collected.
        collect: bool,
    },
}

/// Scans `bytes` (a JSON document serde_json accepted) for the places of `wanted` paths and for
/// duplicate keys. The empty path is the top-level value.
pub fn scan(bytes: &[u8], wanted: &HashSet<&str>) -> Scan {
    scan_children(bytes, wanted, None)
}

/// [`scan`], also collecting the spans of the elements of the array at `children_of` (`"items"`),
/// so that an edit can splice one element's bytes and leave the rest of the file as it was.
pub fn scan_children(bytes: &[u8], wanted: &HashSet<&str>, children_of: Option<&str>) -> Scan {
    let mut out = Scan::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut path = String::new();
    let (mut line, mut line_start) = (1usize, 0usize);
    // Characters before `at` on its line, counted from `line_start`.
    let column = |line_start: usize, at: usize| {
        bytes[line_start..at]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1
    };
    let mut i = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    // Set after a key and its colon: the next value belongs to that key (its path is already
    // pushed). Inside an array the index is pushed when the value starts.
    let mut pending_key: Option<(String, Place)> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b',' | b':' => {
                i += 1;
                continue;
            }
            b'}' | b']' => {
                if let Some(open) = stack.pop() {
                    let len = match open {
                        Open::Object { path_len, .. } | Open::Array { path_len, .. } => path_len,
                    };
                    path.truncate(len);
                }
                ended(&mut out, &stack, &path, wanted, i + 1);
                // The container was a value of its parent: leave that value's path segment.
                leave_value(&mut stack, &mut path);
                i += 1;
                continue;
            }
            _ => {}
        }
        // A string in an object where a key is expected is a key.
        let expecting_key =
            matches!(stack.last(), Some(Open::Object { .. })) && pending_key.is_none();
        if b == b'"' && expecting_key {
            let end = string_end(bytes, i);
            let key = unescape(&bytes[i + 1..end - 1]);
            let place = (line, column(line_start, i));
            let base = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            debug_assert!(base <= path.len());
            if let Some(Open::Object { keys, .. }) = stack.last_mut() {
                if let Some(&first) = keys.get(&key) {
                    out.duplicates.push(DuplicateKey {
                        path: path.clone(),
                        key: key.clone(),
                        first,
                        second: place,
                    });
                } else {
                    keys.insert(key.clone(), place);
                }
            }
            pending_key = Some((key, place));
            i = end;
            continue;
        }
        // A value starts here.
        if let Some(Open::Array { next, collect, .. }) = stack.last_mut() {
            path.push_str(&format!("[{next}]"));
            *next += 1;
            if *collect {
                out.children.push(i..i);
            }
        }
        pending_key = None;
        if path.len() <= MAX_PATH && wanted.contains(path.as_str()) {
            out.places
                .entry(path.clone())
                .or_insert((line, column(line_start, i)));
            out.spans.entry(path.clone()).or_insert(i..i);
        }
        match b {
            b'{' => {
                stack.push(Open::Object {
                    keys: HashMap::new(),
                    path_len: path.len(),
                });
                i += 1;
            }
            b'[' => {
                stack.push(Open::Array {
                    next: 0,
                    path_len: path.len(),
                    collect: children_of == Some(path.as_str()),
                });
                i += 1;
            }
            b'"' => {
                let end = string_end(bytes, i);
                // A string may not hold a raw newline, so lines are unchanged.
                i = end;
                ended(&mut out, &stack, &path, wanted, i);
                leave_value(&mut stack, &mut path);
            }
            _ => {
                // A number, true, false or null.
                while i < bytes.len()
                    && !matches!(bytes[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
                {
                    i += 1;
                }
                ended(&mut out, &stack, &path, wanted, i);
                leave_value(&mut stack, &mut path);
            }
        }
    }
    out
}

/// A value whose path is `path` ends just before `end`: its span is closed if it is wanted, or if
/// it is an element of the collected array.
fn ended(out: &mut Scan, stack: &[Open], path: &str, wanted: &HashSet<&str>, end: usize) {
    if let Some(Open::Array { collect: true, .. }) = stack.last()
        && let Some(last) = out.children.last_mut()
    {
        last.end = end;
    }
    if path.len() <= MAX_PATH
        && wanted.contains(path)
        && let Some(span) = out.spans.get_mut(path)
        && span.start == span.end
    {
        span.end = end;
    }
}

/// The place of the value at `path` (`items[3].id`), if the document has one there.
pub fn place_of(bytes: &[u8], path: &str) -> Option<Place> {
    scan(bytes, &HashSet::from([path]))
        .places
        .get(path)
        .copied()
}

/// After a value: its path segment (`.key` or `[n]`) is taken off, back to its container's path.
fn leave_value(stack: &mut [Open], path: &mut String) {
    let len = match stack.last() {
        Some(Open::Object { path_len, .. } | Open::Array { path_len, .. }) => *path_len,
        None => 0,
    };
    path.truncate(len);
}

/// The index just past the string that starts (with its `"`) at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
            Some(off) if bytes[i + off] == b'\\' => i += off + 2,
            Some(off) => return i + off + 1,
            None => return bytes.len(),
        }
    }
    bytes.len()
}

/// A key's text: as written when it has no escape, else decoded by serde_json.
fn unescape(raw: &[u8]) -> String {
    if !raw.contains(&b'\\') {
        return String::from_utf8_lossy(raw).into_owned();
    }
    let quoted = [b"\"".as_slice(), raw, b"\""].concat();
    serde_json::from_slice::<String>(&quoted)
        .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_whole_values_and_the_elements_of_one_array() {
        let json =
            "{\"items\": [\n  {\"id\": \"a\", \"n\": [1, 2]},\n  \"x\",\n  -3.5\n], \"t\": \"v\"}";
        let wanted = HashSet::from(["items", "t", "items[0].n"]);
        let scan = scan_children(json.as_bytes(), &wanted, Some("items"));
        let text = |r: &std::ops::Range<usize>| &json[r.clone()];
        assert_eq!(text(&scan.spans["t"]), "\"v\"");
        assert_eq!(text(&scan.spans["items[0].n"]), "[1, 2]");
        assert!(
            text(&scan.spans["items"]).starts_with('[')
                && text(&scan.spans["items"]).ends_with(']')
        );
        let children: Vec<&str> = scan.children.iter().map(text).collect();
        assert_eq!(
            children,
            ["{\"id\": \"a\", \"n\": [1, 2]}", "\"x\"", "-3.5"]
        );
    }

    fn places(json: &str, paths: &[&str]) -> Vec<Option<Place>> {
        let wanted: HashSet<&str> = paths.iter().copied().collect();
        let scan = scan(json.as_bytes(), &wanted);
        paths.iter().map(|p| scan.places.get(*p).copied()).collect()
    }

    #[test]
    fn paths_are_placed_at_their_values() {
        let json = "{\n  \"format\": \"argscope/1\",\n  \"items\": [\n    {\"id\": \"a\", \"links\": [{\"rel\": \"x\", \"to\": \"b\"}]},\n    {\"id\": \"é\", \"quotes\": [\"q\"]}\n  ]\n}\n";
        assert_eq!(
            places(
                json,
                &[
                    "",
                    "format",
                    "items",
                    "items[0].links[0].to",
                    "items[1].quotes[0]",
                    "items[1]",
                    "nope"
                ]
            ),
            vec![
                Some((1, 1)),
                Some((2, 13)),
                Some((3, 12)),
                Some((4, 46)),
                Some((5, 28)),
                Some((5, 5)),
                None
            ]
        );
    }

    #[test]
    fn duplicate_keys_are_found_with_both_places_and_escapes_count() {
        let json = "{\"items\": [1],\n \"a\": {\"k\": 1, \"\\u006b\": 2},\n \"items\": []}";
        let scan = scan(json.as_bytes(), &HashSet::new());
        assert_eq!(
            scan.duplicates,
            vec![
                DuplicateKey {
                    path: "a.k".into(),
                    key: "k".into(),
                    first: (2, 8),
                    second: (2, 16)
                },
                DuplicateKey {
                    path: "items".into(),
                    key: "items".into(),
                    first: (1, 2),
                    second: (3, 2)
                },
            ]
        );
    }

    #[test]
    fn one_place_is_found_alone() {
        let json = "{\"items\": [\n {\"id\": \"a\"},\n {\"id\": \"b\"}]}";
        assert_eq!(place_of(json.as_bytes(), "items[1].id"), Some((3, 9)));
        assert_eq!(place_of(json.as_bytes(), "items[2].id"), None);
    }

    #[test]
    fn keys_in_sibling_objects_are_not_duplicates() {
        let json = r#"{"items": [{"id": "a"}, {"id": "b"}], "x": {"id": 1}}"#;
        assert!(scan(json.as_bytes(), &HashSet::new()).duplicates.is_empty());
    }

    #[test]
    fn strings_with_brackets_and_escaped_quotes_do_not_confuse_the_scan() {
        let json = r#"{"a": "x]}\"{[", "b": [true, null, -1.5e3, "]"], "c": 1}"#;
        assert_eq!(
            places(json, &["c", "b[3]", "b[2]"]),
            vec![Some((1, 55)), Some((1, 44)), Some((1, 36))]
        );
    }
}
