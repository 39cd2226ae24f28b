//! The quote a reader's selection becomes: the passage verbatim, with the shortest `prefix` and
//! `suffix` that pick this occurrence of it when the text has it more than once.
//!
//! Everything is measured in the text's anchor fold (how the loader compares quotes), in a few
//! linear passes: one fold, one scan for the passage's occurrences, and one Z-algorithm pass on
//! each side that gives, for every other occurrence at once, how much of the context it shares
//! with this one. A context one byte longer than the most any occurrence shares excludes it, so
//! the shortest selector is chosen from those numbers without a search per occurrence. A short
//! result is then anchored the way the loader anchors it, and a selector that does not come back
//! to the range (some corner of the folds) is replaced by the whole text on both sides.

use super::Quote;
use super::anchor::{Anchored, FoldedText, QuoteRef, anchor_all};
use super::fold::{Fold, OffsetMap, fold_into};
use crate::work::{self, Work};
use std::ops::Range;

/// The most context, in folded bytes, looked at on each side. A passage that needs more (a text
/// that repeats itself for pages) is given the whole text on both sides.
const MAX_CONTEXT: usize = 1 << 16;
/// The longest selector (prefix and suffix together, in bytes) that is checked by anchoring it
/// again. The loader compares a quote at up to 128 candidate places, each as long as the quote:
/// for the long contexts of a text that repeats itself that check would cost a hundred passes
/// over the text, so those are trusted to the computation (which the property tests check).
const MAX_CHECKED: usize = 4096;
/// How far a context's edge moves to finish the word it cuts.
const MAX_WORD_END: usize = 64;

/// The quote for `range` of the text: `exact` verbatim, with the shortest `prefix`/`suffix`
/// that make it anchor to this occurrence when the passage occurs more than once (none when
/// once). The returned quote must anchor back to exactly `range` under the loader's rules.
///
/// `range` is first snapped to character boundaries and trimmed of whitespace, as the loader
/// trims a quote; the quote anchors back to that trimmed range. An empty range gives an empty
/// `exact` (which the loader refuses: there is nothing to quote).
pub fn quote_for(text: &str, range: Range<usize>) -> Quote {
    let range = trimmed(text, range);
    let exact = text[range.clone()].to_owned();
    let plain = Quote {
        exact: exact.clone(),
        prefix: None,
        suffix: None,
    };
    if range.is_empty() {
        return plain;
    }
    let Some((prefix_end, suffix_start)) = shortest_context(text, &range) else {
        return whole_context(text, range);
    };
    let quote = Quote {
        exact,
        prefix: prefix_end.map(|start| text[start..range.start].trim().to_owned()),
        suffix: suffix_start.map(|end| text[range.end..end].trim().to_owned()),
    };
    let quote = Quote {
        prefix: quote.prefix.filter(|p| !p.is_empty()),
        suffix: quote.suffix.filter(|s| !s.is_empty()),
        ..quote
    };
    let context =
        quote.prefix.as_ref().map_or(0, String::len) + quote.suffix.as_ref().map_or(0, String::len);
    if quote == plain || context > MAX_CHECKED || anchors_to(text, &quote, &range) {
        quote
    } else {
        whole_context(text, range)
    }
}

/// Whether `quote` anchors to `range` under the loader's rules.
fn anchors_to(text: &str, quote: &Quote, range: &Range<usize>) -> bool {
    let folded = FoldedText::new(text);
    let found = anchor_all(
        &folded,
        &[QuoteRef {
            exact: &quote.exact,
            prefix: quote.prefix.as_deref(),
            suffix: quote.suffix.as_deref(),
        }],
    );
    matches!(&found[..], [Anchored::Found { span, .. }] if span == range)
}

/// Everything before and after the passage: no other occurrence has all of it.
fn whole_context(text: &str, range: Range<usize>) -> Quote {
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    Quote {
        exact: text[range.clone()].to_owned(),
        prefix: some(&text[..range.start]),
        suffix: some(&text[range.end..]),
    }
}

/// `range` on character boundaries, without whitespace at either end.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (floor(range.start), floor(range.end));
    let end = end.max(start);
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead)..(end - trail).max(start + lead)
}

/// Where the prefix starts and the suffix ends in the original text (`None`: no prefix, or no
/// suffix) for the shortest selector; `None` when no context within [`MAX_CONTEXT`] picks the
/// passage out.
#[allow(clippy::type_complexity)]
fn shortest_context(text: &str, range: &Range<usize>) -> Option<(Option<usize>, Option<usize>)> {
    let mut folded = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    fold_into(text, Fold::Anchor, &mut folded, Some(&mut map));
    let f = folded.as_bytes();
    let n = f.len();
    work::add(Work::Bytes, text.len());
    // The passage's place in the fold: the first folded byte that comes from it, and the first
    // that comes after it.
    let to_folded = |at: usize| partition(n + 1, |x| map.original(x) < at);
    let (fs, fe) = (to_folded(range.start), to_folded(range.end));
    if fs >= fe || fe > n {
        return None;
    }
    let exact = &f[fs..fe];
    // Every occurrence of the passage in the fold, overlapping ones too.
    let finder = aho_corasick::AhoCorasick::new([exact]).ok()?;
    let starts: Vec<usize> = finder.find_overlapping_iter(f).map(|m| m.start()).collect();
    work::add(Work::Bytes, n);
    if !starts.contains(&fs) {
        return None;
    }
    if starts.len() == 1 {
        return Some((None, None));
    }
    let len = fe - fs;
    // Whitespace between a context and the passage does not count: a context is compared from
    // the first byte past it.
    let after = |end: usize| end + usize::from(f.get(end) == Some(&b' '));
    let before = |start: usize| start - usize::from(start > 0 && f[start - 1] == b' ');
    // The context this occurrence has on each side (without a trailing space at the text's
    // end, which no suffix can ask for), in folded bytes.
    let (a_k, b_k) = (after(fe), before(fs));
    let after_len = n - a_k - usize::from(f.last() == Some(&b' ') && a_k < n);
    let before_len = b_k;
    // How much of this occurrence's context each other one shares.
    let pattern = &f[a_k..(a_k + MAX_CONTEXT).min(n)];
    let shared_after = shared(
        |i| pattern[i],
        pattern.len(),
        |i| f[i],
        n,
        starts.iter().filter(|&&s| s != fs).map(|&s| after(s + len)),
    );
    let back = b_k.min(MAX_CONTEXT);
    let shared_before = shared(
        |i| f[b_k - 1 - i],
        back,
        |i| f[n - 1 - i],
        n,
        starts.iter().filter(|&&s| s != fs).map(|&s| n - before(s)),
    );
    // A context can exclude an occurrence only by going past what they share; sharing all that
    // was looked at means it cannot within MAX_CONTEXT (or at all, when the context ends there).
    let limit = |shared: usize, looked: usize| (shared < looked).then_some(shared);
    let others: Vec<(Option<usize>, Option<usize>)> = shared_before
        .iter()
        .zip(&shared_after)
        .map(|(&b, &a)| (limit(b, back), limit(a, pattern.len())))
        .collect();
    let (prefix, suffix) = choose(&others, (before_len, after_len))?;
    let prefix_start = (prefix > 0).then(|| word_start(text, map.original(b_k - prefix)));
    let suffix_end = (suffix > 0).then(|| word_end(text, map.original(a_k + suffix)));
    Some((prefix_start, suffix_end))
}

/// The shortest (prefix, suffix) lengths, at most `max` each, that exclude every other
/// occurrence, given how much of each side each one shares (`None`: all of it, so that side
/// cannot exclude it).
fn choose(
    others: &[(Option<usize>, Option<usize>)],
    max: (usize, usize),
) -> Option<(usize, usize)> {
    // Sorted by what they share before, most first: a prefix one byte longer than what a group
    // shares excludes it and every group after it; the suffix must exclude the groups before.
    let mut sorted: Vec<(Option<usize>, Option<usize>)> = others.to_vec();
    sorted.sort_unstable_by_key(|o| std::cmp::Reverse(o.0.unwrap_or(usize::MAX)));
    let need = |shared: Option<usize>| shared.map(|s| s + 1);
    let mut best: Option<(usize, usize)> = None;
    let mut consider = |p: usize, s: usize| {
        if p <= max.0 && s <= max.1 && best.is_none_or(|(bp, bs)| p + s < bp + bs) {
            best = Some((p, s));
        }
    };
    // The suffix that excludes every group before the current one (None: none can).
    let mut suffix = Some(0);
    let mut i = 0;
    while i < sorted.len() {
        let group = sorted[i].0;
        let end = i + sorted[i..].iter().take_while(|o| o.0 == group).count();
        if let (Some(p), Some(s)) = (need(group), suffix) {
            consider(p, s);
        }
        for o in &sorted[i..end] {
            suffix = suffix.and_then(|m| need(o.1).map(|n| n.max(m)));
        }
        i = end;
    }
    // No prefix: the suffix excludes them all.
    if let Some(s) = suffix {
        consider(0, s);
    }
    best
}

/// For each place of `places` in the text, how many bytes from it read as the pattern does (the
/// Z-algorithm's matching pass: linear in the text and the pattern, whatever they repeat).
fn shared(
    pattern: impl Fn(usize) -> u8,
    m: usize,
    text: impl Fn(usize) -> u8,
    n: usize,
    places: impl Iterator<Item = usize>,
) -> Vec<usize> {
    let mut places: Vec<(usize, usize)> = places.enumerate().map(|(k, p)| (p, k)).collect();
    let mut out = vec![0; places.len()];
    if m == 0 || places.is_empty() {
        return out;
    }
    places.sort_unstable();
    // The pattern's own Z array: z[i] is how much of the pattern from i reads as its start.
    let mut z = vec![0usize; m];
    z[0] = m;
    let (mut l, mut r) = (0, 0);
    for i in 1..m {
        let mut k = if i < r { z[i - l].min(r - i) } else { 0 };
        while i + k < m && pattern(k) == pattern(i + k) {
            k += 1;
        }
        if i + k > r {
            (l, r) = (i, i + k);
        }
        z[i] = k;
    }
    work::add(Work::Bytes, m);
    // The text from the first place on, with the box [l, r) of text known to read as the
    // pattern's start.
    let first = places[0].0;
    let (mut l, mut r) = (first, first);
    let mut next = 0;
    for i in first..n {
        let mut k = if i < r { z[i - l].min(r - i) } else { 0 };
        if i + k >= r {
            while k < m && i + k < n && pattern(k) == text(i + k) {
                k += 1;
            }
            if i + k > r {
                (l, r) = (i, i + k);
            }
        }
        while next < places.len() && places[next].0 == i {
            out[places[next].1] = k;
            next += 1;
        }
        if next == places.len() {
            break;
        }
    }
    work::add(Work::Bytes, n.saturating_sub(first));
    // Places at the text's end share nothing.
    out
}

/// The first `x` in `0..n` for which `before(x)` is false (`n` when there is none).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// `at` moved back to the start of the word it is in (at most [`MAX_WORD_END`] bytes).
fn word_start(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let from = at.saturating_sub(MAX_WORD_END);
    let from = (from..=at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    text[from..at]
        .rfind(char::is_whitespace)
        .map_or(if from == 0 { 0 } else { at }, |w| {
            from + w + text[from + w..].chars().next().map_or(1, char::len_utf8)
        })
}

/// `at` moved on to the end of the word it is in (at most [`MAX_WORD_END`] bytes).
fn word_end(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let mut to = (at + MAX_WORD_END).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text[at..to]
        .find(char::is_whitespace)
        .map_or(if to == text.len() { to } else { at }, |w| at + w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchored(text: &str, q: &Quote) -> (Range<usize>, usize) {
        let folded = FoldedText::new(text);
        match &anchor_all(
            &folded,
            &[QuoteRef {
                exact: &q.exact,
                prefix: q.prefix.as_deref(),
                suffix: q.suffix.as_deref(),
            }],
        )[..]
        {
            [
                Anchored::Found {
                    span, occurrences, ..
                },
            ] => (span.clone(), *occurrences),
            other => panic!("{q:?} did not anchor: {other:?}"),
        }
    }

    #[test]
    fn a_passage_found_once_has_no_context() {
        let text = "The council voted. Then the mayor spoke.";
        let at = text.find("mayor").unwrap();
        let q = quote_for(text, at..at + 5);
        assert_eq!(q.exact, "mayor");
        assert_eq!((q.prefix, q.suffix), (None, None));
    }

    #[test]
    fn a_repeated_passage_gets_the_shortest_context_that_picks_it() {
        let text = "The council voted.\nThen the mayor spoke.\nThe council voted again.";
        let second = text.rfind("council voted").unwrap();
        let q = quote_for(text, second..second + "council voted".len());
        assert_eq!(q.exact, "council voted");
        assert_eq!(q.suffix.as_deref(), Some("again."));
        assert_eq!(q.prefix, None);
        assert_eq!(anchored(text, &q), (second..second + 13, 1));
        // The first one: "The" before it is shared, the "." after it is not.
        let first = text.find("council voted").unwrap();
        let q = quote_for(text, first..first + 13);
        assert_eq!(anchored(text, &q), (first..first + 13, 1));
        assert_eq!((q.prefix, q.suffix.as_deref()), (None, Some(".")));
    }

    #[test]
    fn whitespace_and_typographic_forms_do_not_tell_occurrences_apart() {
        // The loader reads both as "the law's": only the words after tell them apart.
        let text = "the law’s reach grew; the law's\u{a0}reach shrank";
        let second = text.rfind("the law").unwrap();
        let end = second + "the law's".len();
        let q = quote_for(text, second..end);
        assert_eq!(anchored(text, &q), (second..end, 1));
        // One word before is shorter than "reach s…" after.
        assert_eq!((q.prefix.as_deref(), q.suffix), (Some("grew;"), None));
    }

    #[test]
    fn a_text_that_repeats_itself_still_anchors() {
        let text = "a b ".repeat(50);
        let at = 100;
        let q = quote_for(&text, at..at + 3);
        assert_eq!(q.exact, "a b");
        assert_eq!(anchored(&text, &q).0, at..at + 3);
    }

    #[test]
    fn a_passage_inside_a_longer_word_is_told_apart() {
        let text = "swords and words";
        let at = text.rfind("words").unwrap();
        let q = quote_for(text, at..at + 5);
        assert_eq!(anchored(text, &q), (at..at + 5, 1));
        assert_eq!(q.prefix.as_deref(), Some("and"));
    }

    /// The computed selector itself, without the check and the fallback that `quote_for` adds:
    /// long selectors are not checked, so the computation must be right on its own.
    fn computed(text: &str, range: Range<usize>) -> Option<Quote> {
        let (prefix, suffix) = shortest_context(text, &range)?;
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Some(Quote {
            exact: text[range.clone()].to_owned(),
            prefix: prefix.and_then(|p| some(&text[p..range.start])),
            suffix: suffix.and_then(|e| some(&text[range.end..e])),
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]

        #[test]
        fn the_computed_selector_anchors_without_a_check(
            words in proptest::collection::vec(
                proptest::sample::select(vec!["the", "law", "law’s", "law's", "U.S.", "a", "b", "words", "swords", "“no”", "\"no\"", "—", "-", "ﬁne"]),
                1..80,
            ),
            spaces in proptest::collection::vec(proptest::sample::select(vec![" ", " ", "\u{a0}", "\n", "  "]), 80),
            a in 0usize..1000,
            len in 1usize..40,
        ) {
            let text: String = words.iter().zip(&spaces).map(|(w, s)| format!("{w}{s}")).collect();
            let a = a % text.len();
            let range = crate::model::motion::whole_words(&text, a..(a + len).min(text.len()));
            proptest::prop_assume!(!range.is_empty());
            if let Some(q) = computed(&text, range.clone()) {
                proptest::prop_assert!(anchors_to(&text, &q, &range), "{:?} for {:?}", q, range);
                proptest::prop_assert_eq!(anchored(&text, &q).1, 1, "{:?}", q);
            }
        }
    }
}
