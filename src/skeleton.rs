//! `argscope new`: a skeleton document around an article's text, one example item of each kind,
//! each quoting a real passage, so that it validates as written and shows the format by example.

use crate::model::fold::{Fold, fold};
use crate::model::*;
use unicode_segmentation::UnicodeSegmentation;

/// Why no skeleton could be made of a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkeletonError {
    #[error("the text has too few words to quote from (it needs at least {0})")]
    TooFewWords(usize),
    #[error(
        "the text holds a control character (U+{0:04X}) at byte {1}: an article is plain text; remove it and run again"
    )]
    ControlCharacter(u32, usize),
}

/// The longest example quote, in words.
const MAX_QUOTE_WORDS: usize = 12;

/// The skeleton as pretty JSON, with `"$schema"` first. It passes `check --strict` for any text
/// that has words: each example quote is a passage found once in the text (or, in a text that
/// repeats itself entirely, a selector that picks one occurrence), and no two items quote the same
/// passage.
pub fn skeleton(text: &str) -> Result<String, SkeletonError> {
    // A text file saved on Windows, or with a byte-order mark, would otherwise embed a CR at every
    // line end (a control-character warning) and a BOM in the title.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = &text.replace("\r\n", "\n");
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| crate::model::validate::is_unsafe_control(c))
    {
        return Err(SkeletonError::ControlCharacter(c as u32, at));
    }
    let passages = example_quotes(text, Kind::ALL.len())?;
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| first_words(l, 80))
        .unwrap_or_else(|| "Untitled".into());
    let link = |rel: &str, to: &str| Link {
        rel: rel.into(),
        to: to.into(),
        group: None,
        note: None,
    };
    let item = |k: usize, id: &str, title: &str, links: Vec<Link>, fields: KindFields| Item {
        id: id.into(),
        kind: Kind::ALL[k],
        title: title.into(),
        summary: Some("In your own words: what this item is and why it matters.".into()),
        quotes: vec![passages[k].clone()],
        links,
        tags: vec!["example".into()],
        fields,
    };
    let doc = Document {
        format: FORMAT.into(),
        document: Source {
            title: title.clone(),
            source: Some("Who published it, and where".into()),
            published: None,
            url: None,
            text: text.into(),
        },
        relations: builtin_relations(),
        items: vec![
            item(
                0,
                "example-event",
                "Something that happened",
                vec![link("involves", "example-actor")],
                KindFields::Event {
                    when: Some(When {
                        label: "the article's own phrase for when".into(),
                        date: None,
                    }),
                },
            ),
            item(
                1,
                "example-actor",
                "Someone who acts",
                vec![link("enacts", "example-provision")],
                KindFields::Actor {
                    role: Some("Their role".into()),
                    group: Some("Their side".into()),
                },
            ),
            item(
                2,
                "example-provision",
                "What a law or programme says",
                vec![],
                KindFields::Provision {
                    instrument: Some("The law or programme".into()),
                },
            ),
            item(
                3,
                "example-recommendation",
                "What the author recommends",
                vec![
                    link("addresses", "example-provision"),
                    link("addressed-to", "example-actor"),
                ],
                KindFields::Recommendation {},
            ),
            item(
                4,
                "example-claim",
                "The author's main claim",
                vec![link("mentions", "example-event")],
                KindFields::Claim {
                    unstated: false,
                    role: ClaimRole::Thesis,
                },
            ),
        ],
        comparisons: vec![Comparison {
            id: "example-comparison".into(),
            title: "Two things to read side by side".into(),
            left: Side {
                label: "Left".into(),
                items: vec!["example-provision".into()],
            },
            right: Side {
                label: "Right".into(),
                items: vec!["example-recommendation".into()],
            },
            pairs: vec![["example-provision".into(), "example-recommendation".into()]],
        }],
    };
    // The article has no controls (refused above), but JSON escaping stays the one safe way out.
    let json = serde_json::to_string_pretty(&doc).map(crate::model::sanitize::json);
    let json = json.unwrap_or_default();
    // `"$schema"` first, pointing beside the document: `argscope schema > argscope.schema.json`.
    Ok(json.replacen('{', "{\n  \"$schema\": \"argscope.schema.json\",", 1))
}

/// At most `max` bytes of `line`, cut at a word boundary.
fn first_words(line: &str, max: usize) -> String {
    if line.len() <= max {
        return line.to_owned();
    }
    let mut end = 0;
    for (at, word) in line.unicode_word_indices() {
        if at + word.len() > max {
            break;
        }
        end = at + word.len();
    }
    if end == 0 {
        end = line
            .char_indices()
            .nth(max / 4)
            .map_or(line.len(), |(i, _)| i);
    }
    format!("{}…", &line[..end])
}

/// `count` example quotes, spread over the text, each found exactly once and none the same.
///
/// Linear in the text: every window of up to [`MAX_QUOTE_WORDS`] words is counted once by hash;
/// a window unique among word windows is then confirmed against the folded text with one memmem
/// scan, and only a bounded number of candidates are scanned per quote.
fn example_quotes(text: &str, count: usize) -> Result<Vec<Quote>, SkeletonError> {
    let words: Vec<(usize, usize)> = text
        .unicode_word_indices()
        .map(|(at, w)| (at, at + w.len()))
        .collect();
    if words.len() < count {
        return Err(SkeletonError::TooFewWords(count));
    }
    let folded_text = fold(text, Fold::Anchor);
    let hashes: Vec<u64> = words
        .iter()
        .map(|&(a, b)| hash_of(&fold(&text[a..b], Fold::Anchor)))
        .collect();
    // windows[len - 1]: how many times each window of `len` words occurs, by hash.
    let window = |start: usize, len: usize| {
        hashes[start..start + len].iter().fold(len as u64, |h, &w| {
            h.rotate_left(7) ^ w.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        })
    };
    let mut windows: Vec<std::collections::HashMap<u64, u32>> = Vec::new();
    for len in 1..=MAX_QUOTE_WORDS.min(words.len()) {
        let mut counts = std::collections::HashMap::new();
        for start in 0..=words.len() - len {
            *counts.entry(window(start, len)).or_insert(0u32) += 1;
        }
        windows.push(counts);
    }
    let passage = |start: usize, len: usize| {
        let (a, _) = words[start];
        let (_, b) = words[start + len - 1];
        text[a..b].split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let occurrences = |p: &str| {
        memchr::memmem::find_iter(folded_text.as_bytes(), fold(p, Fold::Anchor).as_bytes()).count()
    };
    const CANDIDATES_PER_QUOTE: usize = 16;
    let step = words.len() / count;
    let mut chosen: Vec<Quote> = Vec::new();
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    for k in 0..count {
        let mut scanned = 0;
        let found = (0..words.len())
            .map(|i| (k * step + i) % words.len())
            .find_map(|start| {
                if scanned >= CANDIDATES_PER_QUOTE {
                    return None;
                }
                let max_len = MAX_QUOTE_WORDS.min(words.len() - start);
                // The shortest window from here that no other window of its length repeats.
                let len = (1..=max_len).find(|&len| windows[len - 1][&window(start, len)] == 1)?;
                let p = passage(start, len.max(3.min(max_len)));
                scanned += 1;
                (!taken.contains(&p) && occurrences(&p) == 1).then_some(p)
            });
        let quote = match found {
            Some(p) => Quote {
                exact: p,
                prefix: None,
                suffix: None,
            },
            // A text that repeats itself everywhere: the text before and after pick the one
            // occurrence (no other has as much text on both sides).
            None => {
                let start = (k * step).min(words.len() - 1);
                let (a, b) = words[start];
                Quote {
                    exact: text[a..b].to_owned(),
                    prefix: Some(text[..a].to_owned()).filter(|p| !p.trim().is_empty()),
                    suffix: Some(text[b..].to_owned()).filter(|s| !s.trim().is_empty()),
                }
            }
        };
        taken.insert(quote.exact.clone());
        chosen.push(quote);
    }
    Ok(chosen)
}

fn hash_of(s: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_of_the_article_validates_cleanly() {
        let text = include_str!("../assets/mexico-drug-war.json");
        let article: serde_json::Value = serde_json::from_str(text).unwrap();
        let json = skeleton(article["document"]["text"].as_str().unwrap()).unwrap();
        let model = load(json.as_bytes()).unwrap();
        assert_eq!(model.doc.items.len(), 5);
        assert!(model.warnings.is_empty(), "{:#?}", model.warnings);
    }

    #[test]
    fn windows_line_ends_and_a_byte_order_mark_are_not_embedded() {
        let json = skeleton("\u{FEFF}Title\r\n\r\nOne two three four five six seven.\r\n").unwrap();
        let model = load(json.as_bytes()).unwrap();
        assert!(model.warnings.is_empty(), "{:#?}", model.warnings);
        assert_eq!(model.doc.document.title, "Title");
        assert!(!model.doc.document.text.contains('\r'));
    }

    #[test]
    fn a_text_too_short_to_quote_gives_nothing() {
        assert_eq!(skeleton("two words"), Err(SkeletonError::TooFewWords(5)));
    }

    /// The skeleton of `text` loads with no warning at all (`check --strict` passes).
    fn assert_strict_clean(text: &str) {
        let json = skeleton(text).unwrap();
        assert!(json.starts_with("{\n  \"$schema\": \"argscope.schema.json\","));
        let model = load(json.as_bytes()).unwrap_or_else(|p| panic!("{text:?}: {p:#?}"));
        assert!(model.warnings.is_empty(), "{text:?}: {:#?}", model.warnings);
        assert_eq!(model.doc.items.len(), 5);
    }

    #[test]
    fn any_text_with_words_gives_a_skeleton_that_passes_strict() {
        for text in [
            "Title\r\n\r\nThe council voted. The council voted. The council voted. The council voted.\r\n",
            "a a a a a a a a a a",
            "the same phrase and the same phrase and the same phrase",
            "東京都は新しい規則を発表した。市民は驚いた。議会は反対した。",
            "one two three four five six seven eight nine ten eleven twelve",
            "\n\n   \nSecond paragraph is the title. Another sentence follows it here.\n",
            "one two three four five",
        ] {
            assert_strict_clean(text);
        }
    }

    #[test]
    fn a_text_without_words_or_with_controls_is_refused_with_a_reason() {
        assert_eq!(skeleton("  ... !!! \n"), Err(SkeletonError::TooFewWords(5)));
        assert_eq!(
            skeleton("Hello \u{1b}[31m world one two three"),
            Err(SkeletonError::ControlCharacter(0x1b, 6))
        );
    }

    #[test]
    fn a_long_first_line_gives_a_title_cut_at_a_word() {
        let line = "word ".repeat(40) + "end.";
        let json = skeleton(&line).unwrap();
        let model = load(json.as_bytes()).unwrap();
        let title = &model.doc.document.title;
        assert!(title.len() <= 84 && title.ends_with("word…"), "{title}");
    }
}
