//! Moving through the article's text by word and by sentence, and widening a selection to whole
//! words, by Unicode's word and sentence boundaries (UAX #29): "U.S. agents" is one sentence,
//! "López's" one word. Each move looks only at the text between where it starts and where it
//! lands (a window that doubles when it must look further back), so a move costs what it
//! crosses, not the article's length.

use crate::work::{self, Work};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Whether a word-boundary segment is a word (has a letter or digit), not spaces or punctuation.
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The start of the first word after the one at `at` (the end of the text when there is none).
pub fn next_word(text: &str, at: usize) -> usize {
    let at = floor(text, at);
    // Each segment looked at is counted, for the tests that a move costs what it crosses.
    let mut segments = text[at..]
        .split_word_bound_indices()
        .inspect(|(_, s)| work::add(Work::Bytes, s.len()))
        .peekable();
    // Past the word under the cursor, if any.
    if let Some(&(_, s)) = segments.peek()
        && is_word(s)
    {
        segments.next();
    }
    segments
        .find(|&(_, s)| is_word(s))
        .map_or(text.len(), |(i, _)| at + i)
}

/// The start of the word before `at` (or of the word `at` is inside); 0 when there is none.
pub fn previous_word(text: &str, at: usize) -> usize {
    let at = floor(text, at);
    let mut window = 256;
    loop {
        let from = floor(text, at.saturating_sub(window));
        work::add(Work::Bytes, at - from);
        let found = text[from..at]
            .split_word_bound_indices()
            .rev()
            .find(|&(_, s)| is_word(s))
            .map(|(i, _)| from + i);
        // A word that starts at the window's edge may start further back: look again, wider.
        match found {
            Some(start) if start > from || from == 0 => return start,
            None if from == 0 => return 0,
            _ => window *= 2,
        }
    }
}

/// Whether a sentence-boundary segment is a sentence, not only the line breaks between
/// paragraphs (which UAX #29 makes segments of their own).
fn is_sentence(segment: &str) -> bool {
    !segment.trim().is_empty()
}

/// The start of the sentence after the one at `at` (the end of the text when there is none).
pub fn next_sentence(text: &str, at: usize) -> usize {
    let at = floor(text, at);
    let start = sentence_start(text, at);
    text[start..]
        .split_sentence_bound_indices()
        .inspect(|(_, s)| work::add(Work::Bytes, s.len()))
        .skip(1)
        .find(|&(_, s)| is_sentence(s))
        .map_or(text.len(), |(i, s)| {
            start + i + (s.len() - s.trim_start().len())
        })
}

/// The start of the sentence `at` is in, or of the one before when `at` is already at a start.
pub fn previous_sentence(text: &str, at: usize) -> usize {
    let at = floor(text, at);
    let start = sentence_start(text, at);
    if start < at {
        start
    } else {
        sentence_start(text, start.saturating_sub(1))
    }
}

/// The start of the sentence that `at` is in (between paragraphs, of the one before).
fn sentence_start(text: &str, at: usize) -> usize {
    let mut window = 1024;
    loop {
        let from = floor(text, at.saturating_sub(window));
        let end = ceil(text, at + 1).min(text.len());
        work::add(Work::Bytes, end - from);
        let found = text[from..end]
            .split_sentence_bound_indices()
            .take_while(|&(i, _)| from + i <= at)
            .filter(|&(_, s)| is_sentence(s))
            .last()
            .map(|(i, s)| from + i + (s.len() - s.trim_start().len()).min(at - from - i));
        match found {
            Some(start) if start > from || from == 0 => return start,
            None if from == 0 => return 0,
            _ => window *= 2,
        }
    }
}

/// `range` widened to whole words at both ends and trimmed of spaces around it: what a reader
/// means by a selection, and what a quote of it should be.
pub fn whole_words(text: &str, range: Range<usize>) -> Range<usize> {
    let (a, b) = (
        floor(text, range.start.min(range.end)),
        ceil(text, range.start.max(range.end)),
    );
    // The start moves back to the start of the word it is inside.
    let start = if a < text.len() && text[a..].chars().next().is_some_and(char::is_alphanumeric) {
        let back = previous_word(text, a + text[a..].chars().next().map_or(0, char::len_utf8));
        back.min(a)
    } else {
        a
    };
    // The end moves on to the end of the word it is inside.
    let end = if b > 0
        && text[..b]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        text[b..]
            .split_word_bound_indices()
            .next()
            .filter(|&(_, s)| is_word(s))
            .map_or(b, |(i, s)| b + i + s.len())
    } else {
        b
    };
    let slice = &text[start..end.max(start)];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    start + lead..(end - trail).max(start + lead)
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "Under López Obrador, the opposite is happening. U.S. agents must now report. \
                     Cooperation has broken down.";

    fn word_at(at: usize) -> &'static str {
        T[at..].split_whitespace().next().unwrap()
    }

    #[test]
    fn words_forward_and_back() {
        let at = next_word(T, 0);
        assert_eq!(word_at(at), "López");
        let at = next_word(T, at);
        assert_eq!(word_at(at), "Obrador,");
        assert_eq!(word_at(previous_word(T, at)), "López");
        // From inside a word, back goes to its start.
        assert_eq!(word_at(previous_word(T, at + 3)), "Obrador,");
        assert_eq!(previous_word(T, 0), 0);
        assert_eq!(next_word(T, T.len()), T.len());
    }

    #[test]
    fn sentences_do_not_break_inside_us_agents() {
        let second = next_sentence(T, 0);
        assert!(
            T[second..].starts_with("U.S. agents must now report."),
            "{}",
            &T[second..]
        );
        let third = next_sentence(T, second);
        assert!(T[third..].starts_with("Cooperation"), "{}", &T[third..]);
        assert_eq!(previous_sentence(T, third), second);
        assert_eq!(previous_sentence(T, third + 5), third);
        assert_eq!(previous_sentence(T, second), 0);
        assert_eq!(next_sentence(T, third), T.len());
    }

    #[test]
    fn a_selection_covers_whole_words_and_no_surrounding_space() {
        let start = T.find("ópez").unwrap();
        let end = T.find("Obrador").unwrap() + 3;
        assert_eq!(&T[whole_words(T, start..end)], "López Obrador");
        let spaced = T.find(" the opposite").unwrap();
        assert_eq!(&T[whole_words(T, spaced..spaced + 5)], "the");
        // Backwards selections too.
        assert_eq!(&T[whole_words(T, end..start)], "López Obrador");
    }

    #[test]
    fn moves_land_right_far_into_a_long_text() {
        let long = "word ".repeat(200_000);
        let near_end = long.len() - 12;
        assert_eq!(previous_word(&long, near_end) % 5, 0);
        assert!(next_word(&long, 3) == 5);
    }
}
