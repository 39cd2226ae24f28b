//! The search index: every item's searchable fields folded once, at load, into one buffer, so a
//! keystroke is a single memchr-class scan. Matching follows smart case: a query without capitals
//! ignores case and diacritics; any capital makes it exact (but whitespace runs and typographic
//! punctuation still fold).

use super::fold::{Fold, OffsetMap, fold_into, is_exact_query};
use super::types::{Document, Item, KindFields};
use memchr::memmem;
use std::cell::OnceCell;
use std::ops::Range;

/// Folded fields of all items, end to end, each item's fields separated by newlines (which no
/// folded query contains, so a match never spans two fields).
#[derive(Debug, Clone)]
struct Folded {
    buf: String,
    /// `starts[i]`: where item `i` begins in `buf`; one extra entry marks the end.
    starts: Vec<usize>,
}

impl Folded {
    fn new(items: &[Item], mode: Fold) -> Folded {
        let mut buf = String::new();
        let mut starts = Vec::with_capacity(items.len() + 1);
        for item in items {
            starts.push(buf.len());
            for_each_field(item, |field| {
                fold_into(field, mode, &mut buf, None);
                buf.push('\n');
            });
        }
        starts.push(buf.len());
        Folded { buf, starts }
    }

    fn item_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at) - 1
    }

    fn item_text(&self, item: usize) -> &str {
        &self.buf[self.starts[item]..self.starts[item + 1]]
    }
}

/// Calls `f` with each searchable field of an item: title, summary, quotes, tags, the kind's own.
pub fn for_each_field(item: &Item, mut f: impl FnMut(&str)) {
    f(&item.title);
    if let Some(s) = &item.summary {
        f(s);
    }
    for q in &item.quotes {
        f(&q.exact);
    }
    for t in &item.tags {
        f(t);
    }
    match &item.fields {
        KindFields::Event { when: Some(w) } => {
            f(&w.label);
            if let Some(d) = w.date {
                f(&d.to_string());
            }
        }
        KindFields::Actor { role, group } => {
            for s in [role, group].into_iter().flatten() {
                f(s);
            }
        }
        KindFields::Provision {
            instrument: Some(i),
        } => f(i),
        KindFields::Claim { role } => f(role.name()),
        _ => {}
    }
}

/// The text folded for search, with the way back to original offsets.
#[derive(Debug, Clone)]
struct FoldedText {
    buf: String,
    map: OffsetMap,
}

/// Search over a document's items and text.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    loose: Folded,
    /// Built on the first query with a capital letter.
    exact: OnceCell<Folded>,
    loose_text: OnceCell<FoldedText>,
    exact_text: OnceCell<FoldedText>,
}

/// The most text matches kept; the count says "at least" past this.
pub const MAX_TEXT_MATCHES: usize = 1_000_000;

impl SearchIndex {
    pub fn new(doc: &Document) -> SearchIndex {
        SearchIndex {
            loose: Folded::new(&doc.items, Fold::Loose),
            exact: OnceCell::new(),
            loose_text: OnceCell::new(),
            exact_text: OnceCell::new(),
        }
    }

    fn folded(&self, doc: &Document, exact: bool) -> &Folded {
        if exact {
            self.exact
                .get_or_init(|| Folded::new(&doc.items, Fold::Anchor))
        } else {
            &self.loose
        }
    }

    /// Every item whose fields contain `query`, ascending.
    pub fn items(&self, doc: &Document, query: &str) -> Vec<usize> {
        let Some((q, exact)) = fold_query(query) else {
            return Vec::new();
        };
        let folded = self.folded(doc, exact);
        let mut out = Vec::new();
        let finder = memmem::Finder::new(q.as_bytes());
        let mut from = 0;
        // After a hit, skip to the next item: one hit per item is enough.
        while let Some(at) = finder.find(&folded.buf.as_bytes()[from..]) {
            let item = folded.item_at(from + at);
            out.push(item);
            from = folded.starts[item + 1];
        }
        out
    }

    /// Of `candidates` (from a shorter query that this one extends), those that still match.
    pub fn narrow(&self, doc: &Document, query: &str, candidates: &[usize]) -> Vec<usize> {
        let Some((q, exact)) = fold_query(query) else {
            return Vec::new();
        };
        let folded = self.folded(doc, exact);
        let finder = memmem::Finder::new(q.as_bytes());
        candidates
            .iter()
            .copied()
            .filter(|&i| finder.find(folded.item_text(i).as_bytes()).is_some())
            .collect()
    }

    /// Whether one item matches.
    pub fn item_matches(&self, doc: &Document, query: &str, item: usize) -> bool {
        !self.narrow(doc, query, &[item]).is_empty()
    }

    /// Byte spans of the original text where `query` occurs, in order (at most
    /// [`MAX_TEXT_MATCHES`]).
    pub fn text(&self, doc: &Document, query: &str) -> Vec<Range<usize>> {
        let Some((q, exact)) = fold_query(query) else {
            return Vec::new();
        };
        let cell = if exact {
            &self.exact_text
        } else {
            &self.loose_text
        };
        let ft = cell.get_or_init(|| {
            let mut buf = String::with_capacity(doc.document.text.len());
            let mut map = OffsetMap::default();
            fold_into(
                &doc.document.text,
                if exact { Fold::Anchor } else { Fold::Loose },
                &mut buf,
                Some(&mut map),
            );
            FoldedText { buf, map }
        });
        memmem::find_iter(ft.buf.as_bytes(), q.as_bytes())
            .take(MAX_TEXT_MATCHES)
            .map(|at| ft.map.original(at)..ft.map.original(at + q.len()))
            .collect()
    }
}

/// The folded query and whether it is exact (smart case); `None` for an empty query.
pub fn fold_query(query: &str) -> Option<(String, bool)> {
    let exact = is_exact_query(query);
    let mut q = String::new();
    fold_into(
        query,
        if exact { Fold::Anchor } else { Fold::Loose },
        &mut q,
        None,
    );
    (!q.is_empty()).then_some((q, exact))
}

/// Where `query` occurs in `s` (any string, e.g. a line of the detail), as byte spans of `s`.
pub fn find_in(s: &str, query: &str) -> Vec<Range<usize>> {
    let Some((q, exact)) = fold_query(query) else {
        return Vec::new();
    };
    let mut buf = String::new();
    let mut map = OffsetMap::default();
    fold_into(
        s,
        if exact { Fold::Anchor } else { Fold::Loose },
        &mut buf,
        Some(&mut map),
    );
    memmem::find_iter(buf.as_bytes(), q.as_bytes())
        .map(|at| map.original(at)..map.original(at + q.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    fn doc() -> crate::model::Model {
        let json = r#"{"format":"argscope/1","document":{"title":"t","text":"Andrés Manuel López Obrador and the U.S.’s  agents in Mérida. 北京 👍 fentanyl"},
        "items":[
          {"id":"amlo","kind":"actor","title":"Andrés Manuel López Obrador","quotes":["Andrés Manuel López Obrador"],"links":[{"rel":"involves","to":"us"}],"group":"Mexico"},
          {"id":"us","kind":"actor","title":"U.S. agents","quotes":["U.S.’s  agents"],"links":[],"role":"DEA"},
          {"id":"merida","kind":"event","title":"Mérida","quotes":["Mérida"],"links":[{"rel":"involves","to":"us"}],"when":{"label":"since 2008","date":"2008"}},
          {"id":"cjk","kind":"claim","title":"北京 👍","quotes":["北京 👍"],"links":[{"rel":"supports","to":"us"}],"role":"evidence","tags":["fentanyl"]}
        ]}"#;
        load(json.as_bytes()).unwrap()
    }

    #[test]
    fn smart_case_and_diacritics() {
        let m = doc();
        let s = SearchIndex::new(&m.doc);
        assert_eq!(s.items(&m.doc, "lopez"), [0]);
        assert_eq!(s.items(&m.doc, "merida"), [2]);
        assert_eq!(s.items(&m.doc, "López"), [0]);
        assert_eq!(
            s.items(&m.doc, "Lopez"),
            Vec::<usize>::new(),
            "a capital makes the search exact"
        );
    }

    #[test]
    fn typographic_punctuation_and_whitespace_fold() {
        let m = doc();
        let s = SearchIndex::new(&m.doc);
        assert_eq!(s.items(&m.doc, "u.s.'s agents"), [1]);
        let spans = s.text(&m.doc, "u.s.'s agents");
        assert_eq!(spans.len(), 1);
        assert_eq!(&m.doc.document.text[spans[0].clone()], "U.S.’s  agents");
    }

    #[test]
    fn kind_fields_tags_cjk_and_emoji_are_searched() {
        let m = doc();
        let s = SearchIndex::new(&m.doc);
        assert_eq!(s.items(&m.doc, "dea"), [1]);
        assert_eq!(s.items(&m.doc, "since 2008"), [2]);
        assert_eq!(s.items(&m.doc, "2008"), [2]);
        assert_eq!(s.items(&m.doc, "北京"), [3]);
        assert_eq!(s.items(&m.doc, "👍"), [3]);
        assert_eq!(s.items(&m.doc, "fentanyl"), [3]);
    }

    #[test]
    fn narrowing_agrees_with_a_fresh_search() {
        let m = doc();
        let s = SearchIndex::new(&m.doc);
        let wide = s.items(&m.doc, "a");
        assert_eq!(s.narrow(&m.doc, "ag", &wide), s.items(&m.doc, "ag"));
    }

    #[test]
    fn matches_never_span_two_fields() {
        let m = doc();
        let s = SearchIndex::new(&m.doc);
        // The title ends "Obrador" and the quote starts "Andrés": no match across them.
        assert!(s.items(&m.doc, "obrador andres").is_empty());
    }

    #[test]
    fn find_in_maps_back_to_the_original() {
        let line = "Mexico’s  López";
        let spans = find_in(line, "co's lo");
        assert_eq!(&line[spans[0].clone()], "co’s  Ló");
    }
}
