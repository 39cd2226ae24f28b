//! Anchoring quotes in the text: every quote resolves to a byte span of `document.text`.
//!
//! The text is folded once (whitespace runs, typographic punctuation) and every quote is found in
//! a single pass over it with an Aho-Corasick automaton over the quotes' first bytes, so the cost
//! is linear in the text, not one search per quote.

use super::fold::{Fold, OffsetMap, fold, fold_into};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// How many bytes of a folded quote go into the automaton; the rest is checked at each hit.
const KEY_BYTES: usize = 32;
/// Occurrences remembered per quote; more only count.
const MAX_OCCURRENCES: usize = 64;
/// Missing quotes for which the closest passage is looked for (each costs a few text scans).
const MAX_CLOSEST: usize = 50;

/// The text, folded once, with the way back to original offsets.
pub struct FoldedText<'t> {
    original: &'t str,
    folded: String,
    map: OffsetMap,
}

impl<'t> FoldedText<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut map = OffsetMap::default();
        fold_into(text, Fold::Anchor, &mut folded, Some(&mut map));
        FoldedText {
            original: text,
            folded,
            map,
        }
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

/// Anchors every quote in one pass over the text.
pub fn anchor_all(text: &FoldedText<'_>, quotes: &[QuoteRef<'_>]) -> Vec<Anchored> {
    let folded: Vec<String> = quotes.iter().map(|q| fold(q.exact, Fold::Anchor)).collect();
    let mut key_ids: HashMap<&str, usize> = HashMap::new();
    let mut keys: Vec<&str> = Vec::new();
    let mut key_of: Vec<Option<usize>> = Vec::with_capacity(quotes.len());
    for f in &folded {
        if f.is_empty() {
            key_of.push(None);
            continue;
        }
        let key = &f[..floor_char_boundary(f, KEY_BYTES)];
        let id = *key_ids.entry(key).or_insert_with(|| {
            keys.push(key);
            keys.len() - 1
        });
        key_of.push(Some(id));
    }
    // Positions at which each key occurs in the folded text.
    let mut hits: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    if !keys.is_empty()
        && let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
    {
        for m in ac.find_overlapping_iter(&text.folded) {
            hits[m.pattern().as_usize()].push(m.start());
        }
    }

    let mut closest_budget = MAX_CLOSEST;
    quotes
        .iter()
        .zip(&folded)
        .zip(&key_of)
        .map(|((q, f), key)| {
            let Some(key) = key else {
                return Anchored::Empty;
            };
            let starts: Vec<usize> = hits[*key]
                .iter()
                .copied()
                .filter(|&at| text.folded[at..].starts_with(f.as_str()))
                .filter(|&at| context_matches(text, at, at + f.len(), q))
                .take(MAX_OCCURRENCES)
                .collect();
            match starts.first() {
                Some(&at) => {
                    let span = text.span(at..at + f.len());
                    let typographic = typographic_difference(q.exact, &text.original[span.clone()]);
                    Anchored::Found {
                        span,
                        occurrences: starts.len(),
                        typographic,
                    }
                }
                None => {
                    let closest = (closest_budget > 0).then(|| {
                        closest_budget -= 1;
                        closest_passage(text, f)
                    });
                    Anchored::Missing {
                        closest: closest.flatten(),
                    }
                }
            }
        })
        .collect()
}

fn context_matches(text: &FoldedText<'_>, start: usize, end: usize, q: &QuoteRef<'_>) -> bool {
    let before_ok = q.prefix.is_none_or(|p| {
        text.folded[..start]
            .trim_end()
            .ends_with(fold(p, Fold::Anchor).as_str())
    });
    let after_ok = q.suffix.is_none_or(|s| {
        text.folded[end..]
            .trim_start()
            .starts_with(fold(s, Fold::Anchor).as_str())
    });
    before_ok && after_ok
}

/// The text's form of a passage when it differs from the quote in more than whitespace.
fn typographic_difference(quote: &str, passage: &str) -> Option<String> {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let p = squash(passage);
    (squash(quote) != p).then_some(p)
}

/// The passage of the text that shares the longest start or end with the quote.
fn closest_passage(text: &FoldedText<'_>, quote: &str) -> Option<String> {
    let hay = text.folded.as_bytes();
    let found = |needle: &str| memchr::memmem::find(hay, needle.as_bytes());
    // Char boundaries of the quote, ascending; both searches below are binary searches over them
    // (a longer start or end that is found implies every shorter one is).
    let cuts: Vec<usize> = quote
        .char_indices()
        .map(|(i, _)| i)
        .chain([quote.len()])
        .collect();
    let by_prefix = longest_found(cuts.len(), |k| {
        let needle = &quote[..cuts[k]];
        found(needle).map(|at| (needle.len(), at))
    });
    let by_suffix = longest_found(cuts.len(), |k| {
        let needle = &quote[cuts[cuts.len() - 1 - k]..];
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
    let span = text.span(start..end);
    Some(
        text.original[span]
            .split_whitespace()
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
