//! The fast path of loading: a document with nothing to report is deserialized straight into
//! typed structs, without a `serde_json::Value` tree in between (which costs more than the parse
//! itself at 100,000 items, and several times the file's size in memory).
//!
//! It only ever accepts what the by-hand walk in `validate` would accept without a word: anything
//! else (an unknown field, a wrong type, a duplicate key, a null where the walk objects, a value
//! it would warn about) makes it give up, and the walk runs instead, so every message stays the
//! same. The cross-reference checks (ids, links, quotes) run on its result as on the walk's.

use super::types::*;
use super::validate::is_valid_id;
use compact_str::CompactString;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

/// The document, if it deserializes and has nothing the walk would report.
pub fn document(bytes: &[u8]) -> Option<Document> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let raw: RawDocument = serde_json::from_slice(bytes).ok()?;
    raw.into_document()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    /// For editors (a JSON Schema's path or URL); the loader ignores it.
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    format: String,
    document: RawSource,
    #[serde(default)]
    relations: Option<Vec<RawRelation>>,
    #[serde(deserialize_with = "items")]
    items: Vec<Item>,
    #[serde(default)]
    comparisons: Option<Vec<RawComparison>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(deserialize_with = "long_string")]
    text: String,
}

/// The items, each converted as soon as it is read, so that the raw form of all of them is never
/// held at once; one that the fast path cannot take ends the parse.
fn items<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Item>, D::Error> {
    struct Items;
    impl<'de> Visitor<'de> for Items {
        type Value = Vec<Item>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array of items")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Item>, A::Error> {
            let mut items = Vec::new();
            while let Some(raw) = seq.next_element::<RawItem>()? {
                let item = raw
                    .into_item()
                    .ok_or_else(|| de::Error::custom("not for the fast path"))?;
                items.push(item);
            }
            items.shrink_to_fit();
            Ok(items)
        }
    }
    d.deserialize_seq(Items)
}

/// A string that may be tens of megabytes (the text). serde_json unescapes a string into a
/// scratch buffer that it keeps until the end of the document; unescaped here by a deserializer
/// of its own, the buffer is freed at once instead of staying beside everything parsed after it.
fn long_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = <&serde_json::value::RawValue>::deserialize(d)?;
    serde_json::from_str(raw.get()).map_err(de::Error::custom)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    id: String,
    label: String,
    inverse: String,
}

/// The fields of one kind are `Some(None)` when present but null: the walk tells an absent field
/// from a null one when it belongs to another kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: CompactString,
    kind: CompactString,
    title: String,
    #[serde(default)]
    summary: Option<String>,
    quotes: Vec<RawQuote>,
    #[serde(default)]
    links: Option<Vec<RawLink>>,
    #[serde(default)]
    tags: Option<Vec<CompactString>>,
    #[serde(default, deserialize_with = "present")]
    when: Option<Option<RawWhen>>,
    #[serde(default, deserialize_with = "present")]
    role: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    group: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    instrument: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    unstated: Option<Option<bool>>,
}

/// A field that is there, possibly null.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWhen {
    label: String,
    #[serde(default)]
    date: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    rel: CompactString,
    to: CompactString,
    #[serde(default)]
    group: Option<CompactString>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComparison {
    id: String,
    title: String,
    left: RawSide,
    right: RawSide,
    #[serde(default)]
    pairs: Option<Vec<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSide {
    label: String,
    items: Vec<String>,
}

/// A quote: a plain string, or `{exact, prefix, suffix}`.
struct RawQuote(Quote);

impl<'de> Deserialize<'de> for RawQuote {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawQuote, D::Error> {
        d.deserialize_any(QuoteVisitor)
    }
}

struct QuoteVisitor;

impl<'de> Visitor<'de> for QuoteVisitor {
    type Value = RawQuote;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or an {exact, prefix, suffix} object")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<RawQuote, E> {
        self.visit_string(s.to_owned())
    }

    fn visit_string<E: de::Error>(self, exact: String) -> Result<RawQuote, E> {
        Ok(RawQuote(Quote {
            exact,
            prefix: None,
            suffix: None,
        }))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawQuote, A::Error> {
        let (mut exact, mut prefix, mut suffix) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "exact" => &mut exact,
                "prefix" => &mut prefix,
                "suffix" => &mut suffix,
                _ => {
                    return Err(de::Error::unknown_field(&key, super::fields::QUOTE));
                }
            };
            if slot.is_some() {
                return Err(de::Error::duplicate_field("quote field"));
            }
            *slot = Some(map.next_value::<Option<String>>()?);
        }
        let exact = exact
            .flatten()
            .ok_or_else(|| de::Error::missing_field("exact"))?;
        Ok(RawQuote(Quote {
            exact,
            prefix: prefix.flatten(),
            suffix: suffix.flatten(),
        }))
    }
}

/// Checks a string for what the walk would warn about (a control character, see
/// [`is_unsafe_control`]); one found abandons the fast path. The text alone can be tens of
/// megabytes: C0 controls are looked for a block at a time (no early exit inside a block, so the
/// compiler can use vector instructions), and the lead bytes of the rest with `memchr3`.
fn clean(s: &str) -> Option<()> {
    let b = s.as_bytes();
    let c0 = |x: u8| x < 0x20 && x != b'\n' && x != b'\t';
    if b.chunks(4096)
        .any(|block| block.iter().fold(false, |found, &x| found | c0(x)))
    {
        return None;
    }
    for i in memchr::memchr3_iter(0x7F, 0xC2, 0xE2, b) {
        let unsafe_here = match b[i] {
            // DEL.
            0x7F => true,
            // C1: U+0080 to U+009F.
            0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
            // U+202A to U+202E and U+2066 to U+2069.
            _ => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
            ),
        };
        if unsafe_here {
            return None;
        }
    }
    Some(())
}

fn cleaned<S: AsRef<str>>(s: S) -> Option<S> {
    clean(s.as_ref()).map(|()| s)
}

fn cleaned_opt(s: Option<String>) -> Option<Option<String>> {
    match s {
        Some(s) => cleaned(s).map(Some),
        None => Some(None),
    }
}

fn all_clean<S: AsRef<str>>(v: Vec<S>) -> Option<Vec<S>> {
    v.iter().try_for_each(|s| clean(s.as_ref()))?;
    Some(v)
}

impl RawDocument {
    fn into_document(self) -> Option<Document> {
        if self.format != FORMAT {
            return None;
        }
        let source = self.document.into_source()?;
        let mut relations = Vec::new();
        let mut seen = HashSet::new();
        for r in self.relations.unwrap_or_default() {
            if !is_valid_id(&r.id) || !seen.insert(r.id.clone()) {
                return None;
            }
            relations.push(Relation {
                id: cleaned(r.id)?,
                label: cleaned(r.label)?,
                inverse: cleaned(r.inverse)?,
            });
        }
        if relations.is_empty() {
            relations = builtin_relations();
        }
        let comparisons = self
            .comparisons
            .unwrap_or_default()
            .into_iter()
            .map(RawComparison::into_comparison)
            .collect::<Option<Vec<Comparison>>>()?;
        Some(Document {
            format: self.format,
            document: source,
            relations,
            items: self.items,
            comparisons,
        })
    }
}

impl RawSource {
    fn into_source(self) -> Option<Source> {
        if let Some(p) = &self.published {
            Date::parse(p)?;
        }
        if self.url.as_deref().is_some_and(|u| !is_web_url(u)) {
            return None;
        }
        Some(Source {
            title: cleaned(self.title)?,
            source: cleaned_opt(self.source)?,
            published: cleaned_opt(self.published)?,
            url: cleaned_opt(self.url)?,
            text: cleaned(self.text)?,
        })
    }
}

impl RawItem {
    fn into_item(self) -> Option<Item> {
        if !is_valid_id(&self.id) || self.title.contains('\n') {
            return None;
        }
        let kind = Kind::parse(&self.kind)?;
        // A field of another kind is an error even when null; one's own may be null.
        let (when, role, group, instrument) = (self.when, self.role, self.group, self.instrument);
        let unstated = self.unstated;
        if kind != Kind::Claim && unstated.is_some() {
            return None;
        }
        let fields = match kind {
            Kind::Event if role.is_none() && group.is_none() && instrument.is_none() => {
                KindFields::Event {
                    when: match when.flatten() {
                        Some(w) => Some(When {
                            date: match w.date {
                                Some(d) => Some(Date::parse(clean(&d).map(|()| &d)?)?),
                                None => None,
                            },
                            label: cleaned(w.label)?,
                        }),
                        None => None,
                    },
                }
            }
            Kind::Actor if when.is_none() && instrument.is_none() => KindFields::Actor {
                role: cleaned_opt(role.flatten())?,
                group: cleaned_opt(group.flatten())?,
            },
            Kind::Provision if when.is_none() && role.is_none() && group.is_none() => {
                KindFields::Provision {
                    instrument: cleaned_opt(instrument.flatten())?,
                }
            }
            Kind::Recommendation
                if when.is_none() && role.is_none() && group.is_none() && instrument.is_none() =>
            {
                KindFields::Recommendation {}
            }
            Kind::Claim if when.is_none() && group.is_none() && instrument.is_none() => {
                let role = role.flatten()?;
                KindFields::Claim {
                    role: ClaimRole::ALL.into_iter().find(|r| r.name() == role)?,
                    unstated: unstated.flatten().unwrap_or(false),
                }
            }
            _ => return None,
        };
        let quotes = self
            .quotes
            .into_iter()
            .map(|RawQuote(q)| {
                Some(Quote {
                    exact: cleaned(q.exact)?,
                    prefix: cleaned_opt(q.prefix)?,
                    suffix: cleaned_opt(q.suffix)?,
                })
            })
            .collect::<Option<Vec<Quote>>>()?;
        // Lists were read with room to grow; a hundred thousand items keep only what they hold.
        let mut quotes = quotes;
        quotes.shrink_to_fit();
        let links = self
            .links
            .unwrap_or_default()
            .into_iter()
            .map(|l| {
                Some(Link {
                    rel: cleaned(l.rel)?,
                    to: cleaned(l.to)?,
                    group: match l.group {
                        Some(g) => Some(cleaned(g)?),
                        None => None,
                    },
                    note: cleaned_opt(l.note)?,
                })
            })
            .collect::<Option<Vec<Link>>>()?;
        let mut links = links;
        links.shrink_to_fit();
        let mut tags = all_clean(self.tags.unwrap_or_default())?;
        tags.shrink_to_fit();
        Some(Item {
            id: self.id,
            kind,
            title: cleaned(self.title)?,
            summary: cleaned_opt(self.summary)?,
            quotes,
            links,
            tags,
            fields,
        })
    }
}

impl RawComparison {
    fn into_comparison(self) -> Option<Comparison> {
        if !is_valid_id(&self.id) {
            return None;
        }
        let side = |s: RawSide| {
            Some(Side {
                label: cleaned(s.label)?,
                items: all_clean(s.items)?,
            })
        };
        let pairs = self
            .pairs
            .unwrap_or_default()
            .into_iter()
            .map(|p| <[String; 2]>::try_from(all_clean(p)?).ok())
            .collect::<Option<Vec<[String; 2]>>>()?;
        Some(Comparison {
            id: self.id,
            title: cleaned(self.title)?,
            left: side(self.left)?,
            right: side(self.right)?,
            pairs,
        })
    }
}

#[cfg(test)]
mod tests {
    /// The fields a struct names in serde's "unknown field" error, sorted.
    fn fields_of<T: for<'de> serde::Deserialize<'de>>() -> Vec<String> {
        let Err(e) = serde_json::from_str::<T>(r#"{"zzz-unknown": 0}"#) else {
            panic!("an unknown field is refused");
        };
        let message = e.to_string();
        let list = message
            .split("expected one of ")
            .nth(1)
            .or_else(|| message.split("expected ").nth(1))
            .unwrap_or_else(|| panic!("{message}"));
        let list = list.split(" at line").next().unwrap_or(list);
        // serde writes `a`, `b` or `a` or `b`.
        let mut names: Vec<String> = list
            .split(['`', ','])
            .map(str::trim)
            .filter(|n| !n.is_empty() && *n != "or")
            .map(str::to_owned)
            .collect();
        names.sort();
        names
    }

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn the_fast_structs_know_the_fields_of_the_table() {
        use super::super::fields;
        assert_eq!(fields_of::<RawDocument>(), sorted(fields::TOP));
        assert_eq!(fields_of::<RawSource>(), sorted(fields::SOURCE));
        assert_eq!(fields_of::<RawRelation>(), sorted(fields::RELATION));
        let mut item: Vec<&str> = fields::ITEM.to_vec();
        for kind in crate::model::Kind::ALL {
            for f in fields::of_kind(kind) {
                if !item.contains(f) {
                    item.push(f);
                }
            }
        }
        assert_eq!(fields_of::<RawItem>(), sorted(&item));
        assert_eq!(fields_of::<RawWhen>(), sorted(fields::WHEN));
        assert_eq!(fields_of::<RawLink>(), sorted(fields::LINK));
        assert_eq!(fields_of::<RawComparison>(), sorted(fields::COMPARISON));
        assert_eq!(fields_of::<RawSide>(), sorted(fields::SIDE));
        assert_eq!(fields_of::<RawQuote>(), sorted(fields::QUOTE));
    }

    use super::*;
    use crate::model::validate::is_unsafe_control;
    use crate::model::{parse_json, validate};

    fn fast(bytes: &[u8]) -> Option<Document> {
        document(bytes)
    }

    /// Everything validation decides, in a comparable form.
    fn outcome(v: validate::Validated) -> String {
        let doc = v
            .document
            .map(|d| serde_json::to_string(&d).unwrap_or_default());
        format!("{doc:?}\n{:?}\n{:?}", v.problems, v.spans)
    }

    /// Whenever the fast path takes a document, loading ends exactly as the walk would have.
    fn agrees(name: &str, bytes: &[u8]) {
        if let Some(doc) = fast(bytes) {
            let walked = match parse_json(bytes) {
                Ok(value) => outcome(validate::validate(value)),
                Err(p) => format!("{p:?}"),
            };
            assert_eq!(outcome(validate::check(doc)), walked, "{name}");
        }
    }

    #[test]
    fn agrees_with_the_walk_on_every_fixture() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let bytes = std::fs::read(&path).expect("readable");
                agrees(&path.display().to_string(), &bytes);
                n += 1;
            }
        }
        assert!(n > 20);
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_unsafe_controls() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(
                clean(&s).is_none(),
                is_unsafe_control(c),
                "U+{:04X}",
                c as u32
            );
        }
        // Past the first block, and next to the multibyte characters that are fine.
        let long = "é — “x” ".repeat(1000);
        assert!(clean(&long).is_some());
        for bad in ["\u{1}", "\u{7f}", "\u{85}", "\u{202e}", "\u{2068}"] {
            assert!(clean(&format!("{long}{bad}{long}")).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn takes_the_built_in_document() {
        let bytes = crate::model::BUILTIN.as_bytes();
        assert!(fast(bytes).is_some());
        agrees("built-in", bytes);
    }

    #[test]
    fn gives_up_on_what_the_walk_would_report() {
        let base = r#"{"format":"argscope/1","document":{"title":"t","text":"a b c"},
            "items":[{"id":"a","kind":"KIND","title":"T","quotes":["a b"]EXTRA}]}"#;
        let doc = |kind: &str, extra: &str| base.replace("KIND", kind).replace("EXTRA", extra);
        assert!(fast(doc("event", "").as_bytes()).is_some());
        for (kind, extra) in [
            ("event", r#","instrument":null"#),
            ("event", r#","when":{"label":"x","date":"2020-13"}"#),
            ("event", r#","when":{"label":"x","bogus":1}"#),
            ("actor", r#","when":null"#),
            ("claim", ""),
            ("claim", r#","role":"axiom""#),
            ("recommendation", r#","group":"g""#),
            ("event", r#","unstated":true"#),
            ("claim", r#","role":"premise","unstated":"yes""#),
            ("event", r#","when":{"label":"x","date":"2021-01/2020-12"}"#),
            ("provision", r#","tags":["a\u001b"]"#),
            ("event", r#","summary":"x\u202e""#),
            ("event", r#","summary":"x","summary":"y""#),
            (
                "event",
                r#","links":[{"rel":"involves","to":"a","to":"b"}]"#,
            ),
            ("event", r#","quotes2":[]"#),
            ("bogus", ""),
        ] {
            let json = doc(kind, extra);
            assert!(fast(json.as_bytes()).is_none(), "{kind} {extra}");
            agrees(&json, json.as_bytes());
        }
        for (kind, extra) in [
            ("actor", r#","role":null,"group":"g""#),
            ("claim", r#","role":"thesis""#),
            ("claim", r#","role":"premise","unstated":true"#),
            ("claim", r#","role":"premise","unstated":null"#),
            (
                "event",
                r#","when":{"label":"x","date":"2020-12%/2021-01~"}"#,
            ),
            (
                "claim",
                r#","role":"thesis","links":[{"rel":"supports","to":"a","group":"g"}]"#,
            ),
            (
                "event",
                r#","when":null,"summary":null,"links":null,"tags":null"#,
            ),
            (
                "event",
                r#","quotes":[{"exact":"b","prefix":"a","suffix":null}]"#,
            ),
        ] {
            let json = doc(kind, extra).replace(r#""quotes":["a b"],"quotes""#, r#""quotes""#);
            agrees(&json, json.as_bytes());
        }
    }
}
