//! `argscope quote FILE TEXT`: finds TEXT in the document's text the way search does (case,
//! accents, typographic quotes and whitespace folded) and prints it as a quote ready to paste:
//! the verbatim passage when it occurs once; when it occurs several times, a JSON array with one
//! `{"exact", "prefix", "suffix"}` selector per line, each picking one occurrence, and the line
//! of the text each one is on (on standard error, so standard output stays one JSON value).

use crate::model::anchor::{Anchored, FoldedText, QuoteRef, anchor_all};
use crate::model::search::find_in;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// At most this many occurrences are printed; past it, the query is too common to be a quote.
pub const MAX_OCCURRENCES: usize = 100;
/// Context sizes tried for a selector, in words on each side.
const CONTEXT_WORDS: [usize; 6] = [1, 2, 4, 8, 16, 32];

/// What `quote` found.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// Once: the verbatim passage.
    Once(String),
    /// Several times: one selector per occurrence, with its line (from 1), in text order; and
    /// whether there were more than [`MAX_OCCURRENCES`].
    Several(Vec<(Selector, usize)>, bool),
    /// Nowhere.
    Nowhere,
}

/// A quote with the context that picks one occurrence.
#[derive(Debug, PartialEq, Eq, serde::Serialize)]
pub struct Selector {
    pub exact: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

/// Finds `query` in `text`.
pub fn find(text: &str, query: &str) -> Found {
    let spans = find_in(text, query);
    match spans.as_slice() {
        [] => Found::Nowhere,
        [one] => Found::Once(text[one.clone()].to_owned()),
        _ => {
            let more = spans.len() > MAX_OCCURRENCES;
            let spans = &spans[..spans.len().min(MAX_OCCURRENCES)];
            Found::Several(selectors(text, spans), more)
        }
    }
}

/// For each span, the shortest word context (tried at a few sizes) with which anchoring finds
/// that span and no other; the whole text on both sides when no shorter one does, as in a text
/// that repeats itself. Each size is one anchoring pass over all the spans still open, so the
/// cost is a few passes over the text.
fn selectors(text: &str, spans: &[Range<usize>]) -> Vec<(Selector, usize)> {
    let words: Vec<Range<usize>> = text
        .unicode_word_indices()
        .map(|(at, w)| at..at + w.len())
        .collect();
    let folded = FoldedText::new(text);
    let mut chosen: Vec<Option<Selector>> = spans.iter().map(|_| None).collect();
    for &n in &CONTEXT_WORDS {
        let open: Vec<usize> = (0..spans.len()).filter(|&i| chosen[i].is_none()).collect();
        if open.is_empty() {
            break;
        }
        let candidates: Vec<Selector> = open
            .iter()
            .map(|&i| with_context(text, &words, &spans[i], n))
            .collect();
        let refs: Vec<QuoteRef> = candidates
            .iter()
            .map(|s| QuoteRef {
                exact: &s.exact,
                prefix: s.prefix.as_deref(),
                suffix: s.suffix.as_deref(),
            })
            .collect();
        let anchored = anchor_all(&folded, &refs);
        for ((i, candidate), result) in open.into_iter().zip(candidates).zip(anchored) {
            if let Anchored::Found {
                span,
                occurrences: 1,
                ..
            } = result
                && span == spans[i]
            {
                chosen[i] = Some(candidate);
            }
        }
    }
    let mut line = 1;
    let mut counted = 0;
    spans
        .iter()
        .zip(chosen)
        .map(|(span, selector)| {
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..span.start]).count();
            counted = span.start;
            let selector = selector.unwrap_or_else(|| Selector {
                exact: text[span.clone()].to_owned(),
                prefix: Some(text[..span.start].trim().to_owned()).filter(|p| !p.is_empty()),
                suffix: Some(text[span.end..].trim().to_owned()).filter(|s| !s.is_empty()),
            });
            (selector, line)
        })
        .collect()
}

/// `span` with `n` words of context on each side (fewer at the ends of the text).
fn with_context(text: &str, words: &[Range<usize>], span: &Range<usize>, n: usize) -> Selector {
    // The words wholly before the span and wholly after it.
    let before = words.partition_point(|w| w.end <= span.start);
    let after = words.partition_point(|w| w.start < span.end);
    let prefix = (before > 0).then(|| {
        let from = words[before.saturating_sub(n)].start;
        text[from..span.start].trim().to_owned()
    });
    let suffix = (after < words.len()).then(|| {
        let to = words[(after + n).min(words.len()) - 1].end;
        text[span.end..to].trim().to_owned()
    });
    Selector {
        exact: text[span.clone()].to_owned(),
        prefix: prefix.filter(|p| !p.is_empty()),
        suffix: suffix.filter(|s| !s.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn once_is_the_verbatim_passage_whatever_the_case_accents_and_spaces() {
        let text = "López Obrador said\u{a0}“no” to the U.S. agents.";
        assert_eq!(
            find(text, "lopez obrador said \"no\""),
            Found::Once("López Obrador said\u{a0}“no”".into())
        );
        assert_eq!(find(text, "nowhere"), Found::Nowhere);
    }

    #[test]
    fn several_get_selectors_that_each_pick_their_own_occurrence() {
        let text = "The council voted.\nThen the mayor spoke.\nThe council voted again.";
        let Found::Several(found, false) = find(text, "the council voted") else {
            panic!()
        };
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, 1);
        assert_eq!(found[1].1, 3);
        assert_eq!(found[0].0.exact, "The council voted");
        assert_eq!(found[1].0.suffix.as_deref(), Some("again"));
        // Each selector anchors to its own occurrence only.
        let folded = FoldedText::new(text);
        for (selector, _) in &found {
            let [Anchored::Found { occurrences, .. }] = anchor_all(
                &folded,
                &[QuoteRef {
                    exact: &selector.exact,
                    prefix: selector.prefix.as_deref(),
                    suffix: selector.suffix.as_deref(),
                }],
            )[..] else {
                panic!()
            };
            assert_eq!(occurrences, 1, "{selector:?}");
        }
    }

    #[test]
    fn a_text_that_repeats_itself_falls_back_to_the_whole_context() {
        let text = "a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b \
                    a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b";
        let Found::Several(found, false) = find(text, "a b") else {
            panic!()
        };
        assert!(found.len() > 30);
        let middle = &found[found.len() / 2].0;
        assert!(middle.prefix.as_ref().unwrap().len() > 60);
    }
}
