//! `quote_for`, the quote a Text-pane selection becomes: on random texts full of repeats, the
//! quote anchors back to exactly the selection, once, under the loader's own rules; and its cost
//! grows with the text, not with the square of it.

use argscope::model::Quote;
use argscope::model::anchor::{Anchored, FoldedText, QuoteRef, anchor_all, quote_for};
use argscope::model::motion::whole_words;
use argscope::work::{self, Work};
use proptest::prelude::*;

fn anchor(text: &str, q: &Quote) -> Anchored {
    let folded = FoldedText::new(text);
    anchor_all(
        &folded,
        &[QuoteRef {
            exact: &q.exact,
            prefix: q.prefix.as_deref(),
            suffix: q.suffix.as_deref(),
        }],
    )
    .remove(0)
}

/// Texts of a few short words, so that passages repeat, with the whitespace and punctuation
/// the anchor fold treats as equal.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the", "law", "law’s", "law's", "U.S.", "agents", "a", "b", "López", "—", "-", "“no”",
        "\"no\"", "swords", "words", "ﬁne", "fine",
    ]);
    let space = prop::sample::select(vec![" ", " ", " ", "\u{a0}", "\n", "  ", "\t"]);
    prop::collection::vec((word, space), 1..120).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, s)| format!("{w}{s}"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_quote_of_a_selection_anchors_back_to_it_once(text in text(), a in 0usize..2000, b in 0usize..2000) {
        let (a, b) = (a % (text.len() + 1), b % (text.len() + 1));
        let range = whole_words(&text, a.min(b)..a.max(b));
        prop_assume!(!range.is_empty());
        let q = quote_for(&text, range.clone());
        prop_assert_eq!(&q.exact, &text[range.clone()]);
        match anchor(&text, &q) {
            Anchored::Found { span, occurrences, .. } => {
                prop_assert_eq!(span, range, "{:?}", q);
                prop_assert_eq!(occurrences, 1, "{:?}", q);
            }
            other => prop_assert!(false, "{:?} did not anchor: {:?}", q, other),
        }
    }
}

#[test]
fn a_passage_found_once_is_quoted_verbatim_without_context() {
    let text = "In December, Mexico’s Congress approved a new law.";
    let at = text.find("Mexico’s Congress").unwrap();
    let q = quote_for(text, at..at + "Mexico’s Congress".len());
    assert_eq!(
        q,
        Quote {
            exact: "Mexico’s Congress".into(),
            prefix: None,
            suffix: None
        }
    );
}

/// The work `quote_for` counts for a word in the middle of `copies` copies of a sentence.
fn cost(copies: usize) -> (u64, usize) {
    let sentence = "The cartels grew while the agents waited for reports. ";
    let text = sentence.repeat(copies);
    let at = sentence.len() * (copies / 2) + 4;
    work::reset();
    let q = quote_for(&text, at..at + "cartels".len());
    let spent = work::count(Work::Bytes);
    // The context reaches the ends of the text, and picks this copy.
    let context =
        q.prefix.as_ref().map_or(0, String::len) + q.suffix.as_ref().map_or(0, String::len);
    assert!(context > text.len() / 3, "{context} of {}", text.len());
    assert!(
        matches!(anchor(&text, &q), Anchored::Found { span, occurrences: 1, .. } if span == (at..at + 7))
    );
    (spent, text.len())
}

#[test]
fn quoting_a_word_of_a_text_that_repeats_itself_costs_what_the_text_is_long() {
    // Every copy of the sentence is an occurrence, and the word's context must reach the text's
    // ends: a search per occurrence would be quadratic.
    let (small, n) = cost(500);
    let (large, m) = cost(1_000);
    assert!(m == 2 * n);
    assert!(
        large < small * 3,
        "twice the text cost {large} units of work against {small}"
    );
}
