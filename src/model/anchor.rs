//! Anchoring quotes in the text: every quote resolves to a byte span of `document.text`.
//!
//! A quote matches where the text reads the same up to whitespace runs and typographic
//! punctuation (the anchor fold). The text is folded once, loosely (as search reads it: case and
//! diacritics go too), and that fold is kept for the Text pane's search. Every quote is looked
//! for in it in one pass: each quote's key is the bytes after its first space, every word start
//! of the text is hashed with a load or two, a Bloom filter skips those that are no key, and only
//! the places whose hash is a key's are compared with the quote and then checked against the
//! original text, exactly. The cost is linear in the text and the quotes, not one search per
//! quote, and the tables stay small next to the text (an automaton over 100,000 keys did not).

use super::fold::{Fold, OffsetMap, fold, fold_into};
pub use super::selector::quote_for;
use std::ops::Range;

/// How many bytes of a folded quote make its key; the rest is checked at each hit. Shorter quotes
/// use the largest power of two that fits, so there is one pass over the text per key length
/// (one pass for the usual document, whose quotes are all longer).
const KEY_BYTES: usize = 32;
/// Occurrences remembered per quote; more only count.
const MAX_OCCURRENCES: usize = 64;
/// The shortest key that follows a quote's first space; a quote with less is keyed by its start.
const MIN_WORD_KEY: usize = 8;
/// The bytes of a missing quote's start and end that its closest passage is looked for by.
const CLOSEST_BYTES: usize = 256;
/// Candidate places a quote is compared at before it is anchored exhaustively instead.
const MAX_CANDIDATES: usize = 2 * MAX_OCCURRENCES;
/// Missing quotes for which the closest passage is looked for (each costs a few text scans).
const MAX_CLOSEST: usize = 50;

/// The text, folded loosely once, with the way back to original offsets.
pub struct FoldedText<'t> {
    original: &'t str,
    folded: std::borrow::Cow<'t, str>,
    map: std::borrow::Cow<'t, OffsetMap>,
}

impl<'t> FoldedText<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut map = OffsetMap::default();
        fold_into(text, Fold::Loose, &mut folded, Some(&mut map));
        map.shrink_to_fit();
        FoldedText {
            original: text,
            folded: folded.into(),
            map: std::borrow::Cow::Owned(map),
        }
    }

    /// The text folded already (search keeps its loose fold): anchoring a new quote then costs
    /// no fold of the whole text.
    pub fn folded_already(text: &'t str, folded: &'t str, map: &'t OffsetMap) -> Self {
        FoldedText {
            original: text,
            folded: folded.into(),
            map: std::borrow::Cow::Borrowed(map),
        }
    }

    /// The folded text and its offset map, for search to keep.
    pub fn into_parts(self) -> (String, OffsetMap) {
        (self.folded.into_owned(), self.map.into_owned())
    }

    fn span(&self, folded: Range<usize>) -> Range<usize> {
        self.map.original(folded.start)..self.map.original(folded.end)
    }
}

/// A quote to anchor: its exact text and optional context.
pub struct QuoteRef<'q> {
    pub exact: &'q str,
    pub prefix: Option<&'q str>,
    pub suffix: Option<&'q str>,
}

/// What anchoring one quote found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchored {
    /// Found: the span, how many places matched (after the selector), and the text's own form
    /// when it differs from the quote only in typographic punctuation.
    Found {
        span: Range<usize>,
        occurrences: usize,
        typographic: Option<String>,
    },
    /// Not found; the closest passage of the text, when one was looked for and is near.
    Missing { closest: Option<String> },
    /// The quote is empty or only whitespace.
    Empty,
}

/// Anchors one quote, as [`anchor_all`] would: its loose fold looked for with `memmem` over the
/// text's loose fold (milliseconds at a hundred megabytes, where `anchor_all`'s pass over every
/// word start costs a tenth of a second), each place then checked against the original text,
/// exactly and in context. A quote found in more places than `anchor_all` would compare it at
/// is anchored by `anchor_all` itself. A quote not found gets no closest passage: the full check
/// looks for that.
pub fn anchor_one(text: &FoldedText<'_>, quote: &QuoteRef<'_>) -> Anchored {
    let mut f = String::new();
    fold_into(quote.exact, Fold::Loose, &mut f, None);
    if f.ends_with(' ') {
        f.pop();
    }
    if f.is_empty() {
        return Anchored::Empty;
    }
    let hay = text.folded.as_bytes();
    // The text is scanned once: counted as such.
    crate::work::add(crate::work::Work::Bytes, hay.len());
    let (mut first, mut count, mut last) = (0..0, 0usize, 0usize);
    for (n, at) in memchr::memmem::find_iter(hay, f.as_bytes()).enumerate() {
        if n >= MAX_CANDIDATES {
            return anchor_all(text, std::slice::from_ref(quote))
                .pop()
                .unwrap_or(Anchored::Missing { closest: None });
        }
        crate::work::add(crate::work::Work::Bytes, f.len());
        let start = text.map.original(at);
        if (count == 0 || start > last)
            && let Some(span) = exact_at(text.original, start, quote)
            && context_matches(text.original, &span, quote)
        {
            if count == 0 {
                first = span;
            }
            count += 1;
            last = start;
            if count >= MAX_OCCURRENCES {
                break;
            }
        }
    }
    if count == 0 {
        return Anchored::Missing { closest: None };
    }
    let typographic = typographic_difference(quote.exact, &text.original[first.clone()]);
    Anchored::Found {
        span: first,
        occurrences: count,
        typographic,
    }
}

/// Anchors every quote: in one pass over the text's word starts for the quotes that have a word
/// start of their own, and in one pass over every position per key length for the rest.
///
/// Identical quotes are anchored once. Each quote has a budget of candidate places (those whose
/// key hashes as its key does): a quote that spends it (a phrase the loose fold finds all over a
/// text that reads otherwise, case or accents apart) leaves the scan and is anchored by
/// [`anchor_exhaustive`], a linear-time automaton over the text's anchor fold. So no quote is
/// compared at more places than its budget, and the work stays linear in the text and quotes.
pub fn anchor_all(text: &FoldedText<'_>, quotes: &[QuoteRef<'_>]) -> Vec<Anchored> {
    // The first of each set of identical quotes stands for all of them: found by sorting the
    // quotes' positions (4 bytes a quote; a hash map of them weighed a tenth of a large file).
    let key = |i: u32| {
        let q = &quotes[i as usize];
        (q.exact, q.prefix, q.suffix)
    };
    let mut order: Vec<u32> = (0..quotes.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    let mut stands_for: Vec<u32> = (0..quotes.len() as u32).collect();
    for pair in order.windows(2) {
        if key(pair[0]) == key(pair[1]) {
            stands_for[pair[1] as usize] = stands_for[pair[0] as usize];
        }
    }
    drop(order);
    let stands_for = |i: usize| stands_for[i] as usize;
    // Every quote folded as the text is, end to end in one buffer: a hundred thousand strings of
    // their own would cost as much memory again in headers and allocations.
    let mut buf = String::new();
    let mut bounds = Vec::with_capacity(quotes.len() + 1);
    bounds.push(0);
    for (i, q) in quotes.iter().enumerate() {
        let start = buf.len();
        if stands_for(i) == i {
            fold_into(q.exact, Fold::Loose, &mut buf, None);
            if buf.len() > start && buf.ends_with(' ') {
                buf.pop();
            }
        }
        bounds.push(buf.len());
    }
    let folded = |i: usize| &buf[bounds[i]..bounds[i + 1]];
    let hay = text.folded.as_bytes();
    // Where each quote was first found in the original text, and how many times (up to
    // MAX_OCCURRENCES).
    let mut found: Vec<(Range<usize>, usize)> = vec![(0..0, 0); quotes.len()];
    // Where each quote was last found in the original text.
    let mut last = vec![0; quotes.len()];
    // Where each quote's key starts within it.
    let mut key_at = vec![0; quotes.len()];
    // Candidate places each quote has been compared at; past MAX_CANDIDATES it is anchored
    // exhaustively instead.
    let mut candidates = vec![0u16; quotes.len()];
    let mut exhaustive = Vec::new();
    // Quotes keyed by the bytes after their first space, by key length; the rest by their first
    // bytes, by key length.
    let mut after_space: Vec<Vec<usize>> = vec![Vec::new(); KEY_BYTES + 1];
    let mut anywhere: Vec<Vec<usize>> = vec![Vec::new(); KEY_BYTES + 1];
    for (i, key) in key_at.iter_mut().enumerate() {
        let f = folded(i);
        if f.is_empty() {
            continue;
        }
        let word = memchr::memchr(b' ', f.as_bytes()).map(|space| space + 1);
        match word.filter(|&w| f.len() - w >= MIN_WORD_KEY) {
            Some(w) => {
                *key = w;
                after_space[key_len(f.len() - w)].push(i);
            }
            None => anywhere[key_len(f.len())].push(i),
        }
    }
    // Compares quote `i` at the place its key was found at `key`; false once the quote needs no
    // more places (or may be given no more), so that the tables drop it.
    let mut hit = |key: usize, i: usize| -> bool {
        let f = folded(i);
        let Some(at) = key.checked_sub(key_at[i]) else {
            return true;
        };
        let (first, count) = &mut found[i];
        if *count >= MAX_OCCURRENCES {
            return false;
        }
        candidates[i] += 1;
        if usize::from(candidates[i]) > MAX_CANDIDATES {
            exhaustive.push(i);
            *first = 0..0;
            *count = 0;
            return false;
        }
        crate::work::add(crate::work::Work::Bytes, f.len());
        if hay[at..].starts_with(f.as_bytes()) {
            // The loose fold found a place; the quote is there if the text reads the same
            // there, up to whitespace and typographic punctuation, in context.
            let start = text.map.original(at);
            // Places come in text order; two folded places of one original place (inside a
            // character that folds to several) are one occurrence.
            let new_place = *count == 0 || start > last[i];
            if new_place
                && let Some(span) = exact_at(text.original, start, &quotes[i])
                && context_matches(text.original, &span, &quotes[i])
            {
                if *count == 0 {
                    *first = span;
                }
                *count += 1;
                last[i] = start;
            }
        }
        *count < MAX_OCCURRENCES
    };
    let tables = |groups: &[Vec<usize>]| -> Vec<KeyTable> {
        let table = |(len, members): (usize, &Vec<usize>)| {
            (!members.is_empty()).then(|| {
                let keys = members.iter().map(|&i| {
                    let key = &folded(i).as_bytes()[key_at[i]..][..len];
                    (key, i)
                });
                KeyTable::new(len, keys)
            })
        };
        groups.iter().enumerate().filter_map(table).collect()
    };
    // A quote that occurs in the text has its key just after one of the text's spaces.
    let mut word_tables = tables(&after_space);
    if !word_tables.is_empty() {
        for space in memchr::memchr_iter(b' ', hay) {
            for keys in &mut word_tables {
                keys.probe(hay, space + 1, &mut hit);
            }
        }
    }
    for mut keys in tables(&anywhere) {
        keys.scan(hay, &mut hit);
    }
    drop(word_tables);
    if !exhaustive.is_empty() {
        let picked: Vec<(usize, &QuoteRef<'_>)> =
            exhaustive.iter().map(|&i| (i, &quotes[i])).collect();
        for (i, result) in anchor_exhaustive(text.original, &picked) {
            found[i] = result;
        }
    }

    let mut closest_budget = MAX_CLOSEST;
    let mut results: Vec<Anchored> = Vec::with_capacity(quotes.len());
    for (i, (q, (span, occurrences))) in quotes.iter().zip(&found).enumerate() {
        if stands_for(i) != i {
            let same = results[stands_for(i)].clone();
            results.push(same);
            continue;
        }
        let f = folded(i);
        if f.is_empty() {
            results.push(Anchored::Empty);
            continue;
        }
        let occurrences = *occurrences;
        if occurrences > 0 {
            let span = span.clone();
            let typographic = typographic_difference(q.exact, &text.original[span.clone()]);
            results.push(Anchored::Found {
                span,
                occurrences,
                typographic,
            });
            continue;
        }
        let closest = (closest_budget > 0).then(|| {
            closest_budget -= 1;
            closest_passage(text, f)
        });
        results.push(Anchored::Missing {
            closest: closest.flatten(),
        });
    }
    results
}

/// Anchors `quotes` (each with its index) with an Aho-Corasick automaton over the text's anchor
/// fold: each quote's anchor fold with its prefix and suffix around it (with a space between or
/// not, as the text may have), so that every match is a place, in context. Linear in the text,
/// the quotes and the places found; for the few quotes the fast scan gave up on. The text is
/// folded a window at a time (windows overlap by the longest pattern), so that a quote or two
/// sent here does not cost a second copy of a large text.
fn anchor_exhaustive(
    text: &str,
    quotes: &[(usize, &QuoteRef<'_>)],
) -> Vec<(usize, (Range<usize>, usize))> {
    // Each pattern: the quote it stands for, where the quote starts in it, and its length.
    let mut patterns: Vec<String> = Vec::new();
    let mut placed: Vec<(usize, usize, usize)> = Vec::new();
    for (k, q) in quotes.iter().enumerate() {
        let exact = fold(q.1.exact, Fold::Anchor);
        if exact.is_empty() {
            continue;
        }
        let context = |c: Option<&str>| c.map(|c| fold(c, Fold::Anchor)).filter(|c| !c.is_empty());
        let (prefix, suffix) = (context(q.1.prefix), context(q.1.suffix));
        let befores: Vec<String> = match &prefix {
            Some(p) => vec![p.clone(), format!("{p} ")],
            None => vec![String::new()],
        };
        let afters: Vec<String> = match &suffix {
            Some(s) => vec![s.clone(), format!(" {s}")],
            None => vec![String::new()],
        };
        for before in &befores {
            for after in &afters {
                patterns.push(format!("{before}{exact}{after}"));
                placed.push((k, before.len(), exact.len()));
            }
        }
    }
    let longest = patterns.iter().map(String::len).max().unwrap_or(0);
    crate::work::add(
        crate::work::Work::Bytes,
        patterns.iter().map(String::len).sum(),
    );
    // The first places of each quote, as original spans, ascending and distinct.
    let mut places: Vec<Vec<(usize, usize)>> = vec![Vec::new(); quotes.len()];
    let automaton = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&patterns);
    if let (Ok(automaton), false) = (automaton, patterns.is_empty()) {
        let window = (1 << 20).max(4 * longest);
        let mut folded = String::new();
        let mut from = 0;
        let mut size = window;
        while from < text.len() {
            // A window ends after a whitespace run, where the fold of the whole text has a
            // space, so that its fold is the whole text's from `from` on.
            let mut to = floor_char_boundary(text, from.saturating_add(size));
            if to < text.len() {
                to = text[to..]
                    .find(char::is_whitespace)
                    .map(|w| to + w)
                    .and_then(|w| text[w..].find(|c: char| !c.is_whitespace()).map(|n| w + n))
                    .unwrap_or(text.len());
            }
            folded.clear();
            let mut map = OffsetMap::default();
            fold_into(&text[from..to], Fold::Anchor, &mut folded, Some(&mut map));
            crate::work::add(crate::work::Work::Bytes, to - from);
            // Too little folded text to move on by (long whitespace runs): a larger window.
            if to < text.len() && folded.len() < 2 * longest {
                size = size.saturating_mul(2);
                continue;
            }
            size = window;
            for m in automaton.find_overlapping_iter(&folded) {
                let (k, offset, len) = placed[m.pattern().as_usize()];
                let at = m.start() + offset;
                let span = (from + map.original(at), from + map.original(at + len));
                // The smallest distinct starts are kept (windows overlap, and matches come in
                // the order they end).
                let kept = &mut places[k];
                if let Err(i) = kept.binary_search_by_key(&span.0, |p| p.0)
                    && i < MAX_OCCURRENCES
                {
                    kept.insert(i, span);
                    kept.truncate(MAX_OCCURRENCES);
                }
            }
            if to >= text.len() {
                break;
            }
            // The next window starts where a match that runs past this one could start.
            let next = from + map.original(folded.len().saturating_sub(longest));
            from = next.max(from + 1);
            while !text.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    quotes
        .iter()
        .zip(places)
        .map(|(&(i, _), places)| {
            let first = places.first().map_or(0..0, |&(a, b)| a..b);
            (i, (first, places.len()))
        })
        .collect()
}

/// The key length of a folded quote of `len` bytes: the largest power of two up to
/// [`KEY_BYTES`] that fits.
fn key_len(len: usize) -> usize {
    let fit = len.min(KEY_BYTES);
    1 << (usize::BITS - 1 - fit.leading_zeros())
}

/// The keys of one length: their hashes, sorted, with a filter over the hashes to skip most
/// positions of the text without a lookup.
struct KeyTable {
    len: usize,
    /// `(hash, quote)`, sorted by hash; within the run of one hash, the quotes still looked for
    /// come first.
    keys: Vec<(u64, usize)>,
    /// A blocked Bloom filter: each hash sets two bits of one word, so a position costs one
    /// memory access and about one in a thousand goes on to the (cache-missing) binary search.
    filter: Vec<u64>,
    word_shift: u32,
    /// Open addressing from a hash to where its keys start in `keys` and how many of them are
    /// still looked for: one cache miss per hit where a binary search took a dozen (the text
    /// holds many of the keys' prefixes).
    slots: Vec<(u64, u32, u32)>,
}

const EMPTY: u32 = u32::MAX;

/// The filter word of a hash, and the two bits it sets there.
fn probe(h: u64, word_shift: u32) -> (usize, u64) {
    (
        (h >> word_shift) as usize,
        (1 << (h & 63)) | (1 << ((h >> 6) & 63)),
    )
}

impl KeyTable {
    fn new<'k>(len: usize, keys: impl Iterator<Item = (&'k [u8], usize)>) -> KeyTable {
        let mut keys: Vec<(u64, usize)> = keys.map(|(k, i)| (hash(k), i)).collect();
        keys.sort_unstable();
        // About 64 bits per key: few false positives, and a filter that mostly stays in cache.
        let words = keys.len().next_power_of_two().clamp(1 << 6, 1 << 20);
        let word_shift = 64 - words.trailing_zeros();
        let mut filter = vec![0u64; words];
        for &(h, _) in &keys {
            let (word, bits) = probe(h, word_shift);
            filter[word] |= bits;
        }
        let mut slots = vec![(0, EMPTY, 0); (keys.len() * 2).next_power_of_two().max(2)];
        let mask = slots.len() - 1;
        let mut at = 0;
        while at < keys.len() {
            let h = keys[at].0;
            let run = keys[at..].iter().take_while(|&&(k, _)| k == h).count();
            let mut slot = (h >> 12) as usize & mask;
            while slots[slot].1 != EMPTY {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (h, at as u32, run as u32);
            at += run;
        }
        KeyTable {
            len,
            keys,
            filter,
            word_shift,
            slots,
        }
    }

    /// Calls `hit(at, quote)` for each quote still looked for whose key has hash `h`; a quote
    /// for which it returns false is looked for no more.
    fn hits(&mut self, h: u64, at: usize, hit: &mut impl FnMut(usize, usize) -> bool) {
        let mask = self.slots.len() - 1;
        let mut slot = (h >> 12) as usize & mask;
        loop {
            match self.slots[slot] {
                (_, EMPTY, _) => return,
                (k, start, live) if k == h => {
                    let (start, mut live) = (start as usize, live as usize);
                    let mut j = 0;
                    while j < live {
                        if hit(at, self.keys[start + j].1) {
                            j += 1;
                        } else {
                            live -= 1;
                            self.keys.swap(start + j, start + live);
                        }
                    }
                    self.slots[slot].2 = live as u32;
                    return;
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Calls `hit(position, quote)` for every position of `hay`, in order, where a key's hash
    /// occurs (the caller compares the bytes).
    fn scan(&mut self, hay: &[u8], hit: impl FnMut(usize, usize) -> bool) {
        // One loop per length, so that each window is one or two plain loads.
        match self.len {
            32 => self.scan_windows::<32>(hay, hit),
            16 => self.scan_windows::<16>(hay, hit),
            8 => self.scan_windows::<8>(hay, hit),
            4 => self.scan_windows::<4>(hay, hit),
            2 => self.scan_windows::<2>(hay, hit),
            _ => self.scan_windows::<1>(hay, hit),
        }
    }

    /// Calls `hit(at, quote)` for each key whose hash is the hash of the window at `at`, if the
    /// window fits in `hay`.
    fn probe(&mut self, hay: &[u8], at: usize, hit: impl FnMut(usize, usize) -> bool) {
        match self.len {
            32 => self.probe_window::<32>(hay, at, hit),
            16 => self.probe_window::<16>(hay, at, hit),
            8 => self.probe_window::<8>(hay, at, hit),
            4 => self.probe_window::<4>(hay, at, hit),
            2 => self.probe_window::<2>(hay, at, hit),
            _ => self.probe_window::<1>(hay, at, hit),
        }
    }

    #[inline(always)]
    fn probe_window<const N: usize>(
        &mut self,
        hay: &[u8],
        at: usize,
        mut hit: impl FnMut(usize, usize) -> bool,
    ) {
        let Some(window) = hay.get(at..at + N) else {
            return;
        };
        let h = hash(window);
        let (word, bits) = probe(h, self.word_shift);
        if self.filter[word] & bits == bits {
            self.hits(h, at, &mut hit);
        }
    }

    fn scan_windows<const N: usize>(
        &mut self,
        hay: &[u8],
        mut hit: impl FnMut(usize, usize) -> bool,
    ) {
        // Each window is hashed from scratch: no chain from one position to the next, so the
        // positions pipeline.
        for (at, window) in hay.windows(N).enumerate() {
            let h = hash(window);
            let (word, bits) = probe(h, self.word_shift);
            if self.filter[word] & bits == bits {
                self.hits(h, at, &mut hit);
            }
        }
    }
}

/// The hash of a key: its bytes (1, 2, 4, 8, 16 or 32 of them) loaded as integers and mixed.
#[inline(always)]
fn hash(key: &[u8]) -> u64 {
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(w)
    };
    let mut h = word(&key[..key.len().min(8)]);
    for chunk in key.get(8..).unwrap_or_default().chunks(8) {
        h = (h.rotate_left(29) ^ word(chunk)).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    }
    let h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 32)
}

/// The span of `text` from `start` that reads as `q` does up to whitespace runs and typographic
/// punctuation (the anchor fold), if there is one.
fn exact_at(text: &str, start: usize, q: &QuoteRef<'_>) -> Option<Range<usize>> {
    let rest = text.get(start..)?;
    // The usual quote is verbatim.
    let trimmed = q.exact.trim();
    if trimmed.len() == q.exact.len() && rest.starts_with(q.exact) {
        return Some(start..start + q.exact.len());
    }
    let want = fold(q.exact, Fold::Anchor);
    let mut window = want.len() + 16;
    loop {
        let end = floor_char_boundary(rest, window);
        let mut got = String::new();
        let mut map = OffsetMap::default();
        fold_into(&rest[..end], Fold::Anchor, &mut got, Some(&mut map));
        // Past the quote's length, unless the text ends first: whitespace runs fold shorter.
        if got.len() > want.len() || end == rest.len() {
            return got
                .starts_with(&want)
                .then(|| start..start + map.original(want.len()));
        }
        window *= 2;
    }
}

/// Whether the text before `span` ends with the quote's prefix and the text after starts with
/// its suffix, both up to whitespace runs and typographic punctuation.
fn context_matches(text: &str, span: &Range<usize>, q: &QuoteRef<'_>) -> bool {
    let before_ok = q.prefix.is_none_or(|p| {
        let want = fold(p, Fold::Anchor);
        let before = &text[..span.start];
        let mut window = want.len() + 16;
        loop {
            let from = ceil_char_boundary(before, before.len().saturating_sub(window));
            let got = fold(&before[from..], Fold::Anchor);
            if got.len() > want.len() || from == 0 {
                return got.ends_with(&want);
            }
            window *= 2;
        }
    });
    let after_ok = q.suffix.is_none_or(|s| {
        let want = fold(s, Fold::Anchor);
        let after = &text[span.end..];
        let mut window = want.len() + 16;
        loop {
            let to = floor_char_boundary(after, window);
            let got = fold(&after[..to], Fold::Anchor);
            if got.len() > want.len() || to == after.len() {
                return got.starts_with(&want);
            }
            window *= 2;
        }
    });
    before_ok && after_ok
}

/// The text's form of a passage when it differs from the quote in more than whitespace.
fn typographic_difference(quote: &str, passage: &str) -> Option<String> {
    // Compared word by word, so that the usual case (no difference) allocates nothing; and
    // first whole, for the most usual case of all (a verbatim quote).
    if quote == passage || quote.split_whitespace().eq(passage.split_whitespace()) {
        return None;
    }
    Some(passage.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The passage of the text that shares the longest start or end with the quote.
fn closest_passage(text: &FoldedText<'_>, quote: &str) -> Option<String> {
    let hay = text.folded.as_bytes();
    let found = |needle: &str| {
        crate::work::add(crate::work::Work::Bytes, hay.len());
        memchr::memmem::find(hay, needle.as_bytes())
    };
    // Only the quote's first and last CLOSEST_BYTES are looked for: enough to place it, and a
    // bound on the searches of a long quote.
    let head = &quote[..floor_char_boundary(quote, CLOSEST_BYTES)];
    let tail = &quote[ceil_char_boundary(quote, quote.len().saturating_sub(CLOSEST_BYTES))..];
    // Char boundaries of each, ascending; both searches below are binary searches over them
    // (a longer start or end that is found implies every shorter one is).
    let cuts =
        |s: &str| -> Vec<usize> { s.char_indices().map(|(i, _)| i).chain([s.len()]).collect() };
    let (head_cuts, tail_cuts) = (cuts(head), cuts(tail));
    let by_prefix = longest_found(head_cuts.len(), |k| {
        let needle = &head[..head_cuts[k]];
        found(needle).map(|at| (needle.len(), at))
    });
    let by_suffix = longest_found(tail_cuts.len(), |k| {
        let needle = &tail[tail_cuts[tail_cuts.len() - 1 - k]..];
        // Align the passage so that it ends where the shared end ends.
        found(needle).map(|at| {
            (
                needle.len(),
                (at + needle.len()).saturating_sub(quote.len()),
            )
        })
    });
    let (len, at) = match (by_prefix, by_suffix) {
        (Some(p), Some(s)) => {
            if s.0 > p.0 {
                s
            } else {
                p
            }
        }
        (p, s) => p.or(s)?,
    };
    // A shared run of a few letters says nothing about closeness.
    if len < 8.min(quote.len()) {
        return None;
    }
    let start = floor_char_boundary(&text.folded, at);
    let mut end = floor_char_boundary(&text.folded, (start + quote.len()).min(text.folded.len()));
    // Finish the last word, within reason.
    if let Some(space) = text.folded[end..].find(' ').filter(|&n| n <= 24) {
        end += space;
    }
    // Snapped to the original's characters, whatever the fold made of them.
    let span = text.span(start..end);
    let from = floor_char_boundary(text.original, span.start);
    let to = ceil_char_boundary(text.original, span.end.max(from));
    // Line breaks and tabs become one space, but a non-breaking space stays what it is, so the
    // message can say that it differs from the quote's plain one.
    Some(
        text.original[from..to]
            .split_ascii_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The last `k` in `1..n` for which `probe(k)` finds something, assuming that once it fails it
/// fails for every larger `k`.
fn longest_found(
    n: usize,
    probe: impl Fn(usize) -> Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let (mut lo, mut hi, mut best) = (1, n, None);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match probe(mid) {
            Some(hit) => {
                best = Some(hit);
                lo = mid + 1;
            }
            None => hi = mid,
        }
    }
    best
}

/// The smallest char boundary of `s` at or above `at`.
fn ceil_char_boundary(s: &str, at: usize) -> usize {
    (at..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len())
}

/// The largest char boundary of `s` at or below `at`.
pub fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_quote_anchors_as_all_quotes_do() {
        let model = crate::model::builtin();
        let text = FoldedText::new(&model.doc.document.text);
        let words: Vec<&str> = model.doc.document.text.split(' ').collect();
        let mut quotes: Vec<(String, Option<String>, Option<String>)> = model
            .doc
            .items
            .iter()
            .flat_map(|i| &i.quotes)
            .map(|q| (q.exact.clone(), q.prefix.clone(), q.suffix.clone()))
            .collect();
        // Runs of words from everywhere in the text, some found many times ("the"), and a
        // quote that is nowhere.
        for (k, w) in words.iter().enumerate().step_by(7) {
            let n = 1 + k % 4;
            quotes.push((words[k..(k + n).min(words.len())].join(" "), None, None));
            quotes.push(((*w).to_owned(), None, None));
        }
        quotes.push(("zzqx nowhere".into(), None, None));
        quotes.push(("the".into(), None, None));
        let refs: Vec<QuoteRef<'_>> = quotes
            .iter()
            .map(|(e, p, s)| QuoteRef {
                exact: e,
                prefix: p.as_deref(),
                suffix: s.as_deref(),
            })
            .collect();
        let all = anchor_all(&text, &refs);
        for (q, want) in refs.iter().zip(all) {
            let got = anchor_one(&text, q);
            match (&got, &want) {
                (Anchored::Missing { .. }, Anchored::Missing { .. }) => {}
                _ => assert_eq!(got, want, "{:?}", q.exact),
            }
        }
    }

    fn q(exact: &str) -> QuoteRef<'_> {
        QuoteRef {
            exact,
            prefix: None,
            suffix: None,
        }
    }

    const TEXT: &str = "In December, Mexico’s Congress approved a new “national security” law.\u{a0}The law  restricts agents. The law is new.";

    #[test]
    fn finds_a_quote_across_non_breaking_spaces() {
        let t = FoldedText::new(TEXT);
        let r = anchor_all(&t, &[q("law. The law restricts")]);
        let Anchored::Found {
            span,
            occurrences,
            typographic,
        } = &r[0]
        else {
            panic!("{r:?}")
        };
        assert_eq!(&TEXT[span.clone()], "law.\u{a0}The law  restricts");
        assert_eq!(*occurrences, 1);
        assert_eq!(*typographic, None);
    }

    #[test]
    fn ascii_punctuation_matches_with_the_texts_form_reported() {
        let t = FoldedText::new(TEXT);
        let r = anchor_all(&t, &[q("Mexico's Congress")]);
        let Anchored::Found { typographic, .. } = &r[0] else {
            panic!()
        };
        assert_eq!(typographic.as_deref(), Some("Mexico’s Congress"));
    }

    #[test]
    fn counts_repeated_passages_and_selectors_pick_one() {
        let t = FoldedText::new(TEXT);
        let plain = anchor_all(&t, &[q("The law")]);
        assert!(matches!(plain[0], Anchored::Found { occurrences: 2, .. }));
        let picked = anchor_all(
            &t,
            &[QuoteRef {
                exact: "The law",
                prefix: None,
                suffix: Some("is new"),
            }],
        );
        let Anchored::Found {
            span, occurrences, ..
        } = &picked[0]
        else {
            panic!()
        };
        assert_eq!(*occurrences, 1);
        assert!(TEXT[span.end..].starts_with(" is new"));
    }

    #[test]
    fn a_missing_quote_names_the_closest_passage() {
        let t = FoldedText::new(TEXT);
        let r = anchor_all(&t, &[q("Mexico’s Congress approved an old law")]);
        let Anchored::Missing { closest } = &r[0] else {
            panic!()
        };
        assert_eq!(
            closest.as_deref(),
            Some("Mexico’s Congress approved a new “national")
        );
    }

    #[test]
    fn key_lengths_are_powers_of_two_up_to_the_key_size() {
        let lens: Vec<usize> = [1, 2, 3, 7, 8, 31, 32, 33, 1000]
            .into_iter()
            .map(key_len)
            .collect();
        assert_eq!(lens, [1, 2, 2, 4, 8, 16, 32, 32, 32]);
    }

    #[test]
    fn quotes_of_every_length_are_found_with_every_occurrence_counted() {
        let t = FoldedText::new(TEXT);
        let folded = fold(TEXT, Fold::Anchor);
        // Every substring that starts and ends on a character boundary, as a quote.
        let starts: Vec<usize> = (0..folded.len())
            .filter(|&i| folded.is_char_boundary(i) && !folded[i..].starts_with(' '))
            .collect();
        let mut quotes = Vec::new();
        for &a in starts.iter().step_by(3) {
            for len in [1, 2, 3, 5, 9, 17, 40] {
                let b = (a + len).min(folded.len());
                if folded.is_char_boundary(b) && !folded[..b].ends_with(' ') {
                    quotes.push(folded[a..b].to_owned());
                }
            }
        }
        let refs: Vec<QuoteRef<'_>> = quotes.iter().map(|s| q(s)).collect();
        for (quote, result) in quotes.iter().zip(anchor_all(&t, &refs)) {
            let want = (0..folded.len())
                .filter(|&i| folded.as_bytes()[i..].starts_with(quote.as_bytes()))
                .count();
            let Anchored::Found { occurrences, .. } = result else {
                panic!("{quote:?}: {result:?}")
            };
            assert_eq!(occurrences, want.min(MAX_OCCURRENCES), "{quote:?}");
        }
    }

    #[test]
    fn case_and_diacritics_must_match_though_the_search_fold_drops_them() {
        let text = "The law, the Law and López:\n\n\n          lopez  LÓPEZ end.";
        let t = FoldedText::new(text);
        let r = anchor_all(
            &t,
            &[
                q("the law"),
                q("The law"),
                q("Lopez"),
                q("and López: lopez"),
                q("LÓPEZ end"),
            ],
        );
        let found = |a: &Anchored| match a {
            Anchored::Found {
                span, occurrences, ..
            } => Some((&text[span.clone()], *occurrences)),
            _ => None,
        };
        assert_eq!(
            found(&r[0]),
            None,
            "the text has \"the Law\", not \"the law\""
        );
        assert_eq!(found(&r[1]), Some(("The law", 1)));
        assert_eq!(found(&r[2]), None);
        // Across a run of newlines and spaces longer than the quote.
        assert_eq!(found(&r[3]), Some(("and López:\n\n\n          lopez", 1)));
        assert_eq!(found(&r[4]), Some(("LÓPEZ end", 1)));
    }

    #[test]
    fn hangul_syllables_which_fold_to_several_jamo_map_back_whole() {
        // "가나" folds to the start of "가낙": found in the fold, refused by the text, and the
        // closest passage is cut at the text's characters (it once sliced inside "낙").
        let r = anchor_all(&FoldedText::new("가낙"), &[q("가나")]);
        assert!(matches!(&r[0], Anchored::Missing { .. }), "{r:?}");
        // A jamo after a syllable ending in the same jamo: one place, not two.
        let r = anchor_all(&FoldedText::new("가ᅡ"), &[q("ᅡ")]);
        let Anchored::Found {
            span, occurrences, ..
        } = &r[0]
        else {
            panic!("{r:?}")
        };
        assert_eq!((span.clone(), *occurrences), (3..6, 1));
    }

    /// What anchoring means, done the slow way: the anchor-folded quote in the anchor-folded
    /// text, in context, every place counted.
    fn reference(text: &str, quote: &QuoteRef<'_>) -> Option<(Range<usize>, usize)> {
        let mut folded = String::new();
        let mut map = OffsetMap::default();
        fold_into(text, Fold::Anchor, &mut folded, Some(&mut map));
        let want = fold(quote.exact, Fold::Anchor);
        if want.is_empty() {
            return None;
        }
        let places: Vec<Range<usize>> = (0..folded.len())
            .filter(|&i| folded.as_bytes()[i..].starts_with(want.as_bytes()))
            .map(|i| map.original(i)..map.original(i + want.len()))
            .filter(|span| context_matches(text, span, quote))
            .collect();
        let first = places.first()?.clone();
        Some((first, places.len().min(MAX_OCCURRENCES)))
    }

    proptest::proptest! {
        /// Anchoring through the loose fold finds what the anchor fold finds, no more: texts
        /// and quotes from a few words that differ in case, accents, spacing and punctuation.
        #[test]
        fn anchoring_agrees_with_the_anchor_fold(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "law", "Law", "LAW", "López", "lopez", "Lopez", "it’s", "it's", "—", "-",
                    "\u{a0}", " ", "  ", "\n", "e\u{301}", "é", "ß", "北京", "가", "각", "가ᅡ",
                ]),
                1..30,
            ),
            picks in proptest::collection::vec((0usize..30, 1usize..6), 1..6),
        ) {
            let text = words.join(" ");
            let quotes: Vec<String> = picks
                .iter()
                .filter(|&&(a, _)| a < words.len())
                .map(|&(a, n)| words[a..(a + n).min(words.len())].join(" "))
                .collect();
            let refs: Vec<QuoteRef<'_>> = quotes.iter().map(|s| q(s)).collect();
            let t = FoldedText::new(&text);
            for (quote, got) in refs.iter().zip(anchor_all(&t, &refs)) {
                let got = match got {
                    Anchored::Found { span, occurrences, .. } => Some((span, occurrences)),
                    _ => None,
                };
                proptest::prop_assert_eq!(got, reference(&text, quote), "{:?} in {:?}", quote.exact, text);
            }
            // The exhaustive path agrees too, selectors and all.
            let with_context: Vec<QuoteRef<'_>> = quotes
                .iter()
                .zip(&words)
                .map(|(q, w)| QuoteRef { exact: q, prefix: Some(w), suffix: None })
                .chain(quotes.iter().zip(words.iter().rev()).map(|(q, w)| QuoteRef {
                    exact: q,
                    prefix: None,
                    suffix: Some(w),
                }))
                .chain(refs.iter().map(|r| q(r.exact)))
                .collect();
            let picked: Vec<(usize, &QuoteRef<'_>)> = with_context.iter().enumerate().collect();
            for (i, (span, occurrences)) in anchor_exhaustive(&text, &picked) {
                let got = (occurrences > 0).then_some((span, occurrences));
                let quote = &with_context[i];
                proptest::prop_assert_eq!(
                    got,
                    reference(&text, quote),
                    "{:?} ({:?}, {:?}) in {:?}", quote.exact, quote.prefix, quote.suffix, text
                );
            }
        }
    }

    #[test]
    fn a_quote_the_loose_fold_finds_everywhere_is_found_where_the_text_reads_it() {
        let text = format!(
            "{}The law, it said.{}",
            "the law ".repeat(600),
            " the law".repeat(600)
        );
        let t = FoldedText::new(&text);
        crate::work::reset();
        let r = anchor_all(
            &t,
            &[q("The law, it"), q("The law"), q("The law"), q("tHe law")],
        );
        let work = crate::work::count(crate::work::Work::Bytes);
        for found in &r[..3] {
            let Anchored::Found {
                span,
                occurrences: 1,
                ..
            } = found
            else {
                panic!("{found:?}")
            };
            assert_eq!(span.start, 600 * 8);
        }
        assert!(matches!(r[3], Anchored::Missing { .. }), "{:?}", r[3]);
        // The text folded once more, not the quote compared at every place.
        assert!(work < 16 * text.len() as u64, "{work}");
    }

    #[test]
    fn the_exhaustive_pass_finds_places_across_its_windows() {
        // 2.6 MB of text, three windows: a place every 97,000 bytes or so, some across the
        // windows' edges, each after a run of whitespace of its own length.
        let mut text = String::new();
        let mut expected = Vec::new();
        for k in 1..28 {
            while text.len() < k * 97_003 {
                text.push_str("the law  and\u{a0}the\n\nlaw ");
            }
            text.push_str(&" ".repeat(k));
            expected.push(text.len());
            text.push_str("The Law, at last ");
        }
        let quote = QuoteRef {
            exact: "The Law,",
            prefix: Some("law"),
            suffix: Some("at"),
        };
        let found = anchor_exhaustive(&text, &[(0, &quote)]);
        let (span, count) = &found[0].1;
        assert_eq!(*count, expected.len());
        assert_eq!(span.start, expected[0]);
        assert_eq!(&text[span.clone()], "The Law,");
    }

    #[test]
    fn long_quotes_past_the_key_length_are_verified_in_full() {
        let t = FoldedText::new(TEXT);
        let long = "In December, Mexico’s Congress approved a new “national security” law.";
        let wrong = "In December, Mexico’s Congress approved a new “national security” bill.";
        let r = anchor_all(&t, &[q(long), q(wrong), q("  ")]);
        assert!(matches!(r[0], Anchored::Found { .. }));
        assert!(matches!(r[1], Anchored::Missing { .. }));
        assert_eq!(r[2], Anchored::Empty);
    }
}
