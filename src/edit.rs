//! Edits to a document file that keep its formatting: a change splices the bytes of the items it
//! touches and leaves every other byte as it was, the way `toml_edit` keeps a Cargo.toml, without
//! holding a syntax tree of the file (the item spans come from one scan, kept up to date by each
//! splice). Every edit gives back its inverse, so undoing a session restores the file byte for
//! byte.

use crate::model::{Comparison, Item, locate};
use serde::Serialize;
use serde::de::IgnoredAny;
use serde::ser::SerializeMap;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// Replace the bytes in `range` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub range: Range<usize>,
    pub text: Vec<u8>,
}

impl Splice {
    /// Applies the splice to `bytes` and returns the splice that undoes it.
    pub fn apply(self, bytes: &mut Vec<u8>) -> Splice {
        let old: Vec<u8> = bytes
            .splice(self.range.clone(), self.text.iter().copied())
            .collect();
        Splice {
            range: self.range.start..self.range.start + self.text.len(),
            text: old,
        }
    }
}

/// A document file being edited: its bytes and where each item is in them.
///
/// The bytes are shared (`Arc`) so that a save can take them to another thread for nothing; the
/// next edit copies them only if that save still holds them.
#[derive(Debug, Clone)]
pub struct DocumentFile {
    bytes: Arc<Vec<u8>>,
    /// The `items` array, brackets included, and each element's span; `None` after an undo
    /// until the next edit scans again.
    layout: Option<Layout>,
    /// The same for the `comparisons` array, scanned on the first edit of a comparison.
    comparisons: Option<Layout>,
}

#[derive(Debug, Clone)]
struct Layout {
    array: Range<usize>,
    items: Vec<Range<usize>>,
}

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the file has no \"items\" array to edit")]
    NoItems,
    #[error("there is no item {0}")]
    NoSuchItem(usize),
    #[error("the file has no \"comparisons\" array to edit")]
    NoComparisons,
    #[error("there is no comparison {0}")]
    NoSuchComparison(usize),
}

impl DocumentFile {
    pub fn new(bytes: Vec<u8>) -> DocumentFile {
        DocumentFile {
            bytes: Arc::new(bytes),
            layout: None,
            comparisons: None,
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes as they are now, shared: what a save writes while editing goes on.
    pub fn shared(&self) -> Arc<Vec<u8>> {
        Arc::clone(&self.bytes)
    }

    fn layout(&mut self) -> Result<&mut Layout, EditError> {
        if self.layout.is_none() {
            let scan = locate::scan_children(&self.bytes, &HashSet::from(["items"]), Some("items"));
            let array = scan.spans.get("items").cloned().ok_or(EditError::NoItems)?;
            self.layout = Some(Layout {
                array,
                items: scan.children,
            });
        }
        self.layout.as_mut().ok_or(EditError::NoItems)
    }

    /// Replaces item `i` with `item`, written at the indentation the old one had.
    pub fn replace_item(&mut self, i: usize, item: &Item) -> Result<Splice, EditError> {
        let span = self
            .layout()?
            .items
            .get(i)
            .cloned()
            .ok_or(EditError::NoSuchItem(i))?;
        let style = Style::at(&self.bytes, span.start);
        let text = style.write(&AsWritten::after(&self.bytes[span.clone()], item));
        let undo = self.splice(Splice { range: span, text });
        // The comparisons may come after the items: scanned again when next edited.
        self.comparisons = None;
        let delta = undo.range.len() as isize - undo.text.len() as isize;
        if let Some(layout) = &mut self.layout {
            layout.items[i].end = undo.range.end;
            shift(&mut layout.items[i + 1..], delta);
            layout.array.end = (layout.array.end as isize + delta) as usize;
        }
        Ok(undo)
    }

    /// Adds `item` at the end of the items, in the style of the last one.
    pub fn push_item(&mut self, item: &Item) -> Result<Splice, EditError> {
        let layout = self.layout()?.clone();
        let (splice, element) = match layout.items.last() {
            Some(last) => {
                let style = Style::at(&self.bytes, last.start);
                let text = style.write(item);
                let separator = if style.multiline() {
                    format!(",\n{}", style.indent)
                } else {
                    ", ".to_owned()
                };
                let at = last.end;
                let start = at + separator.len();
                let mut bytes = separator.into_bytes();
                let len = text.len();
                bytes.extend(text);
                (
                    Splice {
                        range: at..at,
                        text: bytes,
                    },
                    start..start + len,
                )
            }
            None => {
                // `[]`: open it onto lines of its own, indented one step past the key's line.
                let outer = Style::at(&self.bytes, layout.array.start);
                let inner = Style {
                    indent: format!("{}{}", outer.indent, outer.unit),
                    unit: outer.unit.clone(),
                    compact: false,
                };
                let text = inner.write(item);
                let head = format!("[\n{}", inner.indent);
                let start = layout.array.start + head.len();
                let len = text.len();
                let mut bytes = head.into_bytes();
                bytes.extend(text);
                bytes.extend(format!("\n{}]", outer.indent).into_bytes());
                (
                    Splice {
                        range: layout.array.clone(),
                        text: bytes,
                    },
                    start..start + len,
                )
            }
        };
        let undo = self.splice(splice);
        self.comparisons = None;
        let delta = undo.range.len() as isize - undo.text.len() as isize;
        if let Some(layout) = &mut self.layout {
            layout.items.push(element);
            layout.array.end = (layout.array.end as isize + delta) as usize;
        }
        Ok(undo)
    }

    /// Removes item `i` with the separator that went with it.
    pub fn remove_item(&mut self, i: usize) -> Result<Splice, EditError> {
        let layout = self.layout()?.clone();
        let n = layout.items.len();
        let range = removal(&layout, i).ok_or(EditError::NoSuchItem(i))?;
        let empty_array = n == 1;
        let undo = self.splice(Splice {
            range: range.clone(),
            text: Vec::new(),
        });
        self.comparisons = None;
        if let Some(layout) = &mut self.layout {
            layout.items.remove(i);
            let delta = -(range.len() as isize);
            shift(&mut layout.items[i..], delta);
            layout.array.end = (layout.array.end as isize + delta) as usize;
            if empty_array {
                layout.items.clear();
            }
        }
        Ok(undo)
    }

    /// Undoes (or redoes) a splice given back by an edit; returns its own inverse.
    pub fn undo(&mut self, splice: Splice) -> Splice {
        // The items' spans follow when it is plain which moved (an item's bytes replaced, an
        // item taken out); otherwise the next edit scans again. The comparisons, rarely edited,
        // are always scanned again.
        self.comparisons = None;
        if let Some(layout) = self.layout.take() {
            self.layout = follow(layout, &splice.range, splice.text.len());
        }
        splice.apply(Arc::make_mut(&mut self.bytes))
    }

    fn splice(&mut self, splice: Splice) -> Splice {
        splice.apply(Arc::make_mut(&mut self.bytes))
    }

    fn comparison_layout(&mut self) -> Result<&mut Layout, EditError> {
        if self.comparisons.is_none() {
            let scan = locate::scan_children(
                &self.bytes,
                &HashSet::from(["comparisons"]),
                Some("comparisons"),
            );
            let array = scan
                .spans
                .get("comparisons")
                .cloned()
                .ok_or(EditError::NoComparisons)?;
            self.comparisons = Some(Layout {
                array,
                items: scan.children,
            });
        }
        self.comparisons.as_mut().ok_or(EditError::NoComparisons)
    }

    /// Replaces comparison `i` with `comparison`, written at the indentation the old one had.
    pub fn replace_comparison(
        &mut self,
        i: usize,
        comparison: &Comparison,
    ) -> Result<Splice, EditError> {
        let span = self
            .comparison_layout()?
            .items
            .get(i)
            .cloned()
            .ok_or(EditError::NoSuchComparison(i))?;
        let text = Style::at(&self.bytes, span.start).write(comparison);
        let undo = self.splice(Splice { range: span, text });
        // Items before the comparisons, or after them: either way their spans are stale now.
        self.layout = None;
        let delta = undo.range.len() as isize - undo.text.len() as isize;
        if let Some(layout) = &mut self.comparisons {
            layout.items[i].end = undo.range.end;
            shift(&mut layout.items[i + 1..], delta);
            layout.array.end = (layout.array.end as isize + delta) as usize;
        }
        Ok(undo)
    }

    /// Removes comparison `i` with the separator that went with it.
    pub fn remove_comparison(&mut self, i: usize) -> Result<Splice, EditError> {
        let layout = self.comparison_layout()?.clone();
        let range = removal(&layout, i).ok_or(EditError::NoSuchComparison(i))?;
        let undo = self.splice(Splice {
            range,
            text: Vec::new(),
        });
        // Which spans moved is cheaper to scan again than to track, for a rare edit.
        self.layout = None;
        self.comparisons = None;
        Ok(undo)
    }
}

/// An item written in place of one the file had: an empty value is written as the old item
/// wrote it (left out, `null`, or `[]`/`false`), so that a diff shows the change and nothing
/// else; `"tags": []` stays, and no `"tags": []` comes where there was none. Every other key is
/// written as `Item`'s own `Serialize` (the export's) writes it, in its order.
struct AsWritten<'a> {
    item: &'a Item,
    /// The old item's keys, each with whether its value was `null`; `None` when it could not
    /// be read (then each key is written as the export writes it).
    had: Option<HashMap<String, Option<IgnoredAny>>>,
}

/// How the old item wrote a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Had {
    Absent,
    Null,
    Value,
    /// The old item could not be read.
    Unknown,
}

impl<'a> AsWritten<'a> {
    fn after(old: &[u8], item: &'a Item) -> AsWritten<'a> {
        AsWritten {
            item,
            had: serde_json::from_slice(old).ok(),
        }
    }

    fn had(&self, key: &str) -> Had {
        match &self.had {
            None => Had::Unknown,
            Some(keys) => match keys.get(key) {
                None => Had::Absent,
                Some(None) => Had::Null,
                Some(Some(_)) => Had::Value,
            },
        }
    }
}

/// Writes `key`: its value, or, when it is empty, as the old item wrote an empty one. `export`
/// is whether the export writes an empty value (a list: `[]`) or leaves it out (an option).
fn entry<M: SerializeMap, T: Serialize + ?Sized>(
    map: &mut M,
    had: Had,
    key: &str,
    value: Option<&T>,
    export: bool,
) -> Result<(), M::Error> {
    match (value, had) {
        (Some(value), _) => map.serialize_entry(key, value),
        (None, Had::Null) => map.serialize_entry(key, &()),
        (None, Had::Unknown) if export => map.serialize_entry(key, &[(); 0]),
        (None, Had::Value) => map.serialize_entry(key, &[(); 0]),
        (None, _) => Ok(()),
    }
}

impl Serialize for AsWritten<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::model::KindFields;
        let item = self.item;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &item.id)?;
        map.serialize_entry("kind", &item.kind)?;
        map.serialize_entry("title", &item.title)?;
        let option = |key: &str, map: &mut S::SerializeMap, value: Option<&String>| {
            entry(map, self.had(key), key, value, false)
        };
        option("summary", &mut map, item.summary.as_ref())?;
        let quotes = Some(&item.quotes).filter(|v| !v.is_empty());
        entry(&mut map, self.had("quotes"), "quotes", quotes, true)?;
        let links = Some(&item.links).filter(|v| !v.is_empty());
        entry(&mut map, self.had("links"), "links", links, true)?;
        let tags = Some(&item.tags).filter(|v| !v.is_empty());
        entry(&mut map, self.had("tags"), "tags", tags, true)?;
        // As `#[serde(flatten)]` writes them, each `None` (and a claim's `unstated: false`) left
        // out unless the old item wrote it.
        match &item.fields {
            KindFields::Event { when } => {
                entry(&mut map, self.had("when"), "when", when.as_ref(), false)?;
            }
            KindFields::Actor { role, group } => {
                option("role", &mut map, role.as_ref())?;
                option("group", &mut map, group.as_ref())?;
            }
            KindFields::Provision { instrument } => {
                option("instrument", &mut map, instrument.as_ref())?;
            }
            KindFields::Recommendation {} => {}
            KindFields::Claim { role, unstated } => {
                map.serialize_entry("role", role)?;
                match self.had("unstated") {
                    _ if *unstated => map.serialize_entry("unstated", unstated)?,
                    Had::Value => map.serialize_entry("unstated", &false)?,
                    Had::Null => map.serialize_entry("unstated", &())?,
                    Had::Absent | Had::Unknown => {}
                }
            }
        }
        map.end()
    }
}

/// An id for a new item made from its title: the words folded to lower-case ASCII (accents and
/// typographic punctuation dropped) joined by `-`, at most 40 bytes cut at a word, and `-2`,
/// `-3`… when `taken` says it is in use. A title with no ASCII letter or digit gives `item`.
pub fn id_from_title(title: &str, taken: impl Fn(&str) -> bool) -> String {
    const MAX: usize = 40;
    let folded = crate::model::fold::fold(title, crate::model::fold::Fold::Loose);
    let mut base = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        let extra = word.len() + usize::from(!base.is_empty());
        if base.len() + extra > MAX {
            if base.is_empty() {
                base = word[..MAX].to_owned();
            }
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(&word);
    }
    if base.is_empty() {
        base = "item".to_owned();
    }
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The spans of `layout` once the bytes in `range` are replaced by `len` others, when that is
/// plain: each item before the range stays, each after it moves, an item whose bytes are
/// exactly the range takes the new ones, and an item inside a range that is removed goes.
/// New bytes that are not an item's own may hold items of their own: `None`, scan again.
fn follow(mut layout: Layout, range: &Range<usize>, len: usize) -> Option<Layout> {
    let delta = len as isize - range.len() as isize;
    let moved = |at: usize| (at as isize + delta) as usize;
    if !(layout.array.start < range.start && range.end < layout.array.end) {
        return None;
    }
    let mut replaced = false;
    let mut items = Vec::with_capacity(layout.items.len());
    for s in layout.items {
        if s.end <= range.start && !(s.end == range.start && range.is_empty() && len > 0) {
            items.push(s);
        } else if s.start >= range.end && !range.is_empty() {
            items.push(moved(s.start)..moved(s.end));
        } else if s == *range {
            replaced = true;
            items.push(s.start..s.start + len);
        } else if len == 0 && range.start <= s.start && s.end <= range.end {
            // Taken out with the range.
        } else {
            return None;
        }
    }
    if len > 0 && !replaced {
        return None;
    }
    layout.items = items;
    layout.array.end = moved(layout.array.end);
    Some(layout)
}

/// The bytes that go with element `i` of an array when it is removed: its separator included.
fn removal(layout: &Layout, i: usize) -> Option<Range<usize>> {
    let n = layout.items.len();
    if i >= n {
        return None;
    }
    Some(match (i, n) {
        // The only one: the array becomes empty.
        (_, 1) => layout.array.start + 1..layout.array.end - 1,
        // Not the last: up to the next element, its separator included.
        (i, _) if i + 1 < n => layout.items[i].start..layout.items[i + 1].start,
        // The last: from the end of the one before it.
        (i, _) => layout.items[i - 1].end..layout.items[i].end,
    })
}

fn shift(spans: &mut [Range<usize>], delta: isize) {
    for s in spans {
        s.start = (s.start as isize + delta) as usize;
        s.end = (s.end as isize + delta) as usize;
    }
}

/// How the file lays out a value: the indentation of its line, the file's indent step, and
/// whether it is written on one line among others (a compact file).
struct Style {
    indent: String,
    unit: String,
    compact: bool,
}

impl Style {
    /// The style of the value that starts at `at`.
    fn at(bytes: &[u8], at: usize) -> Style {
        let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |p| p + 1);
        let before = &bytes[line_start..at];
        let own_line = before.iter().all(|&b| b == b' ' || b == b'\t');
        let indent = if own_line {
            String::from_utf8_lossy(before).into_owned()
        } else {
            String::new()
        };
        Style {
            unit: indent_unit(bytes),
            indent,
            compact: !own_line || !bytes.contains(&b'\n'),
        }
    }

    fn multiline(&self) -> bool {
        !self.compact
    }

    /// `item` as JSON in this style; continuation lines carry the indentation.
    fn write(&self, item: &impl Serialize) -> Vec<u8> {
        if self.compact {
            return serde_json::to_vec(item).unwrap_or_default();
        }
        let mut out = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(self.unit.as_bytes());
        let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
        if item.serialize(&mut ser).is_err() {
            return serde_json::to_vec(item).unwrap_or_default();
        }
        let mut indented = Vec::with_capacity(out.len());
        for (k, line) in out.split(|&b| b == b'\n').enumerate() {
            if k > 0 {
                indented.push(b'\n');
                indented.extend_from_slice(self.indent.as_bytes());
            }
            indented.extend_from_slice(line);
        }
        indented
    }
}

/// The file's indent step: the indentation of its first indented line (two spaces if none). The
/// lines are found with memchr: one of them may be a text of many megabytes.
fn indent_unit(bytes: &[u8]) -> String {
    let mut starts = memchr::memchr_iter(b'\n', bytes).map(|n| n + 1);
    let mut lines = std::iter::from_fn(|| {
        let start = starts.next()?;
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |n| start + n);
        Some(&bytes[start..end])
    });
    for line in lines.by_ref().take(64) {
        let n = line
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        if n > 0 && n < line.len() {
            return String::from_utf8_lossy(&line[..n]).into_owned();
        }
    }
    "  ".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, KindFields};

    fn item(id: &str, title: &str) -> Item {
        Item {
            id: id.into(),
            kind: Kind::Recommendation,
            title: title.into(),
            summary: None,
            quotes: Vec::new(),
            links: Vec::new(),
            tags: Vec::new(),
            fields: KindFields::Recommendation {},
        }
    }

    fn value(bytes: &[u8]) -> serde_json::Value {
        serde_json::from_slice(bytes).unwrap()
    }

    const HAND: &str = "{\n    \"format\": \"argscope/1\",\n    \"items\": [\n        {\"id\": \"a\",   \"kind\": \"recommendation\", \"title\": \"A\", \"quotes\": []},\n        {\n            \"id\": \"b\", \"kind\": \"recommendation\",\n            \"title\": \"B\", \"quotes\": []\n        }\n    ]\n}\n";

    #[test]
    fn replacing_an_item_changes_only_its_lines() {
        let mut f = DocumentFile::new(HAND.as_bytes().to_vec());
        f.replace_item(1, &item("b", "Bee")).unwrap();
        let after = String::from_utf8(f.bytes().to_vec()).unwrap();
        let before_lines: Vec<&str> = HAND.lines().collect();
        let after_lines: Vec<&str> = after.lines().collect();
        // Everything up to item b, and the closing lines, are byte for byte the same.
        assert_eq!(before_lines[..4], after_lines[..4]);
        assert_eq!(
            before_lines[before_lines.len() - 2..],
            after_lines[after_lines.len() - 2..]
        );
        assert_eq!(value(f.bytes())["items"][1]["title"], "Bee");
        // Written at the old item's indentation, in the file's four-space step.
        assert!(
            after.contains("\n        {\n            \"id\": \"b\","),
            "{after}"
        );
    }

    #[test]
    fn a_rewritten_item_writes_what_serde_writes_but_the_empty_lists_it_left_out() {
        let model = crate::model::builtin();
        // With nothing left out, the same bytes as the derived `Serialize` (the export's).
        for item in &model.doc.items {
            let written = AsWritten { item, had: None };
            assert_eq!(
                serde_json::to_string(&written).unwrap(),
                serde_json::to_string(item).unwrap()
            );
        }
        let old = br#"{"id": "b", "kind": "recommendation", "title": "B", "quotes": []}"#;
        let new = item("b", "Bee");
        assert_eq!(
            serde_json::to_string(&AsWritten::after(old, &new)).unwrap(),
            r#"{"id":"b","kind":"recommendation","title":"Bee","quotes":[]}"#
        );
        let old =
            br#"{"id": "b", "kind": "recommendation", "title": "B", "quotes": [], "tags": []}"#;
        let mut tagged = new.clone();
        tagged.links = vec![crate::model::Link {
            rel: "supports".into(),
            to: "a".into(),
            group: None,
            note: None,
        }];
        assert_eq!(
            serde_json::to_string(&AsWritten::after(old, &tagged)).unwrap(),
            r#"{"id":"b","kind":"recommendation","title":"Bee","quotes":[],"links":[{"rel":"supports","to":"a"}],"tags":[]}"#
        );
    }

    #[test]
    fn a_rewritten_item_writes_its_empty_values_as_the_old_one_did_null_or_explicit() {
        let old = br#"{"id": "b", "kind": "claim", "title": "B", "summary": null, "quotes": [],
            "links": null, "tags": [], "role": "premise", "unstated": false}"#;
        let mut claim = item("b", "Bee");
        claim.kind = Kind::Claim;
        claim.fields = KindFields::Claim {
            role: crate::model::ClaimRole::Premise,
            unstated: false,
        };
        assert_eq!(
            serde_json::to_string(&AsWritten::after(old, &claim)).unwrap(),
            r#"{"id":"b","kind":"claim","title":"Bee","summary":null,"quotes":[],"links":null,"tags":[],"role":"premise","unstated":false}"#
        );
        // Not read (not an object): as the export writes it.
        assert_eq!(
            serde_json::to_string(&AsWritten::after(b"[", &claim)).unwrap(),
            serde_json::to_string(&claim).unwrap()
        );
    }

    #[test]
    fn push_and_remove_keep_the_array_well_formed_and_undo_gives_the_bytes_back() {
        let original = HAND.as_bytes().to_vec();
        let mut f = DocumentFile::new(original.clone());
        let mut undo = vec![f.push_item(&item("c", "C")).unwrap()];
        assert_eq!(value(f.bytes())["items"][2]["id"], "c");
        undo.push(f.remove_item(0).unwrap());
        assert_eq!(value(f.bytes())["items"][0]["id"], "b");
        undo.push(f.remove_item(1).unwrap());
        assert_eq!(value(f.bytes())["items"].as_array().unwrap().len(), 1);
        undo.push(f.remove_item(0).unwrap());
        assert_eq!(value(f.bytes())["items"], serde_json::json!([]));
        undo.push(f.push_item(&item("d", "D")).unwrap());
        assert_eq!(value(f.bytes())["items"][0]["id"], "d");
        while let Some(u) = undo.pop() {
            f.undo(u);
        }
        assert_eq!(f.bytes(), original.as_slice());
    }

    #[test]
    fn ids_come_from_the_title_and_never_collide() {
        let none = |_: &str| false;
        assert_eq!(
            id_from_title("López Obrador’s “sovereignty” claim", none),
            "lopez-obrador-s-sovereignty-claim"
        );
        assert_eq!(id_from_title("¿¡…!?", none), "item");
        let long = id_from_title(
            "The national security law restricts the activities of foreign agents",
            none,
        );
        assert_eq!(long, "the-national-security-law-restricts-the");
        assert!(long.len() <= 40 && crate::model::validate::is_valid_id(&long));
        let taken = |id: &str| ["cartels", "cartels-2"].contains(&id);
        assert_eq!(id_from_title("Cartels", taken), "cartels-3");
    }

    #[test]
    fn a_compact_file_stays_compact() {
        let compact = br#"{"format":"argscope/1","items":[{"id":"a","kind":"recommendation","title":"A","quotes":[]}]}"#;
        let mut f = DocumentFile::new(compact.to_vec());
        f.push_item(&item("b", "B")).unwrap();
        assert!(!f.bytes().contains(&b'\n'));
        assert_eq!(value(f.bytes())["items"][1]["id"], "b");
    }

    #[test]
    fn comparisons_are_replaced_and_removed_and_undone_byte_for_byte() {
        let original = crate::model::BUILTIN.as_bytes().to_vec();
        let model = crate::model::builtin();
        let mut f = DocumentFile::new(original.clone());
        let mut c = model.doc.comparisons[1].clone();
        c.title = "Renamed".into();
        let mut undo = vec![f.replace_comparison(1, &c).unwrap()];
        assert_eq!(value(f.bytes())["comparisons"][1]["title"], "Renamed");
        // An item edit in between moves the comparisons; the next edit finds them again.
        undo.push(f.push_item(&item("zz", "Z")).unwrap());
        let n = model.doc.comparisons.len();
        undo.push(f.remove_comparison(n - 1).unwrap());
        undo.push(f.remove_comparison(0).unwrap());
        let v = value(f.bytes());
        assert_eq!(v["comparisons"].as_array().unwrap().len(), n - 2);
        assert_eq!(v["comparisons"][0]["title"], "Renamed");
        assert!(matches!(
            f.remove_comparison(n),
            Err(EditError::NoSuchComparison(_))
        ));
        while let Some(u) = undo.pop() {
            f.undo(u);
        }
        assert!(f.bytes() == original.as_slice());
    }
}
