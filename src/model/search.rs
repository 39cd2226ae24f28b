//! The search index: every item's searchable fields folded once, at load, into one buffer, so a
//! keystroke is a single memchr-class scan. Matching follows smart case: a query without capitals
//! ignores case and diacritics; any capital makes it exact (but whitespace runs and typographic
//! punctuation still fold).

use super::fold::{Fold, OffsetMap, fold_into, query_fold};
use super::types::{Document, Item, KindFields};
use memchr::memmem;
use std::cell::{OnceCell, RefCell};
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

    fn push(&mut self, item: &Item, mode: Fold) {
        for_each_field(item, |field| {
            fold_into(field, mode, &mut self.buf, None);
            self.buf.push('\n');
        });
        self.starts.push(self.buf.len());
    }

    fn replace(&mut self, i: usize, item: &Item, mode: Fold) {
        let mut text = String::new();
        for_each_field(item, |field| {
            fold_into(field, mode, &mut text, None);
            text.push('\n');
        });
        let (start, end) = (self.starts[i], self.starts[i + 1]);
        let grown = text.len() as isize - (end - start) as isize;
        self.buf.replace_range(start..end, &text);
        for s in &mut self.starts[i + 1..] {
            *s = (*s as isize + grown) as usize;
        }
    }

    fn pop(&mut self) {
        if self.starts.len() > 1 {
            self.starts.pop();
            let end = self.starts.last().copied().unwrap_or(0);
            self.buf.truncate(end);
        }
    }

    fn item_text(&self, item: usize) -> &str {
        &self.buf[self.starts[item]..self.starts[item + 1]]
    }

    /// The item's title, folded: its first field.
    fn title(&self, item: usize) -> &[u8] {
        let text = self.item_text(item).as_bytes();
        memchr::memchr(b'\n', text).map_or(text, |end| &text[..end])
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
        KindFields::Claim { role, unstated } => {
            f(role.name());
            if *unstated {
                f("unstated");
            }
        }
        _ => {}
    }
}

/// The first field of `item` where `query` matches, by its name in the reader's words, and the
/// field's text: what the palette shows beside a result whose title does not match.
pub fn matched_field<'a>(
    item: &'a Item,
    query: &str,
) -> Option<(&'static str, std::borrow::Cow<'a, str>)> {
    use std::borrow::Cow;
    // The kind's own fields (a few), then the rest in the order search reads them; built
    // lazily, as an item may have thousands of quotes or tags.
    let mut own: Vec<(&'static str, Cow<'a, str>)> = Vec::new();
    match &item.fields {
        KindFields::Event { when: Some(w) } => {
            own.push(("when", Cow::Borrowed(&w.label)));
            if let Some(d) = w.date {
                own.push(("date", Cow::Owned(d.to_string())));
            }
        }
        KindFields::Actor { role, group } => {
            own.extend(role.iter().map(|r| ("role", Cow::Borrowed(r.as_str()))));
            own.extend(group.iter().map(|g| ("group", Cow::Borrowed(g.as_str()))));
        }
        KindFields::Provision {
            instrument: Some(i),
        } => own.push(("instrument", Cow::Borrowed(i))),
        KindFields::Claim { role, unstated } => {
            own.push(("role", Cow::Borrowed(role.name())));
            if *unstated {
                own.push(("role", Cow::Borrowed("unstated")));
            }
        }
        _ => {}
    }
    let fields = std::iter::once(("title", Cow::Borrowed(item.title.as_str())))
        .chain(
            item.summary
                .iter()
                .map(|s| ("summary", Cow::Borrowed(s.as_str()))),
        )
        .chain(
            item.quotes
                .iter()
                .map(|q| ("quote", Cow::Borrowed(q.exact.as_str()))),
        )
        .chain(item.tags.iter().map(|t| ("tag", Cow::Borrowed(t.as_str()))))
        .chain(own);
    // Only the start of the first few fields is looked at: the palette shows a line of one, and
    // a frame must not fold an item's megabytes.
    const LOOKED_AT: usize = 600;
    let start = |t: &str| -> usize {
        let mut end = t.len().min(LOOKED_AT);
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        end
    };
    fields.take(16).find_map(|(name, text)| {
        let end = start(&text);
        if find_in(&text[..end], query).is_empty() {
            return None;
        }
        Some((
            name,
            match text {
                Cow::Borrowed(t) => Cow::Borrowed(&t[..end]),
                Cow::Owned(t) => Cow::Owned(t[..end].to_owned()),
            },
        ))
    })
}

/// The text folded for search, with the way back to original offsets.
#[derive(Debug, Clone)]
struct FoldedText {
    buf: String,
    map: OffsetMap,
}

/// Matches in the text, as byte spans of the original text, in order: a one-letter query can
/// match a large text a million times.
pub type TextMatches = super::packed::TextRanges;

/// The original spans of the folded spans `start..start + len`, for `starts` ascending.
fn mapped(map: &OffsetMap, starts: impl Iterator<Item = usize>, len: usize) -> TextMatches {
    let mut original = map.walker();
    starts.map(|s| original(s)..original(s + len)).collect()
}

/// The last text search, so that a longer query only narrows its matches.
#[derive(Debug, Clone, Default)]
struct LastTextSearch {
    query: String,
    mode: Fold,
    /// Every place where it occurs in the folded text, overlapping ones included.
    occurrences: Vec<u32>,
}

/// Search over a document's items and text.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    loose: Folded,
    /// The items in the other folds ([`Fold::Anchor`], `Cased`, `Accented`), each built on the
    /// first query that needs it (a capital, a diacritic, or both).
    strict: [OnceCell<Folded>; 3],
    /// The text in each fold, in the order of [`slot`].
    texts: [OnceCell<FoldedText>; 4],
    last_text: RefCell<Option<LastTextSearch>>,
}

/// The most text matches kept; the count says "at least" past this.
pub const MAX_TEXT_MATCHES: usize = 1_000_000;

impl SearchIndex {
    /// The index of a document whose text was folded loosely already (by anchoring).
    pub fn with_text(doc: &Document, (buf, map): (String, OffsetMap)) -> SearchIndex {
        let index = SearchIndex::new(doc);
        let _ = index.texts[slot(Fold::Loose)].set(FoldedText { buf, map });
        index
    }

    pub fn new(doc: &Document) -> SearchIndex {
        SearchIndex {
            loose: Folded::new(&doc.items, Fold::Loose),
            strict: Default::default(),
            texts: Default::default(),
            last_text: RefCell::new(None),
        }
    }

    /// The text folded loosely, with its offset map, when it was kept at load (anchoring a new
    /// quote reads it rather than folding the text again).
    pub fn loose_text(&self) -> Option<(&str, &OffsetMap)> {
        self.texts[slot(Fold::Loose)]
            .get()
            .map(|t| (t.buf.as_str(), &t.map))
    }

    /// Adds the fields of a new last item. The other folds of the items are built again on the
    /// next query that needs them.
    pub fn push_item(&mut self, item: &Item) {
        self.loose.push(item, Fold::Loose);
        self.strict = Default::default();
    }

    /// Item `i`'s fields become `item`'s.
    pub fn replace_item(&mut self, i: usize, item: &Item) {
        self.loose.replace(i, item, Fold::Loose);
        self.strict = Default::default();
    }

    /// Forgets the last item's fields.
    pub fn pop_item(&mut self) {
        self.loose.pop();
        self.strict = Default::default();
    }

    fn folded(&self, doc: &Document, mode: Fold) -> &Folded {
        match slot(mode) {
            0 => &self.loose,
            n => self.strict[n - 1].get_or_init(|| Folded::new(&doc.items, mode)),
        }
    }

    /// Every item whose fields contain `query`, ascending.
    pub fn items(&self, doc: &Document, query: &str) -> Vec<usize> {
        let Some((q, mode)) = fold_query(query) else {
            return Vec::new();
        };
        let folded = self.folded(doc, mode);
        let buf = folded.buf.as_bytes();
        let mut out = Vec::new();
        let finder = memmem::Finder::new(q.as_bytes());
        let (mut from, mut item) = (0, 0);
        // After a hit, skip to the next item: one hit per item is enough. Hits come in order, so
        // the item is found by walking on from the last one, not by a search of all of them.
        while let Some(at) = finder.find(&buf[from..]) {
            while folded.starts[item + 1] <= from + at {
                item += 1;
            }
            out.push(item);
            from = folded.starts[item + 1];
        }
        out
    }

    /// Whether an item's title contains `query` (as [`find_in`] on the title would say): the
    /// query folded once, for any number of items.
    pub fn title_matcher<'s>(
        &'s self,
        doc: &Document,
        query: &str,
    ) -> impl Fn(usize) -> bool + use<'s> {
        let folded =
            fold_query(query).map(|(q, mode)| (memmem::Finder::new(&q).into_owned(), mode));
        let index = folded.as_ref().map(|&(_, mode)| self.folded(doc, mode));
        move |item| match (&folded, index) {
            (Some((finder, _)), Some(index)) => finder.find(index.title(item)).is_some(),
            _ => false,
        }
    }

    /// Of `candidates` (from a shorter query that this one extends), those that still match.
    pub fn narrow(&self, doc: &Document, query: &str, candidates: &[usize]) -> Vec<usize> {
        let Some((q, mode)) = fold_query(query) else {
            return Vec::new();
        };
        let folded = self.folded(doc, mode);
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
    /// [`MAX_TEXT_MATCHES`]). A query that extends the previous one only narrows its matches.
    pub fn text(&self, doc: &Document, query: &str) -> TextMatches {
        let Some((q, mode)) = fold_query(query) else {
            return TextMatches::default();
        };
        let ft = self.texts[slot(mode)].get_or_init(|| {
            let mut buf = String::with_capacity(doc.document.text.len());
            let mut map = OffsetMap::default();
            fold_into(&doc.document.text, mode, &mut buf, Some(&mut map));
            map.shrink_to_fit();
            FoldedText { buf, map }
        });
        let buf = ft.buf.as_bytes();
        let mut last = self.last_text.borrow_mut();
        let occurrences: Option<Vec<u32>> = match last.take() {
            // Every occurrence of a longer query is one of the shorter query's.
            // Each is checked for what the query adds only (comparing the whole query at every
            // earlier match cost the query's length at each).
            Some(prev) if prev.mode == mode && q.starts_with(&prev.query) => {
                let added = &q.as_bytes()[prev.query.len()..];
                crate::work::add(
                    crate::work::Work::Bytes,
                    prev.occurrences.len() * added.len().max(1),
                );
                Some(
                    prev.occurrences
                        .into_iter()
                        .filter(|&at| {
                            buf.get(at as usize + prev.query.len()..)
                                .is_some_and(|rest| rest.starts_with(added))
                        })
                        .collect(),
                )
            }
            _ => occurrences(buf, q.as_bytes(), MAX_TEXT_MATCHES),
        };
        let Some(occurrences) = occurrences else {
            // Too many to keep them all: the first matches only, and nothing to narrow later.
            let starts = memmem::find_iter(buf, q.as_bytes()).take(MAX_TEXT_MATCHES);
            return mapped(&ft.map, starts, q.len());
        };
        // The matches are the occurrences taken left to right without overlaps, as a search
        // from the start finds them.
        let mut next = 0;
        let starts = occurrences.iter().map(|&at| at as usize).filter(|&at| {
            let keep = at >= next;
            if keep {
                next = at + q.len();
            }
            keep
        });
        let spans = mapped(&ft.map, starts.take(MAX_TEXT_MATCHES), q.len());
        *last = Some(LastTextSearch {
            query: q,
            mode,
            occurrences,
        });
        spans
    }
}

/// Every place where `needle` occurs in `hay`, overlapping ones included; `None` past `limit`.
fn occurrences(hay: &[u8], needle: &[u8], limit: usize) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut push = |at: usize| {
        let room = out.len() < limit;
        if room {
            out.push(at as u32);
        }
        room
    };
    // Two occurrences can overlap only when the needle starts the way it ends; otherwise the
    // iterators (memchr's for one byte, the fastest) find them all.
    let bordered = (1..needle.len()).any(|k| needle[..k] == needle[needle.len() - k..]);
    let all = match needle {
        [byte] => memchr::memchr_iter(*byte, hay).all(&mut push),
        _ if !bordered => memmem::find_iter(hay, needle).all(&mut push),
        _ => {
            let finder = memmem::Finder::new(needle);
            let mut from = 0;
            let mut all = true;
            while let Some(at) = finder.find(&hay[from..]) {
                if !push(from + at) {
                    all = false;
                    break;
                }
                from += at + 1;
            }
            all
        }
    };
    all.then_some(out)
}

/// Where each fold's caches are: the loose fold first.
fn slot(mode: Fold) -> usize {
    match mode {
        Fold::Loose => 0,
        Fold::Anchor => 1,
        Fold::Cased => 2,
        Fold::Accented => 3,
    }
}

/// The folded query and the fold it matches in (smart case); `None` for an empty query.
pub fn fold_query(query: &str) -> Option<(String, Fold)> {
    let mode = query_fold(query);
    let mut q = String::new();
    fold_into(query, mode, &mut q, None);
    (!q.is_empty()).then_some((q, mode))
}

/// Where the folded query `q` first occurs in `s`, as a byte offset of `s`'s fold (0 when `s`
/// starts with it); `mode` as [`fold_query`] said.
pub fn find_folded(s: &str, q: &str, mode: Fold) -> Option<usize> {
    let mut buf = String::new();
    fold_into(s, mode, &mut buf, None);
    memmem::find(buf.as_bytes(), q.as_bytes())
}

/// Where `query` occurs in `s` (any string, e.g. a line of the detail), as byte spans of `s`.
pub fn find_in(s: &str, query: &str) -> Vec<Range<usize>> {
    let Some((q, mode)) = fold_query(query) else {
        return Vec::new();
    };
    find_all_folded(s, &q, mode)
}

/// [`find_in`] for a query folded already (by [`fold_query`]).
pub fn find_all_folded(s: &str, q: &str, mode: Fold) -> Vec<Range<usize>> {
    let mut buf = String::new();
    let mut map = OffsetMap::default();
    fold_into(s, mode, &mut buf, Some(&mut map));
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
            [0],
            "a capital makes case exact, diacritics still fold"
        );
        assert_eq!(
            s.items(&m.doc, "LOPEZ"),
            Vec::<usize>::new(),
            "case is exact"
        );
        assert_eq!(
            s.items(&m.doc, "lópez"),
            [0],
            "a diacritic ignores case still"
        );
        assert_eq!(
            s.items(&m.doc, "lópéz"),
            Vec::<usize>::new(),
            "diacritics are exact"
        );
        assert_eq!(s.items(&m.doc, "Mérida"), [2]);
        assert_eq!(s.items(&m.doc, "Merida"), [2]);
        assert_eq!(s.items(&m.doc, "mérida"), [2]);
        assert_eq!(s.items(&m.doc, "MÉRIDA"), Vec::<usize>::new());
        assert_eq!(find_in("Andrés López", "Lopez"), vec![8..14]);
        assert_eq!(s.text(&m.doc, "Lopez").len(), 1, "the text search agrees");
    }

    #[test]
    fn typographic_punctuation_and_whitespace_fold() {
        let m = doc();
        let s = SearchIndex::new(&m.doc);
        assert_eq!(s.items(&m.doc, "u.s.'s agents"), [1]);
        let spans = s.text(&m.doc, "u.s.'s agents");
        assert_eq!(spans.len(), 1);
        assert_eq!(
            &m.doc.document.text[spans.get(0).unwrap()],
            "U.S.’s  agents"
        );
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
    fn a_text_search_typed_key_by_key_finds_what_a_fresh_one_finds() {
        let json = r#"{"format":"argscope/1","document":{"title":"t","text":"aaab aab abab aaaa Abab\u00a0aB López lopez"},
        "items":[{"id":"a","kind":"recommendation","title":"A","quotes":["aaab"],"links":[{"rel":"mentions","to":"a"}]}]}"#;
        let m = load(json.as_bytes()).unwrap();
        let typed = |query: &str| {
            let index = SearchIndex::new(&m.doc);
            let mut q = String::new();
            let mut last = TextMatches::default();
            for c in query.chars() {
                q.push(c);
                last = index.text(&m.doc, &q);
            }
            last
        };
        for query in [
            "aaab", "aab", "abab", "aaa", "aa", "ab ab", "lopez", "López", "aB", "abx",
        ] {
            let fresh = SearchIndex::new(&m.doc).text(&m.doc, query);
            assert_eq!(typed(query), fresh, "{query:?}");
        }
        // Overlapping occurrences: "aa" in "aaaa" is two matches, not three.
        assert_eq!(occurrences(b"aaaa", b"aa", 10), Some(vec![0, 1, 2]));
        assert_eq!(occurrences(b"abcabc", b"abc", 10), Some(vec![0, 3]));
        assert_eq!(occurrences(b"abcabc", b"c", 10), Some(vec![2, 5]));
        assert_eq!(occurrences(b"abcabc", b"c", 1), None);
        assert_eq!(SearchIndex::new(&m.doc).text(&m.doc, "aaaa").len(), 1);
        assert_eq!(
            typed("aa").len(),
            SearchIndex::new(&m.doc).text(&m.doc, "aa").len()
        );
    }

    #[test]
    fn titles_match_as_find_in_says() {
        let m = doc();
        let s = SearchIndex::new(&m.doc);
        for query in [
            "lopez", "López", "Lopez", "u.s.", "agents", "fentanyl", "北京", "2008",
        ] {
            let matches = s.title_matcher(&m.doc, query);
            for (i, item) in m.doc.items.iter().enumerate() {
                assert_eq!(
                    matches(i),
                    !find_in(&item.title, query).is_empty(),
                    "{query:?} in {:?}",
                    item.title
                );
            }
        }
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
