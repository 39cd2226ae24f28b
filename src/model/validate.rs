//! Validation: turns parsed JSON into a [`Document`], collecting every problem with its place.
//!
//! The walk is by hand over `serde_json::Value` rather than through `#[derive(Deserialize)]`
//! because serde stops at the first error, and authors need them all at once.

use super::anchor::{Anchored, FoldedText, QuoteRef, anchor_all};
use super::fields;
use super::fold::OffsetMap;
use super::index::Resolution;
use super::packed::Spans;
use super::problem::{Problem, short, suggest_within};
use super::types::*;
use compact_str::CompactString;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The longest text read: offsets into the text and its folds are 32-bit, and the loose fold can
/// be up to three times as long as the text (a Hangul syllable folds to its three jamo).
pub const MAX_TEXT_BYTES: usize = 1 << 30;

/// Suggestions are looked for on this many unknown ids at most (each is a scan of all ids).
const MAX_SUGGESTIONS: usize = 100;
/// Pairs of characters weighed for all the suggestions of one document: enough for a hundred
/// suggestions among a few thousand ids, and a bound on a document with more of both.
const SUGGESTION_PAIRS: usize = 100_000_000;

/// The outcome of validation: the document (when it has no errors), every problem, and each
/// item's quote spans in the text.
pub struct Validated {
    pub document: Option<Document>,
    pub problems: Vec<Problem>,
    pub spans: Spans,
    /// The document's ids and links resolved to positions, for the link index.
    pub resolution: Resolution,
    /// The text folded for anchoring, which search reads too, with its offset map.
    pub folded_text: Option<(String, OffsetMap)>,
}

/// Validates a parsed document.
pub fn validate(value: Value) -> Validated {
    let mut v = Validator::default();
    let document = v.document(value);
    v.cross_check(document)
}

/// The problems of one item's own fields, as `items[i]`: the form of its id, its kind and the
/// kind's fields, its dates, its quotes' and links' shapes. What the item alone can tell; its
/// references are checked by `model::incremental`.
pub fn check_item(item: &Item, i: usize) -> Vec<Problem> {
    let mut v = Validator::default();
    match serde_json::to_value(item) {
        Ok(value) => {
            v.item(value, i);
        }
        Err(e) => v.error(&format!("items[{i}]"), format!("cannot be written: {e}")),
    }
    v.problems
}

/// Validates a document whose fields were read without a problem (the fast path of loading):
/// what is left are the cross-references.
pub fn check(document: Document) -> Validated {
    Validator::default().cross_check(Some(document))
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// The item whose fields are being read, for messages.
    item: Option<String>,
    /// Set when a part of the document was unusable, so the whole is refused.
    broken: bool,
    /// Items that could not be read, each stood in for by a placeholder so that the rest of the
    /// document is still cross-checked (a shape error in one item must not hide a dangling link
    /// in another). Problems about a placeholder are not reported: its own errors were.
    placeholders: Vec<usize>,
    suggestions_left: Option<usize>,
    suggestion_pairs: Option<usize>,
}

/// A JSON object being read: its fields are taken one by one and what is left is unknown.
struct Fields {
    map: Map<String, Value>,
    path: String,
}

impl Validator {
    /// Checks the references of a document read so far, and gives the verdict.
    fn cross_check(mut self, document: Option<Document>) -> Validated {
        let (mut spans, mut resolution, mut folded_text) = Default::default();
        if let Some(doc) = &document {
            if doc.document.text.len() > MAX_TEXT_BYTES {
                self.error(
                    "document.text",
                    format!(
                        "the text is {} bytes; argscope reads texts of up to 1 GiB",
                        doc.document.text.len()
                    ),
                );
            } else {
                let (s, r, text) = self.check_references(doc);
                (spans, resolution, folded_text) = (s, r, Some(text));
            }
        }
        if !self.placeholders.is_empty() {
            let stood_in: HashSet<String> = self
                .placeholders
                .iter()
                .map(|i| format!("items[{i}]"))
                .collect();
            let about_placeholder = |p: &Problem| {
                let end = p.path.find([']']).map_or(0, |e| e + 1);
                stood_in.contains(&p.path[..end]) && !p.is_error()
                    || p.message == "the item has no links in or out"
            };
            // Errors about a placeholder were reported when it failed to read, as errors about its
            // fields; what the cross-check says of it (no links, no quotes) is noise, and so is
            // "no links in or out" anywhere, since the placeholder's links are lost.
            self.problems.retain(|p| !about_placeholder(p));
        }
        let failed = self.broken || self.problems.iter().any(Problem::is_error);
        Validated {
            document: if failed { None } else { document },
            problems: self.problems,
            spans,
            resolution,
            folded_text,
        }
    }

    /// Names the item the next problems are in; set only when there is one to report, since
    /// copying every item's id to find none costs more than the checks.
    fn at_item(&mut self, id: &str) {
        if self.item.as_deref() != Some(id) {
            self.item = Some(id.to_owned());
        }
    }

    fn error(&mut self, path: &str, message: impl Into<String>) {
        let p = Problem::error(path, message).in_item(self.item.as_deref());
        self.problems.push(p);
    }

    fn warn(&mut self, path: &str, message: impl Into<String>) {
        let p = Problem::warning(path, message).in_item(self.item.as_deref());
        self.problems.push(p);
    }

    fn suggestion<'a>(
        &mut self,
        message: String,
        wanted: &str,
        known: impl IntoIterator<Item = &'a str>,
    ) -> String {
        let left = self.suggestions_left.get_or_insert(MAX_SUGGESTIONS);
        if *left == 0 {
            return message;
        }
        *left -= 1;
        let pairs = self.suggestion_pairs.get_or_insert(SUGGESTION_PAIRS);
        match suggest_within(wanted, known, pairs) {
            Some(s) => format!("{message} — did you mean \"{}\"?", short(s)),
            None => message,
        }
    }

    fn object(&mut self, value: Value, path: &str) -> Option<Fields> {
        match value {
            Value::Object(map) => Some(Fields {
                map,
                path: path.to_owned(),
            }),
            other => {
                self.error(
                    path,
                    format!("expected an object, found {}", type_name(&other)),
                );
                None
            }
        }
    }

    /// Reports every field not taken; call after taking the known ones.
    fn finish(&mut self, fields: Fields, known: &[&str]) {
        let mut rest: Vec<String> = fields.map.into_iter().map(|(k, _)| k).collect();
        rest.sort();
        for key in rest {
            let path = join(&fields.path, &key);
            let msg = self.suggestion(
                format!("unknown field \"{key}\""),
                &key,
                known.iter().copied(),
            );
            self.error(&path, msg);
        }
    }

    fn take(&mut self, f: &mut Fields, key: &str, required: bool) -> Option<Value> {
        match f.map.remove(key) {
            Some(Value::Null) | None if required => {
                self.error(&f.path, format!("missing field \"{key}\""));
                self.broken = true;
                None
            }
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        }
    }

    fn string(&mut self, value: Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) => {
                if let Some(c) = s.chars().find(|&c| is_unsafe_control(c)) {
                    self.warn(path, format!("control character U+{:04X} in a string; it is shown as a visible symbol", c as u32));
                }
                Some(s)
            }
            other => {
                self.error(
                    path,
                    format!("expected a string, found {}", type_name(&other)),
                );
                self.broken = true;
                None
            }
        }
    }

    fn take_string(&mut self, f: &mut Fields, key: &str, required: bool) -> Option<String> {
        let v = self.take(f, key, required)?;
        self.string(v, &join(&f.path, key))
    }

    fn array(&mut self, value: Value, path: &str) -> Vec<Value> {
        match value {
            Value::Array(a) => a,
            other => {
                self.error(
                    path,
                    format!("expected an array, found {}", type_name(&other)),
                );
                self.broken = true;
                Vec::new()
            }
        }
    }

    fn strings(&mut self, value: Value, path: &str) -> Vec<String> {
        let values = self.array(value, path);
        values
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| self.string(v, &format!("{path}[{i}]")))
            .collect()
    }

    fn document(&mut self, value: Value) -> Option<Document> {
        let mut top = self.object(value, "")?;
        // For editors; a string, and otherwise ignored.
        let _ = self.take_string(&mut top, "$schema", false);
        let format = self.take_string(&mut top, "format", true);
        if let Some(fmt) = &format
            && fmt != FORMAT
        {
            self.error(
                "format",
                format!("unsupported format \"{fmt}\": this version reads \"{FORMAT}\""),
            );
            self.broken = true;
        }
        let source = self
            .take(&mut top, "document", true)
            .and_then(|v| self.source(v));
        let relations = match self.take(&mut top, "relations", false) {
            Some(v) => self.relations(v),
            None => Vec::new(),
        };
        let relations = if relations.is_empty() {
            builtin_relations()
        } else {
            relations
        };
        let items = match self.take(&mut top, "items", true) {
            Some(v) => {
                let values = self.array(v, "items");
                let mut items = Vec::with_capacity(values.len());
                for (i, v) in values.into_iter().enumerate() {
                    let id = v.get("id").and_then(Value::as_str).map(CompactString::from);
                    if let Some(item) = self.item(v, i) {
                        items.push(item);
                    } else {
                        self.broken = true;
                        self.placeholders.push(i);
                        items.push(placeholder(id, i));
                    }
                }
                self.item = None;
                items
            }
            None => Vec::new(),
        };
        let comparisons = match self.take(&mut top, "comparisons", false) {
            Some(v) => {
                let values = self.array(v, "comparisons");
                values
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, v)| self.comparison(v, i))
                    .collect()
            }
            None => Vec::new(),
        };
        self.finish(top, fields::TOP);
        // A broken part of an item still leaves the rest worth checking; a broken frame (the
        // format, the document, the shape of the top level) does not.
        let frame_sound = self.problems.iter().all(|p| {
            !p.is_error() || p.path.starts_with("items[") || p.path.starts_with("comparisons[")
        });
        if self.broken && !frame_sound {
            return None;
        }
        Some(Document {
            format: format?,
            document: source?,
            relations,
            items,
            comparisons,
        })
    }

    fn source(&mut self, value: Value) -> Option<Source> {
        let mut f = self.object(value, "document")?;
        let title = self.take_string(&mut f, "title", true);
        let source = self.take_string(&mut f, "source", false);
        let published = self.take_string(&mut f, "published", false);
        if let Some(p) = &published
            && let Err(e) = Date::read(p)
        {
            self.error("document.published", date_error(p, e));
        }
        let url = self.take_string(&mut f, "url", false);
        if let Some(u) = &url
            && !is_web_url(u)
        {
            self.error(
                "document.url",
                format!("\"{u}\" is not an http or https URL: only those can be opened"),
            );
        }
        let text = self.take_string(&mut f, "text", true);
        self.finish(f, fields::SOURCE);
        Some(Source {
            title: title?,
            source,
            published,
            url,
            text: text?,
        })
    }

    fn relations(&mut self, value: Value) -> Vec<Relation> {
        let values = self.array(value, "relations");
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, v) in values.into_iter().enumerate() {
            let path = format!("relations[{i}]");
            let Some(mut f) = self.object(v, &path) else {
                continue;
            };
            let id = self.take_string(&mut f, "id", true);
            let label = self.take_string(&mut f, "label", true);
            let inverse = self.take_string(&mut f, "inverse", true);
            self.finish(f, fields::RELATION);
            let (Some(id), Some(label), Some(inverse)) = (id, label, inverse) else {
                continue;
            };
            if !is_valid_id(&id) {
                self.error(&format!("{path}.id"), malformed_id(&id));
            }
            if !seen.insert(id.clone()) {
                self.error(
                    &format!("{path}.id"),
                    format!("duplicate relation \"{id}\""),
                );
            }
            out.push(Relation { id, label, inverse });
        }
        out
    }

    fn item(&mut self, value: Value, i: usize) -> Option<Item> {
        let path = format!("items[{i}]");
        self.item = value.get("id").and_then(Value::as_str).map(str::to_owned);
        let mut f = self.object(value, &path)?;
        let id = self.take_string(&mut f, "id", true);
        if let Some(id) = &id
            && !is_valid_id(id)
        {
            self.error(&format!("{path}.id"), malformed_id(id));
        }
        let kind_name = self.take_string(&mut f, "kind", true);
        let kind = kind_name.as_deref().and_then(|k| {
            let kind = Kind::parse(k);
            if kind.is_none() {
                let names = Kind::ALL.map(Kind::name);
                let msg = self.suggestion(
                    format!("unknown kind \"{k}\" (kinds: {})", names.join(", ")),
                    k,
                    names,
                );
                self.error(&format!("{path}.kind"), msg);
            }
            kind
        });
        let title = self.take_string(&mut f, "title", true);
        if let Some(t) = &title
            && t.contains('\n')
        {
            self.warn(
                &format!("{path}.title"),
                "a title is one line; its line breaks are shown as spaces",
            );
        }
        let summary = self.take_string(&mut f, "summary", false);
        let quotes = match self.take(&mut f, "quotes", true) {
            Some(v) => self.quotes(v, &format!("{path}.quotes")),
            None => Vec::new(),
        };
        let links = match self.take(&mut f, "links", false) {
            Some(v) => self.links(v, &format!("{path}.links")),
            None => Vec::new(),
        };
        let tags = match self.take(&mut f, "tags", false) {
            Some(v) => self
                .strings(v, &format!("{path}.tags"))
                .into_iter()
                .map(CompactString::from)
                .collect(),
            None => Vec::new(),
        };
        let fields = kind.map(|k| self.kind_fields(k, &mut f));
        // Fields of other kinds get a message that says whose they are.
        let mut known: Vec<&str> = fields::ITEM.to_vec();
        known.extend(kind.map_or(&[][..], fields::of_kind));
        for other in Kind::ALL {
            if Some(other) == kind {
                continue;
            }
            for name in fields::of_kind(other) {
                if known.contains(name) || kind.is_none() {
                    f.map.remove(*name);
                    continue;
                }
                if f.map.remove(*name).is_some() {
                    let k = kind.map_or("?", Kind::name);
                    self.error(
                        &join(&path, name),
                        format!("field \"{name}\" belongs to kind {other}, not {k}"),
                    );
                }
            }
        }
        self.finish(f, &known);
        Some(Item {
            id: id?.into(),
            kind: kind?,
            title: title?,
            summary,
            quotes,
            links,
            tags,
            fields: fields??,
        })
    }

    fn kind_fields(&mut self, kind: Kind, f: &mut Fields) -> Option<KindFields> {
        Some(match kind {
            Kind::Event => KindFields::Event {
                when: match self.take(f, "when", false) {
                    Some(v) => Some(self.when(v, &join(&f.path, "when"))?),
                    None => None,
                },
            },
            Kind::Actor => KindFields::Actor {
                role: self.take_string(f, "role", false),
                group: self.take_string(f, "group", false),
            },
            Kind::Provision => KindFields::Provision {
                instrument: self.take_string(f, "instrument", false),
            },
            Kind::Recommendation => KindFields::Recommendation {},
            Kind::Claim => {
                let unstated = match self.take(f, "unstated", false) {
                    Some(Value::Bool(b)) => b,
                    Some(other) => {
                        self.error(
                            &join(&f.path, "unstated"),
                            format!("expected a boolean, found {}", type_name(&other)),
                        );
                        self.broken = true;
                        false
                    }
                    None => false,
                };
                let role = self.take_string(f, "role", true)?;
                let path = join(&f.path, "role");
                match ClaimRole::ALL.into_iter().find(|r| r.name() == role) {
                    Some(role) => KindFields::Claim { role, unstated },
                    None => {
                        let names = ClaimRole::ALL.map(ClaimRole::name);
                        let msg = self.suggestion(
                            format!(
                                "unknown claim role \"{role}\" (roles: thesis, premise, evidence)"
                            ),
                            &role,
                            names,
                        );
                        self.error(&path, msg);
                        return None;
                    }
                }
            }
        })
    }

    fn when(&mut self, value: Value, path: &str) -> Option<When> {
        let mut f = self.object(value, path)?;
        let label = self.take_string(&mut f, "label", true);
        let date = self
            .take_string(&mut f, "date", false)
            .and_then(|d| match Date::read(&d) {
                Ok(date) => Some(date),
                Err(e) => {
                    self.error(&join(path, "date"), date_error(&d, e));
                    None
                }
            });
        self.finish(f, fields::WHEN);
        Some(When {
            label: label?,
            date,
        })
    }

    fn quotes(&mut self, value: Value, path: &str) -> Vec<Quote> {
        let values = self.array(value, path);
        let mut out = Vec::with_capacity(values.len());
        for (i, v) in values.into_iter().enumerate() {
            let qpath = format!("{path}[{i}]");
            let quote = match v {
                Value::String(_) => self.string(v, &qpath).map(|exact| Quote {
                    exact,
                    prefix: None,
                    suffix: None,
                }),
                Value::Object(_) => self.object(v, &qpath).and_then(|mut f| {
                    let exact = self.take_string(&mut f, "exact", true);
                    let prefix = self.take_string(&mut f, "prefix", false);
                    let suffix = self.take_string(&mut f, "suffix", false);
                    self.finish(f, fields::QUOTE);
                    Some(Quote {
                        exact: exact?,
                        prefix,
                        suffix,
                    })
                }),
                other => {
                    self.error(
                        &qpath,
                        format!(
                            "expected a string or an {{exact, prefix, suffix}} object, found {}",
                            type_name(&other)
                        ),
                    );
                    None
                }
            };
            match quote {
                Some(q) => out.push(q),
                None => self.broken = true,
            }
        }
        out
    }

    fn links(&mut self, value: Value, path: &str) -> Vec<Link> {
        let values = self.array(value, path);
        let mut out = Vec::with_capacity(values.len());
        for (i, v) in values.into_iter().enumerate() {
            let lpath = format!("{path}[{i}]");
            let Some(mut f) = self.object(v, &lpath) else {
                self.broken = true;
                continue;
            };
            let rel = self.take_string(&mut f, "rel", true);
            let to = self.take_string(&mut f, "to", true);
            let group = self.take_string(&mut f, "group", false);
            let note = self.take_string(&mut f, "note", false);
            self.finish(f, fields::LINK);
            if let (Some(rel), Some(to)) = (rel, to) {
                out.push(Link {
                    rel: rel.into(),
                    to: to.into(),
                    group: group.map(CompactString::from),
                    note,
                });
            }
        }
        out
    }

    fn comparison(&mut self, value: Value, i: usize) -> Option<Comparison> {
        let path = format!("comparisons[{i}]");
        let mut f = self.object(value, &path)?;
        let id = self.take_string(&mut f, "id", true);
        let title = self.take_string(&mut f, "title", true);
        let mut side = |v: &mut Self, key: &str| -> Option<Side> {
            let value = v.take(&mut f, key, true)?;
            let spath = join(&path, key);
            let mut s = v.object(value, &spath)?;
            let label = v.take_string(&mut s, "label", true);
            let items = match v.take(&mut s, "items", true) {
                Some(x) => v.strings(x, &join(&spath, "items")),
                None => Vec::new(),
            };
            v.finish(s, fields::SIDE);
            Some(Side {
                label: label?,
                items,
            })
        };
        let left = side(self, "left");
        let right = side(self, "right");
        let mut pairs = Vec::new();
        if let Some(v) = self.take(&mut f, "pairs", false) {
            let ppath = join(&path, "pairs");
            for (j, p) in self.array(v, &ppath).into_iter().enumerate() {
                let pp = format!("{ppath}[{j}]");
                let strs = self.strings(p, &pp);
                match <[String; 2]>::try_from(strs) {
                    Ok(pair) => pairs.push(pair),
                    Err(_) => self.error(&pp, "a pair is an array of two item ids: [left, right]"),
                }
            }
        }
        self.finish(f, fields::COMPARISON);
        if let Some(id) = &id
            && !is_valid_id(id)
        {
            self.error(&join(&path, "id"), malformed_id(id));
        }
        Some(Comparison {
            id: id?,
            title: title?,
            left: left?,
            right: right?,
            pairs,
        })
    }

    /// Cross-references: ids, relations, link targets, comparisons, and quotes in the text.
    fn check_references(&mut self, doc: &Document) -> (Spans, Resolution, (String, OffsetMap)) {
        // Links resolve to the first of two items with one id.
        let resolution = Resolution::new(doc);
        for &(i, first) in &resolution.duplicates {
            let item = &doc.items[i];
            self.at_item(&item.id);
            self.error(
                &format!("items[{i}].id"),
                super::problem::duplicate_id(&item.id, first),
            );
        }
        let ids = &resolution.ids;
        let mut resolved = resolution.links.iter();
        let mut linked = vec![false; doc.items.len()];
        for (i, item) in doc.items.iter().enumerate() {
            // A link to an unknown id is still a link out: that error is reported below, and
            // "no links in or out" on top of it would be wrong.
            linked[i] |= !item.links.is_empty();
            for (j, link) in item.links.iter().enumerate() {
                let (rel, to) = resolved.next().copied().unwrap_or_default();
                if rel.is_none() {
                    self.at_item(&item.id);
                    let known = doc.relations.iter().map(|r| r.id.as_str());
                    let msg = self.suggestion(
                        format!("unknown relation \"{}\"", short(&link.rel)),
                        &link.rel,
                        known,
                    );
                    self.error(&format!("items[{i}].links[{j}].rel"), msg);
                }
                match to {
                    Some(t) => linked[t] = true,
                    None => {
                        self.at_item(&item.id);
                        let known = doc.items.iter().map(|it| it.id.as_str());
                        let msg = self.suggestion(
                            format!("unknown id \"{}\"", short(&link.to)),
                            &link.to,
                            known,
                        );
                        self.error(&format!("items[{i}].links[{j}].to"), msg);
                    }
                }
            }
        }
        for (i, item) in doc.items.iter().enumerate() {
            if !linked[i] {
                self.item = Some(item.id.to_string());
                self.warn(&format!("items[{i}]"), "the item has no links in or out");
            }
        }
        self.item = None;
        let mut comparison_ids: HashMap<&str, usize> = HashMap::new();
        for (c, cmp) in doc.comparisons.iter().enumerate() {
            if let Some(&first) = comparison_ids.get(cmp.id.as_str()) {
                self.error(
                    &format!("comparisons[{c}].id"),
                    format!(
                        "duplicate comparison id \"{}\" (first at comparisons[{first}])",
                        short(&cmp.id)
                    ),
                );
            } else {
                comparison_ids.insert(&cmp.id, c);
            }
            for (side, s) in [("left", &cmp.left), ("right", &cmp.right)] {
                for (k, id) in s.items.iter().enumerate() {
                    if !ids.contains_key(id.as_str()) {
                        let known = doc.items.iter().map(|it| it.id.as_str());
                        let msg = self.suggestion(
                            format!(
                                "unknown item \"{}\" in comparison \"{}\"",
                                short(id),
                                short(&cmp.id)
                            ),
                            id,
                            known,
                        );
                        self.error(&format!("comparisons[{c}].{side}.items[{k}]"), msg);
                    }
                }
            }
            // Each pair is looked up in a set of its column, not searched for in the column: a
            // comparison of many pairs was checked in quadratic time.
            let columns: [HashSet<&str>; 2] = [&cmp.left, &cmp.right]
                .map(|side| side.items.iter().map(|id| id.as_str()).collect());
            for (p, pair) in cmp.pairs.iter().enumerate() {
                for (k, (id, column)) in pair.iter().zip(&columns).enumerate() {
                    if !column.contains(id.as_str()) {
                        let which = if k == 0 { "left" } else { "right" };
                        self.error(
                            &format!("comparisons[{c}].pairs[{p}][{k}]"),
                            format!(
                                "\"{}\" is not in the {which} column of comparison \"{}\"",
                                short(id),
                                short(&cmp.id)
                            ),
                        );
                    }
                }
            }
        }
        let (spans, text) = self.check_quotes(doc);
        // The argument's structure is judged on a document read whole: a quote or link dropped
        // for its shape would otherwise show as a missing one.
        if !self.problems.iter().any(Problem::is_error) {
            self.problems
                .extend(super::structure::check(doc, &resolution));
        }
        (spans, resolution, text)
    }

    /// Anchors every quote; gives their spans, and the folded text for search to keep.
    fn check_quotes(&mut self, doc: &Document) -> (Spans, (String, OffsetMap)) {
        let text = FoldedText::new(&doc.document.text);
        let refs: Vec<QuoteRef<'_>> = doc
            .items
            .iter()
            .flat_map(|item| &item.quotes)
            .map(|q| QuoteRef {
                exact: &q.exact,
                prefix: q.prefix.as_deref(),
                suffix: q.suffix.as_deref(),
            })
            .collect();
        let mut results = anchor_all(&text, &refs);
        let renormalized = anchor_renormalized(&text, &refs, &mut results);
        let mut results = results.into_iter();
        let mut spans = Spans::default();
        let mut quoted_by: HashMap<Range<usize>, usize> = HashMap::new();
        let mut item_spans = Vec::new();
        let mut flat = 0;
        for (i, item) in doc.items.iter().enumerate() {
            for (j, quote) in item.quotes.iter().enumerate() {
                // Built only for a problem: most quotes have none.
                let at = |v: &mut Self| {
                    v.at_item(&item.id);
                    format!("items[{i}].quotes[{j}]")
                };
                if let Some(form) = renormalized.get(&flat) {
                    let path = at(self);
                    self.warn(&path, format!("the quote differs from the text only in Unicode normalization: the text writes its accented letters {form}; it was found, but copy the text's form (`argscope quote` prints it)"));
                }
                flat += 1;
                match results.next() {
                    Some(Anchored::Found {
                        span,
                        occurrences,
                        typographic,
                    }) => {
                        if occurrences > 1 {
                            let how = if quote.prefix.is_some() || quote.suffix.is_some() {
                                "even with its prefix and suffix; lengthen them"
                            } else {
                                "without a selector; give a prefix or suffix to say which"
                            };
                            let path = at(self);
                            self.warn(&path, format!("the quote is found {occurrences} times in the text, {how} (the first is used)"));
                        }
                        if let Some(form) = typographic {
                            let path = at(self);
                            self.warn(&path, format!("the quote differs from the text in typographic punctuation; the text reads \"{form}\""));
                        }
                        match quoted_by.get(&span) {
                            Some(&other) if other != i => {
                                let path = at(self);
                                let other = &doc.items[other].id;
                                self.warn(
                                    &path,
                                    format!("quotes exactly the same passage as item \"{other}\""),
                                );
                            }
                            _ => {
                                quoted_by.insert(span.clone(), i);
                            }
                        }
                        item_spans.push(span);
                    }
                    Some(Anchored::Missing { closest }) => {
                        let mut msg = format!(
                            "quote not found in the text: \"{}\"",
                            ellipsize(&quote.exact, 80)
                        );
                        if let Some(c) = closest {
                            msg.push_str(&format!(" — the closest passage is \"{c}\""));
                            // Two lines that look alike are explained.
                            if let Some(d) = super::invisible::differences(&quote.exact, &c) {
                                msg.push_str(&format!(" (unseen differences: {d})"));
                            }
                        }
                        let path = at(self);
                        self.error(&path, msg);
                    }
                    Some(Anchored::Empty) | None => {
                        let path = at(self);
                        self.error(&path, "the quote is empty")
                    }
                }
            }
            spans.push(item_spans.drain(..));
        }
        self.item = None;
        spans.shrink_to_fit();
        (spans, text.into_parts())
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Ids are `[a-z0-9][a-z0-9-]*`, at most 64 bytes.
pub fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

fn malformed_id(id: &str) -> String {
    format!(
        "malformed id \"{}\": an id is lower-case letters, digits and '-', starting with a letter or digit, at most 64 bytes",
        ellipsize(id, 70)
    )
}

fn date_error(date: &str, why: DateError) -> String {
    match why {
        DateError::Malformed => format!(
            "malformed date \"{}\": use YYYY, YYYY-MM or YYYY-MM-DD, with ~ (approximate), ? (uncertain) or % (both) after it, or START/END for an interval",
            ellipsize(date, 40)
        ),
        DateError::EndBeforeStart => format!(
            "the interval \"{}\" ends before it starts",
            ellipsize(date, 40)
        ),
    }
}

/// Control characters that must never reach a terminal: C0 except newline and tab, DEL, C1.
pub fn is_unsafe_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn ellipsize(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// What stands in for an item that could not be read: its id, when it had a readable one (so
/// links to it are not reported as unknown), else one no link can name.
fn placeholder(id: Option<CompactString>, i: usize) -> Item {
    Item {
        id: id.unwrap_or_else(|| format!("\u{1}unreadable-{i}").into()),
        kind: Kind::Recommendation,
        title: String::new(),
        summary: None,
        quotes: Vec::new(),
        links: Vec::new(),
        tags: Vec::new(),
        fields: KindFields::Recommendation {},
    }
}

/// A Unicode normalization form: its name in messages, its test and its conversion.
type NormalForm = (&'static str, fn(&str) -> bool, fn(&str) -> String);

/// Quotes not found as written but found once in another Unicode normalization form (an `é`
/// typed as `e` and a combining accent, as macOS input and some editors produce, against a text
/// that composes it, or the other way round): their results are replaced, and the form the text
/// uses is given by index. Only missing quotes that change under normalization are tried again,
/// so a clean document pays nothing.
fn anchor_renormalized(
    text: &FoldedText<'_>,
    refs: &[QuoteRef<'_>],
    results: &mut [Anchored],
) -> HashMap<usize, &'static str> {
    use unicode_normalization::{UnicodeNormalization, is_nfc, is_nfd};
    let mut found = HashMap::new();
    let forms: [NormalForm; 2] = [
        ("composed (NFC)", is_nfc, |s| s.nfc().collect()),
        (
            "as letters with separate combining marks (NFD)",
            is_nfd,
            |s| s.nfd().collect(),
        ),
    ];
    for (name, is_form, to_form) in forms {
        let missing: Vec<usize> = (0..refs.len())
            .filter(|&k| matches!(results[k], Anchored::Missing { .. }))
            .filter(|&k| {
                let q = &refs[k];
                !is_form(q.exact)
                    || q.prefix.is_some_and(|p| !is_form(p))
                    || q.suffix.is_some_and(|s| !is_form(s))
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        let owned: Vec<(String, Option<String>, Option<String>)> = missing
            .iter()
            .map(|&k| {
                let q = &refs[k];
                (
                    to_form(q.exact),
                    q.prefix.map(to_form),
                    q.suffix.map(to_form),
                )
            })
            .collect();
        let again: Vec<QuoteRef<'_>> = owned
            .iter()
            .map(|(exact, prefix, suffix)| QuoteRef {
                exact,
                prefix: prefix.as_deref(),
                suffix: suffix.as_deref(),
            })
            .collect();
        for (k, result) in missing.into_iter().zip(anchor_all(text, &again)) {
            if let Anchored::Found { .. } = result {
                results[k] = result;
                found.insert(k, name);
            }
        }
    }
    found
}
